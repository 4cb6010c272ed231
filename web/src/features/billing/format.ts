// Periods, percentages and amounts as the billing pages show and type them (pure).
import { localeTag } from '../../app/format';

/** The month before the one containing `today` ('2026-11-02' → '2026-10'). */
export function lastMonth(today: Date = new Date()): string {
  const year = today.getFullYear();
  const month = today.getMonth(); // 0-based: this is last month's 1-based number
  return month === 0 ? `${year - 1}-12` : `${year}-${String(month).padStart(2, '0')}`;
}

/** Moves a month period 'YYYY-MM' by n months. */
export function addMonths(period: string, n: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const ordinal = y * 12 + (m - 1) + n;
  return `${Math.floor(ordinal / 12)}-${String((ordinal % 12) + 1).padStart(2, '0')}`;
}

export const isMonth = (text: string | null | undefined): text is string => !!text && /^\d{4}-(0[1-9]|1[0-2])$/.test(text);

/** '2026-10' → "October 2026" / "říjen 2026"; other periods as they are. */
export function formatPeriod(period: string | null | undefined, locale: string = localeTag()): string {
  if (!period) return '—';
  if (!isMonth(period)) return period;
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** Tenths of a percent → "56,5 %" (one decimal, in the user's locale); null → "—". */
export function formatTenthsPercent(tenths: number | null | undefined, locale: string = localeTag()): string {
  if (tenths === null || tenths === undefined) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(tenths / 1000);
}

/** Basis points → "82,6 %"; null → "—". */
export function formatBpPercent(bp: number | null | undefined, locale: string = localeTag()): string {
  if (bp === null || bp === undefined) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(bp / 10_000);
}

/** VAT rate in basis points → "21 %". */
export function formatVatRate(bp: number, locale: string = localeTag()): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10_000);
}

/** Thousandths → "1,5" (quantities of lines). */
export function formatMilli(milli: number, locale: string = localeTag()): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(milli / 1000);
}

/** "21" or "21 %" or "12,5" typed as a VAT rate → basis points; null when not a rate. */
export function parseVatRate(text: string): number | null {
  const s = text.trim().replace(/\s*%$/, '').replace(',', '.');
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(s)) return null;
  return Math.round(Number(s) * 100);
}

/** Today as 'YYYY-MM-DD' in the browser's time zone. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * An exchange rate as typed ("24,335" in Czech and Slovak, "24.335") → the text the
 * server takes ('24.335'); null when it is not a positive number with at most 6 decimals.
 */
export function normalizeExchangeRate(text: string): string | null {
  const s = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^\d{1,9}(\.\d{1,6})?$/.test(s) || !/[1-9]/.test(s)) return null;
  return s;
}

/** A chart axis amount, short, in the UI language (not the browser's): 2000 → "2k" (en-GB) / "2 tis.". */
export function formatAxisAmount(value: number, locale: string = localeTag()): string {
  return new Intl.NumberFormat(locale, { notation: 'compact' }).format(value);
}
