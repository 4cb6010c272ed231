/**
 * Profitability figures from invoice pieces (pure: no I/O, no clock).
 *
 * The loader (billing.profitability.repo.ts) cuts every counted invoice into
 * pieces that each belong to exactly one client, contract (or none),
 * technician (or none) and work type (or a kind such as travel): the amount
 * billed for a record and that record's cost, a contract fee line, or the rest
 * of an invoice (manual lines). Because every piece lands in exactly one row of
 * any grouping, the rows of every grouping add up to the same grand total.
 */
import { mulDivRound, sumMinor, type MinorUnits } from '../../shared/money.ts';
import type { Period } from '../../shared/period.ts';
import type { MissingRate } from './domain/cost-conversion.ts';
import { marginPercentScaled, profitability } from './domain/profitability.ts';

export const GROUP_BY = ['contract', 'client', 'technician', 'work_type'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

/**
 * Keys of pieces that have no contract, technician or work type. A work type
 * key is the work type's id, or one of these for what is not work.
 */
export const NONE = 'none';
export const KIND_KEYS = ['travel', 'unit_fee', 'material', 'contract_fee', 'other'] as const;
export type KindKey = (typeof KIND_KEYS)[number];

export interface Piece {
  /** The reporting period the piece counts in. */
  readonly period: Period;
  readonly currency: string;
  readonly clientId: number;
  readonly contractId: number | null;
  readonly technicianId: number | null;
  /** A work type id as text, or a KindKey. */
  readonly workTypeKey: string;
  readonly revenueMinor: MinorUnits;
  readonly labourCostMinor: MinorUnits;
  readonly travelCostMinor: MinorUnits;
  readonly materialCostMinor: MinorUnits;
  /** Costs of the piece's record that could not be converted into `currency` (no rate of their day): in none of the cost figures. */
  readonly missingRates?: readonly MissingRate[] | undefined;
}

/** One contract's prepaid ledger row of one period. */
export interface LedgerPiece {
  readonly period: Period;
  readonly contractId: number;
  readonly clientId: number;
  readonly openingCarried: number;
  readonly allocated: number;
  readonly consumed: number;
}

export interface Figures {
  revenueMinor: MinorUnits;
  labourCostMinor: MinorUnits;
  travelCostMinor: MinorUnits;
  materialCostMinor: MinorUnits;
  costMinor: MinorUnits;
  marginMinor: MinorUnits;
  /** Margin in basis points of revenue (5652 = 56.52 %); null without revenue. */
  marginPct: number | null;
  /** Margin in tenths of a percent rounded once from the exact ratio (565 = 56.5 %), for display. */
  marginPctTenths: number | null;
  /**
   * Costs left out of the cost figures because no exchange rate of their day is
   * known, summed per currency and day (oldest first); empty when every cost is
   * counted. Cost and margin are incomplete while it is not empty.
   */
  missingRates: MissingRate[];
}

export interface Row extends Figures {
  key: string;
  currency: string;
  /** Allowance used: consumed / (opening carried + allocated), basis points; null without prepaid minutes. */
  prepaidUtilisationBp: number | null;
}

export interface SeriesPoint extends Figures {
  period: Period;
  currency: string;
}

export interface Aggregate {
  rows: Row[];
  series: SeriesPoint[];
  totals: (Figures & { currency: string; prepaidUtilisationBp: number | null })[];
}

interface Sums {
  revenue: number;
  labour: number;
  travel: number;
  material: number;
  missing: Map<string, MissingRate>;
}

const zero = (): Sums => ({ revenue: 0, labour: 0, travel: 0, material: 0, missing: new Map() });

function add(s: Sums, p: Piece): void {
  s.revenue = sumMinor([s.revenue, p.revenueMinor]);
  s.labour = sumMinor([s.labour, p.labourCostMinor]);
  s.travel = sumMinor([s.travel, p.travelCostMinor]);
  s.material = sumMinor([s.material, p.materialCostMinor]);
  for (const m of p.missingRates ?? []) {
    const key = JSON.stringify([m.date, m.currency, m.toCurrency]);
    const seen = s.missing.get(key);
    s.missing.set(key, { ...m, costMinor: sumMinor([seen?.costMinor ?? 0, m.costMinor]) });
  }
}

/** Missing rates of a sum, oldest day first; a currency and day whose costs net to zero (a cost and its credit) is no longer missing. */
function missingOf(s: Sums): MissingRate[] {
  return [...s.missing.entries()]
    .filter(([, m]) => m.costMinor !== 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, m]) => m);
}

export function figures(s: Sums): Figures {
  const costMinor = sumMinor([s.labour, s.travel, s.material]);
  const p = profitability(s.revenue, costMinor);
  return {
    revenueMinor: s.revenue,
    labourCostMinor: s.labour,
    travelCostMinor: s.travel,
    materialCostMinor: s.material,
    costMinor,
    marginMinor: p.marginMinor,
    marginPct: p.marginBp,
    marginPctTenths: marginPercentScaled(p, 1),
    missingRates: missingOf(s),
  };
}

export function groupKeyOf(piece: Pick<Piece, 'clientId' | 'contractId' | 'technicianId' | 'workTypeKey'>, groupBy: GroupBy): string {
  switch (groupBy) {
    case 'contract':
      return piece.contractId === null ? NONE : String(piece.contractId);
    case 'client':
      return String(piece.clientId);
    case 'technician':
      return piece.technicianId === null ? NONE : String(piece.technicianId);
    case 'work_type':
      return piece.workTypeKey;
  }
}

/**
 * Prepaid utilisation over a range: minutes consumed against what was
 * available, i.e. the opening carried balance of each contract's first period
 * in the range plus every period's allocation (later openings are carried out
 * of earlier allocations and would count twice).
 */
export function utilisationBp(ledger: readonly LedgerPiece[]): number | null {
  const first = new Map<number, Period>();
  for (const l of ledger) {
    const seen = first.get(l.contractId);
    if (seen === undefined || l.period < seen) first.set(l.contractId, l.period);
  }
  let consumed = 0;
  let available = 0;
  for (const l of ledger) {
    consumed += l.consumed;
    available += l.allocated + (first.get(l.contractId) === l.period ? l.openingCarried : 0);
  }
  return available > 0 ? mulDivRound(consumed, 10_000, 1, available) : null;
}

/** Ledger rows grouped like pieces: by contract or client; technicians and work types have no allowance. */
function ledgerKey(l: LedgerPiece, groupBy: GroupBy): string | null {
  if (groupBy === 'contract') return String(l.contractId);
  if (groupBy === 'client') return String(l.clientId);
  return null;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Rows per group and currency (largest revenue first), the totals per period
 * for a chart, and the grand totals per currency. Utilisation of a row is only
 * given where the grouping can have an allowance (contract, client) and the
 * row's currency is the one its pieces were billed in.
 */
export function aggregate(pieces: readonly Piece[], ledger: readonly LedgerPiece[], groupBy: GroupBy): Aggregate {
  const rows = new Map<string, { key: string; currency: string; sums: Sums }>();
  const periods = new Map<string, { period: Period; currency: string; sums: Sums }>();
  const totals = new Map<string, Sums>();
  for (const p of pieces) {
    const key = groupKeyOf(p, groupBy);
    const rowId = JSON.stringify([key, p.currency]);
    let row = rows.get(rowId);
    if (!row) rows.set(rowId, (row = { key, currency: p.currency, sums: zero() }));
    add(row.sums, p);
    const periodId = JSON.stringify([p.period, p.currency]);
    let point = periods.get(periodId);
    if (!point) periods.set(periodId, (point = { period: p.period, currency: p.currency, sums: zero() }));
    add(point.sums, p);
    let total = totals.get(p.currency);
    if (!total) totals.set(p.currency, (total = zero()));
    add(total, p);
  }
  const ledgerByKey = new Map<string, LedgerPiece[]>();
  for (const l of ledger) {
    const key = ledgerKey(l, groupBy);
    if (key !== null) pushTo(ledgerByKey, key, l);
  }
  const out: Row[] = [...rows.values()].map((r) => ({
    key: r.key,
    currency: r.currency,
    ...figures(r.sums),
    prepaidUtilisationBp: ledgerByKey.has(r.key) ? utilisationBp(ledgerByKey.get(r.key)!) : null,
  }));
  out.sort((a, b) => b.revenueMinor - a.revenueMinor || a.key.localeCompare(b.key) || a.currency.localeCompare(b.currency));
  const series = [...periods.values()]
    .map((p) => ({ period: p.period, currency: p.currency, ...figures(p.sums) }))
    .sort((a, b) => a.period.localeCompare(b.period) || a.currency.localeCompare(b.currency));
  // The total's utilisation is that of the rows shown in its currency: a contract
  // with a ledger but nothing billed in the range has no row, so it is not in the
  // total either (and groupings without an allowance show none).
  const shownLedger = (currency: string) => out.filter((r) => r.currency === currency).flatMap((r) => ledgerByKey.get(r.key) ?? []);
  const grand = [...totals.entries()]
    .map(([currency, sums]) => ({ currency, ...figures(sums), prepaidUtilisationBp: utilisationBp(shownLedger(currency)) }))
    .sort((a, b) => a.currency.localeCompare(b.currency));
  return { rows: out, series, totals: grand };
}

/**
 * Splits an amount over weights in proportion, exactly (largest remainder):
 * the parts always add up to the amount. A credit note that corrects part of
 * an invoice is spread over the invoice's pieces this way; a full one gives
 * each piece exactly its own amount back.
 */
export function distribute(amount: MinorUnits, weights: readonly MinorUnits[]): MinorUnits[] {
  const total = sumMinor(weights);
  if (weights.length === 0) return [];
  if (total === 0) {
    // Nothing to be proportional to: all on the first piece.
    return weights.map((_, i) => (i === 0 ? amount + 0 : 0));
  }
  if (amount === total) return [...weights];
  const big = BigInt(amount);
  const denominator = BigInt(total);
  const parts = weights.map((w) => {
    const exact = big * BigInt(w);
    let q = exact / denominator;
    // BigInt division truncates toward zero; floor for a stable remainder order.
    if ((exact % denominator !== 0n) && ((exact < 0n) !== (denominator < 0n))) q -= 1n;
    return { q, rest: exact - q * denominator };
  });
  let left = big - parts.reduce((s, p) => s + p.q, 0n);
  const order = parts.map((p, i) => ({ i, rest: p.rest })).sort((a, b) => {
    const d = denominator < 0n ? a.rest - b.rest : b.rest - a.rest;
    return d > 0n ? 1 : d < 0n ? -1 : a.i - b.i;
  });
  const step = left > 0n ? 1n : -1n;
  for (let k = 0; left !== 0n; k = (k + 1) % order.length) {
    parts[order[k]!.i]!.q += step;
    left -= step;
  }
  return parts.map((p) => Number(p.q));
}
