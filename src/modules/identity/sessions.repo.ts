import type { DbOrTx } from '../../platform/db/index.ts';
import { preparedQuery } from '../../platform/db/prepared.ts';

/** Sessions, API tokens and sign-in failures: the stored side of authentication. */

export async function insertSession(
  db: DbOrTx,
  s: { id: string; userId: number; csrfToken: string; ip: string | null; userAgent: string | null; at: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      ip: s.ip,
      user_agent: s.userAgent,
      created_at: s.at,
      last_seen_at: s.at,
      expires_at: s.expiresAt,
      revoked_at: null,
    })
    .execute();
}

export function findSession(db: DbOrTx, id: string) {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function touchSession(db: DbOrTx, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function revokeSession(db: DbOrTx, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

export async function revokeUserSessions(db: DbOrTx, userId: number, at: string, exceptId?: string): Promise<void> {
  let q = db.updateTable('sessions').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}

export async function insertToken(db: DbOrTx, t: { userId: number; name: string; tokenHash: string; at: string }): Promise<number> {
  const row = await db
    .insertInto('api_tokens')
    .values({ user_id: t.userId, name: t.name, token_hash: t.tokenHash, created_at: t.at, last_used_at: null, revoked_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The token and what authentication needs of its user (roles included) in ONE
 * statement: this runs on every API request, and each statement costs a read
 * transaction (two lock syscalls on SQLite) plus a Kysely round trip, so three
 * lookups cost about 2.5× one join. Compiled once (preparedQuery): building
 * this join cost Kysely 4× what SQLite needs to run it. One row per role (role
 * null when the user has none), ordered by role like rolesOf(); no rows when
 * the token is unknown.
 */
const selectTokenWithUser = preparedQuery((db, p: { tokenHash: string }) =>
  db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .leftJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select([
      'api_tokens.id as token_id',
      'api_tokens.revoked_at as token_revoked_at',
      'api_tokens.last_used_at as token_last_used_at',
      'users.id as user_id',
      'users.name as user_name',
      'users.client_id as user_client_id',
      'users.active as user_active',
      'users.language as user_language',
      'user_roles.role as role',
    ])
    .where('api_tokens.token_hash', '=', p.tokenHash)
    .orderBy('user_roles.role'),
);

export function findTokenWithUser(db: DbOrTx, tokenHash: string) {
  return selectTokenWithUser(db, { tokenHash });
}

export function listTokens(db: DbOrTx, userId: number) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .execute();
}

export async function touchToken(db: DbOrTx, id: number, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function revokeToken(db: DbOrTx, id: number, userId: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function recentFailures(db: DbOrTx, email: string, ip: string, since: string) {
  const byPair = await db
    .selectFrom('login_failures')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('oldest')])
    .where('email', '=', email)
    .where('ip', '=', ip)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return { count: Number(byPair.n), oldest: byPair.oldest as string | null };
}

export async function insertFailure(db: DbOrTx, email: string, ip: string, at: string): Promise<void> {
  await db.insertInto('login_failures').values({ email, ip, at }).execute();
}

export async function clearFailures(db: DbOrTx, email: string, ip: string): Promise<void> {
  await db.deleteFrom('login_failures').where('email', '=', email).where('ip', '=', ip).execute();
}
