import type { Kysely } from 'kysely';

/**
 * Two facts the contract page has to tell truthfully:
 * - contracts.terms_changed_at: when the terms billing computes with last
 *   changed (not the name or note), so a draft computed before it can be shown as
 *   stale (it keeps the old terms until the run is made again);
 * - contract_alerts.mailed: whether the threshold's own mail was queued. When
 *   80 % and 100 % are crossed at once both are recorded (neither is sent again)
 *   but only the 100 % mail goes out. Old rows are unknown (null).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('contracts').addColumn('terms_changed_at', 'text').execute();
  await db.schema.alterTable('contract_alerts').addColumn('mailed', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('contract_alerts').dropColumn('mailed').execute();
  await db.schema.alterTable('contracts').dropColumn('terms_changed_at').execute();
}
