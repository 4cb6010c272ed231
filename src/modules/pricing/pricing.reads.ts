/**
 * What pricing reads from the catalogue, the cost rates and the price lists, kept in
 * memory per configuration version.
 *
 * Pricing one record reads a dozen small rows that change a few times a year; at
 * thousands of records a second those reads cost more than the record itself. The
 * tables read here raise the configuration version by triggers (migration 0016) in
 * the same transaction as any change, so one small query per record tells whether
 * what was read before still holds — in this process and in any other.
 *
 * Entries are read on first use (a work type, the version of a list on a date, …)
 * and dropped as a whole when the version moves on. Inside a transaction that has
 * itself changed pricing (its version differs from the memory's) everything is read
 * directly and nothing is kept: that transaction may still roll back. The client's
 * own price list is not kept (clients change all day; it is one row by key).
 */
import { configVersion, type DbOrTx } from '../../platform/db/index.ts';
import type { CountryCode } from '../../shared/calendar/index.ts';
import * as catalogue from './catalogue.repo.ts';
import type { TechnicianLevel, TravelZone, UnitFee, WorkType } from './catalogue.schemas.ts';
import * as costs from './costs.repo.ts';
import type { CostRate, CostRateKind } from './costs.schemas.ts';
import { getTechnicianSettings, vatRateOn } from './loaders.ts';
import * as lists from './price-lists.repo.ts';
import type { VersionRow } from './terms.ts';

export interface PricingReads {
  providerCountry(): Promise<CountryCode>;
  technicianLevelId(userId: number): Promise<number | null>;
  costRateOn(kind: CostRateKind, userId: number | null, date: string): Promise<CostRate | null>;
  listHead(id: number): Promise<lists.ListHead | null>;
  defaultListHead(): Promise<lists.ListHead | null>;
  versionRowOn(listId: number, date: string): Promise<VersionRow | null>;
  clientPriceListId(clientId: number): Promise<number | null>;
  workType(id: number): Promise<WorkType | null>;
  level(id: number): Promise<TechnicianLevel | null>;
  unitFee(id: number): Promise<UnitFee | null>;
  zone(id: number): Promise<TravelZone | null>;
  /** As vatRateOn: the rate in basis points of a category in a country on a date, null when none applies. */
  vatRateOn(country: string, category: string, date: string): Promise<number | null>;
}

/** Every read straight from the database (or the caller's transaction). */
export function directReads(db: DbOrTx): PricingReads {
  return {
    providerCountry: () => costs.providerCountry(db),
    technicianLevelId: async (userId) => (await getTechnicianSettings(db, userId)).levelId,
    costRateOn: (kind, userId, date) => costs.costRateOn(db, kind, userId, date),
    listHead: (id) => lists.findListHead(db, id),
    defaultListHead: () => lists.findDefaultListHead(db),
    versionRowOn: (listId, date) => lists.versionRowOn(db, listId, date),
    clientPriceListId: (clientId) => lists.clientPriceListId(db, clientId),
    workType: (id) => catalogue.findWorkType(db, id),
    level: (id) => catalogue.findSimple(db, 'technician_levels', id),
    unitFee: (id) => catalogue.findUnitFee(db, id),
    zone: (id) => catalogue.findSimple(db, 'travel_zones', id),
    vatRateOn: (country, category, date) => vatRateOn(db, country, category, date),
  };
}

/** A memory grows by dates (cost rates and versions are looked up per day); past this it starts over. */
const MAX_ENTRIES = 20_000;

interface Memory {
  version: number;
  entries: Map<string, Promise<unknown>>;
}

// Per database (its dialect adapter, shared by the database and its transactions).
const memories = new WeakMap<object, Memory>();

/** Reads for pricing now: from memory where the configuration is unchanged, else from the database. */
export async function pricingReads(db: DbOrTx): Promise<PricingReads> {
  const direct = directReads(db);
  const version = await configVersion(db);
  if (version === null) return direct;
  const key = db.getExecutor().adapter;
  let memory = memories.get(key);
  if (!memory || memory.version !== version) {
    if (db.isTransaction) return direct; // a change of its own, not committed yet
    memory = { version, entries: new Map() };
    memories.set(key, memory);
  }
  const entries = memory.entries;
  function remembered<T>(entry: string, read: () => Promise<T>): Promise<T> {
    const hit = entries.get(entry) as Promise<T> | undefined;
    if (hit) return hit;
    if (entries.size >= MAX_ENTRIES) entries.clear();
    const pending = read();
    entries.set(entry, pending);
    // A failed read is not remembered: the next record tries again.
    pending.catch(() => entries.delete(entry));
    return pending;
  }
  return {
    providerCountry: () => remembered('country', direct.providerCountry),
    technicianLevelId: (userId) => remembered(`level-of:${userId}`, () => direct.technicianLevelId(userId)),
    costRateOn: (kind, userId, date) => remembered(`cost:${kind}:${userId}:${date}`, () => direct.costRateOn(kind, userId, date)),
    listHead: (id) => remembered(`list:${id}`, () => direct.listHead(id)),
    defaultListHead: () => remembered('list:default', direct.defaultListHead),
    versionRowOn: (listId, date) => remembered(`version:${listId}:${date}`, () => direct.versionRowOn(listId, date)),
    clientPriceListId: direct.clientPriceListId,
    workType: (id) => remembered(`work-type:${id}`, () => direct.workType(id)),
    level: (id) => remembered(`level:${id}`, () => direct.level(id)),
    unitFee: (id) => remembered(`fee:${id}`, () => direct.unitFee(id)),
    zone: (id) => remembered(`zone:${id}`, () => direct.zone(id)),
    vatRateOn: (country, category, date) => remembered(`vat:${country}:${category}:${date}`, () => direct.vatRateOn(country, category, date)),
  };
}
