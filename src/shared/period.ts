/**
 * Billing periods written as plain strings: a month '2026-10', a quarter
 * '2026-Q4' or a year '2026'. Strings keep them readable in the database, URLs
 * and logs; periods of one kind also sort correctly as strings.
 */
import { addDays, daysInclusive, daysInMonth, formatIsoDate, maxDate, MIN_YEAR, minDate, parseIsoDate } from './calendar/dates.ts';
import type { IsoDate } from './calendar/dates.ts';
import { quotedInput } from './text.ts';

export type PeriodKind = 'month' | 'quarter' | 'year';

/** '2026-10' | '2026-Q4' | '2026' */
export type Period = string;

export interface ParsedPeriod {
  readonly kind: PeriodKind;
  readonly year: number;
  /** Month 1..12, quarter 1..4, or 1 for a year. */
  readonly index: number;
}

const PERIOD_TEXT = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])))?$/;
const PER_YEAR: Readonly<Record<PeriodKind, number>> = { month: 12, quarter: 4, year: 1 };
const MONTHS_IN: Readonly<Record<PeriodKind, number>> = { month: 1, quarter: 3, year: 12 };

export function tryParsePeriod(text: string): ParsedPeriod | null {
  const match = PERIOD_TEXT.exec(text);
  if (match === null) return null;
  const year = Number(match[1]);
  if (year < MIN_YEAR) return null;
  if (match[2] !== undefined) return { kind: 'month', year, index: Number(match[2]) };
  if (match[3] !== undefined) return { kind: 'quarter', year, index: Number(match[3]) };
  return { kind: 'year', year, index: 1 };
}

export function parsePeriod(text: string): ParsedPeriod {
  const period = tryParsePeriod(text);
  if (period === null) throw new RangeError(`'${text}' is not a period (YYYY-MM, YYYY-Qn or YYYY)`);
  return period;
}

export function isPeriod(text: string): boolean {
  return tryParsePeriod(text) !== null;
}

const PERIOD_SHAPE = /^(\d{4})(?:-(\d{2})|-Q(\d))?$/;
const WANTED: Readonly<Record<PeriodKind | 'any', { what: string; example: string }>> = {
  month: { what: 'a month (YYYY-MM)', example: 'e.g. 2026-10' },
  quarter: { what: 'a quarter (YYYY-Qn)', example: 'e.g. 2026-Q4' },
  year: { what: 'a year (YYYY)', example: 'e.g. 2026' },
  any: { what: 'a period (YYYY-MM, YYYY-Qn or YYYY)', example: 'e.g. 2026-10, 2026-Q4 or 2026' },
};

/**
 * Why the text is not a period (of `kind`, when only one kind will do), in words for
 * whoever sent it ("2026-00 is not a month (YYYY-MM): there is no month 00"), or null
 * when it is one. The one wording of a bad period or month, wherever one is taken.
 */
export function periodProblem(text: string, kind?: PeriodKind): string | null {
  const parsed = tryParsePeriod(text);
  if (parsed !== null && (kind === undefined || parsed.kind === kind)) return null;
  const { what, example } = WANTED[kind ?? 'any'];
  if (parsed !== null) return `${text} is not ${what}: it is a ${parsed.kind}`;
  const shape = PERIOD_SHAPE.exec(text);
  if (shape === null) return `${quotedInput(text)} is not ${what}, ${example}`;
  const [, yyyy = '', mm, q] = shape;
  const shapeKind: PeriodKind = mm !== undefined ? 'month' : q !== undefined ? 'quarter' : 'year';
  if (kind !== undefined && shapeKind !== kind) return `${text} is not ${what}, ${example}`;
  if (Number(yyyy) < MIN_YEAR) return `${text} is not ${what}: the year must be ${MIN_YEAR} or later`;
  return `${text} is not ${what}: there is no ${shapeKind} ${mm ?? q}`;
}

export function periodKind(period: Period): PeriodKind {
  return parsePeriod(period).kind;
}

export function formatPeriod(kind: PeriodKind, year: number, index: number): Period {
  if (!Number.isInteger(index) || index < 1 || index > PER_YEAR[kind]) {
    throw new RangeError(`${kind} index out of range: ${index}`);
  }
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`year out of range: ${year}`);
  if (kind === 'year') return String(year);
  if (kind === 'quarter') return `${year}-Q${index}`;
  return `${year}-${String(index).padStart(2, '0')}`;
}

/** The period of the given kind that contains the date. */
export function periodOf(date: IsoDate, kind: PeriodKind): Period {
  const { year, month } = parseIsoDate(date);
  const index = Math.floor((month - 1) / MONTHS_IN[kind]) + 1;
  return formatPeriod(kind, year, index);
}

/** Moves a period by n periods of its own kind (n may be negative). */
export function addPeriods(period: Period, n: number): Period {
  const { kind, year, index } = parsePeriod(period);
  const perYear = PER_YEAR[kind];
  const ordinal = year * perYear + (index - 1) + n;
  return formatPeriod(kind, Math.floor(ordinal / perYear), (ordinal % perYear) + 1);
}

export function nextPeriod(period: Period): Period {
  return addPeriods(period, 1);
}

export function prevPeriod(period: Period): Period {
  return addPeriods(period, -1);
}

export function firstDayOf(period: Period): IsoDate {
  const { kind, year, index } = parsePeriod(period);
  return formatIsoDate(year, (index - 1) * MONTHS_IN[kind] + 1, 1);
}

export function lastDayOf(period: Period): IsoDate {
  const { kind, year, index } = parsePeriod(period);
  const month = index * MONTHS_IN[kind];
  return formatIsoDate(year, month, daysInMonth(year, month));
}

export function daysInPeriod(period: Period): number {
  return daysInclusive(firstDayOf(period), lastDayOf(period));
}

/** Orders periods of the same kind; mixing kinds is a programming error. */
export function comparePeriods(a: Period, b: Period): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (pa.kind !== pb.kind) throw new RangeError(`cannot compare ${pa.kind} ${a} with ${pb.kind} ${b}`);
  return pa.year !== pb.year ? pa.year - pb.year : pa.index - pb.index;
}

/** Every period from `from` to `to`, both included (empty when to < from). */
export function periodsBetween(from: Period, to: Period): Period[] {
  const periods: Period[] = [];
  for (let p = from; comparePeriods(p, to) <= 0; p = nextPeriod(p)) periods.push(p);
  return periods;
}

/** The day after the period's last day: where the next period starts. */
export function dayAfter(period: Period): IsoDate {
  return addDays(lastDayOf(period), 1);
}

export interface PeriodOverlap {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly days: number;
  readonly periodDays: number;
}

/**
 * The part of the period within [validFrom, validTo] (validTo null = open), or
 * null when they do not meet. Used to prorate fees and prepaid minutes by days.
 */
export function overlapWithPeriod(period: Period, validFrom: IsoDate, validTo: IsoDate | null): PeriodOverlap | null {
  const first = firstDayOf(period);
  const last = lastDayOf(period);
  const from = maxDate(first, validFrom);
  const to = validTo === null ? last : minDate(last, validTo);
  if (to < from) return null;
  return { from, to, days: daysInclusive(from, to), periodDays: daysInclusive(first, last) };
}
