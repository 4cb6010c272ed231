import { Select, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../app/api/errors';
import { FormActions } from '../../app/components/FormActions';
import { FormErrorAlert } from '../../app/components/QueryStates';
import { UnsavedChangesModal } from '../../app/components/UnsavedChangesModal';
import { useSaveKeys } from '../admin/shared/keys';
import { notifySaved } from '../admin/shared/notify';
import { codeFromName } from '../admin/process/processModel';
import { type UnitFee, type VatCategory, useSaveCatalogue, useUnitFees } from './catalogueApi';
import { CatalogueListPage } from './CatalogueListPage';
import { unitFeeColumns } from './unitFeeColumns';
import { vatCategoryOptions } from './VatCategoryLabel';

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
  const saveKeys = useSaveKeys(() => submit(), save.isPending);
  return (
    <UnsavedChangesModal dirty={form.isDirty()} opened onClose={onClose} title={item ? item.name : t('pricing.fees.new')} attributes={{ content: { 'data-testid': 'unit-fee-modal' } }}>
      <form onSubmit={submit} onKeyDown={saveKeys} noValidate>
        <Stack gap="sm">
          <FormErrorAlert error={save.error} extra={extra} testId="unit-fee-form-error" />
          <TextInput label={t('admin.fields.name')} required data-autofocus {...form.getInputProps('name')}
            onChange={(e) => { form.setFieldValue('name', e.currentTarget.value); if (!item) form.setFieldValue('code', codeFromName(e.currentTarget.value)); }} data-testid="unit-fee-name" />
          <TextInput label={t('admin.fields.code')} description={t('admin.fields.codeHint')} required {...form.getInputProps('code')} data-testid="unit-fee-code" />
          <TextInput label={t('pricing.fields.unit')} description={t('pricing.fees.unitHint')} required maxLength={20} {...form.getInputProps('unit')} data-testid="unit-fee-unit" />
          <Select label={t('pricing.fields.vatCategory')} data={vatCategoryOptions(t)} allowDeselect={false} {...form.getInputProps('vatCategory')} data-testid="unit-fee-vatCategory" />
          <Switch label={t('admin.fields.active')} {...form.getInputProps('active', { type: 'checkbox' })} data-testid="unit-fee-active" />
          <FormActions creating={!item} pending={save.isPending} onCancel={onClose} testId="unit-fee-save" />
        </Stack>
      </form>
    </UnsavedChangesModal>
  );
}

/** /admin/pricing/fees — unit fees such as a call-out (their prices live in the price lists). */
export default function UnitFeesPage() {
  const { t } = useTranslation();
  const list = useUnitFees('all');
  return (
    <CatalogueListPage
      testId="fees"
      query={list}
      newLabel={t('pricing.fees.new')}
      emptyTitle={t('pricing.fees.empty')}
      minWidth={560}
      columns={unitFeeColumns(t)}
      modal={(item, onClose) => <UnitFeeModal item={item} onClose={onClose} />}
    />
  );
}
