import { Alert, Anchor, Badge, Button, Checkbox, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconFileExport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/client';
import { PageHeader } from '../../app/components/PageHeader';
import { EmptyState, ErrorState, FormErrorAlert, LoadMore, LoadingState } from '../../app/components/QueryStates';
import { formatDateTime, formatNumber } from '../../app/format';
import { downloadUrl, EXPORT_FORMATS, isPeriod, previousMonth, useExportBatches, useExportPreview, useRunExport, type ExportBatch, type ExportFormat, type ExportPreview } from './api';

/** Starts the browser's download of a batch file (the session cookie authorises it). */
function startDownload(batch: ExportBatch): void {
  const a = document.createElement('a');
  a.href = downloadUrl(batch);
  a.download = batch.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

function Figure({ label, value, testId }: { label: string; value: number | string; testId: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={600} size="lg" data-testid={testId}>{typeof value === 'number' ? formatNumber(value) : value}</Text>
    </div>
  );
}

function PreviewPanel({ preview }: { preview: ExportPreview }) {
  const { t } = useTranslation();
  const total = preview.toExport.invoices + preview.toExport.creditNotes + preview.toExport.slips;
  return (
    <Stack gap="sm" data-testid="exports-preview">
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        <Figure label={t('exports.preview.invoices')} value={preview.toExport.invoices} testId="exports-count-invoices" />
        <Figure label={t('exports.preview.creditNotes')} value={preview.toExport.creditNotes} testId="exports-count-credit-notes" />
        <Figure label={t('exports.preview.slips')} value={preview.slips === 'included' ? preview.toExport.slips : '—'} testId="exports-count-slips" />
        <Figure label={t('exports.preview.alreadyExported')} value={preview.alreadyExported} testId="exports-count-exported" />
        <Figure label={t('exports.preview.newClients')} value={preview.newClients ?? '—'} testId="exports-count-clients" />
      </SimpleGrid>
      <Text size="sm" c="dimmed">{t('exports.preview.range', { from: preview.from, to: preview.to, file: preview.fileName })}</Text>
      {preview.missingSettings.length > 0 ? (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('exports.preview.missingSettings')} data-testid="exports-missing-settings">
          <Stack gap={2}>
            {preview.missingSettings.map((m) => (
              <Text key={m.setting} size="sm">{t(`exports.settings.${m.setting.replace('supplier.', '')}`, { defaultValue: m.message })}</Text>
            ))}
          </Stack>
        </Alert>
      ) : null}
      {total === 0 && preview.missingSettings.length === 0 ? (
        <Text size="sm" data-testid="exports-nothing">{preview.alreadyExported > 0 ? t('exports.preview.allExported') : t('exports.preview.nothing')}</Text>
      ) : null}
      {preview.documents.length > 0 ? (
        <Table.ScrollContainer minWidth={400} mah={260}>
          <Table striped highlightOnHover data-testid="exports-documents">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('exports.fields.number')}</Table.Th>
                <Table.Th>{t('exports.fields.kind')}</Table.Th>
                <Table.Th>{t('exports.fields.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.documents.map((d) => (
                <Table.Tr key={`${d.kind}-${d.id}`}>
                  <Table.Td>{d.number}</Table.Td>
                  <Table.Td>{t(`exports.kinds.${d.kind}`)}</Table.Td>
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

function BatchesTable() {
  const { t } = useTranslation();
  const batches = useExportBatches();
  const items = batches.data?.pages.flatMap((p) => p.items) ?? [];
  if (batches.isPending) return <LoadingState />;
  if (batches.isError) return <ErrorState error={batches.error} onRetry={() => void batches.refetch()} />;
  if (items.length === 0) return <EmptyState title={t('exports.batches.empty')} text={t('exports.batches.emptyText')} />;
  return (
    <>
      <Table.ScrollContainer minWidth={700}>
        <Table striped data-testid="exports-batches">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('exports.fields.createdAt')}</Table.Th>
              <Table.Th>{t('exports.fields.format')}</Table.Th>
              <Table.Th>{t('exports.fields.period')}</Table.Th>
              <Table.Th ta="right">{t('exports.fields.documents')}</Table.Th>
              <Table.Th>{t('exports.fields.createdBy')}</Table.Th>
              <Table.Th>{t('exports.fields.file')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((b) => (
              <Table.Tr key={b.id} data-testid={`exports-batch-${b.id}`}>
                <Table.Td>{formatDateTime(b.createdAt)}</Table.Td>
                <Table.Td>
                  {t(`exports.formats.${b.format}`)}
                  {b.includeExported ? <Badge ml="xs" size="xs" variant="light">{t('exports.batches.again')}</Badge> : null}
                </Table.Td>
                <Table.Td>{b.period}</Table.Td>
                <Table.Td ta="right">{formatNumber(b.documentCount)}</Table.Td>
                <Table.Td>{b.createdBy.id === null ? t('exports.batches.commandLine') : b.createdBy.name}</Table.Td>
                <Table.Td>
                  <Anchor href={downloadUrl(b)} download={b.fileName} title={`SHA-256 ${b.sha256}`}>
                    <Group gap={4} wrap="nowrap"><IconDownload size={14} />{b.fileName}</Group>
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
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
  const run = useRunExport();
  const periodValid = isPeriod(period);
  const p = preview.data;
  const pending = p ? p.toExport.invoices + p.toExport.creditNotes + p.toExport.slips : 0;
  // Something new to export, or (with "export again") something exported before; and the settings the format needs.
  const canRun = periodValid && !run.isPending && p !== undefined && p.missingSettings.length === 0 && (pending > 0 || (again && p.alreadyExported > 0));

  const submit = () => {
    if (!canRun) return;
    run.mutate({ format, period, includeExported: again }, { onSuccess: startDownload });
  };

  return (
    <div data-testid="page-exports">
      <PageHeader title={t('exports.title')} subtitle={t('exports.subtitle')} />
      <Paper withBorder p="md" mb="lg">
        <form onSubmit={(e) => { e.preventDefault(); submit(); }}>
          <Stack gap="md">
            <Group align="flex-end" wrap="wrap" gap="md">
              <TextInput
                label={t('exports.fields.period')}
                description={t('exports.periodHint')}
                value={period}
                onChange={(e) => { setPeriod(e.currentTarget.value.trim()); run.reset(); }}
                error={period !== '' && !periodValid ? t('exports.periodInvalid') : undefined}
                w={{ base: '100%', xs: 200 }}
                data-testid="exports-period"
              />
              <div>
                <Text size="sm" fw={500} mb={4} id="exports-format-label">{t('exports.fields.format')}</Text>
                <SegmentedControl
                  aria-labelledby="exports-format-label"
                  value={format}
                  onChange={(v) => { setFormat(v as ExportFormat); run.reset(); }}
                  data={EXPORT_FORMATS.map((f) => ({ value: f, label: t(`exports.formats.${f}`) }))}
                  data-testid="exports-format"
                />
              </div>
            </Group>
            <Text size="sm" c="dimmed">{t(`exports.formatHelp.${format}`)}</Text>
            {preview.isError ? <ErrorState error={preview.error} onRetry={() => void preview.refetch()} /> : null}
            {preview.isPending && periodValid ? <LoadingState /> : null}
            {preview.data && periodValid ? <PreviewPanel preview={preview.data} /> : null}
            <Checkbox
              label={t('exports.again')}
              description={t('exports.againHint')}
              checked={again}
              onChange={(e) => setAgain(e.currentTarget.checked)}
              data-testid="exports-again"
            />
            <FormErrorAlert error={run.error} extra={isApiError(run.error) ? run.error.details.map((d) => d.message) : []} testId="exports-error" />
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
            </Group>
          </Stack>
        </form>
      </Paper>
      <Title order={3} mb="sm">{t('exports.batches.title')}</Title>
      <BatchesTable />
    </div>
  );
}
