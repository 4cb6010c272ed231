/** Each kind of record priced by the core, with the words of its explanation (see pricing.resolver.ts). */
import type { CountryCode, HolidayCalendar } from '../../shared/calendar/index.ts';
import type { WorkType } from './catalogue.schemas.ts';
import {
  billableMinutes,
  compiledPriceList,
  DEFAULT_BUSINESS_HOURS,
  priceTravel,
  priceUnitFee,
  priceWorkEntry,
  timeClass,
  type PriceListVersion,
  type TimeClass,
  type WorkPriceExplanation,
} from './domain/index.ts';
import { formatMilli, formatMinor, timeClassText } from './pricing.explain.ts';
import type { PricingReads } from './pricing.reads.ts';
import type { PricingInput, UnpricedReason } from './pricing.resolver.ts';

export interface PricingContext {
  reads: PricingReads;
  input: PricingInput;
  version: PriceListVersion;
  country: CountryCode;
  levelId: number | null;
  /** Lines are appended here. */
  explanation: string[];
}

export type KindResult =
  | {
      ok: true;
      /** null only for a record that is not billable and that the list could not price. */
      amountMinor: number | null;
      vatCategory: string;
      timeClass?: TimeClass;
      billableMinutes?: number;
      rateMinor?: number;
      surchargePct?: number;
      unitPriceMinor?: number;
    }
  | { ok: false; reason: UnpricedReason; message: string };

const failed = (reason: UnpricedReason, message: string): KindResult => ({ ok: false, reason, message });

/** A record that is not billable needs no price: what could not be priced is said, not reported as a failure. */
function unpricedUnlessNotBillable(c: PricingContext, reason: UnpricedReason, message: string, vatCategory: string): KindResult {
  if (c.input.billable) return failed(reason, message);
  c.explanation.push(`${message} (not needed: the record is not billable)`);
  return { ok: true, amountMinor: null, vatCategory };
}

// Versions with a work type's catalogue minimum added, per version object (which is cached per stored row).
const withMinimum = new WeakMap<PriceListVersion, Map<string, PriceListVersion>>();

/** The list's minimum for the work type, else the work type's own minimum from the catalogue. */
function withCatalogueMinimum(version: PriceListVersion, workType: WorkType): PriceListVersion {
  const id = String(workType.id);
  if (workType.minimumMinutes === 0 || version.minimumMinutes?.some((m) => m.workTypeId === id)) return version;
  let derived = withMinimum.get(version);
  if (!derived) withMinimum.set(version, (derived = new Map()));
  const key = `${id}:${workType.minimumMinutes}`;
  let v = derived.get(key);
  if (!v) derived.set(key, (v = { ...version, minimumMinutes: [...(version.minimumMinutes ?? []), { workTypeId: id, minutes: workType.minimumMinutes }] }));
  return v;
}

function roundingText(e: WorkPriceExplanation, workType: WorkType, billable: number, fromList: boolean): string[] {
  const rounded = Math.ceil(e.minutes / e.incrementMinutes) * e.incrementMinutes;
  const lines = [
    e.incrementMinutes === 1
      ? `${e.minutes} min, no rounding (increment 1 min)`
      : rounded === e.minutes
        ? `${e.minutes} min, whole ${e.incrementMinutes}-min increments`
        : `${e.minutes} min rounded up to the ${e.incrementMinutes}-min increment: ${rounded} min`,
  ];
  if (e.billableRule === 'minimum') {
    lines.push(`Minimum for ${workType.name} ${e.minimumMinutes} min (${fromList ? 'price list' : 'work type'}) applies: ${billable} min billable`);
  }
  return lines;
}

export async function priceWork(c: PricingContext, holidays: HolidayCalendar): Promise<KindResult> {
  const { input, explanation } = c;
  if (input.workTypeId === null || input.workTypeId === undefined) return failed('missing_input', 'A work record needs a work type');
  const workType = await c.reads.workType(input.workTypeId);
  if (!workType) return failed('unknown_reference', `Work type #${input.workTypeId} does not exist`);
  const level = c.levelId === null ? null : await c.reads.level(c.levelId);
  const fromList = c.version.minimumMinutes?.some((m) => m.workTypeId === String(workType.id)) ?? false;
  const version = withCatalogueMinimum(c.version, workType);
  const hours = version.businessHours ?? DEFAULT_BUSINESS_HOURS;
  const start = input.startTime === null ? null : { date: input.date, time: input.startTime };
  const override = input.timeClassOverride ?? null;
  const at = { date: input.date, time: input.startTime };
  const result = priceWorkEntry({
    priceList: version,
    workTypeId: String(workType.id),
    technicianLevel: c.levelId === null ? null : String(c.levelId),
    minutes: input.minutes,
    start,
    holidays,
    timeClassOverride: override,
  });
  if (!result.ok) {
    const message = `The price list has no rate for ${workType.name}${level ? ` (level ${level.name})` : ''}`;
    if (input.billable) return failed('no_rate', message);
    // Not billable: the work report still shows its time class and billable minutes.
    const compiled = compiledPriceList(version);
    const tc = override ?? timeClass(start, hours, holidays);
    const b = billableMinutes(input.minutes, compiled.increment, compiled.minimums.get(String(workType.id)) ?? 0);
    explanation.push(
      timeClassText(tc, override ? 'override' : start ? 'start_time' : 'no_start_time', at, hours, c.country),
      `${message} (not needed: the record is not billable)`,
    );
    return { ok: true, amountMinor: null, vatCategory: workType.vatCategory, timeClass: tc, billableMinutes: b };
  }
  const e = result.explanation;
  const levelText = e.rateSource === 'technician_level' && level ? `, level ${level.name}` : '';
  explanation.push(
    `Rate for ${workType.name}${levelText}: ${formatMinor(result.rateMinor)}/h`,
    `${timeClassText(result.timeClass, e.timeClassSource, at, hours, c.country)}; surcharge ${result.surchargePct} %`,
    ...roundingText(e, workType, result.billableMinutes, fromList),
    `${result.billableMinutes} min × ${formatMinor(result.rateMinor)}/h × ${100 + result.surchargePct} % = ${formatMinor(result.amountMinor)}`,
  );
  return {
    ok: true,
    amountMinor: result.amountMinor,
    vatCategory: workType.vatCategory,
    timeClass: result.timeClass,
    billableMinutes: result.billableMinutes,
    rateMinor: result.rateMinor,
    surchargePct: result.surchargePct,
  };
}

/** Travel is taxed at the standard rate (it follows the service it belongs to). */
const TRAVEL_VAT = 'standard';

export async function priceTravelRecord(c: PricingContext): Promise<KindResult> {
  const { input, explanation } = c;
  const kmGiven = input.kmMilli !== null && input.kmMilli !== undefined;
  if (!kmGiven && (input.zoneId === null || input.zoneId === undefined)) return failed('missing_input', 'A travel record needs km or a zone');
  const zone = input.zoneId === null || input.zoneId === undefined ? null : await c.reads.zone(input.zoneId);
  if (input.zoneId && !zone) return failed('unknown_reference', `Travel zone #${input.zoneId} does not exist`);
  if (zone && !compiledPriceList(c.version).zoneFees.has(String(zone.id))) {
    if (!kmGiven) return unpricedUnlessNotBillable(c, 'no_zone_price', `The price list has no fee for zone ${zone.name} and the record has no km`, TRAVEL_VAT);
    explanation.push(`Zone ${zone.name} has no fee in the price list: priced by distance`);
  }
  const km = input.kmMilli ?? 0;
  const result = priceTravel({ priceList: c.version, zoneId: zone ? String(zone.id) : null, kmMilli: km, minutes: input.minutes });
  if (!result.ok) return unpricedUnlessNotBillable(c, 'no_km_price', 'The price list has no price per km', TRAVEL_VAT);
  if (result.method === 'zone') {
    explanation.push(`Zone ${zone!.name}: fee ${formatMinor(result.amountMinor)}`);
  } else {
    const perKm = c.version.pricePerKmMinor ?? null;
    const rate = c.version.travelRatePerHourMinor ?? null;
    if (perKm !== null) explanation.push(`${formatMilli(km)} km × ${formatMinor(perKm)} = ${formatMinor(result.kmAmountMinor)}`);
    if (rate !== null) explanation.push(`${input.minutes} min travel time × ${formatMinor(rate)}/h = ${formatMinor(result.timeAmountMinor)}`);
    if (perKm !== null && rate !== null) explanation.push(`Travel ${formatMinor(result.amountMinor)}`);
  }
  return { ok: true, amountMinor: result.amountMinor, vatCategory: TRAVEL_VAT };
}

export async function priceFee(c: PricingContext): Promise<KindResult> {
  const { input } = c;
  if (input.feeId === null || input.feeId === undefined) return failed('missing_input', 'A fee record needs a unit fee');
  if (input.quantityMilli === null || input.quantityMilli === undefined) return failed('missing_input', 'A fee record needs a quantity');
  const fee = await c.reads.unitFee(input.feeId);
  if (!fee) return failed('unknown_reference', `Unit fee #${input.feeId} does not exist`);
  const result = priceUnitFee({ priceList: c.version, feeId: String(fee.id), quantityMilli: input.quantityMilli });
  if (!result.ok) return unpricedUnlessNotBillable(c, 'no_fee_price', `The price list has no price for ${fee.name}`, fee.vatCategory);
  c.explanation.push(`${fee.name}: ${formatMilli(input.quantityMilli)} ${fee.unit} × ${formatMinor(result.unitPriceMinor)} = ${formatMinor(result.amountMinor)}`);
  return { ok: true, amountMinor: result.amountMinor, vatCategory: fee.vatCategory, unitPriceMinor: result.unitPriceMinor };
}
