import type { Clock } from '../../platform/clock.ts';
import { preparedQuery, type Db, type DbOrTx } from '../../platform/db/index.ts';
import { forbidden, invalid, notFound, type ErrorDetail } from '../../shared/errors.ts';
import { fieldScopeOf, hasPermission, ticketScopeOf, type Permission, type RequestContext } from '../identity/index.ts';
import { renderExplanation } from '../pricing/index.ts';
import { isCostLine } from './records.pricing.ts';
import { findRecordRow, type RecordValues, type StoredRecord, type TimeClass } from './records.repo.ts';
import type { RecordCoverage, ServiceRecord } from './records.schemas.ts';
import { providerDate } from '../../shared/calendar/index.ts';

/** What the record use cases share: dependencies and the small steps every one of them takes. */
export interface RecordsDeps {
  db: Db;
  clock: Clock;
}

export function require(ctx: RequestContext, permission: Permission): void {
  if (!hasPermission(ctx.actor, permission)) throw forbidden();
}

export function throwIfProblems(problems: ErrorDetail[]): void {
  if (problems.length) throw invalid(problems);
}

/** The provider's local date today: records may be dated up to a day after it. */
export function todayOf(clock: Clock): string {
  return providerDate(clock.now());
}

export interface VisibleTicket {
  id: number;
  number: string;
  clientId: number;
  /** Shown in a new record's answer. */
  clientName: string;
  /** The client's own price list (pricing takes it from here instead of reading it again). */
  clientPriceListId: number | null;
  subject: string;
  /** The contract the ticket is linked to, if any: its records count under it. */
  contractId: number | null;
  /** The ticket's dimension values { dimensionCode: valueCode }: records inherit them. */
  dimensions: Record<string, string>;
}

/**
 * The ticket if the actor's ticket scope shows it, else "not found" (records
 * follow the ticket scope: operators and technicians see their queues' tickets).
 */
// Every record written starts here, so these are compiled once (preparedQuery).
const anyTicket = preparedQuery((db, p: { id: number }) =>
  db
    .selectFrom('tickets as t')
    .innerJoin('clients as c', 'c.id', 't.client_id')
    .select(['t.id', 't.number', 't.client_id', 'c.name as client_name', 'c.price_list_id as client_price_list_id', 't.subject', 't.contract_id', 't.queue_id'])
    .where('t.id', '=', p.id));
// The ticket by its key, then membership of its queue by the key of queue_members: on a big
// database two key look-ups cost less than one statement with the queue subquery.
const queueMember = preparedQuery((db, p: { queueId: number; userId: number }) =>
  db.selectFrom('queue_members').select('queue_id').where('queue_id', '=', p.queueId).where('user_id', '=', p.userId));
const ticketDimensions = preparedQuery((db, p: { id: number }) =>
  db
    .selectFrom('ticket_dimension_values as tdv')
    .innerJoin('dimensions as d', 'd.id', 'tdv.dimension_id')
    .innerJoin('dimension_values as dv', 'dv.id', 'tdv.value_id')
    .select(['d.code as dimension', 'dv.code as value'])
    .where('tdv.ticket_id', '=', p.id),
);

export async function visibleTicket(db: DbOrTx, ctx: RequestContext, id: number): Promise<VisibleTicket> {
  const scope = ticketScopeOf(ctx.actor);
  if (scope.kind === 'none') throw notFound('Ticket');
  const [row] = await anyTicket(db, { id });
  if (!row) throw notFound('Ticket');
  if (scope.kind === 'member_queues' && !(await queueMember(db, { queueId: row.queue_id, userId: scope.userId })).length) throw notFound('Ticket');
  const dims = await ticketDimensions(db, { id });
  return {
    id: row.id, number: row.number, clientId: row.client_id, clientName: row.client_name, clientPriceListId: row.client_price_list_id, subject: row.subject, contractId: row.contract_id,
    dimensions: Object.fromEntries(dims.map((d) => [d.dimension, d.value])),
  };
}

/** The stored record if its ticket is visible to the actor, else "not found". */
export async function visibleRecordRow(db: DbOrTx, ctx: RequestContext, id: number) {
  const row = await findRecordRow(db, id);
  if (!row) throw notFound('Record');
  await visibleTicket(db, ctx, row.ticket_id).catch(() => {
    throw notFound('Record');
  });
  return row;
}

type RecordRow = NonNullable<Awaited<ReturnType<typeof findRecordRow>>>;

export function valuesOfRow(r: RecordRow): RecordValues {
  if (r.kind === 'material') throw new Error('material records are issued through the warehouse');
  return {
    kind: r.kind, ticketId: r.ticket_id, clientId: r.client_id, technicianId: r.technician_id, date: r.date,
    startTime: r.start_time, minutes: r.minutes, workTypeId: r.work_type_id,
    timeClassOverride: r.time_class_overridden === 1 ? (r.time_class as TimeClass) : null,
    kmMilli: r.km_milli, zoneId: r.zone_id, vehicle: r.vehicle, feeId: r.fee_id, quantityMilli: r.quantity_milli,
    billable: r.billable === 1, description: r.description, internalNote: r.internal_note,
    dimensions: JSON.parse(r.dimensions_json) as Record<string, string>,
  };
}

export const stateOfRow = (r: RecordRow) => ({ kind: r.kind, technicianId: r.technician_id, state: r.state, billedInvoiceId: r.billed_invoice_id });

/**
 * A record as this actor may see it: amounts and the explanation (it names
 * rates; put into the actor's language here) only with the prices field scope,
 * costs only with the costs one.
 */
export function presenter(ctx: RequestContext): (r: StoredRecord, coverage: RecordCoverage) => ServiceRecord {
  const scope = fieldScopeOf(ctx.actor.roles);
  const language = ctx.actor.language ?? 'en';
  // Built key by key, not by rest-destructuring and conditional spreads: V8 takes a slow
  // path for those on an object this wide (measured 8–11 µs a record against 1.5;
  // docs/ARCHITECTURE.md, “Hot paths”). The keys keep their order.
  return (r, coverage) => {
    const out: Record<string, unknown> = {};
    for (const key in r) if (key !== 'amountMinor' && key !== 'costMinor' && key !== 'price') out[key] = r[key as keyof StoredRecord];
    const price: Record<string, unknown> = {};
    for (const key in r.price) if (key !== 'explanation' && key !== 'costCurrency') price[key] = r.price[key as keyof ServiceRecord['price']];
    if (scope.prices) price.explanation = renderExplanation(scope.costs ? r.price.explanation : r.price.explanation.filter((line) => !isCostLine(line)), language);
    if (scope.costs) price.costCurrency = r.price.costCurrency;
    out.price = price;
    if (scope.prices) out.amountMinor = r.amountMinor;
    if (scope.costs) out.costMinor = r.costMinor;
    // What the client pays is a price too: only with the prices field scope (the kind and the minutes are not).
    out.coverage = { kind: coverage.kind, contract: coverage.contract, prepaid: coverage.prepaid };
    if (scope.prices) (out.coverage as Record<string, unknown>).clientAmountMinor = coverage.clientAmountMinor ?? null;
    return out as unknown as ServiceRecord;
  };
}

/** The audit's picture of a record: its values and price, money included (the audit log is admin-only). */
export function auditView(v: RecordValues, price: { amount_minor?: number | null; cost_minor?: number | null; price_error?: string | null }) {
  return Object.assign({}, v, { amountMinor: price.amount_minor ?? null, costMinor: price.cost_minor ?? null, priceError: price.price_error ?? null });
}
