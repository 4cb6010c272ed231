import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multiplyQuantity } from '../../../shared/quantity.ts';
import { MAX_QUANTITY_MILLI, MAX_UNIT_PRICE_MINOR } from './quantities.ts';
import { isCountedUnit, wholeUnitProblem } from '../../../shared/counted-units.ts';

describe('whole units', () => {
  it('counts pieces and visits, in the built-in codes and the words people type', () => {
    for (const unit of ['pcs', 'piece', 'visit', 'ks', 'KS', ' ks. ', 'kus']) expect(isCountedUnit(unit), unit).toBe(true);
    for (const unit of ['m', 'kg', 'l', 'h', 'km', 'min', 'bal.', '']) expect(isCountedUnit(unit), unit).toBe(false);
  });

  it('names the quantity and the item when a counted item is given a fraction', () => {
    expect(wholeUnitProblem(1500, 'pcs', 'Toner HP 305A')).toBe('1.5 is not a whole number: Toner HP 305A is counted in pieces');
    expect(wholeUnitProblem(250, 'visit', 'Výjezd')).toBe('0.25 is not a whole number: Výjezd is counted in visits');
    expect(wholeUnitProblem(2000, 'pcs', 'Toner HP 305A')).toBeNull();
    expect(wholeUnitProblem(0, 'pcs', 'Toner HP 305A')).toBeNull();
    expect(wholeUnitProblem(1500, 'm', 'Kabel UTP')).toBeNull();
  });

  it('always refuses a fraction of a counted unit', () => {
    const fraction = fc.tuple(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 1, max: 999 })).map(([whole, milli]) => whole * 1000 + milli);
    fc.assert(fc.property(fraction, fc.constantFrom('pcs', 'piece', 'visit', 'ks'), (q, unit) => wholeUnitProblem(q, unit, 'X') !== null));
  });

  it('lets measured units take any quantity of up to 3 decimal places, and counted units any whole one', () => {
    const quantity = fc.integer({ min: 0, max: MAX_QUANTITY_MILLI });
    fc.assert(fc.property(quantity, fc.constantFrom('m', 'kg', 'l', 'h', 'km'), (q, unit) => wholeUnitProblem(q, unit, 'X') === null));
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000 }), (units) => wholeUnitProblem(units * 1000, 'pcs', 'X') === null));
  });

  it('keeps the largest quantity at the largest price exact', () => {
    expect(multiplyQuantity(MAX_QUANTITY_MILLI, MAX_UNIT_PRICE_MINOR)).toBe(1_000_000 * 1_000_000_000);
    expect(Number.isSafeInteger(MAX_QUANTITY_MILLI * MAX_UNIT_PRICE_MINOR / 1000)).toBe(true);
  });
});
