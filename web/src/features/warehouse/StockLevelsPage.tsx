import { ActionIcon, Anchor, Badge, Button, Group, Paper, Stack, Switch, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAdjustments, IconAlertTriangle } from '@tabler/icons-react';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth, useMe } from '../../app/auth/AuthProvider';
import { useSearchParamsFresh } from '../../app/useSearchParamsFresh';
import { useKeyShortcuts } from '../../app/components/hotkeys';
import { SearchInput } from '../../app/components/ListFilters';
import { CancelButton } from '../../app/components/FormActions';
import { UnsavedChangesModal } from '../../app/components/UnsavedChangesModal';
import { EmptyState, LoadMore, QueryView } from '../../app/components/QueryStates';
import { RowCard, RowCards } from '../../app/components/RowCards';
import { notifySaved } from '../admin/shared/notify';
import { usePhone } from '../../app/components/usePhone';
import { formatDecimal, parseDecimalInput } from '../records/format';
import { type StockLevel, useSetMinimum, useStockCurrency, useStockLevels } from './api';
import { fieldRefusal } from './errors';
import { BELOW_MINIMUM_PARAM, quantityProblem } from './model';
import { WarehouseFilter } from './WarehouseFilter';
import { WarehouseHeader } from './WarehouseHeader';
import { quantityLabel, unitLabel, stockMoney } from './units';

/** Sets (or clears) the minimum of one item in one warehouse: the documents' rule, whole pieces for what is counted in pieces. */
function MinimumModal({ level, onClose }: { level: StockLevel; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSetMinimum();
  const openedText = level.minimum === null ? '' : formatDecimal(level.minimum);
  const [text, setText] = useState(openedText);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const minimum = text.trim() ? parseDecimalInput(text) : null;
    const wrong = text.trim() ? quantityProblem(text, level.unit, true) : null;
    if (wrong) return setProblem(t(`warehouse.form.errors.${wrong}`));
    setProblem(null);
    save.mutate({ warehouseId: level.warehouseId, itemId: level.itemId, minimum }, {
      onSuccess: () => { notifySaved(t('warehouse.levels.minimumSaved', { item: level.itemCode })); onClose(); },
    });
  };
  return (
    <UnsavedChangesModal opened dirty={text !== openedText} onClose={onClose} title={t('warehouse.levels.minimumTitle', { item: level.itemName, warehouse: level.warehouseName })} attributes={{ content: { 'data-testid': 'minimum-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('warehouse.fields.minimum')}
            description={t('warehouse.levels.minimumHint')}
            inputMode="decimal"
            autoComplete="off"
            data-autofocus
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            rightSection={<Text size="xs" c="dimmed">{unitLabel(t, level.unit)}</Text>}
            error={problem ?? (save.isError ? fieldRefusal(t, save.error, 'minimum') : undefined)}
            data-testid="minimum-input"
          />
          <Group justify="flex-end">
            <CancelButton onCancel={onClose} />
            <Button type="submit" loading={save.isPending} data-testid="minimum-save">{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </UnsavedChangesModal>
  );
}

/**
 * The levels on a phone: one card a level, the quantity beside the item, the rest below,
 * so nothing hides beyond the right edge (as DocumentView's lines).
 */
function LevelCards({ levels, costs, currency, onMinimum }: { levels: StockLevel[]; costs: boolean; currency: string | null; onMinimum: ((level: StockLevel) => void) | null }) {
  const { t } = useTranslation();
  return (
    <RowCards testId="levels-table">
      {levels.map((l) => (
        <RowCard
          key={`${l.warehouseId}-${l.itemId}`}
          testId={`levels-row-${l.warehouseId}-${l.itemId}`}
          data-quantity={l.quantity}
          data-below={l.belowMinimum ? 'yes' : 'no'}
          head={(
            <>
              <Anchor component={Link} to={`/warehouse/items/${l.itemId}?warehouse=${l.warehouseId}`} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>{l.itemName}</Anchor>
              <Text size="xs" c="dimmed"><span className="mono">{l.itemCode}</span> · {l.warehouseName}</Text>
            </>
          )}
          headEnd={(
            <Group gap={4} wrap="nowrap">
              {l.belowMinimum ? <IconAlertTriangle size={14} color="var(--mantine-color-orange-7)" aria-label={t('warehouse.levels.below')} /> : null}
              <Text size="sm" fw={600} className="wh-num" c={l.belowMinimum ? 'orange.8' : undefined} data-testid={`levels-quantity-${l.warehouseId}-${l.itemId}`}>{quantityLabel(t, l.quantity, l.unit)}</Text>
            </Group>
          )}
          foot={l.minimum !== null || costs ? (
            <>
              {l.minimum !== null ? <Text size="xs" c="dimmed">{t('warehouse.fields.minimum')}: {quantityLabel(t, l.minimum, l.unit)}</Text> : null}
              {costs ? <Text size="xs" c="dimmed">{t('warehouse.fields.averageCost')}: {stockMoney(l.averageCostMinor, currency)} · {t('warehouse.fields.value')}: {stockMoney(l.valueMinor, currency)}</Text> : null}
            </>
          ) : null}
          footEnd={onMinimum ? (
            <ActionIcon variant="subtle" onClick={() => onMinimum(l)} aria-label={`${t('warehouse.levels.setMinimum')}: ${l.itemName}`} data-testid={`levels-minimum-${l.warehouseId}-${l.itemId}`}>
              <IconAdjustments size={16} />
            </ActionIcon>
          ) : null}
        />
      ))}
    </RowCards>
  );
}

/** /warehouse/stock — what is where, what it is worth (costs scope), what is below its minimum. */
export default function StockLevelsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const me = useMe();
  const manage = can('warehouse.manage');
  const costs = me.fieldScope.costs;
  const currency = useStockCurrency();
  const phone = usePhone();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  // In the address, so the home page's card and the menu item's count open the table filtered.
  const [params, setParams] = useSearchParamsFresh();
  const below = params.get(BELOW_MINIMUM_PARAM) === '1';
  const setBelow = (on: boolean) => setParams((current) => {
    if (on) current.set(BELOW_MINIMUM_PARAM, '1');
    else current.delete(BELOW_MINIMUM_PARAM);
    return current;
  }, { replace: true });
  const [editing, setEditing] = useState<StockLevel | null>(null);
  const list = useStockLevels({ q: debounced, warehouseId: warehouseId === null ? null : Number(warehouseId), belowMinimum: below });
  const searchRef = useRef<HTMLInputElement>(null);
  const shortcuts = useMemo(() => ({ '/': () => searchRef.current?.focus() }), []);
  useKeyShortcuts(shortcuts);
  const levels = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = debounced.trim() !== '' || warehouseId !== null || below;

  return (
    <div data-testid="page-stock-levels">
      <WarehouseHeader />
      <Group mb="sm" gap="sm" wrap="wrap">
        <SearchInput ref={searchRef} value={search} onChange={setSearch} placeholder={t('warehouse.items.searchPlaceholder')} style={{ flex: '1 1 260px' }} testId="levels-search" />
        <WarehouseFilter value={warehouseId} onChange={setWarehouseId} w={240} testId="levels-warehouse" />
        <Switch label={t('warehouse.levels.belowMinimum')} checked={below} onChange={(e) => setBelow(e.currentTarget.checked)} data-testid="levels-below" />
      </Group>
      <Paper withBorder>
        <QueryView
          query={list}
          isEmpty={() => levels.length === 0}
          empty={below && !debounced.trim() ? <EmptyState title={t('warehouse.levels.noneBelow')} /> : filtered ? <EmptyState title={t('common.nothingFound')} text={t('common.tryOtherSearch')} /> : (
            <EmptyState title={t('warehouse.levels.empty')} text={t('warehouse.levels.emptyText')} />
          )}
        >
          {() => phone ? <LevelCards levels={levels} costs={costs} currency={currency} onMinimum={manage ? setEditing : null} /> : (
            <Table.ScrollContainer minWidth={720}>
              <Table data-testid="levels-table" highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('warehouse.fields.item')}</Table.Th>
                    <Table.Th>{t('warehouse.fields.warehouse')}</Table.Th>
                    <Table.Th className="wh-num">{t('warehouse.fields.inStock')}</Table.Th>
                    <Table.Th className="wh-num">{t('warehouse.fields.minimum')}</Table.Th>
                    {costs ? <Table.Th className="wh-num">{t('warehouse.fields.averageCost')}</Table.Th> : null}
                    {costs ? <Table.Th className="wh-num">{t('warehouse.fields.value')}</Table.Th> : null}
                    {manage ? <Table.Th w={48} aria-label={t('common.actions')} /> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {levels.map((l) => (
                    <Table.Tr key={`${l.warehouseId}-${l.itemId}`} data-testid={`levels-row-${l.warehouseId}-${l.itemId}`} data-quantity={l.quantity} data-below={l.belowMinimum ? 'yes' : 'no'}>
                      <Table.Td>
                        <Anchor component={Link} to={`/warehouse/items/${l.itemId}?warehouse=${l.warehouseId}`} size="sm" fw={500}>{l.itemName}</Anchor>
                        <Text size="xs" c="dimmed" className="mono">{l.itemCode}</Text>
                      </Table.Td>
                      <Table.Td>{l.warehouseName}</Table.Td>
                      <Table.Td className="wh-num">
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          {l.belowMinimum ? (
                            <Tooltip label={t('warehouse.levels.below')}><IconAlertTriangle size={14} color="var(--mantine-color-orange-7)" aria-label={t('warehouse.levels.below')} /></Tooltip>
                          ) : null}
                          <Text size="sm" fw={600} c={l.belowMinimum ? 'orange.8' : undefined}>{quantityLabel(t, l.quantity, l.unit)}</Text>
                        </Group>
                      </Table.Td>
                      <Table.Td className="wh-num">{l.minimum === null ? '—' : quantityLabel(t, l.minimum, l.unit)}</Table.Td>
                      {costs ? <Table.Td className="wh-num">{stockMoney(l.averageCostMinor, currency)}</Table.Td> : null}
                      {costs ? <Table.Td className="wh-num">{stockMoney(l.valueMinor, currency)}</Table.Td> : null}
                      {manage ? (
                        <Table.Td>
                          <Tooltip label={t('warehouse.levels.setMinimum')}>
                            <ActionIcon variant="subtle" onClick={() => setEditing(l)} aria-label={`${t('warehouse.levels.setMinimum')}: ${l.itemName}`} data-testid={`levels-minimum-${l.warehouseId}-${l.itemId}`}>
                              <IconAdjustments size={16} />
                            </ActionIcon>
                          </Tooltip>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryView>
      </Paper>
      {below && levels.length > 0 ? <Badge mt="xs" color="orange" variant="light">{t('warehouse.levels.belowCount', { count: levels.length })}</Badge> : null}
      <LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} testId="levels-load-more" />
      {editing ? <MinimumModal level={editing} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}
