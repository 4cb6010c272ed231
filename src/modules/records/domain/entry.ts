/**
 * Checks of one service record's time and quantities (pure): what a technician
 * may enter, before anything is priced. Every problem names its field, so the
 * API answers a clear 400 and nothing is stored.
 */
import type { ErrorDetail } from '../../../shared/errors.ts';
import { addDays, type IsoDate } from '../../../shared/calendar/index.ts';
import { invalidDate } from '../../../shared/date-details.ts';
import { MINUTES_PER_DAY, tryMinuteOfDay } from '../../../shared/minutes.ts';
import { tryParseQuantity, type QuantityMilli } from '../../../shared/quantity.ts';

/** The earliest date a record may carry; older ones are typing mistakes. */
export const EARLIEST_DATE = '2000-01-01';
/** One entry covers at most a day. */
export const MAX_ENTRY_MINUTES = MINUTES_PER_DAY;
/** Records may be dated at most this many days after today (time zones, night shifts). */
export const DAYS_AHEAD_ALLOWED = 1;

const problem = (path: string, code: string, message: string): ErrorDetail => ({ path, code, message });

/** A date YYYY-MM-DD between 2000-01-01 and tomorrow. */
export function dateProblems(date: string, today: IsoDate, path = 'date'): ErrorDetail[] {
  const notADate = invalidDate(path, date);
  if (notADate !== null) return [notADate];
  if (date < EARLIEST_DATE) return [problem(path, 'date_too_early', `The date ${date} is before ${EARLIEST_DATE}`)];
  const latest = addDays(today, DAYS_AHEAD_ALLOWED);
  if (date > latest) return [problem(path, 'date_in_future', `The date ${date} is in the future (at most ${latest})`)];
  return [];
}

export interface TimeInput {
  minutes?: number | null | undefined;
  startTime?: string | null | undefined;
  endTime?: string | null | undefined;
}

/**
 * The minutes of an entry: given, or from its start and end. An end before the
 * start is refused, not read as crossing midnight: a mistyped end (14:00–13:00)
 * would otherwise become 23 hours of billed work. Work past midnight is entered
 * as its start and its minutes. Work needs more than 0 minutes; travel may have
 * 0 (km only). Never more than 24 hours.
 */
export function entryMinutes(input: TimeInput, options: { required: boolean }): { minutes: number; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const start = input.startTime ? tryMinuteOfDay(input.startTime) : null;
  const end = input.endTime ? tryMinuteOfDay(input.endTime) : null;
  if (start === -1) problems.push(problem('startTime', 'invalid_time', `"${input.startTime}" is not a time HH:MM`));
  if (end === -1) problems.push(problem('endTime', 'invalid_time', `"${input.endTime}" is not a time HH:MM`));
  if (end !== null && start === null) problems.push(problem('endTime', 'start_required', 'An end time needs a start time'));
  if (problems.length) return { minutes: 0, problems };

  let fromTimes: number | null = null;
  if (start !== null && end !== null) {
    if (end === start) problems.push(problem('endTime', 'invalid_range', 'The end time equals the start time'));
    else if (end < start) {
      problems.push(problem('endTime', 'end_before_start', `The end ${input.endTime} is before the start ${input.startTime}; for work past midnight give the start and the minutes instead of an end`));
    } else fromTimes = end - start;
    if (problems.length) return { minutes: 0, problems };
  }
  const given = input.minutes ?? null;
  if (given !== null && fromTimes !== null && given !== fromTimes) {
    problems.push(problem('minutes', 'minutes_mismatch', `${given} minutes do not match ${input.startTime}–${input.endTime} (${fromTimes} minutes)`));
  }
  const minutes = given ?? fromTimes;
  if (minutes === null) {
    if (options.required) problems.push(problem('minutes', 'required', 'Give the minutes, or a start and an end time'));
    return { minutes: 0, problems };
  }
  if (!Number.isSafeInteger(minutes)) problems.push(problem('minutes', 'invalid_minutes', 'Minutes must be a whole number'));
  else if (minutes < 0 || (options.required && minutes === 0)) {
    problems.push(problem('minutes', 'minutes_not_positive', options.required ? 'Minutes must be more than 0' : 'Minutes may not be negative'));
  } else if (minutes > MAX_ENTRY_MINUTES) {
    problems.push(problem('minutes', 'too_long', `${minutes} minutes is too long: an entry is at most ${MAX_ENTRY_MINUTES} minutes (24 hours); split longer work into entries of one day at most`));
  }
  return { minutes, problems };
}

/** The most km or units one record may hold: more is a typing slip, and keeps prices far inside exact integers. */
const MAX_DECIMAL_MILLI = 1_000_000_000;

/**
 * A quantity (km, fee units) given as text "36.5" or as a number 36.5: at most 3
 * decimal places, stored as thousandths. Numbers go through their shortest text
 * form, so 0.1 + 0.2 is refused rather than silently rounded.
 */
export function parseDecimal(value: string | number, path: string, options: { positive: boolean }): { milli: QuantityMilli | null; problems: ErrorDetail[] } {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : 'NaN') : value.trim();
  const milli = tryParseQuantity(text);
  if (milli === null) return { milli: null, problems: [problem(path, 'invalid_decimal', `"${text}" is not a number with at most 3 decimal places`)] };
  if (milli < 0 || (options.positive && milli === 0)) {
    return { milli: null, problems: [problem(path, 'not_positive', options.positive ? 'Must be more than 0' : 'May not be negative')] };
  }
  if (milli > MAX_DECIMAL_MILLI) return { milli: null, problems: [problem(path, 'too_large', `May be at most ${MAX_DECIMAL_MILLI / 1000}`)] };
  return { milli, problems: [] };
}
