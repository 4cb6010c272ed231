import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterCursor, isPostgres, type SortKey } from '../src/platform/db/index.ts';
import { createTestDatabase, testEngines, type TestDatabase } from './db.ts';

/**
 * Keyset paging (afterCursor): walking every page, each after the last row of the one
 * before, gives exactly what one ORDER BY over everything gives, in any mix of directions,
 * with ties on every key but the id and with a far-future sentinel among the values; and
 * the condition is one an index in the sort's order can start reading at.
 */
describe.each(testEngines())('keyset paging on %s', (engine) => {
  let t: TestDatabase;
  // A table of its own: the helper knows nothing of Kontor's tables.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let db: Kysely<any>;

  // Few distinct values, so that rows tie on a key and the next key (finally the id) decides.
  const dues = ['2026-11-03T08:00:00.000Z', '2026-11-03T09:30:00.000Z', '', 'P1', 'p1', '9999-12-31T23:59:59.999Z'];

  beforeAll(async () => {
    t = await createTestDatabase(engine, { migrate: false });
    db = t.db as unknown as Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    await db.schema.createTable('keyset_probe')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('a', 'text', (c) => c.notNull())
      .addColumn('b', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('keyset_probe_sort').on('keyset_probe').columns(['a', 'b', 'id']).execute();
    const rows = fc.sample(fc.record({ a: fc.constantFrom(...dues), b: fc.integer({ min: -2, max: 2 }) }), { numRuns: 80, seed: 20261128 });
    await db.insertInto('keyset_probe').values(rows.map((r, i) => ({ id: i + 1, ...r }))).execute();
  });
  afterAll(() => t.close());

  const ordered = (keys: readonly SortKey[]) => {
    let q = db.selectFrom('keyset_probe').select(['id', 'a', 'b']);
    for (const [column, dir] of keys) q = q.orderBy(sql.ref(column), dir);
    return q;
  };

  const sortKeys = fc.tuple(
    fc.subarray(['a', 'b'] as const),
    fc.boolean(),
    fc.array(fc.constantFrom('asc' as const, 'desc' as const), { minLength: 3, maxLength: 3 }),
  ).map(([columns, swap, dirs]): SortKey[] => [...(swap ? [...columns].reverse() : columns), 'id'].map((column, i) => [column, dirs[i]!]));

  it('property: the pages, one after another, are one ORDER BY over everything, in any directions and page sizes', async () => {
    const all = await db.selectFrom('keyset_probe').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    await fc.assert(
      fc.asyncProperty(sortKeys, fc.integer({ min: 1, max: 9 }), async (keys, limit) => {
        const want = (await ordered(keys).execute()).map((r) => r.id as number);
        const got: number[] = [];
        let cursor: (string | number)[] | null = null;
        for (let pages = 0; pages <= want.length; pages++) {
          let q = ordered(keys);
          if (cursor) q = q.where(afterCursor(keys, cursor));
          const rows = await q.limit(limit).execute();
          got.push(...rows.map((r) => r.id as number));
          if (rows.length < limit) break;
          const last = rows.at(-1)!;
          cursor = keys.map(([column]) => (last as Record<string, string | number>)[column]!);
        }
        expect(got, keys.map(([c, d]) => `${c} ${d}`).join(', ')).toEqual(want);
      }),
      { numRuns: 120, seed: 7 },
    );
    expect(Number(all.n)).toBe(80);
  }, 60_000);

  /** How the engine reads the page after a cursor in this order (SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN, index scans preferred). */
  const plan = async (keys: readonly SortKey[]): Promise<string> => {
    const q = ordered(keys).where(afterCursor(keys, ['P1', 0, 40])).limit(5).compile();
    if (!isPostgres(t.db)) {
      const explained = await db.executeQuery<{ detail: string }>({ ...q, sql: `explain query plan ${q.sql}` });
      return explained.rows.map((r) => r.detail).join('\n');
    }
    return db.transaction().execute(async (tx) => {
      await sql`set local enable_seqscan = off`.execute(tx);
      const explained = await tx.executeQuery<Record<string, string>>({ ...q, sql: `explain ${q.sql}` });
      return explained.rows.map((r) => Object.values(r)[0]).join('\n');
    });
  };

  it('bounds the index read by the cursor: a row value where the keys share a direction, its first keys where they do not', async () => {
    const same = await plan([['a', 'asc'], ['b', 'asc'], ['id', 'asc']]);
    const sameBackwards = await plan([['a', 'desc'], ['b', 'desc'], ['id', 'desc']]);
    const mixed = await plan([['a', 'asc'], ['b', 'desc'], ['id', 'desc']]);
    if (isPostgres(t.db)) {
      expect(same).toMatch(/Index Cond: \(ROW\(a, b, id\) > ROW\(/);
      expect(sameBackwards).toMatch(/Index Cond: \(ROW\(a, b, id\) < ROW\(/);
      expect(mixed).toMatch(/Index Cond: \(a >= /);
    } else {
      // The id is the rowid, which ends every index entry: SQLite names the index's own columns.
      expect(same).toMatch(/SEARCH keyset_probe USING COVERING INDEX keyset_probe_sort \(\(a,b(,id)?\)>\(\?,\?(,\?)?\)\)/);
      expect(sameBackwards).toMatch(/SEARCH keyset_probe USING COVERING INDEX keyset_probe_sort \(\(a,b(,id)?\)<\(\?,\?(,\?)?\)\)/);
      expect(mixed).toMatch(/SEARCH keyset_probe USING COVERING INDEX keyset_probe_sort \(a>\?\)/);
    }
  });

  it('refuses a cursor that does not fit the sort', () => {
    expect(() => afterCursor([['a', 'asc'], ['id', 'asc']], ['x'])).toThrow(/2 sort keys, 1 cursor values/);
  });
});
