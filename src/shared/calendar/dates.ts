/**
 * Plain local calendar dates as ISO strings 'YYYY-MM-DD'. They carry no time
 * zone, so all arithmetic is done on a day count (days since 1970-01-01) with
 * integer civil-calendar formulas instead of `Date`, which would drift with the
 * process's zone and DST. Years 1583–9999 (proleptic Gregorian, 4 digits, so
 * ISO strings also compare correctly as plain strings).
 */
import { quotedInput } from '../text.ts';

export type IsoDate = string;

export interface CivilDate {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number; // 1..31
}

export const MIN_YEAR = 1583;
export const MAX_YEAR = 9999;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  const days = MONTH_DAYS[month - 1];
  if (days === undefined) throw new RangeError(`month out of range: ${month}`);
  return days;
}

function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** Parses 'YYYY-MM-DD' into its parts, or returns null when malformed or impossible. */
export function tryParseIsoDate(text: string): CivilDate | null {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function parseIsoDate(text: string): CivilDate {
  const date = tryParseIsoDate(text);
  if (date === null) throw new RangeError(`'${text}' is not a valid date YYYY-MM-DD`);
  return date;
}

export function isIsoDate(text: string): boolean {
  return tryParseIsoDate(text) !== null;
}

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Why the text is not a calendar date 'YYYY-MM-DD', in words for whoever sent it
 * ("2026-02-30 is not a calendar date: 2026-02 has 28 days"), or null when it is one.
 * The one wording of a bad date, wherever a date is taken.
 */
export function isoDateProblem(text: string): string | null {
  if (tryParseIsoDate(text) !== null) return null;
  const shape = DATE_SHAPE.exec(text);
  if (shape === null) return `${quotedInput(text)} is not a date: write it YYYY-MM-DD, e.g. 2026-10-05`;
  const [, yyyy = '', mm = '', dd = ''] = shape;
  const year = Number(yyyy);
  const month = Number(mm);
  if (year < MIN_YEAR) return `${text} is not a calendar date: the year must be ${MIN_YEAR} or later`;
  if (month < 1 || month > 12) return `${text} is not a calendar date: there is no month ${mm}`;
  if (Number(dd) < 1) return `${text} is not a calendar date: there is no day ${dd}`;
  return `${text} is not a calendar date: ${yyyy}-${mm} has ${daysInMonth(year, month)} days`;
}

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) {
    throw new RangeError(`date out of range: ${year}-${month}-${day}`);
  }
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`day out of range: ${year}-${month}-${day}`);
  }
  const mm = month < 10 ? `0${month}` : `${month}`;
  const dd = day < 10 ? `0${day}` : `${day}`;
  return `${year}-${mm}-${dd}`;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
function civilToEpochDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function toEpochDay(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return civilToEpochDay(year, month, day);
}

/** Inverse of toEpochDay (H. Hinnant's civil_from_days). */
export function fromEpochDay(epochDay: number): IsoDate {
  if (!Number.isSafeInteger(epochDay)) throw new RangeError(`invalid day number ${epochDay}`);
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return formatIsoDate(year, month, day);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** ISO weekday: Monday = 1 … Sunday = 7. */
export function isoWeekday(date: IsoDate): number {
  const epochDay = toEpochDay(date);
  return ((((epochDay + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday
}

/** Number of days from `from` to `to`, both included (0 when to < from). */
export function daysInclusive(from: IsoDate, to: IsoDate): number {
  return Math.max(0, toEpochDay(to) - toEpochDay(from) + 1);
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}
