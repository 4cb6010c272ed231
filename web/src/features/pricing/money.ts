// Money is an integer number of minor units with a currency (80000 CZK = 800,00 Kč).
// Shown with Intl.NumberFormat in the user's locale; edited in major units.
import { localeTag } from '../../app/format';

/** Minor units per major unit: Kontor prices in currencies of two decimal places (CZK, EUR). */
const MINOR_PER_MAJOR = 100;

/**
 * How the currency is named beside an amount. Slovak ICU data writes the crown as "CZK",
 * while Kontor's documents (and its user guide) write "Kč" in Czech and Slovak alike: in
 * Slovak the crown takes its narrow symbol, "Kč". Every other currency and language keeps
 * Intl's own symbol ("€", "CZK 9,937.00" in English).
 */
function currencyDisplay(currency: string, locale: string): 'symbol' | 'narrowSymbol' {
  return currency === 'CZK' && locale.toLowerCase().startsWith('sk') ? 'narrowSymbol' : 'symbol';
}

/** 262500 CZK → "2 625,00 Kč" (cs-CZ and sk-SK), "CZK 2,625.00" (en-GB). */
export function formatMoney(minor: number, currency: string, locale: string = localeTag()): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: currencyDisplay(currency, locale), minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minor / MINOR_PER_MAJOR);
  } catch {
    // An unknown currency code: the number and the code as they are.
    return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minor / MINOR_PER_MAJOR)} ${currency}`;
  }
}

/** The currency as formatMoney prints it next to an amount ("Kč" in cs-CZ and sk-SK, "€"; "CZK" in en-GB), for an input's suffix or a label ("Suma (Kč)"). */
export function currencySymbol(currency: string, locale: string = localeTag()): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: currencyDisplay(currency, locale) }).formatToParts(0).find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}

/** 180000 → "1 800,00" (cs-CZ): an amount without its currency, as the price explanations write them. */
export function formatAmount(minor: number, locale: string = localeTag()): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minor / MINOR_PER_MAJOR);
}

/** 80000 → 800 (for number inputs in major units). */
export function minorToMajor(minor: number): number {
  return minor / MINOR_PER_MAJOR;
}

/** 800.5 → 80050; null for empty or invalid input, and for more than two decimals. */
export function majorToMinor(major: number | string | null | undefined): number | null {
  if (major === null || major === undefined || major === '') return null;
  const value = typeof major === 'number' ? major : Number(String(major).replace(/[\s\u00a0]/g, '').replace(',', '.'));
  if (!Number.isFinite(value) || value < 0) return null;
  const minor = Math.round(value * MINOR_PER_MAJOR);
  return Math.abs(minor - value * MINOR_PER_MAJOR) < 1e-6 ? minor : null;
}

/** Basis points → "21 %" in the user's locale. */
export function formatPercentBp(bp: number, locale: string = localeTag()): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10_000);
}

/** Separators for money inputs in the user's locale (Czech and Slovak: "1 000,50"). */
export function numberSeparators(locale: string = localeTag()): { decimalSeparator: string; thousandSeparator: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(1000.5);
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  return { decimalSeparator: decimal, thousandSeparator: group.replace(/[\u00a0\u202f]/g, ' ') };
}
