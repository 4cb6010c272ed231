import { useMantineTheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../pricing/money';
import type { ProfitabilityReport } from './api';
import { formatAxisAmount, formatPeriod } from './format';

/** Revenue and cost per period as bars, the margin as a line (one currency: the first of the totals). */
export function ProfitChart({ periods, series, currency }: { periods: string[]; series: ProfitabilityReport['series']; currency: string }) {
  const { t } = useTranslation();
  const theme = useMantineTheme();
  const data = periods.map((period) => {
    const point = series.find((s) => s.period === period && s.currency === currency);
    return {
      period,
      revenue: (point?.revenueMinor ?? 0) / 100,
      cost: (point?.costMinor ?? 0) / 100,
      margin: (point?.marginMinor ?? 0) / 100,
    };
  });
  const money = (v: number) => formatMoney(Math.round(v * 100), currency);
  const names: Record<string, string> = { revenue: t('billing.profit.revenue'), cost: t('billing.profit.cost'), margin: t('billing.profit.margin') };
  return (
    <div style={{ width: '100%', height: 320 }} data-testid="profit-chart" role="img" aria-label={t('billing.profit.chartLabel', { currency })}>
      <ResponsiveContainer>
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="period" tickFormatter={(p: string) => formatPeriod(p)} />
          <YAxis tickFormatter={(v: number) => formatAxisAmount(v)} width={64} />
          <Tooltip formatter={(value, name) => [money(Number(value)), names[String(name)] ?? String(name)]} labelFormatter={(p) => formatPeriod(String(p))} />
          <Legend formatter={(name: string) => names[name] ?? name} />
          <Bar dataKey="revenue" maxBarSize={72} fill={theme.colors.blue[6]} isAnimationActive={false} />
          <Bar dataKey="cost" maxBarSize={72} fill={theme.colors.orange[5]} isAnimationActive={false} />
          <Line dataKey="margin" type="linear" stroke={theme.colors.green[7]} strokeWidth={2} dot isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
