// Small display helpers of the contracts pages.
import { formatNumber, formatPeriod, localeTag } from '../../app/format';

/** 1500 thousandths → "1.5" in the user's locale. */
export function formatFactor(thousandths: number): string {
  return formatNumber(thousandths / 1000, { maximumFractionDigits: 3 });
}

/** Minutes as "12 h 30 min": the app's one formatter, so the contract's table and chart read as the records do. */
export { formatMinutes } from '../records/format';

/** Steps of a minutes axis: up to an hour in minutes, else in whole hours (ticks read "2 h", never "1 h 40 min"). */
const MINUTE_STEPS = [5, 10, 15, 30];
const HOUR_STEPS = [1, 2, 3, 5];
const MAX_TICK_GAPS = 5;

/**
 * The ticks of a chart axis of minutes from 0 up to at least `maxMinutes`, at a round
 * step and at most 5 gaps apart: 600 → 0, 120, …, 600 (0 h, 2 h, … 10 h), 45 → 0, 15, 30, 45.
 * Recharts' own ticks are round in minutes (150, 300), which read badly as hours.
 */
export function minuteAxisTicks(maxMinutes: number): number[] {
  const max = Math.max(0, Math.ceil(maxMinutes));
  if (max === 0) return [0, 60];
  const step = max <= 60 ? (MINUTE_STEPS.find((s) => s * MAX_TICK_GAPS >= max) ?? 15) : hourStep(max);
  const gaps = Math.ceil(max / step);
  return Array.from({ length: gaps + 1 }, (_, i) => i * step);
}

/** The smallest of 1, 2, 3, 5, 10, 20, 30, 50 … hours (in minutes) that covers `max` in 5 gaps. */
function hourStep(max: number): number {
  for (let scale = 60; ; scale *= 10) {
    const step = HOUR_STEPS.map((s) => s * scale).find((s) => s * MAX_TICK_GAPS >= max);
    if (step) return step;
  }
}

/**
 * The labels of those ticks, all in one unit: hours when the ticks step by whole hours
 * ("0 h", "2 h" … "10 h"), else minutes ("0 min" … "60 min"). formatMinutes would write
 * the zero as "0 min" under "2 h", and 60 as "1 h" over "45 min".
 */
export function minuteAxisLabels(ticks: readonly number[], locale: string = localeTag()): (minutes: number) => string {
  const inHours = ticks.length > 1 && ticks.every((m) => m % 60 === 0);
  const number = new Intl.NumberFormat(locale);
  return inHours ? (minutes) => `${number.format(minutes / 60)} h` : (minutes) => `${number.format(minutes)} min`;
}

type Kind = 'month' | 'quarter' | 'year';
const PER_YEAR: Record<Kind, number> = { month: 12, quarter: 4, year: 1 };

function ordinal(period: string): { kind: Kind; n: number } {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return { kind: 'quarter', n: Number(q[1]) * 4 + Number(q[2]) - 1 };
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return { kind: 'month', n: Number(m[1]) * 12 + Number(m[2]) - 1 };
  return { kind: 'year', n: Number(period) };
}

function fromOrdinal(kind: Kind, n: number): string {
  const year = Math.floor(n / PER_YEAR[kind]);
  const index = (n % PER_YEAR[kind]) + 1;
  return kind === 'year' ? String(year) : kind === 'quarter' ? `${year}-Q${index}` : `${year}-${String(index).padStart(2, '0')}`;
}

/** The period of the kind that contains the date ('2026-11-02', 'quarter' → '2026-Q4'). */
export function periodOfDate(date: string, kind: Kind): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return fromOrdinal(kind, kind === 'year' ? year : kind === 'quarter' ? year * 4 + Math.floor((month - 1) / 3) : year * 12 + month - 1);
}

/** Moves a period by n periods of its kind. */
export function addPeriods(period: string, n: number): string {
  const { kind, n: at } = ordinal(period);
  return fromOrdinal(kind, at + n);
}

/** The later of two periods of one kind (they sort as strings). */
export const laterPeriod = (a: string, b: string) => (a > b ? a : b);

/** How many periods before the current one the contract page's profitability looks back (a year in all). */
const PROFITABILITY_BACK: Record<Kind, number> = { month: 11, quarter: 3, year: 2 };

/**
 * The day a contract starts when it has not started yet (`today` is before its first day, or
 * the current period is before its first one), else null. The contract page's cards say so
 * instead of figures of a period the contract has no part in.
 */
export function startsLaterOn(validFrom: string, kind: Kind, current: string, today: string): string | null {
  return validFrom > today || periodOfDate(validFrom, kind) > current ? validFrom : null;
}

/**
 * The periods the contract page reports profitability for: up to a year back from the
 * current period, never before the contract's first one. A contract that has not started
 * yet has none: the day it starts instead, never a range that ends before it begins.
 */
export function profitabilityRange(validFrom: string, kind: Kind, current: string, today: string): { from: string; to: string } | { startsOn: string } {
  const startsOn = startsLaterOn(validFrom, kind, current, today);
  if (startsOn !== null) return { startsOn };
  return { from: laterPeriod(periodOfDate(validFrom, kind), addPeriods(current, -PROFITABILITY_BACK[kind])), to: current };
}

/**
 * A period under a chart's bar: its name ("září 2026"), or on a narrow chart a month in
 * figures ("9/2026"), since long names left the first bars of a phone's chart unnamed
 * (the axis drops a name that does not fit). Quarters and years keep their names.
 */
export function periodAxisLabel(period: string, compact: boolean, locale: string = localeTag()): string {
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (!compact || !month) return formatPeriod(period, locale);
  return new Intl.DateTimeFormat(locale, { month: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)));
}
