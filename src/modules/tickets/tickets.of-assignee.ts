// A user's open tickets, for deactivating the user: what they would leave behind, and
// handing those tickets back to their queues. The identity module calls these through
// its own dependencies (composed in app.ts); it knows nothing of tickets otherwise.
import { recordAudit } from '../../platform/audit/index.ts';
import type { DbOrTx, Tx } from '../../platform/db/index.ts';
import { auditWhoOf, type RequestContext } from '../identity/index.ts';
import { OPEN_STATE_CATEGORIES } from './tickets.filters.ts';
import * as repo from './tickets.repo.ts';

export interface OpenTicketsOfAssignee {
  /** How many open tickets (state category new, open or waiting) the user is assigned. */
  count: number;
  /** The first of them by number, at most the limit asked for. */
  items: { id: number; number: string }[];
}

/** The open tickets assigned to the user: how many, and the first `limit` by number. */
export async function openTicketsOfAssignee(db: DbOrTx, userId: number, limit: number): Promise<OpenTicketsOfAssignee> {
  const open = db.selectFrom('tickets').where('assignee_id', '=', userId).where('state_category', 'in', [...OPEN_STATE_CATEGORIES]);
  const [counted, items] = await Promise.all([
    open.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
    open.select(['id', 'number']).orderBy('number').orderBy('id').limit(limit).execute(),
  ]);
  return { count: Number(counted.n), items };
}

/**
 * Unassigns the user's open tickets, in the caller's transaction: each gets the timeline
 * event and the audit entry of an assignee removed by hand (tickets.service.ts update), so
 * the ticket waits in its queue among the unassigned ones. The version rises, so an editor
 * who read the ticket before is told it changed. Returns the ids of the tickets handed back.
 */
export async function returnOpenTicketsToQueues(trx: Tx, ctx: RequestContext, assignee: { id: number; name: string }, now: Date): Promise<number[]> {
  const at = now.toISOString();
  const returned = await trx
    .updateTable('tickets')
    .set((eb) => ({ assignee_id: null, version: eb('version', '+', 1), updated_at: at }))
    .where('assignee_id', '=', assignee.id)
    .where('state_category', 'in', [...OPEN_STATE_CATEGORIES])
    .returning('id')
    .execute();
  const ids = returned.map((r) => r.id).sort((a, b) => a - b);
  const before = { id: assignee.id, name: assignee.name };
  for (const id of ids) {
    await repo.insertEvents(trx, id, at, { userId: ctx.actor.userId || null, name: ctx.actor.name }, [{ kind: 'field', field: 'assignee', before, after: null }]);
    await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'ticket', entityId: id, action: 'update', before: { assignee: before }, after: { assignee: null } });
  }
  return ids;
}
