import { describe, it, expect } from 'vitest';
import { holidayCalendar } from '../../../shared/calendar/index.ts';
import { DEFAULT_BUSINESS_HOURS } from './price-list.ts';
import { dayKind, timeClass } from './time-class.ts';

const cz = holidayCalendar('CZ');
const at = (date: string, time: string) => ({ date, time });

describe('timeClass', () => {
  it('is normal inside Mon–Fri 08:00–17:00', () => {
    expect(timeClass(at('2026-10-05', '09:00'), DEFAULT_BUSINESS_HOURS, cz)).toBe('normal');
    expect(timeClass(at('2026-10-05', '08:00'), DEFAULT_BUSINESS_HOURS, cz)).toBe('normal');
    expect(timeClass(at('2026-10-09', '16:59'), DEFAULT_BUSINESS_HOURS, cz)).toBe('normal');
  });

  it('is out of hours before 08:00 and from 17:00 on workdays', () => {
    expect(timeClass(at('2026-10-12', '18:30'), DEFAULT_BUSINESS_HOURS, cz)).toBe('out_of_hours');
    expect(timeClass(at('2026-10-12', '17:00'), DEFAULT_BUSINESS_HOURS, cz)).toBe('out_of_hours');
    expect(timeClass(at('2026-10-12', '07:59'), DEFAULT_BUSINESS_HOURS, cz)).toBe('out_of_hours');
    expect(timeClass(at('2026-10-12', '00:00'), DEFAULT_BUSINESS_HOURS, cz)).toBe('out_of_hours');
  });

  it('is weekend_holiday on weekends and public holidays, whatever the hour', () => {
    expect(timeClass(at('2026-10-10', '10:00'), DEFAULT_BUSINESS_HOURS, cz)).toBe('weekend_holiday'); // Saturday
    expect(timeClass(at('2026-10-11', '22:00'), DEFAULT_BUSINESS_HOURS, cz)).toBe('weekend_holiday'); // Sunday
    expect(timeClass(at('2026-10-28', '10:00'), DEFAULT_BUSINESS_HOURS, cz)).toBe('weekend_holiday'); // Wed, holiday
    expect(timeClass(at('2026-04-03', '10:00'), DEFAULT_BUSINESS_HOURS, cz)).toBe('weekend_holiday'); // Good Friday
  });

  it('is normal without a start time', () => {
    expect(timeClass(null, DEFAULT_BUSINESS_HOURS, cz)).toBe('normal');
  });

  it('follows custom business hours, holidays still first', () => {
    const sixDays = { weekdays: [1, 2, 3, 4, 5, 6], start: '07:00', end: '24:00' };
    expect(timeClass(at('2026-10-10', '23:30'), sixDays, cz)).toBe('normal'); // Saturday is a business day
    expect(timeClass(at('2026-10-11', '10:00'), sixDays, cz)).toBe('weekend_holiday');
    expect(timeClass(at('2026-10-12', '06:59'), sixDays, cz)).toBe('out_of_hours');
    expect(timeClass(at('2026-10-28', '10:00'), sixDays, cz)).toBe('weekend_holiday');
    expect(timeClass(at('2026-10-28', '10:00'), sixDays, () => false)).toBe('normal');
  });

  it('rejects malformed starts and business hours', () => {
    expect(() => timeClass(at('2026-10-32', '10:00'), DEFAULT_BUSINESS_HOURS, cz)).toThrow(RangeError);
    expect(() => timeClass(at('2026-10-12', '9:00'), DEFAULT_BUSINESS_HOURS, cz)).toThrow(RangeError);
    expect(() => timeClass(null, { weekdays: [1], start: '17:00', end: '08:00' }, cz)).toThrow(RangeError);
    expect(() => timeClass(null, { weekdays: [8], start: '08:00', end: '17:00' }, cz)).toThrow(RangeError);
  });
});

describe('dayKind', () => {
  it('names what a day is for work started on it: business day, outside the business days, public holiday', () => {
    expect(dayKind('2026-10-30', DEFAULT_BUSINESS_HOURS, cz)).toBe('business_day'); // Friday
    expect(dayKind('2026-10-31', DEFAULT_BUSINESS_HOURS, cz)).toBe('non_business_day'); // Saturday
    expect(dayKind('2026-10-28', DEFAULT_BUSINESS_HOURS, cz)).toBe('holiday'); // Wednesday, a holiday
    expect(dayKind('2026-12-26', DEFAULT_BUSINESS_HOURS, cz)).toBe('holiday'); // a Saturday and a holiday: the holiday
    const sixDays = { weekdays: [1, 2, 3, 4, 5, 6], start: '07:00', end: '24:00' };
    expect(dayKind('2026-10-31', sixDays, cz)).toBe('business_day');
    expect(() => dayKind('2026-10-32', DEFAULT_BUSINESS_HOURS, cz)).toThrow(RangeError);
  });

  it('agrees with the time class of work started on the day', () => {
    for (let day = 1; day <= 31; day++) {
      const date = `2026-12-${String(day).padStart(2, '0')}`;
      const kind = dayKind(date, DEFAULT_BUSINESS_HOURS, cz);
      expect(timeClass(at(date, '10:00'), DEFAULT_BUSINESS_HOURS, cz) === 'weekend_holiday', date).toBe(kind !== 'business_day');
    }
  });
});
