/**
 * Reads what profitability is made of (BILLING.md §4) and cuts it into pieces
 * (billing.profitability.aggregate.ts): every line of every counted invoice,
 * attributed through the records behind it, plus the cost of every record the
 * invoices took, covered ones included; credit notes subtract from the pieces
 * of the lines they correct. A record's cost in another currency than its
 * invoice's is converted with the rate of the record's date
 * (domain/cost-conversion.ts); the rates Kontor knows are those of the daily
 * rate list (the rates module), then those fixed on its issued documents in a
 * foreign currency.
 */
import type { Db, InvoiceState } from '../../platform/db/index.ts';
import { providerDate } from '../../shared/calendar/index.ts';
import { sumMinor } from '../../shared/money.ts';
import { parseExchangeRate } from '../../shared/exchange-rate.ts';
import { lastDayOf, periodKind, periodOf, type Period, type PeriodKind } from '../../shared/period.ts';
import { distribute, type KindKey, type LedgerPiece, type Piece } from './billing.profitability.aggregate.ts';
import { convertCost, rateBook, type KnownRate, type RateBook } from './domain/cost-conversion.ts';
import { homeCurrencyOf } from './domain/home-currency.ts';
import { listConverter, listedRatesOf } from '../rates/index.ts';

/** Invoice states that count: issued ones (a credited invoice counts, its credit note subtracts). */
const ISSUED_STATES = ['issued', 'sent', 'paid', 'credited'] as const;
const CHUNK = 500;

export interface PieceQuery {
  from: Period;
  to: Period;
  clientId?: number | undefined;
  contractId?: number | undefined;
  /** Count visible drafts too (a preview of what a run would bring). */
  includeDrafts?: boolean | undefined;
}

interface InvoiceRow {
  id: number;
  period: string | null;
  taxable_supply_date: string | null;
  issue_date: string | null;
  created_at: string;
  client_id: number;
  contract_id: number | null;
  currency: string;
}

interface RecordRow {
  invoice_id: number;
  line_id: number | null;
  amount_minor: number;
  kind: string;
  technician_id: number;
  work_type_id: number | null;
  cost_minor: number | null;
  cost_currency: string | null;
  date: string;
  contract_id: number | null;
}

interface LineRow {
  id: number;
  invoice_id: number;
  kind: string;
  net_minor: number;
  group_key: string;
  fee_period: string | null;
  corrects_line_id: number | null;
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * Where an invoice counts: the period it billed (its last day), else its date of taxable supply or issue,
 * else the provider's date it was made on (not the UTC one: made at 00:30 in Prague is that day).
 */
export function reportingPeriod(inv: Pick<InvoiceRow, 'period' | 'taxable_supply_date' | 'issue_date' | 'created_at'>, kind: PeriodKind): Period {
  const date = inv.period ? lastDayOf(inv.period) : (inv.taxable_supply_date ?? inv.issue_date ?? providerDate(new Date(inv.created_at)));
  return periodOf(date, kind);
}

const KIND_OF_RECORD: Readonly<Record<string, KindKey>> = { travel: 'travel', fee: 'unit_fee', material: 'material' };

/** The contract a fee line bills: its issued fee period, else the contract in its grouping key, else the invoice's. */
function feeContract(line: LineRow, invoice: InvoiceRow, feePeriods: Map<string, number>): number | null {
  const issued = line.fee_period === null ? undefined : feePeriods.get(`${line.invoice_id}:${line.fee_period}`);
  if (issued !== undefined) return issued;
  try {
    const key: unknown = JSON.parse(line.group_key);
    if (Array.isArray(key) && key[0] === 'contract_fee' && Number.isInteger(Number(key[1]))) return Number(key[1]);
  } catch {
    // not a JSON key: fall through
  }
  return invoice.contract_id;
}

export async function loadLedger(db: Db, q: PieceQuery): Promise<LedgerPiece[]> {
  const kind = periodKind(q.from);
  let sel = db
    .selectFrom('prepaid_ledger as l')
    .innerJoin('contracts as c', 'c.id', 'l.contract_id')
    .select(['l.period', 'l.contract_id', 'c.client_id', 'l.opening_carried', 'l.allocated', 'l.consumed'])
    .where('l.period', '>=', q.from.slice(0, 4))
    .where('l.period', '<', String(Number(q.to.slice(0, 4)) + 1));
  if (q.clientId !== undefined) sel = sel.where('c.client_id', '=', q.clientId);
  if (q.contractId !== undefined) sel = sel.where('l.contract_id', '=', q.contractId);
  // A draft's ledger row is provisional (a re-run recomputes it): counted only with the drafts,
  // as its revenue is, so an issued month's utilisation is not mixed with a draft's.
  if (!q.includeDrafts) sel = sel.where('l.final', '=', 1);
  const rows = await sel.execute();
  return rows
    .map((r) => ({ r, period: periodOf(lastDayOf(r.period), kind) }))
    .filter(({ period }) => period >= q.from && period <= q.to)
    .map(({ r, period }) => ({
      period, contractId: r.contract_id, clientId: r.client_id, openingCarried: r.opening_carried, allocated: r.allocated, consumed: r.consumed,
    }));
}

/** Every piece of the counted invoices whose reporting period lies in [from, to]. */
export async function loadPieces(db: Db, q: PieceQuery): Promise<Piece[]> {
  const kind = periodKind(q.from);
  const states: InvoiceState[] = q.includeDrafts ? [...ISSUED_STATES, 'draft'] : [...ISSUED_STATES];
  // A coarse window by year in SQL (periods and dates both start with it), the exact one below.
  const fromYear = q.from.slice(0, 4);
  const toYear = String(Number(q.to.slice(0, 4)) + 1);
  let sel = db
    .selectFrom('invoices')
    .select(['id', 'period', 'taxable_supply_date', 'issue_date', 'created_at', 'client_id', 'contract_id', 'currency'])
    .where('kind', '=', 'invoice')
    .where('state', 'in', states)
    .where('visible', '=', 1)
    .where((eb) => eb.or([
      eb.and([eb('period', 'is not', null), eb('period', '>=', fromYear), eb('period', '<', toYear)]),
      eb.and([eb('period', 'is', null), eb('taxable_supply_date', '>=', fromYear), eb('taxable_supply_date', '<', toYear)]),
      eb.and([eb('period', 'is', null), eb('taxable_supply_date', 'is', null)]),
    ]));
  if (q.clientId !== undefined) sel = sel.where('client_id', '=', q.clientId);
  const invoices = (await sel.execute())
    .map((inv) => ({ inv, period: reportingPeriod(inv, kind) }))
    .filter(({ period }) => period >= q.from && period <= q.to);
  if (invoices.length === 0) return [];

  const pieces: Piece[] = [];
  for (const part of chunks(invoices)) pieces.push(...(await piecesOf(db, part)));
  return q.contractId === undefined ? pieces : pieces.filter((p) => p.contractId === q.contractId);
}

async function piecesOf(db: Db, invoices: { inv: InvoiceRow; period: Period }[]): Promise<Piece[]> {
  const ids = invoices.map(({ inv }) => inv.id);
  const lines = await db
    .selectFrom('invoice_lines')
    .select(['id', 'invoice_id', 'kind', 'net_minor', 'group_key', 'fee_period', 'corrects_line_id'])
    .where('invoice_id', 'in', ids)
    .orderBy('invoice_id').orderBy('position')
    .execute();
  const records: RecordRow[] = await db
    .selectFrom('invoice_records as ir')
    .innerJoin('records as r', 'r.id', 'ir.record_id')
    .innerJoin('tickets as t', 't.id', 'r.ticket_id')
    .leftJoin('contracts as tc', (j) => j.onRef('tc.id', '=', 't.contract_id').onRef('tc.valid_from', '<=', 'r.date'))
    .select([
      'ir.invoice_id', 'ir.line_id', 'ir.amount_minor', 'r.kind', 'r.technician_id', 'r.work_type_id', 'r.cost_minor', 'r.cost_currency', 'r.date',
      // The record's own contract, else its ticket's when the record's date is within that contract's validity.
      (eb) => eb.fn.coalesce('r.contract_id', eb.case().when(eb.or([eb('tc.valid_to', 'is', null), eb('tc.valid_to', '>=', eb.ref('r.date'))])).then(eb.ref('tc.id')).else(null).end()).as('contract_id'),
    ])
    .where('ir.invoice_id', 'in', ids)
    .orderBy('ir.invoice_id').orderBy('ir.record_id')
    .execute();
  const feeRows = await db.selectFrom('invoice_fee_periods').select(['invoice_id', 'fee_period', 'contract_id']).where('invoice_id', 'in', ids).execute();
  const feePeriods = new Map(feeRows.map((f) => [`${f.invoice_id}:${f.fee_period}`, f.contract_id]));
  const credits = await db
    .selectFrom('invoices')
    .select(['id', 'corrects_invoice_id', 'releases_records'])
    .where('kind', '=', 'credit_note')
    .where('state', '!=', 'draft')
    .where('corrects_invoice_id', 'in', ids)
    .execute();
  const creditLines = credits.length === 0 ? [] : await db
    .selectFrom('invoice_lines')
    .select(['id', 'invoice_id', 'kind', 'net_minor', 'group_key', 'fee_period', 'corrects_line_id'])
    .where('invoice_id', 'in', credits.map((c) => c.id))
    .execute();

  const currencyOf = new Map(invoices.map(({ inv }) => [inv.id, inv.currency]));
  const foreign = records.filter((r) => r.cost_currency !== null && r.cost_currency !== currencyOf.get(r.invoice_id));
  const rates = await knownRates(db, foreign.flatMap((r) => [r.cost_currency!, currencyOf.get(r.invoice_id)!]), foreign.map((r) => r.date));

  const linesOf = groupBy(lines, (l) => l.invoice_id);
  const recordsOf = groupBy(records, (r) => r.invoice_id);
  const creditsOf = groupBy(credits, (c) => c.corrects_invoice_id ?? 0);
  const creditLinesOf = groupBy(creditLines, (l) => l.invoice_id);
  const out: Piece[] = [];
  for (const { inv, period } of invoices) {
    const own = invoicePieces(inv, period, linesOf.get(inv.id) ?? [], recordsOf.get(inv.id) ?? [], feePeriods, rates);
    out.push(...own.map((o) => o.piece));
    for (const credit of creditsOf.get(inv.id) ?? []) {
      out.push(...creditPieces(own, creditLinesOf.get(credit.id) ?? [], credit.releases_records === 1));
    }
  }
  return out;
}

/**
 * The exchange rates of the given days that Kontor knows: first the daily rate
 * list's (the rates module: a day's rate, or the last published before it), then,
 * for what the list lacks, the rates fixed on the day's issued documents.
 */
async function knownRates(db: Db, currencies: readonly string[], dates: readonly string[]): Promise<RateBook> {
  const listed = listConverter(await listedRatesOf(db, currencies, dates));
  const fixed = await documentRates(db, dates);
  return (amountMinor, from, to, date) => listed(amountMinor, from, to, date) ?? fixed(amountMinor, from, to, date);
}

/**
 * The rates fixed on each issued document in a foreign currency (units of the
 * supplier's currency for one unit of the document's, of its rate day). Oldest
 * issue first, so when documents state different rates for one pair and day,
 * the last issued wins.
 */
async function documentRates(db: Db, dates: readonly string[]): Promise<RateBook> {
  const days = [...new Set(dates)];
  const known: KnownRate[] = [];
  for (const part of chunks(days)) {
    const rows = await db
      .selectFrom('invoices')
      .select(['currency', 'exchange_rate', 'exchange_rate_date', 'supplier_json'])
      .where('state', '!=', 'draft')
      .where('exchange_rate', 'is not', null)
      .where('exchange_rate_date', 'in', part)
      .orderBy('issued_at').orderBy('id')
      .execute();
    for (const row of rows) {
      const rate = row.exchange_rate === null ? null : parseExchangeRate(row.exchange_rate);
      const home = homeCurrencyOfSupplier(row.supplier_json);
      if (rate !== null && home !== null && row.exchange_rate_date !== null && home !== row.currency) {
        known.push({ currency: row.currency, homeCurrency: home, date: row.exchange_rate_date, rate });
      }
    }
  }
  return rateBook(known);
}

/** The supplier's own currency from a document's supplier snapshot; null when it cannot be told. */
function homeCurrencyOfSupplier(supplierJson: string | null): string | null {
  if (supplierJson === null) return null;
  try {
    const supplier = JSON.parse(supplierJson) as { address?: { country?: unknown } };
    const country = supplier.address?.country;
    return typeof country === 'string' ? homeCurrencyOf(country) : null;
  } catch {
    return null;
  }
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** A piece with the invoice line whose net it is part of (null: a covered record, cost only). */
interface OwnPiece {
  lineId: number | null;
  piece: Piece;
  fromRecord: boolean;
}

/**
 * One invoice's pieces: each record with the amount billed for it and its
 * cost; each line's net that no record explains (a contract fee, a manual
 * line) as a piece of its own. The revenue of the pieces is exactly the sum
 * of the lines.
 */
function invoicePieces(inv: InvoiceRow, period: Period, lines: LineRow[], records: RecordRow[], feePeriods: Map<string, number>, rates: RateBook): OwnPiece[] {
  const base = { period, currency: inv.currency, clientId: inv.client_id };
  const out: OwnPiece[] = [];
  const explained = new Map<number, number>();
  for (const r of records) {
    // Converted once per record; a cost whose rate is missing is named, not counted.
    const converted = convertCost({ costMinor: r.cost_minor ?? 0, currency: r.cost_currency, date: r.date }, inv.currency, rates);
    const cost = converted.ok ? converted.costMinor : 0;
    const workTypeKey = r.kind === 'work' ? (r.work_type_id === null ? 'other' : String(r.work_type_id)) : (KIND_OF_RECORD[r.kind] ?? 'other');
    // A record's amount counts only when it stands on a line of this invoice (a covered one has none).
    const revenue = r.line_id === null ? 0 : r.amount_minor;
    if (r.line_id !== null) explained.set(r.line_id, sumMinor([explained.get(r.line_id) ?? 0, revenue]));
    out.push({
      lineId: r.line_id,
      fromRecord: true,
      piece: {
        ...base,
        contractId: r.contract_id ?? inv.contract_id,
        technicianId: r.technician_id,
        workTypeKey,
        revenueMinor: revenue,
        labourCostMinor: r.kind === 'work' ? cost : 0,
        travelCostMinor: r.kind === 'travel' ? cost : 0,
        // Unit fees have no cost of their own; whatever they carry counts with material.
        materialCostMinor: r.kind === 'material' || r.kind === 'fee' ? cost : 0,
        missingRates: converted.ok ? [] : [converted.missing],
      },
    });
  }
  for (const line of lines) {
    const rest = line.net_minor - (explained.get(line.id) ?? 0);
    if (rest === 0) continue;
    const fee = line.kind === 'contract_fee';
    out.push({
      lineId: line.id,
      fromRecord: false,
      piece: {
        ...base,
        contractId: fee ? feeContract(line, inv, feePeriods) : inv.contract_id,
        technicianId: null,
        workTypeKey: fee ? 'contract_fee' : 'other',
        revenueMinor: rest,
        labourCostMinor: 0,
        travelCostMinor: 0,
        materialCostMinor: 0,
      },
    });
  }
  return out;
}

/**
 * What a credit note takes away: each of its lines from the pieces of the
 * line it corrects, in proportion (a line without that link from the whole
 * invoice). A credit note's lines may carry the credited amounts as positive
 * or negative nets; either way they reduce revenue. A credit note that
 * releases the records also takes their cost away: they will count again
 * where they are billed next.
 */
function creditPieces(own: OwnPiece[], lines: LineRow[], releasesRecords: boolean): Piece[] {
  const total = sumMinor(lines.map((l) => l.net_minor));
  const sign = total > 0 ? -1 : 1;
  const out: Piece[] = [];
  const noCost = { labourCostMinor: 0, travelCostMinor: 0, materialCostMinor: 0 };
  for (const line of lines) {
    const amount = sign * line.net_minor;
    if (amount === 0) continue;
    const targets = own.filter((o) => line.corrects_line_id === null || o.lineId === line.corrects_line_id).filter((o) => o.piece.revenueMinor !== 0);
    const fallback = targets.length > 0 ? targets : own.slice(0, 1);
    const parts = distribute(amount, fallback.map((o) => o.piece.revenueMinor));
    fallback.forEach((o, i) => {
      if (parts[i] !== 0) out.push({ ...o.piece, ...noCost, missingRates: [], revenueMinor: parts[i]! });
    });
  }
  if (releasesRecords) {
    for (const o of own) {
      if (!o.fromRecord) continue;
      const p = o.piece;
      const missingRates = (p.missingRates ?? []).map((m) => ({ ...m, costMinor: -m.costMinor }));
      if (p.labourCostMinor || p.travelCostMinor || p.materialCostMinor || missingRates.length > 0) {
        out.push({ ...p, revenueMinor: 0, labourCostMinor: -p.labourCostMinor, travelCostMinor: -p.travelCostMinor, materialCostMinor: -p.materialCostMinor, missingRates });
      }
    }
  }
  return out;
}
