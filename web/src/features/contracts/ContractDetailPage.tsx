import { Alert, Anchor, Badge, Button, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconEdit } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useAuth } from '../../app/auth/AuthProvider';
import { PageHeader } from '../../app/components/PageHeader';
import { EmptyState, ErrorState, LoadingState, type NotFoundText } from '../../app/components/QueryStates';
import { RecordPage, useNotFoundText } from '../../app/components/RecordPage';
import { formatDate, formatDateTime, formatPercent, formatPeriod, todayIso } from '../../app/format';
import { useConsumption, useContract, useLedger, type Consumption, type Contract, type LedgerRow } from './api';
import { ConsumptionChart } from './ConsumptionChart';
import { ContractTermsView } from './ContractTermsView';
import { ProfitabilitySection } from './ProfitabilitySection';

import { formatMinutes, startsLaterOn } from './format';
import { ledgerRowState } from './ledgerRow';

/** /contracts/:id — the terms, live use of the prepaid minutes, the ledger period by period, a chart and profitability. */
export default function ContractDetailPage() {
  const notFound = useNotFoundText('contracts.notFound', '/contracts');
  return <RecordPage notFound={notFound}>{(id) => <ContractDetail id={id} notFound={notFound} />}</RecordPage>;
}

function ContractDetail({ id, notFound }: { id: number; notFound: NotFoundText }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const contract = useContract(id);
  if (contract.isPending) return <LoadingState />;
  if (contract.isError) return <ErrorState error={contract.error} onRetry={() => void contract.refetch()} notFound={notFound} />;
  const c = contract.data;
  return (
    <div data-testid="page-contract">
      <PageHeader
        title={`${c.number} · ${c.name}`}
        subtitle={<Anchor component={Link} to={`/clients/${c.clientId}`}>{c.clientName}</Anchor>}
        badge={
          <Group gap={4}>
            <Badge variant="light" color={c.active ? 'green' : 'gray'} data-testid="contract-state">{c.active ? t('contracts.active') : t('contracts.inactive')}</Badge>
            {c.ownInvoice ? <Badge variant="outline">{t('contracts.fields.ownInvoice')}</Badge> : null}
          </Group>
        }
        actions={can('contracts.manage') ? (
          <Button component={Link} to={`/contracts/${c.id}/edit`} leftSection={<IconEdit size={16} />} data-testid="contract-edit">{t('contracts.edit')}</Button>
        ) : undefined}
      />
      <Stack gap="md">
        {c.staleDrafts?.length ? (
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('contracts.staleDrafts.title')} data-testid="contract-stale-drafts">
            <Text size="sm">{t('contracts.staleDrafts.text', { at: c.termsChangedAt ? formatDateTime(c.termsChangedAt) : '' })}</Text>
            <Group gap="xs" mt={4}>
              {c.staleDrafts.map((d) => (
                <Anchor key={d.invoiceId} component={Link} to={`/invoices/${d.invoiceId}`} size="sm">{t('contracts.staleDrafts.draft', { period: formatPeriod(d.period), at: formatDateTime(d.computedAt) })}</Anchor>
              ))}
            </Group>
          </Alert>
        ) : null}
        <ContractUsage contract={c} />
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">{t('contracts.terms')}</Title>
          <ContractTermsView contract={c} />
        </Paper>
        <ProfitabilitySection contract={c} />
      </Stack>
    </div>
  );
}

/** Live consumption of the current period, the ledger period by period and the chart over both. */
function ContractUsage({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const usage = useConsumption(contract.id);
  const ledger = useLedger(contract.id);
  return (
    <>
      <Paper withBorder p="md" data-testid="contract-consumption">
        <Title order={2} size="h4" mb="sm">{t('contracts.usage.title')}</Title>
        {usage.isPending ? <LoadingState /> : usage.isError ? <ErrorState error={usage.error} onRetry={() => void usage.refetch()} /> : <UsageFigures usage={usage.data} contract={contract} />}
      </Paper>
      <Paper withBorder p="md" data-testid="contract-ledger">
        <Title order={2} size="h4" mb="sm">{t('contracts.ledger.title')}</Title>
        {ledger.isPending ? <LoadingState /> : ledger.isError ? <ErrorState error={ledger.error} onRetry={() => void ledger.refetch()} /> : (
          <>
            <ConsumptionChart rows={ledger.data} current={usage.data ?? null} />
            <LedgerTable rows={ledger.data} currentPeriod={usage.data?.period ?? null} />
          </>
        )}
      </Paper>
    </>
  );
}

function UsageFigures({ usage, contract }: { usage: Consumption; contract: Contract }) {
  const { t } = useTranslation();
  const allowance = usage.allocated + usage.carried;
  // A contract not started yet says when it starts, as its profitability does, not that it has no minutes.
  const startsOn = startsLaterOn(contract.validFrom, contract.periodKind, usage.period, todayIso());
  const notStarted = startsOn === null ? null : (
    <Text c="dimmed" size="sm" data-testid="contract-usage-not-started">{t('contracts.usage.notStarted', { date: formatDate(startsOn) })}</Text>
  );
  if (allowance === 0 && usage.used === 0) {
    return notStarted ?? <Text c="dimmed" size="sm">{t('contracts.usage.noAllowance', { period: formatPeriod(usage.period) })}</Text>;
  }
  const pct = usage.percent ?? 0;
  const figure = (label: string, value: string, testId?: string) => (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={600} data-testid={testId}>{value}</Text>
    </Stack>
  );
  return (
    <Stack gap="sm">
      {notStarted}
      <Group justify="space-between">
        <Text>{t('contracts.usage.period', { period: formatPeriod(usage.period), from: formatDate(usage.from), to: formatDate(usage.to) })}</Text>
        <Text fw={700} data-testid="contract-usage-percent">{usage.percent === null ? '—' : formatPercent(usage.percent)}</Text>
      </Group>
      <Progress value={Math.min(100, pct)} color={pct >= 100 ? 'red' : pct >= 80 ? 'orange' : 'blue'} size="lg" aria-label={t('contracts.usage.title')} />
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
        {figure(t('contracts.usage.allocated'), formatMinutes(usage.allocated))}
        {figure(t('contracts.usage.carried'), formatMinutes(usage.carried))}
        {figure(t('contracts.usage.used'), formatMinutes(usage.used), 'contract-usage-used')}
        {figure(t('contracts.usage.left'), formatMinutes(usage.left), 'contract-usage-left')}
        {figure(t('contracts.usage.overage'), formatMinutes(usage.overageMinutes))}
        {figure(t('contracts.usage.projected'), projectionText(usage, t), 'contract-usage-projected')}
      </SimpleGrid>
      <Text size="xs" c="dimmed">{t('contracts.usage.counted', { count: usage.entries, states: usage.countedStates.map((s) => t(`contracts.recordStates.${s}`)).join(', ') })}</Text>
      {usage.alerts.length ? (
        <Text size="xs" c="dimmed" data-testid="contract-usage-alerts">{usage.alerts.map((a) => t(a.mailed === false ? 'contracts.usage.alertNotMailed' : 'contracts.usage.alertSent', { pct: formatPercent(a.thresholdPct), at: formatDateTime(a.sentAt) })).join(' · ')}</Text>
      ) : null}
    </Stack>
  );
}

/** "7 h 13 min (144 %), 2 h 13 min over": all the work at the pace so far and the overage it implies. */
function projectionText(usage: Consumption, t: TFunction): string {
  if (usage.projectedUsed === null) return '—';
  const percent = usage.projectedPercent === null ? '' : ` (${formatPercent(usage.projectedPercent)})`;
  const over = usage.projectedOverageMinutes ? t('contracts.usage.projectedOverage', { minutes: formatMinutes(usage.projectedOverageMinutes) }) : '';
  return `${formatMinutes(usage.projectedUsed)}${percent}${over}`;
}

/** `currentPeriod`: the period running now (null while unknown); its provisional row is marked as a what-if, with a note under the table. */
function LedgerTable({ rows, currentPeriod }: { rows: LedgerRow[]; currentPeriod: string | null }) {
  const { t } = useTranslation();
  if (!rows.length) return <EmptyState title={t('contracts.ledger.empty')} text={t('contracts.ledger.emptyText')} />;
  const running = rows.filter((r) => ledgerRowState(r, currentPeriod) === 'running');
  // The mark on the figures that are only what the early run worked out.
  const ifEnded = (r: LedgerRow, minutes: number) => `${formatMinutes(minutes)}${ledgerRowState(r, currentPeriod) === 'running' ? ' *' : ''}`;
  return (
    <>
      <Table.ScrollContainer minWidth={700}>
        <Table striped data-testid="contract-ledger-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contracts.ledger.period')}</Table.Th>
              <Table.Th ta="right">{t('contracts.ledger.opening')}</Table.Th>
              <Table.Th ta="right">{t('contracts.ledger.allocated')}</Table.Th>
              <Table.Th ta="right">{t('contracts.ledger.consumed')}</Table.Th>
              <Table.Th ta="right">{t('contracts.ledger.carriedOut')}</Table.Th>
              <Table.Th ta="right">{t('contracts.ledger.lapsed')}</Table.Th>
              <Table.Th>{t('contracts.ledger.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.period} data-testid={`contract-ledger-${r.period}`}>
                <Table.Td>{formatPeriod(r.period)}</Table.Td>
                <Table.Td ta="right">{formatMinutes(r.openingCarried)}</Table.Td>
                <Table.Td ta="right">{formatMinutes(r.allocated)}</Table.Td>
                <Table.Td ta="right">{formatMinutes(r.consumed)}</Table.Td>
                <Table.Td ta="right">{ifEnded(r, r.carriedOut)}</Table.Td>
                <Table.Td ta="right">{ifEnded(r, r.lapsed)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={r.final ? 'green' : 'yellow'} data-testid={`contract-ledger-state-${r.period}`}>{t(`contracts.ledger.${ledgerRowState(r, currentPeriod)}`)}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {running.map((r) => (
        <Text key={r.period} size="xs" c="dimmed" mt="xs" data-testid="contract-ledger-running-note">
          {t('contracts.ledger.runningNote', { period: formatPeriod(r.period), at: formatDate(r.updatedAt) })}
        </Text>
      ))}
    </>
  );
}
