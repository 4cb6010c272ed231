import type { Selectable } from 'kysely';
import { preparedQuery, type DbOrTx, type PriceListVersionsTable } from '../../platform/db/index.ts';
import { activeWhere, flag, type ActiveFilter } from './common.ts';
import type { PriceList, PriceListVersionRecord } from './price-lists.schemas.ts';
import { termsSchema, type Terms, type VersionRow } from './terms.ts';

/** Price lists, their dated versions and clients' lists as stored. */

export async function listPriceLists(db: DbOrTx, filter: { active?: ActiveFilter; ids?: number[]; name?: string; isDefault?: boolean } = {}): Promise<PriceList[]> {
  let sel = db.selectFrom('price_lists').selectAll();
  const a = activeWhere(filter.active);
  if (a !== null) sel = sel.where('active', '=', a);
  if (filter.ids) sel = sel.where('id', 'in', filter.ids.length ? filter.ids : [0]);
  if (filter.name !== undefined) sel = sel.where('name', '=', filter.name);
  if (filter.isDefault !== undefined) sel = sel.where('is_default', '=', flag(filter.isDefault));
  const rows = await sel.orderBy('name').orderBy('id').execute();
  if (rows.length === 0) return [];
  const versions = await db
    .selectFrom('price_list_versions')
    .select(['id', 'price_list_id', 'valid_from'])
    .where('price_list_id', 'in', rows.map((r) => r.id))
    .orderBy('valid_from')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    currency: r.currency,
    isDefault: r.is_default === 1,
    active: r.active === 1,
    version: r.version,
    versions: versions.filter((v) => v.price_list_id === r.id).map((v) => ({ id: v.id, validFrom: v.valid_from })),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export async function findPriceList(db: DbOrTx, id: number): Promise<PriceList | null> {
  return (await listPriceLists(db, { ids: [id] }))[0] ?? null;
}

export async function findDefaultPriceList(db: DbOrTx): Promise<PriceList | null> {
  return (await listPriceLists(db, { isDefault: true }))[0] ?? null;
}

/** Just what pricing needs of a list (no versions), on the hot path. */
export interface ListHead {
  id: number;
  name: string;
  currency: string;
  active: boolean;
}

async function listHead(db: DbOrTx, where: { id: number } | { isDefault: true }): Promise<ListHead | null> {
  let sel = db.selectFrom('price_lists').select(['id', 'name', 'currency', 'active']);
  sel = 'id' in where ? sel.where('id', '=', where.id) : sel.where('is_default', '=', 1);
  const row = await sel.orderBy('id').limit(1).executeTakeFirst();
  return row ? { id: row.id, name: row.name, currency: row.currency, active: row.active === 1 } : null;
}

export const findListHead = (db: DbOrTx, id: number) => listHead(db, { id });
export const findDefaultListHead = (db: DbOrTx) => listHead(db, { isDefault: true });

export type PriceListValues = Pick<PriceList, 'name' | 'currency' | 'isDefault' | 'active'>;

const listColumns = (v: PriceListValues) => ({ name: v.name, currency: v.currency, is_default: flag(v.isDefault), active: flag(v.active) });

export async function insertPriceList(db: DbOrTx, v: PriceListValues, at: string): Promise<number> {
  const row = await db
    .insertInto('price_lists')
    .values({ ...listColumns(v), version: 1, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Writes only when the stored version is the one the caller read; false when it was not. */
export async function updatePriceList(db: DbOrTx, id: number, version: number, v: PriceListValues, at: string): Promise<boolean> {
  const res = await db
    .updateTable('price_lists')
    .set({ ...listColumns(v), version: version + 1, updated_at: at })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** A change of a version is a change of its list: the list's version moves on (only from `expected` when given). */
export async function bumpPriceList(db: DbOrTx, id: number, at: string, expected?: number): Promise<boolean> {
  let upd = db
    .updateTable('price_lists')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', id);
  if (expected !== undefined) upd = upd.where('version', '=', expected);
  return Number((await upd.executeTakeFirst()).numUpdatedRows) === 1;
}

export async function clearDefaultExcept(db: DbOrTx, id: number, at: string): Promise<void> {
  await db
    .updateTable('price_lists')
    .set((eb) => ({ is_default: 0, version: eb('version', '+', 1), updated_at: at }))
    .where('is_default', '=', 1)
    .where('id', '!=', id)
    .execute();
}

/* Versions */

function toVersion(row: Selectable<PriceListVersionsTable>, listVersion: number): PriceListVersionRecord {
  return {
    id: row.id,
    priceListId: row.price_list_id,
    validFrom: row.valid_from,
    terms: termsSchema.parse(JSON.parse(row.terms_json)),
    listVersion,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listVersions(db: DbOrTx, priceListId: number): Promise<PriceListVersionRecord[]> {
  const list = await db.selectFrom('price_lists').select('version').where('id', '=', priceListId).executeTakeFirst();
  if (!list) return [];
  const rows = await db.selectFrom('price_list_versions').selectAll().where('price_list_id', '=', priceListId).orderBy('valid_from').execute();
  return rows.map((r) => toVersion(r, list.version));
}

export async function findVersion(db: DbOrTx, id: number): Promise<PriceListVersionRecord | null> {
  const row = await db
    .selectFrom('price_list_versions')
    .innerJoin('price_lists', 'price_lists.id', 'price_list_versions.price_list_id')
    .selectAll('price_list_versions')
    .select('price_lists.version as list_version')
    .where('price_list_versions.id', '=', id)
    .executeTakeFirst();
  return row ? toVersion(row, row.list_version) : null;
}

export async function versionExists(db: DbOrTx, priceListId: number, validFrom: string, exceptId = 0): Promise<boolean> {
  const row = await db
    .selectFrom('price_list_versions')
    .select('id')
    .where('price_list_id', '=', priceListId)
    .where('valid_from', '=', validFrom)
    .where('id', '!=', exceptId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The row of the version valid on a date (latest validFrom on or before it), for pricing. */
export async function versionRowOn(db: DbOrTx, priceListId: number, date: string): Promise<VersionRow | null> {
  const row = await db
    .selectFrom('price_list_versions')
    .select(['id', 'price_list_id', 'valid_from', 'updated_at', 'terms_json'])
    .where('price_list_id', '=', priceListId)
    .where('valid_from', '<=', date)
    .orderBy('valid_from', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

export async function insertVersion(db: DbOrTx, priceListId: number, validFrom: string, terms: Terms, at: string): Promise<number> {
  const row = await db
    .insertInto('price_list_versions')
    .values({ price_list_id: priceListId, valid_from: validFrom, terms_json: JSON.stringify(terms), created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateVersion(db: DbOrTx, id: number, validFrom: string, terms: Terms, at: string): Promise<void> {
  await db.updateTable('price_list_versions').set({ valid_from: validFrom, terms_json: JSON.stringify(terms), updated_at: at }).where('id', '=', id).execute();
}

export async function deleteVersion(db: DbOrTx, id: number): Promise<void> {
  await db.deleteFrom('price_list_versions').where('id', '=', id).execute();
}

/** How many service records were priced with the version (list and validFrom). */
export async function recordsPricedWith(db: DbOrTx, priceListId: number, validFrom: string): Promise<number> {
  const row = await db
    .selectFrom('records')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('price_list_id', '=', priceListId)
    .where('price_valid_from', '=', validFrom)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/* Clients' lists (a column of clients; record scope is checked through customers' door) */

// Read for every record priced (clients change all day, so it is not kept in memory).
const clientPriceListQuery = preparedQuery((db, p: { id: number }) => db.selectFrom('clients').select('price_list_id').where('id', '=', p.id));

export async function clientPriceListId(db: DbOrTx, clientId: number): Promise<number | null> {
  const [row] = await clientPriceListQuery(db, { id: clientId });
  return row?.price_list_id ?? null;
}

export async function setClientPriceListId(db: DbOrTx, clientId: number, priceListId: number | null): Promise<void> {
  await db.updateTable('clients').set({ price_list_id: priceListId }).where('id', '=', clientId).execute();
}

