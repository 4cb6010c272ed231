import { Code, Group, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from './api';
import { diffSnapshots, formatValue } from './diff';

export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const rows = diffSnapshots(entry.before, entry.after);
  const changed = rows.filter((r) => r.kind !== 'same');
  const visible = showAll ? rows : changed;

  if (rows.length === 0) {
    return <Text size="sm" c="dimmed">{t('audit.noData')}</Text>;
  }
  return (
    <div data-testid={`audit-diff-${entry.id}`}>
      <Group justify="space-between" mb="xs">
        <Text size="sm" c="dimmed">
          {t('audit.changedFields', { changed: changed.length, total: rows.length })}
        </Text>
        {changed.length < rows.length ? (
          <Switch size="xs" label={t('audit.showUnchanged')} checked={showAll} onChange={(e) => setShowAll(e.currentTarget.checked)} />
        ) : null}
      </Group>
      <Table.ScrollContainer minWidth={520}>
        <Table withTableBorder withColumnBorders fz="sm" highlightOnHover={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="28%">{t('audit.field')}</Table.Th>
              <Table.Th>{t('audit.before')}</Table.Th>
              <Table.Th>{t('audit.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visible.map((r) => (
              <Table.Tr key={r.path} data-kind={r.kind}>
                <Table.Td>
                  <Code>{r.path}</Code>
                </Table.Td>
                <Table.Td className={r.kind === 'changed' || r.kind === 'removed' ? 'diff-removed' : undefined} style={{ overflowWrap: 'anywhere' }}>
                  {formatValue(r.before)}
                </Table.Td>
                <Table.Td className={r.kind === 'changed' || r.kind === 'added' ? 'diff-added' : undefined} style={{ overflowWrap: 'anywhere' }}>
                  {formatValue(r.after)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}
