import { Button, Group, Paper, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/client';
import { applyFormErrors, errorMessage } from '../../app/api/errors';
import { PageHeader } from '../../app/components/PageHeader';
import { FormErrorAlert } from '../../app/components/QueryStates';
import { useChangePassword } from './api';

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [extra, setExtra] = useState<string[]>([]);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: {
      currentPassword: (v) => (v ? null : t('errors.required')),
      newPassword: (v) => (v ? null : t('errors.required')),
      confirm: (v, values) => (v === values.newPassword ? null : t('account.passwordsDiffer')),
    },
  });

  const submit = form.onSubmit((v) =>
    change.mutate(
      { currentPassword: v.currentPassword, newPassword: v.newPassword },
      {
        onSuccess: () => {
          form.reset();
          setExtra([]);
          notifications.show({ color: 'green', message: t('account.passwordChanged') });
        },
        onError: (error) => {
          const rest = applyFormErrors(form, error, t);
          // The top-level codes belong to one field each.
          if (isApiError(error) && error.code === 'invalid_credentials') form.setFieldError('currentPassword', t('fieldErrors.currentPassword.invalid_credentials'));
          if (isApiError(error) && error.code === 'weak_password' && error.details.length === 0) form.setFieldError('newPassword', errorMessage(t, error));
          setExtra(rest);
        },
      },
    ),
  );

  return (
    <div data-testid="page-change-password">
      <PageHeader title={t('account.changePasswordTitle')} subtitle={t('account.changePasswordText')} />
      <Paper withBorder p="lg" maw={480}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <FormErrorAlert error={change.error} extra={extra} testId="change-password-error" />
            <PasswordInput label={t('account.currentPassword')} required autoComplete="current-password" autoFocus {...form.getInputProps('currentPassword')} data-testid="change-password-current" />
            <PasswordInput label={t('account.newPassword')} description={t('account.passwordHint')} required autoComplete="new-password" {...form.getInputProps('newPassword')} data-testid="change-password-new" />
            <PasswordInput label={t('account.confirmPassword')} required autoComplete="new-password" {...form.getInputProps('confirm')} data-testid="change-password-confirm" />
            <Group justify="flex-end" mt="sm">
              <Button type="submit" loading={change.isPending} data-testid="change-password-save">
                {t('account.changePassword')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </div>
  );
}
