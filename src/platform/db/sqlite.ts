import BetterSqlite3 from 'better-sqlite3';
import { dirname } from 'node:path';
import { SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDatabase } from 'kysely';
import { ensureFolder } from '../folders.ts';

/**
 * Opens the embedded SQLite database tuned for a server: WAL, NORMAL sync
 * (durable at checkpoints, safe against corruption), foreign keys on.
 */
export function openSqlite(file: string, options: { memoryMap?: boolean } = {}): BetterSqlite3.Database {
  if (file !== ':memory:') ensureFolder(dirname(file));
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // 16 MB of pages per connection: the operating system caches the file too, and a bigger
  // cache mostly grows the server's memory under writes (every page written stays).
  db.pragma('cache_size = -16000');
  // Statement journals (the undo of one statement inside a bigger transaction, e.g. an
  // upsert after other writes) and temporary sort trees in memory, not in temp files.
  db.pragma('temp_store = MEMORY');
  if (options.memoryMap !== false) mapFile(db);
  return db;
}

/**
 * Reads pages of the file through a memory map (up to 2 GB, the most this SQLite build
 * maps) instead of a read() call and a copy per page that is not in the connection's own
 * cache: logging work on 5,000,000 records took 15–20 % less CPU per request. The mapped
 * pages are the operating system's file cache, shared by both connections and given back
 * under memory pressure; they count in the process's RSS once touched (the benchmarks
 * print RSS without them). Writes still go through the WAL. A one-shot command (the CLI's
 * billing run, imports) opens the file without the map: it reads most pages once, where
 * the map only added the pages it touched to its peak RSS (a month's billing run of 2 000
 * clients: 338 MB with it, 291 MB without, and 10 % less CPU).
 */
function mapFile(db: BetterSqlite3.Database): void {
  db.pragma('mmap_size = 2147418112');
}

/**
 * A second connection to the same file, for reads only (`query_only`): statements
 * outside any transaction read here while the first connection is in a write
 * transaction, seeing what is committed (WAL gives every connection its snapshot),
 * instead of queueing for that transaction to end. Its page cache is smaller: it
 * serves the short reads that arrive during a write batch.
 */
export function openSqliteReader(file: string, options: { memoryMap?: boolean } = {}): BetterSqlite3.Database {
  const db = new BetterSqlite3(file);
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -8000');
  db.pragma('query_only = ON');
  if (options.memoryMap !== false) mapFile(db);
  return db;
}

/** In a statement's text (see rows.ts): SQLite returns its rows as arrays, columns in select order. */
export const ARRAY_ROWS_MARK = '/*kontor:array-rows*/';

/**
 * Kysely prepares every statement anew, which halves SQLite throughput on hot
 * paths. This wrapper keeps prepared statements by SQL text (bounded, LRU).
 */
function withStatementCache(db: BetterSqlite3.Database, limit = 500, alsoClose: SqliteDatabase | null = null): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => {
      cache.clear();
      db.close();
      alsoClose?.close();
    },
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = db.prepare(sql);
        // better-sqlite3 builds an object per row with a property per column, which costs
        // more than reading the row; arrays are half the price for wide pages of rows.
        if (sql.includes(ARRAY_ROWS_MARK)) stmt.raw(true);
        if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, stmt);
      return stmt as unknown as ReturnType<SqliteDatabase['prepare']>;
    },
  };
}

/** What runs a compiled statement on the connection at once (see directRunnerOf). */
export type DirectRunner = (sql: string, parameters: readonly unknown[]) => unknown[];

interface ConnectionState {
  run: DirectRunner;
  /** How many holders Kysely has given the one connection to (a transaction holds it from BEGIN to its end). */
  held: number;
  /** The runner on the reading connection for a statement that only reads; undefined for one that writes, or without a reader. */
  reader: (sql: string) => DirectRunner | undefined;
}

const states = new WeakMap<object, ConnectionState>();

/**
 * The synchronous runner of a SQLite database when a statement may run on its one
 * connection right now, by the dialect adapter that Kysely instances and their
 * transactions share; undefined for PostgreSQL or while someone else holds it.
 *
 * Why: better-sqlite3 runs a statement synchronously, but Kysely takes every
 * statement through its connection lock and provider (a chain of promises per
 * statement), which on hot paths costs more than SQLite's running it. It may run at
 * once inside the caller's own transaction (the connection is the transaction's), or
 * when nobody holds the connection: then no transaction is open on it, and nothing
 * can start one before a synchronous statement has finished. While someone else holds
 * it, a statement `sql` that only reads runs at once on the reading connection (see
 * openSqliteReader), which sees what is committed and nothing of the open transaction.
 * Statements compiled once (prepared.ts) run here, with exactly what Kysely's SQLite
 * driver does: the rows of a statement that returns any, nothing else.
 */
export function directRunnerOf(adapter: object, inOwnTransaction: boolean, sql?: string): DirectRunner | undefined {
  const state = states.get(adapter);
  if (!state) return undefined;
  if (inOwnTransaction || state.held === 0) return state.run;
  return sql === undefined ? undefined : state.reader(sql);
}

export function sqliteDialect(db: BetterSqlite3.Database, readerDb: BetterSqlite3.Database | null = null): SqliteDialect {
  const reading = readerDb && withStatementCache(readerDb);
  const database = withStatementCache(db, 500, reading);
  const readRows: DirectRunner = (sql, parameters) => (reading!.prepare(sql) as unknown as BetterSqlite3.Statement).all(parameters as unknown[]);
  const state: ConnectionState = {
    held: 0,
    run: (sql, parameters) => {
      const stmt = database.prepare(sql) as unknown as BetterSqlite3.Statement;
      if (stmt.reader) return stmt.all(parameters as unknown[]);
      stmt.run(parameters as unknown[]);
      return [];
    },
    reader: (sql) => (reading && (reading.prepare(sql) as unknown as BetterSqlite3.Statement).readonly ? readRows : undefined),
  };
  // Kysely's own SQLite driver, counting who holds the connection.
  class CountingDriver extends SqliteDriver {
    override async acquireConnection(): Promise<DatabaseConnection> {
      const connection = await super.acquireConnection();
      state.held++;
      return connection;
    }
    override async releaseConnection(): Promise<void> {
      state.held--;
      await super.releaseConnection();
    }
  }
  return new (class extends SqliteDialect {
    override createDriver(): Driver {
      return new CountingDriver({ database });
    }
    override createAdapter() {
      const adapter = super.createAdapter();
      states.set(adapter, state);
      return adapter;
    }
  })({ database });
}
