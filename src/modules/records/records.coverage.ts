import type { DbOrTx } from '../../platform/db/index.ts';
import {
  billingContractsByIds, COUNTED_STATES, coverageOf, periodOf, prepaidInEffect, prepaidStanding,
  type BillingContract, type CoverableRecord, type PrepaidStanding, type PrepaidWork,
} from '../contracts/index.ts';
import type { StoredRecord } from './records.repo.ts';
import type { RecordCoverage } from './records.schemas.ts';

/**
 * How each record is expected to be billed, for its answer: the contracts'
 * coverageOf (the rule the billing run applies), and for work drawing on prepaid
 * minutes the contract's consumption of the period as it stands (the split into
 * covered and overage minutes is final only when the period is billed).
 */

type CoverageSubject = Pick<StoredRecord, 'id' | 'kind' | 'contractId' | 'date' | 'billable' | 'state' | 'workType' | 'fee' | 'startTime' | 'createdAt' | 'timeClass' | 'amountMinor'> & {
  price: Pick<StoredRecord['price'], 'billableMinutes'>;
};

function coverableOf(r: CoverageSubject): CoverableRecord {
  switch (r.kind) {
    case 'work':
      return { kind: 'work', workTypeId: String(r.workType?.id ?? '') };
    case 'travel':
      return { kind: 'travel' };
    case 'fee':
      return { kind: 'unit_fee', feeId: String(r.fee?.id ?? '') };
    case 'material':
      return { kind: 'item' };
  }
}

const isCounted = (state: StoredRecord['state']) => (COUNTED_STATES as readonly string[]).includes(state);

/** What the client pays as far as it is known now (null: only at the period's end, or no price). */
function clientAmount(kind: RecordCoverage['kind'], r: CoverageSubject): number | null {
  if (kind === 'billable') return r.amountMinor ?? null;
  if (kind === 'prepaid') return null;
  return 0;
}

export async function coverageOfRecords(db: DbOrTx, records: readonly CoverageSubject[]): Promise<Map<number, RecordCoverage>> {
  const contracts = await billingContractsByIds(db, records.flatMap((r) => (r.contractId === null ? [] : [r.contractId])));
  const decided = records.map((r) => {
    const contract = r.contractId === null ? undefined : contracts.get(r.contractId);
    const period = contract ? periodOf(r.date, contract.periodKind) : null;
    const answer = coverageOf(
      { billable: r.billable, date: r.date, what: coverableOf(r) },
      contract && period ? { terms: contract, prepaidInEffect: prepaidInEffect(contract, period) } : null,
    );
    return { r, answer, contract: answer.underContract ? contract! : null, period };
  });

  // The prepaid standing once per contract and period, with the drafts among the records as if they were submitted.
  const groups = new Map<string, { contract: BillingContract; period: string; pending: PrepaidWork[] }>();
  for (const { r, answer, contract, period } of decided) {
    if (answer.kind !== 'prepaid' || r.state === 'billed' || !contract || !period) continue;
    const key = `${contract.id}|${period}`;
    const group = groups.get(key) ?? { contract, period, pending: [] };
    groups.set(key, group);
    if (!isCounted(r.state) && r.price.billableMinutes !== null && r.workType) {
      group.pending.push({
        id: r.id, date: r.date, startTime: r.startTime, createdAt: r.createdAt, workTypeId: r.workType.id, timeClass: r.timeClass ?? 'normal', billableMinutes: r.price.billableMinutes,
      });
    }
  }
  const standings = new Map<string, PrepaidStanding>();
  for (const [key, group] of groups) standings.set(key, await prepaidStanding(db, group.contract, group.period, group.pending));

  const out = new Map<number, RecordCoverage>();
  for (const { r, answer, contract, period } of decided) {
    let prepaid: RecordCoverage['prepaid'] = null;
    if (answer.kind === 'prepaid' && contract && period) {
      const counted = isCounted(r.state);
      const standing = standings.get(`${contract.id}|${period}`);
      const split = standing?.splits.get(r.id);
      const status = r.state === 'billed' ? 'billed' : standing?.ledgerFinal ? 'late' : split === undefined ? 'unpriced' : 'estimate';
      const known = status === 'estimate' && split !== undefined && standing !== undefined;
      prepaid = {
        period, status, counted,
        coveredMinutes: known ? split.coveredMinutes : null,
        overageMinutes: known ? split.overageMinutes : null,
        leftMinutes: known ? standing.left : null,
      };
    }
    out.set(r.id, {
      kind: answer.kind,
      contract: contract ? { id: contract.id, number: contract.number } : null,
      prepaid,
      clientAmountMinor: clientAmount(answer.kind, r),
    });
  }
  return out;
}
