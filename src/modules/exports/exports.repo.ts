/**
 * Queries of the exports module. What is exportable is read from the billing
 * and warehouse tables per the agreed schema (ids and dates, and for the preview's
 * list the number, client name and an issued invoice's stored total); the documents
 * themselves come through those modules' doors.
 */
import { sql } from 'kysely';
import type { Db, DbOrTx, Tx } from '../../platform/db/index.ts';
import type { ExportDocumentKind } from '../../platform/db/tables/exports.ts';
import type { ExportFormat } from './domain/exporter.ts';

/** Invoice states that are tax documents: everything past draft. */
const ISSUED_STATES = ['issued', 'sent', 'paid', 'credited'] as const;

export interface Candidate {
  id: number;
  number: string;
  clientId: number | null;
  /** The client's name as the preview lists it; null for a slip without a client. */
  clientName: string | null;
  /** An invoice's or credit note's total with VAT as issued; null for slips (their amount is the warehouse's to tell). */
  totalMinor: number | null;
  currency: string | null;
  kind: string;
  exported: boolean;
}

function exportedIn(format: ExportFormat, kind: ExportDocumentKind, idColumn: 'invoices.id' | 'stock_documents.id') {
  return sql<number>`case when exists (select 1 from export_batch_documents d join export_batches b on b.id = d.batch_id
    where b.format = ${format} and d.document_kind = ${kind} and d.document_id = ${sql.ref(idColumn)}) then 1 else 0 end`;
}

/** Issued invoices and credit notes whose tax point (or issue date) falls in [from, to], oldest first. */
export async function invoiceCandidates(db: DbOrTx, format: ExportFormat, from: string, to: string): Promise<Candidate[]> {
  const rows = await db
    .selectFrom('invoices')
    .innerJoin('clients', 'clients.id', 'invoices.client_id')
    .select(['invoices.id', 'invoices.client_id', 'invoices.kind', 'invoices.number', 'invoices.total_minor', 'invoices.currency', 'clients.name as client_name'])
    .select(exportedIn(format, 'invoice', 'invoices.id').as('exported'))
    .where('invoices.state', 'in', ISSUED_STATES)
    .where('invoices.number', 'is not', null)
    .where(sql<string>`coalesce(invoices.taxable_supply_date, invoices.issue_date)`, '>=', from)
    .where(sql<string>`coalesce(invoices.taxable_supply_date, invoices.issue_date)`, '<=', to)
    .orderBy('invoices.issue_date')
    .orderBy('invoices.number')
    .orderBy('invoices.id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id), number: r.number ?? '', clientId: Number(r.client_id), clientName: r.client_name, totalMinor: Number(r.total_minor), currency: r.currency, kind: r.kind,
    exported: Number(r.exported) === 1,
  }));
}

/**
 * Drafts that will fall in [from, to] once issued: not exportable yet, so the preview says how many wait.
 * A draft without a tax point gets the last day of its billing month at issue, so its month decides.
 */
export async function draftCount(db: DbOrTx, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('invoices')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('invoices.state', '=', 'draft')
    .where((eb) =>
      eb.or([
        eb.and([eb('invoices.taxable_supply_date', '>=', from), eb('invoices.taxable_supply_date', '<=', to)]),
        eb.and([eb('invoices.taxable_supply_date', 'is', null), eb('invoices.period', '>=', from.slice(0, 7)), eb('invoices.period', '<=', to.slice(0, 7))]),
      ]),
    )
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Issued credit notes correcting invoices whose tax point falls in [from, to] but with their own
 * tax point after `to`: a credit note is exported by its own tax point, so it goes with a later
 * period. Counted per month of that tax point ('2026-11'), earliest first, so the preview can say where they went.
 */
export async function laterCreditNotes(db: DbOrTx, from: string, to: string): Promise<{ month: string; count: number }[]> {
  const taxPoint = (table: 'note' | 'corrected') => sql<string>`coalesce(${sql.ref(`${table}.taxable_supply_date`)}, ${sql.ref(`${table}.issue_date`)})`;
  const rows = await db
    .selectFrom('invoices as note')
    .innerJoin('invoices as corrected', 'corrected.id', 'note.corrects_invoice_id')
    .select(taxPoint('note').as('tax_point'))
    .where('note.kind', '=', 'credit_note')
    .where('note.state', 'in', ISSUED_STATES)
    .where('note.number', 'is not', null)
    .where(taxPoint('corrected'), '>=', from)
    .where(taxPoint('corrected'), '<=', to)
    .where(taxPoint('note'), '>', to)
    .execute();
  const perMonth = new Map<string, number>();
  for (const r of rows) {
    const month = String(r.tax_point).slice(0, 7);
    perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
  }
  return [...perMonth].sort(([a], [b]) => a.localeCompare(b)).map(([month, count]) => ({ month, count }));
}

/** Confirmed issue slips dated in [from, to], oldest first. */
export async function slipCandidates(db: DbOrTx, format: ExportFormat, from: string, to: string): Promise<Candidate[]> {
  const rows = await db
    .selectFrom('stock_documents')
    .leftJoin('clients', 'clients.id', 'stock_documents.client_id')
    .select(['stock_documents.id', 'stock_documents.client_id', 'stock_documents.number', 'stock_documents.currency', 'clients.name as client_name'])
    .select(exportedIn(format, 'slip', 'stock_documents.id').as('exported'))
    .where('stock_documents.kind', '=', 'issue')
    .where('stock_documents.state', '=', 'confirmed')
    .where('stock_documents.date', '>=', from)
    .where('stock_documents.date', '<=', to)
    .orderBy('stock_documents.date')
    .orderBy('stock_documents.id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id), number: r.number ?? '', clientId: r.client_id === null ? null : Number(r.client_id), clientName: r.client_name ?? null, totalMinor: null,
    currency: r.currency, kind: 'slip', exported: Number(r.exported) === 1,
  }));
}

/** Of these clients, the ones an earlier batch of the format already carried (address-book entries). */
export async function clientsExported(db: DbOrTx, format: ExportFormat, clientIds: readonly number[]): Promise<Set<number>> {
  const out = new Set<number>();
  for (let i = 0; i < clientIds.length; i += 500) {
    const rows = await db
      .selectFrom('export_batch_documents as d')
      .innerJoin('export_batches as b', 'b.id', 'd.batch_id')
      .select('d.document_id')
      .distinct()
      .where('b.format', '=', format)
      .where('d.document_kind', '=', 'client')
      .where('d.document_id', 'in', clientIds.slice(i, i + 500))
      .execute();
    for (const r of rows) out.add(Number(r.document_id));
  }
  return out;
}

export interface NewBatch {
  format: ExportFormat;
  period: string;
  createdBy: number | null;
  createdAt: string;
  documentCount: number;
  fileName: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  includeExported: boolean;
}

export async function insertBatch(trx: Tx, batch: NewBatch, documents: readonly { kind: ExportDocumentKind; id: number }[]): Promise<number> {
  const row = await trx
    .insertInto('export_batches')
    .values({
      format: batch.format, period: batch.period, created_by: batch.createdBy, created_at: batch.createdAt, document_count: batch.documentCount,
      file_name: batch.fileName, media_type: batch.mediaType, byte_size: batch.byteSize, sha256: batch.sha256, include_exported: batch.includeExported ? 1 : 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  // Chunks keep every statement under both engines' parameter limits.
  for (let i = 0; i < documents.length; i += 500) {
    await trx
      .insertInto('export_batch_documents')
      .values(documents.slice(i, i + 500).map((d) => ({ batch_id: id, document_kind: d.kind, document_id: d.id })))
      .execute();
  }
  return id;
}

export interface BatchRow {
  id: number;
  format: string;
  period: string;
  createdAt: string;
  /** null id: the command line. */
  createdBy: { id: number | null; name: string };
  documentCount: number;
  fileName: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  includeExported: boolean;
}

function batchQuery(db: DbOrTx) {
  return db
    .selectFrom('export_batches as b')
    .leftJoin('users as u', 'u.id', 'b.created_by')
    .select(['b.id', 'b.format', 'b.period', 'b.created_at', 'b.created_by', 'u.name as user_name', 'b.document_count', 'b.file_name', 'b.media_type', 'b.byte_size', 'b.sha256', 'b.include_exported']);
}

type RawBatch = Awaited<ReturnType<ReturnType<typeof batchQuery>['executeTakeFirstOrThrow']>>;

function toBatch(r: RawBatch): BatchRow {
  return {
    id: Number(r.id), format: r.format, period: r.period, createdAt: r.created_at, createdBy: { id: r.created_by === null ? null : Number(r.created_by), name: r.user_name ?? 'system' },
    documentCount: Number(r.document_count), fileName: r.file_name, mediaType: r.media_type, byteSize: Number(r.byte_size), sha256: r.sha256,
    includeExported: Number(r.include_exported) === 1,
  };
}

/** Newest first; keyset by id. */
export async function listBatches(db: Db, filters: { period?: string | undefined; format?: string | undefined; invoiceId?: number | undefined }, afterId: number | null, limit: number): Promise<BatchRow[]> {
  let q = batchQuery(db).orderBy('b.id', 'desc').limit(limit);
  if (filters.period) q = q.where('b.period', '=', filters.period);
  if (filters.format) q = q.where('b.format', '=', filters.format);
  if (filters.invoiceId !== undefined) {
    const invoiceId = filters.invoiceId;
    q = q.where((eb) => eb.exists(eb.selectFrom('export_batch_documents as d').select('d.batch_id').whereRef('d.batch_id', '=', 'b.id').where('d.document_kind', '=', 'invoice').where('d.document_id', '=', invoiceId)));
  }
  if (afterId !== null) q = q.where('b.id', '<', afterId);
  return (await q.execute()).map(toBatch);
}

export async function findBatch(db: DbOrTx, id: number): Promise<BatchRow | null> {
  const row = await batchQuery(db).where('b.id', '=', id).executeTakeFirst();
  return row ? toBatch(row) : null;
}
