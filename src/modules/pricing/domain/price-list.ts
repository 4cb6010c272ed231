/**
 * A price-list version as plain data (what the repository reads from its rows),
 * and a compiled, indexed form of it that the hot pricing path uses. Versions are
 * immutable once loaded, so the compiled form is memoised per version object.
 */
import type { CurrencyCode, MinorUnits } from '../../../shared/money.ts';
import type { IsoDate } from '../../../shared/calendar/index.ts';
import { tryMinuteOfDay, type TimeOfDay } from '../../../shared/minutes.ts';
import { TIME_CLASSES, type TimeClass } from '../../../shared/time-class.ts';

export type { TimeClass };

/** Business hours: the ISO weekdays (Mon = 1 … Sun = 7) and the hours within them. */
export interface BusinessHours {
  readonly weekdays: readonly number[];
  readonly start: TimeOfDay; // inclusive
  readonly end: TimeOfDay; // exclusive; '24:00' allowed
}

export const DEFAULT_BUSINESS_HOURS: BusinessHours = { weekdays: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' };
export const DEFAULT_INCREMENT_MINUTES = 15;

/** An hourly rate for a work type, or for a work type and technician level. */
export interface WorkRate {
  readonly workTypeId: string;
  readonly technicianLevel: string | null;
  readonly hourlyRateMinor: MinorUnits;
}

export interface PriceListVersion {
  readonly priceListId: string;
  readonly validFrom: IsoDate;
  readonly currency: CurrencyCode;
  readonly workRates: readonly WorkRate[];
  /** Absent: DEFAULT_BUSINESS_HOURS (Mon–Fri 08:00–17:00). */
  readonly businessHours?: BusinessHours;
  /** Whole percent per time class, e.g. { normal: 0, out_of_hours: 50, weekend_holiday: 100 }. */
  readonly surchargePct: Readonly<Record<TimeClass, number>>;
  /** Absent: 15. 1 means no rounding up. */
  readonly incrementMinutes?: number;
  readonly minimumMinutes?: readonly { readonly workTypeId: string; readonly minutes: number }[];
  readonly pricePerKmMinor?: MinorUnits | null;
  readonly travelRatePerHourMinor?: MinorUnits | null;
  readonly zoneFees?: readonly { readonly zoneId: string; readonly feeMinor: MinorUnits }[];
  readonly unitFeePrices?: readonly { readonly feeId: string; readonly priceMinor: MinorUnits }[];
  readonly itemPrices?: readonly { readonly itemId: string; readonly priceMinor: MinorUnits }[];
}

/** Business hours ready for the hot path: a weekday bit mask and minutes of day. */
export interface CompiledBusinessHours {
  readonly weekdayMask: number; // bit n set = ISO weekday n is a business day
  readonly startMinute: number;
  readonly endMinute: number;
}

interface RatesOfWorkType {
  base: MinorUnits | undefined;
  byLevel: Map<string, MinorUnits> | undefined;
}

export interface CompiledPriceList {
  readonly version: PriceListVersion;
  readonly rates: ReadonlyMap<string, RatesOfWorkType>;
  readonly minimums: ReadonlyMap<string, number>;
  readonly businessHours: CompiledBusinessHours;
  readonly increment: number;
  readonly surcharge: Readonly<Record<TimeClass, number>>;
  readonly zoneFees: ReadonlyMap<string, MinorUnits>;
  readonly unitFeePrices: ReadonlyMap<string, MinorUnits>;
  readonly itemPrices: ReadonlyMap<string, MinorUnits>;
}

function invalid(version: PriceListVersion, problem: string): never {
  throw new RangeError(`price list ${version.priceListId} (${version.validFrom}): ${problem}`);
}

function nonNegativeInteger(version: PriceListVersion, value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0) invalid(version, `${what} must be a non-negative integer`);
  return value;
}

export function compileBusinessHours(hours: BusinessHours): CompiledBusinessHours {
  let weekdayMask = 0;
  for (const day of hours.weekdays) {
    if (!Number.isInteger(day) || day < 1 || day > 7) throw new RangeError(`weekday out of range: ${day}`);
    weekdayMask |= 1 << day;
  }
  const startMinute = tryMinuteOfDay(hours.start);
  const endMinute = tryMinuteOfDay(hours.end, true);
  if (startMinute < 0 || endMinute < 0 || endMinute <= startMinute) {
    throw new RangeError(`invalid business hours ${hours.start}–${hours.end}`);
  }
  return { weekdayMask, startMinute, endMinute };
}

function indexBy<T>(version: PriceListVersion, rows: readonly T[] | undefined, key: (row: T) => string, value: (row: T) => number, what: string) {
  const map = new Map<string, number>();
  for (const row of rows ?? []) {
    const id = key(row);
    if (map.has(id)) invalid(version, `duplicate ${what} for '${id}'`);
    map.set(id, nonNegativeInteger(version, value(row), what));
  }
  return map;
}

/** Validates a version and builds its lookup tables. Throws RangeError on bad data. */
export function compilePriceList(version: PriceListVersion): CompiledPriceList {
  const rates = new Map<string, RatesOfWorkType>();
  for (const rate of version.workRates) {
    nonNegativeInteger(version, rate.hourlyRateMinor, 'hourly rate');
    let entry = rates.get(rate.workTypeId);
    if (entry === undefined) {
      entry = { base: undefined, byLevel: undefined };
      rates.set(rate.workTypeId, entry);
    }
    if (rate.technicianLevel === null) {
      if (entry.base !== undefined) invalid(version, `duplicate rate for work type '${rate.workTypeId}'`);
      entry.base = rate.hourlyRateMinor;
    } else {
      entry.byLevel ??= new Map();
      if (entry.byLevel.has(rate.technicianLevel)) {
        invalid(version, `duplicate rate for '${rate.workTypeId}' level '${rate.technicianLevel}'`);
      }
      entry.byLevel.set(rate.technicianLevel, rate.hourlyRateMinor);
    }
  }
  const increment = version.incrementMinutes ?? DEFAULT_INCREMENT_MINUTES;
  if (!Number.isSafeInteger(increment) || increment < 1) invalid(version, 'increment must be a positive integer');
  const surcharge = { ...version.surchargePct };
  for (const timeClass of TIME_CLASSES) {
    const pct = surcharge[timeClass];
    // -100 would make work free; anything below is a negative price.
    if (!Number.isSafeInteger(pct) || pct < -100) invalid(version, `surcharge for ${timeClass} must be an integer ≥ -100`);
  }
  for (const optional of [version.pricePerKmMinor, version.travelRatePerHourMinor]) {
    if (optional !== undefined && optional !== null) nonNegativeInteger(version, optional, 'travel price');
  }
  return {
    version,
    rates,
    minimums: indexBy(version, version.minimumMinutes, (m) => m.workTypeId, (m) => m.minutes, 'minimum minutes'),
    businessHours: compileBusinessHours(version.businessHours ?? DEFAULT_BUSINESS_HOURS),
    increment,
    surcharge,
    zoneFees: indexBy(version, version.zoneFees, (z) => z.zoneId, (z) => z.feeMinor, 'zone fee'),
    unitFeePrices: indexBy(version, version.unitFeePrices, (f) => f.feeId, (f) => f.priceMinor, 'unit fee price'),
    itemPrices: indexBy(version, version.itemPrices, (i) => i.itemId, (i) => i.priceMinor, 'item price'),
  };
}

const compiled = new WeakMap<PriceListVersion, CompiledPriceList>();

/** The compiled form of a version, built once per version object. */
export function compiledPriceList(version: PriceListVersion): CompiledPriceList {
  let entry = compiled.get(version);
  if (entry === undefined) {
    entry = compilePriceList(version);
    compiled.set(version, entry);
  }
  return entry;
}

export interface ResolvedRate {
  readonly rateMinor: MinorUnits;
  readonly source: 'technician_level' | 'work_type';
}

/**
 * The hourly rate for (work type, technician level), else for the work type;
 * null when neither exists (BILLING.md §2: such a record cannot be priced).
 */
export function resolveWorkRate(version: PriceListVersion, workTypeId: string, technicianLevel: string | null): ResolvedRate | null {
  const entry = compiledPriceList(version).rates.get(workTypeId);
  if (entry === undefined) return null;
  if (technicianLevel !== null && entry.byLevel !== undefined) {
    const levelRate = entry.byLevel.get(technicianLevel);
    if (levelRate !== undefined) return { rateMinor: levelRate, source: 'technician_level' };
  }
  return entry.base === undefined ? null : { rateMinor: entry.base, source: 'work_type' };
}
