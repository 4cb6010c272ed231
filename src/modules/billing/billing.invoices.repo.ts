/**
 * SQL of invoicing (Kysely, SQLite and PostgreSQL): reading invoices, their
 * lines, payments and credit notes, and the guarded writes of issuing. Every
 * write of an issued document goes through a condition on its state, so two
 * processes racing on one draft cannot both win.
 */
import { sql, type Insertable } from 'kysely';
import type { DbOrTx, InvoiceLinesTable, InvoicesTable, Tx } from '../../platform/db/index.ts';
import { afterCursor, containsFolded } from '../../platform/db/index.ts';
import { escapeLike } from '../../shared/text.ts';
import { AppError } from '../../shared/errors.ts';

export type InvoiceRow = Awaited<ReturnType<typeof findInvoice>> & {};
export type LineRow = Awaited<ReturnType<typeof linesOf>>[number];

/**
 * A column in a condition that must not drive the index choice: `state || ''`.
 * Without it SQLite walks records_state_date over every approved record to find
 * the few of one invoice (found by primary key from invoice_records instead).
 */
const notIndexed = (column: 'state') => sql<string>`${sql.ref(column)} || ''`;

/** SQLite's statement variables and PostgreSQL's parameters are limited: lists of ids go in chunks. */
export const ID_CHUNK = 500;
export function chunks<T>(items: readonly T[], size = ID_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function findInvoice(db: DbOrTx, id: number) {
  return db
    .selectFrom('invoices as i')
    .innerJoin('clients as c', 'c.id', 'i.client_id')
    .leftJoin('contracts as k', 'k.id', 'i.contract_id')
    .leftJoin('invoices as o', 'o.id', 'i.corrects_invoice_id')
    .selectAll('i')
    .select(['c.name as client_name', 'k.number as contract_number', 'o.number as corrects_number'])
    .where('i.id', '=', id)
    .executeTakeFirst();
}

export async function linesOf(db: DbOrTx, invoiceId: number) {
  return db.selectFrom('invoice_lines').selectAll().where('invoice_id', '=', invoiceId).orderBy('position').orderBy('id').execute();
}

/** Net credited so far per invoice line by issued credit notes (in the line's sign). */
export async function creditedPerLine(db: DbOrTx, invoiceId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('invoice_lines as l')
    .innerJoin('invoices as cn', 'cn.id', 'l.invoice_id')
    .select(['l.corrects_line_id as lineId', (eb) => eb.fn.sum<number | string>('l.net_minor').as('net')])
    .where('cn.corrects_invoice_id', '=', invoiceId)
    .where('cn.state', '<>', 'draft')
    .where('l.corrects_line_id', 'is not', null)
    .groupBy('l.corrects_line_id')
    .execute();
  return new Map(rows.map((r) => [Number(r.lineId), -Number(r.net)]));
}

/** An invoice's payments, refunds and reversals in the order they were dated and recorded, with who recorded each. */
export async function paymentsOf(db: DbOrTx, invoiceId: number) {
  return db
    .selectFrom('invoice_payments as p')
    .leftJoin('users as u', 'u.id', 'p.created_by')
    .selectAll('p')
    .select('u.name as created_by_name')
    .where('p.invoice_id', '=', invoiceId)
    .orderBy('p.date')
    .orderBy('p.id')
    .execute();
}
export type PaymentRow = Awaited<ReturnType<typeof paymentsOf>>[number];

export async function creditNotesOf(db: DbOrTx, invoiceId: number) {
  return db
    .selectFrom('invoices')
    .select(['id', 'number', 'state', 'issue_date', 'total_minor', 'credit_reason', 'releases_records'])
    .where('corrects_invoice_id', '=', invoiceId)
    .where('state', '<>', 'draft')
    .orderBy('id')
    .execute();
}

export async function recordIdsOf(db: DbOrTx, invoiceId: number): Promise<number[]> {
  const rows = await db.selectFrom('invoice_records').select('record_id').where('invoice_id', '=', invoiceId).orderBy('record_id').execute();
  return rows.map((r) => Number(r.record_id));
}

export async function recordsCount(db: DbOrTx, invoiceId: number): Promise<number> {
  const row = await db.selectFrom('invoice_records').select((eb) => eb.fn.countAll<number | string>().as('n')).where('invoice_id', '=', invoiceId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface InvoiceFilters {
  state?: 'draft' | 'issued' | 'sent' | 'paid' | 'credited' | 'overdue' | 'overpaid' | undefined;
  kind?: 'invoice' | 'credit_note' | undefined;
  period?: string | undefined;
  clientId?: number | undefined;
  q?: string | undefined;
}

/**
 * Newest first by id (keyset). Drafts of a run still running are not shown.
 * Overdue: issued or sent, due date before today and something still due.
 * Overpaid: an invoice whose payments exceed what is left after credit notes (refundDue).
 */
export async function listInvoices(db: DbOrTx, f: InvoiceFilters, today: string, limit: number, after: number | null) {
  let q = db
    .selectFrom('invoices as i')
    .innerJoin('clients as c', 'c.id', 'i.client_id')
    .selectAll('i')
    .select(['c.name as client_name'])
    .where('i.visible', '=', 1);
  if (f.kind) q = q.where('i.kind', '=', f.kind);
  if (f.period) q = q.where('i.period', '=', f.period);
  if (f.clientId) q = q.where('i.client_id', '=', f.clientId);
  if (f.state === 'overdue') {
    q = q
      .where('i.kind', '=', 'invoice')
      .where('i.state', 'in', ['issued', 'sent'])
      .where('i.due_date', '<', today)
      .where(sql<boolean>`i.total_minor - i.credited_minor - i.paid_minor > 0`);
  } else if (f.state === 'overpaid') {
    q = q.where('i.kind', '=', 'invoice').where(sql<boolean>`i.paid_minor - (i.total_minor - i.credited_minor) > 0`);
  } else if (f.state) q = q.where('i.state', '=', f.state);
  if (f.q) {
    const text = f.q;
    // Numbers are upper-case letters and digits: matched as typed, in upper case; client names folded.
    const number = `%${escapeLike(text.toUpperCase())}%`;
    q = q.where((eb) => eb.or([sql<boolean>`i.number like ${number} escape '\\'`, containsFolded('c.search_text', text), eb('i.variable_symbol', '=', text)]));
  }
  if (after !== null) q = q.where(afterCursor([['i.id', 'desc']], [after]));
  return q.orderBy('i.id', 'desc').limit(limit).execute();
}

export async function clientOf(db: DbOrTx, clientId: number) {
  return db.selectFrom('clients').selectAll().where('id', '=', clientId).executeTakeFirstOrThrow();
}

/**
 * Takes the draft for issuing: bumps its version only while it is a visible
 * draft. On PostgreSQL the row stays locked until the transaction ends, so a
 * second process issuing the same draft waits and then finds it issued.
 */
export async function claimDraft(trx: Tx, id: number, at: string): Promise<boolean> {
  const res = await trx
    .updateTable('invoices')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', id)
    .where('state', '=', 'draft')
    .where('kind', '=', 'invoice')
    .where('visible', '=', 1)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function markIssued(trx: Tx, id: number, values: Partial<Insertable<InvoicesTable>>): Promise<void> {
  const res = await trx.updateTable('invoices').set({ ...values, state: 'issued' }).where('id', '=', id).where('state', '=', 'draft').executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new Error(`invoice ${id} left the draft state while being issued`);
}

/**
 * Locks the records behind the invoice (approved and unbilled only) in one
 * statement; returns the ids locked and their contracts.
 */
export async function lockRecords(trx: Tx, invoiceId: number, at: string): Promise<{ id: number; contractId: number | null }[]> {
  const rows = await trx
    .updateTable('records')
    .set((eb) => ({ state: 'billed', billed_invoice_id: invoiceId, version: eb('version', '+', 1), updated_at: at }))
    .where('id', 'in', trx.selectFrom('invoice_records').select('record_id').where('invoice_id', '=', invoiceId))
    .where(notIndexed('state'), '=', 'approved')
    .where('billed_invoice_id', 'is', null)
    .returning(['id', 'contract_id'])
    .execute();
  return rows.map((r) => ({ id: Number(r.id), contractId: r.contract_id === null ? null : Number(r.contract_id) }));
}

/** The invoice row alone (issuing needs no joins). */
export async function invoiceRow(db: DbOrTx, id: number) {
  return db.selectFrom('invoices').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Records of the list that are not approved-and-unbilled, with why (for the refusal). */
export async function unlockableRecords(db: DbOrTx, recordIds: readonly number[]) {
  const out: { id: number; state: string; billedInvoiceId: number | null }[] = [];
  for (const ids of chunks(recordIds)) {
    const rows = await db.selectFrom('records').select(['id', 'state', 'billed_invoice_id']).where('id', 'in', ids).execute();
    for (const r of rows) if (r.state !== 'approved' || r.billed_invoice_id !== null) out.push({ id: r.id, state: r.state, billedInvoiceId: r.billed_invoice_id });
    const found = new Set(rows.map((r) => r.id));
    for (const id of ids) if (!found.has(id)) out.push({ id, state: 'deleted', billedInvoiceId: null });
  }
  return out;
}

/** A full credit note releases the records: approved and unbilled again, ready for the next run. */
export async function releaseRecords(trx: Tx, invoiceId: number, at: string): Promise<number> {
  const res = await trx
    .updateTable('records')
    .set((eb) => ({ state: 'approved', billed_invoice_id: null, version: eb('version', '+', 1), updated_at: at }))
    .where('id', 'in', trx.selectFrom('invoice_records').select('record_id').where('invoice_id', '=', invoiceId))
    .where('billed_invoice_id', '=', invoiceId)
    .where(notIndexed('state'), '=', 'billed')
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function insertFeePeriods(trx: Tx, rows: readonly { contract_id: number; fee_period: string; invoice_id: number }[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('invoice_fee_periods').values([...rows]).execute();
}

export async function feePeriodsTaken(db: DbOrTx, periods: readonly { contract_id: number; fee_period: string }[]) {
  const taken: { contract_id: number; fee_period: string; invoice_id: number }[] = [];
  for (const p of periods) {
    const row = await db.selectFrom('invoice_fee_periods').selectAll().where('contract_id', '=', p.contract_id).where('fee_period', '=', p.fee_period).executeTakeFirst();
    if (row) taken.push(row);
  }
  return taken;
}

/** A full credit note that releases the records also frees the fee periods of the invoice for billing again. */
export async function releaseFeePeriods(trx: Tx, invoiceId: number): Promise<number> {
  const res = await trx.deleteFrom('invoice_fee_periods').where('invoice_id', '=', invoiceId).executeTakeFirst();
  return Number(res.numDeletedRows);
}

export async function insertDocument(trx: Tx, row: Insertable<InvoicesTable>): Promise<number> {
  const res = await trx.insertInto('invoices').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(res.id);
}

export async function insertLines(trx: Tx, lines: readonly Insertable<InvoiceLinesTable>[]): Promise<void> {
  for (const part of chunks(lines, 100)) await trx.insertInto('invoice_lines').values([...part]).execute();
}

/** Payment or credit bookkeeping on an issued invoice: amounts that may change, state included, guarded by version. */
export async function updateSettlement(
  trx: Tx,
  id: number,
  version: number,
  values: { state?: InvoicesTable['state']; paid_minor?: number; credited_minor?: number; sent_at?: string; updated_at: string },
): Promise<boolean> {
  const res = await trx
    .updateTable('invoices')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertPayment(
  trx: Tx,
  row: { invoice_id: number; date: string; amount_minor: number; note: string; created_by: number | null; created_at: string; reverses_payment_id?: number },
): Promise<number> {
  const res = await trx.insertInto('invoice_payments').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(res.id);
}

export async function draftIdsOfPeriod(db: DbOrTx, period: string): Promise<number[]> {
  const rows = await db
    .selectFrom('invoices')
    .select('id')
    .where('period', '=', period)
    .where('state', '=', 'draft')
    .where('kind', '=', 'invoice')
    .where('visible', '=', 1)
    .orderBy('id')
    .execute();
  return rows.map((r) => Number(r.id));
}

/**
 * Refuses a variable symbol a document of the other kind already holds (an invoice's
 * and a credit note's must differ, or a bank payment cannot be matched); the
 * numbering module's symbol forms keep the default series apart, this catches
 * custom patterns that meet. Rolls back the caller's transaction, so no number is used.
 */
export async function assertVariableSymbolFree(trx: Tx, variableSymbol: string | null, kind: 'invoice' | 'credit_note', number: string): Promise<void> {
  if (variableSymbol === null) return;
  const other = await trx
    .selectFrom('invoices')
    .select('number')
    .where('variable_symbol', '=', variableSymbol)
    .where('kind', '=', kind === 'invoice' ? 'credit_note' : 'invoice')
    .executeTakeFirst();
  if (other) {
    throw new AppError('conflict', 'variable_symbol_taken', `${number} would get the variable symbol ${variableSymbol}, which ${other.number} already has; change the numbering pattern of ${kind === 'invoice' ? 'invoices' : 'credit notes'} so their digits differ`);
  }
}
