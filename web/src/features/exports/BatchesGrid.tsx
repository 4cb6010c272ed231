import { Anchor, Badge, Group, Table } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber, formatPeriod } from '../../app/format';
import { downloadUrl, type ExportBatch } from './api';

/** Export batches as a table, each with its file to download: the exports page's history and an invoice's own exports. */
export function BatchesGrid({ items, testId, rowTestIdPrefix }: { items: ExportBatch[]; testId: string; rowTestIdPrefix?: string }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped data-testid={testId}>
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
            <Table.Tr key={b.id} data-testid={rowTestIdPrefix ? `${rowTestIdPrefix}${b.id}` : undefined}>
              <Table.Td>{formatDateTime(b.createdAt)}</Table.Td>
              <Table.Td>
                {t(`exports.formats.${b.format}`)}
                {b.includeExported ? <Badge ml="xs" size="xs" variant="light">{t('exports.batches.again')}</Badge> : null}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatPeriod(b.period)}</Table.Td>
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
  );
}
