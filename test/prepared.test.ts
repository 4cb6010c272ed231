import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idParams, migrateToLatest, openDatabase, preparedInsert, preparedQuery, type Db, type Tx } from '../src/platform/db/index.ts';
import { createTestDatabase, testEngines, type TestDatabase } from './db.ts';

// Statements compiled once and run with new values: what they write and read must be
// exactly what Kysely's own statements would, on both engines.
const insertTeams = preparedInsert('teams', ['id', 'name']);
const insertTeamsQuietly = preparedInsert('teams');
const teamsByIds = preparedQuery((db, ids: Record<string, number>) => db.selectFrom('teams').select(['id', 'name']).where('id', 'in', Object.values(ids)).orderBy('id'));

/**
 * A transaction that writes with `write`, then stays open until `finish()`:
 * `written` resolves once it has written, `done` when it has ended (a rollback when
 * `rollBack` is set).
 */
function openWriteTransaction(db: Db, write: (trx: Tx) => Promise<unknown>, rollBack = false) {
  let finish!: () => void;
  const held = new Promise<void>((r) => (finish = r));
  let wrote!: () => void;
  const written = new Promise<void>((r) => (wrote = r));
  const done = db.transaction().execute(async (trx) => {
    await write(trx);
    wrote();
    await held;
    if (rollBack) throw new Error('rolled back');
  });
  return { written, finish, done };
}

describe.each(testEngines())('prepared statements on %s', (engine) => {
  let t: TestDatabase;
  const at = '2026-11-27T08:00:00.000Z';
  const team = (name: string, active = 1) => ({ name, active, created_at: at, updated_at: at });
  beforeAll(async () => {
    t = await createTestDatabase(engine);
  });
  afterAll(() => t.close());

  it('inserts any number of rows with the same statement shape, returning in row order', async () => {
    const one = await insertTeams(t.db, [team('Alfa')]);
    const three = await insertTeams(t.db, [team('Beta'), team('Gama', 0), team('Delta')]);
    const again = await insertTeams(t.db, [team('Epsilon'), team('Zeta'), team('Éta')]);
    expect(one.map((r) => r.name)).toEqual(['Alfa']);
    expect(three.map((r) => r.name)).toEqual(['Beta', 'Gama', 'Delta']);
    expect(again.map((r) => r.name)).toEqual(['Epsilon', 'Zeta', 'Éta']);
    const stored = await t.db.selectFrom('teams').select(['name', 'active', 'created_at']).where('id', 'in', [...three, ...again].map((r) => Number(r.id))).orderBy('id').execute();
    expect(stored).toEqual([
      { name: 'Beta', active: 1, created_at: at }, { name: 'Gama', active: 0, created_at: at }, { name: 'Delta', active: 1, created_at: at },
      { name: 'Epsilon', active: 1, created_at: at }, { name: 'Zeta', active: 1, created_at: at }, { name: 'Éta', active: 1, created_at: at },
    ]);
    expect(await insertTeamsQuietly(t.db, [team('Théta')])).toEqual([]);
    expect(await insertTeams(t.db, [])).toEqual([]);
  });

  it('refuses a row with a missing value or other columns instead of leaving anything out', async () => {
    const before = await t.db.selectFrom('teams').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await expect(insertTeams(t.db, [{ ...team('Iota'), active: undefined as unknown as number }])).rejects.toThrow(/teams\.active is undefined/);
    const { active: _a, ...withoutActive } = team('Kappa');
    await expect(insertTeams(t.db, [team('Lambda'), withoutActive as ReturnType<typeof team>])).rejects.toThrow(/differ in their columns/);
    const after = await t.db.selectFrom('teams').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('reads by a list of ids, compiled per number of ids', async () => {
    const rows = await insertTeams(t.db, [team('Mí'), team('Ný'), team('Ksí')]);
    const ids = rows.map((r) => Number(r.id));
    expect((await teamsByIds(t.db, idParams(ids))).map((r) => r.name)).toEqual(['Mí', 'Ný', 'Ksí']);
    expect((await teamsByIds(t.db, idParams([ids[2]!, ids[0]!]))).map((r) => r.name)).toEqual(['Mí', 'Ksí']);
    expect((await teamsByIds(t.db, idParams([ids[1]!, ids[0]!]))).map((r) => r.name)).toEqual(['Mí', 'Ný']);
  });

  it("never reads inside another unit's open transaction: a read waits for the connection, then sees only committed rows", async () => {
    const writer = openWriteTransaction(t.db, (trx) => insertTeams(trx, [team('Omikron')]), true);
    await writer.written;
    const byName = preparedQuery((db, p: { name: string }) => db.selectFrom('teams').select('name').where('name', '=', p.name));
    let seen: string[] | null = null;
    const reader = byName(t.db, { name: 'Omikron' }).then((rows) => (seen = rows.map((r) => r.name)));
    await new Promise((r) => setTimeout(r, 50));
    // On SQLite the one connection is the writer's: the read has not run yet (PostgreSQL reads committed data at once).
    if (engine === 'sqlite') expect(seen).toBeNull();
    writer.finish();
    await expect(writer.done).rejects.toThrow('rolled back');
    await reader;
    expect(seen).toEqual([]);
  });
});

describe('prepared reads on a SQLite file while a write transaction holds the connection', () => {
  const at = '2026-11-27T08:00:00.000Z';
  const dir = mkdtempSync(join(tmpdir(), 'kontor-reader-'));
  const handle = openDatabase(join(dir, 'kontor.db'));
  const byName = preparedQuery((db, p: { name: string }) => db.selectFrom('teams').select('name').where('name', '=', p.name));
  beforeAll(() => migrateToLatest(handle.db));
  afterAll(async () => {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('run at once on the reading connection, see only what is committed, and see a commit at once', async () => {
    await insertTeamsQuietly(handle.db, [{ name: 'Alfa', active: 1, created_at: at, updated_at: at }]);
    const writer = openWriteTransaction(handle.db, async (trx) => {
      await insertTeamsQuietly(trx, [{ name: 'Beta', active: 1, created_at: at, updated_at: at }]);
      // The writer's own reads see its write.
      expect(await byName(trx, { name: 'Beta' })).toEqual([{ name: 'Beta' }]);
    });
    await writer.written;
    // Outside the transaction, while it is open: answered without waiting for it, without its row.
    const during = await Promise.race([
      Promise.all([byName(handle.db, { name: 'Alfa' }), byName(handle.db, { name: 'Beta' })]),
      new Promise<'waited'>((r) => setTimeout(() => r('waited'), 500)),
    ]);
    expect(during).toEqual([[{ name: 'Alfa' }], []]);
    writer.finish();
    await writer.done;
    expect(await byName(handle.db, { name: 'Beta' })).toEqual([{ name: 'Beta' }]);
  });

  it('sends a statement that writes through the one writing connection, after the open transaction', async () => {
    const writer = openWriteTransaction(handle.db, (trx) => insertTeamsQuietly(trx, [{ name: 'Gama', active: 1, created_at: at, updated_at: at }]));
    await writer.written;
    let written = false;
    const second = insertTeamsQuietly(handle.db, [{ name: 'Delta', active: 1, created_at: at, updated_at: at }]).then(() => (written = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(written).toBe(false); // it waits for the writing connection
    writer.finish();
    await writer.done;
    await second;
    expect(await byName(handle.db, { name: 'Delta' })).toEqual([{ name: 'Delta' }]);
  });
});
