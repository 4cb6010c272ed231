import { Alert, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { mailErrorReason } from './mailError';

/** The list's cell: the cause in words (the server's own text on hover), else that text. */
export function MailErrorCell({ error }: { error: string | null }) {
  const { t } = useTranslation();
  if (!error) return <Text size="sm" c="dimmed">—</Text>;
  const reason = mailErrorReason(error);
  return (
    <Tooltip label={error} multiline w={360}>
      <Text size="xs" c="red" lineClamp={2} data-testid="outbox-error" data-reason={reason ?? undefined}>
        {reason ? t(`admin.mail.errorReasons.${reason}.title`) : error}
      </Text>
    </Tooltip>
  );
}

/** The message's last error: the cause and what to check, and the server's own text. */
export function MailErrorAlert({ error }: { error: string }) {
  const { t } = useTranslation();
  const reason = mailErrorReason(error);
  return (
    <Alert color="red" title={reason ? t(`admin.mail.errorReasons.${reason}.title`) : t('admin.mail.lastError')} data-testid="mail-last-error" data-reason={reason ?? undefined}>
      {reason ? <Text size="sm" mb={6}>{t(`admin.mail.errorReasons.${reason}.hint`)}</Text> : null}
      <Text size="xs" className="mono" style={{ overflowWrap: 'anywhere' }} data-testid="mail-last-error-raw">{error}</Text>
    </Alert>
  );
}
