import { Alert, Anchor, Badge, Button, Checkbox, Group, Paper, ScrollArea, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { IconAlertTriangle, IconFileExport } from '@tabler/icons-react';
import { useMemo, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useKeyShortcuts } from '../../app/components/hotkeys';
import { SearchInput } from '../../app/components/ListFilters';
import { PageHeader } from '../../app/components/PageHeader';
import { EmptyState, ErrorState, LoadMore, LoadingState } from '../../app/components/QueryStates';
import { formatDate, formatNumber } from '../../app/format';
import { downloadUrl, EXPORT_FORMATS, isPeriod, previousMonth, useExportBatches, useExportPreview, useRunExport, type ExportFormat, type ExportPreview } from './api';
import { startDownload } from '../../app/download';
import { BatchesGrid } from './BatchesGrid';
import { ExportProgressBar } from './ExportProgressBar';
import { PeriodField } from './PeriodField';
import { formatMoney } from '../pricing/money';
import type { ExportProgress } from './exportStream';
import { exportRefusal, settingText } from './errors';
import { blockingVatRates, countriesOf, documentCount, vatRateLine } from './vatRates';
import { blockingSlips, slipCurrenciesLine } from './slipCurrencies';
import { documentsMatching } from './documentSearch';
import { laterCreditNoteLines } from './laterCreditNotes';


function Figure({ label, value, testId }: { label: string; value: number | string; testId: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={600} size="lg" data-testid={testId}>{typeof value === 'number' ? formatNumber(value) : value}</Text>
    </div>
  );
}

/**
 * `stale`: the figures of the previous period or format, shown dimmed while this one's are read.
 * `search`: what the box over the listed documents holds ("/" focuses it, `searchRef`).
 */
function PreviewPanel({ preview, stale, search, onSearch, searchRef }: { preview: ExportPreview; stale: boolean; search: string; onSearch: (text: string) => void; searchRef: Ref<HTMLInputElement> }) {
  const { t } = useTranslation();
  const shown = documentsMatching(preview.documents, search);
  const total = preview.toExport.invoices + preview.toExport.creditNotes + preview.toExport.slips;
  return (
    <Stack gap="sm" data-testid="exports-preview" data-stale={stale || undefined} aria-busy={stale || undefined} style={stale ? { opacity: 0.5 } : undefined}>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        <Figure label={t('exports.preview.invoices')} value={preview.toExport.invoices} testId="exports-count-invoices" />
        <Figure label={t('exports.preview.creditNotes')} value={preview.toExport.creditNotes} testId="exports-count-credit-notes" />
        <Figure label={t('exports.preview.slips')} value={preview.slips === 'included' ? preview.toExport.slips : '—'} testId="exports-count-slips" />
        <Figure label={t('exports.preview.alreadyExported')} value={preview.alreadyExported} testId="exports-count-exported" />
        <Figure label={t('exports.preview.newClients')} value={preview.newClients ?? '—'} testId="exports-count-clients" />
      </SimpleGrid>
      <Text size="sm" c="dimmed">{t('exports.preview.range', { from: formatDate(preview.from), to: formatDate(preview.to), file: preview.fileName })}</Text>
      {preview.missingSettings.length > 0 ? (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('exports.preview.missingSettings')} data-testid="exports-missing-settings">
          <Stack gap={2}>
            {preview.missingSettings.map((m) => (
              <Text key={m.setting} size="sm">{settingText(t, m.setting, m.message)}</Text>
            ))}
          </Stack>
        </Alert>
      ) : null}
      {preview.vatRatesNotMapped.length > 0 ? <UnmappedVatRatesAlert preview={preview} /> : null}
      {preview.slipCurrenciesMixed.length > 0 ? <SlipCurrenciesMixedAlert preview={preview} /> : null}
      {total === 0 && preview.missingSettings.length === 0 ? (
        <Text size="sm" data-testid="exports-nothing">{preview.alreadyExported > 0 ? t('exports.preview.allExported') : t('exports.preview.nothing')}</Text>
      ) : null}
      {preview.drafts > 0 ? (
        <Alert color="blue" variant="light" data-testid="exports-drafts">
          {t('exports.preview.drafts', { count: preview.drafts })}{' '}
          <Anchor component={Link} to={draftsUrl(preview.period)}>{t('exports.preview.draftsLink')}</Anchor>
        </Alert>
      ) : null}
      {preview.creditNotesInLaterPeriods.length > 0 ? (
        <Alert color="blue" variant="light" data-testid="exports-later-credit-notes">
          {laterCreditNoteLines(t, preview).map((line) => <Text key={line} size="sm">{line}</Text>)}
        </Alert>
      ) : null}
      {preview.documents.length > 0 ? (
        <SearchInput
          ref={searchRef}
          value={search}
          onChange={onSearch}
          // Enter leaves the box and goes no further: it must not run the export of the form around it.
          onToResults={() => {}}
          // The list is filtered here, never fetched: no spinner, only the "/" hint.
          busy={false}
          placeholder={t('exports.preview.searchPlaceholder')}
          w={{ base: '100%', xs: 320 }}
          testId="exports-documents-search"
        />
      ) : null}
      {preview.documents.length > 0 && shown.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="exports-documents-none">{t('exports.preview.searchNone')}</Text>
      ) : null}
      {shown.length > 0 ? (
        <Table.ScrollContainer minWidth={320} mah={260}>
          <Table striped highlightOnHover data-testid="exports-documents">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('exports.fields.number')}</Table.Th>
                <Table.Th>{t('exports.fields.kind')}</Table.Th>
                <Table.Th>{t('exports.fields.client')}</Table.Th>
                <Table.Th ta="right">{t('exports.fields.amount')}</Table.Th>
                <Table.Th>{t('exports.fields.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((d) => (
                <Table.Tr key={`${d.kind}-${d.id}`} data-testid={`exports-document-${d.kind}-${d.id}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}><Anchor component={Link} to={documentPath(d)}>{d.number}</Anchor></Table.Td>
                  <Table.Td>{t(`exports.kinds.${d.kind}`)}</Table.Td>
                  <Table.Td>{d.clientName ?? '—'}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{d.amountMinor === null || d.amountMinor === undefined || !d.currency ? '—' : formatMoney(d.amountMinor, d.currency)}</Table.Td>
                  <Table.Td>{d.exported ? <Badge color="gray" variant="light">{t('exports.preview.exportedBadge')}</Badge> : <Badge color="green" variant="light">{t('exports.preview.newBadge')}</Badge>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {preview.truncated ? <Text size="xs" c="dimmed">{t('exports.preview.truncated', { count: preview.documents.length })}</Text> : null}
    </Stack>
  );
}

/** Every document and VAT rate POHODA has no name for, before the accountant exports (vatRates.ts). */
function UnmappedVatRatesAlert({ preview }: { preview: ExportPreview }) {
  const { t } = useTranslation();
  const rates = preview.vatRatesNotMapped;
  return (
    <PreviewProblemAlert
      title={t('exports.preview.vatRatesTitle')}
      text={t('exports.preview.vatRatesText', { country: countriesOf(rates) })}
      testId="exports-vat-rates"
      entryTestId="exports-vat-rate"
      entries={rates.map((r) => ({ key: `${r.kind}-${r.id}-${r.vatRateBp}`, document: r, line: vatRateLine(t, r), exported: r.exported }))}
    />
  );
}

/** Every issue slip POHODA cannot write, its material valued in two currencies, before the accountant exports (slipCurrencies.ts). */
function SlipCurrenciesMixedAlert({ preview }: { preview: ExportPreview }) {
  const { t } = useTranslation();
  return (
    <PreviewProblemAlert
      title={t('exports.preview.slipCurrenciesTitle')}
      text={t('exports.preview.slipCurrenciesText')}
      testId="exports-slip-currencies"
      entryTestId="exports-slip-currency"
      entries={preview.slipCurrenciesMixed.map((s) => ({ key: String(s.id), document: s, line: slipCurrenciesLine(t, s), exported: s.exported }))}
    />
  );
}

/** A problem the export would stop at, listed before it: one line per document, linked to it, those exported before marked. */
function PreviewProblemAlert(props: {
  title: string;
  text: string;
  testId: string;
  entryTestId: string;
  entries: { key: string; document: Parameters<typeof documentPath>[0]; line: string; exported: boolean }[];
}) {
  const { t } = useTranslation();
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={props.title} data-testid={props.testId}>
      <Text size="sm" mb={4}>{props.text}</Text>
      <ScrollArea.Autosize mah={200}>
        <Stack gap={2}>
          {props.entries.map((e) => (
            <Text key={e.key} size="sm" data-testid={props.entryTestId}>
              <Anchor component={Link} to={documentPath(e.document)} size="sm">{e.line}</Anchor>
              {e.exported ? <Text span size="xs" c="dimmed">{` (${t('exports.preview.vatRateExported')})`}</Text> : null}
            </Text>
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Alert>
  );
}

/** Where a listed document opens: an invoice or credit note on its page, an issue slip on the warehouse's. */
function documentPath(d: Pick<ExportPreview['documents'][number], 'kind' | 'id'>): string {
  return d.kind === 'slip' ? `/warehouse/documents/${d.id}` : `/invoices/${d.id}`;
}

/** The invoice list filtered to drafts, of the month when the period is one. */
function draftsUrl(period: string): string {
  return /^\d{4}-\d{2}$/.test(period) ? `/invoices?status=draft&period=${period}` : '/invoices?status=draft';
}

/** Why the export was refused, in the user's language (errors.ts). */
function RefusalAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const refusal = exportRefusal(t, error);
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="exports-error" role="alert">
      <Text size="sm" fw={500}>{refusal.headline}</Text>
      {refusal.lines.length > 0 ? (
        <ScrollArea.Autosize mah={200} mt={4}>
          <Stack gap={2}>
            {refusal.lines.map((line) => <Text key={line} size="sm" data-testid="exports-error-line">{line}</Text>)}
          </Stack>
        </ScrollArea.Autosize>
      ) : null}
    </Alert>
  );
}

function BatchesTable() {
  const { t } = useTranslation();
  const batches = useExportBatches();
  const items = batches.data?.pages.flatMap((p) => p.items) ?? [];
  if (batches.isPending) return <LoadingState />;
  if (batches.isError) return <ErrorState error={batches.error} onRetry={() => void batches.refetch()} />;
  if (items.length === 0) return <EmptyState title={t('exports.batches.empty')} text={t('exports.batches.emptyText')} />;
  return (
    <>
      <BatchesGrid items={items} testId="exports-batches" rowTestIdPrefix="exports-batch-" />
      <LoadMore hasMore={Boolean(batches.hasNextPage)} loading={batches.isFetchingNextPage} onClick={() => void batches.fetchNextPage()} testId="exports-batches-more" />
    </>
  );
}

/** /exports — the accountant picks a period and a format, sees what will be exported, downloads it; past batches below. */
export default function ExportsPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(() => previousMonth(new Date()));
  const [format, setFormat] = useState<ExportFormat>('isdoc');
  const [again, setAgain] = useState(false);
  const preview = useExportPreview(format, period);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const run = useRunExport(setProgress);
  const [search, setSearch] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const hasDocuments = (preview.data?.documents.length ?? 0) > 0;
  const shortcuts = useMemo(() => (hasDocuments ? { '/': () => searchRef.current?.focus() } : {}), [hasDocuments]);
  useKeyShortcuts(shortcuts);
  const periodValid = isPeriod(period);
  // While another period's or format's figures stand in (kept to spare the page a jump), nothing is decided on them:
  // POHODA's preview alone knows the rates that would stop its export.
  const p = preview.isPlaceholderData ? undefined : preview.data;
  const pending = p ? p.toExport.invoices + p.toExport.creditNotes + p.toExport.slips : 0;
  // Documents of this export with a VAT rate POHODA has no name for: the server would refuse it.
  const blocking = p ? blockingVatRates(p, again) : [];
  // Issue slips of this export valued in two currencies: POHODA cannot write them, the server would refuse it too.
  const blockingMixedSlips = p ? blockingSlips(p, again) : [];
  // Something new to export, or (with "export again") something exported before; the settings the format needs; no such rate or slip.
  const canRun = periodValid && !run.isPending && p !== undefined && p.missingSettings.length === 0 && blocking.length === 0 && blockingMixedSlips.length === 0
    && (pending > 0 || (again && p.alreadyExported > 0));

  const submit = () => {
    if (!canRun) return;
    setProgress(null);
    run.mutate({ format, period, includeExported: again }, { onSuccess: (batch) => startDownload(downloadUrl(batch), batch.fileName) });
  };

  return (
    <div data-testid="page-exports">
      <PageHeader title={t('exports.title')} subtitle={t('exports.subtitle')} />
      <Paper withBorder p="md" mb="lg">
        <form onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate>
          <Stack gap="md">
            <Group align="flex-end" wrap="wrap" gap="md">
              <PeriodField
                value={period}
                onChange={(next) => { setPeriod(next); setAgain(false); run.reset(); }}
                error={!periodValid ? t('exports.periodInvalid') : undefined}
              />
              <div>
                <Text size="sm" fw={500} mb={4} id="exports-format-label">{t('exports.fields.format')}</Text>
                <SegmentedControl
                  aria-labelledby="exports-format-label"
                  value={format}
                  // "Export again" is a decision about one period in one format: it does not carry over.
                  onChange={(v) => { setFormat(v as ExportFormat); setAgain(false); run.reset(); }}
                  data={EXPORT_FORMATS.map((f) => ({ value: f, label: t(`exports.formats.${f}`) }))}
                  data-testid="exports-format"
                />
              </div>
            </Group>
            <Text size="sm" c="dimmed">{t(`exports.formatHelp.${format}`)}</Text>
            {preview.isError ? <ErrorState error={preview.error} onRetry={() => void preview.refetch()} /> : null}
            {preview.isPending && periodValid ? <LoadingState /> : null}
            {preview.data && periodValid ? <PreviewPanel preview={preview.data} stale={preview.isPlaceholderData} search={search} onSearch={setSearch} searchRef={searchRef} /> : null}
            <Checkbox
              label={t('exports.again')}
              description={t('exports.againHint')}
              checked={again}
              onChange={(e) => setAgain(e.currentTarget.checked)}
              data-testid="exports-again"
            />
            {run.isPending ? <ExportProgressBar progress={progress} /> : null}
            {run.error ? <RefusalAlert error={run.error} /> : null}
            {run.data ? (
              <Alert color="green" data-testid="exports-done">
                {t('exports.done', { count: run.data.documentCount, file: run.data.fileName })}{' '}
                <Anchor href={downloadUrl(run.data)} download={run.data.fileName}>{t('exports.downloadAgain')}</Anchor>
              </Alert>
            ) : null}
            <Group>
              <Button type="submit" leftSection={<IconFileExport size={16} />} loading={run.isPending} disabled={!canRun} data-testid="exports-run">
                {t('exports.run')}
              </Button>
              {blocking.length > 0 && periodValid ? (
                <Text size="sm" c="red" data-testid="exports-run-blocked">{t('exports.preview.runBlockedByVatRates', { count: documentCount(blocking) })}</Text>
              ) : null}
              {blockingMixedSlips.length > 0 && periodValid ? (
                <Text size="sm" c="red" data-testid="exports-run-blocked-slips">{t('exports.preview.runBlockedBySlipCurrencies', { count: blockingMixedSlips.length })}</Text>
              ) : null}
            </Group>
          </Stack>
        </form>
      </Paper>
      <Title order={3} mb="sm">{t('exports.batches.title')}</Title>
      <BatchesTable />
    </div>
  );
}
