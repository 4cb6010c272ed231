import { idParams, preparedQuery, type DbOrTx } from '../../platform/db/index.ts';
import { failIf, forbidden, unknownReference, type ErrorDetail } from '../../shared/errors.ts';
import { formatQuantity, tryParseQuantity } from '../../shared/quantity.ts';
import { hasPermission, type RequestContext } from '../identity/index.ts';
import { materialTicket, type MaterialTicket } from '../records/index.ts';
import { MAX_QUANTITY_MILLI, MAX_QUANTITY_UNITS } from './domain/quantities.ts';
import { wholeUnitProblem } from '../../shared/counted-units.ts';
import * as docs from './documents.repo.ts';
import { itemsByIds, type ItemRow } from './items.repo.ts';
import { usableWarehouseIds } from './warehouse.context.ts';
import type { DocumentKind, DocumentInput, LineInput } from './warehouse.schemas.ts';

export interface WarehouseRef {
  id: number;
  code: string;
  name: string;
  active: boolean;
}

const warehousesQuery = preparedQuery((db, ids: Record<string, number>) => db.selectFrom('warehouses').select(['id', 'code', 'name', 'active']).where('id', 'in', Object.values(ids)));

async function warehousesByIds(db: DbOrTx, ids: number[]): Promise<WarehouseRef[]> {
  const rows = await warehousesQuery(db, idParams(ids));
  return rows.map((r) => ({ ...r, active: r.active === 1 }));
}

/** A document checked against the catalogue, the warehouses the actor may use and the ticket scope. */
export interface PreparedLine {
  item: ItemRow;
  quantityMilli: number;
  unitPriceMinor: number | null;
  serials: string[];
}

export interface PreparedDocument {
  kind: DocumentKind;
  date: string;
  warehouse: WarehouseRef;
  target: WarehouseRef | null;
  ticket: MaterialTicket | null;
  supplier: string | null;
  supplierDocumentNumber: string | null;
  /** Returns: the confirmed issue slip. */
  original: docs.DocumentRow | null;
  reason: string | null;
  note: string | null;
  lines: PreparedLine[];
}

/** Receiving, transferring and counting is store work; issuing and returning material is every technician's. */
export const PERMISSION_OF: Record<DocumentKind, 'stock.receive' | 'stock.issue'> = {
  receipt: 'stock.receive', transfer: 'stock.receive', count: 'stock.receive', issue: 'stock.issue', return: 'stock.issue',
};

const DECIMAL = /^-?\d+(?:\.(\d+))?$/;

/** The quantity of a line in thousandths, or the problem with it. Counts may be 0 (nothing found); everything else moves more than 0. */
export function quantityProblem(text: string, path: string, zeroAllowed: boolean): { value: number } | { problem: ErrorDetail } {
  const bad = (code: string, message: string) => ({ problem: { path, code, message } });
  const m = DECIMAL.exec(text.trim());
  if (!m) return bad('invalid_quantity', `"${text}" is not a quantity: use digits and "." as the decimal point, e.g. 2 or 1.5`);
  if ((m[1]?.length ?? 0) > 3) return bad('too_many_decimals', `"${text}" has more than 3 decimal places`);
  // Digits well formed but too many to count exactly in thousandths: far beyond the bound either way.
  const value = tryParseQuantity(text.trim()) ?? (text.trim().startsWith('-') ? -Infinity : Infinity);
  if (value < 0 || (value === 0 && !zeroAllowed)) return bad('quantity_not_positive', zeroAllowed ? 'The quantity cannot be negative' : 'The quantity must be more than 0');
  if (value > MAX_QUANTITY_MILLI) return bad('quantity_too_large', `${Number.isFinite(value) ? formatQuantity(value) : text.trim()} is more than ${MAX_QUANTITY_UNITS} units`);
  return { value };
}

function fieldProblems(input: DocumentInput): ErrorDetail[] {
  const p: ErrorDetail[] = [];
  const need = (ok: boolean, path: string, message: string) => ok || p.push({ path, code: 'required', message });
  const none = (value: unknown, path: string, message: string) => (value === null || value === undefined) || p.push({ path, code: 'not_applicable', message });
  const k = input.kind;
  need(k !== 'transfer' || !!input.targetWarehouseId, 'targetWarehouseId', 'A transfer needs the warehouse the stock goes to');
  if (k === 'transfer' && input.targetWarehouseId === input.warehouseId) p.push({ path: 'targetWarehouseId', code: 'same_warehouse', message: 'A transfer must go to another warehouse' });
  need(k !== 'issue' || !!input.ticketId, 'ticketId', 'An issue slip needs the ticket the material is for');
  need(k !== 'return' || !!input.returnsDocumentId, 'returnsDocumentId', 'A return needs the issue slip the goods come back from');
  need(k !== 'count' || !!input.reason?.trim(), 'reason', 'A stock count needs a reason');
  if (k !== 'transfer') none(input.targetWarehouseId, 'targetWarehouseId', 'Only a transfer has a target warehouse');
  if (k !== 'return') none(input.returnsDocumentId, 'returnsDocumentId', 'Only a return refers to an issue slip');
  if (k !== 'issue' && k !== 'return') none(input.ticketId, 'ticketId', 'Only issue slips (and their returns) are for a ticket');
  if (k !== 'receipt') {
    none(input.supplier, 'supplier', 'Only a receipt has a supplier');
    none(input.supplierDocumentNumber, 'supplierDocumentNumber', 'Only a receipt has a supplier document number');
  }
  return p;
}

function lineProblems(kind: DocumentKind, lines: readonly LineInput[], items: Map<number, ItemRow>, out: PreparedLine[]): ErrorDetail[] {
  const p: ErrorDetail[] = [];
  const seenSerials = new Map<string, string>();
  lines.forEach((l, i) => {
    const at = `lines.${i}`;
    const item = items.get(l.itemId);
    if (!item) {
      p.push(unknownReference(`${at}.itemId`, `Item #${l.itemId}`));
      return;
    }
    if (!item.active && (kind === 'receipt' || kind === 'issue' || kind === 'transfer')) p.push({ path: `${at}.itemId`, code: 'item_inactive', message: `${item.name} is deactivated` });
    const q = quantityProblem(l.quantity, `${at}.quantity`, kind === 'count');
    if ('problem' in q) p.push(q.problem);
    const price = l.unitPriceMinor ?? null;
    if (kind === 'receipt' && price === null) p.push({ path: `${at}.unitPriceMinor`, code: 'required', message: `The purchase price of ${item.name} is missing` });
    if (price !== null && price < 0) p.push({ path: `${at}.unitPriceMinor`, code: 'negative_price', message: 'A price cannot be negative' });
    if (price !== null && kind !== 'receipt' && kind !== 'count') p.push({ path: `${at}.unitPriceMinor`, code: 'not_applicable', message: 'Only receipts (and counts) carry a price: other movements are valued at the weighted-average cost' });
    const serials = (l.serials ?? []).map((s) => s.trim());
    if (item.serial_tracking === 1) {
      if (kind === 'count') p.push({ path: `${at}.itemId`, code: 'count_of_serials', message: `${item.name} is tracked by serial numbers: correct it with receipts and issue slips, not a count` });
      else if ('value' in q) {
        if (q.value % 1000 !== 0) p.push({ path: `${at}.quantity`, code: 'whole_pieces', message: `${item.name} is tracked by serial numbers: whole pieces only` });
        else if (serials.length !== q.value / 1000) p.push({ path: `${at}.serials`, code: 'serials_count', message: `${item.name} is tracked by serial numbers: give ${q.value / 1000} serial number(s), one per piece (${serials.length} given)` });
      }
      serials.forEach((s, j) => {
        const key = `${item.id}\u0000${s}`;
        if (!s) p.push({ path: `${at}.serials.${j}`, code: 'empty_serial', message: 'A serial number cannot be empty' });
        else if (seenSerials.has(key)) p.push({ path: `${at}.serials.${j}`, code: 'duplicate_serial', message: `Serial number ${s} of ${item.name} is listed twice (also at ${seenSerials.get(key)})` });
        else seenSerials.set(key, `${at}.serials.${j}`);
      });
    } else if (serials.length) {
      p.push({ path: `${at}.serials`, code: 'not_tracked', message: `${item.name} is not tracked by serial numbers` });
    }
    // Serial-tracked items have their own whole-pieces rule above; every other counted item moves in whole units too.
    const fraction = 'value' in q && item.serial_tracking !== 1 ? wholeUnitProblem(q.value, item.unit, item.name) : null;
    if (fraction) p.push({ path: `${at}.quantity`, code: 'not_whole_units', message: fraction });
    if ('value' in q) out.push({ item, quantityMilli: q.value, unitPriceMinor: price, serials });
  });
  return p;
}

/**
 * Checks a document as a whole and names every problem at once (400), then
 * whether the actor may use its warehouse (403) and see its ticket (404).
 */
export async function prepareDocument(db: DbOrTx, ctx: RequestContext, input: DocumentInput): Promise<PreparedDocument> {
  if (!hasPermission(ctx.actor, PERMISSION_OF[input.kind])) throw forbidden(input.kind === 'issue' || input.kind === 'return' ? 'You may not issue material' : 'You may not receive, transfer or count stock');
  const problems = fieldProblems(input);
  const whIds = [input.warehouseId, ...(input.targetWarehouseId ? [input.targetWarehouseId] : [])];
  const [items, warehouses, original] = await Promise.all([
    itemsByIds(db, input.lines.map((l) => l.itemId)),
    warehousesByIds(db, whIds),
    input.kind === 'return' && input.returnsDocumentId ? docs.findDocument(db, input.returnsDocumentId) : Promise.resolve(undefined),
  ]);
  const lines: PreparedLine[] = [];
  problems.push(...lineProblems(input.kind, input.lines, items, lines));
  const warehouse = warehouses.find((w) => w.id === input.warehouseId);
  const target = input.targetWarehouseId ? (warehouses.find((w) => w.id === input.targetWarehouseId) ?? null) : null;
  if (!warehouse) problems.push(unknownReference('warehouseId', `Warehouse #${input.warehouseId}`));
  else if (!warehouse.active) problems.push({ path: 'warehouseId', code: 'warehouse_inactive', message: `${warehouse.name} is deactivated` });
  if (input.targetWarehouseId && !target) problems.push(unknownReference('targetWarehouseId', `Warehouse #${input.targetWarehouseId}`));
  else if (target && !target.active) problems.push({ path: 'targetWarehouseId', code: 'warehouse_inactive', message: `${target.name} is deactivated` });
  if (input.kind === 'return' && input.returnsDocumentId) {
    if (!original) problems.push(unknownReference('returnsDocumentId', `Stock document #${input.returnsDocumentId}`));
    else if (original.kind !== 'issue' || original.state !== 'confirmed') problems.push({ path: 'returnsDocumentId', code: 'not_a_confirmed_issue_slip', message: 'Goods can be returned only from a confirmed issue slip' });
    else if (input.ticketId && input.ticketId !== original.ticket_id) problems.push({ path: 'ticketId', code: 'ticket_mismatch', message: 'A return goes back to the ticket of its issue slip' });
  }
  failIf(problems);

  const usable = await usableWarehouseIds(db, ctx);
  if (usable !== null && !usable.has(warehouse!.id)) throw forbidden(`You may not use the warehouse ${warehouse!.name}`);
  const ticketId = input.kind === 'issue' ? input.ticketId! : input.kind === 'return' ? original!.ticket_id : null;
  const ticket = ticketId === null ? null : await materialTicket(db, ctx, ticketId);
  return {
    kind: input.kind, date: input.date, warehouse: warehouse!, target, ticket,
    supplier: input.supplier ?? null, supplierDocumentNumber: input.supplierDocumentNumber ?? null,
    original: original ?? null, reason: input.reason ?? null, note: input.note ?? null, lines,
  };
}
