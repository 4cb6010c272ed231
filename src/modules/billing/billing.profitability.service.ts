/**
 * Profitability per contract, client, technician or work type over a range of
 * periods (BILLING.md §4): revenue of issued invoices (credit notes subtract)
 * against the cost of the records they took, covered ones included. Only for
 * holders of profitability.read with the `margins` field scope.
 */
import type { Db } from '../../platform/db/index.ts';
import { problemsOf, invalidPeriod, rangeOutOfOrder } from '../../shared/date-details.ts';
import { AppError, failIf, forbidden, invalid, notFound } from '../../shared/errors.ts';
import { comparePeriods, periodKind, periodsBetween, type Period } from '../../shared/period.ts';
import { fieldScopeOf, hasPermission, type RequestContext } from '../identity/index.ts';
import { aggregate, NONE, type Aggregate, type GroupBy, type Row } from './billing.profitability.aggregate.ts';
import { loadLedger, loadPieces } from './billing.profitability.repo.ts';

/** The longest range one request may cover, in periods (ten years of months). */
export const MAX_PERIODS = 120;

export interface ProfitabilityQuery {
  from: Period;
  to: Period;
  groupBy: GroupBy;
  clientId?: number | undefined;
  contractId?: number | undefined;
  includeDrafts?: boolean | undefined;
}

export interface LabelledRow extends Row {
  label: string;
}

export interface ProfitabilityReport {
  from: Period;
  to: Period;
  groupBy: GroupBy;
  includeDrafts: boolean;
  periods: Period[];
  rows: LabelledRow[];
  series: Aggregate['series'];
  totals: Aggregate['totals'];
}

/** Names of the keys that are not ids, in English; the web app and the exports translate them. */
export const SPECIAL_LABELS: Readonly<Record<string, string>> = {
  none: 'None',
  travel: 'Travel',
  unit_fee: 'Unit fees',
  material: 'Material',
  contract_fee: 'Contract fees',
  other: 'Other lines',
};

export function checkAccess(ctx: RequestContext): void {
  if (!hasPermission(ctx.actor, 'profitability.read')) throw forbidden();
  if (!fieldScopeOf(ctx.actor.roles).margins) {
    throw new AppError('forbidden', 'field_scope', 'Profitability shows margins, which your role may not see');
  }
}

/** Checks the range: both periods valid, of one kind, from ≤ to, not too long. */
export function checkRange(from: string, to: string): Period[] {
  failIf(problemsOf(invalidPeriod('from', from), invalidPeriod('to', to)));
  if (periodKind(from) !== periodKind(to)) {
    throw invalid([{ path: 'to', code: 'period_kind_mismatch', message: 'from and to must be periods of the same kind (both months, quarters or years)' }]);
  }
  if (comparePeriods(from, to) > 0) throw invalid([rangeOutOfOrder(from, to)]);
  const periods = periodsBetween(from, to);
  if (periods.length > MAX_PERIODS) {
    throw invalid([{ path: 'to', code: 'range_too_long', message: `The range may cover at most ${MAX_PERIODS} periods` }]);
  }
  return periods;
}

export function createProfitabilityService(deps: { db: Db }) {
  const { db } = deps;

  async function labels(groupBy: GroupBy, keys: string[]): Promise<Map<string, string>> {
    const ids = keys.filter((k) => /^\d+$/.test(k)).map(Number);
    const out = new Map<string, string>();
    for (const k of keys) if (SPECIAL_LABELS[k]) out.set(k, SPECIAL_LABELS[k]);
    if (ids.length === 0) return out;
    const named: { id: number; name: string }[] =
      groupBy === 'contract'
        ? (await db.selectFrom('contracts').select(['id', 'number', 'name']).where('id', 'in', ids).execute()).map((c) => ({ id: c.id, name: `${c.number} ${c.name}` }))
        : groupBy === 'client'
          ? await db.selectFrom('clients').select(['id', 'name']).where('id', 'in', ids).execute()
          : groupBy === 'technician'
            ? await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute()
            : await db.selectFrom('work_types').select(['id', 'name']).where('id', 'in', ids).execute();
    for (const n of named) out.set(String(n.id), n.name);
    return out;
  }

  async function report(ctx: RequestContext, q: ProfitabilityQuery): Promise<ProfitabilityReport> {
    checkAccess(ctx);
    const periods = checkRange(q.from, q.to);
    const query = { from: q.from, to: q.to, clientId: q.clientId, contractId: q.contractId, includeDrafts: q.includeDrafts };
    const [pieces, ledger] = await Promise.all([loadPieces(db, query), loadLedger(db, query)]);
    const result = aggregate(pieces, ledger, q.groupBy);
    const names = await labels(q.groupBy, [...new Set(result.rows.map((r) => r.key))]);
    return {
      from: q.from,
      to: q.to,
      groupBy: q.groupBy,
      includeDrafts: q.includeDrafts ?? false,
      periods,
      rows: result.rows.map((r) => ({ ...r, label: names.get(r.key) ?? (r.key === NONE ? SPECIAL_LABELS.none! : `#${r.key}`) })),
      series: result.series,
      totals: result.totals,
    };
  }

  /** One contract over the range, period by period (404 for an unknown contract). */
  async function forContract(ctx: RequestContext, contractId: number, q: { from: Period; to: Period; includeDrafts?: boolean | undefined }) {
    checkAccess(ctx);
    const contract = await db.selectFrom('contracts').select(['id', 'number', 'name', 'client_id', 'currency']).where('id', '=', contractId).executeTakeFirst();
    if (!contract) throw notFound('Contract');
    const result = await report(ctx, { ...q, groupBy: 'contract', contractId });
    return {
      contract: { id: contract.id, number: contract.number, name: contract.name, clientId: contract.client_id, currency: contract.currency },
      ...result,
    };
  }

  return { report, forContract };
}

export type ProfitabilityService = ReturnType<typeof createProfitabilityService>;
