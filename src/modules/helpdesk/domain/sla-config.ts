/**
 * Business calendars, SLA policies and the priority matrix as configured.
 *
 * The shapes are those of the SLA core (tickets/domain/sla), which computes
 * with them; the checks here mirror its validators with the same codes and
 * paths. They are not imported from there because the tickets module imports
 * this one (its processes and policies), and modules may not import in a cycle.
 */
import { invalidDate, problemsOf } from '../../../shared/date-details.ts';
import type { ErrorDetail } from '../../../shared/errors.ts';
import { tryMinuteOfDay } from '../../../shared/minutes.ts';

export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type WeekdayKey = (typeof WEEKDAYS)[number];
export const HOLIDAY_COUNTRIES = ['CZ', 'SK'] as const;
export type HolidayCountry = (typeof HOLIDAY_COUNTRIES)[number];

export interface TimeWindow {
  start: string;
  end: string;
}

/** A business calendar; `weekly` keys are ISO weekdays, Monday = 1. */
export interface CalendarConfig {
  timeZone: string;
  weekly: Record<WeekdayKey, TimeWindow[]>;
  holidayCountries: HolidayCountry[];
  extraDaysOff: string[];
}

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const LEVELS = ['high', 'medium', 'low'] as const;
export type Level = (typeof LEVELS)[number];

export interface PriorityTargets {
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
}
export type SlaTargets = Record<Priority, PriorityTargets>;

/** matrix[impact][urgency] → priority. */
export type PriorityMatrix = Record<Level, Record<Level, Priority>>;

export const DEFAULT_PRIORITY_MATRIX: PriorityMatrix = {
  high: { high: 'P1', medium: 'P2', low: 'P3' },
  medium: { high: 'P2', medium: 'P3', low: 'P4' },
  low: { high: 'P3', medium: 'P4', low: 'P4' },
};

/** Whether the runtime (Intl) knows the IANA zone. */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function windowProblems(windows: readonly TimeWindow[], path: string): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const parsed: Array<[number, number]> = [];
  windows.forEach((w, i) => {
    const start = tryMinuteOfDay(w.start);
    const end = tryMinuteOfDay(w.end, true);
    if (start < 0 || end < 0) problems.push({ path: `${path}.${i}`, code: 'invalid_time', message: 'Times must be HH:MM (end may be 24:00)' });
    else if (end <= start) problems.push({ path: `${path}.${i}`, code: 'empty_window', message: 'The end must be after the start' });
    else parsed.push([start, end]);
  });
  parsed.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < parsed.length; i++) {
    if (parsed[i]![0] < parsed[i - 1]![1]) {
      problems.push({ path, code: 'overlapping_windows', message: 'Opening hours of one day must not overlap' });
      break;
    }
  }
  return problems;
}

/** Everything wrong with a calendar; empty when valid. */
export function calendarProblems(calendar: CalendarConfig): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (!isValidTimeZone(calendar.timeZone)) {
    problems.push({ path: 'timeZone', code: 'invalid_time_zone', message: `Unknown time zone "${calendar.timeZone}"` });
  }
  for (const day of WEEKDAYS) problems.push(...windowProblems(calendar.weekly[day], `weekly.${day}`));
  if (WEEKDAYS.every((day) => calendar.weekly[day].length === 0)) {
    problems.push({ path: 'weekly', code: 'never_open', message: 'At least one weekday needs opening hours' });
  }
  const countries = new Set<string>();
  calendar.holidayCountries.forEach((country, i) => {
    if (countries.has(country)) problems.push({ path: `holidayCountries.${i}`, code: 'duplicate', message: `${country} is listed twice` });
    countries.add(country);
  });
  calendar.extraDaysOff.forEach((date, i) => {
    problems.push(...problemsOf(invalidDate(`extraDaysOff.${i}`, date)));
  });
  return problems;
}

/** Days off sorted and once each; weekly windows sorted by start. */
export function normalizeCalendar<T extends CalendarConfig>(calendar: T): T {
  const weekly = Object.fromEntries(
    WEEKDAYS.map((day) => [day, [...calendar.weekly[day]].sort((a, b) => a.start.localeCompare(b.start))]),
  ) as Record<WeekdayKey, TimeWindow[]>;
  return { ...calendar, weekly, extraDaysOff: [...new Set(calendar.extraDaysOff)].sort() };
}

/** Problems of SLA targets beyond their shape: a first response cannot be due after the resolution. */
export function targetProblems(targets: SlaTargets): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  for (const priority of PRIORITIES) {
    const { firstResponseMinutes: first, resolutionMinutes: resolution } = targets[priority];
    if (first !== null && resolution !== null && first > resolution) {
      problems.push({
        path: `targets.${priority}.firstResponseMinutes`,
        code: 'first_response_after_resolution',
        message: 'The first response target cannot be longer than the resolution target',
      });
    }
  }
  return problems;
}

const rank = (p: Priority): number => PRIORITIES.indexOf(p);

/**
 * Problems of a complete matrix: raising impact or urgency may never lower the
 * priority (a matrix that does is a typo that gives a worse SLA to a worse case).
 */
export function priorityMatrixProblems(matrix: PriorityMatrix): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  LEVELS.forEach((impact, i) => {
    LEVELS.forEach((urgency, j) => {
      const here = rank(matrix[impact][urgency]);
      const path = `${impact}.${urgency}`;
      if (i > 0 && here < rank(matrix[LEVELS[i - 1]!][urgency])) {
        problems.push({ path, code: 'not_monotonic', message: `Lower impact gives a higher priority than ${LEVELS[i - 1]} impact` });
      }
      if (j > 0 && here < rank(matrix[impact][LEVELS[j - 1]!])) {
        problems.push({ path, code: 'not_monotonic', message: `Lower urgency gives a higher priority than ${LEVELS[j - 1]} urgency` });
      }
    });
  });
  return problems;
}

/** Prefix of ticket numbers (T2026-000123): up to five capital letters, as tickets' numbering parses them. */
export const TICKET_NUMBER_PREFIX = /^[A-Z]{0,5}$/;
