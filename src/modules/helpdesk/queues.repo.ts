import type { DbOrTx } from '../../platform/db/index.ts';
import { flag } from './common.ts';
import type { ActiveFilter } from './common.schemas.ts';
import type { Queue, Team } from './queues.schemas.ts';

/** Queues and teams with their members, as stored. */

const activeWhere = (active: ActiveFilter | undefined): 0 | 1 | null => (active === 'true' ? 1 : active === 'false' ? 0 : null);

export async function listQueues(db: DbOrTx, filter: { active?: ActiveFilter; ids?: number[]; code?: string } = {}): Promise<Queue[]> {
  let sel = db.selectFrom('queues').selectAll();
  const a = activeWhere(filter.active);
  if (a !== null) sel = sel.where('active', '=', a);
  if (filter.ids) sel = sel.where('id', 'in', filter.ids.length ? filter.ids : [0]);
  if (filter.code !== undefined) sel = sel.where('code', '=', filter.code);
  const rows = await sel.orderBy('name').orderBy('id').execute();
  if (rows.length === 0) return [];
  const members = await db.selectFrom('queue_members').selectAll().where('queue_id', 'in', rows.map((r) => r.id)).orderBy('user_id').execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    leadUserId: r.lead_user_id,
    members: members.filter((m) => m.queue_id === r.id).map((m) => m.user_id),
    active: r.active === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export async function findQueue(db: DbOrTx, id: number): Promise<Queue | null> {
  return (await listQueues(db, { ids: [id] }))[0] ?? null;
}

export async function findQueueByCode(db: DbOrTx, code: string): Promise<Queue | null> {
  return (await listQueues(db, { code }))[0] ?? null;
}

export type QueueValues = Omit<Queue, 'id' | 'createdAt' | 'updatedAt'>;

async function setQueueMembers(db: DbOrTx, queueId: number, userIds: number[]): Promise<void> {
  await db.deleteFrom('queue_members').where('queue_id', '=', queueId).execute();
  if (userIds.length) await db.insertInto('queue_members').values(userIds.map((user_id) => ({ queue_id: queueId, user_id }))).execute();
}

export async function insertQueue(db: DbOrTx, v: QueueValues, at: string): Promise<number> {
  const row = await db
    .insertInto('queues')
    .values({ code: v.code, name: v.name, lead_user_id: v.leadUserId, active: flag(v.active), created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await setQueueMembers(db, row.id, v.members);
  return row.id;
}

export async function updateQueue(db: DbOrTx, id: number, v: QueueValues, at: string): Promise<void> {
  await db
    .updateTable('queues')
    .set({ code: v.code, name: v.name, lead_user_id: v.leadUserId, active: flag(v.active), updated_at: at })
    .where('id', '=', id)
    .execute();
  await setQueueMembers(db, id, v.members);
}

/** The queues a user is a member of (record scope of ticket staff). */
export async function queueIdsOfUser(db: DbOrTx, userId: number): Promise<number[]> {
  const rows = await db.selectFrom('queue_members').select('queue_id').where('user_id', '=', userId).orderBy('queue_id').execute();
  return rows.map((r) => r.queue_id);
}

export async function listTeams(db: DbOrTx, filter: { active?: ActiveFilter; ids?: number[] } = {}): Promise<Team[]> {
  let sel = db.selectFrom('teams').selectAll();
  const a = activeWhere(filter.active);
  if (a !== null) sel = sel.where('active', '=', a);
  if (filter.ids) sel = sel.where('id', 'in', filter.ids.length ? filter.ids : [0]);
  const rows = await sel.orderBy('name').orderBy('id').execute();
  if (rows.length === 0) return [];
  const members = await db.selectFrom('team_members').selectAll().where('team_id', 'in', rows.map((r) => r.id)).orderBy('user_id').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    members: members.filter((m) => m.team_id === r.id).map((m) => m.user_id),
    active: r.active === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export async function findTeam(db: DbOrTx, id: number): Promise<Team | null> {
  return (await listTeams(db, { ids: [id] }))[0] ?? null;
}

export type TeamValues = Omit<Team, 'id' | 'createdAt' | 'updatedAt'>;

async function setTeamMembers(db: DbOrTx, teamId: number, userIds: number[]): Promise<void> {
  await db.deleteFrom('team_members').where('team_id', '=', teamId).execute();
  if (userIds.length) await db.insertInto('team_members').values(userIds.map((user_id) => ({ team_id: teamId, user_id }))).execute();
}

export async function insertTeam(db: DbOrTx, v: TeamValues, at: string): Promise<number> {
  const row = await db.insertInto('teams').values({ name: v.name, active: flag(v.active), created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
  await setTeamMembers(db, row.id, v.members);
  return row.id;
}

export async function updateTeam(db: DbOrTx, id: number, v: TeamValues, at: string): Promise<void> {
  await db.updateTable('teams').set({ name: v.name, active: flag(v.active), updated_at: at }).where('id', '=', id).execute();
  await setTeamMembers(db, id, v.members);
}

/** The team ids of a user. */
export async function teamIdsOfUser(db: DbOrTx, userId: number): Promise<number[]> {
  const rows = await db.selectFrom('team_members').select('team_id').where('user_id', '=', userId).orderBy('team_id').execute();
  return rows.map((r) => r.team_id);
}

/**
 * Of the given users, the active ones with one of the roles. Read here rather
 * than through identity's service: a plain existence check inside the caller's
 * transaction.
 */
export async function activeUsersWithRoles(db: DbOrTx, userIds: number[], roles: readonly string[]): Promise<Set<number>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.id')
    .distinct()
    .where('users.id', 'in', userIds)
    .where('users.active', '=', 1)
    .where('user_roles.role', 'in', [...roles])
    .execute();
  return new Set(rows.map((r) => r.id));
}
