import { recordAudit } from '../../platform/audit/index.ts';
import { inWriteBatch, type DbOrTx, type Tx } from '../../platform/db/index.ts';
import { decodeCursor, pageOf } from '../../shared/cursor.ts';
import { conflict, forbidden, notFound, staleVersion } from '../../shared/errors.ts';
import { formatQuantity } from '../../shared/quantity.ts';
import { auditWhoOf, type RequestContext } from '../identity/index.ts';
import { materialPricing, type MaterialIssue } from '../records/index.ts';
import { confirmDocument, type ConfirmTarget } from './documents.confirm.ts';
import { PERMISSION_OF, prepareDocument, type PreparedDocument } from './documents.prepare.ts';
import * as docs from './documents.repo.ts';
import { canUseWarehouse, require, seesCosts, type WarehouseDeps } from './warehouse.context.ts';
import type { DocumentInput, DocumentListQuery, DocumentPatch, StockDocument } from './warehouse.schemas.ts';

/**
 * Stock documents: receipts, transfers, issue slips, returns and counts. A
 * draft changes nothing and may be edited or deleted; confirming it moves the
 * stock, takes its number and (issue slips, returns) writes the ticket's
 * material records, all in one transaction. Confirmed documents are never
 * edited: a mistake is undone by a return or a count.
 */
export function createDocumentsService(deps: WarehouseDeps) {
  const { db, clock } = deps;

  function rowOf(p: PreparedDocument, ctx: RequestContext, at: string): docs.NewDocumentRow {
    return {
      kind: p.kind, state: 'draft', number: null, number_year: null, number_sequence: null, date: p.date,
      warehouse_id: p.warehouse.id, target_warehouse_id: p.target?.id ?? null, ticket_id: p.ticket?.id ?? null, client_id: p.ticket?.clientId ?? null,
      supplier: p.supplier, supplier_document_number: p.supplierDocumentNumber, returns_document_id: p.original?.id ?? null,
      reason: p.reason, note: p.note, created_by: ctx.actor.userId || null, confirmed_by: null, confirmed_at: null, currency: null,
      cost_currency: null, vat_country: null, created_at: at, updated_at: at,
    };
  }

  const lineRows = (p: PreparedDocument): docs.NewLineRow[] =>
    p.lines.map((l, i) => ({ position: i + 1, item_id: l.item.id, quantity_milli: l.quantityMilli, unit_price_minor: l.unitPriceMinor, cost_minor: null, serials_json: JSON.stringify(l.serials), record_id: null, vat_rate_bp: null }));

  /** The stored draft as the input it was made from (so confirming re-checks it as it stands now). */
  function inputOf(d: docs.DocumentRow, lines: docs.LineRow[]): DocumentInput {
    return {
      kind: d.kind, date: d.date, warehouseId: d.warehouse_id, targetWarehouseId: d.target_warehouse_id, ticketId: d.kind === 'issue' ? d.ticket_id : null,
      supplier: d.supplier, supplierDocumentNumber: d.supplier_document_number, returnsDocumentId: d.returns_document_id, reason: d.reason, note: d.note,
      lines: lines.map((l) => ({
        itemId: l.item_id, quantity: formatQuantity(Number(l.quantity_milli)),
        ...(l.unit_price_minor === null ? {} : { unitPriceMinor: Number(l.unit_price_minor) }), serials: JSON.parse(l.serials_json) as string[],
      })),
      confirm: false,
    };
  }

  /** What confirming needs read before its transaction (which may be shared with other documents'). */
  const pricerFor = (p: PreparedDocument) => (p.kind === 'issue' ? materialPricing(db, p.ticket!, p.date) : Promise.resolve(null));

  const confirmWith = (trx: Tx, ctx: RequestContext, now: Date, target: ConfirmTarget, p: PreparedDocument, pricer: MaterialIssue['pricer'] | null) =>
    confirmDocument({ trx, now, who: auditWhoOf(ctx), userId: ctx.actor.userId || 0, pricer }, target, p);

  /**
   * The answer to a create, from what is in hand (no reading back: issuing is the
   * hot path): the written row and lines, named from the prepared document.
   */
  function presentWritten(ctx: RequestContext, p: PreparedDocument, row: docs.DocumentRow, lines: docs.LineRow[]): StockDocument {
    const names: docs.Names = {
      warehouse: new Map([p.warehouse, ...(p.target ? [p.target] : [])].map((w) => [w.id, { id: w.id, code: w.code, name: w.name }])),
      ticket: new Map(p.ticket ? [[p.ticket.id, { id: p.ticket.id, number: p.ticket.number, subject: p.ticket.subject }]] : []),
      user: new Map(ctx.actor.userId ? [[ctx.actor.userId, { id: ctx.actor.userId, name: ctx.actor.name }]] : []),
      item: new Map(p.lines.map((l) => [l.item.id, { id: l.item.id, code: l.item.code, name: l.item.name, unit: l.item.unit }])),
    };
    return docs.toDocument(row, names, seesCosts(ctx), lines);
  }

  async function create(ctx: RequestContext, input: DocumentInput): Promise<StockDocument> {
    const p = await prepareDocument(db, ctx, input);
    if (input.confirm && p.kind === 'issue' && !ctx.actor.userId) throw conflict('no_technician', 'Material is issued by a user: the system cannot issue it');
    const now = clock.now();
    const at = now.toISOString();
    const row = rowOf(p, ctx, at);
    const lines = lineRows(p);
    const pricer = input.confirm ? await pricerFor(p) : null;
    // Documents confirmed together share a commit on SQLite (inWriteBatch); each is still all or nothing.
    const written = await inWriteBatch(db, async (trx) => {
      if (input.confirm) return confirmWith(trx, ctx, now, { kind: 'new', row, lines }, p, pricer);
      const { id, lineIds } = await docs.insertDocument(trx, row, lines);
      await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'stock_document', entityId: id, action: 'create', after: { ...input, id } });
      return { id, lineIds, fields: {}, costs: [] as number[], recordIds: [] as (number | null)[], vatRatesBp: [] as (number | null)[] };
    });
    // Fresh objects with the new keys first, not `{ ...row, id }` (docs/ARCHITECTURE.md, “Hot paths”).
    const stored = Object.assign({ id: written.id, version: 1 }, row, written.fields) as docs.DocumentRow;
    return presentWritten(ctx, p, stored, lines.map((l, i) =>
      Object.assign({ id: written.lineIds[i]!, document_id: written.id }, l, { cost_minor: written.costs[i] ?? null, record_id: written.recordIds[i] ?? null, vat_rate_bp: written.vatRatesBp[i] ?? null }) as docs.LineRow));
  }

  async function draftOf(ctx: RequestContext, id: number) {
    const d = await docs.findDocument(db, id);
    if (!d) throw notFound('Stock document');
    if (d.state !== 'draft') throw conflict('document_confirmed', `${d.number ?? 'The document'} is confirmed and cannot be changed: record a return or a stock count instead`);
    return d;
  }

  async function update(ctx: RequestContext, id: number, patch: DocumentPatch & { version?: number }): Promise<StockDocument> {
    require(ctx, 'warehouse.read');
    const d = await draftOf(ctx, id);
    const lines = await docs.linesOf(db, id);
    const merged: DocumentInput = { ...inputOf(d, lines), ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)), kind: d.kind, confirm: false };
    const p = await prepareDocument(db, ctx, merged);
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const row = rowOf(p, ctx, now.toISOString());
      const { created_at: _c, created_by: _b, ...changes } = row;
      if (!(await docs.updateDraft(trx, id, d.version, changes, patch.lines ? lineRows(p) : null))) throw staleVersion('The stock document');
      await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'stock_document', entityId: id, action: 'update', before: inputOf(d, lines), after: merged });
    });
    return get(ctx, id);
  }

  async function remove(ctx: RequestContext, id: number): Promise<void> {
    require(ctx, 'warehouse.read');
    const d = await draftOf(ctx, id);
    const lines = await docs.linesOf(db, id);
    // Who may create such a document in its warehouse may delete the draft (even one whose items were deactivated since).
    require(ctx, PERMISSION_OF[d.kind]);
    if (!(await canUseWarehouse(db, ctx, d.warehouse_id))) throw forbidden('You may not use the warehouse of this document');
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      if (!(await docs.deleteDraft(trx, id))) throw conflict('document_confirmed', 'The document was confirmed meanwhile and cannot be deleted');
      await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'stock_document', entityId: id, action: 'delete', before: inputOf(d, lines) });
    });
  }

  async function confirm(ctx: RequestContext, id: number): Promise<StockDocument> {
    require(ctx, 'warehouse.read');
    const d = await draftOf(ctx, id);
    const lines = await docs.linesOf(db, id);
    const p = await prepareDocument(db, ctx, inputOf(d, lines));
    if (p.kind === 'issue' && !ctx.actor.userId) throw conflict('no_technician', 'Material is issued by a user: the system cannot issue it');
    const pricer = await pricerFor(p);
    const now = clock.now();
    await inWriteBatch(db, (trx) => confirmWith(trx, ctx, now, { kind: 'draft', id, version: d.version, lineIds: lines.map((l) => l.id) }, p, pricer));
    return get(ctx, id);
  }

  async function present(ctx: RequestContext, from: DbOrTx, rows: docs.DocumentRow[], withLines: boolean): Promise<StockDocument[]> {
    const costs = seesCosts(ctx);
    const lines = withLines && rows[0] ? await docs.linesOf(from, rows[0].id) : [];
    const [names, totals] = await Promise.all([docs.namesFor(from, rows, lines), costs && !withLines ? docs.costTotalsOf(from, rows) : undefined]);
    return rows.map((r) => docs.toDocument(r, names, costs, withLines ? lines : undefined, totals));
  }

  async function get(ctx: RequestContext, id: number): Promise<StockDocument> {
    require(ctx, 'warehouse.read');
    const d = await docs.findDocument(db, id);
    if (!d) throw notFound('Stock document');
    return (await present(ctx, db, [d], true))[0]!;
  }

  async function list(ctx: RequestContext, q: DocumentListQuery) {
    require(ctx, 'warehouse.read');
    const after = q.cursor ? (decodeCursor(q.cursor, ['string', 'number']) as [string, number]) : null;
    const rows = await docs.listDocuments(db, q, after);
    const presented = new Map((await present(ctx, db, rows.slice(0, q.limit), false)).map((d) => [d.id, d]));
    return pageOf(rows, q.limit, (r) => [r.date, r.id], (r) => presented.get(r.id)!);
  }

  return { create, update, remove, confirm, get, list };
}

export type DocumentsService = ReturnType<typeof createDocumentsService>;
