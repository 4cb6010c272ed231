import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth/AuthProvider';
import { formatDate } from '../../app/format';
import { useRateSuggestion } from './api';

/**
 * Fills an invoice's exchange-rate field from the daily rate list: the rate of the
 * chosen day (the last published one on a weekend) as soon as it is known, while
 * the field is empty or still holds what was filled in before, never over a rate
 * someone typed. What is issued is what the field holds, as before: the invoice
 * keeps its own rate. Returns the line that says where the rate came from.
 */
export function useRatePrefill(currency: string, value: { rate: string; date: string }, setRate: (rate: string) => void): string | null {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const suggestion = useRateSuggestion(currency, value.date, can('rates.read'));
  const filled = useRef<string | null>(null);
  const found = suggestion.data?.found ?? null;
  const shown = found === null ? null : i18n.language === 'en' ? found.rate : found.rate.replace('.', ',');

  useEffect(() => {
    if (shown === null) return;
    if (value.rate.trim() === '' || value.rate === filled.current) {
      filled.current = shown;
      if (value.rate !== shown) setRate(shown);
    }
  }, [shown, value.rate, setRate]);

  if (found !== null && value.rate === shown) return t(`rates.prefill.${found.source}`, { day: formatDate(found.rateDay) });
  const unknown = suggestion.data?.unknown;
  if (suggestion.data && (unknown === 'none' || unknown === 'too_old') && value.rate.trim() === '') return t('rates.prefill.none', { currency });
  return null;
}
