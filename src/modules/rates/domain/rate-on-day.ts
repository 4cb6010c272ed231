/**
 * "The rate of currency C on day D": the ČNB publishes rates on working days
 * only, and on a weekend or holiday the last published rate applies. So the
 * answer is the rate of the latest listed day on or before D, if that day is
 * at most MAX_DAYS_BACK days before D (the longest run of days without a
 * publication, Christmas to New Year, is shorter); an older rate is not taken
 * silently: the answer is "unknown", naming the last day the list has.
 */
import { addDays } from '../../../shared/calendar/index.ts';
import type { ListedRate } from './listed-rate.ts';

export const MAX_DAYS_BACK = 7;

export type RateOnDay =
  | { readonly known: true; readonly rate: ListedRate }
  | { readonly known: false; readonly reason: 'none' | 'too_old'; readonly lastDay: string | null };

/** The earliest day whose rate may still answer for `day`. */
export function oldestUsableDay(day: string): string {
  return addDays(day, -MAX_DAYS_BACK);
}

/** The rate for `currency` on `day` among `rates` (any order, any currencies). */
export function rateOnDay(rates: readonly ListedRate[], currency: string, day: string): RateOnDay {
  let latest: ListedRate | null = null;
  for (const r of rates) {
    if (r.currency !== currency || r.day > day) continue;
    if (latest === null || r.day > latest.day) latest = r;
  }
  if (latest === null) return { known: false, reason: 'none', lastDay: null };
  if (latest.day < oldestUsableDay(day)) return { known: false, reason: 'too_old', lastDay: latest.day };
  return { known: true, rate: latest };
}
