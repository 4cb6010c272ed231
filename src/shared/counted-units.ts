/**
 * Units that count things (pieces, visits) take whole numbers only: half a toner cannot be
 * moved and half a visit cannot be billed. One rule for stock items and unit fees on records.
 */
import { formatQuantity, QUANTITY_SCALE, type QuantityMilli } from './quantity.ts';

/**
 * Units that count things, each with the word that says so in a message. The built-in
 * codes ('pcs', 'piece', 'visit'; see printedUnit in billing) and the words people type
 * for pieces or visits when they name a unit themselves (a unit fee's "výjezd").
 */
const COUNTED_UNITS: Readonly<Record<string, string>> = {
  pcs: 'pieces', piece: 'pieces', visit: 'visits',
  ks: 'pieces', 'ks.': 'pieces', kus: 'pieces', kusy: 'pieces', 'pcs.': 'pieces', pc: 'pieces', 'pc.': 'pieces', ea: 'pieces',
  výjezd: 'visits', výjazd: 'visits', návštěva: 'visits', návšteva: 'visits',
};

/** Whether an item with this unit is counted in whole units ('pcs', 'ks', 'visit'), not measured. */
export function isCountedUnit(unit: string): boolean {
  return Object.hasOwn(COUNTED_UNITS, unit.trim().toLowerCase());
}

/**
 * Why this quantity cannot be stated for a thing (a stock item, a unit fee) with this unit
 * (a fraction of a counted unit), or null when it can. The message names the quantity and
 * the thing: "1.5 is not a whole number: Toner HP 305A is counted in pieces".
 */
export function wholeUnitProblem(quantityMilli: QuantityMilli, unit: string, name: string): string | null {
  if (quantityMilli % QUANTITY_SCALE === 0 || !isCountedUnit(unit)) return null;
  return `${formatQuantity(quantityMilli)} is not a whole number: ${name} is counted in ${COUNTED_UNITS[unit.trim().toLowerCase()]}`;
}
