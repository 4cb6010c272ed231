/**
 * What a quantity of an item may be. Quantities are thousandths (shared/quantity.ts),
 * but an item counted in pieces (or visits) moves in whole units only: half a toner
 * cannot be received, moved or billed (shared/counted-units.ts). Metres, kilograms,
 * litres, hours and any other unit keep up to 3 decimal places.
 *
 * The bounds keep quantity × price well inside exact integer arithmetic:
 * 1 000 000 units × 10 000 000.00 per unit is 10^15 minor units, below 2^53.
 */
import { QUANTITY_SCALE, type QuantityMilli } from '../../../shared/quantity.ts';
import type { MinorUnits } from '../../../shared/money.ts';

/** The most one line (or one stock minimum) may state: a million units. */
export const MAX_QUANTITY_UNITS = 1_000_000;
export const MAX_QUANTITY_MILLI: QuantityMilli = MAX_QUANTITY_UNITS * QUANTITY_SCALE;

/** The highest price per unit (purchase, count cost, sale): 10 000 000.00 in the currency. */
export const MAX_UNIT_PRICE_MINOR: MinorUnits = 1_000_000_000;
