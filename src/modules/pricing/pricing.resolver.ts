/**
 * Pricing one service record from the database (BILLING.md §2), for the records
 * module and the admin's price preview. Gathers the inputs (list, version, rate,
 * level, holidays, costs) and leaves every computation to the pure core in
 * domain/. Never prices 0 by accident: a record that cannot be priced is a
 * result with a reason, and only a record marked not billable is priced 0.
 */
import type { DbOrTx } from '../../platform/db/index.ts';
import { holidayCalendar } from '../../shared/calendar/index.ts';
import { invalidDate, problemsOf } from '../../shared/date-details.ts';
import { failIf, invalid, type ErrorDetail } from '../../shared/errors.ts';
import { tryMinuteOfDay } from '../../shared/minutes.ts';
import { multiplyQuantity } from '../../shared/quantity.ts';
import * as costs from './costs.repo.ts';
import { dayKind, DEFAULT_BUSINESS_HOURS, hourlyAmount, type DayKind, type TimeClass } from './domain/index.ts';
import { directReads, pricingReads, type PricingReads } from './pricing.reads.ts';
import { line, money, type ExplanationLine, type PriceListSourceKind } from './pricing.explain.ts';
import { renderExplanationLine } from './pricing.explain-render.ts';
import { priceFee, priceTravelRecord, priceWork, type PricingContext, type KindResult } from './pricing.kinds.ts';
import { coreVersionOf } from './terms.ts';

export type PriceRecordKind = 'work' | 'travel' | 'fee';

export interface PriceRecordInput {
  kind: PriceRecordKind;
  clientId: number;
  /** The list of the contract the record falls under, when it names one. */
  contractPriceListId?: number | null;
  /** The client's own list (null: none), when the caller has read it already; else it is read here. */
  clientPriceListId?: number | null;
  /** The record's date, YYYY-MM-DD. */
  date: string;
  /** Local start HH:MM; null: time class normal. */
  startTime: string | null;
  /** Work: actual minutes; travel: travel time (priced when the list has a travel rate). */
  minutes: number;
  workTypeId?: number | null;
  technicianId: number;
  /** Set when a user with the right chose the time class. */
  timeClassOverride?: TimeClass | null;
  kmMilli?: number | null;
  zoneId?: number | null;
  feeId?: number | null;
  quantityMilli?: number | null;
  billable: boolean;
}

export type { PriceListSourceKind };

export type UnpricedReason =
  | 'no_price_list'
  | 'no_version_on_date'
  | 'no_rate'
  | 'no_km_price'
  | 'no_zone_price'
  | 'no_fee_price'
  | 'no_item_price'
  | 'unknown_reference'
  | 'missing_input';

interface PricedBase {
  /** Internal cost (null when no cost rate is known; never a made-up 0) and its currency. */
  costMinor: number | null;
  costCurrency: string | null;
  /**
   * Why, line by line as data (put into words in the reader's language when read, see
   * pricing.explain.ts), in order: list and version, rate, class and surcharge,
   * rounding, minimum, amount, cost.
   */
  explanation: ExplanationLine[];
}

export type PricedRecord =
  | (PricedBase & {
      ok: true;
      priceListId: number;
      priceListName: string;
      source: PriceListSourceKind;
      validFrom: string;
      currency: string;
      timeClass?: TimeClass;
      billableMinutes?: number;
      rateMinor?: number;
      surchargePct?: number;
      unitPriceMinor?: number;
      amountMinor: number;
      vatCategory: string;
    })
  | (PricedBase & {
      ok: false;
      reason: UnpricedReason;
      message: string;
      /** The list and version when they were found. */
      priceListId: number | null;
      priceListName: string | null;
      validFrom: string | null;
    });

/**
 * Prices a work, travel or fee record (db or the caller's transaction first). A caller
 * that has already taken pricing's reads for this record passes them, so the
 * configuration version is checked once.
 */
export function priceRecord(db: DbOrTx, input: PriceRecordInput, reads?: PricingReads): Promise<PricedRecord> {
  return priceWith(db, input, reads);
}

/** priceRecord for the preview: the client and technician are optional, a list may be chosen outright. */
export interface PricingInput extends Omit<PriceRecordInput, 'clientId' | 'technicianId'> {
  clientId: number | null;
  technicianId: number | null;
  priceListId?: number | null;
}

function inputProblems(input: PricingInput): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const bad = (path: string, message: string) => problems.push({ path, code: 'invalid', message });
  problems.push(...problemsOf(invalidDate('date', input.date)));
  if (input.startTime !== null && tryMinuteOfDay(input.startTime) < 0) bad('startTime', 'Not a time HH:MM');
  if (!Number.isSafeInteger(input.minutes) || input.minutes < 0) bad('minutes', 'Minutes must be a whole number, 0 or more');
  for (const key of ['kmMilli', 'quantityMilli'] as const) {
    const v = input[key];
    if (v !== null && v !== undefined && (!Number.isSafeInteger(v) || v < 0)) bad(key, 'Must be whole thousandths, 0 or more');
  }
  return problems;
}

export async function priceWith(db: DbOrTx, input: PricingInput, given?: PricingReads): Promise<PricedRecord> {
  const problems = inputProblems(input);
  if (problems.length) throw invalid(problems);
  const explanation: ExplanationLine[] = [];
  const reads = given ?? (await pricingReads(db));
  const cost = await costOf(reads, input);

  // The message is the English words of the reason's line (the API's fallback); the line itself goes into the explanation.
  const unpriced = (reason: UnpricedReason, why: ExplanationLine, list: { id: number; name: string } | null = null, validFrom: string | null = null): PricedRecord =>
    Object.assign(
      { ok: false as const, reason, message: renderExplanationLine(why, 'en'), priceListId: list?.id ?? null, priceListName: list?.name ?? null, validFrom },
      cost.result,
      { explanation: [...explanation, why, ...cost.lines] },
    );

  const chosen = await chooseList(db, input, explanation, reads);
  if ('reason' in chosen) return unpriced(chosen.reason, chosen.why);
  const { list, source } = chosen;
  const row = await reads.versionRowOn(list.id, input.date); // the core's versionOnDate, in SQL
  if (!row) return unpriced('no_version_on_date', line('list.noVersion', { list: list.name, source: { source }, date: { date: input.date } }), list);
  explanation.push(line('list.used', { list: list.name, source: { source }, validFrom: { date: row.valid_from }, currency: list.currency }));

  const context: PricingContext = {
    reads,
    input,
    version: coreVersionOf(row, list.currency),
    country: await reads.providerCountry(),
    levelId: input.technicianId === null ? null : await reads.technicianLevelId(input.technicianId),
    explanation,
  };
  const result: KindResult =
    input.kind === 'work' ? await priceWork(context, holidayCalendar(context.country)) : input.kind === 'travel' ? await priceTravelRecord(context) : await priceFee(context);
  if (!result.ok) return unpriced(result.reason, result.why, list, row.valid_from);
  const { ok: _ok, amountMinor, ...rest } = result;
  // The kinds leave the amount empty only for records that are not billable; anything else would be a silent 0.
  if (amountMinor === null && input.billable) throw new Error('pricing: a billable record came back without an amount');
  if (!input.billable) explanation.push(amountMinor === null ? line('notBillable', { zero: money(0) }) : line('notBillable.wouldBe', { zero: money(0), amount: money(amountMinor) }));
  // Object.assign onto a fresh literal, not spreads with more keys after them (docs/ARCHITECTURE.md, “Hot paths”).
  return Object.assign(
    { ok: true as const, priceListId: list.id, priceListName: list.name, source, validFrom: row.valid_from, currency: list.currency },
    rest,
    { amountMinor: input.billable && amountMinor !== null ? amountMinor : 0 },
    cost.result,
    { explanation: [...explanation, ...cost.lines] },
  );
}

/** Whose list would price a record on a date: the same inputs as pricing it (see chooseList). */
export type DayKindInput = Pick<PricingInput, 'clientId' | 'contractPriceListId' | 'clientPriceListId' | 'date'>;

/**
 * What the date is for the time class of work started on it (business day, a day outside
 * the business hours, public holiday), under the list and version that would price a
 * record on it and the provider's holidays. Without a list or a version on the date (the
 * record would have no price anyway) the default business hours apply.
 */
export async function dayKindFor(db: DbOrTx, input: DayKindInput, given?: PricingReads): Promise<DayKind> {
  failIf(problemsOf(invalidDate('date', input.date)));
  const reads = given ?? (await pricingReads(db));
  const chosen = await chooseList(db, { ...input, kind: 'work', startTime: null, minutes: 0, technicianId: null, billable: true }, [], reads);
  const row = 'list' in chosen ? await reads.versionRowOn(chosen.list.id, input.date) : null;
  const hours = (row && 'list' in chosen ? coreVersionOf(row, chosen.list.currency).businessHours : undefined) ?? DEFAULT_BUSINESS_HOURS;
  return dayKind(input.date, hours, holidayCalendar(await reads.providerCountry()));
}

/** The list: a chosen one (preview), else the contract's, else the client's, else the default; deactivated lists are skipped. */
export async function chooseList(
  db: DbOrTx,
  input: PricingInput,
  explanation: ExplanationLine[],
  reads: PricingReads = directReads(db),
): Promise<{ list: { id: number; name: string; currency: string }; source: PriceListSourceKind } | { reason: UnpricedReason; why: ExplanationLine }> {
  const candidates: [PriceListSourceKind, number | null | undefined][] = [
    ['chosen', input.priceListId],
    ['contract', input.contractPriceListId],
    ['client', input.clientId === null ? null : input.clientPriceListId !== undefined ? input.clientPriceListId : await reads.clientPriceListId(input.clientId)],
  ];
  for (const [source, id] of candidates) {
    if (id === null || id === undefined) continue;
    const list = await reads.listHead(id);
    if (!list) return { reason: 'unknown_reference', why: line('list.unknown', { id: String(id), source: { source } }) };
    if (list.active) return { list, source };
    explanation.push(line('list.skipped', { list: list.name, source: { source } }));
  }
  const fallback = await reads.defaultListHead();
  if (!fallback) return { reason: 'no_price_list', why: line('list.none') };
  return { list: fallback, source: 'default' };
}

/** Work: minutes × the technician's hourly cost on the date / 60; travel: km × cost per km. Null when no rate is known. */
async function costOf(reads: PricingReads, input: PricingInput): Promise<{ result: { costMinor: number | null; costCurrency: string | null }; lines: ExplanationLine[] }> {
  const none = (why: ExplanationLine) => ({ result: { costMinor: null, costCurrency: null }, lines: [why] });
  if (input.kind === 'work') {
    if (input.technicianId === null) return none(line('cost.noTechnician'));
    const rate = await reads.costRateOn('hourly', input.technicianId, input.date);
    if (!rate) return none(line('cost.noHourlyRate', { date: { date: input.date } }));
    const costMinor = hourlyAmount(input.minutes, rate.amountMinor);
    const why = line('cost.work', { minutes: input.minutes, rate: money(rate.amountMinor), cost: money(costMinor, rate.currency) });
    return { result: { costMinor, costCurrency: rate.currency }, lines: [why] };
  }
  if (input.kind === 'travel') {
    if (input.kmMilli === null || input.kmMilli === undefined) return none(line('cost.noKm'));
    const km = input.kmMilli;
    const rate = await reads.costRateOn('per_km', null, input.date);
    if (!rate) return none(line('cost.noKmRate', { date: { date: input.date } }));
    const costMinor = multiplyQuantity(km, rate.amountMinor);
    const why = line('cost.travel', { km: { milli: km }, rate: money(rate.amountMinor), cost: money(costMinor, rate.currency) });
    return { result: { costMinor, costCurrency: rate.currency }, lines: [why] };
  }
  const currency = costs.currencyOfCountry(await reads.providerCountry());
  return { result: { costMinor: 0, costCurrency: currency }, lines: [line('cost.fee')] };
}

