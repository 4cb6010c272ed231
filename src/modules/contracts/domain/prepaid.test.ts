import { describe, it, expect } from 'vitest';
import { closePeriod } from './close-period.ts';
import { compareChronologically, consumePrepaid, type CoveredEntry } from './prepaid.ts';

const entry = (id: string, billableMinutes: number, workTypeId = 'remote'): CoveredEntry => ({ id, workTypeId, timeClass: 'normal', billableMinutes });
const noMultipliers = {};

describe('consumePrepaid', () => {
  it('uses the oldest lot first, then own minutes, and splits the entry where it runs out', () => {
    const result = consumePrepaid(
      [{ originPeriod: '2026-09', minutes: 100, remainingLife: 1 }, { originPeriod: '2026-08', minutes: 50, remainingLife: 1 }],
      200,
      [entry('a', 120), entry('b', 180), entry('c', 60)],
      noMultipliers,
    );
    expect(result.fromLots).toEqual([{ originPeriod: '2026-08', minutes: 50 }, { originPeriod: '2026-09', minutes: 100 }]);
    expect(result.entries.map((e) => [e.id, e.coveredMinutes, e.overageMinutes])).toEqual([['a', 120, 0], ['b', 180, 0], ['c', 50, 10]]);
    expect([result.fromOwn, result.ownRemaining, result.consumed, result.openingCarried, result.allocated]).toEqual([200, 0, 350, 150, 200]);
  });

  it('splits with a decimal multiplier: covered = floor(remaining / multiplier), usage rounded up', () => {
    const multipliers = { byWorkType: { 'on-site': 1500 } };
    const result = consumePrepaid([], 100, [entry('a', 60, 'on-site'), entry('b', 30, 'on-site')], multipliers);
    // a uses 90; 10 remain; b: floor(10 / 1.5) = 6 covered (uses ceil(9) = 9), 24 overage
    expect(result.entries.map((e) => [e.coveredMinutes, e.overageMinutes, e.allowanceUsed])).toEqual([[60, 0, 90], [6, 24, 9]]);
    expect(result.ownRemaining).toBe(1);
  });

  it('rounds fractional usage up and multiplies work type and time class multipliers', () => {
    const multipliers = { byWorkType: { remote: 1500 }, byTimeClass: { weekend_holiday: 2000 } };
    const result = consumePrepaid([], 1000, [{ id: 'w', workTypeId: 'remote', timeClass: 'weekend_holiday', billableMinutes: 15 }, entry('r', 15)], multipliers);
    expect(result.entries.map((e) => [e.allowanceUsed, e.multiplierMicros])).toEqual([[45, 3_000_000], [23, 1_500_000]]); // 22.5 → 23
  });

  it('covers without using allowance when the multiplier is 0', () => {
    const result = consumePrepaid([], 0, [entry('a', 60)], { byWorkType: { remote: 0 } });
    expect(result.entries[0]).toMatchObject({ coveredMinutes: 60, overageMinutes: 0, allowanceUsed: 0 });
  });

  it('rejects dead lots and bad minutes', () => {
    expect(() => consumePrepaid([{ originPeriod: '2026-09', minutes: 10, remainingLife: 0 }], 0, [], {})).toThrow(RangeError);
    expect(() => consumePrepaid([], -1, [], {})).toThrow(RangeError);
    expect(() => consumePrepaid([], 10, [entry('a', 1.5)], {})).toThrow(RangeError);
    expect(() => consumePrepaid([], 10, [entry('a', 15)], { byWorkType: { remote: 1.5 } })).toThrow(RangeError);
  });
});

describe('closePeriod', () => {
  const consumed = (lots: { originPeriod: string; minutes: number; remainingLife: number }[], own: number, used: number) =>
    consumePrepaid(lots, own, used > 0 ? [entry('x', used)] : [], {});

  it('keeps lots alive for their life, then lapses them', () => {
    const carry = { enabled: true as const, capMinutes: null, lifePeriods: 2 };
    const first = closePeriod('2026-09', consumed([], 600, 400), carry);
    expect(first.lots).toEqual([{ originPeriod: '2026-09', minutes: 200, remainingLife: 2 }]);
    const second = closePeriod('2026-10', consumed([...first.lots], 600, 100), carry);
    expect(second.lots).toEqual([
      { originPeriod: '2026-09', minutes: 100, remainingLife: 1 },
      { originPeriod: '2026-10', minutes: 600, remainingLife: 2 },
    ]);
    const third = closePeriod('2026-11', consumed([...second.lots], 0, 0), carry);
    expect(third.ledger).toEqual({ period: '2026-11', openingCarried: 700, allocated: 0, consumed: 0, carriedOut: 600, lapsed: 100 });
    expect(third.lots).toEqual([{ originPeriod: '2026-10', minutes: 600, remainingLife: 1 }]);
  });

  it('lapses everything left when carry-over is off', () => {
    const close = closePeriod('2026-10', consumed([], 600, 100), { enabled: false });
    expect(close.ledger).toMatchObject({ carriedOut: 0, lapsed: 500 });
    expect(close.lots).toEqual([]);
  });

  it('applies the cap to the total carried balance, cutting the new lot first', () => {
    const carry = { enabled: true as const, capMinutes: 300, lifePeriods: 3 };
    const close = closePeriod('2026-10', consumed([{ originPeriod: '2026-09', minutes: 250, remainingLife: 2 }], 600, 0), carry);
    expect(close.lots).toEqual([
      { originPeriod: '2026-09', minutes: 250, remainingLife: 1 },
      { originPeriod: '2026-10', minutes: 50, remainingLife: 3 },
    ]);
    expect(close.ledger).toMatchObject({ openingCarried: 250, allocated: 600, consumed: 0, carriedOut: 300, lapsed: 550 });
    // A lowered cap also cuts surviving lots, oldest first.
    const lowered = closePeriod('2026-11', consumed([...close.lots], 0, 0), { enabled: true, capMinutes: 100, lifePeriods: 3 });
    expect(lowered.lots).toEqual([{ originPeriod: '2026-10', minutes: 50, remainingLife: 2 }]);
    expect(lowered.ledger).toMatchObject({ carriedOut: 50, lapsed: 250 });
  });
});

describe('compareChronologically', () => {
  it('orders by date, start (missing first), creation, id', () => {
    const keys = [
      { id: 'd', date: '2026-10-02', startTime: '08:00', createdAt: '1' },
      { id: 'c', date: '2026-10-01', startTime: '09:00', createdAt: '2' },
      { id: 'b', date: '2026-10-01', startTime: null, createdAt: '3' },
      { id: 'a2', date: '2026-10-01', startTime: '09:00', createdAt: '1' },
    ];
    expect([...keys].sort(compareChronologically).map((k) => k.id)).toEqual(['b', 'a2', 'c', 'd']);
  });
});
