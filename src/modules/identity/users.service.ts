import { recordAudit } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, DbOrTx, Tx } from '../../platform/db/index.ts';
import { decodeCursor, pageOf } from '../../shared/cursor.ts';
import { AppError, conflict, forbidden, invalid, notFound, staleVersion } from '../../shared/errors.ts';
import { hashToken, newSecret, toMe, type Me } from './auth.service.ts';
import { auditWhoOf, type RequestContext } from './context.ts';
import { hasPermission, passwordProblem, type Permission, type Role } from './domain/index.ts';
import type { PasswordHasher } from './passwords.ts';
import * as sessions from './sessions.repo.ts';
import { forgetCachedTokens } from './token-cache.ts';
import * as repo from './users.repo.ts';
import type { User } from './users.repo.ts';

export interface NewUser {
  email: string;
  name: string;
  language: User['language'];
  roles: Role[];
  password?: string | undefined;
  clientId?: number | null | undefined;
}

export interface UserPatch {
  name?: string | undefined;
  language?: User['language'] | undefined;
  roles?: Role[] | undefined;
  active?: boolean | undefined;
  clientId?: number | null | undefined;
  /** The version the editor read; a later change by someone else refuses the patch. */
  version?: number | undefined;
  /**
   * With `active: false`: `return` hands the user's open tickets back to their queues (unassigned),
   * `handTo` gives them all to that colleague, `keep` (the default) leaves them assigned.
   */
  openTickets?: 'return' | 'keep' | { handTo: number } | undefined;
}

/** How many open tickets a deactivation dialog names by number; the rest it only counts. */
export const OPEN_TICKETS_NAMED = 10;

/**
 * What deactivating a user means for the tickets assigned to them. The tickets module
 * keeps tickets and provides these (app.ts composes them): identity may not reach into it.
 */
export interface AssigneeTickets {
  /** How many open tickets (state category new, open or waiting) the user is assigned, with the first `limit` by number. */
  openTicketsOfAssignee(db: DbOrTx, userId: number, limit: number): Promise<{ count: number; items: { id: number; number: string }[]; queues: { id: number; name: string }[] }>;
  /** Unassigns the user's open tickets in the transaction, each with a timeline event and an audit entry; the ids handed back. */
  returnOpenTicketsToQueues(trx: Tx, ctx: RequestContext, assignee: { id: number; name: string }, now: Date): Promise<number[]>;
  /**
   * Assigns the user's open tickets to the colleague in the transaction, each as if by hand (timeline event, audit entry,
   * mail); throws, changing nothing, unless the colleague is active and allowed to work every one of the tickets' queues.
   */
  handOpenTicketsTo(trx: Tx, ctx: RequestContext, assignee: { id: number; name: string }, colleagueId: number, now: Date): Promise<number[]>;
}

function require(ctx: RequestContext, permission: Permission): void {
  if (!hasPermission(ctx.actor, permission)) throw forbidden();
}

export function createUsersService(deps: { db: Db; clock: Clock; passwords: PasswordHasher; tickets: AssigneeTickets }) {
  const { db, clock, passwords, tickets } = deps;

  /** A client contact sees only their own client's records, so one without a client would be a dead account. */
  function checkClientOfContact(roles: readonly Role[], clientId: number | null | undefined): void {
    if (roles.includes('client_contact') && !clientId) {
      throw invalid([{ path: 'clientId', code: 'required', message: 'A client contact belongs to a client' }]);
    }
  }

  function checkPassword(password: string, email: string, path = 'password'): void {
    const problem = passwordProblem(password, email);
    if (problem) throw invalid([{ path, code: problem, message: 'Choose a longer, less guessable password' }]);
  }

  async function list(ctx: RequestContext, q: { q?: string | undefined; active: 'true' | 'false' | 'all'; limit: number; cursor?: string | undefined }) {
    require(ctx, 'users.read');
    const after = q.cursor ? decodeCursor(q.cursor, ['string', 'number']) : undefined;
    const items = await repo.listUsers(db, {
      q: q.q,
      active: q.active,
      limit: q.limit + 1,
      after: after ? { email: after[0] as string, id: after[1] as number } : undefined,
    });
    return pageOf(items, q.limit, (u) => [u.email, u.id], (u) => u);
  }

  async function get(ctx: RequestContext, id: number): Promise<User> {
    require(ctx, 'users.read');
    const user = await repo.findUserById(db, id);
    if (!user) throw notFound('User');
    return repo.withoutSecret(user);
  }

  /** Everyone who works tickets, for pickers; staff see each other's names, nothing more. */
  async function staff(ctx: RequestContext) {
    if (!ctx.actor.roles.some((r) => r !== 'client_contact')) throw forbidden();
    return repo.listStaff(db);
  }

  /** One user by e-mail (case-insensitive), for the CLI and integrations. */
  async function findByEmail(ctx: RequestContext, email: string): Promise<User> {
    require(ctx, 'users.read');
    const user = await repo.findUserByEmail(db, email.trim());
    if (!user) throw notFound('User');
    return repo.withoutSecret(user);
  }

  async function create(ctx: RequestContext, input: NewUser): Promise<User> {
    require(ctx, 'users.manage');
    const email = input.email.trim().toLowerCase();
    if (input.password !== undefined) checkPassword(input.password, email);
    checkClientOfContact(input.roles, input.clientId);
    const passwordHash = input.password === undefined ? null : await passwords.hash(input.password);
    const now = clock.now();
    const id = await db.transaction().execute(async (trx) => {
      if (await repo.findUserByEmail(trx, email)) {
        throw conflict('duplicate', 'A user with this e-mail already exists', [
          { path: 'email', code: 'duplicate', message: 'A user with this e-mail already exists' },
        ]);
      }
      const newId = await repo.insertUser(trx, {
        email,
        name: input.name,
        language: input.language,
        passwordHash,
        clientId: input.clientId ?? null,
        roles: input.roles,
        at: now.toISOString(),
      });
      const created = await repo.findUserById(trx, newId);
      await recordAudit(trx, now, auditWhoOf(ctx), {
        entity: 'user',
        entityId: newId,
        action: 'create',
        after: created && repo.withoutSecret(created),
      });
      return newId;
    });
    return get(ctx, id);
  }

  /** The open tickets assigned to the user, for the deactivation dialog: how many, and the first of them by number. */
  async function openTickets(ctx: RequestContext, id: number) {
    require(ctx, 'users.manage');
    if (!(await repo.findUserById(db, id))) throw notFound('User');
    return tickets.openTicketsOfAssignee(db, id, OPEN_TICKETS_NAMED);
  }

  async function update(ctx: RequestContext, id: number, patch: UserPatch): Promise<User> {
    require(ctx, 'users.manage');
    if (patch.openTickets !== undefined && patch.active !== false) {
      throw invalid([{ path: 'openTickets', code: 'only_when_deactivating', message: 'Say what becomes of the open tickets only together with active: false' }]);
    }
    const handTo = typeof patch.openTickets === 'object' ? patch.openTickets.handTo : null;
    if (handTo === id) {
      throw invalid([{ path: 'openTickets.handTo', code: 'hand_to_self', message: 'Hand the open tickets to a colleague, not to the user being deactivated' }]);
    }
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const before = await repo.findUserById(trx, id);
      if (!before) throw notFound('User');
      if (patch.version !== undefined && patch.version !== before.version) throw staleVersion('User');
      checkClientOfContact(patch.roles ?? before.roles, patch.clientId !== undefined ? patch.clientId : before.clientId);
      // Deactivating yourself ends your own session at once and locks you out; another administrator must do it.
      if (patch.active === false && before.active && id === ctx.actor.userId) {
        throw conflict('cannot_deactivate_self', 'You cannot deactivate your own account; another administrator can do it');
      }
      const losesAdmin =
        before.roles.includes('admin') &&
        before.active &&
        ((patch.roles && !patch.roles.includes('admin')) || patch.active === false);
      if (losesAdmin && (await repo.countActiveAdmins(trx)) <= 1) {
        throw conflict('last_admin', 'Kontor needs at least one active administrator');
      }
      await repo.updateUser(trx, id, { name: patch.name, email: before.email, language: patch.language, active: patch.active, clientId: patch.clientId } as repo.UserChanges, now.toISOString());
      if (patch.roles) await repo.setRoles(trx, id, patch.roles);
      if (patch.active === false) await sessions.revokeUserSessions(trx, id, now.toISOString());
      // In the same transaction: the user is never inactive with tickets that were to be handed back.
      // A colleague who may not take every ticket refuses the whole change (the transaction rolls back).
      if (patch.active === false && patch.openTickets === 'return') await tickets.returnOpenTicketsToQueues(trx, ctx, { id, name: before.name }, now);
      if (patch.active === false && handTo !== null) await tickets.handOpenTicketsTo(trx, ctx, { id, name: before.name }, handTo, now);
      const after = await repo.findUserById(trx, id);
      await recordAudit(trx, now, auditWhoOf(ctx), {
        entity: 'user',
        entityId: id,
        action: 'update',
        before: repo.withoutSecret(before),
        after: after && repo.withoutSecret(after),
      });
    });
    forgetCachedTokens();
    return get(ctx, id);
  }

  async function resetPassword(ctx: RequestContext, id: number, password: string): Promise<void> {
    require(ctx, 'users.manage');
    const user = await repo.findUserById(db, id);
    if (!user) throw notFound('User');
    checkPassword(password, user.email);
    const passwordHash = await passwords.hash(password);
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      await repo.updateUser(trx, id, { passwordHash }, now.toISOString());
      await sessions.revokeUserSessions(trx, id, now.toISOString());
      await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'user', entityId: id, action: 'password_reset' });
    });
    forgetCachedTokens();
  }

  async function updateMe(ctx: RequestContext, patch: { name?: string | undefined; language?: User['language'] | undefined }): Promise<Me> {
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const before = await repo.findUserById(trx, ctx.actor.userId);
      if (!before) throw new AppError('unauthorized', 'unauthorized', 'Sign in first');
      await repo.updateUser(trx, before.id, { name: patch.name, email: before.email, language: patch.language } as repo.UserChanges, now.toISOString());
      await recordAudit(trx, now, auditWhoOf(ctx), {
        entity: 'user',
        entityId: before.id,
        action: 'update_own_profile',
        before: { name: before.name, language: before.language },
        after: { name: patch.name ?? before.name, language: patch.language ?? before.language },
      });
    });
    forgetCachedTokens();
    const user = await repo.findUserById(db, ctx.actor.userId);
    return toMe(repo.withoutSecret(user!));
  }

  async function listTokens(ctx: RequestContext) {
    require(ctx, 'tokens.own');
    const rows = await sessions.listTokens(db, ctx.actor.userId);
    return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at }));
  }

  /** Creates an API token for a user; the secret is returned once and stored only as a hash. */
  async function createToken(ctx: RequestContext, userId: number, name: string) {
    if (userId !== ctx.actor.userId) require(ctx, 'users.manage');
    else require(ctx, 'tokens.own');
    const user = await repo.findUserById(db, userId);
    if (!user) throw notFound('User');
    const token = `kontor_${newSecret()}`;
    const now = clock.now();
    const id = await db.transaction().execute(async (trx) => {
      const tokenId = await sessions.insertToken(trx, { userId, name, tokenHash: hashToken(token), at: now.toISOString() });
      await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'api_token', entityId: tokenId, action: 'create', after: { userId, name } });
      return tokenId;
    });
    return { id, name, token };
  }

  async function revokeToken(ctx: RequestContext, id: number): Promise<void> {
    require(ctx, 'tokens.own');
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const done = await sessions.revokeToken(trx, id, ctx.actor.userId, now.toISOString());
      if (!done) throw notFound('API token');
      await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'api_token', entityId: id, action: 'revoke' });
    });
    forgetCachedTokens();
  }

  return { list, staff, get, findByEmail, create, openTickets, update, resetPassword, updateMe, listTokens, createToken, revokeToken };
}

export type UsersService = ReturnType<typeof createUsersService>;
