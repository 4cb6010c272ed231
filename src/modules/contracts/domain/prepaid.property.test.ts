import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addPeriods } from '../../../shared/period.ts';
import { closePeriod } from './close-period.ts';
import { consumePrepaid, type CarriedLot, type CoveredEntry } from './prepaid.ts';
import type { CarryOver, Multipliers } from './terms.ts';

const entries = fc.array(
  fc.record({
    id: fc.uuid(),
    workTypeId: fc.constantFrom('remote', 'on-site', 'dev'),
    timeClass: fc.constantFrom('normal' as const, 'out_of_hours' as const, 'weekend_holiday' as const),
    billableMinutes: fc.integer({ min: 0, max: 600 }),
  }),
  { maxLength: 12 },
) as fc.Arbitrary<CoveredEntry[]>;

const multiplier = fc.oneof(fc.constant(1000), fc.integer({ min: 0, max: 4000 }));
const multipliers: fc.Arbitrary<Multipliers> = fc.record({
  byWorkType: fc.record({ 'on-site': multiplier, dev: multiplier }),
  byTimeClass: fc.record({ out_of_hours: multiplier, weekend_holiday: multiplier }),
});

const carryOver: fc.Arbitrary<CarryOver> = fc.oneof(
  fc.constant({ enabled: false as const }),
  fc.record({
    enabled: fc.constant(true as const),
    capMinutes: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: null }),
    lifePeriods: fc.integer({ min: 1, max: 4 }),
  }),
);

const lots = fc
  .array(fc.record({ minutes: fc.integer({ min: 0, max: 800 }), remainingLife: fc.integer({ min: 1, max: 4 }) }), { maxLength: 4 })
  .map((list) => list.map((lot, i): CarriedLot => ({ originPeriod: addPeriods('2026-09', -i), ...lot })));

describe('prepaid consumption properties', () => {
  it('conserves minutes per entry, never negative, never over the allowance', () => {
    fc.assert(
      fc.property(lots, fc.integer({ min: 0, max: 3000 }), entries, multipliers, (carried, own, covered, mult) => {
        const result = consumePrepaid(carried, own, covered, mult);
        const allowance = carried.reduce((s, l) => s + l.minutes, 0) + own;
        let used = 0;
        result.entries.forEach((split, i) => {
          const entry = covered[i]!;
          expect(split.coveredMinutes + split.overageMinutes).toBe(entry.billableMinutes);
          expect(split.coveredMinutes).toBeGreaterThanOrEqual(0);
          expect(split.overageMinutes).toBeGreaterThanOrEqual(0);
          // usage is ceil(covered × multiplier)
          expect(split.allowanceUsed * 1_000_000).toBeGreaterThanOrEqual(split.coveredMinutes * split.multiplierMicros);
          expect((split.allowanceUsed - 1) * 1_000_000).toBeLessThan(split.coveredMinutes * split.multiplierMicros);
          used += split.allowanceUsed;
          // a split happens only when one more covered minute would not fit
          if (split.overageMinutes > 0) {
            expect((split.coveredMinutes + 1) * split.multiplierMicros).toBeGreaterThan((allowance - used + split.allowanceUsed) * 1_000_000);
          }
        });
        expect(used).toBe(result.consumed);
        expect(result.consumed).toBeLessThanOrEqual(allowance);
        expect(result.lots.every((l) => l.minutes >= 0)).toBe(true);
        expect(result.ownRemaining).toBeGreaterThanOrEqual(0);
        expect(result.fromLots.reduce((s, l) => s + l.minutes, 0) + result.fromOwn).toBe(result.consumed);
        // oldest first: a younger lot is touched only once every older lot is empty
        const firstNonEmpty = result.lots.findIndex((l) => l.minutes > 0);
        if (firstNonEmpty >= 0) result.fromLots.slice(firstNonEmpty + 1).forEach((l) => expect(l.minutes).toBe(0));
        if (result.fromOwn > 0) expect(result.lots.every((l) => l.minutes === 0)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('ledger identity, cap and life hold over a run of closed periods', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1200 }), entries, carryOver), { minLength: 1, maxLength: 8 }),
        multipliers,
        (periods, mult) => {
          let carried: readonly CarriedLot[] = [];
          periods.forEach(([own, covered, carry], i) => {
            const period = addPeriods('2026-01', i);
            const consumption = consumePrepaid(carried, own, covered, mult);
            const { ledger, lots: next } = closePeriod(period, consumption, carry);
            expect(ledger.openingCarried + ledger.allocated).toBe(ledger.consumed + ledger.carriedOut + ledger.lapsed);
            for (const value of Object.values(ledger)) if (typeof value === 'number') expect(value).toBeGreaterThanOrEqual(0);
            expect(ledger.openingCarried).toBe(carried.reduce((s, l) => s + l.minutes, 0));
            expect(ledger.carriedOut).toBe(next.reduce((s, l) => s + l.minutes, 0));
            if (carry.enabled && carry.capMinutes !== null) expect(ledger.carriedOut).toBeLessThanOrEqual(carry.capMinutes);
            if (!carry.enabled) expect(next.every((l) => l.originPeriod !== period)).toBe(true);
            expect(next.every((l) => l.minutes > 0 && l.remainingLife >= 1)).toBe(true);
            carried = next;
          });
        },
      ),
      { numRuns: 1000 },
    );
  });
});
