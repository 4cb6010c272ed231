import type { DbOrTx } from '../../platform/db/index.ts';
import { daysInclusive, providerDate } from '../../shared/calendar/index.ts';
import type { TimeClass } from '../../shared/time-class.ts';
import * as repo from './contracts.repo.ts';
import type { Consumption, Contract } from './contracts.schemas.ts';
import { toTerms } from './contracts.terms.ts';
import {
  allowanceMinutes, compareChronologically, consumePrepaid, firstDayOf, lastDayOf, overlapWithPeriod, periodOf, prepaidMinutesForPeriod, prevPeriod, projectUse,
  type CarriedLot, type EntrySplit, type Period, type UseProjection,
} from './domain/index.ts';
import type { BillingContract } from './contracts.billing.ts';

/**
 * Live use of a contract's prepaid minutes in one period, by the domain's
 * consumePrepaid over the covered work records under the contract. Counted:
 * work records that are billable, within the scope's work types, priced to
 * billable minutes, dated in the period and the validity, in the states
 * submitted, approved or billed (drafts are the technician's own until
 * submitted). The carried lots are those the previous period's ledger row left
 * (final or provisional).
 */
export const COUNTED_STATES = ['submitted', 'approved', 'billed'] as const;

/** A covered work record as prepaid consumption orders and splits it. */
export interface PrepaidWork {
  readonly id: number;
  readonly date: string;
  readonly startTime: string | null;
  readonly createdAt: string;
  readonly workTypeId: number;
  readonly timeClass: TimeClass;
  readonly billableMinutes: number;
}

async function coveredWork(db: DbOrTx, contract: { id: number; workTypeIds: readonly number[] }, from: string, to: string): Promise<PrepaidWork[]> {
  if (!contract.workTypeIds.length) return [];
  const rows = await db
    .selectFrom('records')
    .select(['id', 'date', 'start_time', 'created_at', 'work_type_id', 'time_class', 'billable_minutes'])
    .where('contract_id', '=', contract.id)
    .where('kind', '=', 'work')
    .where('billable', '=', 1)
    .where('state', 'in', [...COUNTED_STATES])
    .where('date', '>=', from)
    .where('date', '<=', to)
    .where('work_type_id', 'in', [...contract.workTypeIds])
    .where('billable_minutes', 'is not', null)
    .execute();
  return rows.map((r) => ({
    id: r.id, date: r.date, startTime: r.start_time, createdAt: r.created_at, workTypeId: Number(r.work_type_id), timeClass: (r.time_class ?? 'normal') as TimeClass, billableMinutes: r.billable_minutes ?? 0,
  }));
}

/** Covered work in the order it consumes the allowance; ids padded as the billing run pads them, so ties break alike. */
function inConsumptionOrder(work: readonly PrepaidWork[]) {
  return work
    .map((w) => ({ ...w, id: String(w.id).padStart(16, '0'), recordId: w.id, workTypeId: String(w.workTypeId) }))
    .sort(compareChronologically);
}

async function coveredEntries(db: DbOrTx, contract: Contract, from: string, to: string) {
  return inConsumptionOrder(await coveredWork(db, { id: contract.id, workTypeIds: contract.scope.workTypeIds }, from, to));
}

/** The lots alive at the start of the period: what the previous period's ledger row carried out. */
export async function openingLots(db: DbOrTx, contractId: number, period: Period): Promise<CarriedLot[]> {
  const previous = await repo.findLedgerRow(db, contractId, prevPeriod(period));
  return (previous?.lots ?? []).filter((lot) => lot.minutes > 0 && lot.remainingLife >= 1);
}

export async function consumptionOf(db: DbOrTx, contract: Contract, period: Period | undefined, now: Date): Promise<Consumption> {
  // The provider's calendar date decides the current period.
  const today = providerDate(now);
  const p = period ?? periodOf(today, contract.periodKind);
  const terms = toTerms(contract);
  const overlap = overlapWithPeriod(p, contract.validFrom, contract.validTo);
  const from = overlap?.from ?? firstDayOf(p);
  const to = overlap?.to ?? lastDayOf(p);
  const lots = overlap ? await openingLots(db, contract.id, p) : [];
  const own = prepaidMinutesForPeriod(terms, p);
  const entries = overlap ? await coveredEntries(db, contract, from, to) : [];
  const result = consumePrepaid(lots, own, entries, terms.multipliers);
  const allowance = result.openingCarried + result.allocated;
  const used = result.consumed;
  const pct = (minutes: number) => (allowance > 0 ? Math.floor((minutes * 100) / allowance) : null);
  // All covered work in allowance minutes: the covered parts plus the overage parts at their multipliers.
  const workSoFar = used + result.entries.reduce((sum, e) => sum + allowanceMinutes(e.overageMinutes, e.multiplierMicros), 0);
  // The pace so far, carried to the period's (or validity's) last day; nothing to project before it starts.
  let projection: UseProjection | null = null;
  if (overlap && today >= from) projection = projectUse(workSoFar, allowance, daysInclusive(from, today > to ? to : today), daysInclusive(from, to));
  return {
    contractId: contract.id,
    period: p,
    from,
    to,
    allocated: result.allocated,
    carried: result.openingCarried,
    used,
    left: allowance - used,
    overageMinutes: result.entries.reduce((sum, e) => sum + e.overageMinutes, 0),
    percent: pct(used),
    projectedUsed: projection?.projectedWork ?? null,
    projectedPercent: projection === null ? null : pct(projection.projectedWork),
    projectedOverageMinutes: projection?.projectedOverage ?? null,
    countedStates: [...COUNTED_STATES],
    entries: entries.length,
    alerts: await repo.alertsOf(db, contract.id, p),
  };
}

/** Where a contract's prepaid minutes of one period stand now, entry by entry. */
export interface PrepaidStanding {
  readonly period: Period;
  /** The period's ledger row is final (its invoice is issued): work of the period not billed yet is late and draws on a later period. */
  readonly ledgerFinal: boolean;
  /** Allowance minutes of the period: carried in plus its own. */
  readonly allowance: number;
  /** Allowance minutes left after the work counted (and the pending work). */
  readonly left: number;
  /** How each counted or pending record splits into covered and overage minutes, by record id. */
  readonly splits: ReadonlyMap<number, EntrySplit>;
}

/**
 * The same consumption as consumptionOf (the period's counted covered work over
 * the lots carried in), plus `pending` work that does not count yet (a draft, as if
 * it were submitted now), split entry by entry: what a record's page shows of the
 * prepaid minutes before the billing run decides.
 */
export async function prepaidStanding(
  db: DbOrTx,
  contract: Pick<BillingContract, 'id' | 'scope' | 'validFrom' | 'validTo' | 'prepaidMinutes' | 'multipliers'>,
  period: Period,
  pending: readonly PrepaidWork[],
): Promise<PrepaidStanding> {
  const overlap = overlapWithPeriod(period, contract.validFrom, contract.validTo);
  const ledger = await repo.findLedgerRow(db, contract.id, period);
  const counted = overlap ? await coveredWork(db, { id: contract.id, workTypeIds: contract.scope.workTypeIds.map(Number) }, overlap.from, overlap.to) : [];
  const countedIds = new Set(counted.map((w) => w.id));
  const ordered = inConsumptionOrder([...counted, ...pending.filter((w) => !countedIds.has(w.id))]);
  const lots = overlap ? await openingLots(db, contract.id, period) : [];
  const result = consumePrepaid(lots, prepaidMinutesForPeriod(contract, period), ordered, contract.multipliers);
  const splits = new Map(result.entries.map((split, i) => [ordered[i]!.recordId, split]));
  const allowance = result.openingCarried + result.allocated;
  return { period, ledgerFinal: ledger?.final ?? false, allowance, left: allowance - result.consumed, splits };
}
