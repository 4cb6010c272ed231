/**
 * Business-hours calendars: weekly opening hours in a time zone, minus public
 * holidays (shared/calendar) and the company's own days off, plus optional
 * per-date overrides. A calendar is compiled once into per-day opening intervals
 * in UTC ms, memoised, so the SLA arithmetic in business-time.ts never touches
 * Intl or strings on its hot path.
 */
import { invalidDate, problemsOf } from '../../../../shared/date-details.ts';
import type { ErrorDetail } from '../../../../shared/errors.ts';
import {
  fromEpochDay,
  isPublicHoliday,
  toEpochDay,
  SUPPORTED_COUNTRIES,
  type CountryCode,
  type IsoDate,
} from '../../../../shared/calendar/index.ts';
import { tryMinuteOfDay, MINUTES_PER_DAY, type TimeOfDay } from '../../../../shared/minutes.ts';
import { isValidTimeZone, localMsToUtc, MS_PER_DAY, MS_PER_MINUTE } from './time-zone.ts';

/** ISO weekday, Monday = 1 … Sunday = 7. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Opening hours of one stretch of a day, local time; `end` may be '24:00'. */
export interface TimeWindow {
  readonly start: TimeOfDay;
  readonly end: TimeOfDay;
}

/** A date with its own hours instead of the weekly ones (a worked Saturday, a short Christmas Eve). */
export interface WorkingDayOverride {
  readonly date: IsoDate;
  readonly hours: readonly TimeWindow[];
}

export interface BusinessCalendar {
  /** IANA zone the hours are read in, e.g. 'Europe/Prague'. */
  readonly timeZone: string;
  /** Opening hours per ISO weekday; a missing or empty day is closed. */
  readonly weekly: Readonly<Partial<Record<Weekday, readonly TimeWindow[]>>>;
  /** Whose public holidays are closed (both, for a company serving CZ and SK). */
  readonly holidayCountries: readonly CountryCode[];
  /** The company's own closed dates (e.g. a company-wide day off). */
  readonly extraDaysOff: readonly IsoDate[];
  /** Dates with their own hours; they win over holidays, days off and the weekly hours. */
  readonly extraWorkingDays?: readonly WorkingDayOverride[];
}

export const DEFAULT_TIME_ZONE = 'Europe/Prague';

const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/** Monday–Friday office hours with the country's public holidays closed. */
export function officeHoursCalendar(
  options: { start?: TimeOfDay; end?: TimeOfDay; timeZone?: string; holidayCountries?: readonly CountryCode[] } = {},
): BusinessCalendar {
  const day = [{ start: options.start ?? '08:00', end: options.end ?? '17:00' }];
  return {
    timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
    weekly: { 1: day, 2: day, 3: day, 4: day, 5: day },
    holidayCountries: options.holidayCountries ?? ['CZ'],
    extraDaysOff: [],
  };
}

/** Always open: business time equals real time (P1 contracts, monitoring). */
export function calendar24x7(timeZone: string = DEFAULT_TIME_ZONE): BusinessCalendar {
  const day = [{ start: '00:00', end: '24:00' }];
  return {
    timeZone,
    weekly: { 1: day, 2: day, 3: day, 4: day, 5: day, 6: day, 7: day },
    holidayCountries: [],
    extraDaysOff: [],
  };
}

export const CALENDAR_24X7: BusinessCalendar = calendar24x7();

function windowProblems(windows: unknown, path: string): ErrorDetail[] {
  if (!Array.isArray(windows)) return [{ path, code: 'invalid_hours', message: 'opening hours must be a list of {start, end}' }];
  const problems: ErrorDetail[] = [];
  const parsed: Array<[number, number]> = [];
  windows.forEach((window: Partial<TimeWindow> | null, i) => {
    const start = tryMinuteOfDay(String(window?.start ?? ''));
    const end = tryMinuteOfDay(String(window?.end ?? ''), true);
    if (start < 0 || end < 0) {
      problems.push({ path: `${path}.${i}`, code: 'invalid_time', message: 'times must be HH:MM (end may be 24:00)' });
    } else if (end <= start) {
      problems.push({ path: `${path}.${i}`, code: 'empty_window', message: 'end must be after start' });
    } else {
      parsed.push([start, end]);
    }
  });
  parsed.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < parsed.length; i++) {
    if (parsed[i]![0] < parsed[i - 1]![1]) {
      problems.push({ path, code: 'overlapping_windows', message: 'opening hours of one day must not overlap' });
      break;
    }
  }
  return problems;
}

/** Everything wrong with a calendar an administrator configured; empty when valid. */
export function validateBusinessCalendar(calendar: BusinessCalendar): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (!isValidTimeZone(calendar.timeZone)) {
    problems.push({ path: 'timeZone', code: 'invalid_time_zone', message: `unknown time zone '${String(calendar.timeZone)}'` });
  }
  const weekly = (calendar.weekly ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(weekly)) {
    if (!WEEKDAYS.includes(Number(key) as Weekday)) {
      problems.push({ path: `weekly.${key}`, code: 'invalid_weekday', message: 'weekdays are 1 (Monday) … 7 (Sunday)' });
    } else {
      problems.push(...windowProblems(weekly[key], `weekly.${key}`));
    }
  }
  (calendar.holidayCountries ?? []).forEach((country, i) => {
    if (!SUPPORTED_COUNTRIES.includes(country)) {
      problems.push({ path: `holidayCountries.${i}`, code: 'unsupported_country', message: `no holidays known for '${String(country)}'` });
    }
  });
  (calendar.extraDaysOff ?? []).forEach((date, i) => {
    problems.push(...problemsOf(invalidDate(`extraDaysOff.${i}`, String(date))));
  });
  const seen = new Set<string>(calendar.extraDaysOff ?? []);
  (calendar.extraWorkingDays ?? []).forEach((override, i) => {
    const notADate = invalidDate(`extraWorkingDays.${i}.date`, String(override?.date));
    if (notADate !== null) {
      problems.push(notADate);
    } else if (seen.has(override.date)) {
      problems.push({ path: `extraWorkingDays.${i}.date`, code: 'duplicate_date', message: `${override.date} is listed twice (or is also a day off)` });
    }
    seen.add(override?.date);
    problems.push(...windowProblems(override?.hours, `extraWorkingDays.${i}.hours`));
  });
  const anyHours = WEEKDAYS.some((day) => (calendar.weekly?.[day]?.length ?? 0) > 0);
  if (!anyHours) problems.push({ path: 'weekly', code: 'never_open', message: 'at least one weekday needs opening hours' });
  return problems;
}

/** One local day's opening intervals as UTC ms pairs [open, close, open, close, …]. */
export interface DayHours {
  readonly intervals: readonly number[];
  /** Sum of the intervals, ms. */
  readonly total: number;
}

/** A calendar prepared for arithmetic; build with compileCalendar(). */
export interface CompiledCalendar {
  readonly timeZone: string;
  /** Open around the clock every day: business time is real time. */
  readonly alwaysOpen: boolean;
  dayHours(epochDay: number): DayHours;
  /** Business ms of the ISO week starting on a Monday (`mondayEpochDay`). */
  weekTotal(mondayEpochDay: number): number;
}

const toMinutePairs = (windows: readonly TimeWindow[] | undefined): number[] =>
  (windows ?? [])
    .map((w): [number, number] => [tryMinuteOfDay(w.start), tryMinuteOfDay(w.end, true)])
    .sort((a, b) => a[0] - b[0])
    .flat();

// Bounded memo sizes: ~27 years of days; cleared wholesale (cheap to refill).
const MAX_CACHED_DAYS = 10_000;

function build(calendar: BusinessCalendar): CompiledCalendar {
  const problems = validateBusinessCalendar(calendar);
  if (problems.length > 0) {
    throw new RangeError(`invalid business calendar: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  }
  const { timeZone, holidayCountries } = calendar;
  const weekly = WEEKDAYS.map((day) => toMinutePairs(calendar.weekly[day]));
  const overrides = new Map((calendar.extraWorkingDays ?? []).map((o) => [toEpochDay(o.date), toMinutePairs(o.hours)]));
  const daysOff = new Set(calendar.extraDaysOff.map(toEpochDay));
  const alwaysOpen =
    overrides.size === 0 &&
    daysOff.size === 0 &&
    holidayCountries.length === 0 &&
    weekly.every((pairs) => pairs.length === 2 && pairs[0] === 0 && pairs[1] === MINUTES_PER_DAY);

  const days = new Map<number, DayHours>();
  const weeks = new Map<number, number>();

  function localMinutes(epochDay: number): readonly number[] {
    const override = overrides.get(epochDay);
    if (override !== undefined) return override;
    const pairs = weekly[(((epochDay + 3) % 7) + 7) % 7]!; // 1970-01-01 was a Thursday; index 0 = Monday
    if (pairs.length === 0 || daysOff.has(epochDay)) return [];
    const date = fromEpochDay(epochDay);
    return holidayCountries.some((country) => isPublicHoliday(country, date)) ? [] : pairs;
  }

  function computeDay(epochDay: number): DayHours {
    const minutes = localMinutes(epochDay);
    const intervals: number[] = [];
    let total = 0;
    let last = -Infinity;
    for (let i = 0; i < minutes.length; i += 2) {
      const base = epochDay * MS_PER_DAY;
      // Clamp against the previous window: a DST gap can fold two windows together.
      const open = Math.max(last, localMsToUtc(timeZone, base + minutes[i]! * MS_PER_MINUTE));
      const close = localMsToUtc(timeZone, base + minutes[i + 1]! * MS_PER_MINUTE);
      if (close <= open) continue;
      if (open === last) intervals[intervals.length - 1] = close; // touching: merge
      else intervals.push(open, close);
      total += close - open;
      last = close;
    }
    return { intervals, total };
  }

  function dayHours(epochDay: number): DayHours {
    let day = days.get(epochDay);
    if (day === undefined) {
      if (days.size >= MAX_CACHED_DAYS) days.clear();
      day = computeDay(epochDay);
      days.set(epochDay, day);
    }
    return day;
  }

  function weekTotal(monday: number): number {
    let total = weeks.get(monday);
    if (total === undefined) {
      total = 0;
      for (let d = 0; d < 7; d++) total += dayHours(monday + d).total;
      if (weeks.size >= MAX_CACHED_DAYS) weeks.clear();
      weeks.set(monday, total);
    }
    return total;
  }

  return { timeZone, alwaysOpen, dayHours, weekTotal };
}

// Calendars usually live as long as the policy that holds them (WeakMap hit), but a
// service may rebuild equal calendars from rows on every request: the fingerprint
// memo keeps those from recompiling and re-asking Intl.
const byObject = new WeakMap<BusinessCalendar, CompiledCalendar>();
const byFingerprint = new Map<string, CompiledCalendar>();
const MAX_FINGERPRINTS = 256;

/** The compiled form of a calendar, memoised. Throws RangeError when the calendar is invalid. */
export function compileCalendar(calendar: BusinessCalendar): CompiledCalendar {
  let compiled = byObject.get(calendar);
  if (compiled !== undefined) return compiled;
  const fingerprint = JSON.stringify([
    calendar.timeZone,
    WEEKDAYS.map((day) => calendar.weekly[day] ?? []),
    calendar.holidayCountries,
    calendar.extraDaysOff,
    calendar.extraWorkingDays ?? [],
  ]);
  compiled = byFingerprint.get(fingerprint);
  if (compiled === undefined) {
    compiled = build(calendar);
    if (byFingerprint.size >= MAX_FINGERPRINTS) byFingerprint.clear();
    byFingerprint.set(fingerprint, compiled);
  }
  byObject.set(calendar, compiled);
  return compiled;
}
