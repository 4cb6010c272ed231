/**
 * Quantities (km, pieces, fee units) are decimals with at most 3 places, stored
 * exactly as integer thousandths (BILLING.md §1): "1.5" is 1500, "0.125" is 125.
 * Parsing is strict and canonical ('.' as the decimal point, no exponent, no
 * spaces); localised input ("1,5") is the UI's job.
 */
import { mulDivRound, type MinorUnits } from './money.ts';

/** A quantity in thousandths of a unit. Always a safe integer. */
export type QuantityMilli = number;

export const QUANTITY_SCALE = 1000;

const QUANTITY_TEXT = /^(-?)(\d+)(?:\.(\d{1,3}))?$/;

/** Parses "36", "1.5", "-0.125"; returns null for anything else. */
export function tryParseQuantity(text: string): QuantityMilli | null {
  const match = QUANTITY_TEXT.exec(text);
  if (match === null) return null;
  const [, sign, whole = '', fraction = ''] = match;
  const value = Number(whole) * QUANTITY_SCALE + Number(fraction.padEnd(3, '0'));
  if (!Number.isSafeInteger(value)) return null;
  return sign === '-' ? -value + 0 : value; // + 0 so "-0" parses as 0
}

/** Like tryParseQuantity, but throws a RangeError that names the bad input. */
export function parseQuantity(text: string): QuantityMilli {
  const value = tryParseQuantity(text);
  if (value === null) {
    throw new RangeError(`'${text}' is not a quantity with at most 3 decimal places`);
  }
  return value;
}

/** Formats thousandths back to the shortest canonical text: 1500 → "1.5". */
export function formatQuantity(quantity: QuantityMilli): string {
  if (!Number.isSafeInteger(quantity)) {
    throw new RangeError(`quantity must be a safe integer of thousandths, got ${quantity}`);
  }
  const sign = quantity < 0 ? '-' : '';
  const abs = Math.abs(quantity);
  const whole = Math.floor(abs / QUANTITY_SCALE);
  const fraction = abs % QUANTITY_SCALE;
  if (fraction === 0) return `${sign}${whole}`;
  const digits = String(fraction).padStart(3, '0').replace(/0+$/, '');
  return `${sign}${whole}.${digits}`;
}

/** A whole number of units as a quantity: 2 → 2000. */
export function quantityOf(units: number): QuantityMilli {
  const value = units * QUANTITY_SCALE;
  if (!Number.isSafeInteger(units) || !Number.isSafeInteger(value)) {
    throw new RangeError(`quantity ${units} is not a safe whole number`);
  }
  return value;
}

/**
 * round(quantity × unit price): the rounding point for km, fees and items
 * (BILLING.md §2). Exact, half away from zero.
 */
export function multiplyQuantity(quantity: QuantityMilli, unitPriceMinor: MinorUnits): MinorUnits {
  return mulDivRound(quantity, unitPriceMinor, 1, QUANTITY_SCALE);
}
