import { Badge, Fieldset, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
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
import { type VatCategory, type WorkType, useSaveCatalogue, useWorkTypes } from './catalogueApi';
import { CatalogueListPage } from './CatalogueListPage';
import { vatCategoryLabel, vatCategoryOptions } from './VatCategoryLabel';
import { NumberField, typedNotANumber } from '../../app/components/NumberField';

type Values = {
  code: string; name: string; nameCs: string; nameSk: string; nameEn: string;
  vatCategory: VatCategory; billableDefault: boolean; minimumMinutes: number | string; active: boolean;
};

/** The names on documents per language, in the order the form shows them. */
const DOCUMENT_NAMES = [['nameCs', 'cs'], ['nameSk', 'sk'], ['nameEn', 'en']] as const;

function toValues(item: WorkType | null): Values {
  if (!item) return { code: '', name: '', nameCs: '', nameSk: '', nameEn: '', vatCategory: 'standard', billableDefault: true, minimumMinutes: 0, active: true };
  return {
    code: item.code, name: item.name, nameCs: item.nameCs ?? '', nameSk: item.nameSk ?? '', nameEn: item.nameEn ?? '',
    vatCategory: item.vatCategory, billableDefault: item.billableDefault, minimumMinutes: item.minimumMinutes, active: item.active,
  };
}

/** Only the fields the API takes (not the id and stamps of the item read); an empty name in a language is none. */
function toBody(v: Values) {
  const named = (text: string) => (text.trim() === '' ? null : text.trim());
  return {
    code: v.code.trim(), name: v.name.trim(), nameCs: named(v.nameCs), nameSk: named(v.nameSk), nameEn: named(v.nameEn),
    vatCategory: v.vatCategory, billableDefault: v.billableDefault, minimumMinutes: v.minimumMinutes === '' ? 0 : Number(v.minimumMinutes), active: v.active,
  };
}

function WorkTypeModal({ item, onClose }: { item: WorkType | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveCatalogue<WorkType>('work-types');
  const [extra, setExtra] = useState<string[]>([]);
  const form = useForm<Values>({
    initialValues: toValues(item),
    validate: {
      name: (v) => (v.trim() ? null : t('errors.required')), code: (v) => (v.trim() ? null : t('errors.required')),
      // The field says why its text is no number of minutes; the form only refuses to send it.
      minimumMinutes: (v) => (typedNotANumber(v) ? t('common.numberNotNumber') : null),
    },
  });
  const submit = form.onSubmit((v) => {
    setExtra([]);
    save.mutate({ id: item?.id ?? null, body: toBody(v) }, {
      onSuccess: () => { notifySaved(t('pricing.saved')); onClose(); },
      onError: (e) => setExtra(applyFormErrors(form, e, t)),
    });
  });
  const saveKeys = useSaveKeys(() => submit(), save.isPending);
  return (
    <UnsavedChangesModal dirty={form.isDirty()} opened onClose={onClose} title={item ? item.name : t('pricing.workTypes.new')} attributes={{ content: { 'data-testid': 'work-type-modal' } }}>
      <form onSubmit={submit} onKeyDown={saveKeys} noValidate>
        <Stack gap="sm">
          <FormErrorAlert error={save.error} extra={extra} testId="work-type-form-error" />
          <TextInput label={t('admin.fields.name')} required data-autofocus {...form.getInputProps('name')}
            onChange={(e) => { form.setFieldValue('name', e.currentTarget.value); if (!item) form.setFieldValue('code', codeFromName(e.currentTarget.value)); }} data-testid="work-type-name" />
          <TextInput label={t('admin.fields.code')} description={t('admin.fields.codeHint')} required {...form.getInputProps('code')} data-testid="work-type-code" />
          <Fieldset legend={t('pricing.workTypes.documentNames')} variant="unstyled" p={0} m={0}
            styles={{ legend: { fontSize: 'var(--mantine-font-size-sm)', fontWeight: 600, padding: 0 } }} data-testid="work-type-document-names">
            <Text size="xs" c="dimmed" mb={4}>{t('pricing.workTypes.documentNamesHint')}</Text>
            <Stack gap={6}>
              {DOCUMENT_NAMES.map(([field, language]) => (
                <TextInput key={field} label={t(`pricing.workTypes.nameIn.${language}`)} maxLength={200} {...form.getInputProps(field)} data-testid={`work-type-${field}`} />
              ))}
            </Stack>
          </Fieldset>
          <Select label={t('pricing.fields.vatCategory')} data={vatCategoryOptions(t)} allowDeselect={false} {...form.getInputProps('vatCategory')} data-testid="work-type-vatCategory" />
          <NumberField label={t('pricing.fields.minimumMinutes')} description={t('pricing.workTypes.minimumHint')} min={0} max={1440} allowDecimal={false} {...form.getInputProps('minimumMinutes')} data-testid="work-type-minimumMinutes" />
          <Switch label={t('pricing.fields.billableDefault')} {...form.getInputProps('billableDefault', { type: 'checkbox' })} data-testid="work-type-billableDefault" />
          <Switch label={t('admin.fields.active')} {...form.getInputProps('active', { type: 'checkbox' })} data-testid="work-type-active" />
          <FormActions creating={!item} pending={save.isPending} onCancel={onClose} testId="work-type-save" />
        </Stack>
      </form>
    </UnsavedChangesModal>
  );
}

/** /admin/pricing/work-types — what work is priced by (rates per work type live in the price lists). */
export default function WorkTypesPage() {
  const { t } = useTranslation();
  const list = useWorkTypes('all');
  return (
    <CatalogueListPage
      testId="work-types"
      query={list}
      newLabel={t('pricing.workTypes.new')}
      emptyTitle={t('pricing.workTypes.empty')}
      minWidth={640}
      columns={[
        { header: t('pricing.fields.vatCategory'), cell: (w) => vatCategoryLabel(t, w.vatCategory) },
        { header: t('pricing.fields.minimumMinutes'), cell: (w) => (w.minimumMinutes ? `${w.minimumMinutes} min` : '—') },
        { header: t('pricing.fields.billableDefault'), cell: (w) => <Badge variant="light" color={w.billableDefault ? 'green' : 'gray'}>{w.billableDefault ? t('common.yes') : t('common.no')}</Badge> },
      ]}
      modal={(item, onClose) => <WorkTypeModal item={item} onClose={onClose} />}
    />
  );
}
