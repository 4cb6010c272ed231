import type { Kysely } from 'kysely';

/**
 * Business calendars and SLA policies get a version, like the other records admins
 * edit: two administrators editing the same one no longer overwrite each other's save
 * without a word; the later save is refused (409 stale_version) and reloads instead.
 * Existing rows start at 1.
 */
const TABLES = ['calendars', 'sla_policies'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await db.schema.alterTable(table).addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) await db.schema.alterTable(table).dropColumn('version').execute();
}
