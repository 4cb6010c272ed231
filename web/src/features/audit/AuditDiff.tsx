import { Group, Switch, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from './api';
import { describeValue, fieldLabel } from './auditValues';
import { bookkeepingLast, type DiffRow, diffSnapshots, isBookkeeping } from './diff';

/** A field by its label in the reader's language; the field as recorded on hover. */
function Field({ entry, row }: { entry: AuditEntry; row: DiffRow }) {
  const { t } = useTranslation();
  return (
    <Table.Td title={row.path} data-path={row.path}>
      {fieldLabel(t, entry.entity, row.parts)}
    </Table.Td>
  );
}

/** A recorded value: ids by the names of what they refer to, with the id beside; codes in words. */
function Value({ entry, row, side, className }: { entry: AuditEntry; row: DiffRow; side: 'before' | 'after'; className?: string }) {
  const { t } = useTranslation();
  const value = side === 'after' ? row.after : row.before;
  // An empty list is "none", like an empty value.
  const empty = value === null || value === undefined || (Array.isArray(value) && value.length === 0);
  return (
    <Table.Td className={className} c={empty ? 'dimmed' : undefined} style={{ overflowWrap: 'anywhere' }}>
      {empty
        ? '—'
        : describeValue(t, entry, row.parts, value).map((part, i) => (
            <Fragment key={i}>
              {i > 0 ? ', ' : null}
              {part.deleted ? (
                <Text span inherit c="dimmed" fs="italic" data-deleted-ref>
                  {part.text}
                </Text>
              ) : (
                <span title={part.recorded} data-ref-id={part.id}>
                  {part.text}
                </span>
              )}
              {part.id !== undefined ? (
                <Text span c="dimmed" size="xs">
                  {' '}#{part.id}
                </Text>
              ) : null}
            </Fragment>
          ))}
    </Table.Td>
  );
}

/** A created or removed record: its fields and values, no comparison. */
function Snapshot({ entry, rows, side }: { entry: AuditEntry; rows: DiffRow[]; side: 'before' | 'after' }) {
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
        {bookkeepingLast(rows).map((r) => (
          <Table.Tr key={r.path} c={isBookkeeping(r) ? 'dimmed' : undefined}>
            <Field entry={entry} row={r} />
            <Value entry={entry} row={r} side={side} />
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
        <Snapshot entry={entry} rows={rows} side={entry.after ? 'after' : 'before'} />
      </div>
    );
  }

  // The time of the last change and the version counter change every time: they are shown only
  // with everything else (last, dimmed), unless nothing else changed.
  const changedAbout = rows.filter((r) => r.kind !== 'same' && !isBookkeeping(r));
  const changed = changedAbout.length > 0 ? changedAbout : rows.filter((r) => r.kind !== 'same');
  const visible = showAll ? bookkeepingLast(rows) : changed;
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
              <Table.Tr key={r.path} data-kind={r.kind} c={isBookkeeping(r) ? 'dimmed' : undefined}>
                <Field entry={entry} row={r} />
                <Value entry={entry} row={r} side="before" className={r.kind === 'changed' || r.kind === 'removed' ? 'diff-removed' : undefined} />
                <Value entry={entry} row={r} side="after" className={r.kind === 'changed' || r.kind === 'added' ? 'diff-added' : undefined} />
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}
