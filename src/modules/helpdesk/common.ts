import { auditedChange as auditedChangeAs, type AuditEntry } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { forbidden } from '../../shared/errors.ts';
import { auditWhoOf, hasPermission, type RequestContext } from '../identity/index.ts';

/** What every helpdesk configuration service is built from. */
export interface HelpdeskDeps {
  db: Db;
  clock: Clock;
}

/** Staff who work tickets read the configuration; only administrators change it. */
export function requireRead(ctx: RequestContext): void {
  if (!hasPermission(ctx.actor, 'tickets.read')) throw forbidden();
}

export function requireConfigure(ctx: RequestContext): void {
  if (!hasPermission(ctx.actor, 'helpdesk.configure')) throw forbidden();
}

/** Runs a change in one transaction with its audit entries, as the acting user. */
export function auditedChange<T>(
  deps: HelpdeskDeps,
  ctx: RequestContext,
  change: (trx: Tx, at: string) => Promise<{ result: T; audit: AuditEntry | AuditEntry[] }>,
): Promise<T> {
  return auditedChangeAs(deps, auditWhoOf(ctx), change);
}

export { failIf, duplicate, unknownReference } from '../../shared/errors.ts';
export { merged, flag } from '../../shared/patch.ts';

export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}
