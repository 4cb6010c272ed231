import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMailForward } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api/errors';
import { useAuth } from '../../app/auth/AuthProvider';
import { ConfirmModal } from '../../app/components/ConfirmModal';
import { useSendMany, type BulkSendReport } from './api';

/**
 * E-mails many invoices at once to their clients' e-mails (after "Issue all" with the ids just
 * issued, or every issued, unsent one of a period), after a confirmation; the notification says
 * how many went and which did not, and why.
 */
export function SendAllButton({ target, testId }: { target: { ids: number[] } | { period: string }; testId: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const send = useSendMany();
  const [confirming, setConfirming] = useState(false);
  if (!can('invoices.payments')) return null;
  const byIds = 'ids' in target;

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

  return (
    <>
      <Button
        variant="light"
        leftSection={<IconMailForward size={16} />}
        disabled={byIds && target.ids.length === 0}
        loading={send.isPending}
        onClick={() => setConfirming(true)}
        data-testid={testId}
      >
        {byIds ? t('billing.bulkSend.sendAll') : t('billing.bulkSend.sendUnsent')}
      </Button>
      <ConfirmModal
        opened={confirming}
        title={byIds ? t('billing.bulkSend.titleIds', { count: target.ids.length }) : t('billing.bulkSend.titlePeriod', { period: target.period })}
        message={t('billing.bulkSend.text')}
        confirmLabel={t('billing.bulkSend.confirm')}
        color="blue"
        loading={send.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          send.mutate(target, {
            onSuccess: (r) => { setConfirming(false); notify(r); },
            onError: (e) => { setConfirming(false); notifications.show({ color: 'red', message: errorMessage(t, e) }); },
          })
        }
      />
    </>
  );
}
