import { recordAudit } from '../../platform/audit/index.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError, invalid, notFound, staleVersion } from '../../shared/errors.ts';
import { listCustomFields, validateCustomValues } from '../helpdesk/index.ts';
import { auditWhoOf, type RequestContext } from '../identity/index.ts';
import { checkTransition, missingRequired, type ProcessState } from './domain/process.ts';
import { processOf, refreshSla, reindex, require, throwIfProblems, visibleTicketRow, type TicketsDeps } from './tickets.context.ts';
import { clientNoticeFor, noticeQuotesComment, notifyClient } from './tickets.notify.ts';
import { notifyColleagues } from './tickets.notify-colleagues.ts';
import * as repo from './tickets.repo.ts';
import type { CommentInput, TransitionInput } from './tickets.schemas.ts';

const CLOSED = new Set(['resolved', 'closed']);

/** SLA clock events a move between two states means. */
export function slaEventsOf(from: ProcessState, to: ProcessState): ('paused' | 'resumed' | 'resolved' | 'reopened')[] {
  const events: ('paused' | 'resumed' | 'resolved' | 'reopened')[] = [];
  const wasClosed = CLOSED.has(from.category);
  const isClosed = CLOSED.has(to.category);
  if (from.pausesSla && !wasClosed && (!to.pausesSla || isClosed)) events.push('resumed');
  if (!wasClosed && isClosed) events.push('resolved');
  if (wasClosed && !isClosed) events.push('reopened');
  if (to.pausesSla && !isClosed && (!from.pausesSla || wasClosed)) events.push('paused');
  return events;
}

/** Moving a ticket through its process, and the conversation on it. */
export function createTicketsWorkflow(deps: TicketsDeps) {
  const { db, clock, config } = deps;
  const actorOf = (ctx: RequestContext) => ({ userId: ctx.actor.userId || null, name: ctx.actor.name });

  /**
   * The first public reply of staff is the first response the SLA measures (a reply, or
   * the message of a state change). The caller refreshes the SLA columns afterwards.
   */
  async function recordFirstResponse(trx: Tx, row: { id: number; first_response_at: string | null }, at: string): Promise<void> {
    if (row.first_response_at !== null) return;
    await trx.updateTable('tickets').set({ first_response_at: at }).where('id', '=', row.id).execute();
    await repo.insertSlaEvent(trx, row.id, at, 'first_response');
  }

  // Read before a transaction starts: on SQLite the transaction holds the only connection.
  async function clientName(clientId: number): Promise<string> {
    return (await db.selectFrom('clients').select('name').where('id', '=', clientId).executeTakeFirstOrThrow()).name;
  }

  async function transition(ctx: RequestContext, id: number, input: TransitionInput): Promise<void> {
    require(ctx, 'tickets.write');
    const row = await visibleTicketRow(db, ctx, id);
    const process = await processOf(db, row.type_id);
    const from = process.states.find((s) => s.id === row.state_id);
    if (!from) throw new Error(`ticket ${id} is in a state outside its process`);
    const check = checkTransition(process, row.state_id, input.toState);
    if (!check.ok) {
      const allowed = check.allowed.map((s) => s.code);
      throw new AppError('conflict', 'transition_not_allowed', `The ticket cannot go from "${from.code}" to "${input.toState}"; allowed: ${allowed.join(', ') || 'none'}`, { extra: { allowed } });
    }
    const customInput = input.custom ?? {};
    const current = JSON.parse(row.custom_json) as Record<string, unknown>;
    const provided = { ...current, ...customInput, resolutionNote: input.resolutionNote ?? row.resolution_note, comment: input.comment };
    const missing = missingRequired(check.transition.requiredFields, provided);
    const custom = input.custom ? validateCustomValues(await listCustomFields(db, row.type_id), customInput, { current }) : null;
    throwIfProblems([
      ...missing.map((f) => ({ path: f, code: 'required', message: `"${check.transition.name}" needs ${f}` })),
      ...(custom?.problems ?? []),
    ]);
    const to = check.to;
    const client = await clientName(row.client_id);
    const now = clock.now();
    const at = now.toISOString();
    await db.transaction().execute(async (trx) => {
      const reopened = CLOSED.has(from.category) && !CLOSED.has(to.category);
      const ok = await repo.updateTicket(trx, id, input.version, {
        state_id: to.id,
        state_category: to.category,
        resolution_note: input.resolutionNote ?? (reopened ? null : undefined),
        resolved_at: to.category === 'resolved' && from.category !== 'resolved' ? at : reopened ? null : undefined,
        closed_at: to.category === 'closed' ? at : reopened ? null : undefined,
        custom_json: custom ? JSON.stringify(custom.values) : undefined,
        updated_at: at,
      });
      if (!ok) throw staleVersion('The ticket');
      // The message written with the move is a public reply: on the timeline, the first
      // response if none was given yet (before the move's own SLA events), and mailed
      // (quoted by the state's notice, or on its own).
      let commentId: number | null = null;
      const message = input.comment?.trim() ? input.comment : null;
      if (message !== null) {
        commentId = await repo.insertComment(trx, { ticketId: id, authorUserId: ctx.actor.userId || null, authorContactId: null, visibility: 'public', body: message, at });
        await recordFirstResponse(trx, row, at);
        await reindex(trx, id);
      }
      for (const kind of slaEventsOf(from, to)) await repo.insertSlaEvent(trx, id, at, kind);
      await refreshSla(trx, id, row.sla_policy_id, now);
      await repo.insertEvents(trx, id, at, actorOf(ctx), [{ kind: 'state', field: 'state', before: from.code, after: to.code }]);
      const notice = { ticketId: id, number: row.number, subject: row.subject, clientName: client };
      const key = clientNoticeFor(from, to);
      if (commentId !== null && !noticeQuotesComment(key)) {
        await notifyClient(trx, now, config, { ...notice, key: 'ticket_public_reply', eventKey: `comment:${commentId}`, commentBody: message });
      }
      if (key) {
        await notifyClient(trx, now, config, {
          ...notice, key, eventKey: `state:${to.code}:${at}`, commentBody: message, resolutionNote: input.resolutionNote ?? row.resolution_note,
        });
      }
      // One mail to each watching colleague for the move, with the message written with it.
      await notifyColleagues(trx, now, config, {
        ...notice, actorName: ctx.actor.name, actorUserId: ctx.actor.userId || null, eventKey: `state:${to.code}:${at}`, watchers: true, assignedTo: null,
        change: { kind: 'state', from: { code: from.code, name: from.name }, to: { code: to.code, name: to.name } }, commentBody: message,
      });
      await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'ticket', entityId: id, action: 'transition', before: { state: from.code }, after: { state: to.code, commentId } });
    });
  }

  async function comment(ctx: RequestContext, id: number, input: CommentInput): Promise<{ id: number }> {
    require(ctx, 'tickets.write');
    const row = await visibleTicketRow(db, ctx, id);
    const client = await clientName(row.client_id);
    const now = clock.now();
    const at = now.toISOString();
    return db.transaction().execute(async (trx) => {
      const commentId = await repo.insertComment(trx, { ticketId: id, authorUserId: ctx.actor.userId || null, authorContactId: null, visibility: input.visibility, body: input.body, at });
      const publicReply = input.visibility === 'public';
      if (publicReply && row.first_response_at === null) {
        await recordFirstResponse(trx, row, at);
        await refreshSla(trx, id, row.sla_policy_id, now);
      }
      await trx.updateTable('tickets').set((eb) => ({ updated_at: at, version: eb('version', '+', 1) })).where('id', '=', id).execute();
      await reindex(trx, id);
      const notice = { ticketId: id, number: row.number, subject: row.subject, clientName: client, eventKey: `comment:${commentId}`, commentBody: input.body };
      if (publicReply) await notifyClient(trx, now, config, { ...notice, key: 'ticket_public_reply' });
      // Watching colleagues read internal notes too (only staff can be one: a note never reaches the client).
      await notifyColleagues(trx, now, config, {
        ...notice, actorName: ctx.actor.name, actorUserId: ctx.actor.userId || null, watchers: true, assignedTo: null, change: { kind: publicReply ? 'reply' : 'note' },
      });
      await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'ticket', entityId: id, action: publicReply ? 'reply' : 'note', after: { commentId } });
      return { id: commentId };
    });
  }

  async function link(ctx: RequestContext, id: number, otherId: number, remove: boolean): Promise<void> {
    require(ctx, 'tickets.write');
    await visibleTicketRow(db, ctx, id);
    if (id === otherId) throw invalid([{ path: 'ticketId', code: 'invalid_reference', message: 'A ticket cannot be linked to itself' }]);
    await visibleTicketRow(db, ctx, otherId).catch(() => {
      throw notFound('Linked ticket');
    });
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      if (remove) await repo.removeLink(trx, id, otherId);
      else await repo.addLink(trx, id, otherId);
      await repo.insertEvents(trx, id, now.toISOString(), actorOf(ctx), [{ kind: remove ? 'unlinked' : 'linked', field: 'links', after: otherId }]);
      await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'ticket', entityId: id, action: remove ? 'unlink' : 'link', after: { ticketId: otherId } });
    });
  }

  return { transition, comment, link };
}

export type TicketsWorkflow = ReturnType<typeof createTicketsWorkflow>;
