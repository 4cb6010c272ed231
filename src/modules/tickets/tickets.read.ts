import { sql, type Selectable } from 'kysely';
import {
  afterCursor, arrayRows, fullTextQuery, isPostgres, matchesFullText, preparedQuery, queryWords, rowArrays, type DbOrTx, type SortKey, type TicketsTable,
} from '../../platform/db/index.ts';
import { markdownToSafeHtml } from '../../shared/markdown.ts';
import { helpdeskSnapshot, type HelpdeskSnapshot } from '../helpdesk/index.ts';
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
  newest: [['tickets.id', 'desc']],
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

/** The columns a list row needs; names of types, states and queues come from the configuration snapshot. */
const LIST_COLUMNS = [
  'tickets.id', 'tickets.number', 'tickets.subject', 'tickets.type_id', 'tickets.state_id', 'tickets.state_category', 'tickets.priority',
  'tickets.queue_id', 'tickets.assignee_id', 'tickets.client_id', 'tickets.tags_text', 'tickets.sla_status', 'tickets.sla_policy_id',
  'tickets.sla_first_response_due_at', 'tickets.sla_resolution_due_at', 'tickets.sla_due_at', 'tickets.sla_warned_at',
  'tickets.sla_breached_at', 'tickets.sla_breached_minutes', 'tickets.created_at', 'tickets.updated_at', 'tickets.version',
  'c.name as client_name', 'a.name as assignee_name',
] as const;

/** Where each of LIST_COLUMNS is in a row (rows come as arrays: see arrayRows). */
const COL = Object.fromEntries(LIST_COLUMNS.map((c, i) => [c.replace(/^.*\./, '').replace(/^.* as /, ''), i])) as Record<string, number>;

/**
 * The values of a list query, bound to its statement; which of them are present is the
 * statement's shape. (Typed loosely: when the statement is built they hold markers.)
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ListParams = Record<string, any>;

/**
 * The list statement for one shape of filters: built and compiled once (preparedQuery),
 * then run with the values. `shape` names the sort, the plan and the conditions that
 * have no value of their own; `p`'s keys name the others. Plans:
 * - none: filter and sort the tickets (an index matching filter and order does the work);
 * - split: several state categories, SLA order: one ordered, limited read per category
 *   (each an index range in due order) merged, instead of sorting every matching ticket;
 * - in: full text as a condition (`tickets.id in (matches)`), then the requested order;
 * - drive: full text driving the read (SQLite, newest first): the index gives the matches
 *   newest first and the page stops the scan, however many tickets contain the words.
 */
const listStatement = preparedQuery((db: DbOrTx, p: ListParams, shape: string) => {
  const [sort, plan, ...flags] = shape.split('|') as [TicketListQuery['sort'], 'none' | 'split' | 'in' | 'drive', ...string[]];
  const keys = SORTS[sort];
  if (plan !== 'split') return listArm(db, p, plan, sort, flags, null).modifyFront(arrayRows).limit(p.limit);
  const categories = Object.keys(p).filter((k) => k.startsWith('cat_'));
  const arms = categories.map((cat, i) => db.selectFrom(listArm(db, p, plan, sort, flags, cat).limit(p.limit).as(`arm${i}`)).selectAll());
  let merged = arms[0]!.modifyFront(arrayRows);
  for (const arm of arms.slice(1)) merged = merged.unionAll(arm);
  for (const [column, dir] of keys) merged = merged.orderBy(sql.ref(column.replace('tickets.', '')), dir);
  return merged.limit(p.limit);
});

/** The filtered, ordered read of one list statement (of one state category when `category` names its param). */
function listArm(db: DbOrTx, p: ListParams, plan: string, sort: TicketListQuery['sort'], flags: string[], category: string | null) {
  const has = (k: string) => k in p;
  const ins = (prefix: string) => Object.keys(p).filter((k) => k.startsWith(`${prefix}_`)).map((k) => p[k]);
  const sel = plan === 'drive'
    ? db.selectFrom('ticket_search').crossJoin('tickets').where(sql<boolean>`tickets.id = ticket_search.rowid`).where(sql<boolean>`ticket_search match ${p.fts}`)
    : db.selectFrom('tickets');
  let q = sel
    .innerJoin('clients as c', 'c.id', 'tickets.client_id')
    .leftJoin('users as a', 'a.id', 'tickets.assignee_id')
    .select(LIST_COLUMNS);
  if (has('scope_0')) q = q.where('tickets.queue_id', 'in', ins('scope'));
  if (category) q = q.where('tickets.state_category', '=', p[category]);
  else if (has('cat_0')) q = q.where('tickets.state_category', 'in', ins('cat'));
  if (has('mine')) q = q.where('tickets.assignee_id', '=', p.mine);
  if (flags.includes('unassigned')) q = q.where('tickets.assignee_id', 'is', null);
  if (has('myTeams')) q = q.where('tickets.team_id', 'in', db.selectFrom('team_members').select('team_id').where('user_id', '=', p.myTeams));
  if (has('dueBefore')) q = q.where('tickets.sla_due_at', '<', p.dueBefore);
  if (has('queueId')) q = q.where('tickets.queue_id', '=', p.queueId);
  if (has('state_0')) q = q.where('tickets.state_id', 'in', ins('state'));
  if (has('typeId')) q = q.where('tickets.type_id', '=', p.typeId);
  if (has('pri_0')) q = q.where('tickets.priority', 'in', ins('pri'));
  if (has('assigneeId')) q = q.where('tickets.assignee_id', '=', p.assigneeId);
  if (has('teamId')) q = q.where('tickets.team_id', '=', p.teamId);
  if (has('clientId')) q = q.where('tickets.client_id', '=', p.clientId);
  if (has('categoryId')) q = q.where('tickets.category_id', '=', p.categoryId);
  if (has('slaStatus')) q = q.where('tickets.sla_status', '=', p.slaStatus);
  if (has('tag')) q = q.where('tickets.id', 'in', db.selectFrom('ticket_tags').select('ticket_id').where('tag', '=', p.tag));
  if (has('dim')) {
    q = q.where('tickets.id', 'in',
      db.selectFrom('ticket_dimension_values as tdv')
        .innerJoin('dimensions as d', 'd.id', 'tdv.dimension_id')
        .innerJoin('dimension_values as dv', 'dv.id', 'tdv.value_id')
        .select('tdv.ticket_id')
        .where('d.code', '=', p.dim)
        .where('dv.code', '=', p.dimValue));
  }
  if (has('custom')) q = q.where('tickets.custom_json', 'like', p.custom);
  if (plan === 'in') q = q.where(matchesFullText(db, p.fts));
  const keys = SORTS[sort];
  if (has('after_0')) {
    // Driving from the index, the cursor bounds the index scan itself.
    q = plan === 'drive' ? q.where(sql<boolean>`ticket_search.rowid < ${p.after_0}`) : q.where(afterCursor(keys, keys.map((_, i) => p[`after_${i}`])));
  }
  if (plan === 'drive') return q.orderBy(sql`ticket_search.rowid`, 'desc');
  for (const [column, dir] of keys) q = q.orderBy(sql.ref(column), dir);
  return q;
}

/**
 * A page of tickets: filters on every field, full text, keyset paging. Compiled once per
 * shape of filters; type, state and queue names from the configuration snapshot (no joins).
 */
export async function listTickets(
  db: DbOrTx,
  q: TicketListQuery,
  scope: TicketScope,
  me: { userId: number; now: string },
  after: (string | number)[] | null,
): Promise<{ items: TicketSummary[]; last: (string | number)[] | null; more: boolean }> {
  if (scope.kind === 'none') return { items: [], last: null, more: false };
  const settings = await helpdeskSnapshot(db);
  const p: ListParams = {};
  const flags: string[] = [];
  const list = (prefix: string, values: readonly (string | number)[]) => values.forEach((v, i) => (p[`${prefix}_${i}`] = v));
  if (scope.kind === 'member_queues') {
    // The actor's queues from the snapshot (as fresh as the request): a list of values
    // instead of a subquery, which spares PostgreSQL's planner a semi-join to guess about.
    const queues = [...settings.queuesById.values()].filter((qu) => qu.members.includes(scope.userId)).map((qu) => qu.id);
    if (!queues.length) return { items: [], last: null, more: false };
    list('scope', queues);
  }
  const categories = q.stateCategory?.split(',') ?? (q.view !== 'all' ? [...ACTIVE] : null);
  if (categories) list('cat', categories);
  if (q.view === 'mine') p.mine = me.userId;
  if (q.view === 'unassigned') flags.push('unassigned');
  if (q.view === 'my_teams') p.myTeams = me.userId;
  if (q.view === 'breaching_soon') p.dueBefore = new Date(new Date(me.now).getTime() + 4 * 3_600_000).toISOString();
  if (q.queueId) p.queueId = q.queueId;
  if (q.stateCode) {
    const ids = [...settings.statesById.values()].filter((st) => st.code === q.stateCode).map((st) => st.id);
    if (!ids.length) return { items: [], last: null, more: false };
    list('state', ids);
  }
  if (q.typeCode) {
    const type = settings.typesByCode.get(q.typeCode);
    if (!type) return { items: [], last: null, more: false };
    p.typeId = type.typeId;
  }
  if (q.priority) list('pri', q.priority.split(','));
  if (q.assigneeId) p.assigneeId = q.assigneeId;
  if (q.teamId) p.teamId = q.teamId;
  if (q.clientId) p.clientId = q.clientId;
  if (q.categoryId) p.categoryId = q.categoryId;
  if (q.slaStatus) p.slaStatus = q.slaStatus;
  if (q.tag) p.tag = q.tag.toLowerCase();
  if (q.dimension) {
    const [dim, value] = q.dimension.split(':') as [string, string];
    p.dim = dim;
    p.dimValue = value;
  }
  if (q.custom) {
    const [key, ...rest] = q.custom.split(':');
    // Custom values are JSON; matching the serialized "key":value pair works alike on both engines.
    p.custom = `%${JSON.stringify(key).slice(0, -1)}":${JSON.stringify(rest.join(':'))}%`;
  }
  let plan: 'none' | 'split' | 'in' | 'drive' = q.sort === 'sla' && categories && categories.length > 1 ? 'split' : 'none';
  const words = q.q ? queryWords(q.q) : [];
  if (words.length) {
    p.fts = fullTextQuery(db, words);
    plan = q.sort === 'newest' && !isPostgres(db) ? 'drive' : 'in';
  }
  if (after) list('after', after);
  p.limit = q.limit + 1;
  const rows = rowArrays(await listStatement(db, p, [q.sort, plan, ...flags].join('|')));
  const page = rows.slice(0, q.limit);
  const keys = SORTS[q.sort];
  const lastRow = page.at(-1);
  const last = lastRow ? keys.map(([column]) => lastRow[COL[column.replace('tickets.', '')]!] as string | number) : null;
  return { items: await listSummaries(db, settings, page), last, more: rows.length > q.limit };
}

async function listSummaries(db: DbOrTx, settings: HelpdeskSnapshot, rows: unknown[][]): Promise<TicketSummary[]> {
  const { type_id: TYPE, state_id: STATE, queue_id: QUEUE } = COL as { type_id: number; state_id: number; queue_id: number };
  // A type, state or queue made after the snapshot was taken (by another process, just now): take a new one.
  const known = (s: HelpdeskSnapshot) => rows.every((r) => s.typesById.has(r[TYPE] as number) && s.statesById.has(r[STATE] as number) && s.queuesById.has(r[QUEUE] as number));
  const names = known(settings) ? settings : await helpdeskSnapshot(db);
  return rows.map((r) => {
    const type = names.typesById.get(r[TYPE] as number)!.type;
    const state = names.statesById.get(r[STATE] as number)!;
    const queue = names.queuesById.get(r[QUEUE] as number)!;
    const assigneeId = r[8] as number | null;
    const tags = r[10] as string;
    return {
      id: r[0] as number,
      number: r[1] as string,
      subject: r[2] as string,
      type: { id: type.id, code: type.code, name: type.name },
      state: { id: state.id, code: state.code, name: state.name, category: r[5] as string },
      priority: r[6] as TicketSummary['priority'],
      queue: { id: queue.id, name: queue.name },
      assignee: assigneeId === null ? null : { id: assigneeId, name: (r[23] as string | null) ?? '' },
      client: { id: r[9] as number, name: r[22] as string },
      tags: tags ? tags.split(' ') : [],
      sla: {
        status: r[11] as string,
        policyId: r[12] as number | null,
        firstResponseDueAt: r[13] as string | null,
        resolutionDueAt: r[14] as string | null,
        dueAt: dueOrNull(r[15] as string | null),
        warnedAt: r[16] as string | null,
        breachedAt: r[17] as string | null,
        breachedMinutes: r[18] as number | null,
      },
      createdAt: r[19] as string,
      updatedAt: r[20] as string,
      version: r[21] as number,
    };
  });
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
    .leftJoin('contracts as ct', 'ct.id', 'tickets.contract_id')
    .select(['tm.name as team_name', 'rc.name as requester_name', 'rc.email as requester_email', 'cat.path as category_path'])
    .select(['tickets.contract_id as contract_id', 'ct.number as contract_number'])
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
    contractId: r.contract_id,
    contractNumber: r.contract_number ?? null,
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
