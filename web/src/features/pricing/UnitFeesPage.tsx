import { ActionIcon, Button, Group, Modal, Paper, Select, Stack, Switch, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../app/api/errors';
import { useAuth } from '../../app/auth/AuthProvider';
import { EmptyState, ErrorState, FormErrorAlert, LoadingState } from '../../app/components/QueryStates';
import { ActiveBadge } from '../admin/shared/ActiveBadge';
import { notifySaved } from '../admin/shared/notify';
import { codeFromName } from '../admin/process/processModel';
import { type UnitFee, type VatCategory, useSaveCatalogue, useUnitFees } from './catalogueApi';
import { PricingHeader } from './PricingHeader';
import { vatCategoryLabel, vatCategoryOptions } from './VatCategoryLabel';

type Values = { code: string; name: string; unit: string; vatCategory: VatCategory; active: boolean };

function UnitFeeModal({ item, onClose }: { item: UnitFee | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveCatalogue<UnitFee>('unit-fees');
  const [extra, setExtra] = useState<string[]>([]);
  const required = (v: string) => (v.trim() ? null : t('errors.required'));
  const form = useForm<Values>({
    initialValues: item ? { ...item } : { code: '', name: '', unit: '', vatCategory: 'standard', active: true },
    validate: { name: required, code: required, unit: required },
  });
  const submit = form.onSubmit((v) => {
    setExtra([]);
    save.mutate({ id: item?.id ?? null, body: { ...v, code: v.code.trim(), name: v.name.trim(), unit: v.unit.trim() } }, {
      onSuccess: () => { notifySaved(t('pricing.saved')); onClose(); },
      onError: (e) => setExtra(applyFormErrors(form, e, t)),
    });
  });
  return (
    <Modal opened onClose={onClose} title={item ? item.name : t('pricing.fees.new')} attributes={{ content: { 'data-testid': 'unit-fee-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormErrorAlert error={save.error} extra={extra} testId="unit-fee-form-error" />
          <TextInput label={t('admin.fields.name')} required data-autofocus {...form.getInputProps('name')}
            onChange={(e) => { form.setFieldValue('name', e.currentTarget.value); if (!item) form.setFieldValue('code', codeFromName(e.currentTarget.value)); }} data-testid="unit-fee-name" />
          <TextInput label={t('admin.fields.code')} description={t('admin.fields.codeHint')} required {...form.getInputProps('code')} data-testid="unit-fee-code" />
          <TextInput label={t('pricing.fields.unit')} description={t('pricing.fees.unitHint')} required maxLength={20} {...form.getInputProps('unit')} data-testid="unit-fee-unit" />
          <Select label={t('pricing.fields.vatCategory')} data={vatCategoryOptions(t)} allowDeselect={false} {...form.getInputProps('vatCategory')} data-testid="unit-fee-vatCategory" />
          <Switch label={t('admin.fields.active')} {...form.getInputProps('active', { type: 'checkbox' })} data-testid="unit-fee-active" />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={save.isPending} data-testid="unit-fee-save">{item ? t('common.save') : t('admin.create')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** /admin/pricing/fees — unit fees such as a call-out (their prices live in the price lists). */
export default function UnitFeesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const manage = can('pricing.manage');
  const list = useUnitFees('all');
  const [editing, setEditing] = useState<UnitFee | null | undefined>(undefined);
  return (
    <div data-testid="page-pricing-fees">
      <PricingHeader actions={manage ? <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid="fees-new">{t('pricing.fees.new')}</Button> : undefined} />
      <Paper withBorder>
        {list.isPending ? <LoadingState /> : list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : list.data.length === 0 ? (
          <EmptyState title={t('pricing.fees.empty')} />
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table data-testid="fees-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.fields.name')}</Table.Th>
                  <Table.Th>{t('admin.fields.code')}</Table.Th>
                  <Table.Th>{t('pricing.fields.unit')}</Table.Th>
                  <Table.Th>{t('pricing.fields.vatCategory')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                  {manage ? <Table.Th w={48} aria-label={t('common.actions')} /> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((f) => (
                  <Table.Tr key={f.id} data-testid={`fees-row-${f.id}`} data-code={f.code}>
                    <Table.Td fw={500}>{f.name}</Table.Td>
                    <Table.Td><Text className="mono" size="sm">{f.code}</Text></Table.Td>
                    <Table.Td>{f.unit}</Table.Td>
                    <Table.Td>{vatCategoryLabel(t, f.vatCategory)}</Table.Td>
                    <Table.Td><ActiveBadge active={f.active} /></Table.Td>
                    {manage ? (
                      <Table.Td>
                        <Tooltip label={t('common.edit')}>
                          <ActionIcon variant="subtle" onClick={() => setEditing(f)} aria-label={`${t('common.edit')}: ${f.name}`} data-testid={`fees-edit-${f.id}`}><IconPencil size={16} /></ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {editing !== undefined ? <UnitFeeModal item={editing} onClose={() => setEditing(undefined)} /> : null}
    </div>
  );
}
