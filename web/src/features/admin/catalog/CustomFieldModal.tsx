import { Group, Select, SimpleGrid, Stack, Switch, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../app/components/FormActions';
import { NumberField, typedNotANumber } from '../../../app/components/NumberField';
import { UnsavedChangesModal } from '../../../app/components/UnsavedChangesModal';
import { FormErrorAlert } from '../../../app/components/QueryStates';
import { useSaveKeys } from '../shared/keys';
import { usePhone } from '../../../app/components/usePhone';
import type { TicketType } from '../process/api';
import { typeLabel } from '../../tickets/labels';
import { CUSTOM_FIELD_KINDS, type CustomField, type CustomFieldKind, hasOptions, useSaveCustomField } from './api';
import { applyFormErrors } from '../../../app/api/errors';

const GLOBAL = 'all';
const KEY_PATTERN = /^[a-z][A-Za-z0-9_]*$/;

/** Key from a label: "Číslo objednávky" → "cisloObjednavky". */
export function keyFromLabel(label: string): string {
  const words = label.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  const key = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join('');
  return key.replace(/^[^a-z]+/, '').slice(0, 50);
}

/** Create (type or global, key, kind) or change a custom field (its key and type stay). */
export function CustomFieldModal({ field, types, defaultTypeId, onClose }: { field: CustomField | null; types: TicketType[]; defaultTypeId: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const save = useSaveCustomField();
  const [extra, setExtra] = useState<string[]>([]);
  const [keyTouched, setKeyTouched] = useState(!!field);
  const form = useForm({
    initialValues: {
      typeId: field ? String(field.typeId ?? GLOBAL) : String(defaultTypeId ?? GLOBAL),
      key: field?.key ?? '',
      label: field?.label ?? '',
      kind: (field?.kind ?? 'text') as CustomFieldKind,
      options: field?.options ?? [],
      required: field?.required ?? false,
      sortOrder: (field?.sortOrder ?? 0) as number | string,
      active: field?.active ?? true,
    },
    validate: {
      label: (v) => (v.trim() ? null : t('errors.required')),
      key: (v) => (field ? null : !v.trim() ? t('errors.required') : KEY_PATTERN.test(v.trim()) ? null : t('errors.invalid_key')),
      options: (v, values) => (hasOptions(values.kind) && v.length === 0 ? t('admin.customFields.optionsRequired') : null),
      // The field says what is wrong with text that is no whole number; the form only refuses to send it.
      sortOrder: (v) => (v === '' ? t('errors.required') : typedNotANumber(v) ? t('common.numberNotNumber') : null),
    },
  });
  const choices = hasOptions(form.values.kind);

  const submit = form.onSubmit((v) => {
    setExtra([]);
    const common = { label: v.label.trim(), kind: v.kind, options: hasOptions(v.kind) ? v.options : [], required: v.required, sortOrder: Number(v.sortOrder), active: v.active };
    const body = field ? common : { ...common, key: v.key.trim(), typeId: v.typeId === GLOBAL ? null : Number(v.typeId) };
    save.mutate(
      { id: field?.id ?? null, body },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: t('admin.saved', { name: saved.label }) });
          onClose();
        },
        onError: (error) => setExtra(applyFormErrors(form, error, t, Object.fromEntries(v.options.map((_, i) => [`options.${i}`, 'options'])))),
      },
    );
  }, () => {
    // Refused by the form itself: the server's last answer spoke of what was sent before.
    save.reset();
    setExtra([]);
  });

  const saveKeys = useSaveKeys(() => submit(), save.isPending);

  return (
    <UnsavedChangesModal opened dirty={form.isDirty()} fullScreen={phone} onClose={onClose} size="lg" title={field ? t('admin.customFields.editTitle') : t('admin.customFields.newTitle')} attributes={{ content: { 'data-testid': 'field-modal' } }}>
      <form onSubmit={submit} onKeyDown={saveKeys} noValidate>
        <Stack gap="sm">
          <FormErrorAlert error={save.error} extra={extra} testId="field-form-error" />
          <Select
            label={t('admin.customFields.appliesTo')}
            data={[{ value: GLOBAL, label: t('admin.customFields.allTypes') }, ...types.map((ty) => ({ value: String(ty.id), label: typeLabel(t, ty) }))]}
            allowDeselect={false}
            disabled={!!field}
            {...form.getInputProps('typeId')}
            data-testid="field-typeId"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('admin.customFields.label')}
              required
              data-autofocus
              {...form.getInputProps('label')}
              onChange={(e) => {
                form.setFieldValue('label', e.currentTarget.value);
                if (!keyTouched) form.setFieldValue('key', keyFromLabel(e.currentTarget.value));
              }}
              data-testid="field-label"
            />
            <TextInput
              label={t('admin.customFields.key')}
              description={field ? t('admin.customFields.keyFixed') : t('admin.customFields.keyHint')}
              required
              disabled={!!field}
              {...form.getInputProps('key')}
              onChange={(e) => {
                setKeyTouched(true);
                form.setFieldValue('key', e.currentTarget.value);
              }}
              data-testid="field-key"
            />
            <Select
              label={t('admin.customFields.kind')}
              data={CUSTOM_FIELD_KINDS.map((k) => ({ value: k, label: t(`admin.customFields.kinds.${k}`) }))}
              allowDeselect={false}
              {...form.getInputProps('kind')}
              data-testid="field-kind"
            />
            <NumberField label={t('admin.fields.sortOrder')} allowDecimal={false} min={0} {...form.getInputProps('sortOrder')} data-testid="field-sortOrder" />
          </SimpleGrid>
          {choices ? (
            <TagsInput
              label={t('admin.customFields.options')}
              description={t('admin.customFields.optionsHint')}
              required
              {...form.getInputProps('options')}
              data-testid="field-options"
            />
          ) : null}
          <Group gap="xl">
            <Switch label={t('admin.customFields.required')} {...form.getInputProps('required', { type: 'checkbox' })} data-testid="field-required" />
            <Switch label={t('admin.fields.active')} {...form.getInputProps('active', { type: 'checkbox' })} data-testid="field-active" />
          </Group>
          <FormActions creating={!field} pending={save.isPending} onCancel={onClose} testId="field-save" />
        </Stack>
      </form>
    </UnsavedChangesModal>
  );
}
