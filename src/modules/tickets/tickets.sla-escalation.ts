import type { DbOrTx, Tx } from '../../platform/db/index.ts';
import { conflict } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';
import { findQueue, getSlaPolicy } from '../helpdesk/index.ts';
import {
  mailLanguageOf, escalationVars, type EscalationFacts, type TemplateVars,
} from '../mail/index.ts';
import type { SlaClockName, SlaState } from './domain/sla/index.ts';
import { checkAssignee } from './tickets.assignees.ts';
import { mailAboutTicket, type NotifyConfig } from './tickets.notify.ts';
import { slaStateOf, toCorePolicy } from './tickets.sla.ts';

/**
 * The escalation mail of the SLA watcher (template `sla_escalation`): to the
 * queue lead(s) and the assignee, each in their own language, queued in the
 * watcher's transaction with an idempotency key per crossing and recipient.
 * Its placeholders are filled by the mail module's `escalationVars`, which the
 * template preview fills from a real ticket too (escalationPreviewVars).
 */

export interface Escalation extends EscalationFacts {
  /** Users to tell; duplicates and inactive users without e-mail are left out. */
  userIds: readonly (number | null)[];
  /** Makes the mail unique per crossing (e.g. `breach:resolution:2026-11-03T16:00:00.000Z`). */
  eventKey: string;
}

/** How far the clocks of a crossing are: the most minutes over (breach) and the earliest due time. */
export function crossingFigures(state: SlaState, kind: EscalationFacts['kind'], clocks: readonly SlaClockName[]): Pick<EscalationFacts, 'breachedMinutes' | 'dueAt'> {
  const dues = clocks.map((c) => state[c].dueAt).filter((d): d is number => d !== null);
  return {
    breachedMinutes: kind === 'breach' ? Math.max(...clocks.map((c) => Math.round(state[c].breachedByMinutes ?? 0))) : null,
    dueAt: dues.length ? Math.min(...dues) : null,
  };
}

/**
 * The crossing an escalation about the ticket would report now: the open clocks over
 * their target (breach), else those over the warning threshold, else the open clock(s)
 * due first, whose warning comes next (a clock that already stopped only when none is
 * open). Null when no clock has a target.
 */
export function crossingNow(state: SlaState): { kind: EscalationFacts['kind']; clocks: SlaClockName[] } | null {
  const all = (['firstResponse', 'resolution'] as const).filter((c) => state[c].status !== 'none');
  const open = all.filter((c) => state[c].metAt === null);
  const breached = open.filter((c) => state[c].status === 'breached');
  if (breached.length) return { kind: 'breach', clocks: breached };
  const warned = open.filter((c) => state[c].warn);
  if (warned.length) return { kind: 'warning', clocks: warned };
  const candidates = open.length ? open : all;
  if (!candidates.length) return null;
  const due = (c: SlaClockName) => state[c].dueAt ?? Number.POSITIVE_INFINITY;
  const first = Math.min(...candidates.map(due));
  return { kind: 'warning', clocks: candidates.filter((c) => due(c) === first) };
}

/**
 * Where a breach moves the ticket: the escalation queue if it exists and is active (null
 * otherwise), and the assignee the move takes off the ticket, as they may not be assigned a
 * ticket of that queue (the rule a manual move is held to).
 */
export async function escalationMoveOf(db: DbOrTx, assigneeId: number | null, toQueueId: number) {
  const queue = await findQueue(db, toQueueId);
  if (!queue || !queue.active) return null;
  const unassigned = assigneeId !== null && 'problem' in (await checkAssignee(db, assigneeId, queue))
    ? await db.selectFrom('users').select(['id', 'name']).where('id', '=', assigneeId).executeTakeFirstOrThrow()
    : null;
  return { queue, unassigned };
}

/** The queue leads an escalation goes to: the ticket's queue's, and the escalation queue's when that one has none or the ticket lands there. */
export function escalationLeads(queueLead: number | null, escalationQueueLead: number | null, moved: boolean): (number | null)[] {
  return queueLead === null || moved ? [queueLead, escalationQueueLead] : [queueLead];
}

/** Queues the escalation mail for every recipient; returns how many were queued. */
export async function mailEscalation(trx: Tx, at: Date, config: NotifyConfig, e: Escalation): Promise<number> {
  const ids = [...new Set(e.userIds.filter((id): id is number => id !== null))];
  if (!ids.length) return 0;
  const users = await trx
    .selectFrom('users')
    .select(['id', 'name', 'email', 'language'])
    .where('id', 'in', ids)
    .where('active', '=', 1)
    .orderBy('id')
    .execute();
  for (const user of users) {
    const language = mailLanguageOf(user.language);
    await mailAboutTicket(trx, at, config, {
      to: { email: user.email, name: user.name }, key: 'sla_escalation', language,
      vars: escalationVars(config.publicUrl, e, user.name, language),
      ticketId: e.ticketId, number: e.number, first: false,
      idempotencyKey: `ticket:${e.ticketId}:sla:${e.eventKey}:user:${user.id}`,
    });
  }
  return users.length;
}

/**
 * The values the escalation mail about the ticket would carry now, for the template
 * preview: the crossing its SLA clock is at (crossingNow), the ticket's queue and
 * assignee, and on a breach the move to the policy's escalation queue, as the SLA watcher
 * would make it, or as it made it (the ticket is in the queue the watcher moved it to).
 * The recipient is the first queue lead the mail goes to, else the assignee. A ticket
 * whose SLA has no target gets no escalation mail: 409 naming the ticket number.
 */
export async function escalationPreviewVars(db: DbOrTx, publicUrl: string, ticketId: number, language: Language, now: Date): Promise<TemplateVars> {
  const t = await db
    .selectFrom('tickets')
    .innerJoin('clients', 'clients.id', 'tickets.client_id')
    .innerJoin('queues', 'queues.id', 'tickets.queue_id')
    .leftJoin('users as assignee', 'assignee.id', 'tickets.assignee_id')
    .select([
      'tickets.number', 'tickets.subject', 'tickets.priority', 'tickets.queue_id as queueId', 'tickets.assignee_id as assigneeId', 'tickets.sla_policy_id as policyId',
      'clients.name as clientName', 'queues.name as queueName', 'queues.lead_user_id as queueLead', 'assignee.name as assigneeName',
    ])
    .where('tickets.id', '=', ticketId)
    .executeTakeFirstOrThrow();
  const policy = t.policyId === null ? null : await getSlaPolicy(db, t.policyId);
  const state = policy && (await slaStateOf(db, ticketId, toCorePolicy(policy), now));
  const crossing = state && crossingNow(state);
  if (!policy || !state || !crossing) {
    const message = `Ticket ${t.number} has no SLA target: no escalation mail is sent about it`;
    throw conflict('no_sla_target', message, [{ path: 'ticketNumber', code: 'no_sla_target', message }]);
  }
  const escalationQueue = policy.escalateToQueueId === null ? null : await findQueue(db, policy.escalateToQueueId);
  const breach = crossing.kind === 'breach';
  const willMove = breach && escalationQueue !== null && escalationQueue.id !== t.queueId ? await escalationMoveOf(db, t.assigneeId, escalationQueue.id) : null;
  const movedBefore = breach && escalationQueue?.id === t.queueId ? await slaMoveInto(db, ticketId, t.queueId) : null;
  const leads = escalationLeads(t.queueLead, escalationQueue?.leadUserId ?? null, willMove !== null);
  const recipientId = leads.find((id) => id !== null) ?? (willMove?.unassigned ? null : t.assigneeId);
  const recipient = recipientId == null ? null : await db.selectFrom('users').select('name').where('id', '=', recipientId).executeTakeFirst();
  const facts: EscalationFacts = {
    ticketId, number: t.number, subject: t.subject, priority: t.priority, clientName: t.clientName,
    queueName: willMove?.queue.name ?? t.queueName,
    assigneeName: willMove?.unassigned ? null : t.assigneeName,
    ...crossing, warnAtPercent: state.warnAtPercent, ...crossingFigures(state, crossing.kind, crossing.clocks), timeZone: policy.calendar.timeZone,
    movedToQueue: willMove?.queue.name ?? (movedBefore ? t.queueName : null),
    unassignedName: willMove?.unassigned?.name ?? movedBefore?.unassignedName ?? null,
  };
  return escalationVars(publicUrl, facts, recipient?.name ?? '', language);
}

/** The SLA watcher's latest move of the ticket, if it was into this queue, and whom that move unassigned. */
async function slaMoveInto(db: DbOrTx, ticketId: number, queueId: number): Promise<{ unassignedName: string | null } | null> {
  const move = await db.selectFrom('ticket_events').select(['at', 'after_json'])
    .where('ticket_id', '=', ticketId).where('kind', '=', 'escalated').orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!move || (JSON.parse(move.after_json ?? '{}') as { id?: number }).id !== queueId) return null;
  const unassigned = await db.selectFrom('ticket_events').select('before_json')
    .where('ticket_id', '=', ticketId).where('at', '=', move.at).where('kind', '=', 'field').where('field', '=', 'assignee').where('actor_user_id', 'is', null)
    .executeTakeFirst();
  return { unassignedName: unassigned?.before_json ? (JSON.parse(unassigned.before_json) as { name: string }).name : null };
}
