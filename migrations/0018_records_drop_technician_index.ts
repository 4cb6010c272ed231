import { sql, type Kysely } from 'kysely';

/**
 * records_technician_date (technician, date, id) repeats the leading columns of
 * records_timesheet (technician, date, …; 0007 and 0015): every look-up by
 * technician and dates is served by that one (lists sort the few records of a day by
 * id after it). Each index is one more B-tree written per record logged, and at
 * millions of records that is a real part of the insert and of its commit.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop index records_technician_date`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('records_technician_date').on('records').columns(['technician_id', 'date', 'id']).execute();
}
