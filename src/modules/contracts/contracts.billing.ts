import type { DbOrTx, Tx } from '../../platform/db/index.ts';
import { conflict } from '../../shared/errors.ts';
import * as repo from './contracts.repo.ts';
import type { Contract } from './contracts.schemas.ts';
import { toTerms } from './contracts.terms.ts';
import { lastDayOf, type CarriedLot, type ContractTerms, type LedgerRow, type Period } from './domain/index.ts';

/**
 * What billing runs read of contracts and write back: the terms of every
 * contract a run may bill, and the prepaid ledger row of a contract and period.
 * Plain functions over db-or-transaction (the caller's transaction, the
 * caller's permission checks).
 */

export type BillingContract = ContractTerms & {
  /** The contract's id as stored (ContractTerms.contractId is the same as a string). */
  readonly id: number;
  readonly number: string;
  readonly name: string;
  readonly ownInvoice: boolean;
  /** false: a partial first or last period is billed the whole fee (default true: prorated by days). */
  readonly feeProrate: boolean;
};

export type StoredLedgerRow = LedgerRow & {
  readonly lots: readonly CarriedLot[];
  readonly final: boolean;
  readonly invoiceId: number | null;
  readonly runId: number | null;
};

export function billingContractOf(c: Contract): BillingContract {
  return { ...toTerms(c), id: c.id, number: c.number, name: c.name, ownInvoice: c.ownInvoice, feeProrate: c.fee?.prorate ?? true };
}

/**
 * Every active contract valid at some day of the period or earlier (its
 * validity may have ended before: fee periods never billed are billed by the
 * next run). Which fee periods are still unbilled is the billing module's
 * knowledge (invoice_fee_periods). Deactivated contracts are not billed.
 */
export async function contractTermsForBilling(db: DbOrTx, period: Period): Promise<BillingContract[]> {
  return (await repo.activeContractsStartedBy(db, lastDayOf(period))).map(billingContractOf);
}

/**
 * The active contracts with these ids as billing reads them, by id (a record's page
 * shows how its contract will bill it). A deactivated contract is left out: billing
 * runs bill none (contractTermsForBilling), its records are billed as time and material.
 */
export async function billingContractsByIds(db: DbOrTx, ids: Iterable<number>): Promise<Map<number, BillingContract>> {
  const found = new Map<number, BillingContract>();
  for (const id of new Set(ids)) {
    const contract = await repo.findContract(db, id);
    if (contract?.active) found.set(id, billingContractOf(contract));
  }
  return found;
}

/** The ledger row of a contract and period, final or provisional; null when none was written. */
export async function ledgerRow(db: DbOrTx, contractId: number, period: Period): Promise<StoredLedgerRow | null> {
  const row = await repo.findLedgerRow(db, contractId, period);
  if (!row) return null;
  const { updatedAt: _updatedAt, ...rest } = row;
  return rest;
}

/**
 * Writes (inserts or replaces) the ledger row of a contract and period in the
 * caller's transaction. A final row (its invoice issued) never changes again;
 * a row that does not balance is never written.
 */
export async function saveLedgerRow(trx: Tx, row: StoredLedgerRow & { readonly contractId: number }, at: string): Promise<void> {
  if (row.openingCarried + row.allocated !== row.consumed + row.carriedOut + row.lapsed) {
    throw new RangeError(`prepaid ledger of contract ${row.contractId}, ${row.period} does not balance`);
  }
  const existing = await repo.findLedgerRow(trx, row.contractId, row.period);
  if (existing?.final) {
    throw conflict('ledger_final', `The prepaid ledger of ${row.period} is final (its invoice is issued) and cannot change`);
  }
  await repo.upsertLedgerRow(trx, row.contractId, { ...row, lots: [...row.lots] }, at);
}

export interface ChangedTerms {
  readonly contractId: number;
  readonly number: string;
  readonly termsChangedAt: string;
}

/**
 * For a draft's page: the client's contracts (the draft's own, or any when it is
 * the client's shared draft) whose terms changed after the draft was computed
 * (computedAt: the draft's created_at). Non-empty: the draft bills old terms
 * and the period's run should be made again; the draft itself is never rewritten.
 */
export async function termsChangedAfter(db: DbOrTx, draft: { clientId: number; contractId: number | null; computedAt: string }): Promise<ChangedTerms[]> {
  let q = db
    .selectFrom('contracts')
    .select(['id', 'number', 'terms_changed_at'])
    .where('client_id', '=', draft.clientId)
    .where('terms_changed_at', '>', draft.computedAt);
  if (draft.contractId !== null) q = q.where('id', '=', draft.contractId);
  const rows = await q.orderBy('number').execute();
  return rows.map((r) => ({ contractId: r.id, number: r.number, termsChangedAt: r.terms_changed_at! }));
}
