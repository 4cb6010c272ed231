import { Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { IconFileTypeCsv, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { formatMoney } from '../pricing/money';
import { RowCard, RowCards } from '../../app/components/RowCards';
import { usePhone } from '../../app/components/usePhone';
import { PriceWhy } from '../pricing/PriceWhy';
import { formatMinutes } from '../records/format';
import { useWorkReport, workReportUrl, type WorkReportEntry } from './api';
import { entryQuantity, outcomeLabel } from './documentWords';
import { ExcludeRecordModal } from './DraftModals';
import { ledgerSentenceValues } from './format';
import { entryWhyLines } from './workReportWhy';

const OUTCOME_COLORS = { covered: 'teal', partly_covered: 'yellow', billed: 'blue' } as const;

/** What the record was: travel, or the work and its description. */
function EntryWhat({ entry: e }: { entry: WorkReportEntry }) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{e.kind === 'travel' ? t('billing.workReport.travel') : e.what}</Text>
      {e.description ? <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{e.description}</Text> : null}
    </>
  );
}

/** How the record came out (covered, billed …), and whether it was logged late. */
function EntryOutcome({ entry: e, draft }: { entry: WorkReportEntry; draft: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {/* max-content: the column is narrow and would cut the outcome to "FAKTUROVÁ…". */}
      <Badge color={OUTCOME_COLORS[e.outcome]} variant="light" miw="max-content" data-testid={`wr-outcome-${e.recordId}`}>{outcomeLabel(t, e.outcome, draft)}</Badge>
      {e.late ? <Badge ml={4} color="orange" variant="outline" miw="max-content">{t('billing.workReport.late')}</Badge> : null}
    </>
  );
}

/** The record's amount with its ⓘ. */
function EntryAmount({ entry: e, currency }: { entry: WorkReportEntry; currency: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      <Text size="sm" style={{ whiteSpace: 'nowrap' }} data-testid={`wr-amount-${e.recordId}`}>{formatMoney(e.amountMinor, currency)}</Text>
      <PriceWhy groups={[{ lines: entryWhyLines(t, e, currency) }]} label={t('billing.workReport.why')} testId={`wr-why-${e.recordId}`} />
    </Group>
  );
}

function ExcludeButton({ entry: e, onExclude }: { entry: WorkReportEntry; onExclude: (recordId: number) => void }) {
  const { t } = useTranslation();
  return (
    <Button size="compact-xs" variant="subtle" color="orange" onClick={() => onExclude(Number(e.recordId))} data-testid={`wr-exclude-${e.recordId}`}>
      {t('billing.draft.exclude')}
    </Button>
  );
}

const entryWhen = (e: WorkReportEntry) => `${formatDate(e.date)}${e.startTime ? ` ${e.startTime}` : ''}`;

/**
 * The records on a phone: one card a record, the amount beside what was done, the ticket,
 * technician, time and outcome below, so nothing hides beyond the right edge.
 */
function EntryCards({ entries, currency, draft, onExclude }: { entries: WorkReportEntry[]; currency: string; draft: boolean; onExclude: ((recordId: number) => void) | null }) {
  const { t } = useTranslation();
  return (
    <RowCards testId="work-report-table">
      {entries.map((e) => (
        <RowCard
          key={String(e.recordId)}
          testId={`wr-${e.recordId}`}
          head={<EntryWhat entry={e} />}
          headEnd={<EntryAmount entry={e} currency={currency} />}
          body={(
            <>
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                <span className="mono" data-testid={`wr-ticket-${e.recordId}`}>{e.ticketNumber}</span> {e.ticketSubject}
              </Text>
              <Text size="xs" c="dimmed">
                {entryWhen(e)} · {e.technician} · <span data-testid={`wr-quantity-${e.recordId}`}>{entryQuantity(e)}</span>
                {e.kind === 'work' ? ` · ${t('billing.workReport.billable')} ${formatMinutes(e.billableMinutes)}` : ''}
              </Text>
            </>
          )}
          foot={<Group gap={0}><EntryOutcome entry={e} draft={draft} /></Group>}
          footEnd={onExclude ? <ExcludeButton entry={e} onExclude={onExclude} /> : null}
        />
      ))}
    </RowCards>
  );
}

/**
 * The work report of a draft or invoice: every record with its minutes and outcome, the prepaid ledger, CSV and PDF;
 * each amount's ⓘ says how it came about (as on the ticket); on a draft a record can be excluded. On a draft
 * nothing is invoiced yet: what it bills is "to be billed".
 */
export function WorkReportPanel({ invoiceId, version, editable, draft = false }: { invoiceId: number; version: number; editable: boolean; draft?: boolean }) {
  const { t } = useTranslation();
  const draftContext = draft ? 'draft' : undefined;
  const report = useWorkReport(invoiceId);
  const [excluding, setExcluding] = useState<number | null>(null);
  const phone = usePhone();
  return (
    <Paper withBorder p="sm" data-testid="work-report">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} size="h4">{t('billing.workReport.title')}</Title>
        <Group gap="xs">
          <Button component="a" href={workReportUrl(invoiceId, 'csv')} download variant="default" size="xs" leftSection={<IconFileTypeCsv size={16} />} data-testid="work-report-csv">CSV</Button>
          <Button component="a" href={workReportUrl(invoiceId, 'pdf')} target="_blank" rel="noopener" variant="default" size="xs" leftSection={<IconFileTypePdf size={16} />} data-testid="work-report-pdf">PDF</Button>
        </Group>
      </Group>
      {report.isPending ? (
        <Text size="sm" c="dimmed">{t('common.loading')}</Text>
      ) : report.isError ? (
        <Text size="sm" c="red" role="alert">{t('billing.workReport.failed')}</Text>
      ) : report.data.entries.length === 0 ? (
        <Text size="sm" c="dimmed">{t('billing.workReport.empty')}</Text>
      ) : (
        <>
          {phone ? <EntryCards entries={report.data.entries} currency={report.data.currency} draft={draft} onExclude={editable ? setExcluding : null} /> : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped data-testid="work-report-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('billing.fields.date')}</Table.Th>
                  <Table.Th>{t('billing.workReport.ticket')}</Table.Th>
                  <Table.Th>{t('billing.workReport.technician')}</Table.Th>
                  <Table.Th>{t('billing.workReport.what')}</Table.Th>
                  <Table.Th ta="right">{t('billing.workReport.minutes')}</Table.Th>
                  <Table.Th ta="right">{t('billing.workReport.billable')}</Table.Th>
                  <Table.Th>{t('billing.workReport.outcome')}</Table.Th>
                  <Table.Th ta="right">{t('billing.fields.net')}</Table.Th>
                  {editable ? <Table.Th /> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.data.entries.map((e) => (
                  <Table.Tr key={String(e.recordId)} data-testid={`wr-${e.recordId}`}>
                    <Table.Td>{entryWhen(e)}</Table.Td>
                    <Table.Td><Text size="sm" style={{ whiteSpace: 'nowrap' }} data-testid={`wr-ticket-${e.recordId}`}>{e.ticketNumber}</Text><Text size="xs" c="dimmed">{e.ticketSubject}</Text></Table.Td>
                    <Table.Td>{e.technician}</Table.Td>
                    <Table.Td><EntryWhat entry={e} /></Table.Td>
                    <Table.Td ta="right" data-testid={`wr-quantity-${e.recordId}`}>{entryQuantity(e)}</Table.Td>
                    <Table.Td ta="right">{e.kind === 'work' ? formatMinutes(e.billableMinutes) : '—'}</Table.Td>
                    <Table.Td><EntryOutcome entry={e} draft={draft} /></Table.Td>
                    <Table.Td ta="right"><EntryAmount entry={e} currency={report.data.currency} /></Table.Td>
                    {editable ? <Table.Td><ExcludeButton entry={e} onExclude={setExcluding} /></Table.Td> : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          )}
          <Text size="sm" mt="xs" data-testid="work-report-totals">
            {t('billing.workReport.totals', {
              context: draftContext,
              minutes: formatMinutes(report.data.totals.minutes), billable: formatMinutes(report.data.totals.billableMinutes),
              covered: formatMinutes(report.data.totals.coveredMinutes), amount: formatMoney(report.data.totals.amountMinor, report.data.currency),
            })}
          </Text>
          {report.data.ledger ? (
            <Text size="sm" c="dimmed" data-testid="work-report-ledger">
              {t('billing.workReport.ledger', ledgerSentenceValues(report.data.ledger))}
            </Text>
          ) : null}
        </>
      )}
      <ExcludeRecordModal invoiceId={invoiceId} version={version} recordId={excluding} onClose={() => setExcluding(null)} />
    </Paper>
  );
}
