import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPeriod } from '../../app/format';
import type { Consumption, LedgerRow } from './api';
import { formatMinutes, minuteAxisLabels, minuteAxisTicks } from './format';

/** Prepaid minutes per period (named in words, "říjen 2026"): consumed (bars) against the allowance (line); the current period live, if the ledger has no row for it yet. */
export function ConsumptionChart({ rows, current }: { rows: LedgerRow[]; current: Consumption | null }) {
  const { t } = useTranslation();
  const data = rows.map((r) => ({ period: formatPeriod(r.period), consumed: r.consumed, allowance: r.openingCarried + r.allocated }));
  if (current && !rows.some((r) => r.period === current.period) && current.allocated + current.carried + current.used > 0) {
    data.push({ period: `${formatPeriod(current.period)} *`, consumed: current.used, allowance: current.allocated + current.carried });
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
            <XAxis dataKey="period" />
            <YAxis ticks={ticks} domain={[0, ticks[ticks.length - 1]!]} tickFormatter={minuteAxisLabels(ticks)} width={64} />
            <Tooltip separator=": " formatter={(minutes) => formatMinutes(Number(minutes))} />
            <Legend />
            <Bar dataKey="consumed" name={t('contracts.ledger.consumed')} fill="#228be6" />
            <Line dataKey="allowance" name={t('contracts.chart.allowance')} stroke="#fa5252" dot={false} type="stepAfter" />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <Text component="figcaption" size="xs" c="dimmed">{t('contracts.chart.caption')}</Text>
    </figure>
  );
}
