// Choices for the client form (currencies also for contracts and price lists). Countries and currencies are shown with names
// in the UI language through Intl.DisplayNames; the codes are what the API takes.
import { CURRENCIES } from '../../app/currencies';
import { localeTag } from '../../app/format';

export const COUNTRIES = [
  'CZ', 'SK', 'AT', 'DE', 'PL', 'HU', 'SI', 'HR', 'IT', 'FR', 'ES', 'PT', 'NL', 'BE', 'LU', 'IE',
  'DK', 'SE', 'FI', 'EE', 'LV', 'LT', 'RO', 'BG', 'GR', 'CY', 'MT', 'GB', 'CH', 'NO', 'UA', 'US',
];

function displayName(type: 'region' | 'currency', code: string): string {
  try {
    return new Intl.DisplayNames([localeTag()], { type }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function countryOptions(): { value: string; label: string }[] {
  const first = ['CZ', 'SK'];
  const rest = COUNTRIES.filter((c) => !first.includes(c))
    .map((c) => ({ value: c, label: `${displayName('region', c)} (${c})` }))
    .sort((a, b) => a.label.localeCompare(b.label, localeTag()));
  return [...first.map((c) => ({ value: c, label: `${displayName('region', c)} (${c})` })), ...rest];
}

/**
 * Kontor's currencies as choices ("CZK – česká koruna", "CZK – Czech Koruna"), named in the
 * UI language. `kept` is a record's stored code outside the list (saved before the list was
 * checked): shown as it is, so the form does not change it unasked; saving it is refused.
 */
export function currencyOptions(kept?: string | null): { value: string; label: string }[] {
  const codes: readonly string[] = kept && !(CURRENCIES as readonly string[]).includes(kept) ? [...CURRENCIES, kept] : CURRENCIES;
  return codes.map((c) => ({ value: c, label: `${c} – ${displayName('currency', c)}` }));
}

export function countryName(code: string | null | undefined): string {
  return code ? displayName('region', code) : '—';
}

const COUNTRY_CURRENCY: Record<string, string> = { CZ: 'CZK', PL: 'PLN', HU: 'HUF', GB: 'GBP', CH: 'CHF', US: 'USD' };

/** Default currency for a new client's country (EUR for the euro area and the rest). */
export function defaultCurrency(country: string): string {
  return COUNTRY_CURRENCY[country] ?? 'EUR';
}
