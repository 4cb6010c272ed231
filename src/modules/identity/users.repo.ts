import type { Language } from '../../shared/language.ts';
import { foldForSearch } from '../../shared/text.ts';
import { afterCursor, containsFolded, type DbOrTx, type UsersTable } from '../../platform/db/index.ts';
import type { Selectable } from 'kysely';
import { isRole, type Role } from './domain/index.ts';

export interface User {
  id: number;
  email: string;
  name: string;
  language: Language;
  roles: Role[];
  clientId: number | null;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
}

export interface UserWithSecret extends User {
  passwordHash: string | null;
}

function toUser(row: Selectable<UsersTable>, roles: string[]): UserWithSecret {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    language: row.language as Language,
    roles: roles.filter(isRole),
    clientId: row.client_id,
    active: row.active === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastLoginAt: row.last_login_at,
    passwordHash: row.password_hash,
  };
}

export function withoutSecret({ passwordHash: _omit, ...user }: UserWithSecret): User {
  return user;
}

async function rolesOf(db: DbOrTx, ids: number[]): Promise<Map<number, string[]>> {
  const map = new Map<number, string[]>();
  if (ids.length === 0) return map;
  const rows = await db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', ids).orderBy('role').execute();
  for (const r of rows) map.set(r.user_id, [...(map.get(r.user_id) ?? []), r.role]);
  return map;
}

export async function findUserById(db: DbOrTx, id: number): Promise<UserWithSecret | null> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  return toUser(row, (await rolesOf(db, [id])).get(id) ?? []);
}

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserWithSecret | null> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  if (!row) return null;
  return toUser(row, (await rolesOf(db, [row.id])).get(row.id) ?? []);
}

export interface UserListQuery {
  q?: string | undefined;
  active: 'true' | 'false' | 'all';
  limit: number;
  after?: { email: string; id: number } | undefined;
}

/** Active users who work tickets (any role but client contact), by name: for pickers of assignees, members and leads. */
export async function listStaff(db: DbOrTx): Promise<{ id: number; name: string; email: string; roles: Role[] }[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.name', 'users.email', 'user_roles.role'])
    .where('users.active', '=', 1)
    .where('user_roles.role', '!=', 'client_contact')
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
  const byId = new Map<number, { id: number; name: string; email: string; roles: Role[] }>();
  for (const r of rows) {
    const entry = byId.get(r.id) ?? { id: r.id, name: r.name, email: r.email, roles: [] };
    if (isRole(r.role)) entry.roles.push(r.role);
    byId.set(r.id, entry);
  }
  return [...byId.values()];
}

export async function listUsers(db: DbOrTx, query: UserListQuery): Promise<User[]> {
  let sel = db.selectFrom('users').selectAll();
  if (query.active !== 'all') sel = sel.where('active', '=', query.active === 'true' ? 1 : 0);
  if (query.q) {
    const q = query.q;
    sel = sel.where(containsFolded('search_text', q));
  }
  if (query.after) {
    const { email, id } = query.after;
    sel = sel.where(afterCursor([['email', 'asc'], ['id', 'asc']], [email, id]));
  }
  const rows = await sel.orderBy('email').orderBy('id').limit(query.limit).execute();
  const roles = await rolesOf(db, rows.map((r) => r.id));
  return rows.map((r) => withoutSecret(toUser(r, roles.get(r.id) ?? [])));
}

export interface NewUserRow {
  email: string;
  name: string;
  language: string;
  passwordHash: string | null;
  clientId: number | null;
  roles: readonly Role[];
  at: string;
}

export async function insertUser(db: DbOrTx, u: NewUserRow): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      email: u.email.toLowerCase(),
      name: u.name,
      search_text: foldForSearch(`${u.name} ${u.email}`),
      language: u.language,
      password_hash: u.passwordHash,
      client_id: u.clientId,
      active: 1,
      version: 1,
      created_at: u.at,
      updated_at: u.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await setRoles(db, row.id, u.roles);
  return row.id;
}

export async function setRoles(db: DbOrTx, userId: number, roles: readonly Role[]): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length > 0) {
    await db.insertInto('user_roles').values(roles.map((role) => ({ user_id: userId, role }))).execute();
  }
}

export interface UserChanges {
  /** A new name needs the e-mail too, to refresh the search text. */
  name?: string;
  email?: string;
  language?: string;
  active?: boolean;
  clientId?: number | null;
  passwordHash?: string;
  lastLoginAt?: string;
}

/** What only the user's own sign-ins and passwords change: not what an administrator edits, so no new version. */
const ACCOUNT_ONLY: readonly (keyof UserChanges)[] = ['passwordHash', 'lastLoginAt'];

export async function updateUser(db: DbOrTx, id: number, changes: UserChanges, at: string): Promise<void> {
  // The version guards the administrator's form (name, language, roles, status, client):
  // a sign-in or a password change in between must not make a save look stale.
  const editsProfile = (Object.keys(changes) as (keyof UserChanges)[]).some((k) => changes[k] !== undefined && !ACCOUNT_ONLY.includes(k));
  await db
    .updateTable('users')
    .set((eb) => ({
      ...(changes.name !== undefined && { name: changes.name, search_text: foldForSearch(`${changes.name} ${changes.email}`) }),
      ...(changes.language !== undefined && { language: changes.language }),
      ...(changes.active !== undefined && { active: changes.active ? 1 : 0 }),
      ...(changes.clientId !== undefined && { client_id: changes.clientId }),
      ...(changes.passwordHash !== undefined && { password_hash: changes.passwordHash }),
      ...(changes.lastLoginAt !== undefined && { last_login_at: changes.lastLoginAt }),
      updated_at: at,
      ...(editsProfile && { version: eb('version', '+', 1) }),
    }))
    .where('id', '=', id)
    .execute();
}

export async function countActiveAdmins(db: DbOrTx): Promise<number> {
  const row = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_roles.role', '=', 'admin')
    .where('users.active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
