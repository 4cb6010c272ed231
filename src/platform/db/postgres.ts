import pg from 'pg';
import { PostgresDialect } from 'kysely';

/**
 * PostgreSQL returns bigint (ids, COUNT, SUM of bigint) as strings. Kontor's
 * numbers are all safe integers, so convert, and refuse loudly if one is not.
 */
function parseSafeInteger(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new Error(`integer ${text} from PostgreSQL is outside the safe range`);
  return n;
}
pg.types.setTypeParser(pg.types.builtins.INT8, parseSafeInteger);

export function postgresPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection the server closed (restart, failover, DROP DATABASE … FORCE) must not
  // crash the process: the pool drops it and the next query connects anew; a query in flight gets its own error.
  pool.on('error', () => undefined);
  return pool;
}

export function postgresDialect(pool: pg.Pool): PostgresDialect {
  return new PostgresDialect({ pool });
}
