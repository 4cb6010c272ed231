import type { Insertable, Updateable } from 'kysely';
import { recordAudit } from '../../platform/audit/index.ts';
import { inWriteBatch, type RecordsTable, type Tx } from '../../platform/db/index.ts';
import { decodeCursor, pageOf } from '../../shared/cursor.ts';
import { notFound, staleVersion } from '../../shared/errors.ts';
import { auditWhoOf, ticketScopeOf, type RequestContext } from '../identity/index.ts';
import { ticketContractId } from '../contracts/index.ts';
import {
  auditView, presenter, require, stateOfRow, throwIfProblems, todayOf, valuesOfRow, visibleRecordRow, visibleTicket, type RecordsDeps, type VisibleTicket,
} from './records.context.ts';
import { changeRefusal } from './records.policy.ts';
import { prepareRecord, type RecordInput } from './records.prepare.ts';
import { pricingReads } from '../pricing/index.ts';
import { priceValues } from './records.pricing.ts';
import * as repo from './records.repo.ts';
import type { NewRecord, RecordFilters, RecordListQuery, RecordPatch, ServiceRecord } from './records.schemas.ts';

/** Logging, reading, editing and deleting service records; each priced on write. States: records.workflow.ts. */
export function createRecordsService(deps: RecordsDeps) {
  const { db, clock } = deps;

  /** Checks and prices one new record; nothing is written. Bulk and import use it row by row. */
  async function prepareNew(ctx: RequestContext, ticket: VisibleTicket, input: RecordInput) {
    // One look at pricing's configuration serves both the checks and the price.
    const reads = await pricingReads(db);
    const prepared = await prepareRecord(db, ctx, ticket, input, null, todayOf(clock), reads);
    if (!prepared.values) return { values: null, price: null, problems: prepared.problems };
    return { values: prepared.values, price: await priceValues(db, prepared.values, reads), problems: [] };
  }

  /** Writes a prepared record and its audit entry inside the caller's transaction. */
  async function insertPrepared(trx: Tx, ctx: RequestContext, values: repo.RecordValues, priceCols: Updateable<RecordsTable>, now: Date): Promise<number> {
    const at = now.toISOString();
    // A record falls under the contract its ticket is linked to.
    const contractId = await ticketContractId(trx, values.ticketId);
    // Object.assign onto the fresh value columns, not spreads (docs/ARCHITECTURE.md, “Hot paths”).
    const row = Object.assign(repo.valueColumns(values), priceCols, {
      kind: values.kind, ticket_id: values.ticketId, client_id: values.clientId,
      contract_id: contractId, state: 'draft' as const, created_by: ctx.actor.userId || null, created_at: at, updated_at: at,
    }) as Insertable<RecordsTable>;
    const id = await repo.insertRecord(trx, row);
    await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'record', entityId: id, action: 'create', after: auditView(values, priceCols) });
    return id;
  }

  async function create(ctx: RequestContext, ticketId: number, input: NewRecord): Promise<ServiceRecord> {
    require(ctx, 'records.write');
    const ticket = await visibleTicket(db, ctx, ticketId);
    const prepared = await prepareNew(ctx, ticket, input);
    throwIfProblems(prepared.problems);
    const now = clock.now();
    // Records logged at the same moment share a commit on SQLite (inWriteBatch); each is still all or nothing.
    // Read back in the same transaction: it runs at once on the connection the write
    // holds, instead of queueing for it behind the next batch.
    const record = await inWriteBatch(db, async (trx) => written(trx, await insertPrepared(trx, ctx, prepared.values!, prepared.price!, now)));
    return presenter(ctx)(record);
  }

  /**
   * A record just written in this request, on a ticket whose scope it checked: read
   * without the ticket-scope condition again (which costs more than the read itself on a
   * big database).
   */
  async function written(trx: Tx, id: number): Promise<ServiceRecord> {
    const record = await repo.readRecord(trx, id, { kind: 'all' });
    if (!record) throw notFound('Record');
    return record;
  }

  async function get(ctx: RequestContext, id: number): Promise<ServiceRecord> {
    require(ctx, 'tickets.read');
    const record = await repo.readRecord(db, id, ticketScopeOf(ctx.actor));
    if (!record) throw notFound('Record');
    return presenter(ctx)(record);
  }

  async function list(ctx: RequestContext, q: RecordListQuery) {
    require(ctx, 'tickets.read');
    const after = q.cursor ? decodeCursor(q.cursor, ['string', 'number']) : null;
    const rows = await repo.listRecords(db, q, ticketScopeOf(ctx.actor), { sort: q.sort, limit: q.limit + 1, after });
    return pageOf(rows, q.limit, (r) => [r.date, r.id], presenter(ctx));
  }

  /** Every record matching the filters (exports); at most `cap`. */
  async function all(ctx: RequestContext, f: RecordFilters, cap = 50_000): Promise<ServiceRecord[]> {
    require(ctx, 'tickets.read');
    const rows = await repo.listRecords(db, f, ticketScopeOf(ctx.actor), { sort: 'date', limit: cap, after: null });
    return rows.map(presenter(ctx));
  }

  async function listForTicket(ctx: RequestContext, ticketId: number): Promise<ServiceRecord[]> {
    require(ctx, 'tickets.read');
    await visibleTicket(db, ctx, ticketId);
    return all(ctx, { ticketId });
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
    const priceCols = await priceValues(db, values, reads);
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const ok = await repo.updateRecord(trx, id, version, { ...repo.valueColumns(values), ...priceCols, updated_at: now.toISOString() });
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

  return { create, get, list, all, listForTicket, update, remove, prepareNew, insertPrepared };
}

export type RecordsService = ReturnType<typeof createRecordsService>;
