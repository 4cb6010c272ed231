import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/index.ts';
import { indexNewTicketDocument, inWriteBatch, isPostgres } from '../../platform/db/index.ts';
import { decodeCursor, encodeCursor } from '../../shared/cursor.ts';
import { JsonText, jsonBytes } from '../../shared/json-text.ts';
import { AppError, invalid, notFound, staleVersion, type ErrorDetail } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';
import { markdownToSafeHtml } from '../../shared/markdown.ts';
import {
  findCategory, findTeam, getSlaPolicy, helpdeskSnapshot, listCustomFields, resolveDimensionValues, slaPolicyFor, ticketsPerState, validateCustomValues,
  type HelpdeskSnapshot,
} from '../helpdesk/index.ts';
import { auditWhoOf, hasPermission, ticketScopeOf, type RequestContext } from '../identity/index.ts';
import { providerDate } from '../../shared/calendar/index.ts';
import { contractForNewTicket } from '../contracts/index.ts';
import { isClientNotice, type TemplateVars, type TicketNoticeKey } from '../mail/index.ts';
import { diffFields } from './domain/changes.ts';
import { formatTicketNumber } from './domain/numbering.ts';
import { allowedFrom, initialState, type Process } from './domain/process.ts';
import { computeSla, priorityFrom, type Level, type Priority, type PriorityMatrix, type SlaEvent } from './domain/sla/index.ts';
import { normalizeTags } from './domain/tags.ts';
import { processOf, refreshSla, reindex, require, throwIfProblems, toProcess, visibleTicketRow, type TicketsDeps } from './tickets.context.ts';
import { assigneesOf, checkAssignee } from './tickets.assignees.ts';
import { clientNoticeFor, mailRecipientsOf, noticePreviewVars, notifyClient, type NoticeRecipient } from './tickets.notify.ts';
import { colleaguePreviewVars, notifyAssigneeChange, notifyColleagues } from './tickets.notify-colleagues.ts';
import { countTickets, listTickets, readTicket, readTimeline, visibleTicketIds } from './tickets.read.ts';
import * as repo from './tickets.repo.ts';
import type { Assignee, NewTicket, Ticket, TicketCount, TicketFilterQuery, TicketListQuery, TicketPatch, TicketStateCount } from './tickets.schemas.ts';
import { escalationPreviewVars } from './tickets.sla-escalation.ts';
import { nextCheckAt, slaColumns, slaStateOf, slaTargetsOf, toCorePolicy } from './tickets.sla.ts';

/** Creating, reading, listing and editing tickets. State changes and comments: tickets.workflow.ts. */
export function createTicketsService(deps: TicketsDeps) {
  const { db, clock, config, customers } = deps;

  /** What checkRefs() looked up, for building a new ticket's answer without reading it back. */
  interface FoundRefs {
    team?: { id: number; name: string };
    category?: { id: number; path: string };
    assignee?: { id: number; name: string };
    contact?: { id: number; name: string; email: string | null; language: string; active: number };
  }

  /**
   * Checks references a ticket may hold; every problem names its field. Queues
   * come from the configuration snapshot; a new ticket's requester was read with
   * its client (`known`); whatever was looked up is left in `found`.
   */
  async function checkRefs(
    ctx: RequestContext,
    clientId: number,
    r: {
      queueId?: number | undefined; teamId?: number | null | undefined; assigneeId?: number | null | undefined; categoryId?: number | null | undefined;
      requesterContactId?: number | null | undefined; parentId?: number | null | undefined;
      watcherUserIds?: readonly number[] | undefined; watcherContactIds?: readonly number[] | undefined;
      /** Watchers the ticket has already: kept as they are (a colleague who has left since stays until removed). */
      watching?: { users: readonly number[]; contacts: readonly number[] };
      /** The queue the ticket will be in: the assignee must see its tickets. */
      ticketQueueId: number;
      /** The ticket being changed: its parent may not be one of its own descendants. */
      ticketId?: number;
    },
    settings: HelpdeskSnapshot,
    found: FoundRefs = {},
    known?: { contact: (NonNullable<FoundRefs['contact']> & { clientId: number }) | null },
  ): Promise<ErrorDetail[]> {
    const problems: ErrorDetail[] = [];
    const bad = (path: string, code: string, message: string) => problems.push({ path, code, message });
    if (r.queueId !== undefined) {
      const queue = settings.queuesById.get(r.queueId);
      if (!queue || !queue.active) bad('queueId', 'unknown_reference', 'No active queue with this id');
      else if (ticketScopeOf(ctx.actor).kind === 'member_queues' && !queue.members.includes(ctx.actor.userId)) {
        bad('queueId', 'queue_not_allowed', 'You are not a member of this queue');
      }
    }
    if (r.teamId) {
      const team = await findTeam(db, r.teamId);
      if (!team || !team.active) bad('teamId', 'unknown_reference', 'No active team with this id');
      else found.team = { id: team.id, name: team.name };
    }
    if (r.categoryId) {
      const category = await findCategory(db, r.categoryId);
      if (!category || !category.active) bad('categoryId', 'unknown_reference', 'No active category with this id');
      else found.category = { id: category.id, path: category.path };
    }
    if (r.assigneeId) {
      const checked = await checkAssignee(db, r.assigneeId, settings.queuesById.get(r.ticketQueueId) ?? null);
      if ('problem' in checked) problems.push(checked.problem);
      else found.assignee = checked.assignee;
    }
    if (r.requesterContactId) {
      const contact = known
        ? known.contact
        : await db.selectFrom('contacts').select(['id', 'client_id as clientId', 'active', 'name', 'email', 'language']).where('id', '=', r.requesterContactId).executeTakeFirst();
      if (!contact || contact.clientId !== clientId) bad('requesterContactId', 'unknown_reference', 'The requester must be a contact of the ticket’s client');
      else found.contact = contact;
    }
    if (r.parentId) {
      const visible = await visibleTicketRow(db, ctx, r.parentId).catch(() => null);
      if (!visible) bad('parentId', 'unknown_reference', 'No such parent ticket');
      else if (r.ticketId !== undefined && r.parentId !== r.ticketId && await hasAncestor(r.parentId, r.ticketId)) {
        bad('parentId', 'parent_loop', 'The parent is a sub-ticket of this ticket (directly or further down): the tickets would be each other’s parents');
      }
    }
    // Watchers: people who can be told (active users of the staff), and contacts of the ticket's own client.
    await checkWatchers('watcherUserIds', r.watcherUserIds, r.watching?.users, bad,
      async (ids) => db.selectFrom('users').select(['id', 'active', 'client_id']).where('id', 'in', ids).execute(),
      (user) => !!user.active && user.client_id === null,
      (userId) => `No active colleague with id ${userId}`);
    await checkWatchers('watcherContactIds', r.watcherContactIds, r.watching?.contacts, bad,
      async (ids) => db.selectFrom('contacts').select(['id', 'client_id']).where('id', 'in', ids).execute(),
      (contact) => contact.client_id === clientId,
      (contactId) => `Contact ${contactId} is not a contact of the ticket’s client`);
    return problems;
  }

  /**
   * Checks the watchers asked for under `field` that are not watching yet (those already
   * watching stay as they are): each id must be a row that `acceptable` takes; a bad one is
   * named by its index in the request.
   */
  async function checkWatchers<Row extends { id: number }>(
    field: string,
    requested: readonly number[] | undefined,
    watching: readonly number[] | undefined,
    bad: (path: string, code: string, message: string) => void,
    lookUp: (ids: number[]) => Promise<Row[]>,
    acceptable: (row: Row) => boolean,
    refusal: (id: number) => string,
  ): Promise<void> {
    if (!requested?.length) return;
    const ids = [...new Set(requested)].filter((id) => !watching?.includes(id));
    const rows = ids.length ? await lookUp(ids) : [];
    for (const id of ids) {
      const row = rows.find((candidate) => candidate.id === id);
      if (!row || !acceptable(row)) bad(`${field}.${requested.indexOf(id)}`, 'unknown_reference', refusal(id));
    }
  }

  /** How far up a parent chain hasAncestor() looks: far beyond any real chain, so a longer one is a loop already in the data. */
  const ANCESTOR_DEPTH_LIMIT = 1000;

  /**
   * Whether `ancestor` is above `ticketId` in the parent chain (its parent, the parent's
   * parent, …), read in one recursive query. The walk stops at ANCESTOR_DEPTH_LIMIT, so a
   * loop already in the data ends it; a chain still going on there is taken as such a loop.
   */
  async function hasAncestor(ticketId: number, ancestor: number): Promise<boolean> {
    const found = await db
      .withRecursive('chain(id, parent_id, depth)', (qb) => qb
        .selectFrom('tickets').select(['id', 'parent_id', sql<number>`1`.as('depth')]).where('id', '=', ticketId)
        .unionAll((up) => up
          .selectFrom('chain')
          .innerJoin('tickets as above', 'above.id', 'chain.parent_id')
          .select(['above.id', 'above.parent_id', sql<number>`chain.depth + 1`.as('depth')])
          .where('chain.depth', '<', ANCESTOR_DEPTH_LIMIT)))
      .selectFrom('chain')
      .select('chain.id')
      .where((eb) => eb.or([
        eb('chain.parent_id', '=', ancestor),
        eb.and([eb('chain.depth', '=', ANCESTOR_DEPTH_LIMIT), eb('chain.parent_id', 'is not', null)]),
      ]))
      .limit(1)
      .executeTakeFirst();
    return found !== undefined;
  }

  function priorityOf(ctx: RequestContext, impact: Level, urgency: Level, explicit: Priority | null | undefined, matrix: PriorityMatrix) {
    if (explicit) {
      if (!hasPermission(ctx.actor, 'tickets.prioritize')) {
        throw invalid([{ path: 'priority', code: 'not_allowed', message: 'You may not override the priority given by impact and urgency' }]);
      }
      return { priority: explicit, overridden: true };
    }
    return { priority: priorityFrom(impact, urgency, matrix), overridden: false };
  }

  /**
   * Creates a ticket: numbered, with its history, SLA clock, search document, the
   * requester's mail and the audit entry, in one transaction. The configuration
   * comes from the snapshot (one query), the SLA columns are computed before the
   * insert from the events written with it (as refreshSla() would), and the answer
   * is built from what was written instead of being read back.
   */
  async function create(ctx: RequestContext, input: NewTicket): Promise<Ticket> {
    require(ctx, 'tickets.write');
    const settings = await helpdeskSnapshot(db);
    const loaded = settings.typesByCode.get(input.typeCode);
    if (!loaded || !loaded.type.active) throw invalid([{ path: 'typeCode', code: 'unknown_reference', message: `No active ticket type "${input.typeCode}"` }]);
    const process = toProcess(loaded);
    const start = initialState(process);
    if (!start) throw invalid([{ path: 'typeCode', code: 'no_initial_state', message: 'The ticket type has no initial state' }]);
    const client = await customers.get(ctx, input.clientId).catch(() => null);
    if (!client || !client.active) throw invalid([{ path: 'clientId', code: 'unknown_reference', message: 'No active client with this id' }]);
    const queueId = input.queueId ?? settings.defaultQueue?.id;
    if (queueId === undefined) throw invalid([{ path: 'queueId', code: 'required', message: 'Choose a queue: there is no default queue' }]);
    const refs = await repo.newTicketRefs(db, client.id, input.requesterContactId ?? null);
    const found: FoundRefs = {};
    const problems = await checkRefs(ctx, client.id, { ...input, queueId, ticketQueueId: queueId }, settings, found, { contact: refs.contact });
    const custom = validateCustomValues(settings.customFieldsOf(loaded.typeId), input.custom);
    const dims = await resolveDimensionValues(db, input.dimensions);
    throwIfProblems([...problems, ...custom.problems, ...dims.problems]);
    const { priority, overridden } = priorityOf(ctx, input.impact, input.urgency, input.priority, settings.priorityMatrix);
    const now = clock.now();
    // The client's contract valid today (its SLA policy, when it names one, replaces the client's).
    const contract = await contractForNewTicket(db, client.id, providerDate(now));
    const policy = slaPolicyFor(settings, contract?.slaPolicyId ?? refs.clientPolicyId);
    const tags = normalizeTags(input.tags);
    const at = now.toISOString();
    const year = now.getUTCFullYear();

    // The SLA clock's events of a new ticket, and the columns they give.
    const slaEvents: SlaEvent[] = [{ at: now.getTime(), kind: 'created', priority }];
    if (start.pausesSla) slaEvents.push({ at: now.getTime(), kind: 'paused' });
    const core = policy ? toCorePolicy(policy) : null;
    const state = core ? computeSla(core, slaEvents, now.getTime()) : null;
    const sla = core && state
      ? Object.assign(slaColumns(state), { sla_next_check_at: nextCheckAt(core, slaEvents, null, state) })
      : { sla_status: 'none', sla_first_response_due_at: null, sla_resolution_due_at: null, sla_due_at: repo.NO_DUE, sla_breached_minutes: null, sla_next_check_at: null };
    // `number` is taken in the transaction; the row has the key already, so that
    // `{ ...row, number }` only overrides it (docs/ARCHITECTURE.md, “Hot paths”).
    const row = {
      number: '', subject: input.subject, description_md: input.description, type_id: loaded.typeId,
      state_id: start.id, state_category: start.category, impact: input.impact, urgency: input.urgency,
      priority, priority_overridden: overridden ? 1 : 0, queue_id: queueId, team_id: input.teamId ?? null,
      assignee_id: input.assigneeId ?? null, client_id: client.id, requester_contact_id: input.requesterContactId ?? null,
      category_id: input.categoryId ?? null, parent_id: input.parentId ?? null, custom_json: JSON.stringify(custom.values),
      tags_text: tags.join(' '), sla_policy_id: policy?.id ?? null, contract_id: contract?.id ?? null,
      sla_status: String(sla.sla_status),
      sla_first_response_due_at: (sla.sla_first_response_due_at ?? null) as string | null,
      sla_resolution_due_at: (sla.sla_resolution_due_at ?? null) as string | null,
      sla_due_at: (sla.sla_due_at ?? repo.NO_DUE) as string,
      sla_warned_at: null, sla_breached_at: null,
      sla_breached_minutes: (sla.sla_breached_minutes ?? null) as number | null,
      sla_checked_at: null, sla_next_check_at: sla.sla_next_check_at,
      first_response_at: null, resolved_at: null, closed_at: null, resolution_note: null,
      created_by: ctx.actor.userId || null, version: 1, row_rev: 0, created_at: at, updated_at: at,
    };
    // Known recipients: the requester alone (watching contacts are read back by notifyClient).
    const requester = found.contact ?? null;
    const recipients: NoticeRecipient[] | undefined = input.watcherContactIds.length
      ? undefined
      : requester && requester.active === 1 && requester.email !== null ? [requester] : [];
    const actor = { userId: ctx.actor.userId || null, name: ctx.actor.name };

    // PostgreSQL: the year's counter row stays locked from its upsert to the end of the transaction
    // that took it, so taken inside, it would queue every concurrent create behind the whole of
    // another's transaction. Taken first in a statement of its own, creates run side by side; one
    // that then fails leaves a gap in the year's numbers (ticket numbers, unlike invoices', may
    // have gaps). SQLite has one writer anyway: there the number is taken inside, without gaps.
    const seqTakenFirst = isPostgres(db) ? await repo.nextTicketSeqFast(db, year) : null;
    // Creates arriving together share a commit on SQLite (see inWriteBatch); each is still all or nothing.
    const { id, number } = await inWriteBatch(db, async (trx, atEnd) => {
      const number = formatTicketNumber(settings.ticketNumberPrefix, year, seqTakenFirst ?? (await repo.nextTicketSeqFast(trx, year)));
      const ticketId = await repo.insertNewTicket(trx, { ...row, number });
      await repo.insertTags(trx, ticketId, tags);
      if (dims.values.length) await repo.replaceDimensions(trx, ticketId, dims.values);
      if (input.watcherUserIds.length || input.watcherContactIds.length) await repo.replaceWatchers(trx, ticketId, input.watcherUserIds, input.watcherContactIds);
      await repo.insertEvent(trx, ticketId, at, actor, { kind: 'created', after: { number, state: start.code, priority } });
      for (const e of slaEvents) await repo.insertSlaEventFast(trx, ticketId, at, e.kind, e.kind === 'created' ? priority : null);
      // The search document is written last (see inWriteBatch).
      atEnd((t) => indexNewTicketDocument(t, ticketId, [number, input.subject, input.description].join('\n')));
      await notifyClient(trx, now, config, { ticketId, number, subject: input.subject, clientName: client.name, key: 'ticket_created', eventKey: 'created' }, recipients);
      // Someone else given the new ticket is told so; its watchers are not (nothing changed for them yet).
      if (found.assignee && found.assignee.id !== actor.userId) {
        await notifyColleagues(trx, now, config, {
          ticketId, number, subject: input.subject, clientName: client.name, actorName: actor.name, actorUserId: actor.userId, eventKey: 'created',
          watchers: false, assignedTo: found.assignee.id, change: { kind: 'assignee', from: null, to: found.assignee.name }, commentBody: null,
        });
      }
      await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'ticket', entityId: ticketId, action: 'create', after: { number, subject: input.subject, clientId: client.id, queueId, priority } });
      return { id: ticketId, number };
    });
    // Watchers are listed by name as stored: read those back; everything else is known.
    if (input.watcherUserIds.length || input.watcherContactIds.length) return get(ctx, id);
    const queue = settings.queuesById.get(queueId)!;
    const dueOrNull = (v: string | null) => (v === null || v === repo.NO_DUE ? null : v);
    return {
      id, number, subject: row.subject,
      type: { id: loaded.typeId, code: loaded.type.code, name: loaded.type.name },
      state: { id: start.id, code: start.code, name: start.name, category: start.category },
      priority: priority as Ticket['priority'],
      queue: { id: queue.id, name: queue.name },
      assignee: found.assignee ?? null,
      client: { id: client.id, name: client.name },
      tags: row.tags_text ? row.tags_text.split(' ') : [],
      sla: {
        status: row.sla_status, policyId: row.sla_policy_id, firstResponseDueAt: row.sla_first_response_due_at,
        resolutionDueAt: row.sla_resolution_due_at, dueAt: dueOrNull(row.sla_due_at), warnedAt: null, breachedAt: null,
        breachedMinutes: row.sla_breached_minutes,
      },
      createdAt: at, updatedAt: at, version: 1,
      description: row.description_md,
      descriptionHtml: markdownToSafeHtml(row.description_md),
      impact: input.impact, urgency: input.urgency, priorityOverridden: overridden,
      team: found.team ?? null,
      requester: requester ? { id: requester.id, name: requester.name, email: requester.email } : null,
      category: found.category ?? null,
      custom: JSON.parse(row.custom_json) as Ticket['custom'],
      dimensions: dims.values.map((d) => ({ dimension: d.dimension, value: d.value, valueName: d.valueName })).sort((a, b) => (a.dimension < b.dimension ? -1 : a.dimension > b.dimension ? 1 : 0)),
      parentId: row.parent_id, childIds: [], linkedIds: [],
      watchers: { users: [], contacts: [] },
      mailRecipients: (recipients ?? []).map((r) => ({ id: r.id, name: r.name, email: r.email as string })),
      allowedTransitions: transitionsFrom(process, start.id),
      firstResponseAt: null, resolvedAt: null, closedAt: null, resolutionNote: null,
      slaTargets: slaTargetsOf(state),
      contractId: contract?.id ?? null, contractNumber: contract?.number ?? null,
    };
  }

  function transitionsFrom(process: Process, stateId: number): Ticket['allowedTransitions'] {
    const from = process.states.find((s) => s.id === stateId);
    return allowedFrom(process, stateId).map((a) => ({
      toState: a.state.code, name: a.transition.name, toCategory: a.state.category, requiredFields: a.transition.requiredFields,
      clientNotice: from ? clientNoticeFor(from, a.state) : null,
    }));
  }

  async function get(ctx: RequestContext, id: number): Promise<Ticket> {
    require(ctx, 'tickets.read');
    const ticket = await readTicket(db, id, ticketScopeOf(ctx.actor));
    if (!ticket) throw notFound('Ticket');
    const process = await processOf(db, ticket.type.id);
    const policy = ticket.sla.policyId === null ? null : await getSlaPolicy(db, ticket.sla.policyId);
    const sla = policy ? await slaStateOf(db, id, toCorePolicy(policy), clock.now()) : null;
    const mailRecipients = (await mailRecipientsOf(db, id)).map((r) => ({ id: r.id, name: r.name, email: r.email as string }));
    return { ...ticket, allowedTransitions: transitionsFrom(process, ticket.state.id), slaTargets: slaTargetsOf(sla), mailRecipients };
  }

  /** A page of the list, as JSON written by the database (listTickets): { items, nextCursor }. */
  async function list(ctx: RequestContext, q: TicketListQuery): Promise<JsonText> {
    require(ctx, 'tickets.read');
    const shape = q.sort === 'priority' ? (['string', 'string', 'number'] as const) : q.sort === 'newest' ? (['number'] as const) : (['string', 'number'] as const);
    const after = q.cursor ? decodeCursor(q.cursor, shape) : null;
    const r = await listTickets(db, q, ticketScopeOf(ctx.actor), { userId: ctx.actor.userId, now: clock.now().toISOString() }, after);
    const nextCursor = r.more && r.last ? encodeCursor(r.last) : null;
    return new JsonText(jsonBytes('{"items":[', r.items, `],"nextCursor":${JSON.stringify(nextCursor)}}`));
  }

  /** How many tickets the list with these filters holds, for this actor (countTickets: capped). */
  async function count(ctx: RequestContext, q: TicketFilterQuery): Promise<TicketCount> {
    require(ctx, 'tickets.read');
    return countTickets(db, q, ticketScopeOf(ctx.actor), { userId: ctx.actor.userId, now: clock.now().toISOString() });
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
    const settings = await helpdeskSnapshot(db);
    const queueChanged = patch.queueId !== undefined && patch.queueId !== row.queue_id;
    // The assignee must see the ticket's queue: one newly named, and today's when the ticket moves to another queue.
    const assigneeToCheck = patch.assigneeId !== undefined && (queueChanged || patch.assigneeId !== row.assignee_id)
      ? patch.assigneeId
      : queueChanged ? row.assignee_id : undefined;
    const problems = await checkRefs(ctx, row.client_id, {
      ...(queueChanged ? { queueId: patch.queueId } : {}),
      teamId: patch.teamId, assigneeId: assigneeToCheck, categoryId: patch.categoryId,
      requesterContactId: patch.requesterContactId, parentId: patch.parentId, ticketQueueId: patch.queueId ?? row.queue_id, ticketId: id,
      watcherUserIds: patch.watcherUserIds, watcherContactIds: patch.watcherContactIds,
      watching: { users: before.watchers.users.map((u) => u.id), contacts: before.watchers.contacts.map((c) => c.id) },
    }, settings);
    if (patch.parentId === id) problems.push({ path: 'parentId', code: 'invalid_reference', message: 'A ticket cannot be its own parent' });
    const custom = patch.custom ? validateCustomValues(await listCustomFields(db, row.type_id), patch.custom, { current: before.custom }) : null;
    const dims = patch.dimensions ? await resolveDimensionValues(db, patch.dimensions) : null;
    throwIfProblems([...problems, ...(custom?.problems ?? []), ...(dims?.problems ?? [])]);

    const impact = patch.impact ?? before.impact;
    const urgency = patch.urgency ?? before.urgency;
    const keepOverride = patch.priority === undefined && before.priorityOverridden;
    const { priority, overridden } = keepOverride
      ? { priority: before.priority, overridden: true }
      : priorityOf(ctx, impact, urgency, patch.priority, settings.priorityMatrix);
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
      if (after && after.assignee?.id !== before.assignee?.id) {
        // The watching colleagues and the new assignee (the changes of other fields are not mailed).
        await notifyAssigneeChange(trx, now, config, { userId: ctx.actor.userId || null, name: ctx.actor.name },
          { id, number: after.number, subject: after.subject, clientName: after.client.name }, { from: before.assignee, to: after.assignee });
      }
      await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'ticket', entityId: id, action: 'update', before: Object.fromEntries(changes.map((c) => [c.field, c.before])), after: Object.fromEntries(changes.map((c) => [c.field, c.after])) });
    });
    return get(ctx, id);
  }

  /** Everyone a ticket of the queue may be assigned to (the same rule create and update check). */
  async function assignees(ctx: RequestContext, queueId: number): Promise<Assignee[]> {
    require(ctx, 'tickets.read');
    const queue = (await helpdeskSnapshot(db)).queuesById.get(queueId);
    if (!queue) throw notFound('Queue');
    return assigneesOf(db, queue);
  }

  /**
   * How many tickets are in each state of the type, every ticket counted whatever its queue:
   * for the process editor, which may not remove a state that still holds tickets (saving
   * the process refuses it, 409 state_in_use). States in the type's order.
   */
  async function stateCounts(ctx: RequestContext, typeId: number): Promise<TicketStateCount[]> {
    require(ctx, 'helpdesk.configure');
    const type = (await helpdeskSnapshot(db)).typesById.get(typeId);
    if (!type) throw notFound('Ticket type');
    const states = [...type.states].sort((a, b) => a.sortOrder - b.sortOrder);
    const counts = await ticketsPerState(db, states.map((st) => st.id));
    return states.map((st) => ({ stateId: st.id, code: st.code, tickets: counts.get(st.id) ?? 0 }));
  }

  /**
   * The values a mail about the ticket with this number would be filled with now, for the
   * mail template preview: a client notice (noticeVars), an SLA escalation to staff
   * (escalationVars) or a colleague's update (colleagueUpdateVars), in the language given. A ticket outside the caller's scope gets the same
   * 404 as a number that does not exist: the answer tells nothing about tickets they may not see.
   */
  async function noticePreview(ctx: RequestContext, key: TicketNoticeKey, language: Language, ticketNumber: string): Promise<TemplateVars> {
    require(ctx, 'tickets.read');
    const number = ticketNumber.trim().toUpperCase();
    const found = await db.selectFrom('tickets').select('id').where('number', '=', number).executeTakeFirst();
    const [visible] = found ? await visibleTicketIds(db, [found.id], ticketScopeOf(ctx.actor)) : [];
    if (visible === undefined) {
      const message = `No ticket ${number} that you may see`;
      throw new AppError('not_found', 'not_found', message, { details: [{ path: 'ticketNumber', code: 'unknown_ticket', message }] });
    }
    if (isClientNotice(key)) return noticePreviewVars(db, config.publicUrl, visible);
    if (key === 'ticket_colleague_update') return colleaguePreviewVars(db, config.publicUrl, visible, language);
    return escalationPreviewVars(db, config.publicUrl, visible, language, clock.now());
  }

  return { assignees, count, create, get, list, noticePreview, stateCounts, timeline, update };
}

export type TicketsService = ReturnType<typeof createTicketsService>;
