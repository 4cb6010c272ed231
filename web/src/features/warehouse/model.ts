// Pure helpers of the warehouse pages: kinds ↔ URLs, what a scanner typed, a document
// form's values → the API body (with the problems to show on fields), serial numbers.
import { localeTag } from '../../app/format';
import { majorToMinor } from '../pricing/money';
import { parseDecimalInput } from '../records/format';
import type { DocumentInput, DocumentKind, Item, StockDocument } from './api';
import { isCountedUnit, MAX_QUANTITY, MAX_UNIT_PRICE_MINOR } from './units';

/** URL segment of each kind's list: /warehouse/receipts, /warehouse/issues, … */
export const KIND_PATHS: Record<DocumentKind, string> = {
  receipt: 'receipts',
  transfer: 'transfers',
  issue: 'issues',
  return: 'returns',
  count: 'counts',
};

/**
 * The stock table filtered to what is below its minimum (the switch "Only below minimum"):
 * where the home page's card and the Warehouse menu item's count lead.
 */
export const BELOW_MINIMUM_PARAM = 'below';
export const BELOW_MINIMUM_PATH = `/warehouse/stock?${BELOW_MINIMUM_PARAM}=1`;

export function kindFromPath(segment: string | undefined): DocumentKind | null {
  const found = (Object.entries(KIND_PATHS) as [DocumentKind, string][]).find(([, path]) => path === segment);
  return found ? found[0] : null;
}

/** Which permission creates a document of this kind (roles.ts). */
export function permissionForKind(kind: DocumentKind): 'stock.receive' | 'stock.issue' {
  return kind === 'issue' || kind === 'return' ? 'stock.issue' : 'stock.receive';
}

/**
 * The item a scanner (or a quick typist) meant: an exact EAN or code match wins,
 * case-insensitively; else the only result; else none (the user picks from the list).
 */
export function exactItem<T extends Pick<Item, 'code' | 'ean'>>(items: readonly T[], typed: string): T | null {
  const text = typed.trim().toLowerCase();
  if (!text) return null;
  const exact = items.filter((i) => (i.ean ?? '').toLowerCase() === text || i.code.toLowerCase() === text);
  if (exact.length === 1) return exact[0] ?? null;
  return items.length === 1 ? (items[0] ?? null) : null;
}

/** Serial numbers as typed or scanned: one a line (or separated by commas / semicolons), no blanks, no repeats. */
export function parseSerials(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/[\n,;]+/)) {
    const s = part.trim();
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}

export interface LineValues {
  key: string;
  itemId: number | null;
  itemLabel: string;
  unit: string;
  serialTracked: boolean;
  quantity: string;
  /** Receipts: price per unit in major units as typed ("1 500,00"). */
  unitPrice: string;
  serials: string;
}

export interface DocumentValues {
  kind: DocumentKind;
  date: string;
  warehouseId: string | null;
  targetWarehouseId: string | null;
  ticketId: number | null;
  supplier: string;
  supplierDocumentNumber: string;
  returnsDocumentId: number | null;
  reason: string;
  note: string;
  lines: LineValues[];
}

let lineCounter = 0;
export function emptyLine(): LineValues {
  lineCounter += 1;
  return { key: `l${lineCounter}`, itemId: null, itemLabel: '', unit: '', serialTracked: false, quantity: '', unitPrice: '', serials: '' };
}

export function emptyDocument(kind: DocumentKind, date: string, warehouseId: number | null): DocumentValues {
  return {
    kind, date, warehouseId: warehouseId === null ? null : String(warehouseId), targetWarehouseId: null, ticketId: null,
    supplier: '', supplierDocumentNumber: '', returnsDocumentId: null, reason: '', note: '', lines: [emptyLine()],
  };
}

/**
 * A number as the user would type it in their language ("1 234,50", "1,5"), so a reopened
 * draft reads like the new form. Grouped only where the locale groups by spaces, which
 * reading it back ignores; a comma-grouped "1,234.5" would read back as a decimal mark.
 */
function typedNumber(value: number, fractionDigits: { min: number; max: number }, locale: string): string {
  const options = { minimumFractionDigits: fractionDigits.min, maximumFractionDigits: fractionDigits.max };
  const group = new Intl.NumberFormat(locale, options).formatToParts(10_000).find((p) => p.type === 'group')?.value ?? '';
  return new Intl.NumberFormat(locale, { ...options, useGrouping: /^\s$/.test(group) }).format(value);
}

const majorText = (minor: number | null | undefined, locale: string) => (minor === null || minor === undefined ? '' : typedNumber(minor / 100, { min: 2, max: 2 }, locale));
const quantityText = (decimal: string, locale: string) => {
  const n = Number(decimal);
  return Number.isFinite(n) ? typedNumber(n, { min: 0, max: 3 }, locale) : decimal;
};

/** A stored draft (or the slip a return reverses) as form values, its numbers written in the user's language. */
export function documentValues(doc: StockDocument, locale: string = localeTag()): DocumentValues {
  return {
    kind: doc.kind,
    date: doc.date,
    warehouseId: String(doc.warehouse.id),
    targetWarehouseId: doc.targetWarehouse ? String(doc.targetWarehouse.id) : null,
    ticketId: doc.ticket?.id ?? null,
    supplier: doc.supplier ?? '',
    supplierDocumentNumber: doc.supplierDocumentNumber ?? '',
    returnsDocumentId: doc.returnsDocumentId,
    reason: doc.reason ?? '',
    note: doc.note ?? '',
    lines: (doc.lines ?? []).map((l) => ({
      ...emptyLine(),
      itemId: l.itemId,
      itemLabel: `${l.itemCode} · ${l.itemName}`,
      unit: l.unit,
      // The server asks serials of tracked items on every line it stores, so a tracked line has them.
      serialTracked: l.serials.length > 0,
      quantity: quantityText(l.quantity.replace(/^-/, ''), locale),
      unitPrice: majorText(l.unitPriceMinor, locale),
      serials: l.serials.join('\n'),
    })),
  };
}

/** A return of a confirmed slip: the same lines, from the same warehouse, for the same ticket. */
export function returnValues(slip: StockDocument, date: string): DocumentValues {
  const values = documentValues(slip);
  return { ...values, kind: 'return', date, returnsDocumentId: slip.id, targetWarehouseId: null, supplier: '', supplierDocumentNumber: '', reason: '', note: '' };
}

export type Problem = 'required' | 'quantity' | 'wholeUnits' | 'quantityTooLarge' | 'price' | 'negativePrice' | 'priceTooLarge' | 'serialCount' | 'noLines' | 'sameWarehouse';

/**
 * What is wrong with a quantity typed for an item of this unit, or null: not a number
 * (or 0 where something must move), a fraction of a counted unit, more than the bound.
 */
export function quantityProblem(text: string, unit: string, zeroAllowed: boolean): Problem | null {
  const quantity = parseDecimalInput(text);
  if (quantity === null || (!zeroAllowed && Number(quantity) === 0)) return 'quantity';
  if (Number(quantity) > MAX_QUANTITY) return 'quantityTooLarge';
  if (isCountedUnit(unit) && !Number.isInteger(Number(quantity))) return 'wholeUnits';
  return null;
}
/**
 * A price per unit as typed → minor units, or what is wrong with it: missing, a negative
 * amount (said as such, not as a format hint: "-1600" is a number, just not a price),
 * not an amount at all, more than the bound.
 */
export function readUnitPrice(text: string): { minor: number; problem: null } | { minor: null; problem: Problem } {
  const minor = majorToMinor(text);
  if (minor !== null) return minor > MAX_UNIT_PRICE_MINOR ? { minor: null, problem: 'priceTooLarge' } : { minor, problem: null };
  const trimmed = text.trim();
  if (!trimmed) return { minor: null, problem: 'required' };
  const unsigned = trimmed.replace(/^[-\u2212]\s*/, '');
  return { minor: null, problem: unsigned !== trimmed && majorToMinor(unsigned) !== null ? 'negativePrice' : 'price' };
}

export type Built = { body: DocumentInput; problems: null } | { body: null; problems: Record<string, Problem> };

/** Form values → the API body, or the problems (by form path) that keep it from being sent. */
export function toDocumentInput(v: DocumentValues, confirm = false): Built {
  const problems: Record<string, Problem> = {};
  if (!v.date) problems.date = 'required';
  if (!v.warehouseId) problems.warehouseId = 'required';
  if (v.kind === 'transfer') {
    if (!v.targetWarehouseId) problems.targetWarehouseId = 'required';
    else if (v.targetWarehouseId === v.warehouseId) problems.targetWarehouseId = 'sameWarehouse';
  }
  // The server refuses a count without a reason: say so here, before the confirm dialog opens.
  if (v.kind === 'count' && !v.reason.trim()) problems.reason = 'required';
  // Lines left completely empty (the spare one at the end) are not sent.
  const lines = v.lines.map((l, i) => ({ l, i })).filter(({ l }) => l.itemId !== null || l.quantity.trim() !== '');
  if (lines.length === 0) problems.lines = 'noLines';
  const body: DocumentInput = { kind: v.kind, date: v.date, warehouseId: Number(v.warehouseId), lines: [] };
  for (const { l, i } of lines) {
    if (l.itemId === null) problems[`lines.${i}.itemId`] = 'required';
    // A count states what was found (0 is a finding); everything else moves a positive quantity.
    const quantity = parseDecimalInput(l.quantity);
    const wrongQuantity = quantityProblem(l.quantity, l.unit, v.kind === 'count');
    if (wrongQuantity) problems[`lines.${i}.quantity`] = wrongQuantity;
    // Receipts need the purchase price; a count may give the cost of stock found where there was none.
    let unitPriceMinor: number | undefined;
    if (v.kind === 'receipt' || (v.kind === 'count' && l.unitPrice.trim())) {
      const price = readUnitPrice(l.unitPrice);
      if (price.problem) problems[`lines.${i}.unitPrice`] = price.problem;
      else unitPriceMinor = price.minor;
    }
    const serials = parseSerials(l.serials);
    if (l.serialTracked && quantity !== null && serials.length > 0 && serials.length !== Number(quantity)) problems[`lines.${i}.serials`] = 'serialCount';
    if (l.itemId !== null && quantity !== null) {
      body.lines.push({ itemId: l.itemId, quantity, ...(unitPriceMinor !== undefined ? { unitPriceMinor } : {}), ...(serials.length ? { serials } : {}) });
    }
  }
  if (Object.keys(problems).length > 0) return { body: null, problems };
  if (v.kind === 'transfer' && v.targetWarehouseId) body.targetWarehouseId = Number(v.targetWarehouseId);
  if (v.ticketId !== null && (v.kind === 'issue' || v.kind === 'return')) body.ticketId = v.ticketId;
  if (v.kind === 'receipt') {
    if (v.supplier.trim()) body.supplier = v.supplier.trim();
    if (v.supplierDocumentNumber.trim()) body.supplierDocumentNumber = v.supplierDocumentNumber.trim();
  }
  if (v.kind === 'return' && v.returnsDocumentId !== null) body.returnsDocumentId = v.returnsDocumentId;
  if (v.reason.trim() && (v.kind === 'return' || v.kind === 'count')) body.reason = v.reason.trim();
  if (v.note.trim()) body.note = v.note.trim();
  if (confirm) body.confirm = true;
  return { body, problems: null };
}

/** Where the server's line problems belong on the form (it names unitPriceMinor and each serial). */
export function linePathMap(lineCount: number, serialCounts: readonly number[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (let i = 0; i < lineCount; i++) {
    map[`lines.${i}.unitPriceMinor`] = `lines.${i}.unitPrice`;
    for (let j = 0; j < (serialCounts[i] ?? 0); j++) map[`lines.${i}.serials.${j}`] = `lines.${i}.serials`;
  }
  return map;
}

/** The line total of a receipt as typed (minor units), or null while it is not a number yet. */
export function lineTotalMinor(l: Pick<LineValues, 'quantity' | 'unitPrice'>): number | null {
  const q = parseDecimalInput(l.quantity);
  const p = majorToMinor(l.unitPrice);
  if (q === null || p === null) return null;
  return Math.round((Math.round(Number(q) * 1000) * p) / 1000);
}

export interface ChartPoint {
  label: string;
  balance: number;
  value: number | null;
}

/**
 * Movements (oldest first) → points of the balance chart. Each movement carries the running
 * balance of its own warehouse, so across warehouses the point is the sum of each warehouse's
 * latest balance (and value, when the costs are there to see).
 */
export function ledgerPoints(movements: readonly { date: string; warehouseId: number; balance: string; balanceValueMinor?: number }[]): ChartPoint[] {
  const balances = new Map<number, number>();
  const values = new Map<number, number>();
  let valued = true;
  return movements.map((m) => {
    balances.set(m.warehouseId, Number(m.balance));
    if (m.balanceValueMinor === undefined) valued = false;
    else values.set(m.warehouseId, m.balanceValueMinor);
    const sum = (map: Map<number, number>) => [...map.values()].reduce((s, x) => s + x, 0);
    return { label: m.date, balance: Math.round(sum(balances) * 1000) / 1000, value: valued ? sum(values) / 100 : null };
  });
}

const DAY_MS = 86_400_000;

/** A date ('2026-11-02') as a whole number of days, so a chart's axis is a time scale. */
export const dayNumber = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

/** The date of a day number (dayNumber's inverse). */
export const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** A point of the balance chart on its time axis: the balance at the end of the day. */
export interface BalanceDay {
  day: number;
  balance: number;
}

/**
 * Chart points (in ledger order) → one point a date, placed by the date: several
 * movements of one day are one step to that day's closing balance, and a quiet month
 * takes the room a month takes, not the room of one movement.
 */
export function balanceByDay(points: readonly ChartPoint[]): BalanceDay[] {
  const out: BalanceDay[] = [];
  for (const p of points) {
    const day = dayNumber(p.label);
    const last = out[out.length - 1];
    if (last?.day === day) last.balance = p.balance;
    else out.push({ day, balance: p.balance });
  }
  return out;
}

/** At most `most` whole days from `first` to `last`, evenly spaced: the ticks of a date axis. */
export function dayTicks(first: number, last: number, most: number): number[] {
  const step = Math.max(1, Math.ceil((last - first) / Math.max(1, most - 1)));
  const ticks: number[] = [];
  for (let day = first; day <= last; day += step) ticks.push(day);
  return ticks;
}

/** What the records say of an item in the count's warehouse: its quantity and (costs field scope) its value. */
export interface RecordedStock {
  quantity: string;
  valueMinor?: number;
}

const toMilli = (decimal: string) => Math.round(Number(decimal) * 1000);

/**
 * A counted line against the records: the difference (counted − recorded) as decimal
 * text, or null while the counted quantity is not a number yet.
 */
export function countDifference(counted: string, recorded: string): string | null {
  const q = parseDecimalInput(counted);
  if (q === null) return null;
  return String((toMilli(q) - toMilli(recorded)) / 1000);
}

export interface CountSummary {
  /** Lines whose counted quantity differs from the records. */
  changedLines: number;
  /** The lines that match the records. */
  unchangedLines: number;
  /**
   * What the differences change the stock value by, as confirming values them: a shortage
   * and a surplus at the average cost, a find where nothing was recorded at the cost typed.
   * Null when a cost is not known here (no costs field scope, or a find without a cost).
   */
  differenceCostMinor: number | null;
}

/** What confirming a count will change: the lines with an item whose records are known, against those records. */
export function countSummary(lines: readonly Pick<LineValues, 'itemId' | 'quantity' | 'unitPrice'>[], recorded: ReadonlyMap<number, RecordedStock>): CountSummary {
  let changedLines = 0;
  let unchangedLines = 0;
  let cost: number | null = 0;
  for (const l of lines) {
    if (l.itemId === null) continue;
    const r = recorded.get(l.itemId);
    const diff = r ? countDifference(l.quantity, r.quantity) : null;
    if (r === undefined || diff === null) continue;
    const deltaMilli = toMilli(diff);
    if (deltaMilli === 0) {
      unchangedLines += 1;
      continue;
    }
    changedLines += 1;
    if (cost === null) continue;
    const recordedMilli = toMilli(r.quantity);
    if (recordedMilli > 0 && r.valueMinor !== undefined) cost += Math.round((r.valueMinor * deltaMilli) / recordedMilli);
    else {
      const typed = majorToMinor(l.unitPrice);
      cost = recordedMilli === 0 && typed !== null ? cost + Math.round((deltaMilli * typed) / 1000) : null;
    }
  }
  return { changedLines, unchangedLines, differenceCostMinor: cost };
}

/** A receipt's total as typed (minor units): the sum of the line totals that are numbers; null while none is. */
export function documentTotalMinor(lines: readonly Pick<LineValues, 'quantity' | 'unitPrice'>[]): number | null {
  const totals = lines.map(lineTotalMinor).filter((x): x is number => x !== null);
  return totals.length ? totals.reduce((s, x) => s + x, 0) : null;
}
