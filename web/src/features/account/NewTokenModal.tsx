import { ActionIcon, Alert, Button, Code, CopyButton, Group, Modal, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFormErrors } from '../../app/api/errors';
import { FormErrorAlert } from '../../app/components/QueryStates';
import { type CreatedToken, useCreateToken } from './api';

/** Names a new token, then shows its secret once, with a copy button. */
export function NewTokenModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateToken();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [extra, setExtra] = useState<string[]>([]);
  const form = useForm({
    initialValues: { name: '' },
    validate: { name: (v) => (v.trim() ? null : t('errors.required')) },
  });

  const submit = form.onSubmit((v) =>
    create.mutate(v.name.trim(), {
      onSuccess: setCreated,
      onError: (error) => setExtra(applyFormErrors(form, error, t)),
    }),
  );

  return (
    <Modal
      opened
      onClose={onClose}
      title={created ? t('tokens.createdTitle') : t('tokens.newTitle')}
      size="lg"
      // The secret is shown only this once: after it appears, only "I have copied it" closes the dialog (no ×, Escape or outside click).
      closeOnClickOutside={!created}
      closeOnEscape={!created}
      withCloseButton={!created}
      attributes={{ content: { 'data-testid': 'token-modal' } }}
    >
      {created ? (
        <Stack gap="sm">
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} role="alert">
            {t('tokens.showOnceWarning')}
          </Alert>
          <Text size="sm" fw={500}>{created.name}</Text>
          <Group gap="xs" wrap="nowrap" align="center">
            <Code block style={{ flex: 1, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }} data-testid="token-secret">
              {created.token}
            </Code>
            <CopyButton value={created.token} timeout={2000}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
                  <ActionIcon size="lg" variant={copied ? 'filled' : 'light'} color={copied ? 'teal' : 'blue'} onClick={copy} aria-label={t('common.copy')} data-testid="token-copy">
                    {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
          <Group justify="flex-end" mt="sm">
            <Button onClick={onClose} data-testid="token-done">{t('tokens.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <FormErrorAlert error={create.error} extra={extra} testId="token-form-error" />
            <TextInput label={t('tokens.name')} description={t('tokens.nameHint')} required data-autofocus {...form.getInputProps('name')} data-testid="token-name" />
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
              <Button type="submit" loading={create.isPending} data-testid="token-create">{t('tokens.create')}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
