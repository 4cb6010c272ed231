import { Alert, Anchor, Button, Progress, Stack, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../app/api/errors';
import { useAuth } from '../../app/auth/AuthProvider';
import { ConfirmModal } from '../../app/components/ConfirmModal';
import { useIssueMany, type BulkIssueReport } from './api';

/** Drafts are issued a few at a time so the progress bar moves and one refusal does not hide the rest. */
const CHUNK = 5;

/** "Issue all": confirmation, then the drafts without blocks issued in chunks with a progress bar and a report. */
export function IssueAllPanel({ ids, period }: { ids: number[]; period: string }) {
  const { t } = useTranslation();
  const issue = useIssueMany();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const [report, setReport] = useState<BulkIssueReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setConfirming(false);
    setError(null);
    setDone(0);
    const total: BulkIssueReport = { issued: [], notIssued: [] };
    try {
      for (let i = 0; i < ids.length; i += CHUNK) {
        const part = await issue.mutateAsync(ids.slice(i, i + CHUNK));
        total.issued.push(...part.issued);
        total.notIssued.push(...part.notIssued);
        setDone(Math.min(ids.length, i + CHUNK));
      }
    } catch (e) {
      setError(errorMessage(t, e));
    }
    setReport(total);
  };

  const busy = done !== null && report === null;
  const { can } = useAuth();
  if (!can('billing.issue')) return null;
  return (
    <Stack gap="xs" miw={260} data-testid="issue-all">
      {report === null ? (
        <Button leftSection={<IconSend size={16} />} disabled={ids.length === 0 || busy} loading={busy} onClick={() => setConfirming(true)} data-testid="issue-all-button">
          {t('billing.run.issueAll', { count: ids.length })}
        </Button>
      ) : null}
      {busy ? (
        <div data-testid="issue-progress">
          <Text size="sm" aria-live="polite">{t('billing.run.issuing', { done, total: ids.length })}</Text>
          <Progress value={ids.length ? ((done ?? 0) / ids.length) * 100 : 0} animated aria-label={t('billing.run.issuing', { done, total: ids.length })} />
        </div>
      ) : null}
      {report ? (
        <Alert color={report.notIssued.length || error ? 'orange' : 'green'} data-testid="issue-report">
          <Text size="sm" fw={600}>{t('billing.run.issued', { count: report.issued.length })}</Text>
          {report.notIssued.map((n) => (
            <Text key={n.id} size="sm">
              <Anchor component={Link} to={`/invoices/${n.id}`}>#{n.id}</Anchor>: {t(`errors.${n.code}`, { defaultValue: n.reason })}
            </Text>
          ))}
          {error ? <Text size="sm" c="red">{error}</Text> : null}
          <Anchor component={Link} to={`/invoices?period=${period}`} size="sm" data-testid="issue-to-invoices">{t('billing.run.toInvoices')}</Anchor>
        </Alert>
      ) : null}
      <ConfirmModal
        opened={confirming}
        title={t('billing.run.issueAllTitle', { count: ids.length })}
        message={t('billing.run.issueAllText')}
        confirmLabel={t('billing.run.issueAllConfirm')}
        color="blue"
        onClose={() => setConfirming(false)}
        onConfirm={() => void run()}
      />
    </Stack>
  );
}
