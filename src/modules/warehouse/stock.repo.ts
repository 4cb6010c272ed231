import { sql, type Expression, type SqlBool } from 'kysely';
import { afterCursor, containsFolded, idParams, isPostgres, preparedInsert, preparedQuery, type DbOrTx, type StockMovementsTable } from '../../platform/db/index.ts';
import type { Insertable } from 'kysely';
import { AmountOutOfRangeError } from '../../shared/money.ts';
import type { Balance } from './domain/stock.ts';

/**
 * The maintained balance per warehouse and item, and the append-only movement
 * ledger. Every statement on the confirm path is prepared once (preparedQuery).
 */

const addQuery = preparedQuery((db, p: { wh: number; item: number; q: number; v: number; at: string }) =>
  db
    .insertInto('stock_balances')
    .values({ warehouse_id: p.wh, item_id: p.item, quantity_milli: p.q, value_minor: p.v, updated_at: p.at })
    .onConflict((oc) =>
      oc.columns(['warehouse_id', 'item_id']).doUpdateSet((eb) => ({
        quantity_milli: eb('stock_balances.quantity_milli', '+', eb.ref('excluded.quantity_milli')),
        value_minor: eb('stock_balances.value_minor', '+', eb.ref('excluded.value_minor')),
        updated_at: eb.ref('excluded.updated_at'),
      // Only while the sums stay exact numbers in JavaScript; otherwise no row comes back and the caller refuses.
      })).where(sql<boolean>`stock_balances.quantity_milli <= ${sql.lit(Number.MAX_SAFE_INTEGER)} - excluded.quantity_milli and stock_balances.value_minor <= ${sql.lit(Number.MAX_SAFE_INTEGER)} - excluded.value_minor`),
    )
    .returning(['quantity_milli', 'value_minor']));

/** Adds quantity and value to a balance (creating it); the balance after. */
export async function addToBalance(db: DbOrTx, wh: number, item: number, quantityMilli: number, valueMinor: number, at: string): Promise<Balance> {
  const [row] = await addQuery(db, { wh, item, q: quantityMilli, v: valueMinor, at });
  // The database would add past 2^53, which could not be read back exactly: the caller's transaction is refused.
  if (!row) throw new AmountOutOfRangeError(`the stock of item #${item} in warehouse #${wh} would be more than can be kept exactly`);
  return { quantityMilli: Number(row.quantity_milli), valueMinor: Number(row.value_minor) };
}

/**
 * The balances of these items in a warehouse, locked until the transaction ends:
 * on PostgreSQL by FOR UPDATE (rows locked in item order, so two documents with the
 * same items in another order cannot deadlock; a second issuer of the last pieces
 * waits and then reads what the first left), on SQLite by its single writer. The
 * caller checks that enough is there (never below zero) and writes the balance
 * after with setBalance. Items without a balance row are missing from the map.
 */
export async function lockBalances(db: DbOrTx, wh: number, items: readonly number[]): Promise<Map<number, Balance>> {
  const ids = [...new Set(items)].sort((a, b) => a - b);
  const rows = await (isPostgres(db) ? lockQuery : readQuery)(db, { wh, ...idParams(ids) });
  return new Map(rows.map((r) => [Number(r.item_id), { quantityMilli: Number(r.quantity_milli), valueMinor: Number(r.value_minor) }]));
}

const balancesOf = (db: DbOrTx, p: { wh: number } & Record<string, number>) => {
  const { wh, ...ids } = p;
  return db.selectFrom('stock_balances').select(['item_id', 'quantity_milli', 'value_minor']).where('warehouse_id', '=', wh).where('item_id', 'in', Object.values(ids)).orderBy('item_id');
};
const readQuery = preparedQuery((db, p: { wh: number } & Record<string, number>) => balancesOf(db, p));
const lockQuery = preparedQuery((db, p: { wh: number } & Record<string, number>) => balancesOf(db, p).forUpdate());

const setQuery = preparedQuery((db, p: { wh: number; item: number; q: number; v: number; at: string }) =>
  db.updateTable('stock_balances').set({ quantity_milli: p.q, value_minor: p.v, updated_at: p.at }).where('warehouse_id', '=', p.wh).where('item_id', '=', p.item));

/** Writes a balance locked by lockBalances. */
export async function setBalance(db: DbOrTx, wh: number, item: number, balance: Balance, at: string): Promise<void> {
  await setQuery(db, { wh, item, q: balance.quantityMilli, v: balance.valueMinor, at });
}

/** Locks the balance row (creating an empty one) and reads it: counts set the balance to what was found. */
export async function lockBalance(db: DbOrTx, wh: number, item: number, at: string): Promise<Balance> {
  return addToBalance(db, wh, item, 0, 0, at);
}

const balanceQuery = preparedQuery((db, p: { wh: number; item: number }) =>
  db.selectFrom('stock_balances').select(['quantity_milli', 'value_minor', 'minimum_milli']).where('warehouse_id', '=', p.wh).where('item_id', '=', p.item));

/** One balance by its primary key: the stock level of an item in a warehouse without reading any movement. */
export async function readBalance(db: DbOrTx, wh: number, item: number): Promise<(Balance & { minimumMilli: number | null }) | null> {
  const [row] = await balanceQuery(db, { wh, item });
  return row ? { quantityMilli: Number(row.quantity_milli), valueMinor: Number(row.value_minor), minimumMilli: row.minimum_milli === null ? null : Number(row.minimum_milli) } : null;
}

export type NewMovement = Omit<Insertable<StockMovementsTable>, 'id'>;

const insertMovementRows = preparedInsert('stock_movements');

/** Appends movements (one statement per document). */
export async function insertMovements(db: DbOrTx, movements: readonly NewMovement[]): Promise<void> {
  await insertMovementRows(db, movements);
}

export async function setMinimum(db: DbOrTx, wh: number, item: number, minimumMilli: number | null, at: string): Promise<void> {
  await db
    .insertInto('stock_balances')
    .values({ warehouse_id: wh, item_id: item, minimum_milli: minimumMilli, updated_at: at })
    .onConflict((oc) => oc.columns(['warehouse_id', 'item_id']).doUpdateSet({ minimum_milli: minimumMilli, updated_at: at }))
    .execute();
}

export interface LevelFilter {
  warehouseId?: number | undefined;
  itemId?: number | undefined;
  belowMinimum?: boolean;
  q?: string | undefined;
  /** Only these warehouses; null: all. */
  limitTo?: readonly number[] | null;
}

/**
 * The level filters but the search, as conditions on the balance (alias b) alone: the list
 * joins the item to search its text, the count asks the items for their ids instead, so it
 * needs no join and SQLite does not walk every item to reach the few balances it counts.
 */
function balanceConditions(f: LevelFilter): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (f.warehouseId) conditions.push(sql<SqlBool>`b.warehouse_id = ${f.warehouseId}`);
  if (f.itemId) conditions.push(sql<SqlBool>`b.item_id = ${f.itemId}`);
  // Migration 0034's partial index has this condition: change both together.
  if (f.belowMinimum) conditions.push(sql<SqlBool>`b.minimum_milli is not null and b.quantity_milli < b.minimum_milli`);
  return conditions;
}

export async function listLevels(db: DbOrTx, f: LevelFilter, after: [number, number] | null, limit: number) {
  let sel = db
    .selectFrom('stock_balances as b')
    .innerJoin('items as i', 'i.id', 'b.item_id')
    .innerJoin('warehouses as w', 'w.id', 'b.warehouse_id')
    .select(['b.warehouse_id', 'w.name as warehouse_name', 'b.item_id', 'i.code', 'i.name', 'i.unit', 'b.quantity_milli', 'b.value_minor', 'b.minimum_milli']);
  for (const condition of balanceConditions(f)) sel = sel.where(condition);
  if (f.q?.trim()) sel = sel.where(containsFolded('i.search_text', f.q));
  if (after) sel = sel.where(afterCursor([['b.warehouse_id', 'asc'], ['b.item_id', 'asc']], after));
  return sel.orderBy('b.warehouse_id').orderBy('b.item_id').limit(limit).execute();
}

/**
 * How many levels the list with these filters pages through, in one statement over the
 * balances (every balance has its item and warehouse: foreign keys): the database reads
 * at most `cap` + 1 of them, so a count above `cap` is the cap, marked capped.
 */
export async function countLevels(db: DbOrTx, f: LevelFilter, cap: number): Promise<{ count: number; capped: boolean }> {
  const row = await db.selectFrom(levelHits(db, f).limit(cap + 1).as('hits')).select(sql<number | string>`count(*)`.as('n')).executeTakeFirst();
  const found = Number(row?.n ?? 0);
  return { count: Math.min(found, cap), capped: found > cap };
}

/**
 * The balances the level filters keep, without a join (see balanceConditions). Below the
 * minimum, SQLite and PostgreSQL read them from the partial index stock_balances_below_minimum
 * (migration 0034) instead of walking every balance.
 */
export function levelHits(db: DbOrTx, f: LevelFilter) {
  let hits = db.selectFrom('stock_balances as b').select('b.item_id');
  for (const condition of balanceConditions(f)) hits = hits.where(condition);
  if (f.q?.trim()) hits = hits.where('b.item_id', 'in', db.selectFrom('items as i').select('i.id').where(containsFolded('i.search_text', f.q)));
  return hits;
}

export async function listMovements(db: DbOrTx, itemId: number, warehouseId: number | undefined, afterId: number | null, limit: number) {
  let sel = db
    .selectFrom('stock_movements as m')
    .innerJoin('stock_documents as d', 'd.id', 'm.document_id')
    .select(['m.id', 'm.date', 'm.warehouse_id', 'm.document_id', 'd.kind', 'd.number', 'm.quantity_milli', 'm.value_minor', 'm.balance_milli', 'm.balance_value_minor', 'm.created_at'])
    .where('m.item_id', '=', itemId);
  if (warehouseId) sel = sel.where('m.warehouse_id', '=', warehouseId);
  if (afterId !== null) sel = sel.where('m.id', '>', afterId);
  return sel.orderBy('m.id').limit(limit).execute();
}
