export {
  addDays,
  compareIsoDates,
  daysInclusive,
  daysInMonth,
  formatIsoDate,
  fromEpochDay,
  isIsoDate,
  isoDateProblem,
  isLeapYear,
  isoWeekday,
  maxDate,
  minDate,
  parseIsoDate,
  toEpochDay,
  tryParseIsoDate,
  MAX_YEAR,
  MIN_YEAR,
} from './dates.ts';
export type { CivilDate, IsoDate } from './dates.ts';
export { easterSunday } from './easter.ts';
export { holidayCalendar, isPublicHoliday, publicHolidays, SUPPORTED_COUNTRIES } from './holidays.ts';
export type { CountryCode, HolidayCalendar, PublicHoliday } from './holidays.ts';
export { localDateTime, providerDate, PROVIDER_TIME_ZONE } from './provider-time.ts';
