// The export period as the page picks it: a month, a quarter or a year, kept as the text the
// server takes ('2026-10', '2026-Q4', '2026'), pure.

export type PeriodKind = 'month' | 'quarter' | 'year';
export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'year'];

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;

/** What kind of period the text is; null when it is none. */
export function periodKindOf(period: string): PeriodKind | null {
  if (MONTH.test(period)) return 'month';
  if (QUARTER.test(period)) return 'quarter';
  return YEAR.test(period) ? 'year' : null;
}

/** The year and, for a quarter, its number (1–4) of a period; nulls for what it does not have. */
export function periodParts(period: string): { year: number | null; quarter: number | null } {
  const quarter = QUARTER.exec(period);
  if (quarter) return { year: Number(quarter[1]), quarter: Number(quarter[2]) };
  const yearOnly = /^(\d{4})/.exec(period);
  return { year: yearOnly ? Number(yearOnly[1]) : null, quarter: null };
}

/**
 * A quarter or a year from its parts, or '' while a part is missing (the page then says what to choose).
 * A year typed as text that is no number ("2O26", as the year field gives it) is missing, never read as one.
 */
export function composePeriod(kind: 'quarter' | 'year', year: number | string | null, quarter: number | null): string {
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1583 || year > 9999) return '';
  if (kind === 'year') return String(year);
  return quarter !== null && quarter >= 1 && quarter <= 4 ? `${year}-Q${quarter}` : '';
}

/**
 * The period of another kind that contains (or starts) this one, so switching keeps what was
 * picked: '2026-10' → '2026-Q4' → '2026'; back, a quarter's or year's first month ('2026-Q4' → '2026-10').
 */
export function convertPeriod(period: string, to: PeriodKind): string {
  const from = periodKindOf(period);
  if (from === null) return '';
  if (from === to) return period;
  const year = Number(period.slice(0, 4));
  const month = from === 'month' ? Number(period.slice(5, 7)) : from === 'quarter' ? (Number(period.slice(6)) - 1) * 3 + 1 : 1;
  if (to === 'year') return String(year);
  if (to === 'quarter') return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  return `${year}-${String(month).padStart(2, '0')}`;
}
