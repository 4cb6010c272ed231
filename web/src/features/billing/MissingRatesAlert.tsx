import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { formatMoney } from '../pricing/money';
import type { MissingRate } from './api';

/**
 * Costs profitability could not count because no exchange rate of their day is
 * known: each currency and day with its amount, so cost and margin are not read
 * as complete.
 */
export function MissingRatesAlert({ totals }: { totals: readonly { currency: string; missingRates: readonly MissingRate[] }[] }) {
  const { t } = useTranslation();
  const missing = totals.flatMap((tot) => tot.missingRates);
  if (missing.length === 0) return null;
  return (
    <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('billing.profit.missingRates.title')} mb="md" data-testid="profit-missing-rates">
      {t('billing.profit.missingRates.text')}
      <List size="sm" mt="xs">
        {missing.map((m) => (
          <List.Item key={`${m.currency}-${m.toCurrency}-${m.date}`}>
            {t('billing.profit.missingRates.item', { amount: formatMoney(m.costMinor, m.currency), from: m.currency, to: m.toCurrency, date: formatDate(m.date) })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
