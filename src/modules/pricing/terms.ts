import { z } from 'zod';
import type { DbOrTx } from '../../platform/db/index.ts';
import type { ErrorDetail } from '../../shared/errors.ts';
import { existingIds } from './catalogue.repo.ts';
import { endOfDay, id, minor, timeOfDay } from './common.schemas.ts';
import { compilePriceList, type PriceListVersion } from './domain/index.ts';

/**
 * The terms of a price-list version: the core's PriceListVersion with the
 * catalogue's numeric ids (technicianLevel is a technician level's id). Stored
 * as JSON with every default written out, so a later change of a default in
 * the code never changes an existing version.
 */
const pct = z.number().int().min(-100).max(1000);
const rows = <T extends z.ZodType>(row: T) => z.array(row).max(2000).default([]);

export const termsSchema = z.strictObject({
  workRates: rows(z.strictObject({ workTypeId: id, technicianLevel: id.nullable().default(null), hourlyRateMinor: minor })),
  businessHours: z
    .strictObject({ weekdays: z.array(z.number().int().min(1).max(7)).max(7), start: timeOfDay, end: endOfDay })
    .default(() => ({ weekdays: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' })),
  /** Whole percent per time class. */
  surchargePct: z.strictObject({ normal: pct, out_of_hours: pct, weekend_holiday: pct }).default(() => ({ normal: 0, out_of_hours: 0, weekend_holiday: 0 })),
  /** Billable minutes round up to this (1 = no rounding). */
  incrementMinutes: z.number().int().min(1).max(1440).default(15),
  /** Minimum billable minutes per work type; a work type not named here uses its catalogue minimum. */
  minimumMinutes: rows(z.strictObject({ workTypeId: id, minutes: z.number().int().min(0).max(1440) })),
  pricePerKmMinor: minor.nullable().default(null),
  travelRatePerHourMinor: minor.nullable().default(null),
  zoneFees: rows(z.strictObject({ zoneId: id, feeMinor: minor })),
  unitFeePrices: rows(z.strictObject({ feeId: id, priceMinor: minor })),
  /** Warehouse items (active or not): an id that names no item is refused (termsProblems). */
  itemPrices: rows(z.strictObject({ itemId: id, priceMinor: minor })).describe(
    'Prices of warehouse items on this list. An itemId that names no warehouse item is refused (400 unknown_reference on terms.itemPrices.N.itemId); a deactivated item may keep its price',
  ),
});

export type Terms = z.output<typeof termsSchema>;
export type TermsInput = z.input<typeof termsSchema>;

function duplicates<T>(list: readonly T[], key: (row: T) => string, path: string, what: string): ErrorDetail[] {
  const seen = new Set<string>();
  const problems: ErrorDetail[] = [];
  list.forEach((row, i) => {
    const k = key(row);
    if (seen.has(k)) problems.push({ path: `${path}.${i}`, code: 'duplicate', message: `${what} is listed twice` });
    seen.add(k);
  });
  return problems;
}

/** Problems of valid-looking terms: duplicates, business hours, references to the catalogue. Paths start with `terms.` */
export async function termsProblems(db: DbOrTx, terms: Terms): Promise<ErrorDetail[]> {
  const p = 'terms';
  const problems: ErrorDetail[] = [
    ...duplicates(terms.workRates, (r) => `${r.workTypeId}|${r.technicianLevel}`, `${p}.workRates`, 'A rate for this work type and level'),
    ...duplicates(terms.minimumMinutes, (r) => String(r.workTypeId), `${p}.minimumMinutes`, 'A minimum for this work type'),
    ...duplicates(terms.zoneFees, (r) => String(r.zoneId), `${p}.zoneFees`, 'A fee for this zone'),
    ...duplicates(terms.unitFeePrices, (r) => String(r.feeId), `${p}.unitFeePrices`, 'A price for this fee'),
    ...duplicates(terms.itemPrices, (r) => String(r.itemId), `${p}.itemPrices`, 'A price for this item'),
    ...duplicates(terms.businessHours.weekdays, String, `${p}.businessHours.weekdays`, 'The weekday'),
  ];
  const { start, end } = terms.businessHours;
  if (end <= start) problems.push({ path: `${p}.businessHours.end`, code: 'invalid_hours', message: 'Business hours must end after they start' });

  const check = async (table: Parameters<typeof existingIds>[1], refs: { id: number | null; path: string }[], what: (id: number) => string) => {
    const known = await existingIds(db, table, refs.flatMap((r) => (r.id === null ? [] : [r.id])));
    for (const r of refs) if (r.id !== null && !known.has(r.id)) problems.push({ path: r.path, code: 'unknown_reference', message: `${what(r.id)} does not exist` });
  };
  await check(
    'work_types',
    [
      ...terms.workRates.map((r, i) => ({ id: r.workTypeId, path: `${p}.workRates.${i}.workTypeId` })),
      ...terms.minimumMinutes.map((r, i) => ({ id: r.workTypeId, path: `${p}.minimumMinutes.${i}.workTypeId` })),
    ],
    () => 'The work type',
  );
  await check('technician_levels', terms.workRates.map((r, i) => ({ id: r.technicianLevel, path: `${p}.workRates.${i}.technicianLevel` })), () => 'The technician level');
  await check('travel_zones', terms.zoneFees.map((r, i) => ({ id: r.zoneId, path: `${p}.zoneFees.${i}.zoneId` })), () => 'The travel zone');
  await check('unit_fees', terms.unitFeePrices.map((r, i) => ({ id: r.feeId, path: `${p}.unitFeePrices.${i}.feeId` })), () => 'The unit fee');
  // A deactivated item keeps its price: versions priced it while it was sold, and records priced then still point to them.
  await check('items', terms.itemPrices.map((r, i) => ({ id: r.itemId, path: `${p}.itemPrices.${i}.itemId` })), (id) => `The warehouse item with id ${id}`);
  return problems;
}

/** The terms in the core's shape (ids as strings). */
export function toCoreVersion(priceListId: number, validFrom: string, currency: string, t: Terms): PriceListVersion {
  return {
    priceListId: String(priceListId),
    validFrom,
    currency,
    workRates: t.workRates.map((r) => ({
      workTypeId: String(r.workTypeId),
      technicianLevel: r.technicianLevel === null ? null : String(r.technicianLevel),
      hourlyRateMinor: r.hourlyRateMinor,
    })),
    businessHours: t.businessHours,
    surchargePct: t.surchargePct,
    incrementMinutes: t.incrementMinutes,
    minimumMinutes: t.minimumMinutes.map((m) => ({ workTypeId: String(m.workTypeId), minutes: m.minutes })),
    pricePerKmMinor: t.pricePerKmMinor,
    travelRatePerHourMinor: t.travelRatePerHourMinor,
    zoneFees: t.zoneFees.map((z) => ({ zoneId: String(z.zoneId), feeMinor: z.feeMinor })),
    unitFeePrices: t.unitFeePrices.map((f) => ({ feeId: String(f.feeId), priceMinor: f.priceMinor })),
    itemPrices: t.itemPrices.map((i) => ({ itemId: String(i.itemId), priceMinor: i.priceMinor })),
  };
}

/** The core's final word on terms: it compiles them or names the problem. */
export function compileProblems(version: PriceListVersion): ErrorDetail[] {
  try {
    compilePriceList(version);
    return [];
  } catch (error) {
    if (error instanceof RangeError) return [{ path: 'terms', code: 'invalid_terms', message: error.message }];
    throw error;
  }
}

/*
 * Parsed versions, per process. A version row is read on every pricing (cheap, by
 * index); only parsing and compiling are cached. The entry is used only while the
 * row's updated_at and text are the ones it was built from, so a change made by
 * another process is seen at once. The core memoises compilation per version object.
 */
const CACHE_LIMIT = 500;
const cache = new Map<number, { key: string; version: PriceListVersion }>();

export interface VersionRow {
  id: number;
  price_list_id: number;
  valid_from: string;
  updated_at: string;
  terms_json: string;
}

export function coreVersionOf(row: VersionRow, currency: string): PriceListVersion {
  const key = `${row.updated_at}|${row.valid_from}|${currency}|${row.terms_json}`;
  const hit = cache.get(row.id);
  if (hit && hit.key === key) return hit.version;
  const version = toCoreVersion(row.price_list_id, row.valid_from, currency, termsSchema.parse(JSON.parse(row.terms_json)));
  cache.delete(row.id);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(row.id, { key, version });
  return version;
}
