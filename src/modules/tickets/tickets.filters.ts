import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import {
  afterCursor, fullTextQuery, isPostgres, matchesFullText, preparedQuery, queryWords, type Database, type DbOrTx, type SortKey,
} from '../../platform/db/index.ts';
import { helpdeskSnapshot, queueInTicketScope, type HelpdeskSnapshot } from '../helpdesk/index.ts';
import type { TicketScope } from '../identity/index.ts';
import { escapeLike } from '../../shared/text.ts';
import type { TicketFilterQuery } from './tickets.schemas.ts';

/**
 * The conditions of the ticket list's filters, one place for the list and the count
 * (tickets.read.ts): what a list pages through is exactly what the count counts.
 */

/** The state categories of a ticket still being worked: what the list shows unless asked otherwise. */
export const OPEN_STATE_CATEGORIES = ['new', 'open', 'waiting'] as const;

/**
 * The values of a filtered read, bound to its statement; which of them are present is the
 * statement's shape. (Typed loosely: when the statement is built they hold markers.)
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ListParams = Record<string, any>;

/** The filters as statement values (`p`), the conditions without a value (`flags`), and the state categories asked for. */
export interface TicketFilterParams {
  p: ListParams;
  flags: string[];
  categories: string[] | null;
  settings: HelpdeskSnapshot;
}

/**
 * How a filtered read finds its tickets: `none` and `in` read the tickets (full text as
 * a condition in `in`); `drive` reads the full-text index and joins the tickets (SQLite);
 * `walk` reads the tickets in the order of a sort's own index, at most a budget of them
 * (walkedTickets; SQLite); `scan` reads every ticket in the table's order and checks its
 * queue there instead of reading the queue index (SQLite, a count: SCAN_FROM_SHARE).
 */
export type FilterPlan = 'none' | 'in' | 'drive' | 'walk' | 'scan';

/**
 * The filters of a list or count query in the actor's scope, as statement values; null
 * when nothing can match (no queue in scope, an unknown state or type code, no words).
 */
export async function ticketFilterParams(
  db: DbOrTx,
  q: TicketFilterQuery,
  scope: TicketScope,
  me: { userId: number; now: string },
): Promise<TicketFilterParams | null> {
  if (scope.kind === 'none') return null;
  const settings = await helpdeskSnapshot(db);
  const p: ListParams = {};
  const flags: string[] = [];
  const list = (prefix: string, values: readonly (string | number)[]) => values.forEach((v, i) => (p[`${prefix}_${i}`] = v));
  if (scope.kind === 'member_queues') {
    // The actor's queues from the snapshot (as fresh as the request): a list of values
    // instead of a subquery, which spares PostgreSQL's planner a semi-join to guess about.
    const queues = [...settings.queuesById.values()].filter((qu) => queueInTicketScope(scope, qu)).map((qu) => qu.id);
    if (!queues.length) return null;
    list('scope', queues);
  }
  const categories = q.stateCategory?.split(',') ?? (q.view !== 'all' ? [...OPEN_STATE_CATEGORIES] : null);
  if (categories) list('cat', categories);
  if (q.view === 'mine') p.mine = me.userId;
  if (q.view === 'unassigned') flags.push('unassigned');
  if (q.view === 'my_teams') p.myTeams = me.userId;
  if (q.view === 'breaching_soon') p.dueBefore = new Date(new Date(me.now).getTime() + 4 * 3_600_000).toISOString();
  if (q.queueId) p.queueId = q.queueId;
  if (q.stateCode) {
    const ids = [...settings.statesById.values()].filter((st) => st.code === q.stateCode).map((st) => st.id);
    if (!ids.length) return null;
    list('state', ids);
  }
  if (q.typeCode) {
    const type = settings.typesByCode.get(q.typeCode);
    if (!type) return null;
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
    // The number of dimensions and of their values is part of the statement's shape (its keys).
    dimensionFilters(q.dimension).forEach(({ dimension, values }, i) => {
      p[`dim_${i}`] = dimension;
      list(`dim_${i}_v`, values);
    });
  }
  if (q.custom) {
    const [key, ...rest] = q.custom.split(':');
    const value = rest.join(':');
    p.customKey = key;
    // How it compares is part of the statement's shape (its keys): `contains` binds a pattern, `equals` the value, `byType` both and the text types.
    const { match, textTypeIds } = customMatchOf(settings, key!, p.typeId);
    if (match !== 'contains') p.customValue = value;
    if (match !== 'equals') p.customPattern = customContainsPattern(value);
    if (match === 'byType') list('customText', textTypeIds);
  }
  const words = q.q ? queryWords(q.q) : [];
  if (words.length) {
    const fts = await fullTextQuery(db, words);
    if (fts === null) return null;
    p.fts = fts;
  }
  return { p, flags, categories, settings };
}

/**
 * The flag of a list (SQLite) whose actor's queues hold most tickets and that asks for no
 * queue of its own: the queues are checked on each ticket's row instead of read from the
 * queue index. Read from that index, most of the table comes out in queue order, each
 * ticket's row is looked up for any other filter (type, SLA status, team, category…) and
 * every match is sorted before the first page is known: 0.8–1.5 s a page on a million
 * tickets for an operator in every queue, 80–100 ms with no filter at all. Without it
 * SQLite reads the sort's own index (the due index for SLA order) and stops when the page
 * is full: 1–5 ms where one ticket in seventy matches. A filter that almost nothing matches
 * reads each ticket's row at most once either way (a running SLA, one ticket in a thousand:
 * 1.2 s before, 50–70 ms now), so this never costs much more and usually far less.
 */
export const QUEUES_ON_ROWS = 'queuesOnRows';

/**
 * What a filtered read is for: a page in an order, stopping once it is full (the list), or
 * every match in no order (the count). The conditions are the same; only how a few are
 * written for the planner differs (see unassignedIds).
 */
export type FilterRead = 'page' | 'count';

/**
 * The tickets the filters (`p`, `flags`) keep, with nothing selected yet: the list selects
 * ids and sort keys of these, the count counts them. `category` names the param of the one
 * state category to read instead of all of them (the list's split plan); `walkOrder` is the
 * order the `walk` plan reads the tickets in.
 */
export function filteredTickets(
  db: DbOrTx, p: ListParams, flags: readonly string[], plan: FilterPlan,
  { category = null, read = 'page', walkOrder = [] }: { category?: string | null; read?: FilterRead; walkOrder?: readonly SortKey[] } = {},
) {
  const has = (k: string) => k in p;
  const ins = (prefix: string) => Object.keys(p).filter((k) => k.startsWith(`${prefix}_`)).map((k) => p[k]);
  let q = plan === 'drive'
    ? db.selectFrom('ticket_search').crossJoin('tickets').where(sql<boolean>`tickets.id = ticket_search.rowid`).where(sql<boolean>`ticket_search match ${p.fts}`)
    : plan === 'walk'
      // Named `tickets`, the walked rows take every condition below; they have the columns of the ones a walk is used for.
      ? (db.selectFrom(walkedTickets(db, p, walkOrder).as('tickets')) as unknown as SelectQueryBuilder<Database, 'tickets', object>)
      : db.selectFrom('tickets');
  // `+` (SQLite): the queue is checked on each ticket's row, not read from the queue index (the `scan` plan; QUEUES_ON_ROWS).
  if (has('scope_0')) q = q.where(plan === 'scan' || flags.includes(QUEUES_ON_ROWS) ? sql<number>`+tickets.queue_id` : 'tickets.queue_id', 'in', ins('scope'));
  if (category) q = q.where('tickets.state_category', '=', p[category]);
  else if (has('cat_0')) q = q.where('tickets.state_category', 'in', ins('cat'));
  if (has('mine')) q = q.where('tickets.assignee_id', '=', p.mine);
  if (flags.includes('unassigned')) {
    const unassignedCard = read === 'count' && has('scope_0') && queueIndexAnswersTheRest(p, flags) && !isPostgres(db);
    q = unassignedCard ? q.where(sql<number>`+tickets.id`, 'in', unassignedIds(db, has('cat_0') ? ins('cat') : null)) : q.where('tickets.assignee_id', 'is', null);
  }
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
  // One condition per dimension (all must hold); its values are alternatives (a ticket has one value of a dimension).
  for (let i = 0; has(`dim_${i}`); i++) {
    q = q.where('tickets.id', 'in',
      db.selectFrom('ticket_dimension_values as tdv')
        .innerJoin('dimensions as d', 'd.id', 'tdv.dimension_id')
        .innerJoin('dimension_values as dv', 'dv.id', 'tdv.value_id')
        .select('tdv.ticket_id')
        .where('d.code', '=', p[`dim_${i}`])
        .where('dv.code', 'in', ins(`dim_${i}_v`)));
  }
  if (has('customKey')) {
    const match: CustomMatch = !has('customPattern') ? 'equals' : has('customValue') ? 'byType' : 'contains';
    q = q.where(customFieldHas(db, match, p.customKey, p.customValue, p.customPattern, ins('customText')));
  }
  if (plan === 'in') q = q.where(matchesFullText(db, p.fts));
  return q;
}

/**
 * The unassigned tickets (of these state categories) as a set of ids, for counting the
 * unassigned open tickets of a member's queues on SQLite (the "unassigned" card). Read as
 * `assignee_id is null`, that count walks the assignee index and looks up every unassigned
 * ticket's row for its queue (14–19 ms for 10,000 unassigned open tickets among a million).
 * As a set, the unassigned ids come from the assignee index and the queues' open tickets
 * from the queue index, and neither reads a row (5–8 ms). The `+` keeps SQLite from driving
 * the read by these ids, which would look up the rows after all. Building the set costs
 * about 3 ms however few tickets the queues hold, and another filter reads the rows anyway,
 * so only that count asks this way; one queue asked for (queueId) keeps reading its own
 * index range, and the list keeps `assignee_id is null`: it reads the assignee index in due
 * order and stops after a page.
 */
function unassignedIds(db: DbOrTx, categories: ListParams[string][] | null) {
  const q = db.selectFrom('tickets as unassigned').select('unassigned.id').where('unassigned.assignee_id', 'is', null);
  return categories ? q.where('unassigned.state_category', 'in', categories) : q;
}

/** Whether the read asks nothing but queues (scope), state categories and the `unassigned` flag (`limit` bounds it, asks nothing). */
function queueIndexAnswersTheRest(p: ListParams, flags: readonly string[]): boolean {
  return flags.length === 1 && Object.keys(p).every((k) => k === 'limit' || k.startsWith('scope_') || k.startsWith('cat_'));
}

/**
 * Whether the read asks nothing but the actor's queues (scope) and state categories: the
 * queue index (queue, state category, due, id) holds all it checks, so reading it needs no
 * ticket's row, which beats reading the rows in another index's order when the order needs
 * sorting anyway (newest first among the open tickets of every queue: 3 ms against 60 ms on
 * a million). Such a list keeps the queue index (QUEUES_ON_ROWS).
 */
export function onlyQueuesAndStates(p: ListParams, flags: readonly string[]): boolean {
  return flags.length === 0 && 'scope_0' in p && 'cat_0' in p && Object.keys(p).every((k) => k.startsWith('scope_') || k.startsWith('cat_'));
}

/**
 * Whether the read asks nothing but the actor's queues (scope) and priorities. No index
 * leads with priority, so SQLite reads such a read from the queue index: every ticket of
 * the queues, each one's row for its priority, sorted afterwards for a list. On SQLite it
 * may walk the sort's own index instead (walkedTickets) or, a count, scan the table
 * (tickets.read.ts, scopeShare). (Keys as ticketFilterParams gives them, before paging adds its own.)
 */
export function onlyQueuesAndPriorities(p: ListParams, flags: readonly string[]): boolean {
  return flags.length === 0 && 'scope_0' in p && 'pri_0' in p && Object.keys(p).every((k) => k.startsWith('scope_') || k.startsWith('pri_'));
}

/**
 * Tickets after the cursor (`after_*`, as many values as `keys`) in the order of `keys`.
 * afterCursor compares keys of one direction (as every list sort has) as a row value, which
 * both engines read as a range of the index (`(updated_at, id) < (?, ?)`): a page deep in the
 * list starts where the cursor is.
 */
export function inWalkOrder<O>(q: SelectQueryBuilder<Database, 'tickets', O>, p: ListParams, keys: readonly SortKey[]) {
  if ('after_0' in p) q = q.where(afterCursor(keys, keys.map((_, i) => p[`after_${i}`])));
  for (const [column, dir] of keys) q = q.orderBy(sql.ref(column), dir);
  return q;
}

/**
 * The tickets a walk reads: the next `p.budget` after the cursor in the order of `keys`,
 * which an index of the tickets gives (tickets_due, tickets_created, tickets_updated, the
 * table itself), with the columns its conditions and keys read. The conditions go around
 * it and the page's limit stops it: SQLite runs it as a co-routine, reading the index and
 * each ticket's row only until the page is full. With the tickets of most queues in scope
 * and a priority that a few per cent of them have, a page of 50 is found among a few
 * thousand tickets (1–12 ms on a million, against 0.5–2 s reading every ticket of the
 * queues from the queue index and sorting them). Where matches are rare the budget stops
 * the walk; the caller reads the rest from where it stopped in the usual way.
 */
function walkedTickets(db: DbOrTx, p: ListParams, keys: readonly SortKey[]) {
  const columns = ['tickets.id', 'tickets.queue_id', 'tickets.priority', 'tickets.sla_due_at', 'tickets.created_at', 'tickets.updated_at'] as const;
  return inWalkOrder(db.selectFrom('tickets').select(columns), p, keys).limit(p.budget);
}

/** How many tickets, spread evenly over the ids, tell how large a share of the tickets a scope holds. */
const SAMPLED_TICKETS = 256;

/**
 * Of SAMPLED_TICKETS ids spread evenly from the first to the highest, how many are tickets
 * (ids of deleted ones are gaps) and how many of those are in the scope's queues. Each is
 * one look-up by id: well under a millisecond on a million tickets.
 */
const scopeSampleStatement = preparedQuery((db: DbOrTx, p: ListParams) => {
  const scope = Object.keys(p).filter((k) => k.startsWith('scope_')).map((k) => p[k]);
  return db
    .withRecursive('probe(i)', (qb) => qb.selectNoFrom(sql<number>`0`.as('i'))
      .unionAll((qb) => qb.selectFrom('probe').select(sql<number>`i + 1`.as('i')).where('i', '<', sql.lit(SAMPLED_TICKETS - 1))))
    .selectFrom('probe')
    .innerJoin('tickets', (join) => join.on(sql<boolean>`tickets.id = 1 + (select max(id) from tickets) * probe.i / ${sql.lit(SAMPLED_TICKETS)}`))
    .select([
      sql<number>`count(*)`.as('sampled'),
      sql<number>`count(case when tickets.queue_id in (${sql.join(scope)}) then 1 end)`.as('inScope'),
    ]);
});

/**
 * The share of the tickets that the scope's queues hold, estimated from SAMPLED_TICKETS
 * tickets spread over the ids (0 when there are none): what decides, on SQLite, whether a
 * list that asks only for queues and priorities walks the sort's index and whether its
 * count scans the table (tickets.read.ts). Off by a few per cent at most; 256 look-ups by
 * id cost well under a millisecond on a million tickets.
 */
export async function scopeShare(db: DbOrTx, p: ListParams): Promise<number> {
  const [row] = await scopeSampleStatement(db, Object.fromEntries(Object.entries(p).filter(([k]) => k.startsWith('scope_'))));
  const sampled = Number(row?.sampled ?? 0);
  return sampled ? Number(row!.inScope) / sampled : 0;
}

/**
 * How the custom field filter compares, by the kind of the field with the key that a ticket
 * of the asked type sees (every type when none is asked for): `contains` for text (a part
 * of the text, in any case), `equals` for the rest (an option of a choice or one of a
 * multi-choice's, a number written as text (5, 2.5), a date). A key may name a text field
 * of some types and another kind of others: `byType` then compares a part of the text on
 * tickets of `textTypeIds` and the whole value on the rest. An unknown key keeps `equals`:
 * it matches nothing.
 */
export type CustomMatch = 'contains' | 'equals' | 'byType';

function customMatchOf(settings: HelpdeskSnapshot, key: string, typeId: number | undefined): { match: CustomMatch; textTypeIds: number[] } {
  const typeIds = typeId !== undefined ? [typeId] : [...settings.typesById.keys()];
  const kindsByType = typeIds.map((id) => ({ id, kinds: settings.customFieldsOf(id).filter((f) => f.key === key).map((f) => f.kind) }))
    .filter((type) => type.kinds.length > 0);
  const textTypeIds = kindsByType.filter((type) => type.kinds.includes('text')).map((type) => type.id);
  if (textTypeIds.length === 0) return { match: 'equals', textTypeIds };
  return { match: textTypeIds.length === kindsByType.length ? 'contains' : 'byType', textTypeIds };
}

/**
 * Upper-case letters of Czech and Slovak that SQLite's lower() leaves as they are (it folds
 * ASCII only); PostgreSQL's lower() folds them itself.
 */
const CZECH_SLOVAK_CAPITALS = 'ÁÄČĎÉĚÍĹĽŇÓÔŔŘŠŤÚŮÝŽ';

/** `text` in lower case on either engine, for Czech and Slovak letters too. */
function lowerCase(db: DbOrTx, text: RawBuilder<unknown>): RawBuilder<string> {
  if (isPostgres(db)) return sql<string>`lower(${text})`;
  let folded = text;
  for (const capital of CZECH_SLOVAK_CAPITALS) folded = sql`replace(${folded}, ${sql.lit(capital)}, ${sql.lit(capital.toLowerCase())})`;
  return sql<string>`lower(${folded})`;
}

/**
 * The LIKE pattern of the custom field filter's `contains`: the value in lower case (as
 * lowerCase() gives the stored text) with its `%` and `_` as plain characters.
 */
export function customContainsPattern(value: string): string {
  return `%${escapeLike(value.toLowerCase())}%`;
}

/**
 * Whether the ticket's custom field `key` holds `value` (customMatchOf): a text that
 * contains it in any case (`pattern`, customContainsPattern), or a value equal to it (an
 * option, one of a multi-choice's, a number or a date); `byType`, the first on tickets of
 * `textTypeIds` and the second on the rest. Read with the engines' JSON
 * functions; a user's `%` or `_` is just a character either way.
 */
function customFieldHas(
  db: DbOrTx, match: CustomMatch, key: unknown, value: unknown, pattern: unknown, textTypeIds: readonly unknown[],
): RawBuilder<boolean> {
  const element = isPostgres(db) ? sql`e.v` : sql`cast(e.value as text)`;
  const equals = sql<boolean>`${element} = cast(${value} as text)`;
  const contains = sql<boolean>`${lowerCase(db, element)} like cast(${pattern} as text) escape '\\'`;
  const textType = match === 'byType' ? sql`tickets.type_id in (${sql.join(textTypeIds)})` : sql``;
  const condition = match === 'equals' ? equals
    : match === 'contains' ? contains
      : sql<boolean>`((${textType} and ${contains}) or (not ${textType} and ${equals}))`;
  if (isPostgres(db)) {
    const field = sql`(tickets.custom_json::jsonb -> cast(${key} as text))`;
    return sql<boolean>`exists (select 1 from jsonb_array_elements_text(case jsonb_typeof(${field}) when 'array' then ${field} else jsonb_build_array(${field}) end) as e(v) where ${condition})`;
  }
  // json_each of a scalar is that one value; of an array, its elements. Keys are [\w-]+ (listQuery): safe inside the quoted path.
  return sql<boolean>`exists (select 1 from json_each(tickets.custom_json, '$."' || ${key} || '"') as e where ${condition})`;
}

/**
 * The `dimension` filter (dimensionCode:valueCode, comma-separated; listQuery checked its
 * form) grouped by dimension, in the order first named: the values of one dimension are
 * alternatives, each dimension a condition of its own. A value named twice counts once.
 */
function dimensionFilters(text: string): { dimension: string; values: string[] }[] {
  const byDimension = new Map<string, Set<string>>();
  for (const pair of text.split(',')) {
    const [dimension, value] = pair.split(':') as [string, string];
    let values = byDimension.get(dimension);
    if (!values) byDimension.set(dimension, (values = new Set()));
    values.add(value);
  }
  return [...byDimension].map(([dimension, values]) => ({ dimension, values: [...values] }));
}
