import { hash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Config } from '../../config/index.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError, invalid } from '../../shared/errors.ts';
import { isLanguage } from '../../shared/language.ts';
import { auditWho, type RequestContext } from './context.ts';
import { fieldScopeOf, isRole, ownClientOf, passwordProblem, permissionsOf, type Actor } from './domain/index.ts';
import type { PasswordHasher } from './passwords.ts';
import * as sessions from './sessions.repo.ts';
import { createTokenCache, forgetCachedTokens, registerTokenCache } from './token-cache.ts';
import { findUserByEmail, findUserById, updateUser, withoutSecret, type User } from './users.repo.ts';

export type AuthConfig = Pick<
  Config,
  'sessionIdleMinutes' | 'sessionAbsoluteHours' | 'loginMaxFailures' | 'loginWindowMinutes'
>;

export interface Me {
  id: number;
  email: string;
  name: string;
  language: User['language'];
  roles: User['roles'];
  permissions: string[];
  fieldScope: { prices: boolean; costs: boolean; margins: boolean };
  /** The organisation a user who is only a client contact acts for; null for staff. */
  clientId: number | null;
}

export interface SignedIn {
  sessionToken: string;
  csrfToken: string;
  me: Me;
  maxAgeSeconds: number;
}

export interface Authenticated {
  actor: Actor;
  /** Present for cookie sessions: unsafe requests must echo it. */
  csrfToken: string | null;
  sessionId: string | null;
}

// One-shot hash: on every API request, and half the cost of a createHash() object.
const sha256 = (text: string) => hash('sha256', text, 'hex');
const newSecret = () => randomBytes(32).toString('base64url');
// Activity is written at most once a minute per session or token: enough for timeouts, cheap on hot paths.
const TOUCH_EVERY_MS = 60_000;

export function toMe(user: User): Me {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    language: user.language,
    roles: user.roles,
    permissions: permissionsOf(user.roles),
    fieldScope: fieldScopeOf(user.roles),
    clientId: ownClientOf(user),
  };
}

function actorOf(user: User, tokenId: number | null): Actor {
  return { userId: user.id, name: user.name, roles: user.roles, clientId: user.clientId, tokenId, language: user.language };
}

export function createAuthService(deps: { db: Db; clock: Clock; config: AuthConfig; passwords: PasswordHasher }) {
  const { db, clock, config, passwords } = deps;
  const tokenCache = createTokenCache<Authenticated>();
  registerTokenCache(tokenCache);

  async function signIn(email: string, password: string, ip: string, userAgent: string | null): Promise<SignedIn> {
    const now = clock.now();
    const normalized = email.trim().toLowerCase();
    const windowMs = config.loginWindowMinutes * 60_000;
    const since = new Date(now.getTime() - windowMs).toISOString();
    const failures = await sessions.recentFailures(db, normalized, ip, since);
    if (failures.count >= config.loginMaxFailures) {
      const retryAt = new Date(failures.oldest ?? now.toISOString()).getTime() + windowMs;
      throw new AppError('too_many_requests', 'too_many_attempts', 'Too many failed sign-ins; try again later', {
        extra: { retryAfterSeconds: Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000)) },
      });
    }
    const user = await findUserByEmail(db, normalized);
    const ok = await passwords.verify(user?.passwordHash ?? null, password);
    if (!user || !ok || !user.active) {
      await db.transaction().execute(async (trx) => {
        await sessions.insertFailure(trx, normalized, ip, now.toISOString());
        await recordAudit(trx, now, { userId: user?.id ?? null, tokenId: null, name: null, ip }, {
          entity: 'session',
          entityId: null,
          action: 'sign_in_failed',
          after: { email: normalized, reason: !user ? 'unknown_email' : !ok ? 'wrong_password' : 'inactive_user' },
        });
      });
      throw new AppError('unauthorized', 'invalid_credentials', 'The e-mail or password is not right');
    }
    const sessionToken = newSecret();
    const csrfToken = newSecret();
    const maxAgeSeconds = config.sessionAbsoluteHours * 3600;
    await db.transaction().execute(async (trx) => {
      await sessions.clearFailures(trx, normalized, ip);
      await sessions.insertSession(trx, {
        id: sha256(sessionToken),
        userId: user.id,
        csrfToken,
        ip,
        userAgent: userAgent?.slice(0, 300) ?? null,
        at: now.toISOString(),
        expiresAt: new Date(now.getTime() + maxAgeSeconds * 1000).toISOString(),
      });
      await updateUser(trx, user.id, { lastLoginAt: now.toISOString() }, now.toISOString());
      await recordAudit(trx, now, { userId: user.id, tokenId: null, name: user.name, ip }, {
        entity: 'session',
        entityId: null,
        action: 'sign_in',
      });
    });
    return { sessionToken, csrfToken, me: toMe(withoutSecret(user)), maxAgeSeconds };
  }

  async function authenticateSession(sessionToken: string): Promise<Authenticated | null> {
    const now = clock.now();
    const id = sha256(sessionToken);
    const session = await sessions.findSession(db, id);
    if (!session || session.revoked_at) return null;
    const idleLimit = new Date(session.last_seen_at).getTime() + config.sessionIdleMinutes * 60_000;
    if (now.toISOString() >= session.expires_at || now.getTime() >= idleLimit) return null;
    const user = await findUserById(db, session.user_id);
    if (!user || !user.active) return null;
    if (now.getTime() - new Date(session.last_seen_at).getTime() > TOUCH_EVERY_MS) {
      await sessions.touchSession(db, id, now.toISOString());
    }
    return { actor: actorOf(user, null), csrfToken: session.csrf_token, sessionId: id };
  }

  /**
   * The answer for a token looked up within the last moment, at once (no promise,
   * no hashing): the hot path of every API call. Keyed by the token itself, which
   * this process holds anyway while it serves the request that carried it.
   */
  function cachedToken(token: string): Authenticated | undefined {
    return tokenCache.get(token);
  }

  async function authenticateToken(token: string): Promise<Authenticated | null> {
    // One query for token, user and roles, its answer kept for a moment (see
    // token-cache.ts for why that is safe).
    const cached = tokenCache.get(token);
    if (cached !== undefined) return cached;
    const tokenHash = sha256(token);
    const rows = await sessions.findTokenWithUser(db, tokenHash);
    const row = rows[0];
    if (!row || row.token_revoked_at || row.user_active !== 1) return null;
    const now = clock.now();
    if (!row.token_last_used_at || now.getTime() - new Date(row.token_last_used_at).getTime() > TOUCH_EVERY_MS) {
      await sessions.touchToken(db, row.token_id, now.toISOString());
    }
    const roles = rows.map((r) => r.role).filter((r): r is string => r !== null).filter(isRole);
    const language = isLanguage(row.user_language) ? row.user_language : 'cs';
    const actor: Actor = { userId: row.user_id, name: row.user_name, roles, clientId: row.user_client_id, tokenId: row.token_id, language };
    // Frozen: the same answer serves many requests, none may change it.
    Object.freeze(roles);
    const authenticated: Authenticated = Object.freeze({ actor: Object.freeze(actor), csrfToken: null, sessionId: null });
    tokenCache.set(token, authenticated);
    return authenticated;
  }

  async function signOut(ctx: RequestContext, sessionId: string): Promise<void> {
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      await sessions.revokeSession(trx, sessionId, now.toISOString());
      await recordAudit(trx, now, auditWho(ctx), { entity: 'session', entityId: null, action: 'sign_out' });
    });
  }

  async function changePassword(ctx: RequestContext, sessionId: string | null, current: string, next: string): Promise<void> {
    const user = await findUserById(db, ctx.actor.userId);
    if (!user || !(await passwords.verify(user.passwordHash, current))) {
      throw invalid([{ path: 'currentPassword', code: 'invalid_credentials', message: 'The current password is not right' }]);
    }
    const problem = passwordProblem(next, user.email);
    if (problem) throw invalid([{ path: 'newPassword', code: problem, message: 'Choose a longer, less guessable password' }]);
    const passwordHash = await passwords.hash(next);
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      await updateUser(trx, user.id, { passwordHash }, now.toISOString());
      // Other sessions end: whoever knew the old password is signed out.
      await sessions.revokeUserSessions(trx, user.id, now.toISOString(), sessionId ?? undefined);
      await recordAudit(trx, now, auditWho(ctx), { entity: 'user', entityId: user.id, action: 'password_changed' });
    });
    forgetCachedTokens();
  }

  async function me(ctx: RequestContext): Promise<Me> {
    const user = await findUserById(db, ctx.actor.userId);
    if (!user) throw new AppError('unauthorized', 'unauthorized', 'Sign in first');
    return toMe(withoutSecret(user));
  }

  return { signIn, authenticateSession, cachedToken, authenticateToken, signOut, changePassword, me };
}

export type AuthService = ReturnType<typeof createAuthService>;

/** Constant-time comparison for the CSRF header. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export { sha256 as hashToken, newSecret };
