import { Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatKm, formatMinutes } from './format';
import { moneySum, type GridCell } from './week';

function Figure({ label, value, testId, minutes, hint }: { label: string; value: string; testId: string; minutes?: number; hint?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">{label}</Text>
      <Text fw={700} size="lg" data-testid={testId} data-minutes={minutes}>{value}</Text>
      {hint ? <Text size="xs" c="dimmed" data-testid={`${testId}-hint`}>{hint}</Text> : null}
    </Paper>
  );
}

/**
 * The week's totals: billable and non-billable work, travel time and km apart, and money where
 * the field scope shows it.
 *
 * The amount is the records' own amounts at the price list, labelled so, with work a contract
 * covers included. A timesheet is the technician's week: the technician and the approver read it
 * as the value of the work done, the same whichever contract a ticket falls under. What the client
 * is invoiced cannot be a weekly figure anyway: a flat fee or prepaid hours are settled per
 * contract and period, and the overage of prepaid hours is known only at the period's end. That
 * figure is on the ticket's records and in the invoice's work report, and the hint says so.
 *
 * Travel time is its own figure, never "billable" time: a trip is billed by km, and by time only
 * where the price list has a travel time rate (its amount is in the amount either way).
 */
export function TimesheetSummary({ total }: { total: GridCell }) {
  const { t } = useTranslation();
  const amounts = total.money.filter((m) => m.amountMinor !== undefined);
  const costs = total.money.filter((m) => m.costMinor !== undefined);
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" mb="md">
      <Figure label={t('records.week.billable')} value={formatMinutes(total.billable)} minutes={total.billable} testId="week-sum-billable" />
      <Figure label={t('records.week.nonBillable')} value={formatMinutes(total.nonBillable)} minutes={total.nonBillable} testId="week-sum-nonbillable" />
      {total.travel ? (
        <Figure label={t('records.week.travel')} value={formatMinutes(total.travel)} minutes={total.travel} testId="week-sum-travel" hint={t('records.week.travelHint')} />
      ) : null}
      {total.kmMilli ? <Figure label={t('records.week.km')} value={formatKm(total.kmMilli)} testId="week-sum-km" /> : null}
      {amounts.length ? (
        <Figure
          label={t('records.week.amount')}
          value={moneySum(amounts, 'amountMinor')}
          testId="week-sum-amount"
          hint={t('records.week.amountHint')}
        />
      ) : null}
      {costs.length ? (
        <Figure label={t('records.week.cost')} value={moneySum(costs, 'costMinor')} testId="week-sum-cost" />
      ) : null}
      {total.unpriced ? (
        <Group gap={4}>
          <Text size="sm" c="orange.8" fw={600} data-testid="week-sum-unpriced">{t('records.unpricedCount', { count: total.unpriced })}</Text>
        </Group>
      ) : null}
    </SimpleGrid>
  );
}
