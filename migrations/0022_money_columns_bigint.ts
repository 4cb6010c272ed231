import type { Kysely } from 'kysely';
import { isPostgres } from './lib.ts';

/**
 * Money and quantities in 64-bit columns on PostgreSQL too.
 *
 * These columns were created as `integer`, which is 64-bit on SQLite but 32-bit on
 * PostgreSQL: an invoice over 21 474 836.47 CZK (or 214 748.36 EUR), a record's
 * price or cost beyond that, or a quantity over 2 147 483.647 could not be stored
 * there and the request failed. The tables of later areas (warehouse, contracts)
 * already used `bigint`. SQLite needs nothing. On PostgreSQL each table is
 * rewritten once; on a large `records` table this takes a while at upgrade.
 */
const COLUMNS: Record<string, string[]> = {
  cost_rates: ['amount_minor'],
  items: ['sale_price_minor'],
  records: ['amount_minor', 'cost_minor', 'km_milli', 'quantity_milli'],
  invoices: ['net_minor', 'vat_minor', 'rounding_minor', 'total_minor', 'paid_minor', 'credited_minor'],
  invoice_lines: ['quantity_milli', 'unit_price_minor', 'net_minor'],
  invoice_records: ['amount_minor'],
  invoice_payments: ['amount_minor'],
};

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const [table, columns] of Object.entries(COLUMNS)) {
    let alter = db.schema.alterTable(table).alterColumn(columns[0]!, (c) => c.setDataType('bigint'));
    // One ALTER TABLE per table, so each is rewritten once.
    for (const column of columns.slice(1)) alter = alter.alterColumn(column, (c) => c.setDataType('bigint')) as typeof alter;
    await alter.execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const [table, columns] of Object.entries(COLUMNS)) {
    for (const column of columns) await db.schema.alterTable(table).alterColumn(column, (c) => c.setDataType('integer')).execute();
  }
}
