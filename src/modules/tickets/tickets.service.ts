import { recordAudit } from '../../platform/audit/index.ts';
import { decodeCursor, encodeCursor } from '../../shared/cursor.ts';
import { invalid, notFound, staleVersion, type ErrorDetail } from '../../shared/errors.ts';
import {
  findCategory, findQueue, findTeam, getDefaultQueue, getPriorityMatrix, getSlaPolicyForClient, getTicketNumberPrefix,
  listCustomFields, loadProcessByCode, queueIdsOfUser, resolveDimensionValues, validateCustomValues,
} from '../helpdesk/index.ts';
import { auditWhoOf, hasPermission, ticketScopeOf, type RequestContext } from '../identity/index.ts';
import { diffFields } from './domain/changes.ts';
import { formatTicketNumber } from './domain/numbering.ts';
import { allowedFrom, initialState } from './domain/process.ts';
import { priorityFrom, type Level, type Priority } from './domain/sla/index.ts';
import { normalizeTags } from './domain/tags.ts';
import { processOf, refreshSla, reindex, require, throwIfProblems, toProcess, visibleTicketRow, type TicketsDeps } from './tickets.context.ts';
import { notifyClient } from './tickets.notify.ts';
import { listTickets, readTicket, readTimeline } from './tickets.read.ts';
import * as repo from './tickets.repo.ts';
import type { NewTicket, Ticket, TicketListQuery, TicketPatch } from './tickets.schemas.ts';

/** Creating, reading, listing and editing tickets. State changes and comments: tickets.workflow.ts. */
export function createTicketsService(deps: TicketsDeps) {
  const { db, clock, config, customers } = deps;

  /** Checks references a ticket may hold; every problem names its field. */
  async function checkRefs(
    ctx: RequestContext,
    clientId: number,
    r: { queueId?: number | undefined; teamId?: number | null | undefined; assigneeId?: number | null | undefined; categoryId?: number | null | undefined; requesterContactId?: number | null | undefined; parentId?: number | null | undefined },
  ): Promise<ErrorDetail[]> {
    const problems: ErrorDetail[] = [];
    const bad = (path: string, code: string, message: string) => problems.push({ path, code, message });
    if (r.queueId !== undefined) {
      const queue = await findQueue(db, r.queueId);
      if (!queue || !queue.active) bad('queueId', 'unknown_reference', 'No active queue with this id');
      else if (ticketScopeOf(ctx.actor).kind === 'member_queues' && !(await queueIdsOfUser(db, ctx.actor.userId)).includes(r.queueId)) {
        bad('queueId', 'queue_not_allowed', 'You are not a member of this queue');
      }
    }
    if (r.teamId) {
      const team = await findTeam(db, r.teamId);
      if (!team || !team.active) bad('teamId', 'unknown_reference', 'No active team with this id');
    }
    if (r.categoryId) {
      const category = await findCategory(db, r.categoryId);
      if (!category || !category.active) bad('categoryId', 'unknown_reference', 'No active category with this id');
    }
    if (r.assigneeId) {
      const user = await db.selectFrom('users').select(['id', 'active']).where('id', '=', r.assigneeId).executeTakeFirst();
      if (!user || user.active !== 1) bad('assigneeId', 'unknown_reference', 'No active user with this id');
    }
    if (r.requesterContactId) {
      const contact = await db.selectFrom('contacts').select(['client_id', 'active']).where('id', '=', r.requesterContactId).executeTakeFirst();
      if (!contact || contact.client_id !== clientId) bad('requesterContactId', 'unknown_reference', 'The requester must be a contact of the ticket’s client');
    }
    if (r.parentId) {
      const visible = await visibleTicketRow(db, ctx, r.parentId).catch(() => null);
      if (!visible) bad('parentId', 'unknown_reference', 'No such parent ticket');
    }
    return problems;
  }

  async function priorityOf(ctx: RequestContext, impact: Level, urgency: Level, explicit: Priority | null | undefined) {
    if (explicit) {
      if (!hasPermission(ctx.actor, 'tickets.prioritize')) {
        throw invalid([{ path: 'priority', code: 'not_allowed', message: 'You may not override the priority given by impact and urgency' }]);
      }
      return { priority: explicit, overridden: true };
    }
    return { priority: priorityFrom(impact, urgency, await getPriorityMatrix(db)), overridden: false };
  }

  async function create(ctx: RequestContext, input: NewTicket): Promise<Ticket> {
    require(ctx, 'tickets.write');
    const loaded = await loadProcessByCode(db, input.typeCode);
    if (!loaded || !loaded.type.active) throw invalid([{ path: 'typeCode', code: 'unknown_reference', message: `No active ticket type "${input.typeCode}"` }]);
    const process = toProcess(loaded);
    const start = initialState(process);
    if (!start) throw invalid([{ path: 'typeCode', code: 'no_initial_state', message: 'The ticket type has no initial state' }]);
    const client = await customers.get(ctx, input.clientId).catch(() => null);
    if (!client || !client.active) throw invalid([{ path: 'clientId', code: 'unknown_reference', message: 'No active client with this id' }]);
    const queueId = input.queueId ?? (await getDefaultQueue(db))?.id;
    if (queueId === undefined) throw invalid([{ path: 'queueId', code: 'required', message: 'Choose a queue: there is no default queue' }]);
    const problems = await checkRefs(ctx, client.id, { ...input, queueId });
    const custom = validateCustomValues(await listCustomFields(db, loaded.typeId), input.custom);
    const dims = await resolveDimensionValues(db, input.dimensions);
    throwIfProblems([...problems, ...custom.problems, ...dims.problems]);
    const { priority, overridden } = await priorityOf(ctx, input.impact, input.urgency, input.priority);
    const policy = await getSlaPolicyForClient(db, client.id);
    const prefix = await getTicketNumberPrefix(db);
    const tags = normalizeTags(input.tags);
    const now = clock.now();
    const at = now.toISOString();

    const id = await db.transaction().execute(async (trx) => {
      const number = formatTicketNumber(prefix, now.getUTCFullYear(), await repo.nextTicketSeq(trx, now.getUTCFullYear()));
      const ticketId = await repo.insertTicket(trx, {
        number, subject: input.subject, description_md: input.description, type_id: loaded.typeId,
        state_id: start.id, state_category: start.category, impact: input.impact, urgency: input.urgency,
        priority, priority_overridden: overridden ? 1 : 0, queue_id: queueId, team_id: input.teamId ?? null,
        assignee_id: input.assigneeId ?? null, client_id: client.id, requester_contact_id: input.requesterContactId ?? null,
        category_id: input.categoryId ?? null, parent_id: input.parentId ?? null, custom_json: JSON.stringify(custom.values),
        tags_text: tags.join(' '), sla_policy_id: policy?.id ?? null, sla_due_at: repo.NO_DUE,
        created_by: ctx.actor.userId || null, created_at: at, updated_at: at,
      });
      await repo.replaceTags(trx, ticketId, tags);
      await repo.replaceDimensions(trx, ticketId, dims.values);
      await repo.replaceWatchers(trx, ticketId, input.watcherUserIds, input.watcherContactIds);
      await repo.insertEvents(trx, ticketId, at, { userId: ctx.actor.userId || null, name: ctx.actor.name }, [{ kind: 'created', after: { number, state: start.code, priority } }]);
      await repo.insertSlaEvent(trx, ticketId, at, 'created', priority);
      if (start.pausesSla) await repo.insertSlaEvent(trx, ticketId, at, 'paused');
      await refreshSla(trx, ticketId, policy?.id ?? null, now);
      await reindex(trx, ticketId);
      await notifyClient(trx, now, config, { ticketId, number, subject: input.subject, clientName: client.name, key: 'ticket_created', eventKey: 'created' });
      await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'ticket', entityId: ticketId, action: 'create', after: { number, subject: input.subject, clientId: client.id, queueId, priority } });
      return ticketId;
    });
    return get(ctx, id);
  }

  async function get(ctx: RequestContext, id: number): Promise<Ticket> {
    require(ctx, 'tickets.read');
    const ticket = await readTicket(db, id, ticketScopeOf(ctx.actor));
    if (!ticket) throw notFound('Ticket');
    const process = await processOf(db, ticket.type.id);
    const allowedTransitions = allowedFrom(process, ticket.state.id).map((a) => ({ toState: a.state.code, name: a.transition.name, requiredFields: a.transition.requiredFields }));
    return { ...ticket, allowedTransitions };
  }

  async function list(ctx: RequestContext, q: TicketListQuery) {
    require(ctx, 'tickets.read');
    const after = q.cursor ? decodeCursor(q.cursor, q.sort === 'priority' ? ['string', 'string', 'number'] : ['string', 'number']) : null;
    const r = await listTickets(db, q, ticketScopeOf(ctx.actor), { userId: ctx.actor.userId, now: clock.now().toISOString() }, after);
    return { items: r.items, nextCursor: r.more && r.last ? encodeCursor(r.last) : null };
  }

  async function timeline(ctx: RequestContext, id: number) {
    require(ctx, 'tickets.read');
    await visibleTicketRow(db, ctx, id);
    return readTimeline(db, id, true);
  }

  async function update(ctx: RequestContext, id: number, patch: TicketPatch): Promise<Ticket> {
    require(ctx, 'tickets.write');
    const row = await visibleTicketRow(db, ctx, id);
    const before = await get(ctx, id);
    const problems = await checkRefs(ctx, row.client_id, {
      ...(patch.queueId !== undefined && patch.queueId !== row.queue_id ? { queueId: patch.queueId } : {}),
      teamId: patch.teamId, assigneeId: patch.assigneeId, categoryId: patch.categoryId,
      requesterContactId: patch.requesterContactId, parentId: patch.parentId,
    });
    if (patch.parentId === id) problems.push({ path: 'parentId', code: 'invalid_reference', message: 'A ticket cannot be its own parent' });
    const custom = patch.custom ? validateCustomValues(await listCustomFields(db, row.type_id), patch.custom, { current: before.custom }) : null;
    const dims = patch.dimensions ? await resolveDimensionValues(db, patch.dimensions) : null;
    throwIfProblems([...problems, ...(custom?.problems ?? []), ...(dims?.problems ?? [])]);

    const impact = patch.impact ?? before.impact;
    const urgency = patch.urgency ?? before.urgency;
    const keepOverride = patch.priority === undefined && before.priorityOverridden;
    const { priority, overridden } = keepOverride
      ? { priority: before.priority, overridden: true }
      : await priorityOf(ctx, impact, urgency, patch.priority);
    const tags = patch.tags ? normalizeTags(patch.tags) : before.tags;
    const now = clock.now();
    const at = now.toISOString();
    await db.transaction().execute(async (trx) => {
      const ok = await repo.updateTicket(trx, id, patch.version, {
        subject: patch.subject, description_md: patch.description, queue_id: patch.queueId,
        team_id: patch.teamId, assignee_id: patch.assigneeId, impact, urgency, priority, priority_overridden: overridden ? 1 : 0,
        category_id: patch.categoryId, requester_contact_id: patch.requesterContactId, parent_id: patch.parentId,
        custom_json: custom ? JSON.stringify(custom.values) : undefined, tags_text: tags.join(' '), updated_at: at,
      });
      if (!ok) throw staleVersion('The ticket');
      if (patch.tags) await repo.replaceTags(trx, id, tags);
      if (dims) {
        const keep = before.dimensions.filter((d) => !(d.dimension in patch.dimensions!));
        const kept = await resolveDimensionValues(trx, Object.fromEntries(keep.map((d) => [d.dimension, d.value])));
        await repo.replaceDimensions(trx, id, [...kept.values, ...dims.values]);
      }
      if (patch.watcherUserIds || patch.watcherContactIds) {
        await repo.replaceWatchers(trx, id, patch.watcherUserIds ?? before.watchers.users.map((u) => u.id), patch.watcherContactIds ?? before.watchers.contacts.map((c) => c.id));
      }
      if (priority !== before.priority) {
        await repo.insertSlaEvent(trx, id, at, 'priority_changed', priority);
        await refreshSla(trx, id, row.sla_policy_id, now);
      }
      if (patch.subject !== undefined || patch.description !== undefined) await reindex(trx, id);
      const after = await readTicket(trx, id, { kind: 'all' });
      const changes = diffFields(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>, [
        'subject', 'description', 'queue', 'team', 'assignee', 'impact', 'urgency', 'priority', 'category', 'requester', 'tags', 'custom', 'dimensions', 'parentId', 'watchers',
      ]);
      await repo.insertEvents(trx, id, at, { userId: ctx.actor.userId || null, name: ctx.actor.name }, changes.map((c) => ({ kind: 'field', ...c })));
      await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'ticket', entityId: id, action: 'update', before: Object.fromEntries(changes.map((c) => [c.field, c.before])), after: Object.fromEntries(changes.map((c) => [c.field, c.after])) });
    });
    return get(ctx, id);
  }

  return { create, get, list, timeline, update };
}

export type TicketsService = ReturnType<typeof createTicketsService>;
