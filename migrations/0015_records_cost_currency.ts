import { sql, type Kysely } from 'kysely';
import { isPostgres } from './lib.ts';

/**
 * The currency of a record's internal cost as a column of its own (it lived only in
 * pricing_json). A team's week sums records per currency; with the cost currency
 * as a plain column the records_timesheet index covers the whole query on both
 * engines, so a week of tens of thousands of records is read from the index alone
 * instead of from rows of about a kilobyte each (an expression over pricing_json
 * did not let SQLite answer from the index).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('records').addColumn('cost_currency', 'text').execute();
  if (isPostgres(db)) {
    await sql`update records set cost_currency = (pricing_json::json ->> 'costCurrency') where pricing_json is not null`.execute(db);
  } else {
    await sql`update records set cost_currency = json_extract(pricing_json, '$.costCurrency') where pricing_json is not null`.execute(db);
  }
  await sql`drop index records_timesheet`.execute(db);
  // Key order = the query's group order, so the sums need no sort either.
  if (isPostgres(db)) {
    await sql`create index records_timesheet on records (technician_id, date) include (ticket_id, billable, currency, cost_currency, minutes, amount_minor, cost_minor)`.execute(db);
  } else {
    await sql`create index records_timesheet on records (technician_id, date, ticket_id, billable, currency, cost_currency, minutes, amount_minor, cost_minor)`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index records_timesheet`.execute(db);
  await db.schema.alterTable('records').dropColumn('cost_currency').execute();
}
