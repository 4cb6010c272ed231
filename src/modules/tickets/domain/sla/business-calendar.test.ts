import { describe, expect, it } from 'vitest';
import {
  calendar24x7,
  compileCalendar,
  officeHoursCalendar,
  validateBusinessCalendar,
  type BusinessCalendar,
} from './business-calendar.ts';
import { toEpochDay } from '../../../../shared/calendar/index.ts';
import { localDateTime, MS_PER_HOUR } from './time-zone.ts';

const PRAGUE = 'Europe/Prague';
const hoursOf = (calendar: BusinessCalendar, date: string): string[] => {
  const { intervals } = compileCalendar(calendar).dayHours(toEpochDay(date));
  const out: string[] = [];
  for (let i = 0; i < intervals.length; i += 2) {
    out.push(`${localDateTime(PRAGUE, intervals[i]!).time}-${localDateTime(PRAGUE, intervals[i + 1]!).time}`);
  }
  return out;
};

describe('validateBusinessCalendar', () => {
  it('accepts the presets', () => {
    expect(validateBusinessCalendar(officeHoursCalendar())).toEqual([]);
    expect(validateBusinessCalendar(calendar24x7())).toEqual([]);
  });

  it('names every problem with its path', () => {
    const problems = validateBusinessCalendar({
      timeZone: 'Europe/Atlantis',
      weekly: {
        1: [{ start: '08:00', end: '07:00' }],
        2: [{ start: '8:00', end: '17:00' }],
        3: [
          { start: '08:00', end: '12:00' },
          { start: '11:00', end: '17:00' },
        ],
        ...({ 8: [] } as object),
      },
      holidayCountries: ['CZ', 'AT' as 'CZ'],
      extraDaysOff: ['2026-02-30'],
      extraWorkingDays: [{ date: '2026-12-24', hours: [{ start: '08:00', end: '24:01' }] }],
    });
    expect(problems.map((p) => `${p.path}:${p.code}`).sort()).toEqual([
      'extraDaysOff.0:invalid_date',
      'extraWorkingDays.0.hours.0:invalid_time',
      'holidayCountries.1:unsupported_country',
      'timeZone:invalid_time_zone',
      'weekly.1.0:empty_window',
      'weekly.2.0:invalid_time',
      'weekly.3:overlapping_windows',
      'weekly.8:invalid_weekday',
    ]);
  });

  it('refuses a calendar that is never open, and a date both off and worked', () => {
    const codes = validateBusinessCalendar({
      timeZone: PRAGUE,
      weekly: { 6: [] },
      holidayCountries: [],
      extraDaysOff: ['2026-12-24'],
      extraWorkingDays: [{ date: '2026-12-24', hours: [{ start: '08:00', end: '12:00' }] }],
    }).map((p) => p.code);
    expect(codes.sort()).toEqual(['duplicate_date', 'never_open']);
  });

  it('compileCalendar throws RangeError on an invalid calendar', () => {
    expect(() => compileCalendar({ ...officeHoursCalendar(), timeZone: 'Nowhere' })).toThrow(/invalid business calendar: timeZone/);
  });
});

describe('compiled day hours', () => {
  const lunch: BusinessCalendar = {
    timeZone: PRAGUE,
    weekly: {
      1: [
        { start: '12:30', end: '17:00' }, // given out of order on purpose
        { start: '08:00', end: '12:00' },
      ],
      6: [{ start: '09:00', end: '12:00' }],
    },
    holidayCountries: ['CZ', 'SK'],
    extraDaysOff: ['2026-11-02'],
    extraWorkingDays: [{ date: '2026-04-06', hours: [{ start: '10:00', end: '14:00' }] }],
  };

  it('reads the weekly hours per weekday and sorts them', () => {
    expect(hoursOf(lunch, '2026-10-26')).toEqual(['08:00-12:00', '12:30-17:00']); // Monday
    expect(hoursOf(lunch, '2026-10-27')).toEqual([]); // Tuesday: closed
    expect(hoursOf(lunch, '2026-10-31')).toEqual(['09:00-12:00']); // Saturday
  });

  it('closes public holidays of every listed country and the extra days off', () => {
    expect(hoursOf(lunch, '2026-09-28')).toEqual([]); // Monday, CZ Statehood Day
    expect(hoursOf(lunch, '2026-08-29')).toEqual([]); // Saturday, SK National Uprising
    expect(hoursOf(lunch, '2026-11-02')).toEqual([]); // Monday, extra day off
    expect(hoursOf(officeHoursCalendar(), '2026-08-31')).toEqual(['08:00-17:00']); // a plain Monday
  });

  it('an override wins over a holiday (Easter Monday 2026 worked 10–14)', () => {
    expect(hoursOf(lunch, '2026-04-06')).toEqual(['10:00-14:00']);
  });

  it('a 24×7 Prague day is 23 h in March and 25 h in October', () => {
    const compiled = compileCalendar(calendar24x7());
    expect(compiled.alwaysOpen).toBe(true);
    expect(compiled.dayHours(toEpochDay('2026-03-29')).total).toBe(23 * MS_PER_HOUR);
    expect(compiled.dayHours(toEpochDay('2026-10-25')).total).toBe(25 * MS_PER_HOUR);
    expect(compiled.dayHours(toEpochDay('2026-10-26')).total).toBe(24 * MS_PER_HOUR);
  });

  it('windows in the spring gap shrink to what the wall clock shows; the autumn hour counts twice', () => {
    const night: BusinessCalendar = {
      timeZone: PRAGUE,
      weekly: { 7: [{ start: '01:00', end: '02:30' }, { start: '02:45', end: '04:00' }] },
      holidayCountries: [],
      extraDaysOff: [],
    };
    const compiled = compileCalendar(night);
    // 29 Mar: the wall clock reads 01:00–01:59 CET then 03:00–03:59 CEST: 1 h in each window.
    expect(compiled.dayHours(toEpochDay('2026-03-29')).total).toBe(2 * MS_PER_HOUR);
    // 25 Oct: 01:00 CEST–02:30 CEST (earlier reading) is 1.5 h; 02:45 CEST–04:00 CET is 2.25 h.
    expect(compiled.dayHours(toEpochDay('2026-10-25')).total).toBe(3.75 * MS_PER_HOUR);
    // An ordinary Sunday: 1.5 h + 1.25 h.
    expect(compiled.dayHours(toEpochDay('2026-11-01')).total).toBe(2.75 * MS_PER_HOUR);
  });

  it('memoises by object and by content', () => {
    const a = officeHoursCalendar();
    expect(compileCalendar(a)).toBe(compileCalendar(a));
    expect(compileCalendar(officeHoursCalendar())).toBe(compileCalendar(a));
    expect(compileCalendar(officeHoursCalendar({ end: '16:00' }))).not.toBe(compileCalendar(a));
  });
});
