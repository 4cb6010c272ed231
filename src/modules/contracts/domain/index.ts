export {
  assertValidBands,
  assertValidTerms,
  isCoveredByScope,
  isWithinValidity,
  MAX_MULTIPLIER,
  multiplierMicros,
  MULTIPLIER_SCALE,
  termsProblems,
} from './terms.ts';
export type {
  CarryOver,
  ContractFee,
  ContractScope,
  ContractTerms,
  CoverableRecord,
  FeeTiming,
  Multipliers,
  OverageBand,
  OveragePricing,
  TermsProblem,
} from './terms.ts';
export { feePeriodsToBill, isFeeDue, prepaidMinutesForPeriod, prorateByDays } from './fees.ts';
export type { FeePeriod } from './fees.ts';
export { allowanceMinutes, compareChronologically, consumePrepaid } from './prepaid.ts';
export type { CarriedLot, ChronologicalKey, CoveredEntry, EntrySplit, LotConsumption, PrepaidConsumption } from './prepaid.ts';
export { projectUse } from './projection.ts';
export type { UseProjection } from './projection.ts';
export { closePeriod } from './close-period.ts';
export type { LedgerRow, PeriodClose } from './close-period.ts';
export { priceOverage } from './overage.ts';
export { coverageOf, prepaidInEffect } from './record-coverage.ts';
export type { CoverageAnswer, CoverageKind, CoverageQuestion, CoveringContract } from './record-coverage.ts';
export type { EntryRatePricer, OverageLine, OveragePart, OveragePriceResult } from './overage.ts';
// Period helpers live in src/shared (billing runs need them too); re-exported
// here because contract periods are where most callers meet them.
export {
  addPeriods,
  comparePeriods,
  daysInPeriod,
  firstDayOf,
  lastDayOf,
  nextPeriod,
  overlapWithPeriod,
  periodOf,
  periodsBetween,
  prevPeriod,
} from '../../../shared/period.ts';
export type { Period, PeriodKind } from '../../../shared/period.ts';
