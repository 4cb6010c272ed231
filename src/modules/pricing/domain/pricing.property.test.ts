import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { divRound } from '../../../shared/money.ts';
import type { PriceListVersion, TimeClass } from './price-list.ts';
import { priceMaterial } from './price-other.ts';
import { billableMinutes, priceWorkEntry } from './price-work.ts';

const workTypes = ['a', 'b', 'c', 'd'];

const priceList: fc.Arbitrary<PriceListVersion> = fc
  .record({
    // Some work types get no rate at all, some only a level rate.
    rates: fc.uniqueArray(
      fc.record({
        workTypeId: fc.constantFrom(...workTypes),
        technicianLevel: fc.constantFrom(null, 'senior'),
        hourlyRateMinor: fc.integer({ min: 0, max: 10 ** 9 }),
      }),
      { selector: (r) => `${r.workTypeId}|${r.technicianLevel}`, maxLength: 8 },
    ),
    increment: fc.integer({ min: 1, max: 60 }),
    minimum: fc.integer({ min: 0, max: 240 }),
    surcharges: fc.tuple(fc.integer({ min: -100, max: 300 }), fc.integer({ min: -100, max: 300 }), fc.integer({ min: -100, max: 300 })),
  })
  .map(({ rates, increment, minimum, surcharges: [normal, outOfHours, weekend] }) => ({
    priceListId: 'p',
    validFrom: '2026-01-01',
    currency: 'CZK',
    workRates: rates,
    incrementMinutes: increment,
    minimumMinutes: [{ workTypeId: 'a', minutes: minimum }],
    surchargePct: { normal, out_of_hours: outOfHours, weekend_holiday: weekend },
  }));

const start = fc.option(
  fc.record({
    date: fc.integer({ min: 1, max: 28 }).map((d) => `2026-10-${String(d).padStart(2, '0')}`),
    time: fc.integer({ min: 0, max: 1439 }).map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`),
  }),
  { nil: null },
);

describe('pricing properties', () => {
  it('prices exactly like the BigInt formula, or reports no_rate — never a silent 0', () => {
    fc.assert(
      fc.property(
        priceList,
        fc.constantFrom(...workTypes, 'unknown'),
        fc.constantFrom(null, 'senior', 'junior'),
        fc.integer({ min: 0, max: 100_000 }),
        start,
        (list, workTypeId, level, minutes, startAt) => {
          const result = priceWorkEntry({ priceList: list, workTypeId, technicianLevel: level, minutes, start: startAt, holidays: () => false });
          const rates = list.workRates.filter((r) => r.workTypeId === workTypeId);
          const expectedRate = rates.find((r) => level !== null && r.technicianLevel === level) ?? rates.find((r) => r.technicianLevel === null);
          if (expectedRate === undefined) {
            expect(result).toMatchObject({ ok: false, reason: 'no_rate' });
            return;
          }
          if (!result.ok) throw new Error('a rate exists but the entry was not priced');
          expect(result.rateMinor).toBe(expectedRate.hourlyRateMinor);
          const b = BigInt(result.billableMinutes);
          const exact = divRound(b * BigInt(result.rateMinor) * BigInt(100 + result.surchargePct), 6000n);
          expect(result.amountMinor).toBe(exact);
          expect(result.surchargePct).toBe(list.surchargePct[result.timeClass as TimeClass]);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('billable minutes: ≥ minutes, ≥ minimum, and the smallest increment multiple above minutes unless the minimum wins', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 6 }), fc.integer({ min: 1, max: 120 }), fc.integer({ min: 0, max: 600 }), (minutes, increment, minimum) => {
        const b = billableMinutes(minutes, increment, minimum);
        expect(b).toBeGreaterThanOrEqual(minutes);
        expect(b).toBeGreaterThanOrEqual(minimum);
        if (b !== minimum) {
          expect(b % increment).toBe(0);
          expect(b - minutes).toBeLessThan(increment);
        }
      }),
    );
  });

  it("material: the list's item price, else the item's own in the list's currency; an item price in another currency is never used as it is", () => {
    const currency = fc.constantFrom('CZK', 'EUR');
    const minor = fc.integer({ min: 0, max: 10 ** 8 });
    fc.assert(
      fc.property(
        currency,
        fc.option(minor, { nil: null }),
        fc.option(fc.record({ amountMinor: minor, currency }), { nil: null }),
        fc.integer({ min: 0, max: 10 ** 6 }),
        (listCurrency, listPrice, own, quantityMilli) => {
          const list: PriceListVersion = {
            priceListId: 'p', validFrom: '2026-01-01', currency: listCurrency, workRates: [],
            surchargePct: { normal: 0, out_of_hours: 0, weekend_holiday: 0 },
            itemPrices: listPrice === null ? [] : [{ itemId: 'item', priceMinor: listPrice }],
          };
          const result = priceMaterial({ priceList: list, itemId: 'item', quantityMilli, itemSalePrice: own });
          if (listPrice !== null) {
            expect(result).toMatchObject({ ok: true, priceSource: 'price_list', unitPriceMinor: listPrice });
          } else if (own !== null && own.currency === listCurrency) {
            expect(result).toMatchObject({ ok: true, priceSource: 'item', unitPriceMinor: own.amountMinor });
          } else {
            // Not priced, never the foreign number in the list's currency nor a silent 0.
            expect(result).toEqual({ ok: false, reason: 'no_item_price', itemId: 'item', ...(own === null ? {} : { otherCurrencyPrice: own }) });
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
