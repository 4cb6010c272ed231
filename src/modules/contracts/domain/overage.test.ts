import { describe, it, expect } from 'vitest';
import { priceBillableMinutes } from '../../pricing/domain/index.ts';
import { ON_SITE, REMOTE, STANDARD_2026 } from '../../pricing/domain/standard-2026.fixture.ts';
import { priceOverage, type EntryRatePricer, type OveragePart } from './overage.ts';

const standardRates: EntryRatePricer = (p) => {
  const price = priceBillableMinutes(STANDARD_2026, p.workTypeId, p.technicianLevel, p.overageMinutes, p.timeClass);
  return price.ok ? price : null;
};

const part = (entryId: string, overageMinutes: number, workTypeId = ON_SITE, timeClass: OveragePart['timeClass'] = 'normal'): OveragePart => ({
  entryId, workTypeId, technicianLevel: null, timeClass, overageMinutes,
});

describe('priceOverage', () => {
  it('entry_rate prices each part at its own rate and surcharge (Example C: 120 on-site = 2 000.00)', () => {
    const result = priceOverage({ kind: 'entry_rate' }, [part('e4', 120), part('e5', 30, REMOTE, 'out_of_hours'), part('e6', 0)], standardRates);
    expect(result).toEqual({
      ok: true,
      totalMinor: 2_000_00 + 600_00,
      lines: [
        { method: 'entry_rate', entryIds: ['e4'], workTypeId: ON_SITE, timeClass: 'normal', minutes: 120, rateMinor: 1_000_00, surchargePct: 0, amountMinor: 2_000_00 },
        { method: 'entry_rate', entryIds: ['e5'], workTypeId: REMOTE, timeClass: 'out_of_hours', minutes: 30, rateMinor: 800_00, surchargePct: 50, amountMinor: 600_00 },
      ],
    });
  });

  it('entry_rate reports parts without a rate instead of pricing them 0', () => {
    expect(priceOverage({ kind: 'entry_rate' }, [part('a', 60, 'training'), part('b', 60)], standardRates)).toEqual({ ok: false, reason: 'no_rate', entryIds: ['a'] });
    expect(priceOverage({ kind: 'entry_rate' }, [part('b', 60)], null)).toEqual({ ok: false, reason: 'no_rate', entryIds: ['b'] });
  });

  it('flat_rate: one line for all overage minutes', () => {
    expect(priceOverage({ kind: 'flat_rate', ratePerHourMinor: 900_00 }, [part('a', 50), part('b', 25, REMOTE, 'weekend_holiday')], null)).toEqual({
      ok: true,
      totalMinor: 1_125_00,
      lines: [{ method: 'flat_rate', band: 0, entryIds: ['a', 'b'], minutes: 75, rateMinor: 900_00, amountMinor: 1_125_00 }],
    });
    expect(priceOverage({ kind: 'flat_rate', ratePerHourMinor: 900_00 }, [], null)).toEqual({ ok: true, lines: [], totalMinor: 0 });
  });

  it('tiered: fills bands in order, an entry may straddle two bands', () => {
    const bands = [{ minutes: 60, ratePerHourMinor: 600_00 }, { minutes: 120, ratePerHourMinor: 900_00 }, { minutes: null, ratePerHourMinor: 1_200_00 }];
    const result = priceOverage({ kind: 'tiered', bands }, [part('a', 45), part('b', 45), part('c', 200)], null);
    expect(result).toEqual({
      ok: true,
      totalMinor: 600_00 + 1_800_00 + 2_200_00,
      lines: [
        { method: 'tiered', band: 0, entryIds: ['a', 'b'], minutes: 60, rateMinor: 600_00, amountMinor: 600_00 },
        { method: 'tiered', band: 1, entryIds: ['b', 'c'], minutes: 120, rateMinor: 900_00, amountMinor: 1_800_00 },
        { method: 'tiered', band: 2, entryIds: ['c'], minutes: 110, rateMinor: 1_200_00, amountMinor: 2_200_00 },
      ],
    });
  });

  it('tiered: rejects bands that could leave minutes unpriced', () => {
    expect(() => priceOverage({ kind: 'tiered', bands: [{ minutes: 60, ratePerHourMinor: 1 }] }, [part('a', 61)], null)).toThrow(/unlimited/);
    expect(() => priceOverage({ kind: 'tiered', bands: [] }, [], null)).toThrow(RangeError);
  });
});
