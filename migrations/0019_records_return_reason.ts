import type { Kysely } from 'kysely';

/**
 * Why an approver sent a record back to its technician. It was kept only in the
 * audit log, so the technician saw a plain draft with no word of what to fix; the
 * record now carries it until the technician changes or submits it again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('records').addColumn('return_reason', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('records').dropColumn('return_reason').execute();
}
