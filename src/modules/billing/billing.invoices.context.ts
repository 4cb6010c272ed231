/** What the invoicing use cases share: dependencies, the permission check, today's date. */
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import { providerDate } from '../../shared/calendar/index.ts';
import { forbidden } from '../../shared/errors.ts';
import { hasPermission, type Permission, type RequestContext } from '../identity/index.ts';

export interface InvoicingDeps {
  db: Db;
  clock: Clock;
}

export function requirePermission(ctx: RequestContext, permission: Permission): void {
  if (!hasPermission(ctx.actor, permission)) throw forbidden();
}

/** Today as 'YYYY-MM-DD' in the provider's time zone (documents are dated by it). */
export function todayOf(clock: Clock): string {
  return providerDate(clock.now());
}
