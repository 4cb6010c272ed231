/**
 * Pricing one work entry (BILLING.md §2). This is the hot path of a billing run,
 * so it uses the compiled price list and Number arithmetic (exact; BigInt only
 * when a product would pass 2^53, see mulDivRound).
 */
import { hourlyAmount, mulDivRound, type MinorUnits } from '../../../shared/money.ts';
import { ceilDiv } from '../../../shared/minutes.ts';
import type { HolidayCalendar } from '../../../shared/calendar/index.ts';
import { compiledPriceList, resolveWorkRate, type PriceListVersion, type TimeClass } from './price-list.ts';
import { timeClassCompiled, type LocalDateTime } from './time-class.ts';

/** b = max(minimum of the work type, ceil(minutes / increment) × increment). */
export function billableMinutes(minutes: number, increment: number, minimum: number): number {
  if (!Number.isSafeInteger(minutes) || minutes < 0) throw new RangeError(`minutes must be a whole non-negative number, got ${minutes}`);
  if (!Number.isSafeInteger(increment) || increment < 1) throw new RangeError(`increment must be a positive integer, got ${increment}`);
  if (!Number.isSafeInteger(minimum) || minimum < 0) throw new RangeError(`minimum must be a whole non-negative number, got ${minimum}`);
  const rounded = ceilDiv(minutes, increment) * increment;
  return rounded > minimum ? rounded : minimum;
}

/** round(b × rate × (100 + surcharge) / 6000): the amount of b billable minutes. */
export function workAmount(billable: number, hourlyRateMinor: MinorUnits, surchargePct: number): MinorUnits {
  return mulDivRound(billable, hourlyRateMinor, 100 + surchargePct, 6000);
}

export interface WorkEntryInput {
  readonly priceList: PriceListVersion;
  readonly workTypeId: string;
  readonly technicianLevel?: string | null;
  /** Actual minutes worked. */
  readonly minutes: number;
  /** Local start; null = no start time recorded (time class normal). */
  readonly start: LocalDateTime | null;
  /** Public holidays of the provider's country. */
  readonly holidays: HolidayCalendar;
  /** Set when a user with the right overrode the time class. */
  readonly timeClassOverride?: TimeClass | null;
  /** The technician's internal cost per hour; null when unknown (cost is then null, not 0). */
  readonly costRatePerHourMinor?: MinorUnits | null;
}

/** Why the amount is what it is, as data, so the UI can explain it in any language. */
export interface WorkPriceExplanation {
  readonly minutes: number;
  readonly incrementMinutes: number;
  readonly minimumMinutes: number;
  /** 'minimum' when the work type's minimum decided b, else 'increment'. */
  readonly billableRule: 'increment' | 'minimum';
  readonly rateSource: 'technician_level' | 'work_type';
  readonly timeClassSource: 'start_time' | 'no_start_time' | 'override';
}

export interface PricedWork {
  readonly ok: true;
  readonly billableMinutes: number;
  readonly timeClass: TimeClass;
  readonly rateMinor: MinorUnits;
  readonly surchargePct: number;
  readonly amountMinor: MinorUnits;
  readonly costMinor: MinorUnits | null;
  readonly explanation: WorkPriceExplanation;
}

export interface UnpricedWork {
  readonly ok: false;
  readonly reason: 'no_rate';
  readonly workTypeId: string;
  readonly technicianLevel: string | null;
}

export type WorkPriceResult = PricedWork | UnpricedWork;

/**
 * Prices one work entry. A missing rate is a result ({ ok: false, reason:
 * 'no_rate' }) that blocks the client's draft; it is never priced as 0.
 * Malformed input (negative minutes, bad dates) throws: it is a programming
 * error, validated long before a billing run.
 */
export function priceWorkEntry(input: WorkEntryInput): WorkPriceResult {
  const list = compiledPriceList(input.priceList);
  const level = input.technicianLevel ?? null;
  const rate = resolveWorkRate(input.priceList, input.workTypeId, level);
  if (rate === null) return { ok: false, reason: 'no_rate', workTypeId: input.workTypeId, technicianLevel: level };

  const minimum = list.minimums.get(input.workTypeId) ?? 0;
  const rounded = billableMinutes(input.minutes, list.increment, 0);
  const billable = rounded > minimum ? rounded : minimum;

  let timeClass: TimeClass;
  let timeClassSource: WorkPriceExplanation['timeClassSource'];
  if (input.timeClassOverride != null) {
    timeClass = input.timeClassOverride;
    timeClassSource = 'override';
  } else {
    timeClass = timeClassCompiled(input.start, list.businessHours, input.holidays);
    timeClassSource = input.start === null ? 'no_start_time' : 'start_time';
  }
  const surchargePct = list.surcharge[timeClass];
  if (surchargePct === undefined) throw new RangeError(`unknown time class '${String(timeClass)}'`);

  const costRate = input.costRatePerHourMinor ?? null;
  return {
    ok: true,
    billableMinutes: billable,
    timeClass,
    rateMinor: rate.rateMinor,
    surchargePct,
    amountMinor: workAmount(billable, rate.rateMinor, surchargePct),
    costMinor: costRate === null ? null : hourlyAmount(input.minutes, costRate),
    explanation: {
      minutes: input.minutes,
      incrementMinutes: list.increment,
      minimumMinutes: minimum,
      billableRule: minimum > rounded ? 'minimum' : 'increment',
      rateSource: rate.source,
      timeClassSource,
    },
  };
}

export interface WorkMinutesPrice {
  readonly ok: true;
  readonly rateMinor: MinorUnits;
  readonly surchargePct: number;
  readonly amountMinor: MinorUnits;
}

/**
 * Prices already-billable minutes at a work type's rate and a time class's
 * surcharge — for parts of entries, e.g. the overage part of a prepaid entry
 * priced `entry_rate` (no increment or minimum is applied again).
 */
export function priceBillableMinutes(
  priceList: PriceListVersion,
  workTypeId: string,
  technicianLevel: string | null,
  billable: number,
  timeClass: TimeClass,
): WorkMinutesPrice | UnpricedWork {
  const rate = resolveWorkRate(priceList, workTypeId, technicianLevel);
  if (rate === null) return { ok: false, reason: 'no_rate', workTypeId, technicianLevel };
  if (!Number.isSafeInteger(billable) || billable < 0) throw new RangeError(`billable minutes must be a whole non-negative number, got ${billable}`);
  const surchargePct = compiledPriceList(priceList).surcharge[timeClass];
  if (surchargePct === undefined) throw new RangeError(`unknown time class '${String(timeClass)}'`);
  return { ok: true, rateMinor: rate.rateMinor, surchargePct, amountMinor: workAmount(billable, rate.rateMinor, surchargePct) };
}
