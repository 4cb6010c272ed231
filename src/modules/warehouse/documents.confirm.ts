import { recordAudit, type AuditWho } from '../../platform/audit/index.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError, conflict } from '../../shared/errors.ts';
import { AmountOutOfRangeError, mulDivRound } from '../../shared/money.ts';
import { formatQuantity } from '../../shared/quantity.ts';
import { allocateNumber, type DocumentType } from '../numbering/index.ts';
import { createMaterialRecords, createReturnRecord, type MaterialIssue } from '../records/index.ts';
import * as docs from './documents.repo.ts';
import type { PreparedDocument, PreparedLine } from './documents.prepare.ts';
import { returnRecordSources, slipSnapshot, type SlipSnapshot } from './slip.snapshot.ts';
import { addValue, count, issue, receive, returnShare, type Balance } from './domain/stock.ts';
import * as stock from './stock.repo.ts';
import type { DocumentKind } from './warehouse.schemas.ts';

/** The numbering series of each kind of stock document. */
export const SERIES_OF: Record<DocumentKind, DocumentType> = {
  receipt: 'receipt', transfer: 'transfer', issue: 'issue_slip', return: 'return_slip', count: 'stock_count',
};

export interface ConfirmContext {
  trx: Tx;
  now: Date;
  who: AuditWho;
  /** The user who confirms: the technician of material records. */
  userId: number;
  /** Issue slips: how their material is priced (read before the transaction). */
  pricer: MaterialIssue['pricer'] | null;
}

interface Step {
  wh: number;
  item: number;
  q: number;
  v: number;
  after: Balance;
}

function insufficient(line: PreparedLine, index: number, available: number, warehouse: { id: number; name: string }): AppError {
  const unit = line.item.unit;
  const message = `Only ${formatQuantity(available)} ${unit} of ${line.item.name} in ${warehouse.name} (${formatQuantity(line.quantityMilli)} ${unit} requested)`;
  return new AppError('conflict', 'insufficient_stock', message, {
    details: [{ path: `lines.${index}.quantity`, code: 'insufficient_stock', message }],
    // The facts as values too, so the UI can say them in the user's language.
    extra: {
      itemId: line.item.id, item: line.item.name, unit, warehouseId: warehouse.id, warehouse: warehouse.name,
      available: formatQuantity(available), requested: formatQuantity(line.quantityMilli),
    },
  });
}

/** What is confirmed: a stored draft, or a document created and confirmed at once (written only now, already confirmed). */
export type ConfirmTarget =
  | { kind: 'draft'; id: number; version: number; lineIds: readonly number[] }
  | { kind: 'new'; row: docs.NewDocumentRow; lines: readonly docs.NewLineRow[] };

/** A line whose value (or the stock value it adds to) no longer fits exact arithmetic: bad input, named on its line. */
function amountTooLarge(line: PreparedLine, index: number): AppError {
  const message = `The value of ${formatQuantity(line.quantityMilli)} ${line.item.unit} of ${line.item.name} is too large to keep in stock`;
  return new AppError('validation', 'amount_too_large', message, { details: [{ path: `lines.${index}.quantity`, code: 'amount_too_large', message }] });
}

/**
 * Confirms a document in the caller's transaction: takes the number, moves the
 * stock through the maintained balances (never below zero), appends the
 * movements, creates or reverses material records, and audits it all as one
 * entry (the material records it creates included). Any refusal throws and the
 * transaction rolls back: nothing moved, no number used. Returns the id.
 */
export async function confirmDocument(
  c: ConfirmContext, target: ConfirmTarget, p: PreparedDocument,
): Promise<{ id: number; lineIds: readonly number[]; fields: Partial<docs.DocumentRow>; costs: number[]; recordIds: (number | null)[]; vatRatesBp: (number | null)[] }> {
  const { trx, now } = c;
  const at = now.toISOString();
  const steps: (Step & { index: number })[] = [];
  const costs: number[] = [];
  const recordIds: (number | null)[] = p.lines.map(() => null);
  // Serial numbers move once the document has its id (a new one is written after the stock moved).
  const serialMoves: ((documentId: number) => Promise<void>)[] = [];

  // Issue slips and transfers take from their warehouse's balances, locked and read at once.
  const held = p.kind === 'issue' || p.kind === 'transfer' ? await stock.lockBalances(trx, p.warehouse.id, p.lines.map((l) => l.item.id)) : new Map<number, Balance>();
  const take = async (wh: { id: number; name: string }, l: PreparedLine, i: number): Promise<number> => {
    const before = held.get(l.item.id) ?? { quantityMilli: 0, valueMinor: 0 };
    if (before.quantityMilli < l.quantityMilli) throw insufficient(l, i, before.quantityMilli, wh);
    const out = issue(before, l.quantityMilli);
    held.set(l.item.id, out.balance);
    await stock.setBalance(trx, wh.id, l.item.id, out.balance, at);
    steps.push({ wh: wh.id, item: l.item.id, index: i, q: -l.quantityMilli, v: -out.valueMinor, after: out.balance });
    return out.valueMinor;
  };
  const put = async (wh: number, l: PreparedLine, i: number, value: number) => {
    const after = await stock.addToBalance(trx, wh, l.item.id, l.quantityMilli, addValue({ quantityMilli: 0, valueMinor: 0 }, l.quantityMilli, value).valueMinor, at);
    steps.push({ wh, item: l.item.id, index: i, q: l.quantityMilli, v: value, after });
  };

  // The original slip's row is locked first, so two returns of the same slip cannot both take its last pieces.
  if (p.kind === 'return') await trx.updateTable('stock_documents').set((eb) => ({ version: eb('version', '+', 0) })).where('id', '=', p.original!.id).execute();
  const n = await allocateNumber(trx, SERIES_OF[p.kind], p.date);
  const records: { recordId: number; amountMinor: number | null; costMinor: number }[] = [];

  // Balance rows are locked in item order, so two documents with the same items in another order cannot deadlock.
  const order = p.lines.map((_, i) => i).sort((a, b) => p.lines[a]!.item.id - p.lines[b]!.item.id || a - b);
  const moveLine = async (i: number) => {
    const l = p.lines[i]!;
    if (p.kind === 'receipt') {
      const value = receive({ quantityMilli: 0, valueMinor: 0 }, l.quantityMilli, l.unitPriceMinor!).valueMinor;
      await put(p.warehouse.id, l, i, value);
      if (l.serials.length) serialMoves.push((id) => receiveSerials(trx, l, p.warehouse.id, id));
      costs[i] = value;
    } else if (p.kind === 'transfer') {
      const value = await take(p.warehouse, l, i);
      await put(p.target!.id, l, i, value);
      if (l.serials.length) serialMoves.push((id) => moveSerials(trx, l, p.warehouse.id, p.target!.id, id, p.warehouse.name));
      costs[i] = value;
    } else if (p.kind === 'issue') {
      costs[i] = await take(p.warehouse, l, i);
      if (l.serials.length) serialMoves.push((id) => moveSerials(trx, l, p.warehouse.id, null, id, p.warehouse.name));
    } else if (p.kind === 'return') {
      costs[i] = await returnLine(c, p, l, i, n.number, (value) => put(p.warehouse.id, l, i, value), recordIds, records);
      if (l.serials.length) serialMoves.push((id) => returnSerials(trx, l, p.warehouse.id, p.original!.id, id));
    } else {
      const locked = await stock.lockBalance(trx, p.warehouse.id, l.item.id, at);
      const r = count(locked, l.quantityMilli, l.unitPriceMinor);
      if (r === null) {
        throw new AppError('validation', 'count_needs_cost', `${l.item.name} had no stock in ${p.warehouse.name} to take a cost from: give the unit cost of what was found (unitPriceMinor)`, {
          details: [{ path: `lines.${i}.unitPriceMinor`, code: 'count_needs_cost', message: 'Unit cost needed for stock found where there was none' }],
        });
      }
      if (r.deltaMilli !== 0) {
        await trx.updateTable('stock_balances').set({ quantity_milli: r.balance.quantityMilli, value_minor: r.balance.valueMinor }).where('warehouse_id', '=', p.warehouse.id).where('item_id', '=', l.item.id).execute();
        steps.push({ wh: p.warehouse.id, item: l.item.id, index: i, q: r.deltaMilli, v: r.deltaValueMinor, after: r.balance });
      }
      costs[i] = r.deltaValueMinor;
    }
  };
  for (const i of order) {
    try {
      await moveLine(i);
    } catch (error) {
      throw error instanceof AmountOutOfRangeError ? amountTooLarge(p.lines[i]!, i) : error;
    }
  }

  // Issue slips and returns keep the VAT rates, their country and the currencies they are issued with (slip.snapshot.ts).
  let snapshot: SlipSnapshot | null = null;
  if (p.kind === 'issue') {
    const made = await createMaterialRecords(trx, now, {
      ticket: p.ticket!, technicianId: c.userId, date: p.date, slipNumber: n.number, pricer: c.pricer!,
      lines: p.lines.map((l, i) => ({ itemId: l.item.id, itemName: l.item.name, unit: l.item.unit, quantityMilli: l.quantityMilli, salePriceMinor: l.item.sale_price_minor, vatCategory: l.item.vat_category, costMinor: costs[i]! })),
    });
    made.forEach((m, i) => {
      recordIds[i] = m.recordId;
      records.push({ recordId: m.recordId, amountMinor: m.amountMinor, costMinor: costs[i]! });
    });
    snapshot = await slipSnapshot(trx, p.date, p.lines.map((l, i) => ({ record: made[i]!, itemVatCategory: l.item.vat_category })));
  } else if (p.kind === 'return') {
    const made = await returnRecordSources(trx, recordIds);
    snapshot = await slipSnapshot(trx, p.date, p.lines.map((l, i) => ({ record: recordIds[i] === null ? null : (made.get(recordIds[i]!) ?? null), itemVatCategory: l.item.vat_category })));
  }
  const vatRatesBp = p.lines.map((_, i) => snapshot?.vatRatesBp[i] ?? null);

  const confirmed = {
    number: n.number, number_year: n.year, number_sequence: n.sequence, client_id: p.ticket?.clientId ?? null, ticket_id: p.ticket?.id ?? null,
    confirmed_by: c.userId || null, confirmed_at: at, currency: snapshot?.currency ?? null,
    cost_currency: snapshot?.costCurrency ?? null, vat_country: snapshot?.vatCountry ?? null,
  };
  let id: number;
  let lineIds: readonly number[];
  if (target.kind === 'new') {
    // The draft row has every field of `confirmed`: spreading it and overriding them is cheap (docs/ARCHITECTURE.md, “Hot paths”).
    const written = await docs.insertDocument(trx, { ...target.row, ...confirmed, state: 'confirmed' }, target.lines.map((l, i) => ({ ...l, cost_minor: costs[i]!, record_id: recordIds[i]!, vat_rate_bp: vatRatesBp[i] ?? null })));
    ({ id, lineIds } = written);
  } else {
    if (!(await docs.markConfirmed(trx, target.id, target.version, confirmed))) {
      throw conflict('not_a_draft', 'The document was confirmed or changed by someone else meanwhile; reload it');
    }
    ({ id, lineIds } = target);
    for (const [i, lineId] of lineIds.entries()) await docs.setLineOutcome(trx, lineId, costs[i]!, recordIds[i]!, vatRatesBp[i] ?? null);
  }
  for (const move of serialMoves) await move(id);
  await stock.insertMovements(trx, steps.map((s) => ({
    warehouse_id: s.wh, item_id: s.item, document_id: id, line_id: lineIds[s.index]!, date: p.date,
    quantity_milli: s.q, value_minor: s.v, balance_milli: s.after.quantityMilli, balance_value_minor: s.after.valueMinor, created_at: at,
  })));
  await recordAudit(trx, now, c.who, {
    entity: 'stock_document', entityId: id, action: target.kind === 'new' ? 'create_confirm' : 'confirm',
    after: {
      kind: p.kind, number: n.number, date: p.date, warehouseId: p.warehouse.id, targetWarehouseId: p.target?.id ?? null, ticketId: p.ticket?.id ?? null,
      reason: p.reason, movements: steps.map((s) => ({ warehouseId: s.wh, itemId: s.item, quantity: formatQuantity(s.q), valueMinor: s.v, balance: formatQuantity(s.after.quantityMilli) })),
      // The material records this created on the ticket (they have no audit entries of their own: this is it).
      records,
    },
  });
  return { id, lineIds, fields: { ...confirmed, state: 'confirmed' }, costs, recordIds, vatRatesBp };
}

/**
 * One line of a return: the goods come back at the ORIGINAL cost (their share of
 * the issue slip line's cost), and the ticket gets a negative material record at
 * the original price (see createReturnRecord in the records module for why a new
 * record and not a change of the old one). Lines of the slip with the item are
 * used in order; what earlier returns took is not available again.
 */
async function returnLine(
  c: ConfirmContext, p: PreparedDocument, l: PreparedLine, i: number, number: string, put: (value: number) => Promise<void>,
  recordIds: (number | null)[], records: { recordId: number; amountMinor: number | null; costMinor: number }[],
): Promise<number> {
  const { trx } = c;
  const originals = (await docs.linesOf(trx, p.original!.id)).filter((o) => o.item_id === l.item.id);
  const returned = await trx
    .selectFrom('stock_document_lines as rl')
    .innerJoin('stock_documents as rd', 'rd.id', 'rl.document_id')
    .select((eb) => [eb.fn.sum<number>('rl.quantity_milli').as('q')])
    .where('rd.returns_document_id', '=', p.original!.id)
    .where('rd.state', '=', 'confirmed')
    .where('rl.item_id', '=', l.item.id)
    .executeTakeFirst();
  let before = Number(returned?.q ?? 0);
  const issued = originals.reduce((s, o) => s + Number(o.quantity_milli), 0);
  const left = issued - before - returnedInThisDocument(p, i);
  if (l.quantityMilli > left) {
    const message = `Only ${formatQuantity(Math.max(left, 0))} ${l.item.unit} of ${l.item.name} from ${p.original!.number} can still be returned (${formatQuantity(l.quantityMilli)} ${l.item.unit} given)`;
    throw new AppError('conflict', 'return_exceeds_issue', message, {
      details: [{ path: `lines.${i}.quantity`, code: 'return_exceeds_issue', message }],
      extra: {
        itemId: l.item.id, item: l.item.name, unit: l.item.unit, slip: p.original!.number,
        returnable: formatQuantity(Math.max(left, 0)), given: formatQuantity(l.quantityMilli),
      },
    });
  }
  before += returnedInThisDocument(p, i);
  // Walk the slip's lines of this item: skip what earlier returns took, then take from each what is left.
  let remaining = l.quantityMilli;
  let cost = 0;
  let offset = before;
  for (const o of originals) {
    const oq = Number(o.quantity_milli);
    if (offset >= oq) {
      offset -= oq;
      continue;
    }
    const q = Math.min(oq - offset, remaining);
    const prior = await priorReturns(trx, o.record_id, oq, Number(o.cost_minor ?? 0), offset);
    const lineCost = returnShare({ quantityMilli: oq, amountMinor: Number(o.cost_minor ?? 0) }, { quantityMilli: offset, amountMinor: prior.cost }, q);
    const amount = prior.amount === null ? null : returnShare({ quantityMilli: oq, amountMinor: prior.originalAmount! }, { quantityMilli: offset, amountMinor: prior.amount }, q);
    if (o.record_id !== null) {
      recordIds[i] = await createReturnRecord(trx, c.now, { originalRecordId: o.record_id, quantityMilli: q, amountMinor: amount, costMinor: lineCost, technicianId: c.userId, date: p.date, slipNumber: number });
      records.push({ recordId: recordIds[i]!, amountMinor: amount === null ? null : -amount, costMinor: -lineCost });
    }
    cost += lineCost;
    remaining -= q;
    offset = 0;
    if (remaining === 0) break;
  }
  await put(cost);
  return cost;
}

/** What earlier lines of the same return document take of the same item. */
function returnedInThisDocument(p: PreparedDocument, index: number): number {
  return p.lines.slice(0, index).filter((o) => o.item.id === p.lines[index]!.item.id).reduce((s, o) => s + o.quantityMilli, 0);
}

/** The amounts earlier returns took of one original line's cost and material record (cumulative shares, see returnShare). */
async function priorReturns(trx: Tx, recordId: number | null, quantity: number, cost: number, returnedQuantity: number) {
  const rec = recordId === null ? null : await trx.selectFrom('records').select(['amount_minor']).where('id', '=', recordId).executeTakeFirst();
  const originalAmount = rec?.amount_minor ?? null;
  // Every return took its cumulative share, so together they took exactly the share of the quantity returned so far.
  const share = (amount: number) => mulDivRound(amount, returnedQuantity, 1, quantity);
  return { cost: share(cost), amount: originalAmount === null ? null : share(originalAmount), originalAmount };
}

async function receiveSerials(trx: Tx, l: PreparedLine, wh: number, documentId: number): Promise<void> {
  for (const serial of l.serials) {
    const existing = await trx.selectFrom('stock_serials').select('warehouse_id').where('item_id', '=', l.item.id).where('serial', '=', serial).executeTakeFirst();
    if (existing && existing.warehouse_id !== null) throw conflict('serial_in_stock', `Serial number ${serial} of ${l.item.name} is already in stock`);
    await trx
      .insertInto('stock_serials')
      .values({ item_id: l.item.id, serial, warehouse_id: wh, document_id: documentId })
      .onConflict((oc) => oc.columns(['item_id', 'serial']).doUpdateSet({ warehouse_id: wh, document_id: documentId }))
      .execute();
  }
}

async function moveSerials(trx: Tx, l: PreparedLine, from: number, to: number | null, documentId: number, fromName: string): Promise<void> {
  for (const serial of l.serials) {
    const r = await trx.updateTable('stock_serials').set({ warehouse_id: to, document_id: documentId }).where('item_id', '=', l.item.id).where('serial', '=', serial).where('warehouse_id', '=', from).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw conflict('serial_not_in_warehouse', `Serial number ${serial} of ${l.item.name} is not in ${fromName}`);
  }
}

async function returnSerials(trx: Tx, l: PreparedLine, wh: number, originalId: number, documentId: number): Promise<void> {
  for (const serial of l.serials) {
    const r = await trx.updateTable('stock_serials').set({ warehouse_id: wh, document_id: documentId }).where('item_id', '=', l.item.id).where('serial', '=', serial).where('warehouse_id', 'is', null).where('document_id', '=', originalId).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw conflict('serial_not_on_slip', `Serial number ${serial} of ${l.item.name} was not issued on this slip`);
  }
}
