import { sql, type Selectable } from 'kysely';
import { afterCursor, ticketMatches, type DbOrTx, type SortKey, type TicketsTable } from '../../platform/db/index.ts';
import { markdownToSafeHtml } from '../../shared/markdown.ts';
import type { TicketScope } from '../identity/index.ts';
import { NO_DUE } from './tickets.repo.ts';
import type { Ticket, TicketListQuery, TicketSummary, TimelineItem } from './tickets.schemas.ts';

/** Reading tickets for the API: list with filters and keyset paging, detail, timeline. */


const SORTS: Record<TicketListQuery['sort'], readonly SortKey[]> = {
  sla: [['tickets.sla_due_at', 'asc'], ['tickets.id', 'asc']],
  created: [['tickets.created_at', 'asc'], ['tickets.id', 'asc']],
  '-created': [['tickets.created_at', 'desc'], ['tickets.id', 'desc']],
  priority: [['tickets.priority', 'asc'], ['tickets.sla_due_at', 'asc'], ['tickets.id', 'asc']],
  updated: [['tickets.updated_at', 'desc'], ['tickets.id', 'desc']],
};

const ACTIVE = ['new', 'open', 'waiting'] as const;

function summaryQuery(db: DbOrTx) {
  return db
    .selectFrom('tickets')
    .innerJoin('ticket_types as tt', 'tt.id', 'tickets.type_id')
    .innerJoin('ticket_states as ts', 'ts.id', 'tickets.state_id')
    .innerJoin('queues as q', 'q.id', 'tickets.queue_id')
    .innerJoin('clients as c', 'c.id', 'tickets.client_id')
    .leftJoin('users as a', 'a.id', 'tickets.assignee_id')
    .selectAll('tickets')
    .select([
      'tt.code as type_code', 'tt.name as type_name', 'ts.code as state_code', 'ts.name as state_name',
      'q.name as queue_name', 'c.name as client_name', 'a.name as assignee_name',
    ]);
}

type SummaryRow = Selectable<TicketsTable> & {
  type_code: string; type_name: string; state_code: string; state_name: string;
  queue_name: string; client_name: string; assignee_name: string | null;
};

const dueOrNull = (v: string | null) => (v === null || v === NO_DUE ? null : v);

function toSummary(r: SummaryRow): TicketSummary {
  return {
    id: r.id,
    number: r.number,
    subject: r.subject,
    type: { id: r.type_id, code: r.type_code, name: r.type_name },
    state: { id: r.state_id, code: r.state_code, name: r.state_name, category: r.state_category },
    priority: r.priority as TicketSummary['priority'],
    queue: { id: r.queue_id, name: r.queue_name },
    assignee: r.assignee_id === null ? null : { id: r.assignee_id, name: r.assignee_name ?? '' },
    client: { id: r.client_id, name: r.client_name },
    tags: r.tags_text ? r.tags_text.split(' ') : [],
    sla: {
      status: r.sla_status,
      policyId: r.sla_policy_id,
      firstResponseDueAt: r.sla_first_response_due_at,
      resolutionDueAt: r.sla_resolution_due_at,
      dueAt: dueOrNull(r.sla_due_at),
      warnedAt: r.sla_warned_at,
      breachedAt: r.sla_breached_at,
      breachedMinutes: r.sla_breached_minutes,
    },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

export async function listTickets(
  db: DbOrTx,
  q: TicketListQuery,
  scope: TicketScope,
  me: { userId: number; now: string },
  after: (string | number)[] | null,
): Promise<{ items: TicketSummary[]; last: (string | number)[] | null; more: boolean }> {
  let sel = summaryQuery(db);
  if (scope.kind === 'none') return { items: [], last: null, more: false };
  if (scope.kind === 'member_queues') {
    sel = sel.where('tickets.queue_id', 'in', db.selectFrom('queue_members').select('queue_id').where('user_id', '=', scope.userId));
  }
  const categories = q.stateCategory?.split(',') as (typeof ACTIVE[number] | 'resolved' | 'closed')[] | undefined;
  if (categories) sel = sel.where('tickets.state_category', 'in', categories);
  else if (q.view !== 'all') sel = sel.where('tickets.state_category', 'in', [...ACTIVE]);
  if (q.view === 'mine') sel = sel.where('tickets.assignee_id', '=', me.userId);
  if (q.view === 'unassigned') sel = sel.where('tickets.assignee_id', 'is', null);
  if (q.view === 'my_teams') sel = sel.where('tickets.team_id', 'in', db.selectFrom('team_members').select('team_id').where('user_id', '=', me.userId));
  if (q.view === 'breaching_soon') {
    const soon = new Date(new Date(me.now).getTime() + 4 * 3_600_000).toISOString();
    sel = sel.where('tickets.sla_due_at', '<', soon);
  }
  if (q.queueId) sel = sel.where('tickets.queue_id', '=', q.queueId);
  if (q.stateCode) sel = sel.where('ts.code', '=', q.stateCode);
  if (q.typeCode) sel = sel.where('tt.code', '=', q.typeCode);
  if (q.priority) sel = sel.where('tickets.priority', 'in', q.priority.split(','));
  if (q.assigneeId) sel = sel.where('tickets.assignee_id', '=', q.assigneeId);
  if (q.teamId) sel = sel.where('tickets.team_id', '=', q.teamId);
  if (q.clientId) sel = sel.where('tickets.client_id', '=', q.clientId);
  if (q.categoryId) sel = sel.where('tickets.category_id', '=', q.categoryId);
  if (q.slaStatus) sel = sel.where('tickets.sla_status', '=', q.slaStatus);
  if (q.tag) sel = sel.where('tickets.id', 'in', db.selectFrom('ticket_tags').select('ticket_id').where('tag', '=', q.tag.toLowerCase()));
  if (q.dimension) {
    const [dim, value] = q.dimension.split(':') as [string, string];
    sel = sel.where('tickets.id', 'in',
      db.selectFrom('ticket_dimension_values as tdv')
        .innerJoin('dimensions as d', 'd.id', 'tdv.dimension_id')
        .innerJoin('dimension_values as dv', 'dv.id', 'tdv.value_id')
        .select('tdv.ticket_id')
        .where('d.code', '=', dim)
        .where('dv.code', '=', value));
  }
  if (q.custom) {
    const [key, ...rest] = q.custom.split(':');
    // Custom values are JSON; matching the serialized "key":value pair works alike on both engines.
    sel = sel.where('tickets.custom_json', 'like', `%${JSON.stringify(key).slice(0, -1)}":${JSON.stringify(rest.join(':'))}%`);
  }
  if (q.q) {
    const match = ticketMatches(db, q.q);
    if (match) sel = sel.where(match);
  }
  const keys = SORTS[q.sort];
  if (after) sel = sel.where(afterCursor(keys, after));
  for (const [column, dir] of keys) sel = sel.orderBy(sql.ref(column), dir);
  const rows = (await sel.limit(q.limit + 1).execute()) as SummaryRow[];
  const page = rows.slice(0, q.limit);
  const lastRow = page.at(-1);
  const last = lastRow
    ? keys.map(([column]) => lastRow[column.replace('tickets.', '') as keyof SummaryRow] as string | number)
    : null;
  return { items: page.map(toSummary), last, more: rows.length > q.limit };
}

export async function visibleTicketIds(db: DbOrTx, ids: readonly number[], scope: TicketScope): Promise<number[]> {
  if (!ids.length || scope.kind === 'none') return [];
  let sel = db.selectFrom('tickets').select('id').where('id', 'in', ids);
  if (scope.kind === 'member_queues') {
    sel = sel.where('queue_id', 'in', db.selectFrom('queue_members').select('queue_id').where('user_id', '=', scope.userId));
  }
  return (await sel.execute()).map((r) => r.id);
}

export async function readTicket(db: DbOrTx, id: number, scope: TicketScope): Promise<Omit<Ticket, 'allowedTransitions'> | null> {
  if (scope.kind === 'none') return null;
  let sel = summaryQuery(db)
    .leftJoin('teams as tm', 'tm.id', 'tickets.team_id')
    .leftJoin('contacts as rc', 'rc.id', 'tickets.requester_contact_id')
    .leftJoin('categories as cat', 'cat.id', 'tickets.category_id')
    .select(['tm.name as team_name', 'rc.name as requester_name', 'rc.email as requester_email', 'cat.path as category_path'])
    .where('tickets.id', '=', id);
  if (scope.kind === 'member_queues') {
    sel = sel.where('tickets.queue_id', 'in', db.selectFrom('queue_members').select('queue_id').where('user_id', '=', scope.userId));
  }
  const r = await sel.executeTakeFirst();
  if (!r) return null;
  const [dims, watchersU, watchersC, links, children] = await Promise.all([
    db.selectFrom('ticket_dimension_values as tdv')
      .innerJoin('dimensions as d', 'd.id', 'tdv.dimension_id')
      .innerJoin('dimension_values as dv', 'dv.id', 'tdv.value_id')
      .select(['d.code as dimension', 'dv.code as value', 'dv.name as valueName'])
      .where('tdv.ticket_id', '=', id).orderBy('d.code').execute(),
    db.selectFrom('ticket_watchers as w').innerJoin('users as u', 'u.id', 'w.user_id').select(['u.id', 'u.name']).where('w.ticket_id', '=', id).orderBy('u.name').execute(),
    db.selectFrom('ticket_watchers as w').innerJoin('contacts as c', 'c.id', 'w.contact_id').select(['c.id', 'c.name']).where('w.ticket_id', '=', id).orderBy('c.name').execute(),
    db.selectFrom('ticket_links').select('linked_ticket_id').where('ticket_id', '=', id).orderBy('linked_ticket_id').execute(),
    db.selectFrom('tickets').select('id').where('parent_id', '=', id).orderBy('id').execute(),
  ]);
  return {
    ...toSummary(r as SummaryRow),
    description: r.description_md,
    descriptionHtml: markdownToSafeHtml(r.description_md),
    impact: r.impact as Ticket['impact'],
    urgency: r.urgency as Ticket['urgency'],
    priorityOverridden: r.priority_overridden === 1,
    team: r.team_id === null ? null : { id: r.team_id, name: r.team_name ?? '' },
    requester: r.requester_contact_id === null ? null : { id: r.requester_contact_id, name: r.requester_name ?? '', email: r.requester_email ?? null },
    category: r.category_id === null ? null : { id: r.category_id, path: r.category_path ?? '' },
    custom: JSON.parse(r.custom_json) as Ticket['custom'],
    dimensions: dims,
    parentId: r.parent_id,
    childIds: children.map((c) => c.id),
    linkedIds: links.map((l) => l.linked_ticket_id),
    watchers: { users: watchersU, contacts: watchersC },
    firstResponseAt: r.first_response_at,
    resolvedAt: r.resolved_at,
    closedAt: r.closed_at,
    resolutionNote: r.resolution_note,
  };
}

export async function readTimeline(db: DbOrTx, ticketId: number, includeInternal: boolean): Promise<TimelineItem[]> {
  let comments = db
    .selectFrom('ticket_comments as tc')
    .leftJoin('users as u', 'u.id', 'tc.author_user_id')
    .leftJoin('contacts as c', 'c.id', 'tc.author_contact_id')
    .select(['tc.id', 'tc.created_at', 'tc.visibility', 'tc.body_md', 'u.name as user_name', 'c.name as contact_name'])
    .where('tc.ticket_id', '=', ticketId);
  if (!includeInternal) comments = comments.where('tc.visibility', '=', 'public');
  const [cs, es] = await Promise.all([
    comments.orderBy('tc.id').execute(),
    includeInternal ? db.selectFrom('ticket_events').selectAll().where('ticket_id', '=', ticketId).orderBy('id').execute() : Promise.resolve([]),
  ]);
  const items: TimelineItem[] = [
    ...cs.map((c) => ({
      kind: 'comment' as const, id: c.id, at: c.created_at, actor: c.user_name ?? c.contact_name ?? null,
      visibility: c.visibility, body: c.body_md, bodyHtml: markdownToSafeHtml(c.body_md),
      event: null, field: null, before: null, after: null,
    })),
    ...es.map((e) => ({
      kind: 'event' as const, id: e.id, at: e.at, actor: e.actor_name, visibility: null, body: null, bodyHtml: null,
      event: e.kind, field: e.field,
      before: e.before_json === null ? null : JSON.parse(e.before_json),
      after: e.after_json === null ? null : JSON.parse(e.after_json),
    })),
  ];
  // Same instant: the change that a comment accompanies shows first.
  return items.sort((a, b) => a.at.localeCompare(b.at) || (a.kind === b.kind ? a.id - b.id : a.kind === 'event' ? -1 : 1));
}
