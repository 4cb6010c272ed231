/**
 * How a record is expected to be billed (BILLING.md §3): the one decision that
 * billing runs make for every record they take, and that a record's own page
 * shows ahead of the run, so that both always agree.
 *
 * - not_billable: logged as non-billable; on the work report at 0.
 * - billable: time and material, at its own price (no contract, outside the
 *   contract's validity, or outside its scope).
 * - flat_fee: covered by the contract's fee, billed at 0.
 * - prepaid: work that draws on the contract's prepaid minutes; how much of it
 *   the allowance covers is known only from the whole period's work (overage).
 */
import type { IsoDate } from '../../../shared/calendar/index.ts';
import { firstDayOf, type Period } from '../../../shared/period.ts';
import { isCoveredByScope, isWithinValidity, type ContractTerms, type CoverableRecord } from './terms.ts';

export type CoverageKind = 'not_billable' | 'billable' | 'flat_fee' | 'prepaid';

export interface CoverageQuestion {
  readonly billable: boolean;
  readonly date: IsoDate;
  readonly what: CoverableRecord;
}

export interface CoveringContract {
  readonly terms: Pick<ContractTerms, 'validFrom' | 'validTo' | 'scope'>;
  /** Whether the contract's prepaid minutes are drawn on (prepaidInEffect). */
  readonly prepaidInEffect: boolean;
}

export interface CoverageAnswer {
  readonly kind: CoverageKind;
  /** The record falls under the contract (its date is within the validity), whatever the kind. */
  readonly underContract: boolean;
}

/**
 * Whether a contract's covered work in `period` draws on prepaid minutes: it
 * has some, and it is still valid at some day of the period (a contract that
 * ended before has no allowance left to draw on; its covered work is covered
 * like a flat fee's).
 */
export function prepaidInEffect(terms: Pick<ContractTerms, 'prepaidMinutes' | 'validTo'>, period: Period): boolean {
  return terms.prepaidMinutes > 0 && (terms.validTo === null || terms.validTo >= firstDayOf(period));
}

/** The expected billing of one record under the contract it is linked to (null: none). */
export function coverageOf(record: CoverageQuestion, contract: CoveringContract | null): CoverageAnswer {
  const underContract = contract !== null && isWithinValidity(contract.terms, record.date);
  if (!record.billable) return { kind: 'not_billable', underContract };
  if (!underContract || !isCoveredByScope(contract.terms.scope, record.what)) return { kind: 'billable', underContract };
  return { kind: record.what.kind === 'work' && contract.prepaidInEffect ? 'prepaid' : 'flat_fee', underContract };
}
