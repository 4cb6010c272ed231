import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPeriod } from '../../app/format';
import { usePhone } from '../../app/components/usePhone';
import type { Consumption, LedgerRow } from './api';
import { formatMinutes, minuteAxisLabels, minuteAxisTicks, periodAxisLabel } from './format';

/**
 * Prepaid minutes per period (named in words, "říjen 2026"; under the bars of a phone's narrow
 * chart in figures, "10/2026"): consumed (bars) against the allowance (line); the current period
 * live, if the ledger has no row for it yet.
 */
export function ConsumptionChart({ rows, current }: { rows: LedgerRow[]; current: Consumption | null }) {
  const { t } = useTranslation();
  const compact = usePhone();
  const datum = (period: string, mark: string, consumed: number, allowance: number) =>
    ({ period: `${formatPeriod(period)}${mark}`, axis: `${periodAxisLabel(period, compact)}${mark}`, consumed, allowance });
  const data = rows.map((r) => datum(r.period, '', r.consumed, r.openingCarried + r.allocated));
  if (current && !rows.some((r) => r.period === current.period) && current.allocated + current.carried + current.used > 0) {
    data.push(datum(current.period, ' *', current.used, current.allocated + current.carried));
  }
  if (!data.length) return null;
  // Hours as the table beside it writes them ("10 h", "7 h"), on the axis and in the tooltip alike.
  const ticks = minuteAxisTicks(Math.max(...data.map((d) => Math.max(d.consumed, d.allowance))));
  return (
    <figure style={{ margin: 0 }} data-testid="contract-chart">
      <div style={{ width: '100%', height: 240 }}>
        <ResponsiveContainer>
          <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            {/* The first and last periods keep their names when the ones between do not fit. */}
            <XAxis dataKey="axis" interval="preserveStartEnd" tick={compact ? { fontSize: 12 } : undefined} />
            <YAxis ticks={ticks} domain={[0, ticks[ticks.length - 1]!]} tickFormatter={minuteAxisLabels(ticks)} width={64} />
            <Tooltip separator=": " formatter={(minutes) => formatMinutes(Number(minutes))} labelFormatter={(label, items) => items[0]?.payload?.period ?? label} />
            <Legend />
            <Bar dataKey="consumed" name={t('contracts.ledger.consumed')} fill="#228be6" />
            {/* A dot marks each period's allowance over its bar (the step alone changes level between bars; one period draws no line). */}
            <Line dataKey="allowance" name={t('contracts.chart.allowance')} stroke="#fa5252" dot={{ r: 3 }} type="stepAfter" />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <Text component="figcaption" size="xs" c="dimmed">{t('contracts.chart.caption')}</Text>
    </figure>
  );
}
