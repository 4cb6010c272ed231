import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SqliteDialect, type SqliteDatabase } from 'kysely';

/**
 * Opens the embedded SQLite database tuned for a server: WAL, NORMAL sync
 * (durable at checkpoints, safe against corruption), foreign keys on.
 */
export function openSqlite(file: string): BetterSqlite3.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
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
  return db;
}

/** In a statement's text (see rows.ts): SQLite returns its rows as arrays, columns in select order. */
export const ARRAY_ROWS_MARK = '/*kontor:array-rows*/';

/**
 * Kysely prepares every statement anew, which halves SQLite throughput on hot
 * paths. This wrapper keeps prepared statements by SQL text (bounded, LRU).
 */
function withStatementCache(db: BetterSqlite3.Database, limit = 500): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => {
      cache.clear();
      db.close();
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

export function sqliteDialect(db: BetterSqlite3.Database): SqliteDialect {
  return new SqliteDialect({ database: withStatementCache(db) });
}
