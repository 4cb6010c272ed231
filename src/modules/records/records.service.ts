import type { Insertable, Selectable, Updateable } from 'kysely';
import { recordAudit } from '../../platform/audit/index.ts';
import { inWriteBatch, type RecordsTable, type Tx } from '../../platform/db/index.ts';
import { decodeCursor, pageOf } from '../../shared/cursor.ts';
import { invalid, notFound, staleVersion, type ErrorDetail } from '../../shared/errors.ts';
import { auditWhoOf, ticketScopeOf, type RequestContext } from '../identity/index.ts';
import {
  auditView, presenter, require, stateOfRow, throwIfProblems, todayOf, valuesOfRow, visibleRecordRow, visibleTicket, type RecordsDeps, type VisibleTicket,
} from './records.context.ts';
import { changeRefusal } from './records.policy.ts';
import { prepareRecord, type RecordInput } from './records.prepare.ts';
import { dayKindFor, pricingReads } from '../pricing/index.ts';
import { contractPriceListFor } from '../contracts/index.ts';
import { dateProblems } from './domain/entry.ts';
import { pricedUnderTicket, priceValues } from './records.pricing.ts';
import { coverageOfRecords } from './records.coverage.ts';
import * as repo from './records.repo.ts';
import { RECORD_COUNT_CAP, type NewRecord, type RecordCount, type RecordCountQuery, type RecordFilters, type RecordListQuery, type RecordPatch, type ServiceRecord, type WorkDay } from './records.schemas.ts';

/** Logging, reading, editing and deleting service records; each priced on write. States: records.workflow.ts. */
export function createRecordsService(deps: RecordsDeps) {
  const { db, clock } = deps;

  /** Records as the actor may see them, each with how it is expected to be billed. */
  async function present(ctx: RequestContext, rows: readonly repo.StoredRecord[]): Promise<ServiceRecord[]> {
    const coverage = await coverageOfRecords(db, rows);
    const show = presenter(ctx);
    return rows.map((r) => show(r, coverage.get(r.id)!));
  }

  /** Checks and prices one new record; nothing is written. Bulk and import use it row by row. */
  async function prepareNew(ctx: RequestContext, ticket: VisibleTicket, input: RecordInput): Promise<PreparedNew> {
    // One look at pricing's configuration serves both the checks and the price.
    const reads = await pricingReads(db);
    const prepared = await prepareRecord(db, ctx, ticket, input, null, todayOf(clock), reads);
    if (!prepared.values) return { ok: false, problems: prepared.problems };
    // A record falls under the contract its ticket is linked to, and is priced under it.
    const under = pricedUnderTicket(ticket);
    const price = await priceValues(db, prepared.values, under, reads);
    return { ok: true, values: prepared.values, names: prepared.names!, contractId: under.contractId, price, problems: [] };
  }

  /** Writes a prepared record and its audit entry inside the caller's transaction; returns its stored columns. */
  async function insertPrepared(trx: Tx, ctx: RequestContext, prepared: ReadyRecord, now: Date): Promise<Selectable<RecordsTable>> {
    const at = now.toISOString();
    const { values, price } = prepared;
    // Object.assign onto the fresh value columns, not spreads (docs/ARCHITECTURE.md, “Hot paths”).
    const row = Object.assign(repo.valueColumns(values), price, {
      kind: values.kind, ticket_id: values.ticketId, client_id: values.clientId,
      contract_id: prepared.contractId, state: 'draft' as const, created_by: ctx.actor.userId || null, created_at: at, updated_at: at,
    }) as Insertable<RecordsTable>;
    const stored = await repo.insertRecord(trx, row);
    await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'record', entityId: stored.id, action: 'create', after: auditView(values, price) });
    return stored;
  }

  async function create(ctx: RequestContext, ticketId: number, input: NewRecord): Promise<ServiceRecord> {
    require(ctx, 'records.write');
    const ticket = await visibleTicket(db, ctx, ticketId);
    const prepared = await prepareNew(ctx, ticket, input);
    if (!prepared.ok) throw invalid(prepared.problems);
    const now = clock.now();
    // Records logged at the same moment share a commit on SQLite (inWriteBatch); each is still all or nothing.
    const stored = await inWriteBatch(db, (trx) => insertPrepared(trx, ctx, prepared, now));
    // The answer is the stored row with the names that checking the input found (the
    // ticket's, the client's, the technician's, the catalogue's), without reading it back.
    return (await present(ctx, [repo.toRecord(stored, prepared.names)]))[0]!;
  }

  async function get(ctx: RequestContext, id: number): Promise<ServiceRecord> {
    require(ctx, 'tickets.read');
    const record = await repo.readRecord(db, id, ticketScopeOf(ctx.actor));
    if (!record) throw notFound('Record');
    return (await present(ctx, [record]))[0]!;
  }

  async function list(ctx: RequestContext, q: RecordListQuery) {
    require(ctx, 'tickets.read');
    const after = q.cursor ? decodeCursor(q.cursor, ['string', 'number']) : null;
    const rows = await repo.listRecords(db, q, ticketScopeOf(ctx.actor), { sort: q.sort, limit: q.limit + 1, after });
    const page = pageOf(rows, q.limit, (r) => [r.date, r.id], (r) => r);
    return { items: await present(ctx, page.items), nextCursor: page.nextCursor };
  }

  /** How many records the list with these filters pages through (the approval queue's count on the home page). */
  async function count(ctx: RequestContext, q: RecordCountQuery): Promise<RecordCount> {
    require(ctx, 'tickets.read');
    return repo.countRecords(db, q, ticketScopeOf(ctx.actor), RECORD_COUNT_CAP);
  }

  /** Every record matching the filters (exports); at most `cap`. */
  async function all(ctx: RequestContext, f: RecordFilters, cap = 50_000): Promise<ServiceRecord[]> {
    require(ctx, 'tickets.read');
    const rows = await repo.listRecords(db, f, ticketScopeOf(ctx.actor), { sort: 'date', limit: cap, after: null });
    return present(ctx, rows);
  }

  async function listForTicket(ctx: RequestContext, ticketId: number): Promise<ServiceRecord[]> {
    require(ctx, 'tickets.read');
    await visibleTicket(db, ctx, ticketId);
    return all(ctx, { ticketId });
  }

  /**
   * What a date is for the time class of work logged on this ticket (business day, a day
   * outside the business hours, public holiday), under the list that would price it: the
   * log form warns that work on a weekend or holiday without a start time is priced as
   * business hours.
   */
  async function workDay(ctx: RequestContext, ticketId: number, date: string): Promise<WorkDay> {
    require(ctx, 'records.write');
    const ticket = await visibleTicket(db, ctx, ticketId);
    throwIfProblems(dateProblems(date, todayOf(clock)));
    const contractPriceListId = await contractPriceListFor(db, ticket.contractId, date);
    const kind = await dayKindFor(db, { clientId: ticket.clientId, contractPriceListId, clientPriceListId: ticket.clientPriceListId, date });
    return { date, dayKind: kind };
  }

  async function update(ctx: RequestContext, id: number, patch: RecordPatch): Promise<ServiceRecord> {
    require(ctx, 'records.write');
    const row = await visibleRecordRow(db, ctx, id);
    const refusal = changeRefusal(ctx.actor, stateOfRow(row), 'change');
    if (refusal) throw refusal;
    if (row.version !== patch.version) throw staleVersion('The record');
    const ticket = await visibleTicket(db, ctx, row.ticket_id);
    const before = valuesOfRow(row);
    const { version, ...changes } = patch;
    const reads = await pricingReads(db);
    const prepared = await prepareRecord(db, ctx, ticket, { ...changes, kind: before.kind }, before, todayOf(clock), reads);
    throwIfProblems(prepared.problems);
    const values = prepared.values!;
    const priceCols = await priceValues(db, values, pricedUnderTicket(ticket), reads);
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      // A change is the technician's answer to a return: the reason has done its work.
      const ok = await repo.updateRecord(trx, id, version, { ...repo.valueColumns(values), ...priceCols, return_reason: null, updated_at: now.toISOString() });
      if (!ok) throw staleVersion('The record');
      await recordAudit(trx, now, auditWhoOf(ctx), {
        entity: 'record', entityId: id, action: 'update',
        before: auditView(before, row), after: auditView(values, priceCols),
      });
    });
    return get(ctx, id);
  }

  async function remove(ctx: RequestContext, id: number): Promise<void> {
    require(ctx, 'records.write');
    const row = await visibleRecordRow(db, ctx, id);
    const refusal = changeRefusal(ctx.actor, stateOfRow(row), 'delete');
    if (refusal) throw refusal;
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      if (!(await repo.deleteRecord(trx, id, row.version))) throw staleVersion('The record');
      await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'record', entityId: id, action: 'delete', before: { ...auditView(valuesOfRow(row), row), state: row.state } });
    });
  }

  return { create, get, list, count, all, listForTicket, workDay, update, remove, prepareNew, insertPrepared };
}

export type RecordsService = ReturnType<typeof createRecordsService>;

/** A new record checked and priced, ready to be written (insertPrepared). */
export interface ReadyRecord {
  ok: true;
  values: repo.RecordValues;
  /** What its answer shows beside its columns. */
  names: repo.RecordNames;
  contractId: number | null;
  price: Updateable<RecordsTable>;
  problems: [];
}

export type PreparedNew = ReadyRecord | { ok: false; problems: ErrorDetail[] };
