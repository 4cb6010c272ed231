import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { refreshPlannerStatistics, type Db } from '../src/platform/db/index.ts';
import { createTestDatabase, testEngines, type TestDatabase } from './db.ts';

// Kontor keeps SQLite's planner statistics itself (PRAGMA optimize at start and hourly):
// a database nobody analyses plans its searches by guesswork (platform/db/planner-statistics.ts).

const at = '2026-11-27T08:00:00.000Z';
const teams = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ name: `Team ${from + i}`, active: 1, created_at: at, updated_at: at }));

async function analysedTables(db: Db): Promise<string[]> {
  const { rows } = await sql<{ tbl: string }>`select distinct tbl from sqlite_stat1 order by tbl`.execute(db);
  return rows.map((r) => r.tbl);
}

describe.each(testEngines())('planner statistics on %s', (engine) => {
  let t: TestDatabase;
  afterEach(async () => t?.close());

  it('analyses the tables that hold rows, on SQLite; nothing to do on PostgreSQL', async () => {
    t = await createTestDatabase(engine);
    await t.db.insertInto('teams').values(teams(0, 400)).execute();
    await refreshPlannerStatistics(t.db, { everyTable: true });
    if (engine === 'postgres') return; // autovacuum's business; the call must simply succeed
    expect(await analysedTables(t.db)).toContain('teams');
  });

  it.skipIf(engine === 'postgres')('waits for an open write transaction instead of joining it (its rollback keeps the statistics)', async () => {
    t = await createTestDatabase(engine);
    await t.db.insertInto('teams').values(teams(0, 400)).execute();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let wrote!: () => void;
    const written = new Promise<void>((r) => (wrote = r));
    const rolledBack = t.db.transaction().execute(async (trx) => {
      await trx.insertInto('teams').values(teams(400, 10)).execute();
      wrote();
      await held;
      throw new Error('rolled back on purpose');
    });
    await written;
    const refreshed = refreshPlannerStatistics(t.db, { everyTable: true });
    release();
    await expect(rolledBack).rejects.toThrow('rolled back on purpose');
    await refreshed;
    expect(await analysedTables(t.db)).toContain('teams');
    const { rows } = await sql<{ n: number }>`select count(*) as n from teams`.execute(t.db);
    expect(Number(rows[0]!.n)).toBe(400);
  });
});
