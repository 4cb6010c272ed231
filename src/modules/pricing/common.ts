import { recordAudit, type AuditEntry } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { conflict, forbidden, invalid, type ErrorDetail } from '../../shared/errors.ts';
import type { CustomersService } from '../customers/index.ts';
import { auditWhoOf, fieldScopeOf, hasPermission, type RequestContext } from '../identity/index.ts';

/** What every pricing service is built from. */
export interface PricingDeps {
  db: Db;
  clock: Clock;
  customers: CustomersService;
}

/** Prices, rates and price lists: staff with the field scope `prices` (not technicians). */
export function requireRead(ctx: RequestContext): void {
  if (!hasPermission(ctx.actor, 'pricing.read')) throw forbidden();
}

export function requireManage(ctx: RequestContext): void {
  if (!hasPermission(ctx.actor, 'pricing.manage')) throw forbidden();
}

/**
 * The catalogue's names and codes (work types, levels, fees, zones) carry no
 * prices: whoever records work on tickets or reads prices may list them.
 */
export function requireCatalogueRead(ctx: RequestContext): void {
  if (!hasPermission(ctx.actor, 'pricing.read') && !hasPermission(ctx.actor, 'tickets.read')) throw forbidden();
}

/** Field scope: internal costs only for roles that see costs (not operators). */
export function canSeeCosts(ctx: RequestContext): boolean {
  return fieldScopeOf(ctx.actor.roles).costs;
}

export function requireCosts(ctx: RequestContext): void {
  requireRead(ctx);
  if (!canSeeCosts(ctx)) throw forbidden('Your role does not see internal costs');
}

/** Runs a change in one transaction and records its audit entry (or entries) in the same one. */
export function auditedChange<T>(
  deps: { db: Db; clock: Clock },
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

export type ActiveFilter = 'true' | 'false' | 'all';
export const activeWhere = (active: ActiveFilter | undefined): 0 | 1 | null => (active === 'true' ? 1 : active === 'false' ? 0 : null);
