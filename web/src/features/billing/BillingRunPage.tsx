import { Anchor, Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../app/components/PageHeader';
import { EmptyState, ErrorState, FormErrorAlert, LoadingState } from '../../app/components/QueryStates';
import { RowCard, RowCards } from '../../app/components/RowCards';
import { usePhone } from '../../app/components/usePhone';
import { formatDateTime, todayIso } from '../../app/format';
import { useRuns, useStartRun, type BillingRun } from './api';
import { formatPeriod, isMonth, lastMonth, periodNotOver } from './format';
import { MonthField } from '../../app/components/DateFields';
import { EarlierDraftsPanel, UnfinishedPeriodWarning } from './IssueChecks';

const RUN_STATE_COLORS: Record<BillingRun['state'], string> = { running: 'blue', completed: 'green', failed: 'red' };

/** A run's state (running, completed, failed) in its colour. */
export function RunStateBadge({ run, testId }: { run: Pick<BillingRun, 'state'>; testId?: string }) {
  const { t } = useTranslation();
  return <Badge color={RUN_STATE_COLORS[run.state]} variant="light" data-testid={testId}>{t(`billing.run.states.${run.state}`)}</Badge>;
}

/**
 * /billing — step 1 of a billing run: choose the period (last month by default) and start it.
 * A month that has not ended is run only once the user says so; unissued drafts of earlier
 * months are listed, since a run of this month leaves their records to them.
 */
export default function BillingRunPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [period, setPeriod] = useState(lastMonth());
  const [earlyAccepted, setEarlyAccepted] = useState(false);
  const valid = isMonth(period);
  const runs = useRuns(valid ? period : null);
  const start = useStartRun();
  const phone = usePhone();
  const notOver = valid && periodNotOver(period, todayIso());
  const choose = (next: string) => {
    setPeriod(next);
    setEarlyAccepted(false);
  };

  const submit = () => {
    if (!valid || (notOver && !earlyAccepted)) return;
    start.mutate(period, { onSuccess: (run) => void navigate(`/billing/runs/${run.id}`) });
  };

  return (
    <div data-testid="page-billing">
      <PageHeader
        title={t('billing.run.title')}
        subtitle={t('billing.run.subtitle')}
        actions={<Button component={Link} to="/invoices" variant="default" data-testid="billing-to-invoices">{t('billing.invoices.title')}</Button>}
      />
      <Paper withBorder p="md" mb="md">
        <form onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate>
          <Group align="flex-end" wrap="wrap">
            <MonthField
              label={t('billing.run.period')}
              description={t('billing.run.periodHelp')}
              value={period}
              onChange={choose}
              error={valid ? undefined : t('billing.run.periodInvalid')}
              required
              w={220}
              data-testid="run-period"
            />
            <Button type="submit" leftSection={<IconPlayerPlay size={16} />} loading={start.isPending} disabled={!valid || (notOver && !earlyAccepted)} data-testid="run-start">
              {t('billing.run.start', { period: formatPeriod(valid ? period : null) })}
            </Button>
          </Group>
        </form>
        {notOver ? <UnfinishedPeriodWarning period={period} accepted={earlyAccepted} onAccept={setEarlyAccepted} /> : null}
        <FormErrorAlert error={start.error} testId="run-start-error" />
      </Paper>
      <EarlierDraftsPanel period={valid ? period : null} />
      <Paper withBorder>
        <Text fw={600} p="sm">{t('billing.run.history', { period: formatPeriod(valid ? period : null) })}</Text>
        {!valid ? null : runs.isPending ? (
          <LoadingState />
        ) : runs.isError ? (
          <ErrorState error={runs.error} onRetry={() => void runs.refetch()} />
        ) : runs.data.items.length === 0 ? (
          <EmptyState title={t('billing.run.noRuns')} text={t('billing.run.noRunsText')} />
        ) : phone ? (
          <RowCards testId="runs-table">
            {runs.data.items.map((r) => (
              <RowCard
                key={r.id}
                testId={`run-${r.id}`}
                head={<Text size="sm"><Anchor component={Link} to={`/billing/runs/${r.id}`} inherit>{formatDateTime(r.startedAt)}</Anchor></Text>}
                headEnd={<RunStateBadge run={r} />}
                body={r.finishedAt ? <Text size="xs" c="dimmed">{t('billing.run.finished')} {formatDateTime(r.finishedAt)}</Text> : null}
              />
            ))}
          </RowCards>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table striped highlightOnHover data-testid="runs-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('billing.run.started')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                  <Table.Th>{t('billing.run.finished')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {runs.data.items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td><Anchor component={Link} to={`/billing/runs/${r.id}`}>{formatDateTime(r.startedAt)}</Anchor></Table.Td>
                    <Table.Td><RunStateBadge run={r} /></Table.Td>
                    <Table.Td>{formatDateTime(r.finishedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </div>
  );
}
