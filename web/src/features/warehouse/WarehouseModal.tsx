import { MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../app/api/errors';
import { FormActions } from '../../app/components/FormActions';
import { FormErrorAlert } from '../../app/components/QueryStates';
import { UnsavedChangesModal } from '../../app/components/UnsavedChangesModal';
import { useStaff } from '../admin/queues/api';
import { notifySaved } from '../admin/shared/notify';
import { type Warehouse, type WarehouseInput, type WarehouseKind, useSaveWarehouse } from './api';

type Values = { code: string; name: string; kind: WarehouseKind; ownerUserId: string | null; userIds: string[]; active: boolean };

/** Creates a warehouse (the main store or a technician's van) or changes it, with who may take stock from it. */
export function WarehouseModal({ warehouse, onClose }: { warehouse: Warehouse | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveWarehouse();
  const staff = useStaff();
  const [extra, setExtra] = useState<string[]>([]);
  const form = useForm<Values>({
    initialValues: warehouse
      ? { code: warehouse.code, name: warehouse.name, kind: warehouse.kind, ownerUserId: warehouse.ownerUserId === null ? null : String(warehouse.ownerUserId), userIds: warehouse.userIds.map(String), active: warehouse.active }
      : { code: '', name: '', kind: 'store', ownerUserId: null, userIds: [], active: true },
    validate: {
      code: (v) => (v.trim() ? null : t('errors.required')),
      name: (v) => (v.trim() ? null : t('errors.required')),
      ownerUserId: (v, all) => (all.kind === 'van' && !v ? t('warehouse.warehouses.ownerRequired') : null),
    },
  });
  const submit = form.onSubmit((v) => {
    setExtra([]);
    const body: Partial<WarehouseInput> = {
      code: v.code.trim(), name: v.name.trim(), kind: v.kind, ownerUserId: v.ownerUserId === null ? null : Number(v.ownerUserId),
      userIds: v.userIds.map(Number), active: v.active,
    };
    save.mutate({ id: warehouse?.id ?? null, body }, {
      onSuccess: (w) => { notifySaved(t('warehouse.warehouses.saved', { name: w.name })); onClose(); },
      onError: (e) => setExtra(applyFormErrors(form, e, t)),
    });
  });
  const options = staff.data?.options ?? [];
  return (
    <UnsavedChangesModal dirty={form.isDirty()} opened onClose={onClose} size="lg" title={warehouse ? warehouse.name : t('warehouse.warehouses.new')} attributes={{ content: { 'data-testid': 'warehouse-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormErrorAlert error={save.error} extra={extra} testId="warehouse-form-error" />
          <SegmentedControl
            fullWidth
            data={[{ value: 'store', label: t('warehouse.kinds.store') }, { value: 'van', label: t('warehouse.kinds.van') }]}
            {...form.getInputProps('kind')}
            data-testid="warehouse-kind"
          />
          <Text size="xs" c="dimmed">{t(`warehouse.warehouses.kindHint.${form.values.kind}`)}</Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label={t('warehouse.fields.code')} required data-autofocus autoComplete="off" {...form.getInputProps('code')} data-testid="warehouse-code" />
            <TextInput label={t('warehouse.fields.name')} required autoComplete="off" {...form.getInputProps('name')} style={{ gridColumn: 'span 2' }} className="wh-span" data-testid="warehouse-name" />
          </SimpleGrid>
          <Select
            label={t('warehouse.fields.owner')}
            description={t('warehouse.warehouses.ownerHint')}
            required={form.values.kind === 'van'}
            clearable
            searchable
            data={options}
            {...form.getInputProps('ownerUserId')}
            data-testid="warehouse-owner"
          />
          <MultiSelect
            label={t('warehouse.fields.users')}
            description={t('warehouse.warehouses.usersHint')}
            searchable
            clearable
            data={options}
            {...form.getInputProps('userIds')}
            data-testid="warehouse-users"
          />
          <Switch label={t('admin.fields.active')} {...form.getInputProps('active', { type: 'checkbox' })} data-testid="warehouse-active" />
          <FormActions creating={!warehouse} pending={save.isPending} onCancel={onClose} testId="warehouse-save" />
        </Stack>
      </form>
    </UnsavedChangesModal>
  );
}
