import { Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Switch, Table, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeCsv, IconX } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParamsFresh } from '../../app/useSearchParamsFresh';
import { PageHeader } from '../../app/components/PageHeader';
import { RowCard, RowCards } from '../../app/components/RowCards';
import { usePhone } from '../../app/components/usePhone';
import { EmptyState, ErrorState, LoadingState } from '../../app/components/QueryStates';
import { formatMoney } from '../pricing/money';
import { ClientPicker } from '../tickets/Pickers';
import { GROUP_BY, profitabilityExportUrl, useProfitability, type GroupBy, type ProfitabilityQuery, type ProfitRow } from './api';
import { addMonths, formatTenthsPercent, isMonth, lastMonth } from './format';
import { bpToTenths } from './profitPercent';
import { ProfitChart } from './ProfitChart';
import { MissingRatesAlert } from './MissingRatesAlert';
import { MonthField } from '../../app/components/DateFields';

const SPECIAL_KEYS = ['none', 'travel', 'unit_fee', 'material', 'contract_fee', 'other'];

/** /reports — profitability over a range of months grouped by contract, client, technician or work type; table, chart and exports. */
export default function ProfitabilityPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParamsFresh();
  const defaultTo = lastMonth();
  const query: ProfitabilityQuery = useMemo(() => {
    const groupBy = params.get('groupBy');
    return {
      from: params.get('from') ?? addMonths(defaultTo, -5),
      to: params.get('to') ?? defaultTo,
      groupBy: (GROUP_BY as readonly string[]).includes(groupBy ?? '') ? (groupBy as GroupBy) : 'contract',
      includeDrafts: params.get('includeDrafts') === 'true',
      clientId: params.get('clientId') ? Number(params.get('clientId')) : null,
      contractId: params.get('contractId') ? Number(params.get('contractId')) : null,
    };
  }, [params, defaultTo]);
  const rangeError = !isMonth(query.from) || !isMonth(query.to) ? t('billing.profit.rangeInvalid') : query.from > query.to ? t('billing.profit.rangeOrder') : null;
  const report = useProfitability(query, rangeError === null);
  const set = (key: string, value: string | null) => setParams((p) => {
    const next = new URLSearchParams(p);
    if (value === null || value === '') next.delete(key);
    else next.set(key, value);
    return next;
  }, { replace: true });
  const label = (r: ProfitRow) => (SPECIAL_KEYS.includes(r.key) ? t(`billing.profit.special.${r.key === 'none' ? `none_${query.groupBy}` : r.key}`) : r.label);
  const multiCurrency = (report.data?.totals.length ?? 0) > 1;
  const phone = usePhone();

  return (
    <div data-testid="page-profitability">
      <PageHeader
        title={t('billing.profit.title')}
        subtitle={t('billing.profit.subtitle')}
        actions={
          <>
            <Button component="a" href={profitabilityExportUrl('csv', query, i18n.language)} download variant="default" disabled={rangeError !== null} leftSection={<IconFileTypeCsv size={16} />} data-testid="profit-export-csv">CSV</Button>
            <Button component="a" href={profitabilityExportUrl('xlsx', query, i18n.language)} download variant="default" disabled={rangeError !== null} leftSection={<IconFileSpreadsheet size={16} />} data-testid="profit-export-xlsx">XLSX</Button>
          </>
        }
      />
      <Group mb="md" align="flex-end" wrap="wrap" gap="sm">
        <MonthField label={t('billing.profit.from')} value={query.from} onChange={(v) => set('from', v)} w={170} error={rangeError ? ' ' : undefined} data-testid="profit-from" />
        <MonthField label={t('billing.profit.to')} value={query.to} onChange={(v) => set('to', v)} w={170} error={rangeError ?? undefined} data-testid="profit-to" />
        <div>
          <Text size="sm" fw={500} mb={4} id="profit-group-label">{t('billing.profit.groupBy')}</Text>
          <SegmentedControl
            aria-labelledby="profit-group-label"
            value={query.groupBy}
            onChange={(v) => set('groupBy', v)}
            data={GROUP_BY.map((g) => ({ value: g, label: t(`billing.profit.groups.${g}`) }))}
            data-testid="profit-group-by"
          />
        </div>
        <ClientPicker
          label={t('billing.fields.client')}
          value={query.clientId ?? null}
          onChange={(v) => set('clientId', v === null ? null : String(v))}
          w={{ base: '100%', xs: 240 }}
          data-testid="profit-filter-client"
        />
        {query.contractId ? (
          <Button variant="light" size="xs" mb={6} rightSection={<IconX size={14} />} onClick={() => set('contractId', null)} data-testid="profit-clear-contract">
            {t('billing.profit.onlyContract', { id: query.contractId })}
          </Button>
        ) : null}
        <Switch label={t('billing.profit.includeDrafts')} checked={query.includeDrafts} onChange={(e) => set('includeDrafts', e.currentTarget.checked ? 'true' : null)} mb={8} data-testid="profit-include-drafts" />
      </Group>
      {rangeError ? null : report.isPending ? (
        <LoadingState />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : report.data.rows.length === 0 ? (
        <Paper withBorder><EmptyState title={t('billing.profit.empty')} text={t('billing.profit.emptyText')} /></Paper>
      ) : (
        <>
          <MissingRatesAlert totals={report.data.totals} />
          <Paper withBorder p="sm" mb="md">
            <ProfitChart periods={report.data.periods} series={report.data.series} currency={report.data.totals[0]!.currency} />
          </Paper>
          <Paper withBorder>
            {phone ? (
              <RowCards testId="profit-table">
                {report.data.rows.map((r) => (
                  <FiguresCard key={`${r.key}-${r.currency}`} testId={`profit-row-${r.key}`} title={label(r)} row={r} multiCurrency={multiCurrency} />
                ))}
                {report.data.totals.map((tot) => (
                  <FiguresCard key={tot.currency} testId={`profit-total-${tot.currency}`} title={t('billing.profit.total')} row={tot} multiCurrency={multiCurrency} bold />
                ))}
              </RowCards>
            ) : (
              <Table.ScrollContainer minWidth={860}>
                <Table striped highlightOnHover data-testid="profit-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t(`billing.profit.groups.${query.groupBy}`)}</Table.Th>
                      {multiCurrency ? <Table.Th>{t('billing.profit.currency')}</Table.Th> : null}
                      {FIGURE_LABELS.map((f) => <Table.Th key={f} ta="right">{t(`billing.profit.${f}`)}</Table.Th>)}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {report.data.rows.map((r) => (
                      <Table.Tr key={`${r.key}-${r.currency}`} data-testid={`profit-row-${r.key}`}>
                        <Table.Td>{label(r)}</Table.Td>
                        {multiCurrency ? <Table.Td>{r.currency}</Table.Td> : null}
                        <Figures row={r} />
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                  <Table.Tfoot>
                    {report.data.totals.map((tot) => (
                      <Table.Tr key={tot.currency} data-testid={`profit-total-${tot.currency}`} fw={700}>
                        <Table.Td>{t('billing.profit.total')}</Table.Td>
                        {multiCurrency ? <Table.Td>{tot.currency}</Table.Td> : null}
                        <Figures row={tot} />
                      </Table.Tr>
                    ))}
                  </Table.Tfoot>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>
          <Text size="xs" c="dimmed" mt="xs">{t(report.data.includeDrafts ? 'billing.profit.noteDrafts' : 'billing.profit.note')}</Text>
          {/* Per technician or work type a fee has no one to belong to: say so, or covered work reads as a loss. */}
          {(query.groupBy === 'technician' || query.groupBy === 'work_type') && (
            <Text size="xs" c="dimmed" mt={4} data-testid="profit-fee-note">
              {t('billing.profit.noteFees', { feeRow: t(query.groupBy === 'technician' ? 'billing.profit.special.none_technician' : 'billing.profit.special.contract_fee') })}
            </Text>
          )}
        </>
      )}
    </div>
  );
}

type Figured = Omit<ProfitRow, 'key' | 'label'>;

/** The figures of a row in the table's order (their texts are billing.profit.<label>). */
const FIGURE_LABELS = ['revenue', 'labour', 'travel', 'material', 'cost', 'margin', 'marginPct', 'utilisation'] as const;

/** A row's figures in FIGURE_LABELS' order: the label, the text, its test id and a colour (a loss in red). */
function figures(row: Figured): { label: (typeof FIGURE_LABELS)[number]; text: string; testId?: string; color?: string }[] {
  const m = (v: number) => formatMoney(v, row.currency);
  const shown: Record<(typeof FIGURE_LABELS)[number], { text: string; testId?: string; color?: string }> = {
    revenue: { text: m(row.revenueMinor), testId: 'profit-revenue' },
    labour: { text: m(row.labourCostMinor) },
    travel: { text: m(row.travelCostMinor) },
    material: { text: m(row.materialCostMinor) },
    cost: { text: m(row.costMinor), testId: 'profit-cost' },
    margin: { text: m(row.marginMinor), testId: 'profit-margin', color: row.marginMinor < 0 ? 'red' : undefined },
    marginPct: { text: formatTenthsPercent(row.marginPctTenths), testId: 'profit-margin-pct' },
    utilisation: { text: formatTenthsPercent(bpToTenths(row.prepaidUtilisationBp)), testId: 'profit-utilisation' },
  };
  return FIGURE_LABELS.map((label) => ({ label, ...shown[label] }));
}

function Figures({ row }: { row: Figured }) {
  return (
    <>
      {figures(row).map((f) => <Table.Td key={f.label} ta="right" c={f.color} data-testid={f.testId}>{f.text}</Table.Td>)}
    </>
  );
}

/**
 * A row on a phone: the margin and its percentage beside what is counted, every other figure
 * under them two to a line, labelled (the table's ten columns scrolled them out of sight).
 */
function FiguresCard({ testId, title, row, multiCurrency, bold = false }: { testId: string; title: string; row: Figured; multiCurrency: boolean; bold?: boolean }) {
  const { t } = useTranslation();
  const all = figures(row);
  const margin = all.filter((f) => f.label === 'margin' || f.label === 'marginPct');
  const rest = all.filter((f) => !margin.includes(f));
  return (
    <RowCard
      testId={testId}
      head={<Text size="sm" fw={bold ? 700 : 600} style={{ overflowWrap: 'anywhere' }}>{title}{multiCurrency ? ` (${row.currency})` : ''}</Text>}
      headEnd={(
        <Stack gap={0} align="flex-end">
          {margin.map((f) => (
            <Text key={f.label} size="sm" fw={f.label === 'margin' ? 600 : undefined} style={{ whiteSpace: 'nowrap' }}>
              {/* Named, since the figure beside a row's name could as well be its revenue. */}
              {f.label === 'margin' ? <Text span size="xs" c="dimmed" fw={400}>{t('billing.profit.margin')} </Text> : null}
              <Text span inherit c={f.color} data-testid={f.testId}>{f.text}</Text>
            </Text>
          ))}
        </Stack>
      )}
      body={(
        <SimpleGrid cols={2} spacing="xs" verticalSpacing={0}>
          {rest.map((f) => (
            <Group key={f.label} gap={4} justify="space-between" wrap="nowrap">
              <Text size="xs" c="dimmed" truncate>{t(`billing.profit.${f.label}`)}</Text>
              <Text size="xs" fw={bold ? 700 : undefined} style={{ whiteSpace: 'nowrap' }} data-testid={f.testId}>{f.text}</Text>
            </Group>
          ))}
        </SimpleGrid>
      )}
    />
  );
}
