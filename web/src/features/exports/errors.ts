// Refusals of an export in the user's language. The server's messages are English;
// for the refusals an accountant meets here (nothing new to export, a company setting
// missing, VAT rates POHODA has no name for, issue slips valued in two currencies, a
// batch too large, an export stopped on the way) it sends the facts as values or detail paths, and they are worded here.
// Anything else goes through the app's translated error codes.
import type { TFunction } from 'i18next';
import i18n from 'i18next';
import { ApiError, isApiError } from '../../app/api/client';
import { detailMessage, errorMessage } from '../../app/api/errors';
import { formatNumber, formatPercent } from '../../app/format';
import { ExportInterrupted } from './exportStream';
import { countriesOf, vatRateLine, type UnmappedVatRateFact } from './vatRates';
import { slipCurrenciesLine } from './slipCurrencies';

export interface ExportRefusal {
  headline: string;
  /** Further lines under the headline (the settings to fill in, field problems). */
  lines: string[];
}

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The rates a vat_rate_not_mapped refusal names (error.rates); entries not of that shape are left out. */
function unmappedRatesOf(value: unknown): UnmappedVatRateFact[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((r: Record<string, unknown> | null) => {
    const vatRateBp = num(r?.vatRateBp);
    const documentNumber = str(r?.documentNumber);
    return vatRateBp === null || !documentNumber ? [] : [{ documentNumber, vatRateBp, country: str(r?.country) }];
  });
}

/** A missing company setting ('supplier.bankAccount') as the text that says where to fill it in. */
export function settingText(t: TFunction, setting: string, fallback: string): string {
  const key = `exports.settings.${setting.replace(/^supplier\./, '')}`;
  return i18n.exists(key) ? t(key) : fallback;
}

export function exportRefusal(t: TFunction, error: unknown): ExportRefusal {
  if (error instanceof ExportInterrupted) {
    // Lost before the server said how many: nothing to count yet, just the network.
    if (error.total === 0) return { headline: errorMessage(t, new ApiError(0, 'network_error', 'Network error')), lines: [] };
    return { headline: t('exports.errors.interrupted', { done: formatNumber(error.done), total: formatNumber(error.total) }), lines: [] };
  }
  if (!isApiError(error)) return { headline: errorMessage(t, error), lines: [] };
  const x = error.extra;
  switch (error.code) {
    case 'nothing_to_export': {
      const already = num(x.alreadyExported) ?? 0;
      return { headline: already > 0 ? t('exports.errors.allExported', { count: already }) : t('exports.errors.nothingToExport'), lines: [] };
    }
    case 'missing_company_settings':
      return { headline: t('exports.errors.missingSettings'), lines: error.details.map((d) => settingText(t, d.path, d.message)) };
    case 'vat_rate_not_mapped': {
      // Every document and rate the export cannot take (error.rates), one line each, as the preview lists them.
      const rates = unmappedRatesOf(x.rates);
      if (rates.length > 1) {
        return { headline: t('exports.errors.vatRatesNotMapped', { country: countriesOf(rates) }), lines: rates.map((r) => vatRateLine(t, r)) };
      }
      const rate = num(x.vatRateBp);
      const number = str(x.documentNumber);
      if (rate === null || !number) break;
      return { headline: t('exports.errors.vatRateNotMapped', { rate: formatPercent(rate / 100), number, country: str(x.country) }), lines: [] };
    }
    case 'slip_currencies_mixed': {
      // The slips POHODA cannot take as one document each, one line each: with their currencies
      // (error.slips) as the preview words them, else their numbers (error.documentNumbers).
      const slips = Array.isArray(x.slips)
        ? x.slips.filter((s): s is { documentNumber: string; currencies: string[] } =>
          typeof s === 'object' && s !== null && typeof s.documentNumber === 'string' && Array.isArray(s.currencies) && s.currencies.every((c: unknown) => typeof c === 'string'))
        : [];
      if (slips.length) return { headline: t('exports.errors.slipCurrenciesMixed'), lines: slips.map((s) => slipCurrenciesLine(t, s)) };
      const numbers = Array.isArray(x.documentNumbers) ? x.documentNumbers.filter((n): n is string => typeof n === 'string' && n !== '') : [];
      if (!numbers.length) break;
      return { headline: t('exports.errors.slipCurrenciesMixed'), lines: numbers };
    }
    case 'batch_too_large':
      return { headline: t('exports.errors.batchTooLarge'), lines: [] };
    case 'internal_error':
      return { headline: t('exports.errors.stopped'), lines: [] };
  }
  return { headline: errorMessage(t, error), lines: error.details.map((d) => detailMessage(t, d)) };
}
