import { sql, type Kysely } from 'kysely';

/**
 * The stock levels below their minimum, in the order the list pages them (warehouse, item):
 * the home page and the Warehouse menu item count them on every load, and the list filters
 * by them. Without this index both walk every balance (about 11 ms at 200,000 balances on
 * SQLite, 0.1 ms with it: `npm run bench:warehouse`); a partial index holds only the few levels below their minimum. The condition is
 * the one `stock.repo.ts` queries with, word for word: SQLite uses a partial index only
 * when the query's WHERE contains its terms.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index stock_balances_below_minimum on stock_balances (warehouse_id, item_id) where minimum_milli is not null and quantity_milli < minimum_milli`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index stock_balances_below_minimum`.execute(db);
}
