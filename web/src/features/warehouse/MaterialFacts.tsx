import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../pricing/money';
import type { ServiceRecord } from '../records/api';
import { unitPriceMinor } from '../records/format';
import { unitLabel } from './units';

/**
 * The money facts of a material record on the ticket: the price per unit (prices field scope)
 * and the cost at weighted-average (costs field scope; absent for other roles).
 */
export function MaterialFacts({ record }: { record: ServiceRecord }) {
  const { t } = useTranslation();
  const currency = record.price.currency;
  const unit = unitPriceMinor(record.amountMinor, record.quantity);
  const cost = record.costMinor;
  const costCurrency = record.price.costCurrency ?? currency;
  const parts = [
    unit !== null && currency ? t('warehouse.record.unitPrice', { price: formatMoney(unit, currency), unit: record.item ? unitLabel(t, record.item.unit) : t('warehouse.record.piece') }) : null,
    cost !== undefined && cost !== null && costCurrency ? t('warehouse.record.cost', { amount: formatMoney(cost, costCurrency) }) : null,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <Text size="sm" c="dimmed" data-testid={`record-material-${record.id}`} data-cost={cost ?? ''} data-unit-price={unit ?? ''}>
      {parts.join(' · ')}
    </Text>
  );
}
