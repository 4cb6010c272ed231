import { CompiledQuery } from 'kysely';
import type { DbOrTx } from './database.ts';
import { runCompiledQuery } from './prepared.ts';

/**
 * The configuration version: one number that database triggers raise in the same
 * transaction as every change to the configuration tables that hot paths keep in
 * memory (helpdesk: migration 0005; pricing: 0016). A process reads this one small
 * row per request and keeps its in-memory copy while the number is unchanged, so a
 * change made by any process is seen by the next request of every process.
 */
const VERSION_QUERY = CompiledQuery.raw('select version from config_version where id = 1');

/** The version now; null for a database without the table (before migration 0005), which never caches. */
export async function configVersion(db: DbOrTx): Promise<number | null> {
  // Every request that prices or reads the helpdesk settings asks: run directly where it may (prepared.ts).
  const rows = await runCompiledQuery<{ version: number | string }>(db, VERSION_QUERY as CompiledQuery<{ version: number | string }>);
  return rows[0] ? Number(rows[0].version) : null;
}
