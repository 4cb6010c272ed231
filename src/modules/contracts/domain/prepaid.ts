/**
 * Consumption of prepaid minutes in one period (BILLING.md §3).
 *
 * The allowance of period P is P's own minutes plus the carried lots still
 * alive. Covered entries, in chronological order, consume it: the oldest
 * carried lot first, then P's own minutes. An entry uses
 * `billable minutes × multiplier` of the allowance. When the allowance runs out
 * inside an entry, the entry is split: covered = floor(remaining / multiplier)
 * billable minutes, overage = the rest.
 *
 * Multipliers can be decimals (1.5), so an entry may use a fraction of a minute.
 * The allowance and the ledger are whole minutes, so usage is rounded UP:
 * used = ceil(covered × multiplier). That is exactly consistent with the split
 * rule (ceil(c × m) ≤ remaining ⇔ c ≤ remaining / m), so an entry is fully
 * covered if and only if its usage fits in what remains.
 */
import type { Period } from '../../../shared/period.ts';
import { comparePeriods } from '../../../shared/period.ts';
import type { TimeClass } from '../../../shared/time-class.ts';
import { multiplierMicros, type Multipliers } from './terms.ts';

const MICROS = 1_000_000;

/** Minutes carried from an earlier period that are still usable. */
export interface CarriedLot {
  readonly originPeriod: Period;
  readonly minutes: number;
  /** Periods it stays usable, counting the current one (≥ 1 while alive). */
  readonly remainingLife: number;
}

/** A covered work entry, already priced to billable minutes and a time class. */
export interface CoveredEntry {
  readonly id: string;
  readonly workTypeId: string;
  readonly timeClass: TimeClass;
  readonly billableMinutes: number;
}

export interface EntrySplit {
  readonly id: string;
  readonly billableMinutes: number;
  readonly coveredMinutes: number;
  readonly overageMinutes: number;
  /** Whole allowance minutes the covered part used. */
  readonly allowanceUsed: number;
  /** The multiplier applied, in millionths (1.5 = 1 500 000). */
  readonly multiplierMicros: number;
}

export interface LotConsumption {
  readonly originPeriod: Period;
  readonly minutes: number;
}

export interface PrepaidConsumption {
  readonly entries: readonly EntrySplit[];
  /** The carried lots after consumption, oldest first (used-up lots stay, with 0). */
  readonly lots: readonly CarriedLot[];
  /** How much each carried lot gave, oldest first. */
  readonly fromLots: readonly LotConsumption[];
  readonly fromOwn: number;
  readonly ownRemaining: number;
  readonly openingCarried: number;
  readonly allocated: number;
  readonly consumed: number;
}

function assertWhole(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a whole non-negative number, got ${value}`);
}

/** The allowance minutes that `minutes` of work use at a multiplier (in millionths): rounded up, exact. */
export function allowanceMinutes(minutes: number, micros: number): number {
  return ceilMulDiv(minutes, micros, MICROS);
}

/** ceil(a × b / c), exact; BigInt only past 2^53. */
function ceilMulDiv(a: number, b: number, c: number): number {
  const product = a * b;
  if (product <= Number.MAX_SAFE_INTEGER) {
    const r = product % c;
    return (product - r) / c + (r > 0 ? 1 : 0);
  }
  return Number((BigInt(a) * BigInt(b) + BigInt(c) - 1n) / BigInt(c));
}

/** floor(a × b / c), exact; BigInt only past 2^53. */
function floorMulDiv(a: number, b: number, c: number): number {
  const product = a * b;
  if (product <= Number.MAX_SAFE_INTEGER) return (product - (product % c)) / c;
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}

/**
 * Splits covered entries into covered and overage parts and consumes the
 * allowance, oldest carried lot first, then the period's own minutes. Entries
 * must be in chronological order (see compareCoveredEntries); lots are ordered
 * by origin period here, oldest first.
 */
export function consumePrepaid(
  allowanceLots: readonly CarriedLot[],
  ownMinutes: number,
  coveredEntriesSortedChronologically: readonly CoveredEntry[],
  multipliers: Multipliers,
): PrepaidConsumption {
  assertWhole(ownMinutes, 'own minutes');
  const lots = [...allowanceLots].sort((a, b) => comparePeriods(a.originPeriod, b.originPeriod));
  const lotLeft = lots.map((lot) => {
    assertWhole(lot.minutes, `lot ${lot.originPeriod}`);
    if (!Number.isSafeInteger(lot.remainingLife) || lot.remainingLife < 1) {
      throw new RangeError(`lot ${lot.originPeriod} is not alive (remaining life ${lot.remainingLife})`);
    }
    return lot.minutes;
  });
  const openingCarried = lotLeft.reduce((sum, minutes) => sum + minutes, 0);
  let ownLeft = ownMinutes;
  let remaining = openingCarried + ownMinutes;
  let lotIndex = 0;

  const entries = coveredEntriesSortedChronologically.map((entry): EntrySplit => {
    assertWhole(entry.billableMinutes, `billable minutes of ${entry.id}`);
    const micros = multiplierMicros(multipliers, entry.workTypeId, entry.timeClass);
    let covered: number;
    let used: number;
    if (micros === 0) {
      covered = entry.billableMinutes; // a zero multiplier covers without using allowance
      used = 0;
    } else {
      const fullUse = allowanceMinutes(entry.billableMinutes, micros);
      if (fullUse <= remaining) {
        covered = entry.billableMinutes;
        used = fullUse;
      } else {
        covered = floorMulDiv(remaining, MICROS, micros);
        used = allowanceMinutes(covered, micros);
      }
    }
    remaining -= used;
    // Draw `used` from the lots, oldest first, then from the own minutes.
    let toDraw = used;
    while (toDraw > 0 && lotIndex < lotLeft.length) {
      const take = Math.min(toDraw, lotLeft[lotIndex]!);
      lotLeft[lotIndex] = lotLeft[lotIndex]! - take;
      toDraw -= take;
      if (lotLeft[lotIndex] === 0) lotIndex++;
    }
    ownLeft -= toDraw;
    return {
      id: entry.id,
      billableMinutes: entry.billableMinutes,
      coveredMinutes: covered,
      overageMinutes: entry.billableMinutes - covered,
      allowanceUsed: used,
      multiplierMicros: micros,
    };
  });

  const fromLots = lots.map((lot, i) => ({ originPeriod: lot.originPeriod, minutes: lot.minutes - lotLeft[i]! }));
  return {
    entries,
    lots: lots.map((lot, i) => ({ ...lot, minutes: lotLeft[i]! })),
    fromLots,
    fromOwn: ownMinutes - ownLeft,
    ownRemaining: ownLeft,
    openingCarried,
    allocated: ownMinutes,
    consumed: openingCarried + ownMinutes - remaining,
  };
}

/** A covered entry as it is ordered: date, start time, creation (BILLING.md §3). */
export interface ChronologicalKey {
  readonly date: string;
  /** 'HH:MM' or null; entries without a start come first on their day. */
  readonly startTime: string | null;
  /** Creation timestamp or sequence, as a sortable string. */
  readonly createdAt: string;
  readonly id: string;
}

/** Comparator for Array.prototype.sort; the id breaks remaining ties so the order is total. */
export function compareChronologically(a: ChronologicalKey, b: ChronologicalKey): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const ta = a.startTime ?? '';
  const tb = b.startTime ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
