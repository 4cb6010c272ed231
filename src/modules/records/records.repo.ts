import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import { afterCursor, preparedQuery, type DbOrTx, type RecordsTable, type SortKey } from '../../platform/db/index.ts';
import { formatQuantity } from '../../shared/quantity.ts';
import type { TicketScope } from '../identity/index.ts';
import type { StoredPricing } from './records.pricing.ts';
import type { RecordFilters, ServiceRecord } from './records.schemas.ts';
import type { StoredExplanationLine } from '../pricing/index.ts';

/** SQL of service records and timers; takes db-or-transaction first; maps rows to API objects. */

/** A record as read: its price's explanation still as data, put into the reader's words by presenter(). */
export type StoredRecord = Omit<ServiceRecord, 'price' | 'coverage'> & {
  price: Omit<ServiceRecord['price'], 'explanation'> & { explanation: StoredExplanationLine[] };
};

export type TimeClass = 'normal' | 'out_of_hours' | 'weekend_holiday';

/** A record's own values, checked and normalised (what is stored and priced). */
export interface RecordValues {
  kind: 'work' | 'travel' | 'fee';
  ticketId: number;
  clientId: number;
  technicianId: number;
  date: string;
  startTime: string | null;
  minutes: number;
  workTypeId: number | null;
  timeClassOverride: TimeClass | null;
  kmMilli: number | null;
  zoneId: number | null;
  vehicle: string | null;
  feeId: number | null;
  quantityMilli: number | null;
  billable: boolean;
  description: string;
  internalNote: string;
  dimensions: Record<string, string>;
}

export function valueColumns(v: RecordValues): Updateable<RecordsTable> {
  return {
    technician_id: v.technicianId, date: v.date, start_time: v.startTime, minutes: v.minutes,
    work_type_id: v.workTypeId, time_class_overridden: v.timeClassOverride ? 1 : 0,
    km_milli: v.kmMilli, zone_id: v.zoneId, vehicle: v.vehicle, fee_id: v.feeId, quantity_milli: v.quantityMilli,
    billable: v.billable ? 1 : 0, description: v.description, internal_note: v.internalNote,
    dimensions_json: JSON.stringify(v.dimensions),
  };
}

// Compiled once per set of columns (preparedQuery): building the insert cost more than running it.
// It returns the id alone: on SQLite, `returning *` took 12–20 µs more per record than
// `returning id` (the row is materialised, then turned into a 40-key object).
const insertRecordRow = preparedQuery((db, row: Insertable<RecordsTable>) => db.insertInto('records').values(row).returning('id'));

/**
 * What a new record's row holds in the columns its insert leaves out: the table's
 * defaults (migrations). The property test "a new record’s answer is the record as
 * reading it back shows it" holds the two together.
 */
const RECORD_DEFAULTS = {
  contract_id: null, start_time: null, minutes: 0, work_type_id: null, time_class: null, time_class_overridden: 0,
  km_milli: null, zone_id: null, vehicle: null, fee_id: null, item_id: null, quantity_milli: null,
  description: '', internal_note: '', approved_by: null, approved_at: null, billed_invoice_id: null,
  price_list_id: null, price_valid_from: null, currency: null, billable_minutes: null, amount_minor: null, cost_minor: null,
  vat_category: null, price_error: null, pricing_json: null, dimensions_json: '{}', created_by: null, version: 1,
  cost_currency: null, return_reason: null,
} as const;

/** Writes a record; returns its stored columns (what it wrote over the table's defaults, not read back). */
export async function insertRecord(db: DbOrTx, values: Insertable<RecordsTable>): Promise<Selectable<RecordsTable>> {
  // Columns left undefined take their defaults, as with Kysely's own insert.
  let row = values;
  for (const key in values) {
    if (values[key as keyof typeof values] === undefined) {
      row = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Insertable<RecordsTable>;
      break;
    }
  }
  const [inserted] = await insertRecordRow(db, row);
  if (!inserted) throw new Error('records: the insert returned no row');
  // Object.assign onto a fresh literal, not spreads (docs/ARCHITECTURE.md, “Hot paths”).
  return Object.assign({ id: Number(inserted.id) }, RECORD_DEFAULTS, row) as Selectable<RecordsTable>;
}

/** Writes only over the version the caller read; false when someone else changed it first. */
export async function updateRecord(db: DbOrTx, id: number, version: number, values: Updateable<RecordsTable>): Promise<boolean> {
  const r = await db.updateTable('records').set({ ...values, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteRecord(db: DbOrTx, id: number, version: number): Promise<boolean> {
  const r = await db.deleteFrom('records').where('id', '=', id).where('version', '=', version).where('billed_invoice_id', 'is', null).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export function findRecordRow(db: DbOrTx, id: number) {
  return db.selectFrom('records').selectAll().where('id', '=', id).executeTakeFirst();
}

function recordQuery(db: DbOrTx) {
  return db
    .selectFrom('records as r')
    .innerJoin('tickets as t', 't.id', 'r.ticket_id')
    .innerJoin('clients as c', 'c.id', 'r.client_id')
    .innerJoin('users as tech', 'tech.id', 'r.technician_id')
    .leftJoin('users as ap', 'ap.id', 'r.approved_by')
    .leftJoin('work_types as wt', 'wt.id', 'r.work_type_id')
    .leftJoin('travel_zones as z', 'z.id', 'r.zone_id')
    .leftJoin('unit_fees as f', 'f.id', 'r.fee_id')
    .leftJoin('items as it', 'it.id', 'r.item_id')
    .selectAll('r')
    .select([
      't.number as ticket_number', 't.subject as ticket_subject', 'c.name as client_name', 'tech.name as technician_name',
      'ap.name as approver_name', 'wt.code as work_type_code', 'wt.name as work_type_name', 'z.code as zone_code', 'z.name as zone_name',
      'f.code as fee_code', 'f.name as fee_name', 'f.unit as fee_unit', 'it.code as item_code', 'it.name as item_name', 'it.unit as item_unit',
    ]);
}

type RecordRow = Awaited<ReturnType<ReturnType<typeof recordQuery>['executeTakeFirstOrThrow']>>;

/**
 * What a record's answer shows beside its own columns: the names of what it refers
 * to. A read joins them; a write that has them in hand passes them (toRecord's second
 * argument), so one mapping serves both.
 */
export type RecordNames = Omit<RecordRow, keyof Selectable<RecordsTable>>;

/** Rows the actor's ticket scope lets through (records follow their tickets). */
function scoped<Q extends ReturnType<typeof recordQuery>>(db: DbOrTx, sel: Q, scope: TicketScope): Q {
  if (scope.kind !== 'member_queues') return sel;
  return sel.where('t.queue_id', 'in', db.selectFrom('queue_members').select('queue_id').where('user_id', '=', scope.userId)) as Q;
}

export function toRecord(r: Selectable<RecordsTable>, n: RecordNames): StoredRecord {
  const pricing: Partial<StoredPricing> = r.pricing_json ? (JSON.parse(r.pricing_json) as StoredPricing) : {};
  return {
    id: r.id,
    kind: r.kind,
    ticket: { id: r.ticket_id, number: n.ticket_number, subject: n.ticket_subject },
    client: { id: r.client_id, name: n.client_name },
    contractId: r.contract_id,
    technician: { id: r.technician_id, name: n.technician_name },
    date: r.date,
    startTime: r.start_time,
    minutes: r.minutes,
    workType: r.work_type_id === null ? null : { id: r.work_type_id, code: n.work_type_code ?? '', name: n.work_type_name ?? '' },
    timeClass: r.time_class as TimeClass | null,
    timeClassOverridden: r.time_class_overridden === 1,
    km: r.km_milli === null ? null : formatQuantity(r.km_milli),
    zone: r.zone_id === null ? null : { id: r.zone_id, code: n.zone_code ?? '', name: n.zone_name ?? '' },
    vehicle: r.vehicle,
    fee: r.fee_id === null ? null : { id: r.fee_id, code: n.fee_code ?? '', name: n.fee_name ?? '', unit: n.fee_unit ?? '' },
    item: r.item_id === null ? null : { id: r.item_id, code: n.item_code ?? '', name: n.item_name ?? '', unit: n.item_unit ?? '' },
    quantity: r.quantity_milli === null ? null : formatQuantity(r.quantity_milli),
    billable: r.billable === 1,
    description: r.description,
    internalNote: r.internal_note,
    state: r.state,
    approvedBy: r.approved_by === null ? null : { id: r.approved_by, name: n.approver_name ?? '' },
    approvedAt: r.approved_at,
    billedInvoiceId: r.billed_invoice_id,
    returnReason: r.return_reason,
    price: {
      status: r.price_error === null ? 'priced' : 'no_price',
      reason: r.price_error,
      message: r.price_error === null ? null : (pricing.message ?? r.price_error),
      priceListId: r.price_list_id,
      validFrom: r.price_valid_from,
      currency: r.currency,
      billableMinutes: r.billable_minutes,
      vatCategory: r.vat_category,
      explanation: pricing.explanation ?? [],
      costCurrency: pricing.costCurrency ?? null,
    },
    amountMinor: r.amount_minor,
    costMinor: r.cost_minor,
    dimensions: JSON.parse(r.dimensions_json) as Record<string, string>,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

// Read back after every write: compiled once (preparedQuery), the join is costly to build.
const recordById = preparedQuery((db, p: { id: number }) => recordQuery(db).where('r.id', '=', p.id));
const memberRecordById = preparedQuery((db, p: { id: number; userId: number }) =>
  scoped(db, recordQuery(db).where('r.id', '=', p.id), { kind: 'member_queues', userId: p.userId }),
);

export async function readRecord(db: DbOrTx, id: number, scope: TicketScope): Promise<StoredRecord | null> {
  if (scope.kind === 'none') return null;
  const [row] = scope.kind === 'member_queues' ? await memberRecordById(db, { id, userId: scope.userId }) : await recordById(db, { id });
  return row ? toRecord(row, row) : null;
}

const SORTS: Record<'date' | '-date', readonly SortKey[]> = {
  date: [['r.date', 'asc'], ['r.id', 'asc']],
  '-date': [['r.date', 'desc'], ['r.id', 'desc']],
};

type ListFilters = RecordFilters & { technicianIds?: readonly number[] };

/** Records matching the filters inside the scope (not `none`): the conditions the list and the count share. */
function filteredRecords(db: DbOrTx, f: ListFilters, scope: TicketScope) {
  let sel = scoped(db, recordQuery(db), scope);
  if (f.technicianId) sel = sel.where('r.technician_id', '=', f.technicianId);
  if (f.technicianIds) sel = f.technicianIds.length ? sel.where('r.technician_id', 'in', f.technicianIds) : sel.where(sql<boolean>`1 = 0`);
  if (f.clientId) sel = sel.where('r.client_id', '=', f.clientId);
  if (f.ticketId) sel = sel.where('r.ticket_id', '=', f.ticketId);
  if (f.from) sel = sel.where('r.date', '>=', f.from);
  if (f.to) sel = sel.where('r.date', '<=', f.to);
  if (f.state) sel = sel.where('r.state', 'in', f.state.split(',') as RecordsTable['state'][]);
  if (f.kind) sel = sel.where('r.kind', 'in', f.kind.split(',') as RecordsTable['kind'][]);
  if (f.billable) sel = sel.where('r.billable', '=', f.billable === 'true' ? 1 : 0);
  return sel;
}

/** Records matching the filters inside the scope, in date order; keyset paging after `after`. */
export async function listRecords(
  db: DbOrTx,
  f: ListFilters,
  scope: TicketScope,
  page: { sort: 'date' | '-date'; limit: number; after: (string | number)[] | null },
): Promise<StoredRecord[]> {
  if (scope.kind === 'none') return [];
  let sel = filteredRecords(db, f, scope);
  const keys = SORTS[page.sort];
  if (page.after) sel = sel.where(afterCursor(keys, page.after));
  for (const [column, dir] of keys) sel = sel.orderBy(sql.ref(column), dir);
  return (await sel.limit(page.limit).execute()).map((r) => toRecord(r, r));
}

/**
 * How many records the list with these filters pages through, in the same scope; the
 * database reads at most `cap` + 1 of them (ids only), so a count above `cap` is the
 * cap, marked capped.
 */
export async function countRecords(db: DbOrTx, f: RecordFilters, scope: TicketScope, cap: number): Promise<{ count: number; capped: boolean }> {
  if (scope.kind === 'none') return { count: 0, capped: false };
  const hits = filteredRecords(db, f, scope).clearSelect().select('r.id').limit(cap + 1);
  const row = await db.selectFrom(hits.as('hits')).select(sql<number | string>`count(*)`.as('n')).executeTakeFirst();
  const found = Number(row?.n ?? 0);
  return { count: Math.min(found, cap), capped: found > cap };
}

/**
 * The records of technicians in a date range summed per technician, ticket, day,
 * billability, currency and cost currency (team timesheets): the database adds
 * up, only the sums travel. The index records_timesheet (0015) holds the
 * columns grouped, in that order, so nothing is sorted; km are summed in the
 * same pass (km_milli is set on travel records only, null elsewhere, and sum()
 * skips nulls), which the index does not hold: the matched rows are read too.
 */
export async function timesheetGroups(db: DbOrTx, f: { technicianIds: readonly number[]; from: string; to: string }, scope: TicketScope) {
  if (scope.kind === 'none' || f.technicianIds.length === 0) return [];
  const count = (condition: ReturnType<typeof sql>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;
  const groups = await db
    .selectFrom('records as r')
    .select([
      'r.technician_id', 'r.date', 'r.ticket_id', 'r.billable', 'r.currency', 'r.cost_currency',
      sql<number>`count(*)`.as('records'),
      sql<number>`sum(${sql.ref('r.minutes')})`.as('minutes'),
      sql<number>`sum(case when ${sql.ref('r.kind')} = 'travel' then ${sql.ref('r.minutes')} else 0 end)`.as('travel_minutes'),
      sql<number | null>`sum(${sql.ref('r.km_milli')})`.as('km_milli'),
      count(sql`${sql.ref('r.amount_minor')} is null`).as('unpriced'),
      count(sql`${sql.ref('r.amount_minor')} is not null`).as('priced'),
      sql<number | null>`sum(${sql.ref('r.amount_minor')})`.as('amount_minor'),
      count(sql`${sql.ref('r.cost_minor')} is not null`).as('costed'),
      sql<number | null>`sum(${sql.ref('r.cost_minor')})`.as('cost_minor'),
    ])
    .where('r.technician_id', 'in', f.technicianIds)
    .where('r.date', '>=', f.from)
    .where('r.date', '<=', f.to)
    .groupBy(['r.technician_id', 'r.date', 'r.ticket_id', 'r.billable', 'r.currency', 'r.cost_currency'])
    .execute();
  // The tickets' numbers and subjects (and the scope) once per ticket, not once per group:
  // a busy week has tens of thousands of groups on a few thousand tickets.
  const tickets = await ticketHeads(db, [...new Set(groups.map((g) => Number(g.ticket_id)))], scope);
  return groups.flatMap((r) => {
    const ticket = tickets.get(Number(r.ticket_id));
    if (!ticket) return []; // outside the actor's ticket scope
    return [{
      technicianId: Number(r.technician_id),
      ticket,
      date: r.date,
      billable: Number(r.billable) === 1,
      currency: r.currency,
      costCurrency: r.cost_currency,
      records: Number(r.records),
      minutes: Number(r.minutes),
      travelMinutes: Number(r.travel_minutes),
      kmMilli: Number(r.km_milli ?? 0),
      unpriced: Number(r.unpriced),
      priced: Number(r.priced),
      amountMinor: Number(r.amount_minor ?? 0),
      costed: Number(r.costed),
      costMinor: Number(r.cost_minor ?? 0),
    }];
  });
}

/** Number and subject of the tickets the scope lets through, by id (in chunks: bound parameters are limited). */
async function ticketHeads(db: DbOrTx, ids: readonly number[], scope: TicketScope): Promise<Map<number, { id: number; number: string; subject: string }>> {
  const heads = new Map<number, { id: number; number: string; subject: string }>();
  for (let i = 0; i < ids.length; i += 5_000) {
    let sel = db.selectFrom('tickets as t').select(['t.id', 't.number', 't.subject']).where('t.id', 'in', ids.slice(i, i + 5_000));
    if (scope.kind === 'member_queues') {
      sel = sel.where('t.queue_id', 'in', db.selectFrom('queue_members').select('queue_id').where('user_id', '=', scope.userId));
    }
    for (const t of await sel.execute()) heads.set(Number(t.id), { id: Number(t.id), number: t.number, subject: t.subject });
  }
  return heads;
}

/** The technicians of a team, by name. */
export function teamMembers(db: DbOrTx, teamId: number) {
  return db.selectFrom('team_members as tm').innerJoin('users as u', 'u.id', 'tm.user_id').select(['u.id', 'u.name']).where('tm.team_id', '=', teamId).orderBy('u.name').execute();
}

const autoApproveQuery = preparedQuery((db, p: { userId: number }) => db.selectFrom('technician_settings').select('auto_approve').where('user_id', '=', p.userId));

export async function autoApproves(db: DbOrTx, userId: number): Promise<boolean> {
  const [row] = await autoApproveQuery(db, { userId });
  return row?.auto_approve === 1;
}

// ---------------------------------------------------------------- timers

export function findTimer(db: DbOrTx, userId: number) {
  return db
    .selectFrom('timers as tm')
    .innerJoin('tickets as t', 't.id', 'tm.ticket_id')
    .leftJoin('work_types as wt', 'wt.id', 'tm.work_type_id')
    .select(['tm.user_id', 'tm.ticket_id', 'tm.work_type_id', 'tm.description', 'tm.started_at', 't.number', 't.subject', 'wt.code as work_type_code', 'wt.name as work_type_name'])
    .where('tm.user_id', '=', userId)
    .executeTakeFirst();
}

export async function insertTimer(db: DbOrTx, values: { user_id: number; ticket_id: number; work_type_id: number | null; description: string; started_at: string }): Promise<void> {
  await db.insertInto('timers').values(values).execute();
}

/** Deletes the timer the caller read (by its start), so two stops cannot both record it. */
export async function deleteTimer(db: DbOrTx, userId: number, startedAt: string): Promise<boolean> {
  const r = await db.deleteFrom('timers').where('user_id', '=', userId).where('started_at', '=', startedAt).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Changes the timer the caller read (by its start); false when it was stopped or discarded meanwhile. */
export async function updateTimer(db: DbOrTx, userId: number, startedAt: string, values: { work_type_id?: number | undefined; description?: string | undefined }): Promise<boolean> {
  const set = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  if (!Object.keys(set).length) return (await findTimer(db, userId))?.started_at === startedAt;
  const r = await db.updateTable('timers').set(set).where('user_id', '=', userId).where('started_at', '=', startedAt).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
