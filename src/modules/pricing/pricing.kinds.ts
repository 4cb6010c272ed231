/** Each kind of record priced by the core, with the words of its explanation (see pricing.resolver.ts). */
import { isoWeekday, publicHolidays, type CountryCode, type HolidayCalendar } from '../../shared/calendar/index.ts';
import type { WorkType } from './catalogue.schemas.ts';
import {
  billableMinutes,
  compiledPriceList,
  DEFAULT_BUSINESS_HOURS,
  priceTravel,
  priceUnitFee,
  priceWorkEntry,
  timeClass,
  type BusinessHours,
  type PriceListVersion,
  type TimeClass,
  type WorkPriceExplanation,
} from './domain/index.ts';
import { line, money, type ExplanationLine } from './pricing.explain.ts';
import type { PricingReads } from './pricing.reads.ts';
import type { PricingInput, UnpricedReason } from './pricing.resolver.ts';

export interface PricingContext {
  reads: PricingReads;
  input: PricingInput;
  version: PriceListVersion;
  country: CountryCode;
  levelId: number | null;
  /** Lines are appended here. */
  explanation: ExplanationLine[];
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
  | { ok: false; reason: UnpricedReason; why: ExplanationLine };

const failed = (reason: UnpricedReason, why: ExplanationLine): KindResult => ({ ok: false, reason, why });

/** A record that is not billable needs no price: what could not be priced is said, not reported as a failure. */
function unpricedUnlessNotBillable(c: PricingContext, reason: UnpricedReason, why: ExplanationLine, vatCategory: string): KindResult {
  if (c.input.billable) return failed(reason, why);
  c.explanation.push(line('notNeeded', { line: { line: why } }));
  return { ok: true, amountMinor: null, vatCategory };
}

/** Why the entry falls in its time class. */
function timeClassLine(
  tc: TimeClass,
  how: 'start_time' | 'no_start_time' | 'override',
  at: { date: string; time: string | null },
  hours: BusinessHours,
  country: CountryCode,
): ExplanationLine {
  const timeClass = { timeClass: tc };
  if (how === 'override') return line('timeClass.override', { timeClass });
  if (how === 'no_start_time' || at.time === null) return line('timeClass.noStart', { timeClass });
  const when = { at: { date: at.date, time: at.time } };
  if (tc === 'normal') return line('timeClass.within', { timeClass, at: when, hours: { hours } });
  if (tc === 'out_of_hours') return line('timeClass.outside', { timeClass, at: when, hours: { hours } });
  const holiday = publicHolidays(country, Number(at.date.slice(0, 4))).find((h) => h.date === at.date);
  return holiday
    ? line('timeClass.holiday', { timeClass, date: { date: at.date }, country, holiday: { holiday: { code: holiday.code, name: holiday.name } } })
    : line('timeClass.notBusinessDay', { timeClass, day: { day: at.date }, hours: { hours } });
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

function roundingLines(e: WorkPriceExplanation, workType: WorkType, billable: number, fromList: boolean): ExplanationLine[] {
  const rounded = Math.ceil(e.minutes / e.incrementMinutes) * e.incrementMinutes;
  const lines = [
    e.incrementMinutes === 1
      ? line('work.noRounding', { minutes: e.minutes })
      : rounded === e.minutes
        ? line('work.wholeIncrements', { minutes: e.minutes, increment: e.incrementMinutes })
        : line('work.roundedUp', { minutes: e.minutes, increment: e.incrementMinutes, rounded }),
  ];
  if (e.billableRule === 'minimum') {
    lines.push(line(fromList ? 'work.minimumList' : 'work.minimumType', { workType: workType.name, minimum: e.minimumMinutes, billable }));
  }
  return lines;
}

export async function priceWork(c: PricingContext, holidays: HolidayCalendar): Promise<KindResult> {
  const { input, explanation } = c;
  if (input.workTypeId === null || input.workTypeId === undefined) return failed('missing_input', line('work.noType'));
  const workType = await c.reads.workType(input.workTypeId);
  if (!workType) return failed('unknown_reference', line('work.unknownType', { id: String(input.workTypeId) }));
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
    const why = level ? line('work.noRateLevel', { workType: workType.name, level: level.name }) : line('work.noRate', { workType: workType.name });
    if (input.billable) return failed('no_rate', why);
    // Not billable: the work report still shows its time class and billable minutes.
    const compiled = compiledPriceList(version);
    const tc = override ?? timeClass(start, hours, holidays);
    const b = billableMinutes(input.minutes, compiled.increment, compiled.minimums.get(String(workType.id)) ?? 0);
    explanation.push(
      timeClassLine(tc, override ? 'override' : start ? 'start_time' : 'no_start_time', at, hours, c.country),
      line('notNeeded', { line: { line: why } }),
    );
    return { ok: true, amountMinor: null, vatCategory: workType.vatCategory, timeClass: tc, billableMinutes: b };
  }
  const e = result.explanation;
  const rate = money(result.rateMinor);
  explanation.push(
    e.rateSource === 'technician_level' && level
      ? line('work.rateLevel', { workType: workType.name, level: level.name, rate })
      : line('work.rate', { workType: workType.name, rate }),
    line('work.surcharge', { line: { line: timeClassLine(result.timeClass, e.timeClassSource, at, hours, c.country) }, pct: result.surchargePct }),
    ...roundingLines(e, workType, result.billableMinutes, fromList),
    line('work.amount', { billable: result.billableMinutes, rate, pct: 100 + result.surchargePct, amount: money(result.amountMinor) }),
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
  if (!kmGiven && (input.zoneId === null || input.zoneId === undefined)) return failed('missing_input', line('travel.noInput'));
  const zone = input.zoneId === null || input.zoneId === undefined ? null : await c.reads.zone(input.zoneId);
  if (input.zoneId && !zone) return failed('unknown_reference', line('travel.unknownZone', { id: String(input.zoneId) }));
  if (zone && !compiledPriceList(c.version).zoneFees.has(String(zone.id))) {
    if (!kmGiven) return unpricedUnlessNotBillable(c, 'no_zone_price', line('travel.noZoneFee', { zone: zone.name }), TRAVEL_VAT);
    explanation.push(line('travel.zoneByDistance', { zone: zone.name }));
  }
  const km = input.kmMilli ?? 0;
  const result = priceTravel({ priceList: c.version, zoneId: zone ? String(zone.id) : null, kmMilli: km, minutes: input.minutes });
  if (!result.ok) return unpricedUnlessNotBillable(c, 'no_km_price', line('travel.noKmPrice'), TRAVEL_VAT);
  if (result.method === 'zone') {
    explanation.push(line('travel.zoneFee', { zone: zone!.name, amount: money(result.amountMinor) }));
  } else {
    const perKm = c.version.pricePerKmMinor ?? null;
    const rate = c.version.travelRatePerHourMinor ?? null;
    if (perKm !== null) explanation.push(line('travel.km', { km: { milli: km }, perKm: money(perKm), amount: money(result.kmAmountMinor) }));
    if (rate !== null) explanation.push(line('travel.time', { minutes: input.minutes, rate: money(rate), amount: money(result.timeAmountMinor) }));
    if (perKm !== null && rate !== null) explanation.push(line('travel.total', { amount: money(result.amountMinor) }));
  }
  return { ok: true, amountMinor: result.amountMinor, vatCategory: TRAVEL_VAT };
}

export async function priceFee(c: PricingContext): Promise<KindResult> {
  const { input } = c;
  if (input.feeId === null || input.feeId === undefined) return failed('missing_input', line('fee.noFee'));
  if (input.quantityMilli === null || input.quantityMilli === undefined) return failed('missing_input', line('fee.noQuantity'));
  const fee = await c.reads.unitFee(input.feeId);
  if (!fee) return failed('unknown_reference', line('fee.unknown', { id: String(input.feeId) }));
  const result = priceUnitFee({ priceList: c.version, feeId: String(fee.id), quantityMilli: input.quantityMilli });
  if (!result.ok) return unpricedUnlessNotBillable(c, 'no_fee_price', line('fee.noPrice', { fee: fee.name }), fee.vatCategory);
  c.explanation.push(
    line('fee.amount', { fee: fee.name, quantity: { milli: input.quantityMilli }, unit: fee.unit, price: money(result.unitPriceMinor), amount: money(result.amountMinor) }),
  );
  return { ok: true, amountMinor: result.amountMinor, vatCategory: fee.vatCategory, unitPriceMinor: result.unitPriceMinor };
}
