import { Paper, Table, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth/AuthProvider';
import { EditAction } from '../../app/components/FormActions';
import { EmptyState, QueryView } from '../../app/components/QueryStates';
import { ActiveBadge } from '../admin/shared/ActiveBadge';
import { NewButton } from '../admin/shared/NewButton';
import type { Coded } from './catalogueApi';
import { PricingHeader } from './PricingHeader';

export interface CatalogueColumn<T> {
  header: string;
  cell: (row: T) => ReactNode;
}

interface Props<T extends Coded> {
  /** Names the page (`page-pricing-<testId>`) and its parts (`<testId>-new|table|row-<id>|edit-<id>`). */
  testId: string;
  query: { isPending: boolean; isError: boolean; error: unknown; data: T[] | undefined; refetch: () => unknown };
  newLabel: string;
  emptyTitle: string;
  hint?: string;
  /** The table scrolls sideways below this width (none: it never does). */
  minWidth?: number;
  /** Shown between the code and the status. */
  columns?: CatalogueColumn<T>[];
  /** The dialog that creates (item null) or edits an entry. */
  modal: (item: T | null, onClose: () => void) => ReactNode;
}

/**
 * A pricing catalogue list (work types, technician levels, travel zones, unit fees):
 * name, code, its own columns, status and, with pricing.manage, "new" (N) and edit.
 */
export function CatalogueListPage<T extends Coded>({ testId, query, newLabel, emptyTitle, hint, minWidth, columns = [], modal }: Props<T>) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const manage = can('pricing.manage');
  const [editing, setEditing] = useState<T | null | undefined>(undefined);
  const table = (rows: T[]) => (
    <Table data-testid={`${testId}-table`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('admin.fields.name')}</Table.Th>
          <Table.Th>{t('admin.fields.code')}</Table.Th>
          {columns.map((c) => <Table.Th key={c.header}>{c.header}</Table.Th>)}
          <Table.Th>{t('common.status')}</Table.Th>
          {manage ? <Table.Th w={48} aria-label={t('common.actions')} /> : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.id} data-testid={`${testId}-row-${row.id}`} data-code={row.code}>
            <Table.Td fw={500}>{row.name}</Table.Td>
            <Table.Td><Text className="mono" size="sm">{row.code}</Text></Table.Td>
            {columns.map((c) => <Table.Td key={c.header}>{c.cell(row)}</Table.Td>)}
            <Table.Td><ActiveBadge active={row.active} /></Table.Td>
            {manage ? (
              <Table.Td>
                <EditAction label={row.name} onClick={() => setEditing(row)} testId={`${testId}-edit-${row.id}`} />
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return (
    <div data-testid={`page-pricing-${testId}`}>
      <PricingHeader actions={manage ? <NewButton onClick={() => setEditing(null)} testId={`${testId}-new`}>{newLabel}</NewButton> : undefined} />
      {hint ? <Text size="sm" c="dimmed" mb="sm">{hint}</Text> : null}
      <Paper withBorder>
        <QueryView query={query} isEmpty={(rows) => rows.length === 0} empty={<EmptyState title={emptyTitle} />}>
          {(rows) => (minWidth ? <Table.ScrollContainer minWidth={minWidth}>{table(rows)}</Table.ScrollContainer> : table(rows))}
        </QueryView>
      </Paper>
      {editing !== undefined ? modal(editing, () => setEditing(undefined)) : null}
    </div>
  );
}
