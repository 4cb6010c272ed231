// Units are stored as language-neutral codes ('pcs'); the built-in ones are shown in the
// user's language ('ks' in Czech), as invoices print them (printedUnit in
// src/modules/billing/domain/invoice-document-build.ts). Any other unit is the user's
// own word and is shown as typed.
import type { TFunction } from 'i18next';
import { formatAmount, formatMoney } from '../pricing/money';
import { localeTag } from '../../app/format';
import { formatDecimal } from '../records/format';

/** The built-in unit codes, each with a text under warehouse.units in every language. */
export const BUILT_IN_UNITS = ['pcs', 'piece', 'min', 'km', 'visit', 'month', 'quarter', 'year'] as const;

const BUILT_IN: ReadonlySet<string> = new Set(BUILT_IN_UNITS);

/**
 * Units that count things: an item or a unit fee in one of them takes whole units only (the
 * server's rule in src/shared/counted-units.ts, mirrored here so the field says it before
 * anything is sent). Metres, kilograms, litres, hours keep up to 3 decimals.
 */
const COUNTED_UNITS: ReadonlySet<string> = new Set(['pcs', 'piece', 'visit', 'ks', 'ks.', 'kus', 'kusy', 'pcs.', 'pc', 'pc.', 'ea', 'výjezd', 'výjazd', 'návštěva', 'návšteva']);

/** Whether an item with this unit is counted in whole units ('pcs', 'ks', 'visit'), not measured. */
export function isCountedUnit(unit: string): boolean {
  return COUNTED_UNITS.has(unit.trim().toLowerCase());
}

/** The most one line may state (the server's bound): a million units. */
export const MAX_QUANTITY = 1_000_000;
/** The highest price per unit the server takes, in minor units: 10 000 000,00. */
export const MAX_UNIT_PRICE_MINOR = 1_000_000_000;

/** A unit as the user reads it: 'pcs' → 'ks' in Czech; 'm', 'bal.' as stored. */
export function unitLabel(t: TFunction, unit: string): string {
  return BUILT_IN.has(unit) ? t(`warehouse.units.${unit}`) : unit;
}

/** A quantity with its unit in the user's language: "2 ks", "1,5 m". */
export function quantityLabel(t: TFunction, quantity: string, unit: string): string {
  return `${formatDecimal(quantity)} ${unitLabel(t, unit)}`.trim();
}

/** An amount of stock value in the stock's currency (useStockCurrency); the bare number while the currency loads, '—' for none. */
export function stockMoney(minor: number | null | undefined, currency: string | null): string {
  if (minor === undefined || minor === null) return '—';
  return currency ? formatMoney(minor, currency) : formatAmount(minor);
}

/** A difference with its sign, as a count shows it against the records: "−1", "+2,5", "0". */
export function signedQuantity(text: string, locale: string = localeTag()): string {
  const n = Number(text);
  return Number.isFinite(n) ? new Intl.NumberFormat(locale, { maximumFractionDigits: 3, signDisplay: 'exceptZero' }).format(n).replace('-', '\u2212') : text;
}

/** A change of stock value with its sign: "+3 580,00 Kč", "−1 600,00 Kč". */
export function signedStockMoney(minor: number, currency: string | null): string {
  const text = stockMoney(Math.abs(minor), currency);
  return minor > 0 ? `+${text}` : minor < 0 ? `\u2212${text}` : text;
}
