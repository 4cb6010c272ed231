// Small display helpers of the contracts pages.
import { formatNumber } from '../../app/format';

/** 1500 thousandths → "1.5" in the user's locale. */
export function formatFactor(thousandths: number): string {
  return formatNumber(thousandths / 1000, { maximumFractionDigits: 3 });
}

/** Minutes as "12 h 30 min" (hours only from 60 up). */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? '−' : '';
  const m = Math.abs(minutes);
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return h ? `${sign}${formatNumber(h)} h${rest ? ` ${rest} min` : ''}` : `${sign}${rest} min`;
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
