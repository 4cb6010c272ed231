import { sql, type Kysely } from 'kysely';
import { isPostgres } from './lib.ts';

/**
 * PostgreSQL: the audit chain's lock and its head in one round trip.
 *
 * Appending to the hash chain takes an advisory lock held to the commit, then reads
 * the last entry's hash. As two statements, that is two round trips while every other
 * writer waits. A VOLATILE function takes a fresh snapshot for each query it runs, so
 * the read after the lock sees the entry the previous holder committed, as the second
 * statement did. SQLite has one writer and needs nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`
    create or replace function kontor_audit_chain_head(lock_key bigint) returns text
    language plpgsql volatile as $$
    begin
      perform pg_advisory_xact_lock(lock_key);
      return (select hash from audit_log order by id desc limit 1);
    end
    $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`drop function if exists kontor_audit_chain_head(bigint)`.execute(db);
}
