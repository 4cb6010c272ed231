/**
 * Which entry bears how much of each overage line of a prepaid contract
 * (BILLING.md §3, overage pricing). A flat-rate line bills the overage minutes
 * of several entries together and tiered bands fill in the entries'
 * chronological order, so one entry can sit on two bands. Replaying the lines'
 * minutes over the entries' overage minutes in that order gives each entry its
 * minutes per line, priced like the line; the last entry of a line takes the
 * line's rounding remainder, so the shares add up to the line to the minor unit.
 *
 * One line has one VAT rate, and every overage minute is taxed at the rate that
 * applies to it, so a line whose entries are taxed at two rates is split into
 * one line per rate (`splitOverageLinesByVat`). Each entry then bears only lines
 * of its own rate, and the replay runs rate by rate: the entries of one rate
 * fill the lines of that rate in the same chronological order, which is why a
 * band split by VAT still replays exactly.
 *
 * One function for both sides: the billing run stores each record's amount with
 * it, and the work report replays it over the stored lines to tell a manager
 * how a row's amount came about, so the two can never tell different stories.
 */
import type { MinorUnits } from '../../../shared/money.ts';
import type { VatRateBp } from './vat.ts';

export interface OverageLineToShare {
  readonly minutes: number;
  readonly amountMinor: MinorUnits;
  /** The VAT rate the line is taxed at; it bills only entries taxed at that rate. Absent on lines stored before overage lines were split by VAT: one group. */
  readonly vatRateBp?: VatRateBp | undefined;
}

export interface OverageEntryToShare {
  readonly entryId: string;
  readonly overageMinutes: number;
  /** The VAT rate its overage is taxed at (its lines'); absent as on the lines. */
  readonly vatRateBp?: VatRateBp | undefined;
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
 * minutes; entries fill the lines of their own VAT rate only. `priceOf` prices
 * minutes like the line does (the line's rate and surcharge). null when the
 * lines' minutes and the entries' overage minutes do not match (lines changed
 * after the run): no share is then the truth.
 */
export function shareOverageLines<L extends OverageLineToShare>(
  lines: readonly L[],
  entries: readonly OverageEntryToShare[],
  priceOf: (line: L, minutes: number) => MinorUnits,
): Map<string, OverageShare[]> | null {
  const billed = entries.filter((e) => e.overageMinutes > 0);
  const rates = new Set([...lines.map((l) => l.vatRateBp), ...billed.map((e) => e.vatRateBp)]);
  const byEntry = new Map<string, OverageShare[]>();
  for (const rate of rates) {
    const own = [...lines.entries()].filter(([, line]) => line.vatRateBp === rate);
    const shares = shareInOrder(own.map(([, line]) => line), billed.filter((e) => e.vatRateBp === rate), priceOf);
    if (shares === null) return null;
    for (const [entryId, list] of shares) byEntry.set(entryId, list.map((s) => ({ ...s, lineIndex: own[s.lineIndex]![0] })));
  }
  // In the entries' order, whatever the order of the rates.
  return new Map(billed.map((e) => [e.entryId, byEntry.get(e.entryId)!]));
}

/**
 * The overage lines as they go on the invoice: a line whose entries are taxed at
 * different VAT rates becomes one line per rate (in the order the rates first
 * appear on it), each with the same method, band and rate, its own entries and
 * minutes, and its net priced from its minutes (`priceOf`, rounded as any line's
 * net is). A line of one rate stays as priced. `sourceIndex` is the index of the
 * line it came from (the band for tiered). Entries are those with overage, in
 * chronological order, each with the rate its overage is taxed at. null when
 * the lines do not bill exactly the entries' overage minutes.
 */
export function splitOverageLinesByVat<L extends OverageLineToShare & { readonly entryIds: readonly string[] }>(
  lines: readonly L[],
  entries: readonly (OverageEntryToShare & { readonly vatRateBp: VatRateBp })[],
  priceOf: (line: L, minutes: number) => MinorUnits,
): (L & { readonly vatRateBp: VatRateBp; readonly sourceIndex: number })[] | null {
  // Which minutes of which entry each line bills, as priced: all entries over all lines in order.
  const shares = shareInOrder(lines, entries, priceOf);
  if (shares === null) return null;
  return lines.flatMap((line, sourceIndex) => {
    const byRate = new Map<VatRateBp, { entryIds: string[]; minutes: number }>();
    for (const entry of entries) {
      for (const share of shares.get(entry.entryId) ?? []) {
        if (share.lineIndex !== sourceIndex) continue;
        const group = byRate.get(entry.vatRateBp) ?? { entryIds: [], minutes: 0 };
        group.entryIds.push(entry.entryId);
        group.minutes += share.minutes;
        byRate.set(entry.vatRateBp, group);
      }
    }
    const groups = [...byRate.entries()];
    if (groups.length === 1) return [{ ...line, vatRateBp: groups[0]![0], sourceIndex }];
    return groups.map(([vatRateBp, group]) => ({ ...line, entryIds: group.entryIds, minutes: group.minutes, amountMinor: priceOf(line, group.minutes), vatRateBp, sourceIndex }));
  });
}

/** The shares of entries filling lines in order, VAT rates aside; null when minutes are left over on either side. */
function shareInOrder<L extends OverageLineToShare>(
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
