import type { DbOrTx } from '../../platform/db/index.ts';
import { daysInclusive, providerDate } from '../../shared/calendar/index.ts';
import type { TimeClass } from '../../shared/time-class.ts';
import * as repo from './contracts.repo.ts';
import type { Consumption, Contract } from './contracts.schemas.ts';
import { toTerms } from './contracts.terms.ts';
import {
  allowanceMinutes, compareChronologically, consumePrepaid, firstDayOf, lastDayOf, overlapWithPeriod, periodOf, prepaidMinutesForPeriod, prevPeriod, projectUse, type CarriedLot, type Period, type UseProjection,
} from './domain/index.ts';

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

async function coveredEntries(db: DbOrTx, contract: Contract, from: string, to: string) {
  if (!contract.scope.workTypeIds.length) return [];
  const rows = await db
    .selectFrom('records')
    .select(['id', 'date', 'start_time', 'created_at', 'work_type_id', 'time_class', 'billable_minutes'])
    .where('contract_id', '=', contract.id)
    .where('kind', '=', 'work')
    .where('billable', '=', 1)
    .where('state', 'in', [...COUNTED_STATES])
    .where('date', '>=', from)
    .where('date', '<=', to)
    .where('work_type_id', 'in', contract.scope.workTypeIds)
    .where('billable_minutes', 'is not', null)
    .execute();
  return rows
    .map((r) => ({ id: String(r.id), date: r.date, startTime: r.start_time, createdAt: r.created_at, workTypeId: String(r.work_type_id), timeClass: (r.time_class ?? 'normal') as TimeClass, billableMinutes: r.billable_minutes ?? 0 }))
    .sort(compareChronologically);
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
