/**
 * Which contract fees a billing run bills, and how partial periods are
 * prorated (BILLING.md §3). Every fee period is billed exactly once: the run
 * bills every period that is due and not yet billed, each as its own line.
 */
import { divRoundNumber, mulDivRound, type MinorUnits } from '../../../shared/money.ts';
import { addDays, type IsoDate } from '../../../shared/calendar/index.ts';
import { firstDayOf, lastDayOf, nextPeriod, overlapWithPeriod, periodOf, type Period } from '../../../shared/period.ts';
import type { ContractTerms } from './terms.ts';

export interface FeePeriod {
  readonly period: Period;
  /** The part of the period the contract is valid in. */
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly days: number;
  readonly periodDays: number;
  readonly prorated: boolean;
  readonly amountMinor: MinorUnits;
  readonly vatRateBp: number;
}

/** round(amount × days / periodDays); the whole amount for a whole period. */
export function prorateByDays(amountMinor: MinorUnits, days: number, periodDays: number): MinorUnits {
  if (days === periodDays) return amountMinor;
  return mulDivRound(amountMinor, days, 1, periodDays);
}

/**
 * Prepaid minutes the contract allocates to a period, prorated by days like
 * the fee (rounded half away from zero to whole minutes); 0 outside validity.
 */
export function prepaidMinutesForPeriod(terms: Pick<ContractTerms, 'validFrom' | 'validTo' | 'prepaidMinutes'>, period: Period): number {
  const overlap = overlapWithPeriod(period, terms.validFrom, terms.validTo);
  if (overlap === null) return 0;
  if (overlap.days === overlap.periodDays) return terms.prepaidMinutes;
  return divRoundNumber(terms.prepaidMinutes * overlap.days, overlap.periodDays);
}

/**
 * Whether the fee of `feePeriod` is due in the run for `runPeriod`. In arrears
 * a period is due once it has ended by the run's last day (same kinds: the run
 * for P bills P); in advance once it starts by the day after the run's last day
 * (same kinds: the run for P bills P+1). Comparing days lets a monthly run bill
 * a quarterly contract correctly.
 */
export function isFeeDue(timing: 'in_arrears' | 'in_advance', feePeriod: Period, runPeriod: Period): boolean {
  const runEnd = lastDayOf(runPeriod);
  return timing === 'in_arrears' ? lastDayOf(feePeriod) <= runEnd : firstDayOf(feePeriod) <= addDays(runEnd, 1);
}

/**
 * Every fee period of the contract that is due by the run and not yet billed,
 * oldest first, each prorated by days when the contract starts or ends inside
 * it. Periods already billed are skipped; so are periods outside the validity.
 */
export function feePeriodsToBill(
  terms: Pick<ContractTerms, 'validFrom' | 'validTo' | 'periodKind' | 'fee'>,
  runPeriod: Period,
  alreadyBilledPeriods: Iterable<Period>,
): FeePeriod[] {
  const fee = terms.fee;
  if (fee === null || fee.amountMinor === 0) return [];
  const billed = new Set(alreadyBilledPeriods);
  const lastPeriod = terms.validTo === null ? null : periodOf(terms.validTo, terms.periodKind);
  const due: FeePeriod[] = [];
  for (let period = periodOf(terms.validFrom, terms.periodKind); isFeeDue(fee.timing, period, runPeriod); period = nextPeriod(period)) {
    if (lastPeriod !== null && period > lastPeriod) break; // same-kind periods sort as strings
    if (billed.has(period)) continue;
    const overlap = overlapWithPeriod(period, terms.validFrom, terms.validTo);
    if (overlap === null) continue;
    due.push({
      period,
      from: overlap.from,
      to: overlap.to,
      days: overlap.days,
      periodDays: overlap.periodDays,
      prorated: overlap.days !== overlap.periodDays,
      amountMinor: prorateByDays(fee.amountMinor, overlap.days, overlap.periodDays),
      vatRateBp: fee.vatRateBp,
    });
  }
  return due;
}
