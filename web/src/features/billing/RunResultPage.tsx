import { Alert, Anchor, Badge, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../app/components/PageHeader';
import { EmptyState, ErrorState, LoadingState, type NotFoundText } from '../../app/components/QueryStates';
import { RecordPage, useNotFoundText } from '../../app/components/RecordPage';
import { RowCard, RowCards } from '../../app/components/RowCards';
import { usePhone } from '../../app/components/usePhone';
import { formatDate, formatDateTime } from '../../app/format';
import { formatMoney } from '../pricing/money';
import { useRun, type BillingRun, type RunDraft, type RunResult, type RunWaiting } from './api';
import { RunStateBadge } from './BillingRunPage';
import { formatPeriod } from './format';
import { IssueAllPanel } from './IssueAllPanel';
import { issuableDrafts, lastDayOfMonth, periodNotOver, runDocumentCounts } from './format';
import { BuyerMissingNote, EarlierDraftsPanel, waitingCountText } from './IssueChecks';
import { issueWarningText } from './issueWarnings';
import { blockReasonText, runBlockedDetail, runBlockedPassed } from './blockWords';
import { DraftBlocksCell } from './DraftBlocks';
import { RerunPeriodButton } from './RerunPeriodButton';
import { StatusBadge } from './StatusBadge';

/**
 * /billing/runs/:id — a run's progress while it runs, then its result: drafts (with what issuing
 * each would meet now: a client without an address, records still waiting), blocked clients,
 * waiting and late records, and drafts of earlier months still not issued.
 */
export default function RunResultPage() {
  const notFound = useNotFoundText('billing.run.notFound', '/billing');
  return <RecordPage notFound={notFound}>{(id) => <RunResult id={id} notFound={notFound} />}</RecordPage>;
}

function RunResult({ id, notFound }: { id: number; notFound: NotFoundText }) {
  const { t } = useTranslation();
  const run = useRun(id);
  if (run.isPending) return <LoadingState />;
  if (run.isError) return <ErrorState error={run.error} onRetry={() => void run.refetch()} notFound={notFound} />;
  const r = run.data;
  return (
    <div data-testid="page-billing-run" data-state={r.state}>
      <PageHeader
        title={t('billing.run.resultTitle', { period: formatPeriod(r.period) })}
        subtitle={t('billing.run.startedAt', { at: formatDateTime(r.startedAt) })}
        badge={<RunStateBadge run={r} testId="run-state" />}
        actions={<RerunButton run={r} />}
      />
      {r.state === 'running' ? <RunProgress run={r} /> : null}
      {r.state === 'failed' ? (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('billing.run.failed')} role="alert" data-testid="run-failed">
          {r.error ?? t('errors.unknown')}
        </Alert>
      ) : null}
      {r.state !== 'running' && periodNotOver(r.period, r.startedAt.slice(0, 10)) ? (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} mb="md" data-testid="run-early">
          {t('billing.run.earlyRun', { period: formatPeriod(r.period), end: formatDate(lastDayOfMonth(r.period)) })}
        </Alert>
      ) : null}
      <EarlierDraftsPanel period={r.period} />
      {r.state === 'completed' && r.result ? <RunResultView period={r.period} result={r.result} replacedBy={r.replacedBy ?? null} /> : null}
    </div>
  );
}

function RunProgress({ run }: { run: BillingRun }) {
  const { t } = useTranslation();
  const { done, total } = run.progress;
  const value = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <Paper withBorder p="md" data-testid="run-progress">
      <Text mb="xs" aria-live="polite">{total > 0 ? t('billing.run.progress', { done, total }) : t('billing.run.preparing')}</Text>
      <Progress value={value} animated striped size="lg" aria-label={t('billing.run.progressLabel')} />
    </Paper>
  );
}

function RerunButton({ run }: { run: BillingRun }) {
  if (run.state === 'running') return null;
  return <RerunPeriodButton period={run.period} testId="run-rerun" />;
}

/** A draft's row (or card) says whose it is and its gross total, for whoever reads the page's data. */
const draftRowData = (d: RunDraft) => ({ 'data-testid': `run-draft-${d.invoiceId}`, 'data-client': d.clientName, 'data-gross': d.netMinor + d.vatMinor });

/** The client (the link to the draft, unless a later run replaced it) and, once issued, the number. */
function DraftClient({ draft: d }: { draft: RunDraft }) {
  return (
    <>
      {/* A block of its own: a long name wraps at the small text's line height. */}
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {d.state === 'replaced' ? d.clientName : <Anchor component={Link} to={`/invoices/${d.invoiceId}`} inherit>{d.clientName}</Anchor>}
      </Text>
      {d.number ? <Text size="xs" c="dimmed" data-testid="draft-number">{d.number}</Text> : null}
    </>
  );
}

/** Where a draft stands: its state, or what blocks issuing it (and why), and records still waiting for it. */
function DraftState({ draft: d, period }: { draft: RunDraft; period: string }) {
  const { t } = useTranslation();
  return (
    <>
      {d.state === 'replaced' ? <Badge color="gray" variant="outline" data-testid="invoice-status" data-status="replaced">{t('billing.run.replaced')}</Badge>
        : d.blocked.length === 0 && !d.buyerMissing?.length ? <StatusBadge status={d.state ?? 'draft'} /> : (
          <Stack gap={2}>
            {d.blocked.length > 0 ? <DraftBlocksCell blocks={d.blocks} blocked={d.blocked} period={period} invoiceId={d.invoiceId} />
              : <div><Badge color="red" variant="light">{t('billing.buyer.badge')}</Badge></div>}
            {d.buyerMissing?.length ? <BuyerMissingNote clientId={d.clientId} missing={d.buyerMissing} size="xs" testId={`draft-buyer-${d.invoiceId}`} /> : null}
          </Stack>
        )}
      {d.waiting && d.waiting.count > 0 ? (
        <Text size="xs" c="orange.8" data-testid={`draft-waiting-${d.invoiceId}`}>{waitingCountText(t, { count: d.waiting.count, amountMinor: d.waiting.amountMinor, currency: d.currency })}</Text>
      ) : null}
      {(d.state ?? 'draft') === 'draft' ? (d.issueWarnings ?? []).map((w) => (
        <Text key={w.code} size="xs" c="orange.8" data-testid={`draft-warning-${d.invoiceId}-${w.code}`}>{issueWarningText(t, w, d.clientName)}</Text>
      )) : null}
    </>
  );
}

/**
 * The drafts on a phone: one card a draft, the total beside the client, net and VAT under them,
 * its state below (the table's five columns scrolled the total out of sight).
 */
function DraftCards({ drafts, period }: { drafts: RunDraft[]; period: string }) {
  const { t } = useTranslation();
  return (
    <RowCards testId="run-drafts">
      {drafts.map((d) => (
        <RowCard
          key={d.invoiceId}
          {...draftRowData(d)}
          head={<DraftClient draft={d} />}
          headEnd={<Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }} data-testid="draft-total">{formatMoney(d.totalMinor, d.currency)}</Text>}
          body={<Text size="xs" c="dimmed">{t('billing.fields.net')} {formatMoney(d.netMinor, d.currency)} · {t('billing.fields.vat')} {formatMoney(d.vatMinor, d.currency)}</Text>}
          foot={<DraftState draft={d} period={period} />}
        />
      ))}
    </RowCards>
  );
}

/** The page lists the first waiting records; the approval queue has them all. */
const WAITING_SHOWN = 50;

const waitingRowData = (w: RunWaiting) => ({ 'data-testid': `run-waiting-${w.recordId}`, 'data-kind': w.kind ?? '', 'data-amount': w.amountMinor ?? '' });

const waitingAmount = (w: RunWaiting) => (w.amountMinor !== null && w.amountMinor !== undefined && w.currency ? formatMoney(w.amountMinor, w.currency) : '—');

/** What the waiting record is (work, travel, material…) and its description. */
function WaitingWhat({ record: w }: { record: RunWaiting }) {
  const { t } = useTranslation();
  return (
    <>
      {w.kind ? (w.kind === 'return' ? t('warehouse.kindsOne.return') : t(`records.kinds.${w.kind}`)) : ''}
      {w.description ? <Text size="xs" c="dimmed" lineClamp={1} title={w.description}>{w.description}</Text> : null}
    </>
  );
}

/** The waiting records on a phone: one card a record, its amount beside the ticket and client, when, who and what under them, its state below. */
function WaitingCards({ waiting }: { waiting: RunWaiting[] }) {
  const { t } = useTranslation();
  return (
    <RowCards testId="run-waiting-table">
      {waiting.slice(0, WAITING_SHOWN).map((w) => (
        <RowCard
          key={w.recordId}
          {...waitingRowData(w)}
          head={(
            <>
              <Text size="sm"><Anchor component={Link} to={`/tickets/${w.ticketId}`} inherit>{w.ticketNumber}</Anchor></Text>
              {w.clientName ? <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{w.clientName}</Text> : null}
            </>
          )}
          headEnd={<Text size="sm" style={{ whiteSpace: 'nowrap' }} data-testid={`run-waiting-amount-${w.recordId}`}>{waitingAmount(w)}</Text>}
          body={(
            <Text size="xs" c="dimmed" component="div" style={{ overflowWrap: 'anywhere' }}>
              {formatDate(w.date)} · {w.technicianName} · <WaitingWhat record={w} />
            </Text>
          )}
          foot={<Text size="xs">{t(`billing.recordStates.${w.state}`, { defaultValue: w.state })}</Text>}
        />
      ))}
    </RowCards>
  );
}

function RunResultView({ period, result, replacedBy }: { period: string; result: RunResult; replacedBy: BillingRun['replacedBy'] }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const issuable = issuableDrafts(result.drafts);
  const counts = runDocumentCounts(result.drafts);
  const heading = [
    t('billing.run.drafts', { count: counts.drafts }),
    counts.issued > 0 ? t('billing.run.issuedCount', { count: counts.issued }) : null,
    counts.replaced > 0 ? t('billing.run.replacedCount', { count: counts.replaced }) : null,
  ].filter(Boolean).join(' · ');
  return (
    <Stack gap="md">
      <Paper withBorder>
        <Group justify="space-between" p="sm" wrap="wrap">
          <Title order={2} size="h4" data-testid="run-counts">{heading}</Title>
          <IssueAllPanel ids={issuable} period={period} drafts={result.drafts} currencyOf={Object.fromEntries(result.drafts.map((d) => [d.invoiceId, d.currency]))} replacedBy={replacedBy} />
        </Group>
        {result.drafts.length === 0 ? (
          <EmptyState title={t('billing.run.noDrafts')} text={t('billing.run.noDraftsText')} />
        ) : phone ? <DraftCards drafts={result.drafts} period={period} /> : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover data-testid="run-drafts">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('billing.fields.client')}</Table.Th>
                  <Table.Th ta="right">{t('billing.fields.net')}</Table.Th>
                  <Table.Th ta="right">{t('billing.fields.vat')}</Table.Th>
                  <Table.Th ta="right">{t('billing.fields.total')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.drafts.map((d) => (
                  <Table.Tr key={d.invoiceId} {...draftRowData(d)}>
                    <Table.Td><DraftClient draft={d} /></Table.Td>
                    <Table.Td ta="right">{formatMoney(d.netMinor, d.currency)}</Table.Td>
                    <Table.Td ta="right">{formatMoney(d.vatMinor, d.currency)}</Table.Td>
                    <Table.Td ta="right" fw={600} data-testid="draft-total">{formatMoney(d.totalMinor, d.currency)}</Table.Td>
                    <Table.Td><DraftState draft={d} period={period} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      {result.blocked.length > 0 ? (
        <Paper withBorder p="sm" data-testid="run-blocked">
          <Title order={2} size="h4" mb="xs">{t('billing.run.blocked', { count: result.blocked.length })}</Title>
          <Stack gap={4}>
            {result.blocked.map((b, i) => {
              // Stored when the run ran; a reason the drafts above no longer meet is shown as gone, not as a to-do.
              const passed = runBlockedPassed(b, result.drafts);
              return (
                <Text key={`${b.clientId}-${b.contractId}-${i}`} size="sm" c={passed ? 'dimmed' : undefined} data-testid={`run-blocked-${i}`} data-code={b.code ?? ''} data-passed={passed ? 'true' : 'false'}>
                  <b>{b.clientName}</b>: {passed ? (
                    <>{blockReasonText(t, b.code, b.reason)} — {t('billing.run.blockedPassed')}</>
                  ) : (
                    <>{blockReasonText(t, b.code, b.reason)}{runBlockedDetail(t, b) ? ` — ${runBlockedDetail(t, b)}` : ''}</>
                  )}
                </Text>
              );
            })}
          </Stack>
        </Paper>
      ) : null}

      <Paper withBorder p="sm" data-testid="run-waiting">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4">{t('billing.run.waiting', { count: result.waitingCount ?? result.waiting.length })}</Title>
          {result.waiting.length > 0 ? <Anchor component={Link} to="/approvals" data-testid="run-to-approvals">{t('billing.run.toApprovals')}</Anchor> : null}
        </Group>
        {result.waiting.length === 0 ? <Text size="sm" c="dimmed">{t('billing.run.noWaiting')}</Text> : phone ? <WaitingCards waiting={result.waiting} /> : (
          <Table.ScrollContainer minWidth={760}>
            <Table data-testid="run-waiting-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('billing.fields.date')}</Table.Th>
                  <Table.Th>{t('billing.fields.client')}</Table.Th>
                  <Table.Th>{t('billing.workReport.ticket')}</Table.Th>
                  <Table.Th>{t('billing.workReport.technician')}</Table.Th>
                  <Table.Th>{t('billing.fields.kind')}</Table.Th>
                  <Table.Th ta="right">{t('billing.fields.amount')}</Table.Th>
                  <Table.Th>{t('common.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.waiting.slice(0, WAITING_SHOWN).map((w) => (
                  <Table.Tr key={w.recordId} {...waitingRowData(w)}>
                    <Table.Td>{formatDate(w.date)}</Table.Td>
                    <Table.Td>{w.clientName ?? ''}</Table.Td>
                    <Table.Td><Anchor component={Link} to={`/tickets/${w.ticketId}`}>{w.ticketNumber}</Anchor></Table.Td>
                    <Table.Td>{w.technicianName}</Table.Td>
                    <Table.Td><WaitingWhat record={w} /></Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{waitingAmount(w)}</Table.Td>
                    <Table.Td>{t(`billing.recordStates.${w.state}`, { defaultValue: w.state })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      {result.late.length > 0 ? (
        <Paper withBorder p="sm" data-testid="run-late">
          <Title order={2} size="h4" mb="xs">{t('billing.run.late', { count: result.late.length })}</Title>
          <Text size="sm" c="dimmed" mb="xs">{t('billing.run.lateText')}</Text>
          <Stack gap={2}>
            {result.late.map((l) => (
              <Text key={l.recordId} size="sm">
                {formatDate(l.date)} · {l.ticketNumber}
                {l.invoiceId ? <> · <Anchor component={Link} to={`/invoices/${l.invoiceId}`}>{t('billing.run.onDraft')}</Anchor></> : null}
                {l.note ? ` · ${l.note}` : ''}
              </Text>
            ))}
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
