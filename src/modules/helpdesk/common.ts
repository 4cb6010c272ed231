import { auditedChange as auditedChangeAs, type AuditEntry } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, DbOrTx, Tx } from '../../platform/db/index.ts';
import { duplicate, forbidden } from '../../shared/errors.ts';
import { foldForSearch } from '../../shared/text.ts';
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

/**
 * Whether two names would look the same in a picker: compared ignoring case
 * (Czech capitals too: "Čas" = "čas"), accents and extra spaces, by the folding
 * that search uses. Queues, teams, business calendars, SLA policies, categories
 * of one parent and values of one dimension must differ by more than that.
 */
export function sameName(a: string, b: string): boolean {
  return foldForSearch(a) === foldForSearch(b);
}

/** Configuration whose names must differ from every other row's of the same table, active or not (pickers list both). */
type UniquelyNamed = 'queues' | 'teams' | 'calendars' | 'sla_policies';

/**
 * Whether another row of `table` than `exceptId` has a name that reads the same
 * as `name`. Called inside the write's transaction, so it sees what the write sees.
 */
export async function nameUsedIn(db: DbOrTx, table: UniquelyNamed, name: string, exceptId?: number): Promise<boolean> {
  const rows = await db.selectFrom(table).select(['id', 'name']).execute();
  return rows.some((row) => row.id !== exceptId && sameName(row.name, name));
}

/** The 409 for a name another record of the same scope already has. */
export const nameTaken = (what: string, name: string) => duplicate('name', `${what} named "${name}" already exists`);

export { failIf, duplicate, unknownReference } from '../../shared/errors.ts';
export { merged, flag } from '../../shared/patch.ts';

export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}
