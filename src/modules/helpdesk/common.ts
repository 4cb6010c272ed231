import { recordAudit, type AuditEntry } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { conflict, forbidden, invalid, type ErrorDetail } from '../../shared/errors.ts';
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

/** Runs a change in one transaction and records its audit entry (or entries) in the same one. */
export function auditedChange<T>(
  deps: HelpdeskDeps,
  ctx: RequestContext,
  change: (trx: Tx, at: string) => Promise<{ result: T; audit: AuditEntry | AuditEntry[] }>,
): Promise<T> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const { result, audit } = await change(trx, now.toISOString());
    for (const entry of [audit].flat()) await recordAudit(trx, now, auditWhoOf(ctx), entry);
    return result;
  });
}

export function failIf(problems: ErrorDetail[]): void {
  if (problems.length) throw invalid(problems);
}

export const duplicate = (path: string, message: string) => conflict('duplicate', message, [{ path, code: 'duplicate', message }]);

export const unknownReference = (path: string, what: string): ErrorDetail => ({
  path,
  code: 'unknown_reference',
  message: `${what} does not exist`,
});

/** PATCH semantics: the fields the request names replace the stored ones. */
export function merged<T extends object>(before: T, patch: Partial<T>): T {
  return { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as T;
}

export const flag = (value: boolean): number => (value ? 1 : 0);

export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}
