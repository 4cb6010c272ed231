import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth/AuthProvider';
import { ErrorState, LoadingState } from '../../app/components/QueryStates';
import { formatMoney } from '../pricing/money';
import { formatDate, formatPeriod, todayIso } from '../../app/format';
import { formatTenthsPercent } from '../billing/format';
import { MissingRatesAlert } from '../billing/MissingRatesAlert';
import { useConsumption, useContractProfitability, type Contract } from './api';
import { profitabilityRange } from './format';

/** The contract's profitability over the last periods (up to a year back, from its start), when the report is available to the user. */
export function ProfitabilitySection({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const usage = useConsumption(contract.id);
  // The current period is the server's (the consumption's); until it is known there is no range yet.
  const range = usage.data ? profitabilityRange(contract.validFrom, contract.periodKind, usage.data.period, todayIso()) : null;
  const periods = range && 'from' in range ? range : null;
  const allowed = can('profitability.read');
  const report = useContractProfitability(contract.id, periods?.from ?? '', periods?.to ?? '', allowed && periods !== null);
  const body = () => {
    if (!allowed || report.data === null) return <Text c="dimmed" size="sm" data-testid="contract-profit-na">{t('contracts.profit.notAvailable')}</Text>;
    if (range && 'startsOn' in range) return <Text c="dimmed" size="sm" data-testid="contract-profit-not-started">{t('contracts.profit.notStarted', { date: formatDate(range.startsOn) })}</Text>;
    // A query that is not enabled stays pending: it is loading only while the periods are being found.
    if (usage.isError) return <ErrorState error={usage.error} onRetry={() => void usage.refetch()} />;
    if (!periods || report.isPending) return <LoadingState />;
    if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
    const { totals, series } = report.data;
    if (!totals.length) return <Text c="dimmed" size="sm">{t('contracts.profit.empty')}</Text>;
    return (
      <Stack gap="sm">
        <MissingRatesAlert totals={totals} />
        {totals.map((total) => (
          <SimpleGrid key={total.currency} cols={{ base: 2, md: 4 }}>
            <Figure label={t('contracts.profit.revenue')} value={formatMoney(total.revenueMinor, total.currency)} />
            <Figure label={t('contracts.profit.cost')} value={formatMoney(total.costMinor, total.currency)} />
            <Figure label={t('contracts.profit.margin')} value={formatMoney(total.marginMinor, total.currency)} />
            <Figure label={t('contracts.profit.marginPct')} value={formatTenthsPercent(total.marginPctTenths)} />
          </SimpleGrid>
        ))}
        <Table.ScrollContainer minWidth={500}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contracts.ledger.period')}</Table.Th>
                <Table.Th ta="right">{t('contracts.profit.revenue')}</Table.Th>
                <Table.Th ta="right">{t('contracts.profit.cost')}</Table.Th>
                <Table.Th ta="right">{t('contracts.profit.margin')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {series.map((s) => (
                <Table.Tr key={`${s.period}-${s.currency}`}>
                  <Table.Td>{formatPeriod(s.period)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(s.revenueMinor, s.currency)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(s.costMinor, s.currency)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(s.marginMinor, s.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    );
  };
  return (
    <Paper withBorder p="md" data-testid="contract-profitability">
      <Title order={2} size="h4" mb="sm">{periods ? t('contracts.profit.titleRange', { from: formatPeriod(periods.from), to: formatPeriod(periods.to) }) : t('contracts.profit.title')}</Title>
      {body()}
    </Paper>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={600}>{value}</Text>
    </Stack>
  );
}
