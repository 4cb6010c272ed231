import { Anchor, Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import { IconArrowLeft, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip as ChartTooltip, XAxis, YAxis } from 'recharts';
import { useAuth, useMe } from '../../app/auth/AuthProvider';
import { EmptyState, ErrorState, LoadingState, QueryView, type NotFoundText } from '../../app/components/QueryStates';
import { RecordPage, useNotFoundText } from '../../app/components/RecordPage';
import { formatDate } from '../../app/format';
import { formatDecimal } from '../records/format';
import { type Movement, useItem, useLedger, useStockCurrency, useWarehouses } from './api';
import { WarehouseFilter } from './WarehouseFilter';
import { ItemModal } from './ItemModal';
import { balanceByDay, dateOfDay, dayTicks, ledgerPoints } from './model';
import { WarehouseHeader } from './WarehouseHeader';
import { quantityLabel, unitLabel, stockMoney } from './units';

/**
 * The balance over time: the x axis is a time scale (a point sits at its date, so a quiet
 * month is as wide as a busy one), the y axis says the item's unit, as the app's other
 * charts name what they measure on their axes.
 */
function BalanceChart({ entries, unit }: { entries: Movement[]; unit: string }) {
  const { t } = useTranslation();
  const days = balanceByDay(ledgerPoints(entries));
  if (days.length < 2) return null;
  const first = days[0]!.day;
  const last = days[days.length - 1]!.day;
  const dayLabel = (day: number) => formatDate(dateOfDay(day));
  const quantity = (v: number) => quantityLabel(t, String(v), unit);
  const whole = days.every((d) => Number.isInteger(d.balance));
  return (
    <Paper withBorder p="md" mb="md" data-testid="ledger-chart">
      <Text size="sm" fw={600} mb="xs" id="ledger-chart-title">{t('warehouse.ledger.chart')}</Text>
      <div style={{ width: '100%', height: 200 }} role="img" aria-labelledby="ledger-chart-title">
        <ResponsiveContainer>
          <LineChart data={days} margin={{ top: 4, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-default-border)" />
            <XAxis dataKey="day" type="number" scale="time" domain={[first, last]} ticks={dayTicks(first, last, 6)} tickFormatter={dayLabel} fontSize={12} minTickGap={16} interval="preserveStartEnd" />
            <YAxis fontSize={12} width={64} allowDecimals={!whole} tickFormatter={quantity} />
            <ChartTooltip labelFormatter={(v) => dayLabel(Number(v))} formatter={(value) => [quantity(Number(value)), t('warehouse.fields.balance')]} />
            <Line type="stepAfter" dataKey="balance" stroke="var(--mantine-color-blue-6)" strokeWidth={2} dot={{ r: 2 }} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </Paper>
  );
}

/** /warehouse/items/:id — the item and its movement ledger: every move in and out with the running balance and value. */
export default function LedgerPage() {
  const notFound = useNotFoundText('warehouse.items.notFound', '/warehouse/items');
  return <RecordPage notFound={notFound}>{(id) => <Ledger id={id} notFound={notFound} />}</RecordPage>;
}

function Ledger({ id, notFound }: { id: number; notFound: NotFoundText }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const warehouseParam = params.get('warehouse');
  const warehouseId = warehouseParam && Number.isFinite(Number(warehouseParam)) ? Number(warehouseParam) : null;
  const item = useItem(id);
  const warehouses = useWarehouses();
  const ledger = useLedger(id, warehouseId);
  const [editing, setEditing] = useState(false);
  const costs = me.fieldScope.costs;
  const currency = useStockCurrency();
  const warehouseName = (wid: number) => warehouses.data?.find((w) => w.id === wid)?.name ?? `#${wid}`;
  const money = (minor: number | null | undefined) => stockMoney(minor, currency);

  if (item.isPending) return <LoadingState />;
  if (item.isError) return <ErrorState error={item.error} onRetry={() => void item.refetch()} notFound={notFound} />;
  const it = item.data;
  const entries = ledger.data ?? [];
  const points = ledgerPoints(entries);
  const last = points[points.length - 1];
  // Each movement carries its own warehouse's running balance; with every warehouse shown, the
  // table reads the running total across all of them (as the chart and the badge do), so stock
  // does not seem to appear and vanish as the rows alternate between warehouses.
  const acrossAll = warehouseId === null;
  const balanceOf = (i: number, own: string) => (acrossAll ? String(points[i]?.balance ?? own) : own);
  const valueOf = (i: number, own: number | undefined) => {
    const total = points[i]?.value;
    return acrossAll && total !== null && total !== undefined ? Math.round(total * 100) : own;
  };

  return (
    <div data-testid="page-item-ledger" data-item-id={it.id}>
      <Button component={Link} to="/warehouse/items" variant="subtle" size="compact-sm" leftSection={<IconArrowLeft size={14} />} mb="xs">
        {t('warehouse.tabs.items')}
      </Button>
      <WarehouseHeader
        withTabs={false}
        title={it.name}
        subtitle={[it.code, it.ean, unitLabel(t, it.unit)].filter(Boolean).join(' · ')}
        actions={can('warehouse.manage') ? <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)} data-testid="item-edit">{t('common.edit')}</Button> : undefined}
      />
      <Group mb="md" gap="sm" wrap="wrap" align="flex-end">
        <WarehouseFilter
          withLabel
          value={warehouseId === null ? null : String(warehouseId)}
          onChange={(v) => setParams(v ? { warehouse: v } : {}, { replace: true })}
          w={260}
          testId="ledger-warehouse"
        />
        {last ? (
          <Group gap="xs">
            <Badge size="lg" variant="light" tt="none" data-testid="ledger-balance" data-balance={last.balance}>{t('warehouse.ledger.balanceNow', { quantity: quantityLabel(t, String(last.balance), it.unit) })}</Badge>
            {costs && last.value !== null ? (
              <Badge size="lg" variant="light" color="gray" tt="none" data-testid="ledger-value">{money(Math.round(last.value * 100))}</Badge>
            ) : null}
          </Group>
        ) : null}
      </Group>
      <QueryView query={ledger} isEmpty={() => entries.length === 0} empty={<Paper withBorder><EmptyState title={t('warehouse.ledger.empty')} text={t('warehouse.ledger.emptyText')} /></Paper>}>
        {() => (
          <>
            <BalanceChart entries={entries} unit={it.unit} />
            <Paper withBorder>
              <Table.ScrollContainer minWidth={760}>
                <Table data-testid="ledger-table" striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('warehouse.fields.date')}</Table.Th>
                      <Table.Th>{t('warehouse.fields.document')}</Table.Th>
                      {warehouseId === null ? <Table.Th>{t('warehouse.fields.warehouse')}</Table.Th> : null}
                      <Table.Th className="wh-num">{t('warehouse.ledger.in')}</Table.Th>
                      <Table.Th className="wh-num">{t('warehouse.ledger.out')}</Table.Th>
                      <Table.Th className="wh-num">{acrossAll ? t('warehouse.ledger.balanceAll') : t('warehouse.fields.balance')}</Table.Th>
                      {costs ? <Table.Th className="wh-num">{t('warehouse.fields.moveValue')}</Table.Th> : null}
                      {costs ? <Table.Th className="wh-num">{acrossAll ? t('warehouse.ledger.valueAll') : t('warehouse.fields.value')}</Table.Th> : null}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {entries.map((e, i) => {
                      const q = Number(e.quantity);
                      const balance = balanceOf(i, e.balance);
                      return (
                        <Table.Tr key={e.id} data-testid={`ledger-row-${e.id}`} data-balance={balance} data-quantity={e.quantity}>
                          <Table.Td>{formatDate(e.date)}</Table.Td>
                          <Table.Td>
                            <Anchor component={Link} to={`/warehouse/documents/${e.documentId}`} size="sm" className="mono">{e.documentNumber ?? e.documentId}</Anchor>
                            <Text span size="xs" c="dimmed" ml={6}>{t(`warehouse.kindsOne.${e.documentKind}`)}</Text>
                          </Table.Td>
                          {warehouseId === null ? <Table.Td>{warehouseName(e.warehouseId)}</Table.Td> : null}
                          <Table.Td className="wh-num" c="green.8">{q > 0 ? formatDecimal(e.quantity) : ''}</Table.Td>
                          <Table.Td className="wh-num" c="red.8">{q < 0 ? formatDecimal(String(-q)) : ''}</Table.Td>
                          <Table.Td className="wh-num" fw={600}>{formatDecimal(balance)}</Table.Td>
                          {costs ? <Table.Td className="wh-num">{money(e.valueMinor)}</Table.Td> : null}
                          {costs ? <Table.Td className="wh-num">{money(valueOf(i, e.balanceValueMinor))}</Table.Td> : null}
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          </>
        )}
      </QueryView>
      {editing ? <ItemModal item={it} onClose={() => setEditing(false)} /> : null}
    </div>
  );
}
