import type { AuditWho } from '../../platform/audit/index.ts';
import type { Actor } from './domain/index.ts';

/** What every service call knows about the caller. Built by the auth hook, the CLI or a job. */
export interface RequestContext {
  actor: Actor;
  ip: string | null;
}

export function auditWho(ctx: RequestContext): AuditWho {
  return { userId: ctx.actor.userId, tokenId: ctx.actor.tokenId, name: ctx.actor.name, ip: ctx.ip };
}

/** The CLI and background jobs act as the system, with every permission, and are audited as such. */
export const systemContext: RequestContext = {
  actor: { userId: 0, name: 'system', roles: ['admin'], clientId: null, tokenId: null },
  ip: null,
};

export function auditWhoOf(ctx: RequestContext): AuditWho {
  return ctx.actor.userId === 0 ? { userId: null, tokenId: null, name: 'system (CLI)', ip: null } : auditWho(ctx);
}
