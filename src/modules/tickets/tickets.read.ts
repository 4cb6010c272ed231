import { sql, type RawBuilder, type Selectable } from 'kysely';
import {
  afterCursor, arrayRows, idParams, isPostgres, preparedQuery, rowArrays, type DbOrTx, type SortKey, type TicketsTable,
} from '../../platform/db/index.ts';
import { markdownToSafeHtml } from '../../shared/markdown.ts';
import type { TicketScope } from '../identity/index.ts';
import {
  filteredTickets, inWalkOrder, onlyQueuesAndPriorities, onlyQueuesAndStates, QUEUES_ON_ROWS, scopeShare, ticketFilterParams, type FilterPlan, type ListParams,
} from './tickets.filters.ts';
import { renderedItemsOf } from './tickets.list-cache.ts';
import { NO_DUE } from './tickets.repo.ts';
import { TICKET_COUNT_CAP, type Ticket, type TicketCount, type TicketFilterQuery, type TicketListQuery, type TicketSummary, type TimelineItem } from './tickets.schemas.ts';

/** Reading tickets for the API: list with filters (tickets.filters.ts) and keyset paging, count, detail, timeline. */


const SORTS: Record<TicketListQuery['sort'], readonly SortKey[]> = {
  sla: [['tickets.sla_due_at', 'asc'], ['tickets.id', 'asc']],
  created: [['tickets.created_at', 'asc'], ['tickets.id', 'asc']],
  '-created': [['tickets.created_at', 'desc'], ['tickets.id', 'desc']],
  priority: [['tickets.priority', 'asc'], ['tickets.sla_due_at', 'asc'], ['tickets.id', 'asc']],
  updated: [['tickets.updated_at', 'desc'], ['tickets.id', 'desc']],
  newest: [['tickets.id', 'desc']],
};

/**
 * The order a walk (the `walk` plan) reads the tickets in for each sort: the sort's own,
 * an index's order. A priority sort is walked one priority at a time (walkedPage), and
 * the tickets of one priority in priority order are in SLA order.
 */
const WALK_ORDERS: Record<TicketListQuery['sort'], readonly SortKey[]> = { ...SORTS, priority: SORTS.sla };

/**
 * The most tickets a walk reads for one page: 20,000 cost 5–25 ms on a million tickets
 * (in due or update order each row is a look-up elsewhere in the table; in creation order
 * the rows are neighbours). A page whose matches are rarer than one in 400 is finished the
 * usual way after that, so a walk never costs more than that on top of what the list cost
 * before.
 */
export const WALK_BUDGET = 20_000;

/**
 * From what share of the tickets in the actor's queues a count that asks only for queues
 * and priorities reads the whole table in its order (the `scan` plan) instead of the
 * queues' tickets from the queue index (SQLite). A row read in the table's order costs
 * about 0.3 µs, one looked up from the index 1.4–1.8 µs, and either way the count stops
 * at its cap: the scan pays off from about a fifth. A member of every queue counts the
 * 10,000 of a priority that 2 % of a million tickets have in 0.15–0.2 s instead of 0.5–0.6 s.
 */
const SCAN_FROM_SHARE = 1 / 3;

/**
 * From what share of the tickets in the actor's queues a list that asks for no queue checks
 * the queues on each ticket's row (QUEUES_ON_ROWS, SQLite). Where the queues hold a third of
 * the tickets, a page sorted by an index is found among about three times its size of the
 * sort's order, against a third of the table read from the queue index and sorted.
 */
const QUEUES_ON_ROWS_FROM_SHARE = 1 / 3;

/** Tickets with what their summary names: type `tt`, state `ts`, queue `q`, client `c`, assignee `a`. */
function withSummaryNames(db: DbOrTx) {
  return db
    .selectFrom('tickets')
    .innerJoin('ticket_types as tt', 'tt.id', 'tickets.type_id')
    .innerJoin('ticket_states as ts', 'ts.id', 'tickets.state_id')
    .innerJoin('queues as q', 'q.id', 'tickets.queue_id')
    .innerJoin('clients as c', 'c.id', 'tickets.client_id')
    .leftJoin('users as a', 'a.id', 'tickets.assignee_id');
}

function summaryQuery(db: DbOrTx) {
  return withSummaryNames(db)
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

type JsonPart = readonly [key: string, value: RawBuilder<unknown>];

/** A JSON object of these keys and values, written by the database (PostgreSQL: a json value, SQLite: JSON text). */
function jsonObject(pg: boolean, parts: readonly JsonPart[]): RawBuilder<unknown> {
  const args = sql.join(parts.flatMap(([key, value]) => [sql.lit(key), value]));
  return pg ? sql`json_build_object(${args})` : sql`json_object(${args})`;
}

/**
 * A list item as JSON text written by the database: the TicketSummary that toSummary()
 * makes of a read, key for key (a property test in test/tickets-fast-paths.test.ts holds
 * the two together). Turning fifty wide rows into JavaScript values and those into JSON
 * again was most of the cost of a list page. Reads `tickets` with `tt`, `ts`, `q`, `c`
 * and `a` joined (see listStatement).
 */
function summaryJson(db: DbOrTx): RawBuilder<string> {
  const pg = isPostgres(db);
  const t = (column: string) => sql.ref(`tickets.${column}`);
  // SQLite: a nested object keeps its JSON type through json(); a CASE alone would make it a string.
  const asJson = (value: RawBuilder<unknown>) => (pg ? value : sql`json(${value})`);
  const tags = pg
    ? sql`coalesce(to_json(string_to_array(nullif(tickets.tags_text, ''), ' ')), '[]'::json)`
    : // Tags hold no white space (normalizeTags): the quoted list's spaces are its separators.
      sql`json(case when tickets.tags_text = '' then '[]' else '[' || replace(json_quote(tickets.tags_text), ' ', '","') || ']' end)`;
  const item = jsonObject(pg, [
    ['id', t('id')],
    ['number', t('number')],
    ['subject', t('subject')],
    ['type', jsonObject(pg, [['id', sql.ref('tt.id')], ['code', sql.ref('tt.code')], ['name', sql.ref('tt.name')]])],
    ['state', jsonObject(pg, [['id', sql.ref('ts.id')], ['code', sql.ref('ts.code')], ['name', sql.ref('ts.name')], ['category', t('state_category')]])],
    ['priority', t('priority')],
    ['queue', jsonObject(pg, [['id', sql.ref('q.id')], ['name', sql.ref('q.name')]])],
    ['assignee', asJson(sql`case when tickets.assignee_id is null then null else ${jsonObject(pg, [['id', t('assignee_id')], ['name', sql`coalesce(a.name, '')`]])} end`)],
    ['client', jsonObject(pg, [['id', sql.ref('c.id')], ['name', sql.ref('c.name')]])],
    ['tags', tags],
    ['sla', jsonObject(pg, [
      ['status', t('sla_status')],
      ['policyId', t('sla_policy_id')],
      ['firstResponseDueAt', t('sla_first_response_due_at')],
      ['resolutionDueAt', t('sla_resolution_due_at')],
      ['dueAt', sql`case when tickets.sla_due_at = ${sql.lit(NO_DUE)} then null else tickets.sla_due_at end`],
      ['warnedAt', t('sla_warned_at')],
      ['breachedAt', t('sla_breached_at')],
      ['breachedMinutes', t('sla_breached_minutes')],
    ])],
    ['createdAt', t('created_at')],
    ['updatedAt', t('updated_at')],
    ['version', t('version')],
  ]);
  return (pg ? sql`${item}::text` : item) as RawBuilder<string>;
}

/** The sort key columns of a page, as the inner read selects them (k0, k1, …). */
const keyAlias = (i: number) => `k${i}`;

/**
 * The list statement for one shape of filters: built and compiled once (preparedQuery),
 * then run with the values. `shape` names the sort, the plan and the conditions that
 * have no value of their own; `p`'s keys name the others.
 *
 * An inner read finds the page: ids and sort keys only, from the indexes where they
 * cover it, ordered and limited. Only then are the page's rows read and written as
 * JSON (summaryJson), one item and its keys per row. Plans of the inner read:
 * - none: filter and sort the tickets (an index matching filter and order does the work);
 * - split: several state categories, SLA order: one ordered, limited read per category
 *   (each an index range in due order) merged, instead of sorting every matching ticket;
 * - in: full text as a condition (`tickets.id in (matches)`), then the requested order;
 * - drive: full text driving the read (SQLite, newest first): the index gives the matches
 *   newest first and the page stops the scan, however many tickets contain the words;
 * - walk: queues and priorities alone (SQLite): the sort's index read in order, at most
 *   `p.budget` tickets after the cursor (`after_*` in WALK_ORDERS' keys), each ticket's
 *   row checked (walkedPage).
 */
const listStatement = preparedQuery((db: DbOrTx, p: ListParams, shape: string) => {
  const [sort, plan, ...flags] = shape.split('|') as [TicketListQuery['sort'], 'none' | 'split' | FilterPlan, ...string[]];
  const keys = SORTS[sort];
  let page: ReturnType<typeof listArm>;
  if (plan !== 'split') page = listArm(db, p, plan, sort, flags, null).limit(p.limit);
  else {
    const categories = Object.keys(p).filter((k) => k.startsWith('cat_'));
    const arms = categories.map((cat, i) => db.selectFrom(listArm(db, p, 'none', sort, flags, cat).limit(p.limit).as(`arm${i}`)).selectAll());
    let merged = arms[0]!;
    for (const arm of arms.slice(1)) merged = merged.unionAll(arm);
    for (const [i, [, dir]] of keys.entries()) merged = merged.orderBy(sql.ref(keyAlias(i)), dir);
    // Typed as one arm: the union has the same columns (id, k0, …).
    page = merged.limit(p.limit) as unknown as ReturnType<typeof listArm>;
  }
  let q = db
    .selectFrom('tickets')
    .innerJoin(page.as('page'), 'page.id', 'tickets.id')
    .select(['tickets.id', 'tickets.row_rev', ...keys.map((_, i) => sql.ref(`page.${keyAlias(i)}`).as(keyAlias(i)))])
    .modifyFront(arrayRows);
  for (const [i, [, dir]] of keys.entries()) q = q.orderBy(sql.ref(`page.${keyAlias(i)}`), dir);
  return q;
});

/** Tickets (idParams) as list items (summaryJson) with the row_rev they were written at: [id, row_rev, item]. */
const itemsStatement = preparedQuery((db: DbOrTx, ids: Record<string, number>) =>
  withSummaryNames(db)
    .select(['tickets.id', 'tickets.row_rev', summaryJson(db).as('item')])
    .where('tickets.id', 'in', Object.values(ids))
    .modifyFront(arrayRows));

/** The filtered, ordered read of one list statement (of one state category when `category` names its param). */
function listArm(db: DbOrTx, p: ListParams, plan: FilterPlan, sort: TicketListQuery['sort'], flags: string[], category: string | null) {
  let q = filteredTickets(db, p, flags, plan, { category, walkOrder: WALK_ORDERS[sort] })
    .select(['tickets.id as id', ...SORTS[sort].map(([column], i) => sql.ref(column).as(keyAlias(i)))]);
  const keys = SORTS[sort];
  // A walk starts after the cursor itself (walkedTickets), and its rows come in order: SQLite sorts nothing here.
  if ('after_0' in p && plan !== 'walk') {
    // Driving from the index, the cursor bounds the index scan itself.
    q = plan === 'drive' ? q.where(sql<boolean>`ticket_search.rowid < ${p.after_0}`) : q.where(afterCursor(keys, keys.map((_, i) => p[`after_${i}`])));
  }
  if (plan === 'drive') return q.orderBy(sql`ticket_search.rowid`, 'desc');
  for (const [column, dir] of keys) q = q.orderBy(sql.ref(column), dir);
  return q;
}

/** A page of the list: its items (each a TicketSummary as JSON, UTF-8 bytes), the last item's sort keys, and whether more follow. */
export interface TicketPage {
  items: Buffer[];
  last: (string | number)[] | null;
  more: boolean;
}

const EMPTY_PAGE: TicketPage = { items: [], last: null, more: false };

/**
 * A page of tickets: filters on every field, full text, keyset paging. Compiled once per shape of filters.
 * `walkBudget`: the most tickets a walk reads (WALK_BUDGET).
 */
export async function listTickets(
  db: DbOrTx,
  q: TicketListQuery,
  scope: TicketScope,
  me: { userId: number; now: string },
  after: (string | number)[] | null,
  walkBudget: number = WALK_BUDGET,
): Promise<TicketPage> {
  const filters = await ticketFilterParams(db, q, scope, me);
  if (!filters) return EMPTY_PAGE;
  const { p, flags, categories, settings } = filters;
  const budget = Math.max(1, walkBudget);
  // The share of the tickets in the actor's queues matters where no queue is asked for (SQLite): a member of a few reads
  // them from the queue index. Queues and states alone are read from that index whatever the share (onlyQueuesAndStates),
  // and full text keeps its own plans (below): neither takes the sample, which costs about as much as a search's page.
  const share = !isPostgres(db) && 'scope_0' in p && !('queueId' in p) && !('fts' in p) && !onlyQueuesAndStates(p, flags) ? await scopeShare(db, p) : 0;
  let rows: unknown[][];
  // A walk only where its budget is expected to hold a page's worth of the queues' tickets: a few queues' tickets are read faster from their index.
  if (onlyQueuesAndPriorities(p, flags) && share * budget >= q.limit + 1) rows = await walkedPage(db, p, q.sort, after, q.limit + 1, budget);
  else {
    let plan: 'none' | 'split' | FilterPlan = q.sort === 'sla' && categories && categories.length > 1 ? 'split' : 'none';
    if ('fts' in p) plan = q.sort === 'newest' && !isPostgres(db) ? 'drive' : 'in';
    // Full text keeps its own plans: the matches drive the read, or the index of words does.
    const shapeFlags = share >= QUEUES_ON_ROWS_FROM_SHARE && plan !== 'in' && plan !== 'drive' ? [...flags, QUEUES_ON_ROWS] : flags;
    if (after) after.forEach((v, i) => (p[`after_${i}`] = v));
    p.limit = q.limit + 1;
    rows = rowArrays(await listStatement(db, p, [q.sort, plan, ...shapeFlags].join('|')));
  }
  const page = rows.slice(0, q.limit);
  const lastRow = page.at(-1);
  return {
    items: await pageItems(db, page, settings.version),
    last: lastRow ? (lastRow.slice(2) as (string | number)[]) : null,
    more: rows.length > q.limit,
  };
}

/** The cursor's values as the params of a statement (`after_0`, …); none without a cursor. */
const cursorParams = (after: readonly (string | number)[] | null) => Object.fromEntries((after ?? []).map((v, i) => [`after_${i}`, v]));

/**
 * The keys (as WALK_ORDERS has them) of the last ticket that a walk of `p.budget` tickets
 * after the cursor reads, where the rest of the list starts; none when the walk reaches
 * the last ticket. Read from the index alone: about a millisecond for 20,000 tickets.
 */
const walkEndStatement = preparedQuery((db: DbOrTx, p: ListParams, sort: string) => {
  const keys = WALK_ORDERS[sort as TicketListQuery['sort']];
  const q = db.selectFrom('tickets').select(keys.map(([column], i) => sql.ref(column).as(keyAlias(i)))).modifyFront(arrayRows);
  return inWalkOrder(q, p, keys).limit(1).offset(p.skip);
});

/**
 * The rows ([id, row_rev, …keys]) of a page of a list that asks only for the actor's
 * queues and priorities, on SQLite: `limit` of them, after the cursor `after`, in the
 * order of `sort`. Read as the list statement does, SQLite takes the queue index for the
 * queues (the only index they have) and sorts every ticket of the queues: 0.5–2 s for a
 * member of most queues of a million tickets. Instead the sort's own index is walked
 * (the `walk` plan), at most `budget` tickets; if the page is not full by then, the rest
 * is read the usual way after the last ticket the walk read (the order is the same, so
 * the rows simply follow). A priority sort is the priorities one after the other, each in
 * SLA order.
 */
async function walkedPage(db: DbOrTx, filters: ListParams, sort: TicketListQuery['sort'], after: (string | number)[] | null, limit: number, budget: number): Promise<unknown[][]> {
  if (sort !== 'priority') return walkedRows(db, filters, sort, after, limit, budget);
  const others = Object.fromEntries(Object.entries(filters).filter(([k]) => !k.startsWith('pri_')));
  const priorities = [...new Set(Object.keys(filters).filter((k) => k.startsWith('pri_')).map((k) => filters[k] as string))].sort();
  const rows: unknown[][] = [];
  for (const priority of priorities) {
    // The cursor (priority, due, id): its priority's tickets after (due, id), the next priorities' from their first.
    if (after && priority < (after[0] as string)) continue;
    const within = after && priority === after[0] ? after.slice(1) : null;
    rows.push(...(await walkedRows(db, { ...others, pri_0: priority }, sort, within, limit - rows.length, budget)));
    if (rows.length >= limit) break;
  }
  return rows;
}

/** walkedPage's read for one sort order (`after` in WALK_ORDERS' keys): the walk, then the usual read where it stopped. */
async function walkedRows(db: DbOrTx, filters: ListParams, sort: TicketListQuery['sort'], after: (string | number)[] | null, limit: number, budget: number): Promise<unknown[][]> {
  const rows = rowArrays(await listStatement(db, { ...filters, ...cursorParams(after), budget, limit }, `${sort}|walk`));
  if (rows.length >= limit) return rows;
  const [end] = rowArrays(await walkEndStatement(db, { ...cursorParams(after), skip: budget - 1 }, sort));
  if (!end) return rows;
  // A priority sort's keys lead with the priority (one here), the walk's do not.
  const from = sort === 'priority' ? [filters.pri_0, ...end] : end;
  return [...rows, ...rowArrays(await listStatement(db, { ...filters, ...cursorParams(from as (string | number)[]), limit: limit - rows.length }, `${sort}|none`))];
}

/**
 * How many tickets the filters keep, counting at most `p.limit` of them: the inner read
 * stops there, so a count never reads more than the cap's worth of index entries however
 * many tickets match (all of a million, unfiltered).
 */
const countStatement = preparedQuery((db: DbOrTx, p: ListParams, shape: string) => {
  const [plan, ...flags] = shape.split('|') as [FilterPlan, ...string[]];
  const hits = filteredTickets(db, p, flags, plan, { read: 'count' }).select('tickets.id').limit(p.limit);
  return db.selectFrom(hits.as('hits')).select(sql<number | string>`count(*)`.as('n'));
});

/**
 * The number of tickets the list with these filters pages through, in the same scope;
 * above `cap` the answer is the cap, marked capped (GET /tickets/count: TICKET_COUNT_CAP).
 */
export async function countTickets(
  db: DbOrTx,
  q: TicketFilterQuery,
  scope: TicketScope,
  me: { userId: number; now: string },
  cap: number = TICKET_COUNT_CAP,
): Promise<TicketCount> {
  const filters = await ticketFilterParams(db, q, scope, me);
  if (!filters) return { count: 0, capped: false };
  const { p, flags } = filters;
  // Full text is a condition here (the `in` plan): a count has no order for the index to drive.
  let plan: FilterPlan = 'fts' in p ? 'in' : 'none';
  if (!isPostgres(db) && onlyQueuesAndPriorities(p, flags) && (await scopeShare(db, p)) >= SCAN_FROM_SHARE) plan = 'scan';
  const [row] = await countStatement(db, { ...p, limit: cap + 1 }, [plan, ...flags].join('|'));
  const found = Number(row?.n ?? 0);
  return { count: Math.min(found, cap), capped: found > cap };
}

/**
 * The items of a page's rows ([id, row_rev, …]) in their order: kept ones where the row
 * is unchanged (tickets.list-cache.ts), the others written by the database now and kept.
 * A ticket deleted since the page was read is left out.
 */
async function pageItems(db: DbOrTx, page: unknown[][], configVersion: number): Promise<Buffer[]> {
  const kept = renderedItemsOf(db);
  // A snapshot without a configuration version (-1: a database before migration 0005) keeps nothing.
  const keeping = configVersion >= 0 && !db.isTransaction;
  const items: (Buffer | undefined)[] = page.map(([id, rev]) => (keeping ? kept.get(id as number, Number(rev), configVersion) : undefined));
  const missing = page.filter((_, i) => items[i] === undefined).map(([id]) => id as number);
  if (!missing.length) return items as Buffer[];
  const written = new Map<number, Buffer>();
  for (const [id, rev, item] of rowArrays(await itemsStatement(db, idParams(missing)))) {
    // A buffer of its own, not a slice of Node's shared 8 KB pool: a kept item must not keep the others' memory alive.
    const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(item as string));
    bytes.write(item as string);
    written.set(id as number, bytes);
    if (keeping) kept.set(id as number, Number(rev), configVersion, bytes);
  }
  return page.flatMap(([id], i) => items[i] ?? written.get(id as number) ?? []);
}

export async function visibleTicketIds(db: DbOrTx, ids: readonly number[], scope: TicketScope): Promise<number[]> {
  if (!ids.length || scope.kind === 'none') return [];
  let sel = db.selectFrom('tickets').select('id').where('id', 'in', ids);
  if (scope.kind === 'member_queues') {
    sel = sel.where('queue_id', 'in', db.selectFrom('queue_members').select('queue_id').where('user_id', '=', scope.userId));
  }
  return (await sel.execute()).map((r) => r.id);
}

export async function readTicket(db: DbOrTx, id: number, scope: TicketScope): Promise<Omit<Ticket, 'allowedTransitions' | 'slaTargets' | 'mailRecipients'> | null> {
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
