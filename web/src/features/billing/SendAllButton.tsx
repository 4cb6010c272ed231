import { Button, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMailForward } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api/errors';
import { useAuth } from '../../app/auth/AuthProvider';
import { useSendMany, type BulkSendReport } from './api';
import { BulkSendInterrupted, type BulkSendProgress } from './bulkSendStream';

/**
 * E-mails many invoices at once to their clients' e-mails (after "Issue all" with the ids just
 * issued, or every issued, unsent one of a period), after a confirmation. The same dialog then
 * shows "k of N" while the server builds and queues each PDF (up to 500 take a while); it can be
 * hidden, the sending goes on and the button keeps counting. The notification at the end says how
 * many went and which did not, and why.
 */
export function SendAllButton({ target, testId }: { target: { ids: number[] } | { period: string }; testId: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [progress, setProgress] = useState<BulkSendProgress | null>(null);
  const send = useSendMany(setProgress);
  const [dialogOpen, setDialogOpen] = useState(false);
  if (!can('invoices.payments')) return null;
  const byIds = 'ids' in target;
  const sending = send.isPending;
  // Before the first line the server is still collecting the period's documents.
  const status = progress && progress.total > 0 ? t('billing.bulkSend.sending', { done: progress.done, total: progress.total }) : t('billing.bulkSend.preparing');

  const notify = (r: BulkSendReport) =>
    notifications.show({
      color: r.notSent.length ? 'orange' : 'green',
      autoClose: r.notSent.length ? false : 5000,
      message: (
        <Stack gap={2} data-testid="bulk-send-result">
          <Text size="sm" fw={600}>{t('billing.bulkSend.sent', { count: r.sent.length })}</Text>
          {r.notSent.map((n) => (
            <Text key={n.id} size="sm">{n.number ?? `#${n.id}`}: {t(`errors.${n.code}`, { defaultValue: n.message })}</Text>
          ))}
        </Stack>
      ),
    });

  const failure = (e: unknown) => {
    if (e instanceof BulkSendInterrupted) {
      return t(e.reason === 'server' ? 'billing.bulkSend.failed' : 'billing.bulkSend.lost', { done: e.done, total: e.total });
    }
    return errorMessage(t, e);
  };

  // mutateAsync rather than mutate's callbacks: the report is shown even if this button is gone by then.
  const start = async () => {
    setProgress(null);
    try {
      const report = await send.mutateAsync(target);
      notify(report);
    } catch (e) {
      notifications.show({ color: 'red', autoClose: false, message: <Text size="sm" data-testid="bulk-send-error">{failure(e)}</Text> });
    } finally {
      setDialogOpen(false);
      setProgress(null);
    }
  };

  return (
    <>
      <Button
        variant="light"
        leftSection={<IconMailForward size={16} />}
        disabled={!sending && byIds && target.ids.length === 0}
        onClick={() => setDialogOpen(true)}
        data-testid={testId}
      >
        {sending ? status : byIds ? t('billing.bulkSend.sendAll') : t('billing.bulkSend.sendUnsent')}
      </Button>
      <Modal
        attributes={{ content: { 'data-testid': 'confirm-modal' } }}
        opened={dialogOpen}
        onClose={() => setDialogOpen(false)}
        title={sending ? t('billing.bulkSend.progressTitle') : byIds ? t('billing.bulkSend.titleIds', { count: target.ids.length }) : t('billing.bulkSend.titlePeriod', { period: target.period })}
      >
        {sending ? (
          <Stack gap="xs" data-testid="bulk-send-progress">
            <Text size="sm" role="status">{status}</Text>
            <Progress value={progress && progress.total > 0 ? (progress.done / progress.total) * 100 : 0} animated aria-label={status} />
            <Text size="xs" c="dimmed">{t('billing.bulkSend.hideHint')}</Text>
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={() => setDialogOpen(false)} data-autofocus>
                {t('billing.bulkSend.hide')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <>
            <Text size="sm">{t('billing.bulkSend.text')}</Text>
            <Group justify="flex-end" mt="lg">
              <Button variant="default" onClick={() => setDialogOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button color="blue" onClick={() => void start()} data-testid="confirm-ok" data-autofocus>
                {t('billing.bulkSend.confirm')}
              </Button>
            </Group>
          </>
        )}
      </Modal>
    </>
  );
}
