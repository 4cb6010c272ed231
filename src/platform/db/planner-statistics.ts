import { sql } from 'kysely';
import { periodicJob, type PeriodicJob } from '../periodic.ts';
import type { Db } from './database.ts';
import { isPostgres } from './fulltext.ts';

/**
 * SQLite's query planner picks indexes by the statistics ANALYZE leaves in sqlite_stat1 /
 * sqlite_stat4; a database nobody analyses has none, and the planner guesses. On 1,000,000
 * tickets it guessed the full-text search into a plan 2–4 times slower than the one the
 * statistics give (each match's queue looked up through an index instead of its row by id).
 * `PRAGMA optimize` analyses only the tables that need it (never analysed, or grown or shrunk
 * a lot since), and `analysis_limit` bounds each index's scan to a sample, so a pass costs
 * milliseconds when little changed and about 0.2 s on a million unanalysed tickets.
 *
 * PostgreSQL's autovacuum analyses on its own: nothing to do there.
 *
 * Run through Kysely, the statements wait for a write batch's transaction to end instead of
 * joining it, and go to the writing connection (the reading one is query-only).
 */
export async function refreshPlannerStatistics(db: Db, options: { everyTable: boolean }): Promise<void> {
  if (isPostgres(db)) return;
  await sql.raw('pragma analysis_limit = 1000').execute(db);
  // 0x10002: check every table's size (not only the tables this connection has used), as SQLite
  // advises for a connection that has just opened; later passes look at the tables used since.
  await sql.raw(options.everyTable ? 'pragma optimize = 0x10002' : 'pragma optimize').execute(db);
}

/** The server's job: every table at start, then hourly the tables that changed (SQLite's advice for long-lived connections). */
export function plannerStatisticsJob(db: Db, onError: (err: unknown) => void): PeriodicJob<void> {
  let first = true;
  return periodicJob(async () => {
    await refreshPlannerStatistics(db, { everyTable: first });
    first = false;
  }, onError);
}
