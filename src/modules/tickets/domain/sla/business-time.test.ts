import { describe, expect, it } from 'vitest';
import { calendar24x7, officeHoursCalendar, type BusinessCalendar } from './business-calendar.ts';
import { addBusinessMinutes, businessMinutesBetween, isBusinessTime, nextBusinessOpening } from './business-time.ts';
import { zonedInstant } from './time-zone.ts';

const PRAGUE = 'Europe/Prague';
const office = officeHoursCalendar(); // Mon–Fri 08:00–17:00 Prague, CZ holidays
const at = (date: string, time: string): number => zonedInstant(PRAGUE, date, time);
const iso = (ms: number): string => new Date(ms).toISOString();
const H = 60;

describe('addBusinessMinutes across a weekend and a Czech public holiday', () => {
  it('P3 (16 h) from Tue 27 Oct 2026 15:00: 2 h Tue, Wed 28 Oct holiday, 9 h Thu, 5 h Fri → Fri 13:00 CET', () => {
    const due = addBusinessMinutes(office, at('2026-10-27', '15:00'), 16 * H);
    expect(iso(due)).toBe('2026-10-30T12:00:00.000Z'); // CET since 25 Oct 2026
    expect(businessMinutesBetween(office, at('2026-10-27', '15:00'), due)).toBe(16 * H);
  });

  it('crosses the weekend into Monday', () => {
    expect(iso(addBusinessMinutes(office, at('2026-10-30', '13:00'), 7 * H))).toBe(iso(at('2026-11-02', '11:00')));
  });

  it('a start on Saturday counts from Monday 08:00', () => {
    expect(iso(addBusinessMinutes(office, at('2026-10-31', '10:17'), 30))).toBe(iso(at('2026-11-02', '08:30')));
    expect(nextBusinessOpening(office, at('2026-10-31', '10:17'))).toBe(at('2026-11-02', '08:00'));
    expect(businessMinutesBetween(office, at('2026-10-31', '10:17'), at('2026-11-02', '08:30'))).toBe(30);
  });

  it('a start before opening counts from the opening; after closing from the next day', () => {
    expect(addBusinessMinutes(office, at('2026-11-03', '06:00'), 60)).toBe(at('2026-11-03', '09:00'));
    expect(addBusinessMinutes(office, at('2026-11-03', '17:00'), 60)).toBe(at('2026-11-04', '09:00'));
    expect(addBusinessMinutes(office, at('2026-11-03', '23:59'), 60)).toBe(at('2026-11-04', '09:00'));
  });

  it('a due time on a closing time stays there instead of jumping to the next morning', () => {
    expect(addBusinessMinutes(office, at('2026-11-03', '08:00'), 9 * H)).toBe(at('2026-11-03', '17:00'));
    expect(addBusinessMinutes(office, at('2026-11-06', '16:00'), 60)).toBe(at('2026-11-06', '17:00')); // Friday
  });

  it('0 minutes is the start itself, even outside hours', () => {
    expect(addBusinessMinutes(office, at('2026-10-31', '10:00'), 0)).toBe(at('2026-10-31', '10:00'));
  });

  it('skips long stretches by whole weeks, including Christmas (24–26 Dec) and New Year', () => {
    // From Mon 14 Dec 2026 08:00, 20 business days = 180 h. Closed: 24, 25 (Thu, Fri), 1 Jan (Fri).
    // Dec: 14–18 (5), 21–23 (3), 28–31 (4), Jan: 4–8 (5), 11–13 (3) → Wed 13 Jan 17:00.
    expect(addBusinessMinutes(office, at('2026-12-14', '08:00'), 180 * H)).toBe(at('2027-01-13', '17:00'));
    // A year of business time, back and forth.
    const start = at('2026-01-05', '08:00');
    const due = addBusinessMinutes(office, start, 2000 * H);
    expect(businessMinutesBetween(office, start, due)).toBe(2000 * H);
  });

  it('rejects negative or non-finite targets and instants', () => {
    expect(() => addBusinessMinutes(office, 0, -1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(office, 0, Number.NaN)).toThrow(RangeError);
    expect(() => addBusinessMinutes(office, Number.POSITIVE_INFINITY, 1)).toThrow(RangeError);
  });
});

describe('DST weekends in Prague', () => {
  it('spring (29 Mar 2026): Fri 16:00 CET + 2 h → Mon 09:00 CEST', () => {
    const due = addBusinessMinutes(office, at('2026-03-27', '16:00'), 2 * H);
    expect(iso(due)).toBe('2026-03-30T07:00:00.000Z');
    expect(businessMinutesBetween(office, at('2026-03-27', '16:00'), due)).toBe(120);
  });

  it('autumn (25 Oct 2026): Fri 16:00 CEST + 2 h → Mon 09:00 CET', () => {
    const due = addBusinessMinutes(office, at('2026-10-23', '16:00'), 2 * H);
    expect(iso(due)).toBe('2026-10-26T08:00:00.000Z');
  });

  it('a 24×7 Prague clock runs real time through both switches', () => {
    const always = calendar24x7();
    const spring = at('2026-03-28', '12:00');
    expect(addBusinessMinutes(always, spring, 24 * H)).toBe(spring + 24 * 3_600_000);
    expect(iso(addBusinessMinutes(always, spring, 24 * H))).toBe(iso(at('2026-03-29', '13:00'))); // wall clock skips an hour
    const autumn = at('2026-10-24', '12:00');
    expect(iso(addBusinessMinutes(always, autumn, 24 * H))).toBe(iso(at('2026-10-25', '11:00')));
    expect(businessMinutesBetween(always, at('2026-10-25', '00:00'), at('2026-10-26', '00:00'))).toBe(25 * H);
  });

  it('a 24×7 calendar spelt out in windows (not the fast path) agrees', () => {
    const day = [{ start: '00:00', end: '24:00' }];
    const spelt: BusinessCalendar = {
      timeZone: PRAGUE,
      weekly: { 1: day, 2: day, 3: day, 4: day, 5: day, 6: day, 7: day },
      holidayCountries: [],
      extraDaysOff: [],
      extraWorkingDays: [{ date: '2030-01-01', hours: day }], // defeats the fast path
    };
    const start = at('2026-10-24', '12:00');
    expect(addBusinessMinutes(spelt, start, 24 * H)).toBe(start + 24 * 3_600_000);
    expect(businessMinutesBetween(spelt, at('2026-03-29', '00:00'), at('2026-03-30', '00:00'))).toBe(23 * H);
  });
});

describe('businessMinutesBetween', () => {
  it('counts only open time, to the millisecond', () => {
    expect(businessMinutesBetween(office, at('2026-10-27', '15:00'), at('2026-10-29', '09:00'))).toBe(3 * H);
    expect(businessMinutesBetween(office, at('2026-10-27', '16:59') + 30_000, at('2026-10-27', '17:00'))).toBe(0.5);
  });

  it('is antisymmetric and 0 on an empty range', () => {
    const a = at('2026-10-27', '15:00');
    const b = at('2026-10-30', '10:00');
    expect(businessMinutesBetween(office, b, a)).toBe(-businessMinutesBetween(office, a, b));
    expect(businessMinutesBetween(office, a, a)).toBe(0);
  });
});

describe('isBusinessTime', () => {
  it('includes the opening and excludes the closing time', () => {
    expect(isBusinessTime(office, at('2026-10-27', '08:00'))).toBe(true);
    expect(isBusinessTime(office, at('2026-10-27', '16:59'))).toBe(true);
    expect(isBusinessTime(office, at('2026-10-27', '17:00'))).toBe(false);
    expect(isBusinessTime(office, at('2026-10-28', '10:00'))).toBe(false); // holiday
    expect(isBusinessTime(calendar24x7(), at('2026-10-28', '03:00'))).toBe(true);
  });
});
