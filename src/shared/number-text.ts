/**
 * Amounts and quantities written for people in Czech, Slovak or English: the one
 * formatter behind invoices, work reports, slips, the HTML preview and price
 * explanations, so every screen and paper writes the same number the same way.
 *
 * Every number of four or more whole digits is grouped by thousands: "1 234,56"
 * (cs/sk: no-break space U+00A0 and a decimal comma) or "1,234.56" (en). Intl is
 * not used on purpose: CLDR's Czech and Slovak formats leave four-digit numbers
 * ungrouped ("1234,56"), which would disagree with the invoice beside it.
 * Built from the integers' digits only, so no amount ever passes through a float.
 *
 * Machine formats (CSV and XML exports) are not written here: they follow their
 * schemas, without grouping.
 */
import type { Language } from './language.ts';
import { QUANTITY_SCALE } from './quantity.ts';

/** No-break space: keeps "1 234,56 Kč" on one line. */
export const NBSP = '\u00a0';

/** The thousands separator and the decimal mark of a language. */
export function numberMarks(language: Language): { readonly group: string; readonly point: string } {
  return language === 'en' ? { group: ',', point: '.' } : { group: NBSP, point: ',' };
}

function groupDigits(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** Sign, grouped whole digits, and the fraction digits (if any) after the decimal mark. */
function decimalText(negative: boolean, whole: number, fraction: string, language: Language): string {
  const { group, point } = numberMarks(language);
  return `${negative ? '-' : ''}${groupDigits(String(whole), group)}${fraction ? point + fraction : ''}`;
}

function assertSafe(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${String(value)}`);
}

/** A whole number grouped by thousands: 1234 → "1 234" (cs/sk) or "1,234" (en). */
export function wholeNumberText(value: number, language: Language): string {
  assertSafe(value, 'number');
  return decimalText(value < 0, Math.abs(value), '', language);
}

/**
 * Minor units with all the currency's decimals: 123456 → "1 234,56" (cs/sk) or
 * "1,234.56" (en); decimals 0 (e.g. JPY) writes whole units, 3 (e.g. KWD) three places.
 */
export function amountText(minor: number, language: Language, decimals = 2): string {
  assertSafe(minor, 'amount in minor units');
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) throw new RangeError(`decimals must be 0..6, got ${decimals}`);
  const scale = 10 ** decimals;
  const abs = Math.abs(minor);
  const fraction = decimals === 0 ? '' : String(abs % scale).padStart(decimals, '0');
  return decimalText(minor < 0, Math.floor(abs / scale), fraction, language);
}

/** Thousandths as the shortest decimal: 1500 → "1,5" (cs/sk) or "1.5" (en), 36000 → "36", 1234500 → "1 234,5". */
export function quantityText(milli: number, language: Language): string {
  assertSafe(milli, 'quantity in thousandths');
  const abs = Math.abs(milli);
  const fraction = String(abs % QUANTITY_SCALE).padStart(3, '0').replace(/0+$/, '');
  return decimalText(milli < 0, Math.floor(abs / QUANTITY_SCALE), fraction, language);
}

/**
 * A percentage given in basis points (hundredths of a percent) as the language
 * writes it: 2100 → "21 %" (cs/sk, the sign after a no-break space, so a line
 * never breaks before it) or "21%" (en); 1050 → "10,5 %", 5 → "0,05 %".
 */
export function percentText(bp: number, language: Language): string {
  assertSafe(bp, 'percentage in basis points');
  const abs = Math.abs(bp);
  const fraction = String(abs % 100).padStart(2, '0').replace(/0+$/, '');
  const number = decimalText(bp < 0, Math.floor(abs / 100), fraction, language);
  return language === 'en' ? `${number}%` : `${number}${NBSP}%`;
}

/**
 * Units that are written after a number and must stay on its line: the percent
 * sign, currencies, and the units of work, travel and material lines.
 */
const UNIT_AFTER_NUMBER = /(\d) (?=(?:%|Kč|€|CZK|EUR|h|min|km|ks|pcs)(?=$|[\s)\]/.,;:×=+–-]))/g;

/**
 * A text written before numbers were given no-break spaces (a stored line text
 * such as "Práce – mimo pracovní dobu (+50 %)", or a sentence with "1 350,00 CZK")
 * with the space between a number and the unit after it made a no-break one:
 * printed, the unit stays on the number's line. Nothing else changes, so the
 * text reads exactly as stored.
 */
export function keepUnitsWithNumbers(text: string): string {
  return text.replace(UNIT_AFTER_NUMBER, `$1${NBSP}`);
}
