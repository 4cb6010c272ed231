/**
 * The terms of a service contract (BILLING.md §3) as plain data, with the small
 * pure questions asked of them: does a record fall under it, is it covered,
 * which multiplier applies.
 */
import { isoDateProblem, type IsoDate } from '../../../shared/calendar/index.ts';
import type { CurrencyCode, MinorUnits } from '../../../shared/money.ts';
import type { PeriodKind } from '../../../shared/period.ts';
import type { TimeClass } from '../../../shared/time-class.ts';

export type FeeTiming = 'in_arrears' | 'in_advance';

export interface ContractFee {
  readonly amountMinor: MinorUnits; // per full period
  /** VAT rate in basis points (21 % = 2100). */
  readonly vatRateBp: number;
  readonly timing: FeeTiming; // default in_arrears
}

export interface ContractScope {
  readonly workTypeIds: readonly string[];
  readonly coversTravel: boolean;
  readonly unitFeeIds: readonly string[];
  // Material is never covered (BILLING.md §3), so there is no switch for it.
}

export type CarryOver =
  | { readonly enabled: false }
  | {
      readonly enabled: true;
      /** The most minutes that may stand carried after a close; null = no cap. */
      readonly capMinutes: number | null;
      /** How many following periods carried minutes stay usable (≥ 1, default 1). */
      readonly lifePeriods: number;
    };

/**
 * Allowance multipliers in thousandths (1.5 = 1500), so decimals stay exact.
 * Missing entries mean 1 (1000). When both a work type and a time class have a
 * multiplier they multiply (on-site 1.5 at a weekend 2.0 uses 3.0).
 */
export interface Multipliers {
  readonly byWorkType?: Readonly<Record<string, number>>;
  readonly byTimeClass?: Readonly<Partial<Record<TimeClass, number>>>;
}

export interface OverageBand {
  /** Size of the band in overage minutes per period; null = unlimited (last band only). */
  readonly minutes: number | null;
  readonly ratePerHourMinor: MinorUnits;
}

export type OveragePricing =
  | { readonly kind: 'entry_rate' }
  | { readonly kind: 'flat_rate'; readonly ratePerHourMinor: MinorUnits }
  | { readonly kind: 'tiered'; readonly bands: readonly OverageBand[] };

export interface ContractTerms {
  readonly contractId: string;
  readonly clientId: string;
  readonly currency: CurrencyCode;
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null; // inclusive; null = open-ended
  readonly periodKind: PeriodKind;
  readonly priceListId: string | null;
  readonly fee: ContractFee | null;
  readonly scope: ContractScope;
  /** Prepaid minutes per full period; 0 = none (a pure flat fee). */
  readonly prepaidMinutes: number;
  readonly carryOver: CarryOver;
  readonly multipliers: Multipliers;
  readonly overage: OveragePricing;
}

export const MULTIPLIER_SCALE = 1000;
/**
 * The largest multiplier, in thousandths (× 100). 0 is a multiplier too: covered work
 * that uses no allowance at all (included in the fee without a limit); below 0 there
 * is nothing a contract could mean (the work would give minutes back).
 */
export const MAX_MULTIPLIER = 100 * MULTIPLIER_SCALE;

/** A record falls under the contract when its date is within the validity. */
export function isWithinValidity(terms: Pick<ContractTerms, 'validFrom' | 'validTo'>, date: IsoDate): boolean {
  return date >= terms.validFrom && (terms.validTo === null || date <= terms.validTo);
}

export type CoverableRecord =
  | { readonly kind: 'work'; readonly workTypeId: string }
  | { readonly kind: 'travel' }
  | { readonly kind: 'unit_fee'; readonly feeId: string }
  | { readonly kind: 'item' };

/** Whether a record under the contract is also within its scope. */
export function isCoveredByScope(scope: ContractScope, record: CoverableRecord): boolean {
  switch (record.kind) {
    case 'work':
      return scope.workTypeIds.includes(record.workTypeId);
    case 'travel':
      return scope.coversTravel;
    case 'unit_fee':
      return scope.unitFeeIds.includes(record.feeId);
    case 'item':
      return false;
  }
}

function lookup(table: Readonly<Record<string, number>> | undefined, key: string): number {
  if (table === undefined || !Object.hasOwn(table, key)) return MULTIPLIER_SCALE;
  const value = table[key];
  if (value === undefined || !Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`multiplier for '${key}' must be a non-negative integer of thousandths, got ${String(value)}`);
  }
  return value;
}

/**
 * The multiplier of an entry as an exact fraction numerator / 1 000 000
 * (work type thousandths × time class thousandths).
 */
export function multiplierMicros(multipliers: Multipliers, workTypeId: string, timeClass: TimeClass): number {
  return lookup(multipliers.byWorkType, workTypeId) * lookup(multipliers.byTimeClass, timeClass);
}

const isMultiplier = (value: number) => Number.isSafeInteger(value) && value >= 0 && value <= MAX_MULTIPLIER;
const multiplierMessage = (value: number) =>
  `multiplier must be a whole number of thousandths from 0 to ${MAX_MULTIPLIER} (× 0 to × ${MAX_MULTIPLIER / MULTIPLIER_SCALE}), got ${String(value)}`;

/** One inconsistency of the terms, naming the field it is about (the API's path). */
export interface TermsProblem {
  readonly path: string;
  readonly code: 'invalid_date' | 'before_valid_from' | 'out_of_range' | 'invalid_bands' | 'invalid_multiplier';
  readonly message: string;
}

/** The inconsistencies of tiered overage bands, first to last (none when they are fine). */
function bandProblems(bands: readonly OverageBand[]): string[] {
  if (bands.length === 0) return ['tiered overage needs at least one band'];
  return bands.flatMap((band, i) => {
    const last = i === bands.length - 1;
    const problems: string[] = [];
    if (!Number.isSafeInteger(band.ratePerHourMinor) || band.ratePerHourMinor < 0) problems.push(`band ${i + 1}: rate must be a non-negative integer`);
    if (band.minutes === null && !last) problems.push(`band ${i + 1}: only the last band may be unlimited`);
    if (band.minutes !== null && (!Number.isSafeInteger(band.minutes) || band.minutes <= 0)) problems.push(`band ${i + 1}: size must be a positive number of minutes`);
    if (last && band.minutes !== null) problems.push('the last band must be unlimited (minutes: null)');
    return problems;
  });
}

/**
 * Every inconsistency in the terms at once, each naming its field, so that a
 * form can mark all of them in one answer (not one per save).
 */
export function termsProblems(terms: ContractTerms): TermsProblem[] {
  const problems: TermsProblem[] = [];
  const add = (path: string, code: TermsProblem['code'], message: string) => problems.push({ path, code, message });
  // A malformed date is one problem among the others (the API takes dates as text for this), not a refusal before them.
  const validFromProblem = isoDateProblem(terms.validFrom);
  const validToProblem = terms.validTo === null ? null : isoDateProblem(terms.validTo);
  const validFromOk = validFromProblem === null;
  const validToOk = validToProblem === null;
  if (!validFromOk) add('validFrom', 'invalid_date', validFromProblem);
  if (!validToOk) add('validTo', 'invalid_date', validToProblem);
  if (validFromOk && validToOk && terms.validTo !== null && terms.validTo < terms.validFrom) add('validTo', 'before_valid_from', 'validTo is before validFrom');
  if (!Number.isSafeInteger(terms.prepaidMinutes) || terms.prepaidMinutes < 0) add('prepaidMinutes', 'out_of_range', 'prepaid minutes must be whole and ≥ 0');
  if (terms.fee !== null && (!Number.isSafeInteger(terms.fee.amountMinor) || terms.fee.amountMinor < 0)) add('fee.amountMinor', 'out_of_range', 'fee must be a non-negative integer');
  if (terms.carryOver.enabled) {
    const { capMinutes, lifePeriods } = terms.carryOver;
    if (capMinutes !== null && (!Number.isSafeInteger(capMinutes) || capMinutes < 0)) add('carryOver.capMinutes', 'out_of_range', 'carry-over cap must be whole and ≥ 0');
    if (!Number.isSafeInteger(lifePeriods) || lifePeriods < 1) add('carryOver.lifePeriods', 'out_of_range', 'carry-over life must be at least 1 period');
  }
  for (const [key, value] of Object.entries(terms.multipliers.byWorkType ?? {})) {
    if (!isMultiplier(value)) add(`multipliers.byWorkType.${key}`, 'invalid_multiplier', multiplierMessage(value));
  }
  for (const [key, value] of Object.entries(terms.multipliers.byTimeClass ?? {})) {
    if (value !== undefined && !isMultiplier(value)) add(`multipliers.byTimeClass.${key}`, 'invalid_multiplier', multiplierMessage(value));
  }
  if (terms.overage.kind === 'tiered') for (const message of bandProblems(terms.overage.bands)) add('overage.bands', 'invalid_bands', message);
  return problems;
}

/** Throws RangeError naming every inconsistency in the terms. */
export function assertValidTerms(terms: ContractTerms): void {
  const problems = termsProblems(terms);
  if (problems.length) throw new RangeError(`contract ${terms.contractId}: ${problems.map((p) => p.message).join('; ')}`);
}

export function assertValidBands(bands: readonly OverageBand[]): void {
  const problems = bandProblems(bands);
  if (problems.length) throw new RangeError(problems[0]);
}
