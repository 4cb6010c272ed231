import { describe, it, expect } from 'vitest';
import { holidayCalendar } from '../../../shared/calendar/index.ts';
import type { PriceListVersion } from './price-list.ts';
import { billableMinutes, priceBillableMinutes, priceWorkEntry, workAmount } from './price-work.ts';
import { DEVELOPMENT, ON_SITE, REMOTE, STANDARD_2026, TECHNICIAN_COST_PER_HOUR } from './standard-2026.fixture.ts';

const cz = holidayCalendar('CZ');

describe('billableMinutes', () => {
  it('rounds up to the increment, then applies the minimum', () => {
    expect(billableMinutes(50, 15, 0)).toBe(60);
    expect(billableMinutes(100, 15, 0)).toBe(105);
    expect(billableMinutes(45, 15, 60)).toBe(60);
    expect(billableMinutes(61, 15, 60)).toBe(75);
    expect(billableMinutes(7, 1, 0)).toBe(7);
    expect(billableMinutes(0, 15, 0)).toBe(0);
  });

  it('rejects nonsense', () => {
    expect(() => billableMinutes(-1, 15, 0)).toThrow(RangeError);
    expect(() => billableMinutes(1.5, 15, 0)).toThrow(RangeError);
    expect(() => billableMinutes(10, 0, 0)).toThrow(RangeError);
  });
});

describe('workAmount', () => {
  it('is round(b × rate × (100 + surcharge) / 6000)', () => {
    expect(workAmount(105, 1_000_00, 50)).toBe(2_625_00);
    expect(workAmount(7, 1_000_01, 0)).toBe(11_667); // 11 666.78 → 11 667
    expect(workAmount(1, 3, 50)).toBe(0); // 0.075 → 0
    expect(workAmount(1, 20, 50)).toBe(1); // 0.5 → 1 (half away from zero)
  });
});

describe('priceWorkEntry', () => {
  const base = { priceList: STANDARD_2026, holidays: cz, costRatePerHourMinor: TECHNICIAN_COST_PER_HOUR };

  it('prices an out-of-hours on-site entry (Example A, 12 Oct)', () => {
    const result = priceWorkEntry({ ...base, workTypeId: ON_SITE, minutes: 100, start: { date: '2026-10-12', time: '18:30' } });
    expect(result).toEqual({
      ok: true,
      billableMinutes: 105,
      timeClass: 'out_of_hours',
      rateMinor: 1_000_00,
      surchargePct: 50,
      amountMinor: 2_625_00,
      costMinor: 750_00,
      explanation: {
        minutes: 100,
        incrementMinutes: 15,
        minimumMinutes: 60,
        billableRule: 'increment',
        rateSource: 'work_type',
        timeClassSource: 'start_time',
      },
    });
  });

  it('applies the on-site minimum on a holiday (Example A, 28 Oct)', () => {
    const result = priceWorkEntry({ ...base, workTypeId: ON_SITE, minutes: 45, start: { date: '2026-10-28', time: '10:00' } });
    expect(result.ok && [result.billableMinutes, result.timeClass, result.amountMinor, result.explanation.billableRule]).toEqual([
      60, 'weekend_holiday', 2_000_00, 'minimum',
    ]);
  });

  it('uses the technician level rate before the work type rate', () => {
    const list: PriceListVersion = {
      ...STANDARD_2026,
      workRates: [...STANDARD_2026.workRates, { workTypeId: DEVELOPMENT, technicianLevel: 'senior', hourlyRateMinor: 1_500_00 }],
    };
    const senior = priceWorkEntry({ ...base, priceList: list, workTypeId: DEVELOPMENT, technicianLevel: 'senior', minutes: 60, start: null });
    const junior = priceWorkEntry({ ...base, priceList: list, workTypeId: DEVELOPMENT, technicianLevel: 'junior', minutes: 60, start: null });
    expect(senior.ok && [senior.amountMinor, senior.explanation.rateSource]).toEqual([1_500_00, 'technician_level']);
    expect(junior.ok && [junior.amountMinor, junior.explanation.rateSource]).toEqual([1_200_00, 'work_type']);
  });

  it('reports a missing rate instead of pricing 0', () => {
    expect(priceWorkEntry({ ...base, workTypeId: 'training', minutes: 60, start: null })).toEqual({
      ok: false,
      reason: 'no_rate',
      workTypeId: 'training',
      technicianLevel: null,
    });
    const levelOnly: PriceListVersion = { ...STANDARD_2026, workRates: [{ workTypeId: 'x', technicianLevel: 'senior', hourlyRateMinor: 1 }] };
    expect(priceWorkEntry({ ...base, priceList: levelOnly, workTypeId: 'x', technicianLevel: 'junior', minutes: 60, start: null }).ok).toBe(false);
  });

  it('honours a time class override and a missing start', () => {
    const overridden = priceWorkEntry({ ...base, workTypeId: REMOTE, minutes: 60, start: { date: '2026-10-10', time: '10:00' }, timeClassOverride: 'normal' });
    expect(overridden.ok && [overridden.timeClass, overridden.amountMinor, overridden.explanation.timeClassSource]).toEqual(['normal', 800_00, 'override']);
    const noStart = priceWorkEntry({ ...base, workTypeId: REMOTE, minutes: 60, start: null });
    expect(noStart.ok && [noStart.timeClass, noStart.explanation.timeClassSource]).toEqual(['normal', 'no_start_time']);
  });

  it('leaves cost null, not 0, when the cost rate is unknown', () => {
    const result = priceWorkEntry({ ...base, costRatePerHourMinor: null, workTypeId: REMOTE, minutes: 50, start: null });
    expect(result.ok && result.costMinor).toBeNull();
  });

  it('rejects invalid price list data', () => {
    const duplicate: PriceListVersion = { ...STANDARD_2026, workRates: [...STANDARD_2026.workRates, STANDARD_2026.workRates[0]!] };
    expect(() => priceWorkEntry({ ...base, priceList: duplicate, workTypeId: REMOTE, minutes: 1, start: null })).toThrow(/duplicate/);
    const badSurcharge: PriceListVersion = { ...STANDARD_2026, surchargePct: { normal: 0, out_of_hours: 1.5, weekend_holiday: 100 } };
    expect(() => priceWorkEntry({ ...base, priceList: badSurcharge, workTypeId: REMOTE, minutes: 1, start: null })).toThrow(RangeError);
  });
});

describe('priceBillableMinutes (parts of entries)', () => {
  it('prices billable minutes without increment or minimum', () => {
    expect(priceBillableMinutes(STANDARD_2026, ON_SITE, null, 10, 'normal')).toEqual({ ok: true, rateMinor: 1_000_00, surchargePct: 0, amountMinor: 166_67 });
    expect(priceBillableMinutes(STANDARD_2026, 'nope', null, 10, 'normal').ok).toBe(false);
  });
});
