import { Button, Checkbox, Group, PasswordInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/client';
import { applyFormErrors } from '../../app/api/errors';
import { FormErrorAlert } from '../../app/components/QueryStates';
import { CancelButton } from '../../app/components/FormActions';
import { UnsavedChangesModal } from '../../app/components/UnsavedChangesModal';
import { LANGUAGES, type Language } from '../../i18n';
import { ClientPicker } from '../tickets/Pickers';
import { type User, useCreateUser, useRoles, useUpdateUser, useUserOpenTickets } from './api';
import { OpenTicketsQuestion, colleagueRefusalMessage, useColleagueChoice } from './DeactivateUserModal';
import { type OpenTicketsChoice, HAND_TO_PATH, deactivates, openTicketsPlan, deactivationNotice } from './deactivation';

interface Props {
  user: User | null;
  isSelf: boolean;
  onClose: () => void;
  /** After an edit is saved (one that deactivates may take the user off the list under the dialog). */
  onSaved?: (user: User) => void;
}

/** Create a user (user = null) or edit name, language, roles and status. */
export function UserModal({ user, isSelf, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const roles = useRoles();
  const create = useCreateUser();
  const update = useUpdateUser();
  const mutation = user ? update : create;
  const [extra, setExtra] = useState<string[]>([]);
  const [openTicketsChoice, setOpenTicketsChoice] = useState<OpenTicketsChoice>('return');
  const colleague = useColleagueChoice();

  const form = useForm({
    initialValues: {
      email: user?.email ?? '',
      name: user?.name ?? '',
      language: (user?.language ?? i18n.language) as Language,
      roles: user?.roles ?? [],
      clientId: user?.clientId ?? null,
      password: '',
      active: user?.active ?? true,
    },
    validate: {
      email: (v) => (user || v.trim() ? null : t('errors.required')),
      name: (v) => (v.trim() ? null : t('errors.required')),
      password: (v) => (user || v ? null : t('errors.required')),
      roles: (v) => (v.length > 0 ? null : t('users.rolesRequired')),
      clientId: (v, values) => (values.roles.includes('client_contact') && v === null ? t('errors.required') : null),
    },
  });

  // Turning "Active" off asks what becomes of the user's open tickets, as the ⋯ menu's "Deactivate" does:
  // left with someone who cannot sign in, nobody would pick them up.
  const deactivating = user !== null && deactivates(user, form.getValues().active);
  const openTickets = useUserOpenTickets(deactivating ? user.id : null);

  const field = (path: string, type: 'input' | 'checkbox' = 'input') => ({
    ...form.getInputProps(path, { type }),
    'data-testid': `user-${path}`,
  });

  const submit = form.onSubmit((v) => {
    setExtra([]);
    // Only a client contact belongs to a client; staff keep theirs (null) untouched.
    const clientId = v.roles.includes('client_contact') ? v.clientId : undefined;
    const onError = (error: unknown) => {
      // The reason a colleague was refused is shown at the colleague picker (under the form's headline), not listed again above.
      const refusal = colleagueRefusalMessage(t, error);
      colleague.setColleagueError(refusal);
      setExtra(applyFormErrors(form, error, t).filter((message) => !refusal || !message.startsWith(`${HAND_TO_PATH}:`)));
      // Someone changed the user meanwhile: fetch what is stored, so reopening shows it.
      if (isApiError(error) && error.code === 'stale_version') {
        setExtra([t('users.staleHint')]);
        void queryClient.invalidateQueries({ queryKey: ['users'] });
      }
    };
    const tickets = user && deactivates(user, v.active)
      ? openTicketsPlan(openTickets.data?.count ?? 0, openTicketsChoice, colleague.colleagueId)
      : { patch: {}, returning: false, handedTo: null };
    if (!tickets) {
      colleague.setColleagueError(t('users.openTicketsColleagueRequired'));
      return;
    }
    const onSuccess = () => {
      notifications.show({ color: 'green', message: deactivationNotice(t('users.saved', { name: v.name.trim() }), tickets, t) });
      onClose();
    };
    if (user) {
      update.mutate(
        { id: user.id, patch: { name: v.name.trim(), language: v.language, roles: v.roles, active: v.active, ...(clientId !== undefined && { clientId }), ...tickets.patch, version: user.version } },
        {
          onSuccess: (saved) => {
            onSaved?.(saved);
            onSuccess();
          },
          onError,
        },
      );
    } else {
      create.mutate(
        { email: v.email.trim(), name: v.name.trim(), language: v.language, roles: v.roles, password: v.password, ...(clientId !== undefined && { clientId }) },
        { onSuccess, onError },
      );
    }
  });

  return (
    <UnsavedChangesModal dirty={form.isDirty()} attributes={{ content: { 'data-testid': 'user-modal' } }} opened onClose={onClose} title={user ? t('users.editTitle') : t('users.newTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormErrorAlert error={mutation.error} extra={extra} testId="user-form-error" />
          {user ? (
            <Text size="sm" c="dimmed">{user.email}</Text>
          ) : (
            <TextInput label={t('users.fields.email')} type="email" required autoComplete="off" data-autofocus {...field('email')} />
          )}
          <TextInput label={t('users.fields.name')} required {...field('name')} data-autofocus={user ? true : undefined} />
          <Select
            label={t('users.fields.language')}
            data={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
            allowDeselect={false}
            {...field('language')}
          />
          <Checkbox.Group label={t('users.fields.roles')} required {...form.getInputProps('roles')} data-testid="user-roles">
            <Stack gap={6} mt={6}>
              {(roles.data?.items ?? []).map((r) => (
                <Checkbox
                  key={r.code}
                  value={r.code}
                  label={t(`roles.${r.code}`, { defaultValue: r.code })}
                  description={t(`users.roleHints.${r.code}`, { defaultValue: '' })}
                  data-testid={`user-role-${r.code}`}
                  disabled={isSelf && r.code === 'admin'}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          {form.getValues().roles.includes('client_contact') ? (
            <ClientPicker
              label={t('users.fields.client')}
              description={t('users.clientHint')}
              required
              value={form.getValues().clientId}
              onChange={(id) => form.setFieldValue('clientId', id)}
              error={form.errors.clientId}
              data-testid="user-client"
            />
          ) : null}
          {user ? null : (
            <PasswordInput label={t('users.fields.password')} description={t('account.passwordHint')} required autoComplete="new-password" {...field('password')} />
          )}
          {user ? <Switch label={t('users.fields.active')} disabled={isSelf} {...field('active', 'checkbox')} /> : null}
          {deactivating ? <OpenTicketsQuestion user={user} openTickets={openTickets} choice={openTicketsChoice} onChange={setOpenTicketsChoice} colleague={colleague} /> : null}
          <Group justify="flex-end" mt="sm">
            <CancelButton onCancel={onClose} />
            <Button type="submit" loading={mutation.isPending || (deactivating && openTickets.isPending)} data-testid="user-save">
              {user ? t('common.save') : t('users.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </UnsavedChangesModal>
  );
}
