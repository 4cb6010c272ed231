/** What the invoicing use cases share: dependencies, the permission check, today's date. */
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import { forbidden } from '../../shared/errors.ts';
import { hasPermission, type Permission, type RequestContext } from '../identity/index.ts';

export interface InvoicingDeps {
  db: Db;
  clock: Clock;
}

export function requirePermission(ctx: RequestContext, permission: Permission): void {
  if (!hasPermission(ctx.actor, permission)) throw forbidden();
}

// Documents are dated in the provider's time zone: an invoice issued at 00:30 in Prague is dated that day.
const PROVIDER_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Prague', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today as 'YYYY-MM-DD' in the provider's time zone. */
export function todayOf(clock: Clock): string {
  return PROVIDER_DATE.format(clock.now());
}
