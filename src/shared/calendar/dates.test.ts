import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addDays, daysInclusive, fromEpochDay, isIsoDate, isoWeekday, toEpochDay } from './dates.ts';
import { easterSunday } from './easter.ts';

describe('ISO dates', () => {
  it('validates strictly', () => {
    expect(isIsoDate('2026-10-28')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    for (const bad of ['2026-02-29', '2100-02-29', '2026-13-01', '2026-00-10', '2026-10-32', '2026-1-01', '26-10-28', '2026/10/28', '1500-01-01', '']) {
      expect(isIsoDate(bad), bad).toBe(false);
    }
  });

  it('counts days from 1970-01-01 and back', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(toEpochDay('2000-03-01')).toBe(11017);
    expect(fromEpochDay(20389)).toBe('2025-10-28');
    fc.assert(
      fc.property(fc.integer({ min: toEpochDay('1583-01-01'), max: toEpochDay('9999-12-31') }), (n) => {
        expect(toEpochDay(fromEpochDay(n))).toBe(n);
      }),
    );
  });

  it('agrees with Date.UTC for weekdays and day counts (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: toEpochDay('1900-01-01'), max: toEpochDay('2200-12-31') }), (n) => {
        const date = fromEpochDay(n);
        const utc = new Date(`${date}T00:00:00Z`);
        expect(utc.getTime() / 86_400_000).toBe(n);
        expect(isoWeekday(date)).toBe(((utc.getUTCDay() + 6) % 7) + 1);
      }),
    );
  });

  it('adds days and counts inclusive ranges', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysInclusive('2026-10-01', '2026-10-31')).toBe(31);
    expect(daysInclusive('2026-10-15', '2026-10-14')).toBe(0);
    expect(isoWeekday('2026-10-05')).toBe(1); // Monday
    expect(isoWeekday('2026-10-28')).toBe(3); // Wednesday
    expect(isoWeekday('2026-10-11')).toBe(7); // Sunday
  });
});

describe('easterSunday (anonymous Gregorian algorithm)', () => {
  it('matches published dates', () => {
    const known: Record<number, string> = {
      1818: '1818-03-22',
      1943: '1943-04-25',
      2000: '2000-04-23',
      2016: '2016-03-27',
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2038: '2038-04-25',
      2285: '2285-03-22',
    };
    for (const [year, date] of Object.entries(known)) expect(easterSunday(Number(year))).toBe(date);
  });

  it('is always a Sunday between 22 March and 25 April (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
        const easter = easterSunday(year);
        expect(isoWeekday(easter)).toBe(7);
        expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
      }),
    );
  });
});
