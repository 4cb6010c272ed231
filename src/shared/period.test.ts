import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  addPeriods, comparePeriods, daysInPeriod, firstDayOf, isPeriod, lastDayOf, nextPeriod, overlapWithPeriod,
  periodOf, periodsBetween, prevPeriod,
} from './period.ts';

describe('periods', () => {
  it('parses the three kinds', () => {
    for (const ok of ['2026-10', '2026-Q4', '2026']) expect(isPeriod(ok), ok).toBe(true);
    for (const bad of ['2026-13', '2026-Q5', '2026-q4', '26-10', '2026-1', '2026-00', '']) expect(isPeriod(bad), bad).toBe(false);
  });

  it('moves forward and back across years', () => {
    expect(nextPeriod('2026-12')).toBe('2027-01');
    expect(prevPeriod('2026-01')).toBe('2025-12');
    expect(nextPeriod('2026-Q4')).toBe('2027-Q1');
    expect(prevPeriod('2026-Q1')).toBe('2025-Q4');
    expect(nextPeriod('2026')).toBe('2027');
    expect(addPeriods('2026-10', -22)).toBe('2024-12');
  });

  it('knows first and last days', () => {
    expect(firstDayOf('2026-10')).toBe('2026-10-01');
    expect(lastDayOf('2026-10')).toBe('2026-10-31');
    expect(lastDayOf('2024-02')).toBe('2024-02-29');
    expect(firstDayOf('2026-Q4')).toBe('2026-10-01');
    expect(lastDayOf('2026-Q4')).toBe('2026-12-31');
    expect(lastDayOf('2026')).toBe('2026-12-31');
    expect(daysInPeriod('2026-Q1')).toBe(90);
    expect(daysInPeriod('2024')).toBe(366);
  });

  it('finds the period of a date', () => {
    expect(periodOf('2026-10-28', 'month')).toBe('2026-10');
    expect(periodOf('2026-10-28', 'quarter')).toBe('2026-Q4');
    expect(periodOf('2026-03-31', 'quarter')).toBe('2026-Q1');
    expect(periodOf('2026-10-28', 'year')).toBe('2026');
  });

  it('next ∘ prev is identity and order is kept (property)', () => {
    const period = fc.oneof(
      fc.tuple(fc.integer({ min: 1700, max: 9000 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
      fc.tuple(fc.integer({ min: 1700, max: 9000 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
    );
    fc.assert(
      fc.property(period, fc.integer({ min: -100, max: 100 }), (p, n) => {
        expect(prevPeriod(nextPeriod(p))).toBe(p);
        expect(addPeriods(addPeriods(p, n), -n)).toBe(p);
        expect(Math.sign(comparePeriods(addPeriods(p, n), p))).toBe(Math.sign(n));
        expect(firstDayOf(nextPeriod(p)) > lastDayOf(p)).toBe(true);
      }),
    );
  });

  it('lists periods between two periods', () => {
    expect(periodsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(periodsBetween('2026-11', '2026-10')).toEqual([]);
    expect(() => comparePeriods('2026-10', '2026-Q4')).toThrow(RangeError);
  });

  it('computes the overlap with a validity for proration', () => {
    expect(overlapWithPeriod('2026-10', '2026-10-15', null)).toEqual({ from: '2026-10-15', to: '2026-10-31', days: 17, periodDays: 31 });
    expect(overlapWithPeriod('2026-10', '2026-09-01', '2026-10-10')).toEqual({ from: '2026-10-01', to: '2026-10-10', days: 10, periodDays: 31 });
    expect(overlapWithPeriod('2026-10', '2026-11-01', null)).toBeNull();
    expect(overlapWithPeriod('2026-10', '2026-01-01', '2026-09-30')).toBeNull();
  });
});
