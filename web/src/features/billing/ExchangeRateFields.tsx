import { Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { normalizeExchangeRate } from './format';
import { DateField } from '../../app/components/DateFields';
import { useRatePrefill } from '../rates/useRatePrefill';

export interface ExchangeRateDraft {
  rate: string;
  date: string;
}

/** The rate as typed → what the server takes, or the message to show under the field. */
export function exchangeRateOf(value: ExchangeRateDraft): { rate: string; date: string } | null {
  const rate = normalizeExchangeRate(value.rate);
  return rate && /^\d{4}-\d{2}-\d{2}$/.test(value.date) ? { rate, date: value.date } : null;
}

/** Rate (units of the home currency for one unit of the invoice's) and the day it is of, for issuing in a foreign currency. */
export function ExchangeRateFields({ currency, homeCurrency, value, onChange, showErrors, testId }: {
  currency: string;
  /** null when not known here (the bulk issue): the texts say "your currency". */
  homeCurrency: string | null;
  value: ExchangeRateDraft;
  onChange: (value: ExchangeRateDraft) => void;
  showErrors: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const home = homeCurrency ?? t('billing.exchangeRate.yourCurrency');
  const badRate = showErrors && normalizeExchangeRate(value.rate) === null;
  // The rate of the day from the exchange-rate list, filled in while nothing else is typed.
  const prefilled = useRatePrefill(currency, value, (rate) => onChange({ ...value, rate }));
  const rateHint = t('billing.exchangeRate.rateHint', { currency, homeCurrency: home });
  return (
    <Group grow align="flex-start">
      <TextInput
        label={t('billing.exchangeRate.rate', { currency, homeCurrency: home })}
        description={prefilled ? <>{rateHint}<br /><span data-testid={`${testId}-prefilled`}>{prefilled}</span></> : rateHint}
        inputMode="decimal"
        required
        value={value.rate}
        onChange={(e) => onChange({ ...value, rate: e.currentTarget.value })}
        error={badRate ? t('billing.exchangeRate.invalid') : null}
        data-testid={`${testId}-rate`}
        data-autofocus
      />
      <DateField
        label={t('billing.exchangeRate.date')}
        description={t('billing.exchangeRate.dateHint')}
        required
        value={value.date}
        onChange={(date) => onChange({ ...value, date })}
        error={showErrors && value.date === '' ? t('billing.exchangeRate.dateRequired') : null}
        data-testid={`${testId}-date`}
      />
    </Group>
  );
}
