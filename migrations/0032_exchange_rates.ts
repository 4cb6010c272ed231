import { sql, type Kysely } from 'kysely';
import { idType, withId } from './lib.ts';

/**
 * The daily exchange-rate list: what one `amount` of `currency` costs in Czech
 * crowns on `valid_on`, as the Czech National Bank publishes it (kurzy devizového
 * trhu) or as someone entered it by hand. The rate is an exact decimal kept as an
 * integer of millionths (24.305 → 24 305 000; the list takes at most 6 decimals, as
 * an invoice's rate does), never a float. One rate per currency and day.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('exchange_rates'))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('valid_on', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('rate_millionths', 'bigint', (c) => c.notNull().check(sql`rate_millionths > 0`))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('cnb', 'manual')`))
    .addColumn('entered_by', idType(db), (c) => c.references('users.id'))
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('exchange_rates_currency_day', ['currency', 'valid_on'])
    .execute();
  // Listing a period of all currencies reads by day first.
  await db.schema.createIndex('exchange_rates_day').on('exchange_rates').columns(['valid_on', 'currency']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('exchange_rates').execute();
}
