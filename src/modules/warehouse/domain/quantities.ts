/**
 * What a quantity of an item may be. Quantities are thousandths (shared/quantity.ts),
 * but an item counted in pieces (or visits) moves in whole units only: half a toner
 * cannot be received, moved or billed. Metres, kilograms, litres, hours and any other
 * unit keep up to 3 decimal places.
 *
 * The bounds keep quantity × price well inside exact integer arithmetic:
 * 1 000 000 units × 10 000 000.00 per unit is 10^15 minor units, below 2^53.
 */
import { formatQuantity, QUANTITY_SCALE, type QuantityMilli } from '../../../shared/quantity.ts';
import type { MinorUnits } from '../../../shared/money.ts';

/** The most one line (or one stock minimum) may state: a million units. */
export const MAX_QUANTITY_UNITS = 1_000_000;
export const MAX_QUANTITY_MILLI: QuantityMilli = MAX_QUANTITY_UNITS * QUANTITY_SCALE;

/** The highest price per unit (purchase, count cost, sale): 10 000 000.00 in the currency. */
export const MAX_UNIT_PRICE_MINOR: MinorUnits = 1_000_000_000;

/**
 * Units that count things, each with the word that says so in a message. The built-in
 * codes ('pcs', 'piece', 'visit'; see printedUnit in billing) and the words people type
 * for pieces when they name a unit themselves.
 */
const COUNTED_UNITS: Readonly<Record<string, string>> = {
  pcs: 'pieces', piece: 'pieces', visit: 'visits',
  ks: 'pieces', 'ks.': 'pieces', kus: 'pieces', kusy: 'pieces', 'pcs.': 'pieces', pc: 'pieces', 'pc.': 'pieces', ea: 'pieces',
};

/** Whether an item with this unit is counted in whole units ('pcs', 'ks', 'visit'), not measured. */
export function isCountedUnit(unit: string): boolean {
  return Object.hasOwn(COUNTED_UNITS, unit.trim().toLowerCase());
}

/**
 * Why this quantity cannot be stated for an item with this unit (a fraction of a
 * counted unit), or null when it can. The message names the quantity and the item:
 * "1.5 is not a whole number: Toner HP 305A is counted in pieces".
 */
export function wholeUnitProblem(quantityMilli: QuantityMilli, unit: string, itemName: string): string | null {
  if (quantityMilli % QUANTITY_SCALE === 0 || !isCountedUnit(unit)) return null;
  return `${formatQuantity(quantityMilli)} is not a whole number: ${itemName} is counted in ${COUNTED_UNITS[unit.trim().toLowerCase()]}`;
}
