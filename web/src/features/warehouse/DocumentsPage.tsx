import { Anchor, Button, Group, Paper, SegmentedControl, Table } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useAuth, useMe } from '../../app/auth/AuthProvider';
import { useKeyShortcuts } from '../../app/components/hotkeys';
import { EmptyState, LoadMore, QueryView } from '../../app/components/QueryStates';
import { formatDate } from '../../app/format';
import { type DocumentState, useDocuments, useStockCurrency } from './api';
import { WarehouseFilter } from './WarehouseFilter';
import { DocumentStateBadge, documentTitle } from './DocumentBadges';
import { kindFromPath, KIND_PATHS, permissionForKind } from './model';
import { stockMoney } from './units';
import { WarehouseHeader } from './WarehouseHeader';

/** /warehouse/receipts|transfers|issues|returns|counts — the documents of one kind, newest first. */
export default function DocumentsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const me = useMe();
  const navigate = useNavigate();
  const segment = useLocation().pathname.split('/')[2];
  const kind = kindFromPath(segment) ?? 'receipt';
  const [state, setState] = useState<'all' | DocumentState>('all');
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  const list = useDocuments({ kind, state: state === 'all' ? null : state, warehouseId: warehouseId === null ? null : Number(warehouseId) });
  const mayCreate = can(permissionForKind(kind)) && kind !== 'return';
  const newPath = `/warehouse/${KIND_PATHS[kind]}/new`;
  const shortcuts = useMemo(() => (mayCreate ? { n: () => navigate(newPath) } : {}), [mayCreate, navigate, newPath]);
  useKeyShortcuts(shortcuts);
  const docs = list.data?.pages.flatMap((p) => p.items) ?? [];
  const showCosts = me.fieldScope.costs;
  const currency = useStockCurrency();
  const filtered = state !== 'all' || warehouseId !== null;

  return (
    <div data-testid={`page-documents-${kind}`} data-kind={kind}>
      <WarehouseHeader
        subtitle={t(`warehouse.documents.subtitle.${kind}`)}
        actions={mayCreate ? <Button component={Link} to={newPath} leftSection={<IconPlus size={16} />} data-testid="documents-new">{t(`warehouse.documents.new.${kind}`)}</Button> : undefined}
      />
      <Group mb="sm" gap="sm" wrap="wrap">
        <SegmentedControl
          value={state}
          onChange={(v) => setState(v as typeof state)}
          data={[{ value: 'all', label: t('common.all') }, { value: 'draft', label: t('warehouse.states.draft') }, { value: 'confirmed', label: t('warehouse.states.confirmed') }]}
          aria-label={t('common.statusFilter')}
          data-testid="documents-state-filter"
        />
        <WarehouseFilter value={warehouseId} onChange={setWarehouseId} w={260} testId="documents-warehouse-filter" />
      </Group>
      <Paper withBorder>
        <QueryView
          query={list}
          isEmpty={() => docs.length === 0}
          empty={
            filtered ? <EmptyState title={t('common.nothingFound')} text={t('common.tryOtherSearch')} /> : (
              <EmptyState title={t(`warehouse.documents.empty.${kind}`)} text={t(`warehouse.documents.emptyText.${kind}`)} />
            )
          }
        >
          {() => (
            <Table.ScrollContainer minWidth={720}>
              <Table data-testid="documents-table" highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('warehouse.fields.number')}</Table.Th>
                    <Table.Th>{t('warehouse.fields.date')}</Table.Th>
                    <Table.Th>{kind === 'transfer' ? t('warehouse.fields.fromTo') : t('warehouse.fields.warehouse')}</Table.Th>
                    <Table.Th>{kind === 'receipt' ? t('warehouse.fields.supplier') : kind === 'count' ? t('warehouse.fields.reason') : t('warehouse.fields.ticket')}</Table.Th>
                    {showCosts ? <Table.Th className="wh-num">{t('warehouse.fields.totalCost')}</Table.Th> : null}
                    <Table.Th>{t('common.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {docs.map((d) => (
                    <Table.Tr key={d.id} data-testid={`documents-row-${d.id}`} data-state={d.state} data-number={d.number ?? ''}>
                      <Table.Td>
                        <Anchor component={Link} to={`/warehouse/documents/${d.id}`} fw={600} size="sm" className="mono" data-testid={`documents-open-${d.id}`}>{documentTitle(t, d)}</Anchor>
                      </Table.Td>
                      <Table.Td>{formatDate(d.date)}</Table.Td>
                      <Table.Td>{d.targetWarehouse ? `${d.warehouse.name} → ${d.targetWarehouse.name}` : d.warehouse.name}</Table.Td>
                      <Table.Td>
                        {kind === 'receipt' ? (d.supplier ?? '—') : kind === 'count' ? (d.reason ?? '—') : d.ticket ? (
                          <Anchor component={Link} to={`/tickets/${d.ticket.id}`} size="sm">{d.ticket.number}</Anchor>
                        ) : '—'}
                      </Table.Td>
                      {showCosts ? <Table.Td className="wh-num">{stockMoney(d.totalCostMinor, d.costCurrency ?? currency)}</Table.Td> : null}
                      <Table.Td><DocumentStateBadge state={d.state} /></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryView>
      </Paper>
      <LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} testId="documents-load-more" />
    </div>
  );
}
