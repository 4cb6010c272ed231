/**
 * Closing a prepaid period (BILLING.md §3): what is left of the period's own
 * minutes becomes a new carried lot when carry-over is on; lots at the end of
 * their life lapse; the cap limits the TOTAL carried balance after the close.
 * Every close yields a ledger row for which
 *   openingCarried + allocated = consumed + carriedOut + lapsed
 * holds by construction (and is asserted, because a ledger that does not add
 * up must never be written).
 *
 * Periods must be closed one after another, also those without any entry,
 * because a lot's life counts periods.
 */
import type { Period } from '../../../shared/period.ts';
import type { CarryOver } from './terms.ts';
import type { CarriedLot, PrepaidConsumption } from './prepaid.ts';

export interface LedgerRow {
  readonly period: Period;
  readonly openingCarried: number;
  readonly allocated: number;
  readonly consumed: number;
  readonly carriedOut: number;
  readonly lapsed: number;
}

export interface PeriodClose {
  readonly ledger: LedgerRow;
  /** Lots carried into the next period, oldest first, each with its remaining life. */
  readonly lots: readonly CarriedLot[];
}

/**
 * Closes period P given its consumption. The cap cuts the NEW lot first (the
 * rule says P's leftover is "cut to the cap"); only if older surviving lots
 * alone exceed the cap (the cap was lowered) are they cut too, oldest first,
 * since those would lapse soonest anyway.
 */
export function closePeriod(
  period: Period,
  consumption: Pick<PrepaidConsumption, 'lots' | 'ownRemaining' | 'openingCarried' | 'allocated' | 'consumed'>,
  carryOver: CarryOver,
): PeriodClose {
  let lapsed = 0;
  const survivors: CarriedLot[] = [];
  for (const lot of consumption.lots) {
    const life = lot.remainingLife - 1;
    if (life >= 1 && lot.minutes > 0) survivors.push({ ...lot, remainingLife: life });
    else lapsed += lot.minutes; // end of its life
  }

  let newLotMinutes = 0;
  if (carryOver.enabled) newLotMinutes = consumption.ownRemaining;
  else lapsed += consumption.ownRemaining;

  const cap = carryOver.enabled ? carryOver.capMinutes : null;
  if (cap !== null) {
    const survivingTotal = survivors.reduce((sum, lot) => sum + lot.minutes, 0);
    const newLotRoom = Math.max(0, cap - survivingTotal);
    if (newLotMinutes > newLotRoom) {
      lapsed += newLotMinutes - newLotRoom;
      newLotMinutes = newLotRoom;
    }
    let excess = survivingTotal - cap;
    for (let i = 0; excess > 0 && i < survivors.length; i++) {
      const lot = survivors[i]!;
      const cut = Math.min(excess, lot.minutes);
      survivors[i] = { ...lot, minutes: lot.minutes - cut };
      lapsed += cut;
      excess -= cut;
    }
  }

  const lots = survivors.filter((lot) => lot.minutes > 0);
  if (newLotMinutes > 0 && carryOver.enabled) {
    lots.push({ originPeriod: period, minutes: newLotMinutes, remainingLife: carryOver.lifePeriods });
  }
  const carriedOut = lots.reduce((sum, lot) => sum + lot.minutes, 0);
  const ledger: LedgerRow = {
    period,
    openingCarried: consumption.openingCarried,
    allocated: consumption.allocated,
    consumed: consumption.consumed,
    carriedOut,
    lapsed,
  };
  if (ledger.openingCarried + ledger.allocated !== ledger.consumed + ledger.carriedOut + ledger.lapsed) {
    throw new Error(`prepaid ledger of ${period} does not balance: ${JSON.stringify(ledger)}`);
  }
  return { ledger, lots };
}
