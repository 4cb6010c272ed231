// A user's open tickets, for deactivating the user: what they would leave behind, and
// handing those tickets back to their queues or to one colleague. The identity module
// calls these through its own dependencies (composed in app.ts); it knows nothing of
// tickets otherwise.
import { recordAudit } from '../../platform/audit/index.ts';
import { isPostgres, type DbOrTx, type Tx } from '../../platform/db/index.ts';
import { conflict, invalid, type ErrorDetail } from '../../shared/errors.ts';
import { helpdeskSnapshot } from '../helpdesk/index.ts';
import { auditWhoOf, OPEN_TICKETS_NAMED, type RequestContext } from '../identity/index.ts';
import { checkAssignee, checkTicketWorker } from './tickets.assignees.ts';
import { OPEN_STATE_CATEGORIES } from './tickets.filters.ts';
import { notifyAssigneeChange } from './tickets.notify-colleagues.ts';
import type { NotifyConfig } from './tickets.notify.ts';
import * as repo from './tickets.repo.ts';

export interface OpenTicketsOfAssignee {
  /** How many open tickets (state category new, open or waiting) the user is assigned. */
  count: number;
  /** The first of them by number, at most the limit asked for. */
  items: { id: number; number: string }[];
  /** The queues of all of them (not only the first), by name: whoever takes them over must be allowed to work each. */
  queues: { id: number; name: string }[];
}

type Person = { id: number; name: string };

function openOf(db: DbOrTx, userId: number) {
  return db.selectFrom('tickets').where('tickets.assignee_id', '=', userId).where('tickets.state_category', 'in', [...OPEN_STATE_CATEGORIES]);
}

/** The open tickets assigned to the user: how many, the first `limit` by number, and the queues of all of them. */
export async function openTicketsOfAssignee(db: DbOrTx, userId: number, limit: number): Promise<OpenTicketsOfAssignee> {
  const open = openOf(db, userId);
  const [counted, items, queues] = await Promise.all([
    open.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
    open.select(['tickets.id', 'tickets.number']).orderBy('tickets.number').orderBy('tickets.id').limit(limit).execute(),
    open.innerJoin('queues', 'queues.id', 'tickets.queue_id').select(['queues.id', 'queues.name']).distinct().orderBy('queues.name').orderBy('queues.id').execute(),
  ]);
  return { count: Number(counted.n), items, queues };
}

/**
 * The timeline event and the audit entry of an assignee changed by hand (tickets.service.ts
 * update writes the same through its field diff), for a ticket whose assignee the caller set.
 */
async function recordAssigneeChange(trx: Tx, ctx: RequestContext, now: Date, ticketId: number, before: Person | null, after: Person | null): Promise<void> {
  await repo.insertEvents(trx, ticketId, now.toISOString(), { userId: ctx.actor.userId || null, name: ctx.actor.name }, [{ kind: 'field', field: 'assignee', before, after }]);
  await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'ticket', entityId: ticketId, action: 'update', before: { assignee: before }, after: { assignee: after } });
}

/**
 * Gives the user's open tickets (only those of `onlyIds`, when given: the ones checked) to
 * `assigneeId` (null: nobody), raising each one's version; the ids, in order.
 */
async function reassignOpenTickets(trx: Tx, userId: number, assigneeId: number | null, now: Date, onlyIds?: readonly number[]): Promise<number[]> {
  if (onlyIds?.length === 0) return [];
  const changed = await trx
    .updateTable('tickets')
    .set((eb) => ({ assignee_id: assigneeId, version: eb('version', '+', 1), updated_at: now.toISOString() }))
    .where('assignee_id', '=', userId)
    .where('state_category', 'in', [...OPEN_STATE_CATEGORIES])
    .$if(onlyIds !== undefined, (qb) => qb.where('id', 'in', [...onlyIds!]))
    .returning('id')
    .execute();
  return changed.map((r) => r.id).sort((a, b) => a - b);
}

/**
 * Unassigns the user's open tickets, in the caller's transaction: each gets the timeline
 * event and the audit entry of an assignee removed by hand (tickets.service.ts update), so
 * the ticket waits in its queue among the unassigned ones. The version rises, so an editor
 * who read the ticket before is told it changed. Returns the ids of the tickets handed back.
 */
export async function returnOpenTicketsToQueues(trx: Tx, ctx: RequestContext, assignee: Person, now: Date): Promise<number[]> {
  const ids = await reassignOpenTickets(trx, assignee.id, null, now);
  for (const id of ids) await recordAssigneeChange(trx, ctx, now, id, { id: assignee.id, name: assignee.name }, null);
  return ids;
}

/** Where a refused colleague is named in the request that asked for the hand-over. */
const HAND_TO_PATH = 'openTickets.handTo';

/**
 * Assigns the user's open tickets to one colleague, in the caller's transaction, as if each
 * were assigned by hand (tickets.service.ts update): the timeline event, the audit entry and
 * the mail to the new assignee and the watching colleagues. The colleague must be an active
 * user whom every one of the tickets' queues allows (the rule of GET /tickets/assignees,
 * checkAssignee); else nothing is changed: 400 unknown_reference for no such active user,
 * 400 not_assignable for one who does not work tickets (checked even with no ticket to hand over),
 * 409 colleague_cannot_work_queue naming each queue refused with its ticket numbers.
 * The caller makes sure the colleague is not the user. Returns the ids of the tickets handed over.
 */
export async function handOpenTicketsTo(trx: Tx, config: NotifyConfig, ctx: RequestContext, assignee: Person, colleagueId: number, now: Date): Promise<number[]> {
  // Locked on PostgreSQL until the hand-over commits: a ticket moved meanwhile to a queue the
  // colleague may not work would otherwise be handed over all the same (SQLite has one writer).
  const tickets = await openOf(trx, assignee.id)
    .innerJoin('clients', 'clients.id', 'tickets.client_id')
    .select(['tickets.id', 'tickets.number', 'tickets.subject', 'tickets.queue_id as queueId', 'clients.name as clientName'])
    .orderBy('tickets.number').orderBy('tickets.id')
    .$if(isPostgres(trx), (qb) => qb.forUpdate('tickets'))
    .execute();
  const queuesById = (await helpdeskSnapshot(trx)).queuesById;
  const queueIds = [...new Set(tickets.map((x) => x.queueId))];
  // Without tickets there is no queue to ask, but the colleague must still be someone who works tickets.
  const worker = await checkTicketWorker(trx, colleagueId);
  if ('problem' in worker) throw invalid([{ ...worker.problem, path: HAND_TO_PATH }]);
  let colleague: Person = worker.assignee;
  const refused: ErrorDetail[] = [];
  for (const queueId of queueIds) {
    const queue = queuesById.get(queueId) ?? null;
    const checked = await checkAssignee(trx, colleagueId, queue);
    if ('assignee' in checked) {
      colleague = checked.assignee;
      continue;
    }
    if (checked.problem.code !== 'not_assignable') throw invalid([{ ...checked.problem, path: HAND_TO_PATH }]);
    const numbers = tickets.filter((x) => x.queueId === queueId).map((x) => x.number);
    // The first ones by number, as GET /users/{id}/open-tickets names them: a leaver may have thousands.
    const named = numbers.slice(0, OPEN_TICKETS_NAMED).join(', ') + (numbers.length > OPEN_TICKETS_NAMED ? ` and ${numbers.length - OPEN_TICKETS_NAMED} more` : '');
    refused.push({
      path: HAND_TO_PATH,
      code: 'colleague_cannot_work_queue',
      message: `${checked.problem.message} (tickets ${named})`,
    });
  }
  if (refused.length) {
    const named = refused.map((d) => d.message).join('; ');
    throw conflict('colleague_cannot_work_queue', `The colleague may not take over all the open tickets: ${named}`, refused);
  }
  const to = colleague;
  // Only the tickets whose queues were checked; one assigned to the user meanwhile (not locked
  // by the read above) refuses the change, so that no ticket stays with a user who cannot sign in.
  const ids = await reassignOpenTickets(trx, assignee.id, to.id, now, tickets.map((x) => x.id));
  const left = Number((await openOf(trx, assignee.id).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);
  if (left > 0) throw conflict('open_tickets_changed', `${left} more open ticket(s) were assigned to ${assignee.name} meanwhile; deactivate again to hand them over too`);
  const from = { id: assignee.id, name: assignee.name };
  const actor = { userId: ctx.actor.userId || null, name: ctx.actor.name };
  for (const ticket of tickets.filter((x) => ids.includes(x.id))) {
    await recordAssigneeChange(trx, ctx, now, ticket.id, from, to);
    await notifyAssigneeChange(trx, now, config, actor, ticket, { from, to });
  }
  return ids;
}
