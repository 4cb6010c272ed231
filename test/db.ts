import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest, openDatabase, type DatabaseHandle, type Engine } from '../src/platform/db/index.ts';

/**
 * Real databases for tests: a fresh in-memory SQLite, or a fresh PostgreSQL
 * database on the throwaway server that `npm test` starts (KONTOR_TEST_PG_URL).
 */
export function testEngines(): Engine[] {
  if (process.env.KONTOR_TEST_PG_URL) return ['sqlite', 'postgres'];
  if (process.env.KONTOR_TEST_REQUIRE_PG === '1') {
    throw new Error('KONTOR_TEST_REQUIRE_PG=1 but KONTOR_TEST_PG_URL is not set: run the tests with `npm test`');
  }
  return ['sqlite'];
}

export interface TestDatabase extends DatabaseHandle {
  url: string;
}

export async function createTestDatabase(engine: Engine, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  let url = ':memory:';
  let drop: (() => Promise<void>) | null = null;
  if (engine === 'postgres') {
    const adminUrl = process.env.KONTOR_TEST_PG_URL;
    if (!adminUrl) throw new Error('KONTOR_TEST_PG_URL is not set');
    const name = `kontor_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    url = u.toString();
    drop = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const handle = openDatabase(url, { poolSize: 5 });
  if (options.migrate !== false) await migrateToLatest(handle.db);
  return {
    ...handle,
    url,
    close: async () => {
      await handle.close();
      if (drop) await drop();
    },
  };
}
