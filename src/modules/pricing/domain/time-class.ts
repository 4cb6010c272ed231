/**
 * The time class of a work entry (BILLING.md §2): taken from its local start
 * against the price list's business hours and the provider's public holidays.
 * Only the start counts; an entry running past 17:00 stays `normal` — the rule
 * prices whole entries, it does not split them.
 */
import { isoWeekday, type HolidayCalendar, type IsoDate } from '../../../shared/calendar/index.ts';
import { tryMinuteOfDay, type TimeOfDay } from '../../../shared/minutes.ts';
import { compileBusinessHours, type BusinessHours, type CompiledBusinessHours, type TimeClass } from './price-list.ts';

/** A plain local date and time as the technician recorded it; no time zone. */
export interface LocalDateTime {
  readonly date: IsoDate;
  readonly time: TimeOfDay;
}

/** Hot-path form: business hours already compiled. */
export function timeClassCompiled(
  start: LocalDateTime | null,
  hours: CompiledBusinessHours,
  isHoliday: HolidayCalendar,
): TimeClass {
  if (start === null) return 'normal'; // no start time: normal, by rule
  const minute = tryMinuteOfDay(start.time);
  if (minute < 0) throw new RangeError(`'${start.time}' is not a time of day HH:MM`);
  if (dayKindCompiled(start.date, hours, isHoliday) !== 'business_day') return 'weekend_holiday';
  return minute >= hours.startMinute && minute < hours.endMinute ? 'normal' : 'out_of_hours';
}

/**
 * What a date is for the time class of work started on it: a business day of the
 * list's hours, a day outside them (by default Saturday and Sunday), or a public
 * holiday. Work started on either of the last two is weekend_holiday — but only when
 * it has a start time; without one it is normal (see timeClassCompiled).
 */
export type DayKind = 'business_day' | 'non_business_day' | 'holiday';

export function dayKindCompiled(date: IsoDate, hours: CompiledBusinessHours, isHoliday: HolidayCalendar): DayKind {
  const weekday = isoWeekday(date); // also validates the date
  // A public holiday outranks business hours, even if the day is normally worked.
  if (isHoliday(date)) return 'holiday';
  return (hours.weekdayMask & (1 << weekday)) === 0 ? 'non_business_day' : 'business_day';
}

export function dayKind(date: IsoDate, businessHours: BusinessHours, holidays: HolidayCalendar): DayKind {
  return dayKindCompiled(date, compileBusinessHours(businessHours), holidays);
}

/**
 * 'normal' | 'out_of_hours' | 'weekend_holiday'. A day that is not a business
 * day (by default Saturday and Sunday) counts as weekend; the start minute is
 * inside business hours when start ≤ minute < end.
 */
export function timeClass(start: LocalDateTime | null, businessHours: BusinessHours, holidays: HolidayCalendar): TimeClass {
  return timeClassCompiled(start, compileBusinessHours(businessHours), holidays);
}
