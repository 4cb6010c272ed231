import { sql, type Kysely } from 'kysely';
import { isPostgres } from './lib.ts';

/**
 * What the records paths need at millions of records:
 *
 * - records_timesheet: a team's week sums the records of its technicians per
 *   technician, ticket, day, billability and currencies. On SQLite the index holds
 *   every column that sum reads, the cost currency too (an expression over
 *   pricing_json, matched by the query's own expression), so the week is read from
 *   the index alone instead of from rows of about a kilobyte each. PostgreSQL
 *   cannot answer an expression from an index alone, so there it covers the
 *   columns and the heap is read for the cost currency only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`create index records_timesheet on records (technician_id, date) include (ticket_id, billable, minutes, currency, amount_minor, cost_minor)`.execute(db);
  } else {
    await sql`create index records_timesheet on records (technician_id, date, ticket_id, billable, currency, json_extract(pricing_json, '$.costCurrency'), minutes, amount_minor, cost_minor)`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index records_timesheet`.execute(db);
}
