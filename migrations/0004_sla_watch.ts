import type { Kysely } from 'kysely';

/**
 * The SLA watcher's bookkeeping on tickets:
 * - sla_checked_at: the instant up to which warnings and breaches have been
 *   reported (the end of the last checked window); NULL = since creation.
 * - sla_next_check_at: when a warning or breach can next happen (or when a
 *   change made one pending); NULL = nothing to watch. The watcher scans
 *   `sla_next_check_at <= now` through the index below.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tickets').addColumn('sla_checked_at', 'text').execute();
  await db.schema.alterTable('tickets').addColumn('sla_next_check_at', 'text').execute();
  await db.schema.createIndex('tickets_sla_next_check').on('tickets').columns(['sla_next_check_at', 'id']).execute();
  // Tickets open before this migration: what happened before it is not announced
  // now (no flood of late warnings); the watcher looks at each of them once.
  const now = new Date().toISOString();
  await db
    .updateTable('tickets')
    .set({ sla_checked_at: now, sla_next_check_at: now })
    .where('sla_policy_id', 'is not', null)
    .where('state_category', 'in', ['new', 'open', 'waiting'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('tickets_sla_next_check').execute();
  await db.schema.alterTable('tickets').dropColumn('sla_next_check_at').execute();
  await db.schema.alterTable('tickets').dropColumn('sla_checked_at').execute();
}
