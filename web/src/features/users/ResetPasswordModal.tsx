import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../app/api/errors';
import { FormErrorAlert } from '../../app/components/QueryStates';
import { type User, useResetPassword } from './api';

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const reset = useResetPassword();
  const [extra, setExtra] = useState<string[]>([]);
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: {
      password: (v) => (v ? null : t('errors.required')),
      confirm: (v, values) => (v === values.password ? null : t('account.passwordsDiffer')),
    },
  });
  const submit = form.onSubmit((v) =>
    reset.mutate(
      { id: user.id, password: v.password },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('users.passwordReset', { name: user.name }) });
          onClose();
        },
        onError: (error) => setExtra(applyFormErrors(form, error, t, { newPassword: 'password' })),
      },
    ),
  );
  return (
    <Modal attributes={{ content: { 'data-testid': 'reset-password-modal' } }} opened onClose={onClose} title={t('users.resetPasswordTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('users.resetPasswordText', { name: user.name, email: user.email })}</Text>
          <FormErrorAlert error={reset.error} extra={extra} testId="reset-password-error" />
          <PasswordInput label={t('account.newPassword')} description={t('account.passwordHint')} required autoComplete="new-password" data-autofocus {...form.getInputProps('password')} data-testid="reset-password-new" />
          <PasswordInput label={t('account.confirmPassword')} required autoComplete="new-password" {...form.getInputProps('confirm')} data-testid="reset-password-confirm" />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={reset.isPending} data-testid="reset-password-save">
              {t('users.resetPassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
