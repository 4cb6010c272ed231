import type { CompiledQuery, Compilable, Insertable, Selectable } from 'kysely';
import type { DbOrTx } from './database.ts';
import type { Database } from './schema.ts';
import { directRunnerOf } from './sqlite.ts';

/**
 * Runs a statement compiled here: on SQLite directly on the connection when it may
 * run there now (inside the caller's transaction, or nobody holds the connection; a
 * read while someone does runs on the reading connection: sqlite.ts directRunnerOf;
 * synchronous, no promise per statement), else through Kysely, which waits for the
 * connection (it may be inside another unit's transaction).
 */
async function runCompiled<Row>(db: DbOrTx, adapter: object, compiled: CompiledQuery<Row>, parameters: readonly unknown[]): Promise<Row[]> {
  const direct = directRunnerOf(adapter, db.isTransaction, compiled.sql);
  if (direct) return direct(compiled.sql, parameters) as Row[];
  return (await db.executeQuery<Row>({ ...compiled, parameters })).rows;
}

/** A statement compiled by the caller (fixed SQL and parameters), run as runCompiled does. */
export function runCompiledQuery<Row>(db: DbOrTx, compiled: CompiledQuery<Row>): Promise<Row[]> {
  return runCompiled(db, db.getExecutor().adapter, compiled, compiled.parameters);
}

const MARKER = '\u0000kontor-param:';

/**
 * A query that Kysely builds and compiles once per database engine and then runs
 * with new parameter values, for the few statements on every request's path.
 *
 * Kysely rebuilds and recompiles each query on every call: for the token lookup
 * (two joins, aliased columns) that took ~25 µs of CPU against ~6 µs for SQLite
 * to run it, and ~30 µs per client insert with its audit entry. The SQL and the
 * order of parameters are the same every time, so they are kept; only values change.
 *
 * `build` must pass each field of `params` straight through as a value (where,
 * values, set): at compile time the fields hold markers, and compiling checks that
 * every marker became a bound parameter. A param object must always have the same
 * keys (the SQL differs with the key set, so it is part of the cache key). Choices that
 * change the SQL without a value of their own (a sort order, `IS NULL`) go in `shape`,
 * a string that is part of the cache key too.
 */
export function preparedQuery<P extends Record<string, unknown>, Row, S extends string | void = void>(
  build: (db: DbOrTx, params: P, shape: S) => Compilable<Row>,
): (db: DbOrTx, params: P, ...shape: S extends string ? [shape: S] : []) => Promise<Row[]> {
  // Per dialect adapter (a database and its transactions share it), then per key set.
  type Entry = { compiled: CompiledQuery<Row>; slots: (string | null)[]; keys: string[]; shape: S; adapter: object };
  const cache = new WeakMap<object, Map<string, Entry>>();
  // Most statements are always called with the same keys: the last one used is checked first, key
  // by key, without building the cache key string (this runs for every statement on hot paths).
  let last: Entry | null = null;

  /** The statement compiled for this key set and shape on this engine, compiled now if it is not yet. */
  function compiledEntry(db: DbOrTx, adapter: object, keys: string[], shape: S): Entry {
    let byKeys = cache.get(adapter);
    if (!byKeys) cache.set(adapter, (byKeys = new Map()));
    const keySet = `${shape ?? ''}\u0001${keys.join('\u0000')}`;
    let entry = byKeys.get(keySet);
    if (!entry) {
      // Shapes are few in practice; a flood of new ones (every filter combination) only costs compiling again.
      if (byKeys.size >= 1000) byKeys.clear();
      const markers = Object.fromEntries(keys.map((k) => [k, MARKER + k])) as P;
      const compiled = build(db, markers, shape).compile();
      const slots = compiled.parameters.map((p) => (typeof p === 'string' && p.startsWith(MARKER) ? p.slice(MARKER.length) : null));
      const missing = keys.filter((k) => !slots.includes(k));
      if (missing.length || compiled.sql.includes(MARKER)) {
        throw new Error(`preparedQuery: ${missing.join(', ') || 'a param'} is not a bound parameter in: ${compiled.sql}`);
      }
      byKeys.set(keySet, (entry = { compiled, slots, keys, shape, adapter }));
    }
    return entry;
  }

  return async (db, params, ...rest) => {
    const shape = rest[0] as S;
    const adapter = db.getExecutor().adapter;
    const keys = Object.keys(params);
    let entry = last !== null && last.adapter === adapter && last.shape === shape && sameKeys(last.keys, keys) ? last : undefined;
    entry ??= compiledEntry(db, adapter, keys, shape);
    last = entry;
    const { compiled, slots } = entry;
    const parameters = slots.map((key, i) => {
      if (key === null) return compiled.parameters[i];
      const value = params[key];
      // Kysely leaves an undefined value out of the query; here it would be bound, so refuse it.
      if (value === undefined) throw new Error(`preparedQuery: param ${key} is undefined`);
      return value;
    });
    return runCompiled(db, adapter, compiled, parameters);
  };
}

/**
 * A (multi-row) INSERT into `table`, compiled once per engine, column set and
 * number of rows, then run with new values: on the hot write paths (issue slips,
 * records) Kysely's building and compiling of a wide insert costs more than the
 * database's running it. Rows are plain column → value objects, all with the same
 * columns; an undefined value is refused (Kysely would silently leave it out).
 */
export function preparedInsert<T extends keyof Database & string, R extends keyof Selectable<Database[T]> & string = never>(
  table: T,
  returning: readonly R[] = [],
): (db: DbOrTx, rows: readonly Insertable<Database[T]>[]) => Promise<Pick<Selectable<Database[T]>, R>[]> {
  const cache = new WeakMap<object, Map<string, CompiledQuery<Pick<Selectable<Database[T]>, R>>>>();
  return async (db, rows) => {
    if (!rows.length) return [];
    const columns = Object.keys(rows[0]!);
    const adapter = db.getExecutor().adapter;
    let byShape = cache.get(adapter);
    if (!byShape) cache.set(adapter, (byShape = new Map()));
    const shape = `${rows.length}\u0001${columns.join('\u0000')}`;
    let compiled = byShape.get(shape);
    if (!compiled) {
      if (byShape.size >= 1000) byShape.clear();
      const marked = rows.map((_, r) => Object.fromEntries(columns.map((c, i) => [c, `${MARKER}${r * columns.length + i}`])));
      const query = db.insertInto(table).values(marked as never);
      compiled = (returning.length ? query.returning(returning as never) : query).compile() as CompiledQuery<Pick<Selectable<Database[T]>, R>>;
      // The values must come out as the parameters, in row and column order; anything else is a mistake here.
      if (compiled.parameters.length !== rows.length * columns.length || compiled.parameters.some((p, i) => p !== `${MARKER}${i}`)) {
        throw new Error(`preparedInsert: unexpected parameters in: ${compiled.sql}`);
      }
      byShape.set(shape, compiled);
    }
    const parameters: unknown[] = [];
    for (const row of rows) {
      const values = row as Record<string, unknown>;
      if (Object.keys(values).length !== columns.length) throw new Error(`preparedInsert: rows into ${table} differ in their columns`);
      for (const c of columns) {
        const value = values[c];
        if (value === undefined) throw new Error(`preparedInsert: ${table}.${c} is undefined`);
        parameters.push(value);
      }
    }
    return runCompiled(db, adapter, compiled, parameters);
  };
}

/**
 * A list of ids as preparedQuery params (`id0`, `id1`, …), for `where(col, 'in',
 * Object.values(params))`: the statement is compiled once per number of ids.
 */
export function idParams(ids: readonly number[]): Record<string, number> {
  const params: Record<string, number> = {};
  ids.forEach((id, i) => (params[`id${i}`] = id));
  return params;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
