import { Code, Group, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from './api';
import { type DiffRow, diffSnapshots, formatValue } from './diff';

function Value({ value, className }: { value: unknown; className?: string }) {
  const empty = value === null || value === undefined;
  return (
    <Table.Td className={className} c={empty ? 'dimmed' : undefined} style={{ overflowWrap: 'anywhere' }}>
      {empty ? '—' : formatValue(value)}
    </Table.Td>
  );
}

/** A created or removed record: its fields and values, no comparison. */
function Snapshot({ rows, side }: { rows: DiffRow[]; side: 'before' | 'after' }) {
  const { t } = useTranslation();
  return (
    <Table withTableBorder fz="sm" highlightOnHover={false}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="30%">{t('audit.field')}</Table.Th>
          <Table.Th>{side === 'after' ? t('audit.after') : t('audit.before')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.path}>
            <Table.Td>
              <Code>{r.path}</Code>
            </Table.Td>
            <Value value={side === 'after' ? r.after : r.before} />
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const rows = diffSnapshots(entry.before, entry.after);

  if (rows.length === 0) {
    return <Text size="sm" c="dimmed">{t('audit.noData')}</Text>;
  }
  if (!entry.before || !entry.after) {
    return (
      <div data-testid={`audit-diff-${entry.id}`}>
        <Snapshot rows={rows} side={entry.after ? 'after' : 'before'} />
      </div>
    );
  }

  const changed = rows.filter((r) => r.kind !== 'same');
  const visible = showAll ? rows : changed;
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
                <Value value={r.before} className={r.kind === 'changed' || r.kind === 'removed' ? 'diff-removed' : undefined} />
                <Value value={r.after} className={r.kind === 'changed' || r.kind === 'added' ? 'diff-added' : undefined} />
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}
