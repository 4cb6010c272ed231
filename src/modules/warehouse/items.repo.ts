import { afterCursor, containsFolded, idParams, preparedQuery, type DbOrTx, type ItemsTable } from '../../platform/db/index.ts';
import type { Selectable } from 'kysely';
import { foldForSearch } from '../../shared/text.ts';
import type { Item, ItemListQuery, NewItem } from './warehouse.schemas.ts';

/** Items as stored. */

export type ItemRow = Selectable<ItemsTable>;

export function toItem(r: ItemRow): Item {
  return {
    id: r.id, code: r.code, name: r.name, unit: r.unit, ean: r.ean, vatCategory: r.vat_category, salePriceMinor: r.sale_price_minor,
    serialTracking: r.serial_tracking === 1, active: r.active === 1, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

const searchText = (v: { code: string; name: string; ean: string | null }) => foldForSearch(`${v.code} ${v.name} ${v.ean ?? ''}`);

export async function findItem(db: DbOrTx, id: number): Promise<ItemRow | undefined> {
  return db.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirst();
}

// Every stock document reads its items: compiled once per number of items.
const itemsQuery = preparedQuery((db, ids: Record<string, number>) => db.selectFrom('items').selectAll().where('id', 'in', Object.values(ids)));

export async function itemsByIds(db: DbOrTx, ids: readonly number[]): Promise<Map<number, ItemRow>> {
  if (!ids.length) return new Map();
  const rows = await itemsQuery(db, idParams([...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function itemIdByCode(db: DbOrTx, code: string): Promise<number | null> {
  return (await db.selectFrom('items').select('id').where('code', '=', code).executeTakeFirst())?.id ?? null;
}

export async function listItems(db: DbOrTx, q: ItemListQuery, after: [string, number] | null) {
  let sel = db.selectFrom('items').selectAll();
  if (q.active !== 'all') sel = sel.where('active', '=', q.active === 'true' ? 1 : 0);
  if (q.q?.trim()) sel = sel.where(containsFolded('search_text', q.q));
  if (after) sel = sel.where(afterCursor([['name', 'asc'], ['id', 'asc']], after));
  return sel.orderBy('name').orderBy('id').limit(q.limit + 1).execute();
}

export async function insertItem(db: DbOrTx, v: NewItem, at: string): Promise<number> {
  const row = await db
    .insertInto('items')
    .values({
      code: v.code, name: v.name, search_text: searchText({ code: v.code, name: v.name, ean: v.ean ?? null }), unit: v.unit, ean: v.ean ?? null,
      vat_category: v.vatCategory, sale_price_minor: v.salePriceMinor ?? null, serial_tracking: v.serialTracking ? 1 : 0, active: v.active ? 1 : 0,
      created_at: at, updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateItem(db: DbOrTx, id: number, v: Item, at: string): Promise<void> {
  await db
    .updateTable('items')
    .set((eb) => ({
      code: v.code, name: v.name, search_text: searchText(v), unit: v.unit, ean: v.ean, vat_category: v.vatCategory,
      sale_price_minor: v.salePriceMinor ?? null, serial_tracking: v.serialTracking ? 1 : 0, active: v.active ? 1 : 0,
      version: eb('version', '+', 1), updated_at: at,
    }))
    .where('id', '=', id)
    .execute();
}
