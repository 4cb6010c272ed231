import { Button, Group, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/client';
import { applyFormErrors } from '../../app/api/errors';
import { FormErrorAlert } from '../../app/components/QueryStates';
import { CancelButton } from '../../app/components/FormActions';
import { UnsavedChangesModal } from '../../app/components/UnsavedChangesModal';
import { LANGUAGES, type Language } from '../../i18n';
import { type Contact, useSaveContact } from './api';

interface Props {
  clientId: number;
  defaultLanguage: Language;
  contact: Contact | null;
  onClose: () => void;
}

export function ContactModal({ clientId, defaultLanguage, contact, onClose }: Props) {
  const { t } = useTranslation();
  const save = useSaveContact(clientId, contact?.id ?? null);
  const [extra, setExtra] = useState<string[]>([]);
  const form = useForm({
    initialValues: {
      name: contact?.name ?? '',
      email: contact?.email ?? '',
      phone: contact?.phone ?? '',
      language: contact?.language ?? defaultLanguage,
      portalAccess: contact?.portalAccess ?? false,
      active: contact?.active ?? true,
    },
    validate: {
      name: (v) => (v.trim() ? null : t('errors.required')),
      email: (v, values) => (values.portalAccess && !v.trim() ? t('contacts.errors.portalNeedsEmail') : null),
    },
  });

  const field = (path: string, type: 'input' | 'checkbox' = 'input') => ({
    ...form.getInputProps(path, { type }),
    'data-testid': `contact-${path}`,
    errorProps: { 'data-testid': `contact-${path}-error` },
  });

  const submit = form.onSubmit((v) => {
    setExtra([]);
    const body = {
      name: v.name.trim(),
      email: v.email.trim() || null,
      phone: v.phone.trim() || null,
      language: v.language,
      portalAccess: v.portalAccess,
      ...(contact ? { active: v.active, version: contact.version } : {}),
    };
    save.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('contacts.saved') });
        onClose();
      },
      onError: (error) => setExtra(applyFormErrors(form, error, t)),
    });
  });

  const stale = isApiError(save.error) && save.error.code === 'stale_version';

  return (
    <UnsavedChangesModal dirty={form.isDirty()} attributes={{ content: { 'data-testid': 'contact-modal' } }} opened onClose={onClose} title={contact ? t('contacts.editTitle') : t('contacts.newTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormErrorAlert error={save.error} extra={stale ? [t('contacts.staleText')] : extra} testId="contact-form-error" />
          <TextInput label={t('contacts.fields.name')} required withAsterisk data-autofocus {...field('name')} />
          <Group grow align="flex-start" wrap="wrap">
            <TextInput label={t('contacts.fields.email')} type="email" miw={200} {...field('email')} />
            <TextInput label={t('contacts.fields.phone')} type="tel" miw={200} {...field('phone')} />
          </Group>
          <Select
            label={t('contacts.fields.language')}
            data={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
            allowDeselect={false}
            {...field('language')}
          />
          <Switch label={t('contacts.fields.portalAccess')} description={t('contacts.hints.portalAccess')} {...field('portalAccess', 'checkbox')} />
          {contact ? <Switch label={t('contacts.fields.active')} {...field('active', 'checkbox')} /> : null}
          <Group justify="flex-end" mt="sm">
            <CancelButton onCancel={onClose} />
            <Button type="submit" loading={save.isPending} data-testid="contact-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </UnsavedChangesModal>
  );
}
