import { Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../app/components/FormActions';
import { NumberField, typedNotANumber } from '../../../app/components/NumberField';
import { UnsavedChangesModal } from '../../../app/components/UnsavedChangesModal';
import { FormErrorAlert } from '../../../app/components/QueryStates';
import { type TicketType, useSaveTicketType } from './api';
import { typeLabel } from '../../tickets/labels';
import { CODE_PATTERN, codeFromName } from './processModel';
import { useSaveKeys } from '../shared/keys';
import { applyFormErrors } from '../../../app/api/errors';

/** Create a type (type = null; it starts with the default process) or change name, code, order, status. */
export function TicketTypeModal({ type, onClose, onCreated }: { type: TicketType | null; onClose: () => void; onCreated?: (t: TicketType) => void }) {
  const { t } = useTranslation();
  const save = useSaveTicketType(type?.id ?? null);
  const [extra, setExtra] = useState<string[]>([]);
  const [codeTouched, setCodeTouched] = useState(!!type);
  // A seeded type's English name is shown translated (as everywhere else); saved unchanged, it stays as stored.
  const shownName = type ? typeLabel(t, type) : '';
  const form = useForm({
    initialValues: { name: shownName, code: type?.code ?? '', sortOrder: (type?.sortOrder ?? 0) as number | string, active: type?.active ?? true },
    validate: {
      name: (v) => (v.trim() ? null : t('errors.required')),
      code: (v) => (!v.trim() ? t('errors.required') : CODE_PATTERN.test(v.trim()) ? null : t('errors.invalid_code')),
      // The field says what is wrong with text that is no whole number; the form only refuses to send it.
      sortOrder: (v) => (v === '' ? t('errors.required') : typedNotANumber(v) ? t('common.numberNotNumber') : null),
    },
  });
  const field = (path: string, type: 'input' | 'checkbox' = 'input') => ({ ...form.getInputProps(path, { type }), 'data-testid': `type-${path}` });

  const submit = form.onSubmit((v) => {
    setExtra([]);
    save.mutate(
      { name: type && v.name.trim() === shownName ? type.name : v.name.trim(), code: v.code.trim(), sortOrder: Number(v.sortOrder), active: v.active },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: t('admin.types.saved', { name: typeLabel(t, saved) }) });
          onClose();
          if (!type) onCreated?.(saved);
        },
        onError: (error) => setExtra(applyFormErrors(form, error, t)),
      },
    );
  }, () => {
    // Refused by the form itself: the server's last answer spoke of what was sent before.
    save.reset();
    setExtra([]);
  });

  const saveKeys = useSaveKeys(() => submit(), save.isPending);

  return (
    <UnsavedChangesModal opened dirty={form.isDirty()} onClose={onClose} title={type ? t('admin.types.editTitle') : t('admin.types.newTitle')} attributes={{ content: { 'data-testid': 'type-modal' } }}>
      <form onSubmit={submit} onKeyDown={saveKeys} noValidate>
        <Stack gap="sm">
          <FormErrorAlert error={save.error} extra={extra} testId="type-form-error" />
          <TextInput
            label={t('admin.fields.name')}
            required
            data-autofocus
            {...field('name')}
            onChange={(e) => {
              form.setFieldValue('name', e.currentTarget.value);
              if (!codeTouched) form.setFieldValue('code', codeFromName(e.currentTarget.value));
            }}
          />
          <TextInput
            label={t('admin.fields.code')}
            description={t('admin.fields.codeHint')}
            required
            {...field('code')}
            onChange={(e) => {
              setCodeTouched(true);
              form.setFieldValue('code', e.currentTarget.value);
            }}
          />
          <NumberField label={t('admin.fields.sortOrder')} description={t('admin.fields.sortOrderHint')} allowDecimal={false} {...field('sortOrder')} />
          <Switch label={t('admin.fields.active')} {...field('active', 'checkbox')} />
          {type ? null : <Text size="xs" c="dimmed">{t('admin.types.defaultProcessNote')}</Text>}
          <FormActions creating={!type} pending={save.isPending} onCancel={onClose} testId="type-save" />
        </Stack>
      </form>
    </UnsavedChangesModal>
  );
}
