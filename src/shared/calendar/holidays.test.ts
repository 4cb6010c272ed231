import { describe, it, expect } from 'vitest';
import { holidayCalendar, isPublicHoliday, publicHolidays } from './holidays.ts';

const datesOf = (country: 'CZ' | 'SK', year: number) => publicHolidays(country, year).map((h) => h.date);

describe('public holidays', () => {
  it('28 Oct 2026 (a Wednesday) is a Czech public holiday', () => {
    expect(isPublicHoliday('CZ', '2026-10-28')).toBe(true);
    expect(isPublicHoliday('CZ', '2026-10-27')).toBe(false);
    expect(isPublicHoliday('SK', '2026-10-28')).toBe(false);
  });

  it('lists the 13 Czech holidays of 2026 in order, Easter included', () => {
    expect(datesOf('CZ', 2026)).toEqual([
      '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-08', '2026-07-05', '2026-07-06',
      '2026-09-28', '2026-10-28', '2026-11-17', '2026-12-24', '2026-12-25', '2026-12-26',
    ]);
    const goodFriday = publicHolidays('CZ', 2026).find((h) => h.code === 'good_friday');
    expect(goodFriday).toEqual({ date: '2026-04-03', code: 'good_friday', name: 'Good Friday' });
  });

  it('has Czech Good Friday only from 2016', () => {
    expect(isPublicHoliday('CZ', '2015-04-03')).toBe(false); // Good Friday 2015
    expect(isPublicHoliday('CZ', '2015-04-06')).toBe(true); // Easter Monday 2015
    expect(isPublicHoliday('CZ', '2016-03-25')).toBe(true);
  });

  it('follows the Slovak changes of law', () => {
    expect(isPublicHoliday('SK', '2023-09-01')).toBe(true);
    expect(isPublicHoliday('SK', '2025-09-01')).toBe(false); // not a day of rest from 2024
    expect(isPublicHoliday('SK', '2024-11-17')).toBe(true);
    expect(isPublicHoliday('SK', '2025-11-17')).toBe(false); // not a day of rest from 2025
    expect(isPublicHoliday('SK', '2026-05-08')).toBe(false); // suspended for 2026 only
    expect(isPublicHoliday('SK', '2027-05-08')).toBe(true);
    expect(isPublicHoliday('SK', '2026-09-15')).toBe(false);
    expect(isPublicHoliday('SK', '2026-01-06')).toBe(true);
    expect(isPublicHoliday('SK', '2026-04-03')).toBe(true); // Good Friday
    expect(isPublicHoliday('SK', '2026-04-06')).toBe(true); // Easter Monday
    expect(datesOf('SK', 2027)).toHaveLength(13);
  });

  it('rejects invalid dates and years instead of answering false', () => {
    expect(() => isPublicHoliday('CZ', '2026-02-30')).toThrow(RangeError);
    expect(() => publicHolidays('CZ', 1200)).toThrow(RangeError);
    expect(() => holidayCalendar('DE' as 'CZ')).toThrow(RangeError);
  });

  it('gives a calendar function for pricing', () => {
    const cz = holidayCalendar('CZ');
    expect(cz('2026-12-24')).toBe(true);
    expect(cz('2026-12-23')).toBe(false);
  });
});
