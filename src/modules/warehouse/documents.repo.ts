import type { Insertable, Selectable } from 'kysely';
import { afterCursor, preparedInsert, type DbOrTx, type StockDocumentLinesTable, type StockDocumentsTable } from '../../platform/db/index.ts';
import { formatQuantity } from '../../shared/quantity.ts';
import type { DocumentListQuery, StockDocument } from './warehouse.schemas.ts';

/** Stock documents and their lines as stored. */

export type DocumentRow = Selectable<StockDocumentsTable>;
export type LineRow = Selectable<StockDocumentLinesTable>;
export type NewDocumentRow = Omit<Insertable<StockDocumentsTable>, 'id'>;
export type NewLineRow = Omit<Insertable<StockDocumentLinesTable>, 'id' | 'document_id'>;

// Issuing material is a hot path: its inserts are compiled once (preparedInsert).
const insertDocumentRow = preparedInsert('stock_documents', ['id']);
const insertLineRows = preparedInsert('stock_document_lines', ['id', 'position']);

/** The new document's id and its lines' ids in order. */
export async function insertDocument(db: DbOrTx, doc: NewDocumentRow, lines: readonly NewLineRow[]): Promise<{ id: number; lineIds: number[] }> {
  const [{ id }] = (await insertDocumentRow(db, [doc])) as [{ id: number }];
  return { id, lineIds: await insertLines(db, id, lines) };
}

export async function insertLines(db: DbOrTx, documentId: number, lines: readonly NewLineRow[]): Promise<number[]> {
  const rows = await insertLineRows(db, lines.map((l) => Object.assign({ document_id: documentId }, l)));
  return rows.sort((a, b) => a.position - b.position).map((r) => r.id);
}

export async function findDocument(db: DbOrTx, id: number): Promise<DocumentRow | undefined> {
  return db.selectFrom('stock_documents').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function linesOf(db: DbOrTx, documentId: number): Promise<LineRow[]> {
  return db.selectFrom('stock_document_lines').selectAll().where('document_id', '=', documentId).orderBy('position').execute();
}

/** Replaces a draft's header and lines, over the version the caller read. */
export async function updateDraft(db: DbOrTx, id: number, version: number, doc: Partial<NewDocumentRow>, lines: readonly NewLineRow[] | null): Promise<boolean> {
  const r = await db.updateTable('stock_documents').set({ ...doc, version: version + 1 }).where('id', '=', id).where('version', '=', version).where('state', '=', 'draft').executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  if (lines) {
    await db.deleteFrom('stock_document_lines').where('document_id', '=', id).execute();
    await insertLines(db, id, lines);
  }
  return true;
}

export async function deleteDraft(db: DbOrTx, id: number): Promise<boolean> {
  const doc = await db.selectFrom('stock_documents').select('id').where('id', '=', id).where('state', '=', 'draft').executeTakeFirst();
  if (!doc) return false;
  await db.deleteFrom('stock_document_lines').where('document_id', '=', id).execute();
  await db.deleteFrom('stock_documents').where('id', '=', id).where('state', '=', 'draft').execute();
  return true;
}

/** Marks a draft confirmed with its number; false when it is no longer the draft of that version. */
export async function markConfirmed(
  db: DbOrTx,
  id: number,
  version: number,
  v: Pick<NewDocumentRow, 'number' | 'number_year' | 'number_sequence' | 'client_id' | 'ticket_id' | 'confirmed_by' | 'currency' | 'cost_currency' | 'vat_country'> & { confirmed_at: string },
): Promise<boolean> {
  const r = await db
    .updateTable('stock_documents')
    .set({ ...v, state: 'confirmed', updated_at: v.confirmed_at, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('state', '=', 'draft')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** What confirming gives a line: the value moved, its material record and (issue slips, returns) the VAT rate it is issued with. */
export async function setLineOutcome(db: DbOrTx, lineId: number, costMinor: number, recordId: number | null, vatRateBp: number | null): Promise<void> {
  await db.updateTable('stock_document_lines').set({ cost_minor: costMinor, record_id: recordId, vat_rate_bp: vatRateBp }).where('id', '=', lineId).execute();
}

export async function listDocuments(db: DbOrTx, q: DocumentListQuery, after: [string, number] | null) {
  let sel = db.selectFrom('stock_documents').selectAll();
  if (q.kind) sel = sel.where('kind', '=', q.kind);
  if (q.state) sel = sel.where('state', '=', q.state);
  if (q.ticketId) sel = sel.where('ticket_id', '=', q.ticketId);
  if (q.warehouseId) sel = sel.where((eb) => eb.or([eb('warehouse_id', '=', q.warehouseId!), eb('target_warehouse_id', '=', q.warehouseId!)]));
  // Newest first.
  if (after) sel = sel.where(afterCursor([['date', 'desc'], ['id', 'desc']], after));
  return sel.orderBy('date', 'desc').orderBy('id', 'desc').limit(q.limit + 1).execute();
}

/** Names for a page of documents: warehouses, tickets, users, and (for details) items. */
export async function namesFor(db: DbOrTx, docs: readonly DocumentRow[], lines: readonly LineRow[] = []) {
  const ids = <K extends keyof DocumentRow>(k: K) => [...new Set(docs.map((d) => d[k]).filter((v): v is NonNullable<typeof v> => v !== null))] as number[];
  const whIds = [...ids('warehouse_id'), ...ids('target_warehouse_id')];
  const userIds = [...ids('created_by'), ...ids('confirmed_by')];
  const [warehouses, tickets, users, items] = await Promise.all([
    whIds.length ? db.selectFrom('warehouses').select(['id', 'code', 'name']).where('id', 'in', whIds).execute() : [],
    ids('ticket_id').length ? db.selectFrom('tickets').select(['id', 'number', 'subject']).where('id', 'in', ids('ticket_id')).execute() : [],
    userIds.length ? db.selectFrom('users').select(['id', 'name']).where('id', 'in', userIds).execute() : [],
    lines.length ? db.selectFrom('items').select(['id', 'code', 'name', 'unit']).where('id', 'in', [...new Set(lines.map((l) => l.item_id))]).execute() : [],
  ]);
  return {
    warehouse: new Map(warehouses.map((w) => [w.id, w])),
    ticket: new Map(tickets.map((t) => [t.id, t])),
    user: new Map(users.map((u) => [u.id, u])),
    item: new Map(items.map((i) => [i.id, i])),
  };
}

export type Names = Awaited<ReturnType<typeof namesFor>>;

/**
 * The cost total of each confirmed document of a list page, summed over its lines in
 * one query (a list shows no lines, yet its "total cost" column must not stay empty).
 * Drafts have no costs yet and are left out.
 */
export async function costTotalsOf(db: DbOrTx, docs: readonly DocumentRow[]): Promise<Map<number, number>> {
  const ids = docs.filter((d) => d.state === 'confirmed').map((d) => d.id);
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('stock_document_lines')
    .select((eb) => ['document_id', eb.fn.sum<number | string | null>('cost_minor').as('total')])
    .where('document_id', 'in', ids)
    .groupBy('document_id')
    .execute();
  // PostgreSQL sums a bigint into a numeric, which arrives as text.
  return new Map(rows.map((r) => [r.document_id, Number(r.total ?? 0)]));
}

/**
 * A stored document as the API shows it. The detail passes its lines (and gets their cost
 * total from them); a list page passes its totals from costTotalsOf instead.
 */
export function toDocument(d: DocumentRow, names: Names, costs: boolean, lines?: readonly LineRow[], costTotals?: ReadonlyMap<number, number>): StockDocument {
  const user = (id: number | null) => (id === null ? null : (names.user.get(id) ?? { id, name: `#${id}` }));
  const wh = (id: number) => names.warehouse.get(id) ?? { id, code: '', name: `#${id}` };
  const t = d.ticket_id === null ? null : (names.ticket.get(d.ticket_id) ?? null);
  const doc: StockDocument = {
    id: d.id, kind: d.kind, state: d.state, number: d.number, date: d.date,
    warehouse: wh(d.warehouse_id), targetWarehouse: d.target_warehouse_id === null ? null : wh(d.target_warehouse_id),
    ticket: t, clientId: d.client_id, supplier: d.supplier, supplierDocumentNumber: d.supplier_document_number,
    returnsDocumentId: d.returns_document_id, reason: d.reason, note: d.note,
    createdBy: user(d.created_by), confirmedBy: user(d.confirmed_by), confirmedAt: d.confirmed_at,
    version: d.version, createdAt: d.created_at, updatedAt: d.updated_at,
  };
  if (costs) doc.costCurrency = d.cost_currency;
  if (lines) {
    doc.lines = lines.map((l) => {
      const item = names.item.get(l.item_id);
      return {
        id: l.id, position: l.position, itemId: l.item_id, itemCode: item?.code ?? '', itemName: item?.name ?? `#${l.item_id}`, unit: item?.unit ?? '',
        quantity: formatQuantity(Number(l.quantity_milli)), serials: JSON.parse(l.serials_json) as string[], recordId: l.record_id,
        ...(costs ? { unitPriceMinor: l.unit_price_minor === null ? null : Number(l.unit_price_minor), costMinor: l.cost_minor === null ? null : Number(l.cost_minor) } : {}),
      };
    });
    if (costs) doc.totalCostMinor = d.state === 'confirmed' ? lines.reduce((s, l) => s + Number(l.cost_minor ?? 0), 0) : null;
  } else if (costs && costTotals) {
    doc.totalCostMinor = d.state === 'confirmed' ? (costTotals.get(d.id) ?? 0) : null;
  }
  return doc;
}
