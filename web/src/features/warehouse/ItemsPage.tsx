import { ActionIcon, Anchor, Badge, Button, Group, Paper, Table, Text, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconTimeline } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth/AuthProvider';
import { useKeyShortcuts } from '../../app/components/hotkeys';
import { EditAction } from '../../app/components/FormActions';
import { type ActiveFilterValue, ActiveFilterControl, SearchInput } from '../../app/components/ListFilters';
import { EmptyState, LoadMore, QueryView } from '../../app/components/QueryStates';
import { ActiveBadge } from '../admin/shared/ActiveBadge';
import { vatCategoryLabel } from '../pricing/VatCategoryLabel';
import { type Item, useItems, useStockCurrency } from './api';
import { ItemModal } from './ItemModal';
import { WarehouseHeader } from './WarehouseHeader';
import { unitLabel, stockMoney } from './units';

/** /warehouse/items — the item catalogue: search by code, name or EAN (a scan works), create and edit. */
export default function ItemsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const manage = can('warehouse.manage');
  const [search, setSearch] = useState('');
  const [active, setActive] = useState<ActiveFilterValue>('true');
  const [debounced] = useDebouncedValue(search, 250);
  const list = useItems(debounced, active);
  const [editing, setEditing] = useState<Item | null | undefined>(undefined);
  const searchRef = useRef<HTMLInputElement>(null);
  const shortcuts = useMemo(() => ({ '/': () => searchRef.current?.focus(), ...(manage ? { n: () => setEditing(null) } : {}) }), [manage]);
  useKeyShortcuts(shortcuts);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const currency = useStockCurrency();
  const filtered = debounced.trim() !== '' || active !== 'all';

  return (
    <div data-testid="page-warehouse-items">
      <WarehouseHeader actions={manage ? <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid="items-new">{t('warehouse.items.new')}</Button> : undefined} />
      <Group mb="sm" gap="sm" wrap="wrap">
        <SearchInput ref={searchRef} value={search} onChange={setSearch} placeholder={t('warehouse.items.searchPlaceholder')} style={{ flex: '1 1 280px' }} testId="items-search" />
        <ActiveFilterControl value={active} onChange={setActive} testId="items-active-filter" />
      </Group>
      <Paper withBorder>
        <QueryView
          query={list}
          isEmpty={() => items.length === 0}
          empty={filtered ? <EmptyState title={t('common.nothingFound')} text={t('common.tryOtherSearch')} /> : <EmptyState title={t('warehouse.items.empty')} text={t('warehouse.items.emptyText')} />}
        >
          {() => (
            <Table.ScrollContainer minWidth={760}>
              <Table data-testid="items-table" highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('warehouse.fields.code')}</Table.Th>
                    <Table.Th>{t('warehouse.fields.name')}</Table.Th>
                    <Table.Th>{t('warehouse.fields.ean')}</Table.Th>
                    <Table.Th>{t('warehouse.fields.unit')}</Table.Th>
                    <Table.Th>{t('warehouse.fields.vat')}</Table.Th>
                    <Table.Th className="wh-num">{t('warehouse.fields.salePrice')}</Table.Th>
                    <Table.Th>{t('common.status')}</Table.Th>
                    <Table.Th w={80} aria-label={t('common.actions')} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((i) => (
                    <Table.Tr key={i.id} data-testid={`items-row-${i.id}`} data-code={i.code}>
                      <Table.Td><Text className="mono" size="sm">{i.code}</Text></Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Anchor component={Link} to={`/warehouse/items/${i.id}`} fw={500} size="sm">{i.name}</Anchor>
                          {i.serialTracking ? <Badge size="xs" variant="light">{t('warehouse.items.serialTracked')}</Badge> : null}
                        </Group>
                      </Table.Td>
                      <Table.Td><Text className="mono" size="sm" c={i.ean ? undefined : 'dimmed'}>{i.ean ?? '—'}</Text></Table.Td>
                      <Table.Td>{unitLabel(t, i.unit)}</Table.Td>
                      <Table.Td>{vatCategoryLabel(t, i.vatCategory)}</Table.Td>
                      <Table.Td className="wh-num">{stockMoney(i.salePriceMinor, currency)}</Table.Td>
                      <Table.Td><ActiveBadge active={i.active} /></Table.Td>
                      <Table.Td>
                        <Group gap={2} wrap="nowrap" justify="flex-end">
                          <Tooltip label={t('warehouse.ledger.open')}>
                            <ActionIcon component={Link} to={`/warehouse/items/${i.id}`} variant="subtle" aria-label={`${t('warehouse.ledger.open')}: ${i.name}`} data-testid={`items-ledger-${i.id}`}><IconTimeline size={16} /></ActionIcon>
                          </Tooltip>
                          {manage ? (
                            <EditAction label={i.name} onClick={() => setEditing(i)} testId={`items-edit-${i.id}`} />
                          ) : null}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryView>
      </Paper>
      <LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} testId="items-load-more" />
      {editing !== undefined ? <ItemModal item={editing} onClose={() => setEditing(undefined)} /> : null}
    </div>
  );
}
