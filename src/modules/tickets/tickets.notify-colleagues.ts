import type { DbOrTx, Tx } from '../../platform/db/index.ts';
import { conflict } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';
import {
  mailLanguageOf, colleagueUpdateVars,
  type ColleagueChange, type ColleagueReason, type ColleagueUpdateFacts, type TemplateVars,
} from '../mail/index.ts';
import { processOf } from './tickets.context.ts';
import { mailAboutTicket, type NotifyConfig } from './tickets.notify.ts';

/**
 * What colleagues hear about a ticket (template `ticket_colleague_update`): the watching
 * colleagues of a public reply, an internal note, a state or an assignee change, and the
 * colleague a ticket is assigned to. Never the one who made the change, never an inactive
 * user, never a client's user (an internal note stays inside the company); each once per
 * change, in their own language, queued in the change's transaction.
 */
export interface ColleagueNotice extends ColleagueUpdateFacts {
  /** Who made the change (told nothing); null when no user made it. */
  actorUserId: number | null;
  /** Makes the mail unique per change (e.g. `comment:42`), so a retried request never mails twice. */
  eventKey: string;
  /** Whether the ticket's watching colleagues are told; a new ticket has nothing to tell them. */
  watchers: boolean;
  /** The colleague the change assigns the ticket to: told as its assignee, even when not watching. */
  assignedTo: number | null;
}

/** Queues the update for every colleague it is for; returns how many were queued. */
export async function notifyColleagues(trx: Tx, at: Date, config: NotifyConfig, n: ColleagueNotice): Promise<number> {
  if (!n.watchers && n.assignedTo === null) return 0;
  const assignedTo = n.assignedTo;
  const users = await colleagueRecipients(trx, n.ticketId, n.watchers, assignedTo, n.actorUserId);
  for (const user of users) {
    const language = mailLanguageOf(user.language);
    const reason = user.id === assignedTo ? 'assignee' : 'watcher';
    await mailAboutTicket(trx, at, config, {
      to: { email: user.email, name: user.name }, key: 'ticket_colleague_update', language,
      vars: colleagueUpdateVars(config.publicUrl, n, user.name, reason, language),
      ticketId: n.ticketId, number: n.number, first: false,
      idempotencyKey: `ticket:${n.ticketId}:colleague:${n.eventKey}:user:${user.id}`,
    });
  }
  return users.length;
}

/**
 * The mail of a ticket's assignee change, however it was made (a PATCH of the ticket, or a
 * deactivated user's tickets handed to a colleague): the watching colleagues and the new
 * assignee, once per change (the key holds the new assignee and the instant).
 */
export async function notifyAssigneeChange(
  trx: Tx,
  now: Date,
  config: NotifyConfig,
  actor: { userId: number | null; name: string },
  ticket: { id: number; number: string; subject: string; clientName: string },
  change: { from: { name: string } | null; to: { id: number; name: string } | null },
): Promise<number> {
  return notifyColleagues(trx, now, config, {
    ticketId: ticket.id, number: ticket.number, subject: ticket.subject, clientName: ticket.clientName, actorName: actor.name, actorUserId: actor.userId,
    eventKey: `assignee:${change.to?.id ?? 'none'}:${now.toISOString()}`, watchers: true, assignedTo: change.to?.id ?? null,
    change: { kind: 'assignee', from: change.from?.name ?? null, to: change.to?.name ?? null }, commentBody: null,
  });
}

/**
 * Who a colleague's update goes to, by id: the watching colleagues (when `watchers`) and the
 * one it assigns the ticket to, active and of the company (never a client's user), never the
 * one who made the change. The real mail and its preview ask the same.
 */
async function colleagueRecipients(db: DbOrTx, ticketId: number, watchers: boolean, assignedTo: number | null, actorUserId: number | null) {
  return db
    .selectFrom('users')
    .select(['users.id', 'users.name', 'users.email', 'users.language'])
    .where((eb) => eb.or([
      ...(watchers ? [eb('users.id', 'in', eb.selectFrom('ticket_watchers').select('ticket_watchers.user_id').where('ticket_watchers.ticket_id', '=', ticketId))] : []),
      ...(assignedTo !== null ? [eb('users.id', '=', assignedTo)] : []),
    ]))
    .where('users.active', '=', 1)
    .where('users.client_id', 'is', null)
    .$if(actorUserId !== null, (qb) => qb.where('users.id', '!=', actorUserId!))
    .orderBy('users.id')
    .execute();
}

/**
 * The values the colleague's update about the ticket's latest change would carry, for the
 * template preview: the latest reply or note, state change (with the message written with
 * it) or assignee change, else the assignment of the new ticket. The recipient is the one
 * it was assigned to (an assignee change by someone else), else the first watching colleague
 * other than the one who made it. A ticket with none of these gets no update: 409 naming
 * the ticket number.
 */
export async function colleaguePreviewVars(db: DbOrTx, publicUrl: string, ticketId: number, language: Language): Promise<TemplateVars> {
  const t = await db
    .selectFrom('tickets')
    .innerJoin('clients', 'clients.id', 'tickets.client_id')
    .leftJoin('users as assignee', 'assignee.id', 'tickets.assignee_id')
    .select(['tickets.number', 'tickets.subject', 'tickets.type_id as typeId', 'tickets.created_by as createdBy', 'clients.name as clientName', 'assignee.id as assigneeId', 'assignee.name as assigneeName'])
    .where('tickets.id', '=', ticketId)
    .executeTakeFirstOrThrow();
  const comment = await db.selectFrom('ticket_comments').leftJoin('users', 'users.id', 'ticket_comments.author_user_id')
    .select(['ticket_comments.visibility', 'ticket_comments.body_md as body', 'ticket_comments.created_at as at', 'ticket_comments.author_user_id as actorId', 'users.name as actorName'])
    .where('ticket_comments.ticket_id', '=', ticketId).where('ticket_comments.author_user_id', 'is not', null)
    .orderBy('ticket_comments.id', 'desc').limit(1).executeTakeFirst();
  const event = await db.selectFrom('ticket_events')
    .select(['kind', 'at', 'before_json', 'after_json', 'actor_user_id as actorId', 'actor_name as actorName'])
    .where('ticket_id', '=', ticketId)
    .where((eb) => eb.or([eb('kind', '=', 'state'), eb.and([eb('kind', '=', 'field'), eb('field', '=', 'assignee')])]))
    .orderBy('id', 'desc').limit(1).executeTakeFirst();

  let change: ColleagueChange;
  let actor: { id: number | null; name: string };
  let commentBody: string | null = null;
  let assignedTo: number | null = null;
  if (event && (!comment || event.at >= comment.at)) {
    actor = { id: event.actorId, name: event.actorName ?? '' };
    if (event.kind === 'state') {
      const states = (await processOf(db, t.typeId)).states;
      const named = (json: string | null) => {
        const code = JSON.parse(json ?? 'null') as string;
        return { code, name: states.find((st) => st.code === code)?.name ?? code };
      };
      change = { kind: 'state', from: named(event.before_json), to: named(event.after_json) };
      // The message written with the move is the public reply of the same instant.
      commentBody = comment?.at === event.at && comment.visibility === 'public' ? comment.body : null;
    } else {
      const person = (json: string | null) => JSON.parse(json ?? 'null') as { id: number; name: string } | null;
      const to = person(event.after_json);
      change = { kind: 'assignee', from: person(event.before_json)?.name ?? null, to: to?.name ?? null };
      assignedTo = to?.id ?? null;
    }
  } else if (comment) {
    actor = { id: comment.actorId, name: comment.actorName ?? '' };
    change = { kind: comment.visibility === 'public' ? 'reply' : 'note' };
    commentBody = comment.body;
  } else if (t.assigneeId !== null && t.assigneeId !== t.createdBy) {
    const creator = t.createdBy === null ? null : await db.selectFrom('users').select('name').where('id', '=', t.createdBy).executeTakeFirst();
    actor = { id: t.createdBy, name: creator?.name ?? '' };
    change = { kind: 'assignee', from: null, to: t.assigneeName };
    assignedTo = t.assigneeId;
  } else {
    const message = `Ticket ${t.number} has no reply, note, state or assignee change to tell colleagues about`;
    throw conflict('no_colleague_update', message, [{ path: 'ticketNumber', code: 'no_colleague_update', message }]);
  }
  let recipient: { name: string; reason: ColleagueReason } = { name: '', reason: 'watcher' };
  if (assignedTo !== null && assignedTo !== actor.id) {
    const assignee = await db.selectFrom('users').select('name').where('id', '=', assignedTo).executeTakeFirst();
    recipient = { name: assignee?.name ?? '', reason: 'assignee' };
  } else {
    const [watcher] = await colleagueRecipients(db, ticketId, true, null, actor.id);
    if (watcher) recipient = { name: watcher.name, reason: 'watcher' };
  }
  const facts: ColleagueUpdateFacts = { ticketId, number: t.number, subject: t.subject, clientName: t.clientName, actorName: actor.name, change, commentBody };
  return colleagueUpdateVars(publicUrl, facts, recipient.name, recipient.reason, language);
}
