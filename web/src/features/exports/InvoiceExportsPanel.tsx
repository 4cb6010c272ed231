import { Alert, Button, Group, Paper, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS, fetchDocumentFile, useInvoiceExports, type ExportFormat } from './api';
import { saveBlob } from '../../app/download';
import { BatchesGrid } from './BatchesGrid';
import { exportRefusal, type ExportRefusal } from './errors';

/**
 * On an issued invoice or credit note, for whoever runs exports: the document alone as a
 * file of each format (for a one-off import into the accounting program; not marked as
 * exported), and the export batches it already went out in.
 */
export function InvoiceExportsPanel({ invoiceId }: { invoiceId: number }) {
  const { t } = useTranslation();
  const batches = useInvoiceExports(invoiceId);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [refusal, setRefusal] = useState<ExportRefusal | null>(null);

  async function download(format: ExportFormat) {
    setBusy(format);
    setRefusal(null);
    try {
      const file = await fetchDocumentFile(invoiceId, format);
      saveBlob(file.blob, file.fileName);
    } catch (error) {
      setRefusal(exportRefusal(t, error));
    } finally {
      setBusy(null);
    }
  }

  const items = batches.data?.items ?? [];
  return (
    <Paper withBorder p="sm" data-testid="invoice-exports">
      <Title order={2} size="h4" mb="xs">{t('exports.invoice.title')}</Title>
      <Text size="sm" c="dimmed" mb="xs">{t('exports.invoice.single')}</Text>
      <Group gap="xs" mb="sm">
        {EXPORT_FORMATS.map((format) => (
          <Button key={format} size="xs" variant="default" leftSection={<IconDownload size={14} />} loading={busy === format} disabled={busy !== null && busy !== format}
            onClick={() => void download(format)} data-testid={`invoice-export-${format}`}>
            {t(`exports.formats.${format}`)}
          </Button>
        ))}
      </Group>
      {refusal ? (
        <Alert color="red" mb="sm" role="alert" data-testid="invoice-export-refusal">
          {refusal.headline}
          {refusal.lines.map((line) => <Text key={line} size="sm">{line}</Text>)}
        </Alert>
      ) : null}
      {batches.isPending ? (
        <Text size="sm" c="dimmed">{t('common.loading')}</Text>
      ) : batches.isError ? (
        <Text size="sm" c="red" role="alert">{t('exports.invoice.batchesFailed')}</Text>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="invoice-exports-none">{t('exports.invoice.none')}</Text>
      ) : (
        <BatchesGrid items={items} testId="invoice-exports-batches" />
      )}
    </Paper>
  );
}
