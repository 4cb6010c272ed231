import { auditedChange as auditedChangeAs, type AuditEntry } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { forbidden } from '../../shared/errors.ts';
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

/** Runs a change in one transaction with its audit entries, as the acting user. */
export function auditedChange<T>(
  deps: { db: Db; clock: Clock },
  ctx: RequestContext,
  change: (trx: Tx, at: string) => Promise<{ result: T; audit: AuditEntry | AuditEntry[] }>,
): Promise<T> {
  return auditedChangeAs(deps, auditWhoOf(ctx), change);
}

export { failIf, duplicate, unknownReference } from '../../shared/errors.ts';
export { merged, flag } from '../../shared/patch.ts';

export type ActiveFilter = 'true' | 'false' | 'all';
export const activeWhere = (active: ActiveFilter | undefined): 0 | 1 | null => (active === 'true' ? 1 : active === 'false' ? 0 : null);
