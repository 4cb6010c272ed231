/**
 * A date, month or period a service checks itself (a value that reaches it other than
 * through the API's schemas: the command line, a file, a stored setting), refused with the
 * same code and the same words as the API's schemas (platform/http/schemas.ts) refuse it.
 */
import { isoDateProblem } from './calendar/dates.ts';
import type { ErrorDetail } from './errors.ts';
import { periodProblem, type PeriodKind } from './period.ts';

/** The code of a text that is not a calendar date 'YYYY-MM-DD'. */
export const INVALID_DATE = 'invalid_date';
/** The code of a text that is not a month, quarter or year (or not of the kind wanted). */
export const INVALID_PERIOD = 'invalid_period';
/** The code of a range whose end is before its start, on the end's field. */
export const INVALID_RANGE = 'invalid_range';

/** The problem of a date field, or null when `text` is a calendar date. */
export function invalidDate(path: string, text: string): ErrorDetail | null {
  const message = isoDateProblem(text);
  return message === null ? null : { path, code: INVALID_DATE, message };
}

/** The problem of a period field (of `kind`, when only one kind will do), or null when `text` is one. */
export function invalidPeriod(path: string, text: string, kind?: PeriodKind): ErrorDetail | null {
  const message = periodProblem(text, kind);
  return message === null ? null : { path, code: INVALID_PERIOD, message };
}

/** The one wording of a range that ends before it starts. */
export function rangeOrderProblem(from: string, to: string): string {
  return `to ${to} is before from ${from}: a range ends on or after its start`;
}

/** A range that ends before it starts, as the problem of its end's field (`to` unless named). */
export function rangeOutOfOrder(from: string, to: string, path = 'to'): ErrorDetail {
  return { path, code: INVALID_RANGE, message: rangeOrderProblem(from, to) };
}

/** Every problem found, without the fields that have none. */
export function problemsOf(...details: (ErrorDetail | null)[]): ErrorDetail[] {
  return details.filter((d): d is ErrorDetail => d !== null);
}
