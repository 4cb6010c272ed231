import { Kysely, Migrator, type Transaction } from 'kysely';
import { migrations } from '../../../migrations/index.ts';
import { postgresDialect, postgresPool } from './postgres.ts';
import type { Database } from './schema.ts';
import { openSqlite, openSqliteReader, sqliteDialect } from './sqlite.ts';

export type Engine = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Repositories take either the database or a transaction as their first argument. */
export type DbOrTx = Db | Tx;

export interface DatabaseHandle {
  db: Db;
  engine: Engine;
  close(): Promise<void>;
}

export function engineOf(url: string): Engine {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

/** Opens the database named by a URL: `postgres://…` or a SQLite file path (`:memory:` too). */
/**
 * `memoryMap: false` (SQLite): no memory map of the file, for a process that runs one command
 * and exits (see mapFile in sqlite.ts); a server keeps the default.
 */
export function openDatabase(url: string, options: { poolSize?: number; memoryMap?: boolean } = {}): DatabaseHandle {
  if (engineOf(url) === 'postgres') {
    const pool = postgresPool(url, options.poolSize);
    const db = new Kysely<Database>({ dialect: postgresDialect(pool) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  const map = { memoryMap: options.memoryMap ?? true };
  const writer = openSqlite(file, map);
  // A file gets a second, reading connection (an in-memory database is private to its one connection).
  const db = new Kysely<Database>({ dialect: sqliteDialect(writer, file === ':memory:' ? null : openSqliteReader(file, map)) });
  return { db, engine: 'sqlite', close: () => db.destroy() };
}

/** Brings the schema up to date; returns the names of migrations applied now. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'kontor_migrations',
    migrationLockTableName: 'kontor_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
