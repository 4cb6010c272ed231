/**
 * Pricing the overage parts of prepaid entries (BILLING.md §3):
 * - entry_rate: each part like a time-and-material entry at its own work
 *   type's rate and time-class surcharge (no increment or minimum again: the
 *   part is already billable minutes);
 * - flat_rate: all overage minutes of the period at one hourly rate, one line;
 * - tiered: the period's overage minutes fill bands in chronological order
 *   (first N minutes at rate 1, next M at rate 2, …), one line per band used.
 * Flat and tiered amounts are round(minutes × rate / 60) per line, without
 * surcharges: "one rate" means one rate.
 */
import { hourlyAmount, sumMinor, type MinorUnits } from '../../../shared/money.ts';
import type { TimeClass } from '../../../shared/time-class.ts';
import { assertValidBands, type OveragePricing } from './terms.ts';

export interface OveragePart {
  readonly entryId: string;
  readonly workTypeId: string;
  readonly technicianLevel: string | null;
  readonly timeClass: TimeClass;
  readonly overageMinutes: number;
}

/**
 * Prices one overage part like a time-and-material entry, or returns null when
 * its work type has no rate. Injected so this domain does not reach into
 * pricing; the service composes it from the pricing module, e.g.
 *   (p) => { const r = priceBillableMinutes(list, p.workTypeId, p.technicianLevel, p.overageMinutes, p.timeClass); return r.ok ? r : null; }
 */
export type EntryRatePricer = (part: OveragePart) => {
  readonly rateMinor: MinorUnits;
  readonly surchargePct: number;
  readonly amountMinor: MinorUnits;
} | null;

export type OverageLine =
  | {
      readonly method: 'entry_rate';
      readonly entryIds: readonly string[];
      readonly workTypeId: string;
      readonly timeClass: TimeClass;
      readonly minutes: number;
      readonly rateMinor: MinorUnits;
      readonly surchargePct: number;
      readonly amountMinor: MinorUnits;
    }
  | {
      readonly method: 'flat_rate' | 'tiered';
      /** Index of the band (0-based) for tiered; 0 for flat. */
      readonly band: number;
      readonly entryIds: readonly string[];
      readonly minutes: number;
      readonly rateMinor: MinorUnits;
      readonly amountMinor: MinorUnits;
    };

export type OveragePriceResult =
  | { readonly ok: true; readonly lines: readonly OverageLine[]; readonly totalMinor: MinorUnits }
  | { readonly ok: false; readonly reason: 'no_rate'; readonly entryIds: readonly string[] };

/**
 * Prices the overage parts of one contract and period, given in chronological
 * order. entry_rate needs a pricer built on the price list of the contract's
 * records; a part it cannot price blocks the draft (never priced 0).
 */
export function priceOverage(rule: OveragePricing, parts: readonly OveragePart[], priceEntryRate: EntryRatePricer | null): OveragePriceResult {
  const billed = parts.filter((part) => {
    if (!Number.isSafeInteger(part.overageMinutes) || part.overageMinutes < 0) {
      throw new RangeError(`overage minutes of ${part.entryId} must be whole and non-negative`);
    }
    return part.overageMinutes > 0;
  });
  let lines: OverageLine[];
  switch (rule.kind) {
    case 'entry_rate': {
      const unpriced: string[] = [];
      lines = [];
      for (const part of billed) {
        const price = priceEntryRate === null ? null : priceEntryRate(part);
        if (price === null) {
          unpriced.push(part.entryId);
          continue;
        }
        lines.push({
          method: 'entry_rate',
          entryIds: [part.entryId],
          workTypeId: part.workTypeId,
          timeClass: part.timeClass,
          minutes: part.overageMinutes,
          rateMinor: price.rateMinor,
          surchargePct: price.surchargePct,
          amountMinor: price.amountMinor,
        });
      }
      if (unpriced.length > 0) return { ok: false, reason: 'no_rate', entryIds: unpriced };
      break;
    }
    case 'flat_rate': {
      const minutes = billed.reduce((sum, part) => sum + part.overageMinutes, 0);
      lines =
        minutes === 0
          ? []
          : [{ method: 'flat_rate', band: 0, entryIds: billed.map((p) => p.entryId), minutes, rateMinor: rule.ratePerHourMinor, amountMinor: hourlyAmount(minutes, rule.ratePerHourMinor) }];
      break;
    }
    case 'tiered':
      lines = fillBands(rule.bands, billed);
      break;
  }
  return { ok: true, lines, totalMinor: sumMinor(lines.map((line) => line.amountMinor)) };
}

function fillBands(bands: Extract<OveragePricing, { kind: 'tiered' }>['bands'], parts: readonly OveragePart[]): OverageLine[] {
  assertValidBands(bands);
  const used = bands.map(() => ({ minutes: 0, entryIds: [] as string[] }));
  let band = 0;
  let roomInBand = bands[0]!.minutes ?? Infinity;
  for (const part of parts) {
    let left = part.overageMinutes;
    while (left > 0) {
      if (roomInBand === 0) {
        band++;
        roomInBand = bands[band]!.minutes ?? Infinity; // the last band is unlimited, so band stays in range
      }
      const take = Math.min(left, roomInBand);
      const slot = used[band]!;
      slot.minutes += take;
      if (slot.entryIds.at(-1) !== part.entryId) slot.entryIds.push(part.entryId);
      left -= take;
      roomInBand -= take;
    }
  }
  return used.flatMap((slot, i): OverageLine[] => {
    if (slot.minutes === 0) return [];
    const rateMinor = bands[i]!.ratePerHourMinor;
    return [{ method: 'tiered', band: i, entryIds: slot.entryIds, minutes: slot.minutes, rateMinor, amountMinor: hourlyAmount(slot.minutes, rateMinor) }];
  });
}
