import { Badge, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { EmptyState, QueryView } from '../../app/components/QueryStates';
import { useVatRates, type VatRate } from './catalogueApi';
import { formatPercentBp } from './money';
import { PricingHeader } from './PricingHeader';
import { vatCategoryLabel } from './VatCategoryLabel';
import { todayIso } from '../records/week';

/** Whether a rate applies today: from its date until the next row of its country and category (or its end). */
function currentIds(rates: VatRate[], today: string): Set<number> {
  const ids = new Set<number>();
  const groups = new Map<string, VatRate[]>();
  for (const r of rates) groups.set(`${r.country}|${r.category}`, [...(groups.get(`${r.country}|${r.category}`) ?? []), r]);
  for (const list of groups.values()) {
    const valid = list.filter((r) => r.validFrom <= today && (r.validTo === null || r.validTo >= today)).sort((a, b) => b.validFrom.localeCompare(a.validFrom));
    if (valid[0]) ids.add(valid[0].id);
  }
  return ids;
}

/** /admin/pricing/vat — VAT rates per country and category with their validity (read-only: rates change by law, as new rows). */
export default function VatRatesPage() {
  const { t } = useTranslation();
  const list = useVatRates();
  const rates = [...(list.data ?? [])].sort((a, b) => a.country.localeCompare(b.country) || a.category.localeCompare(b.category) || a.validFrom.localeCompare(b.validFrom));
  const current = currentIds(rates, todayIso());
  return (
    <div data-testid="page-pricing-vat">
      <PricingHeader />
      <Text size="sm" c="dimmed" mb="sm">{t('pricing.vat.hint')}</Text>
      <Paper withBorder>
        <QueryView query={list} isEmpty={() => rates.length === 0} empty={<EmptyState title={t('pricing.vat.empty')} />}>
          {() => (
            <Table.ScrollContainer minWidth={520}>
              <Table data-testid="vat-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('pricing.fields.country')}</Table.Th>
                    <Table.Th>{t('pricing.fields.vatCategory')}</Table.Th>
                    <Table.Th ta="right">{t('pricing.fields.rate')}</Table.Th>
                    <Table.Th>{t('pricing.fields.validFrom')}</Table.Th>
                    <Table.Th>{t('pricing.fields.validTo')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rates.map((r) => (
                    <Table.Tr key={r.id} data-testid={`vat-row-${r.id}`}>
                      <Table.Td>{r.country}</Table.Td>
                      <Table.Td>{vatCategoryLabel(t, r.category)}</Table.Td>
                      <Table.Td ta="right" fw={600}>{formatPercentBp(r.rateBp)}</Table.Td>
                      <Table.Td>{formatDate(r.validFrom)}</Table.Td>
                      <Table.Td>{r.validTo ? formatDate(r.validTo) : '—'}</Table.Td>
                      <Table.Td>{current.has(r.id) ? <Badge variant="light" color="green">{t('pricing.vat.current')}</Badge> : null}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryView>
      </Paper>
    </div>
  );
}
