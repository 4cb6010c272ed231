import { sql, type Selectable } from 'kysely';
import { containsFolded, preparedQuery, type DbOrTx } from '../../platform/db/index.ts';
import type { ContractsTable, PrepaidLedgerTable } from '../../platform/db/tables/contracts.ts';
import { flag } from '../../shared/patch.ts';
import { escapeLike } from '../../shared/text.ts';
import type { Contract, ContractListQuery, ContractValues, LedgerRowView } from './contracts.schemas.ts';
import type { CarriedLot } from './domain/index.ts';

/** Contracts, the prepaid ledger and the alerts sent, as stored. */

type ContractRow = Selectable<ContractsTable> & { client_name: string; price_list_name: string | null; sla_policy_name: string | null };

function toContract(r: ContractRow): Contract {
  return {
    id: r.id,
    clientId: r.client_id,
    clientName: r.client_name,
    number: r.number,
    name: r.name,
    currency: r.currency,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    periodKind: r.period_kind as Contract['periodKind'],
    priceListId: r.price_list_id,
    priceListName: r.price_list_name,
    fee: r.fee_minor === null
      ? null
      : { amountMinor: Number(r.fee_minor), vatRateBp: r.fee_vat_rate_bp, timing: r.fee_timing as 'in_arrears' | 'in_advance', prorate: r.fee_prorate === 1 },
    scope: JSON.parse(r.scope_json) as Contract['scope'],
    prepaidMinutes: r.prepaid_minutes,
    carryOver: JSON.parse(r.carry_over_json) as Contract['carryOver'],
    multipliers: JSON.parse(r.multipliers_json) as Contract['multipliers'],
    overage: JSON.parse(r.overage_json) as Contract['overage'],
    ownInvoice: r.own_invoice === 1,
    alertClient: r.alert_client === 1,
    slaPolicyId: r.sla_policy_id,
    slaPolicyName: r.sla_policy_name,
    note: r.note,
    active: r.active === 1,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    termsChangedAt: r.terms_changed_at,
  };
}

function selectContracts(db: DbOrTx) {
  return db
    .selectFrom('contracts')
    .innerJoin('clients', 'clients.id', 'contracts.client_id')
    .leftJoin('price_lists', 'price_lists.id', 'contracts.price_list_id')
    .leftJoin('sla_policies', 'sla_policies.id', 'contracts.sla_policy_id')
    .selectAll('contracts')
    .select(['clients.name as client_name', 'price_lists.name as price_list_name', 'sla_policies.name as sla_policy_name']);
}

export async function findContract(db: DbOrTx, id: number): Promise<Contract | null> {
  const row = await selectContracts(db).where('contracts.id', '=', id).executeTakeFirst();
  return row ? toContract(row) : null;
}

export async function listContracts(db: DbOrTx, q: Omit<ContractListQuery, 'cursor'>, after: [string, number] | null, limit: number): Promise<Contract[]> {
  let sel = selectContracts(db);
  if (q.clientId !== undefined) sel = sel.where('contracts.client_id', '=', q.clientId);
  if (q.active !== 'all') sel = sel.where('contracts.active', '=', q.active === 'true' ? 1 : 0);
  if (q.validOn !== undefined) {
    const on = q.validOn;
    sel = sel.where('contracts.valid_from', '<=', on).where((eb) => eb.or([eb('contracts.valid_to', 'is', null), eb('contracts.valid_to', '>=', on)]));
  }
  if (q.q?.trim()) {
    const text = q.q.trim();
    // The user's % and _ match literally (SQLite has no default LIKE escape, hence the explicit one).
    const pattern = `%${escapeLike(text.toLowerCase())}%`;
    sel = sel.where((eb) =>
      eb.or([
        containsFolded('clients.search_text', text),
        sql<boolean>`lower(contracts.number) like ${pattern} escape '\\'`,
        sql<boolean>`lower(contracts.name) like ${pattern} escape '\\'`,
      ]),
    );
  }
  if (after) {
    const [number, id] = after;
    sel = sel.where((eb) => eb.or([eb('contracts.number', '>', number), eb.and([eb('contracts.number', '=', number), eb('contracts.id', '>', id)])]));
  }
  const rows = await sel.orderBy('contracts.number').orderBy('contracts.id').limit(limit).execute();
  return rows.map(toContract);
}

/** Active contracts that started on or before the day, by id (what a billing run may bill). */
export async function activeContractsStartedBy(db: DbOrTx, day: string): Promise<Contract[]> {
  const rows = await selectContracts(db).where('contracts.active', '=', 1).where('contracts.valid_from', '<=', day).orderBy('contracts.id').execute();
  return rows.map(toContract);
}

export async function numberTaken(db: DbOrTx, number: string, exceptId = 0): Promise<boolean> {
  const row = await db.selectFrom('contracts').select('id').where('number', '=', number).where('id', '!=', exceptId).executeTakeFirst();
  return row !== undefined;
}

function columns(v: ContractValues) {
  return {
    client_id: v.clientId,
    number: v.number,
    name: v.name,
    currency: v.currency,
    valid_from: v.validFrom,
    valid_to: v.validTo,
    period_kind: v.periodKind,
    price_list_id: v.priceListId,
    fee_minor: v.fee?.amountMinor ?? null,
    fee_vat_rate_bp: v.fee?.vatRateBp ?? 0,
    fee_timing: v.fee?.timing ?? 'in_arrears',
    fee_prorate: flag(v.fee?.prorate ?? true),
    scope_json: JSON.stringify(v.scope),
    prepaid_minutes: v.prepaidMinutes,
    carry_over_json: JSON.stringify(v.carryOver),
    multipliers_json: JSON.stringify(v.multipliers),
    overage_json: JSON.stringify(v.overage),
    own_invoice: flag(v.ownInvoice),
    alert_client: flag(v.alertClient),
    sla_policy_id: v.slaPolicyId,
    note: v.note,
    active: flag(v.active),
  };
}

export async function insertContract(db: DbOrTx, v: ContractValues, at: string): Promise<number> {
  const row = await db
    .insertInto('contracts')
    .values({ ...columns(v), version: 1, created_at: at, updated_at: at, terms_changed_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Writes only over the version the caller read; false when someone else changed it first. */
/** termsChanged: the terms billing computes with changed (drafts made before are stale from now on). */
export async function updateContract(db: DbOrTx, id: number, version: number, v: ContractValues, at: string, termsChanged: boolean): Promise<boolean> {
  const res = await db
    .updateTable('contracts')
    .set({ ...columns(v), version: version + 1, updated_at: at, ...(termsChanged ? { terms_changed_at: at } : {}) })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The client's contracts that could take a ticket (the choice is domain/choose-contract.ts). */
// Every new ticket looks for its contract: compiled once.
const candidatesQuery = preparedQuery((db, p: { clientId: number; active: number; date: string }) =>
  db
    .selectFrom('contracts')
    .select(['id', 'number', 'active', 'valid_from', 'valid_to', 'own_invoice', 'sla_policy_id'])
    .where('client_id', '=', p.clientId)
    .where('active', '=', p.active)
    .where('valid_from', '<=', p.date));

export async function contractCandidates(db: DbOrTx, clientId: number, date: string) {
  const rows = await candidatesQuery(db, { clientId, active: 1, date });
  return rows.map((r) => ({
    id: r.id, number: r.number, active: r.active === 1, validFrom: r.valid_from, validTo: r.valid_to, ownInvoice: r.own_invoice === 1, slaPolicyId: r.sla_policy_id,
  }));
}

/* Prepaid ledger */

function toLedgerRow(r: Selectable<PrepaidLedgerTable>): LedgerRowView {
  return {
    period: r.period,
    openingCarried: r.opening_carried,
    allocated: r.allocated,
    consumed: r.consumed,
    carriedOut: r.carried_out,
    lapsed: r.lapsed,
    lots: JSON.parse(r.lots_json) as CarriedLot[],
    final: r.final === 1,
    invoiceId: r.invoice_id,
    runId: r.run_id,
    updatedAt: r.updated_at,
  };
}

export async function ledgerRows(db: DbOrTx, contractId: number): Promise<LedgerRowView[]> {
  const rows = await db.selectFrom('prepaid_ledger').selectAll().where('contract_id', '=', contractId).execute();
  // Periods of one kind sort as strings; the kind of a contract's rows is its period kind.
  return rows.map(toLedgerRow).sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
}

export async function findLedgerRow(db: DbOrTx, contractId: number, period: string): Promise<LedgerRowView | null> {
  const row = await db.selectFrom('prepaid_ledger').selectAll().where('contract_id', '=', contractId).where('period', '=', period).executeTakeFirst();
  return row ? toLedgerRow(row) : null;
}

export async function upsertLedgerRow(db: DbOrTx, contractId: number, row: Omit<LedgerRowView, 'updatedAt'>, at: string): Promise<void> {
  const values = {
    opening_carried: row.openingCarried,
    allocated: row.allocated,
    consumed: row.consumed,
    carried_out: row.carriedOut,
    lapsed: row.lapsed,
    lots_json: JSON.stringify(row.lots),
    final: flag(row.final),
    invoice_id: row.invoiceId,
    run_id: row.runId,
    updated_at: at,
  };
  await db
    .insertInto('prepaid_ledger')
    .values({ contract_id: contractId, period: row.period, ...values })
    .onConflict((oc) => oc.columns(['contract_id', 'period']).doUpdateSet(values))
    .execute();
}

export async function hasFinalLedger(db: DbOrTx, contractId: number): Promise<boolean> {
  const row = await db.selectFrom('prepaid_ledger').select('id').where('contract_id', '=', contractId).where('final', '=', 1).executeTakeFirst();
  return row !== undefined;
}

/* Alerts */

export async function alertsOf(db: DbOrTx, contractId: number, period: string) {
  const rows = await db
    .selectFrom('contract_alerts')
    .select(['threshold_pct', 'sent_at', 'mailed'])
    .where('contract_id', '=', contractId)
    .where('period', '=', period)
    .orderBy('threshold_pct')
    .execute();
  return rows.map((r) => ({ thresholdPct: r.threshold_pct, sentAt: r.sent_at, mailed: r.mailed === null ? null : r.mailed === 1 }));
}

/** Claims the alert: true when this call wrote it, false when it was already sent (by anyone). */
export async function claimAlert(db: DbOrTx, contractId: number, period: string, thresholdPct: number, at: string): Promise<boolean> {
  const res = await db
    .insertInto('contract_alerts')
    .values({ contract_id: contractId, period, threshold_pct: thresholdPct, sent_at: at, mailed: 0 })
    .onConflict((oc) => oc.columns(['contract_id', 'period', 'threshold_pct']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Marks the claimed alert whose own mail was queued (in the claiming transaction). */
export async function markAlertMailed(db: DbOrTx, contractId: number, period: string, thresholdPct: number): Promise<void> {
  await db.updateTable('contract_alerts').set({ mailed: 1 }).where('contract_id', '=', contractId).where('period', '=', period).where('threshold_pct', '=', thresholdPct).execute();
}

/**
 * Draft invoices of the contract's client that may bill this contract (its own,
 * or the client's shared draft) and were made before its terms last changed.
 * Drafts keep what they were computed with; a billing run made again replaces them.
 */
export async function draftsMadeBefore(db: DbOrTx, contract: Pick<Contract, 'id' | 'clientId' | 'ownInvoice'>, changedAt: string) {
  const rows = await db
    .selectFrom('invoices')
    .select(['id', 'period', 'created_at'])
    .where('kind', '=', 'invoice')
    .where('state', '=', 'draft')
    .where('client_id', '=', contract.clientId)
    .where((eb) => eb.or([eb('contract_id', '=', contract.id), eb('contract_id', 'is', null)]))
    .where('created_at', '<', changedAt)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ invoiceId: r.id, period: r.period, computedAt: r.created_at }));
}
