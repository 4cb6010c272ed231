/**
 * Which entry bears how much of each overage line of a prepaid contract
 * (BILLING.md §3, overage pricing). A flat-rate line bills the overage minutes
 * of several entries together and tiered bands fill in the entries'
 * chronological order, so one entry can sit on two bands. Replaying the lines'
 * minutes over the entries' overage minutes in that order gives each entry its
 * minutes per line, priced like the line; the last entry of a line takes the
 * line's rounding remainder, so the shares add up to the line to the minor unit.
 *
 * One function for both sides: the billing run stores each record's amount with
 * it, and the work report replays it over the stored lines to tell a manager
 * how a row's amount came about, so the two can never tell different stories.
 */
import type { MinorUnits } from '../../../shared/money.ts';

export interface OverageLineToShare {
  readonly minutes: number;
  readonly amountMinor: MinorUnits;
}

export interface OverageEntryToShare {
  readonly entryId: string;
  readonly overageMinutes: number;
}

export interface OverageShare {
  /** Index of the line in the lines given. */
  readonly lineIndex: number;
  readonly minutes: number;
  /** What the entry bears of the line: its minutes priced like the line, plus the rounding remainder when it is the line's last entry. */
  readonly amountMinor: MinorUnits;
  /** amountMinor less the share's own price: the line's rounding remainder that fell on this entry (mostly 0). */
  readonly roundingMinor: MinorUnits;
}

/**
 * Each entry's shares of the lines, in line order, for entries with overage
 * minutes. `priceOf` prices minutes like the line does (the line's rate and
 * surcharge). null when the lines' minutes and the entries' overage minutes do
 * not match (lines changed after the run): no share is then the truth.
 */
export function shareOverageLines<L extends OverageLineToShare>(
  lines: readonly L[],
  entries: readonly OverageEntryToShare[],
  priceOf: (line: L, minutes: number) => MinorUnits,
): Map<string, OverageShare[]> | null {
  const queue = entries.filter((e) => e.overageMinutes > 0).map((e) => ({ entryId: e.entryId, left: e.overageMinutes }));
  const shares = new Map<string, OverageShare[]>();
  let next = 0;
  for (const [lineIndex, line] of lines.entries()) {
    let minutesLeft = line.minutes;
    let amountLeft = line.amountMinor;
    while (minutesLeft > 0) {
      const entry = queue[next];
      if (!entry) return null; // the line bills minutes no entry has
      const take = Math.min(entry.left, minutesLeft);
      entry.left -= take;
      minutesLeft -= take;
      if (entry.left === 0) next++;
      const own = priceOf(line, take);
      const amount = minutesLeft === 0 ? amountLeft : Math.min(amountLeft, own);
      amountLeft -= amount;
      shares.set(entry.entryId, [...(shares.get(entry.entryId) ?? []), { lineIndex, minutes: take, amountMinor: amount, roundingMinor: amount - own }]);
    }
  }
  return next === queue.length ? shares : null; // overage minutes left that no line bills
}
