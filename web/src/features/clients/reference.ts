// Choices for the client form. Countries and currencies are shown with names
// in the UI language through Intl.DisplayNames; the codes are what the API takes.
import { localeTag } from '../../app/format';

export const COUNTRIES = [
  'CZ', 'SK', 'AT', 'DE', 'PL', 'HU', 'SI', 'HR', 'IT', 'FR', 'ES', 'PT', 'NL', 'BE', 'LU', 'IE',
  'DK', 'SE', 'FI', 'EE', 'LV', 'LT', 'RO', 'BG', 'GR', 'CY', 'MT', 'GB', 'CH', 'NO', 'UA', 'US',
];

export const CURRENCIES = ['CZK', 'EUR', 'USD', 'GBP', 'PLN', 'HUF', 'CHF'];

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

export function currencyOptions(): { value: string; label: string }[] {
  return CURRENCIES.map((c) => ({ value: c, label: `${c} – ${displayName('currency', c)}` }));
}

export function countryName(code: string | null | undefined): string {
  return code ? displayName('region', code) : '—';
}

const COUNTRY_CURRENCY: Record<string, string> = { CZ: 'CZK', PL: 'PLN', HU: 'HUF', GB: 'GBP', CH: 'CHF', US: 'USD' };

/** Default currency for a new client's country (EUR for the euro area and the rest). */
export function defaultCurrency(country: string): string {
  return COUNTRY_CURRENCY[country] ?? 'EUR';
}
