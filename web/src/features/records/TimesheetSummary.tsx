import { Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../pricing/money';
import { formatKm, formatMinutes } from './format';
import type { GridCell } from './week';

function Figure({ label, value, testId, minutes }: { label: string; value: string; testId: string; minutes?: number }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">{label}</Text>
      <Text fw={700} size="lg" data-testid={testId} data-minutes={minutes}>{value}</Text>
    </Paper>
  );
}

/** The week's totals: billable and non-billable time, km travelled, and money where the field scope shows it. */
export function TimesheetSummary({ total }: { total: GridCell }) {
  const { t } = useTranslation();
  const amounts = total.money.filter((m) => m.amountMinor !== undefined);
  const costs = total.money.filter((m) => m.costMinor !== undefined);
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" mb="md">
      <Figure label={t('records.week.billable')} value={formatMinutes(total.billable)} minutes={total.billable} testId="week-sum-billable" />
      <Figure label={t('records.week.nonBillable')} value={formatMinutes(total.nonBillable)} minutes={total.nonBillable} testId="week-sum-nonbillable" />
      {total.kmMilli ? <Figure label={t('records.week.km')} value={formatKm(total.kmMilli)} testId="week-sum-km" /> : null}
      {amounts.length ? (
        <Figure label={t('records.week.amount')} value={amounts.map((m) => formatMoney(m.amountMinor ?? 0, m.currency)).join(' + ')} testId="week-sum-amount" />
      ) : null}
      {costs.length ? (
        <Figure label={t('records.week.cost')} value={costs.map((m) => formatMoney(m.costMinor ?? 0, m.currency)).join(' + ')} testId="week-sum-cost" />
      ) : null}
      {total.unpriced ? (
        <Group gap={4}>
          <Text size="sm" c="orange.8" fw={600} data-testid="week-sum-unpriced">{t('records.unpricedCount', { count: total.unpriced })}</Text>
        </Group>
      ) : null}
    </SimpleGrid>
  );
}
