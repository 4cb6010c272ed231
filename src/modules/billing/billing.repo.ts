/**
 * Storage of billing runs and their drafts (Kysely, SQLite and PostgreSQL).
 * Invoicing (issue, payments, credit notes) keeps its own repository.
 */
import { sql, type Insertable } from 'kysely';
import { isPostgres, type Db, type DbOrTx, type InvoicesTable, type Tx } from '../../platform/db/index.ts';
import { conflict } from '../../shared/errors.ts';
import { isLanguage } from '../../shared/language.ts';
import type { DraftPlan, RecordPricing, RunClient, RunRecord } from './billing.run.types.ts';

/** Rows per multi-row insert: well under either engine's bound-parameter limit. */
const CHUNK = 400;

async function inChunks<T>(rows: readonly T[], size: number, write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

// ---- runs ---------------------------------------------------------------

/**
 * Starts a run of the period in the caller's transaction: a running run whose
 * heartbeat is older than `staleBefore` (its process died) is marked failed
 * first; a live one makes the unique index billing_runs_one_running refuse the
 * new row (the caller answers 409).
 */
export async function claimRun(trx: Tx, period: string, startedBy: number | null, now: string, staleBefore: string): Promise<{ id: number; tookOver: number[] }> {
  const stale = await trx
    .updateTable('billing_runs')
    .set({ state: 'failed', finished_at: now, error: 'abandoned: its process stopped before completing (taken over by a newer run)' })
    .where('period', '=', period)
    .where('state', '=', 'running')
    .where('heartbeat_at', '<', staleBefore)
    .returning('id')
    .execute();
  const row = await trx
    .insertInto('billing_runs')
    .values({ period, state: 'running', started_by: startedBy, started_at: now, heartbeat_at: now, progress_done: 0, progress_total: 0, summary_json: null, error: null, finished_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: Number(row.id), tookOver: stale.map((r) => Number(r.id)) };
}

/** Touches the run's heartbeat and progress; false when the run is no longer this process's (taken over). */
export async function heartbeat(db: DbOrTx, runId: number, now: string, done: number, total: number): Promise<boolean> {
  const r = await db
    .updateTable('billing_runs')
    .set({ heartbeat_at: now, progress_done: done, progress_total: total })
    .where('id', '=', runId)
    .where('state', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function failRun(db: Db, runId: number, now: string, error: string): Promise<void> {
  await db.updateTable('billing_runs').set({ state: 'failed', finished_at: now, error: error.slice(0, 2000) }).where('id', '=', runId).where('state', '=', 'running').execute();
}

export async function findRun(db: DbOrTx, id: number) {
  return db.selectFrom('billing_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listRuns(db: DbOrTx, period: string | undefined, limit: number) {
  let q = db.selectFrom('billing_runs').select(['id', 'period', 'state', 'started_by', 'started_at', 'heartbeat_at', 'finished_at', 'progress_done', 'progress_total', 'error']);
  if (period) q = q.where('period', '=', period);
  return q.orderBy('id', 'desc').limit(limit).execute();
}

/**
 * The run of the same period that replaced this run's unissued drafts: the first one completed
 * after it (drafts are replaced when a later run completes; one that failed replaced nothing).
 */
export async function replacingRun(db: DbOrTx, period: string, runId: number) {
  return db
    .selectFrom('billing_runs')
    .select(['id', 'started_at'])
    .where('period', '=', period)
    .where('state', '=', 'completed')
    .where('id', '>', runId)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/** The documents a run wrote, as they are now (issued, paid, edited...); a draft replaced by a later run is missing. */
export async function documentsNow(db: DbOrTx, ids: readonly number[]) {
  const rows = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    rows.push(
      ...(await db
        .selectFrom('invoices')
        .select(['id', 'kind', 'state', 'number', 'net_minor', 'vat_minor', 'total_minor', 'paid_minor', 'credited_minor', 'due_date', 'blocked_json', 'currency', 'period', 'taxable_supply_date', 'reverse_charge'])
        .where('id', 'in', ids.slice(i, i + CHUNK))
        .execute()),
    );
  }
  return rows;
}

// ---- what a run reads ---------------------------------------------------

const WAITING_STATES = ['draft', 'submitted'] as const;

/** Clients with records the run may take (approved or waiting), unbilled and dated up to `end`. */
export async function clientsWithRecords(db: DbOrTx, end: string): Promise<number[]> {
  const rows = await db
    .selectFrom('records')
    .select('client_id')
    .distinct()
    .where('state', 'in', ['approved', ...WAITING_STATES])
    .where('date', '<=', end)
    .execute();
  return rows.map((r) => Number(r.client_id));
}

export async function loadClients(db: DbOrTx, ids: readonly number[]): Promise<RunClient[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('clients')
    .select(['id', 'name', 'country', 'vat_id', 'language', 'payment_terms_days', 'currency'])
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => ({
    id: Number(r.id), name: r.name, country: r.country, vatId: r.vat_id, paymentTermsDays: r.payment_terms_days, currency: r.currency,
    language: isLanguage(r.language) ? r.language : 'en',
  }));
}

/**
 * Records waiting on a visible draft of another period: that draft bills them,
 * so this run leaves them out. Read once per run (a set of ids, usually small).
 */
export async function recordsOnOtherDrafts(db: DbOrTx, period: string): Promise<Set<number>> {
  const rows = await db
    .selectFrom('invoices as i')
    .innerJoin('invoice_records as ir', 'ir.invoice_id', 'i.id')
    .select('ir.record_id')
    .where('i.state', '=', 'draft')
    .where('i.visible', '=', 1)
    .where('i.period', '<>', period)
    .execute();
  return new Set(rows.map((r) => Number(r.record_id)));
}

/**
 * The approved, unbilled records of these clients dated up to `end`, with their ticket (`t`)
 * and the period they were taken out of by hand (`x.period`, null when none): what a run
 * bills, and what the issue warnings look through for records a run did not see. One
 * builder, so both read the same records the same way. With `period`, records taken out
 * of that period are left out here; without, the caller compares `x.period` per draft.
 */
export function approvedUnbilledRecords(db: DbOrTx, clientIds: readonly number[], end: string, period?: string) {
  // SQLite without statistics would walk records_state_date (every approved record of
  // all time) for each batch; the unary + keeps it on records_client_date instead.
  const state = isPostgres(db) ? sql.ref('r.state') : sql`+r.state`;
  let q = db
    .selectFrom('records as r')
    .innerJoin('tickets as t', 't.id', 'r.ticket_id')
    .leftJoin('billing_exclusions as x', 'x.record_id', 'r.id')
    .where('r.client_id', 'in', [...clientIds])
    .where(state, '=', 'approved')
    .where('r.billed_invoice_id', 'is', null)
    .where('r.date', '<=', end);
  if (period !== undefined) q = q.where((eb) => eb.or([eb('x.period', 'is', null), eb('x.period', '<>', period)]));
  return q;
}

/**
 * The approved, unbilled records of these clients dated up to `end`, oldest
 * first — except those excluded by hand from a draft of this period and those
 * in `skip` (on drafts of other periods).
 */
export async function loadApprovedRecords(db: DbOrTx, clientIds: readonly number[], period: string, start: string, end: string, skip: ReadonlySet<number>): Promise<Omit<RunRecord, 'vatRateBp'>[]> {
  if (clientIds.length === 0) return [];
  const rows = await approvedUnbilledRecords(db, clientIds, end, period)
    .innerJoin('users as u', 'u.id', 'r.technician_id')
    .select([
      'r.id', 'r.kind', 'r.client_id', 'r.contract_id', 't.contract_id as ticket_contract_id', 'r.ticket_id', 't.number as ticket_number', 't.subject as ticket_subject',
      'u.name as technician_name', 'r.date', 'r.start_time', 'r.created_at', 'r.minutes', 'r.billable_minutes', 'r.work_type_id', 'r.time_class',
      'r.km_milli', 'r.fee_id', 'r.item_id', 'r.quantity_milli', 'r.billable', 'r.amount_minor', 'r.cost_minor', 'r.price_error', 'r.currency',
      'r.pricing_json', 'r.description', 'r.vat_category', 'x.note as exclusion_note', 'x.period as exclusion_period',
    ])
    .orderBy('r.client_id')
    .orderBy('r.date')
    .orderBy('r.start_time')
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute();
  return rows.filter((r) => !skip.has(Number(r.id))).map((r) => {
    const pricing = r.pricing_json ? (JSON.parse(r.pricing_json) as RecordPricing) : null;
    return {
      id: Number(r.id), kind: r.kind, clientId: Number(r.client_id), contractId: nullableId(r.contract_id ?? r.ticket_contract_id),
      ticketId: Number(r.ticket_id), ticketNumber: r.ticket_number, ticketSubject: r.ticket_subject, technicianName: r.technician_name,
      date: r.date, startTime: r.start_time, createdAt: r.created_at, minutes: r.minutes, billableMinutes: r.billable_minutes,
      workTypeId: nullableId(r.work_type_id), timeClass: (r.time_class as RunRecord['timeClass']) ?? null, kmMilli: r.km_milli,
      feeId: nullableId(r.fee_id), itemId: nullableId(r.item_id), quantityMilli: r.quantity_milli, billable: r.billable === 1,
      amountMinor: r.amount_minor === null ? null : Number(r.amount_minor), costMinor: r.cost_minor === null ? null : Number(r.cost_minor),
      priceError: r.price_error, currency: r.currency, rateMinor: pricing?.rateMinor ?? null, surchargePct: pricing?.surchargePct ?? null,
      unitPriceMinor: pricing?.unitPriceMinor ?? null, vatCategory: r.vat_category, description: r.description, late: r.date < start,
      exclusionNote: r.exclusion_note ?? null,
    };
  });
}

const nullableId = (v: number | string | null): number | null => (v === null ? null : Number(v));

/** Records not yet approved, dated up to `end`: listed as waiting (at most `limit`, with the full count). */
export async function waitingRecords(db: DbOrTx, end: string, limit: number) {
  const base = db.selectFrom('records as r').where('r.state', 'in', [...WAITING_STATES]).where('r.date', '<=', end);
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .innerJoin('tickets as t', 't.id', 'r.ticket_id')
    .innerJoin('users as u', 'u.id', 'r.technician_id')
    .innerJoin('clients as c', 'c.id', 'r.client_id')
    .select([
      'r.id', 'r.ticket_id', 't.number', 'u.name as technician_name', 'r.date', 'r.state', 'r.client_id', 'c.name as client_name',
      'r.kind', 'r.quantity_milli', 'r.amount_minor', 'r.currency', 'r.description',
    ])
    .orderBy('r.date')
    .orderBy('r.id')
    .limit(limit)
    .execute();
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      recordId: Number(r.id), ticketId: Number(r.ticket_id), ticketNumber: r.number, technicianName: r.technician_name, date: r.date, state: r.state,
      clientId: Number(r.client_id), clientName: r.client_name,
      // A material record with a negative quantity is goods coming back (a return slip's record).
      kind: r.kind === 'material' && (r.quantity_milli ?? 0) < 0 ? ('return' as const) : r.kind,
      amountMinor: r.amount_minor === null ? null : Number(r.amount_minor), currency: r.currency, description: r.description,
    })),
  };
}

export interface WaitingSummary {
  /** Records of the client not yet approved (draft or submitted), dated up to the period's end. */
  count: number;
  /** Their amounts summed per currency (unpriced records count above but add nothing here). */
  amounts: Map<string, number>;
}

/**
 * Per client, the records a run would list as waiting now: not approved yet and
 * dated up to `end`. Issuing a draft before they are approved leaves them to a
 * later invoice, so the issue confirmations name them.
 */
export async function waitingByClient(db: DbOrTx, end: string, clientIds: readonly number[]): Promise<Map<number, WaitingSummary>> {
  const result = new Map<number, WaitingSummary>();
  for (let i = 0; i < clientIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('records')
      .select((eb) => ['client_id', 'currency', eb.fn.countAll<number | string>().as('n'), eb.fn.sum<number | string | null>('amount_minor').as('amount')])
      .where('client_id', 'in', clientIds.slice(i, i + CHUNK))
      .where('state', 'in', [...WAITING_STATES])
      .where('date', '<=', end)
      .groupBy(['client_id', 'currency'])
      .execute();
    for (const r of rows) {
      const clientId = Number(r.client_id);
      const summary = result.get(clientId) ?? { count: 0, amounts: new Map<string, number>() };
      summary.count += safeInteger(r.n);
      if (r.currency !== null && r.amount !== null) summary.amounts.set(r.currency, (summary.amounts.get(r.currency) ?? 0) + safeInteger(r.amount));
      result.set(clientId, summary);
    }
  }
  return result;
}

/** COUNT and SUM come back as strings from PostgreSQL (SUM of bigint is numeric). */
function safeInteger(value: number | string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`the sum ${value} is outside the safe integer range`);
  return n;
}

/** Unissued drafts of months before `period`, oldest first: a run of `period` leaves their records and fees to them. */
export async function openDraftsBefore(db: DbOrTx, period: string, limit: number) {
  const base = db
    .selectFrom('invoices as i')
    .where('i.kind', '=', 'invoice')
    .where('i.state', '=', 'draft')
    .where('i.visible', '=', 1)
    .where('i.period', '<', period);
  const count = await base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .innerJoin('clients as c', 'c.id', 'i.client_id')
    .select(['i.id', 'i.client_id', 'c.name as client_name', 'i.period', 'i.currency', 'i.net_minor', 'i.total_minor', 'i.created_at'])
    .orderBy('i.period')
    .orderBy('c.name')
    .orderBy('i.id')
    .limit(limit)
    .execute();
  return {
    total: safeInteger(count.n),
    items: rows.map((r) => ({
      invoiceId: Number(r.id), clientId: Number(r.client_id), clientName: r.client_name, period: r.period ?? '', currency: r.currency,
      netMinor: Number(r.net_minor), totalMinor: Number(r.total_minor), createdAt: r.created_at,
    })),
  };
}

/** The clients of these drafts as stored now (the customer a document would name if issued now). */
export async function clientsNow(db: DbOrTx, ids: readonly number[]) {
  const rows = [];
  for (let i = 0; i < ids.length; i += CHUNK) rows.push(...(await db.selectFrom('clients').selectAll().where('id', 'in', ids.slice(i, i + CHUNK)).execute()));
  return new Map(rows.map((r) => [Number(r.id), r]));
}

/** Records taken out of this period's drafts by hand, with why. */
export async function exclusionsOf(db: DbOrTx, period: string) {
  const rows = await db
    .selectFrom('billing_exclusions as x')
    .innerJoin('records as r', 'r.id', 'x.record_id')
    .select(['x.record_id', 'x.note', 'x.excluded_at', 'r.client_id', 'r.date', 'r.state'])
    .where('x.period', '=', period)
    .where('r.state', '=', 'approved')
    .orderBy('x.record_id')
    .execute();
  return rows.map((r) => ({ recordId: Number(r.record_id), clientId: Number(r.client_id), date: r.date, note: r.note, excludedAt: r.excluded_at }));
}

/**
 * Fee periods of these contracts billed already: on issued invoices, or on a
 * visible draft of an earlier period (that draft bills them; a second draft must not).
 */
export async function billedFeePeriods(db: DbOrTx, contractIds: readonly number[], period: string): Promise<Map<number, string[]>> {
  const result = new Map<number, string[]>();
  if (contractIds.length === 0) return result;
  const add = (contractId: number, feePeriod: string) => result.set(contractId, [...(result.get(contractId) ?? []), feePeriod]);
  const issued = await db.selectFrom('invoice_fee_periods').select(['contract_id', 'fee_period']).where('contract_id', 'in', [...contractIds]).execute();
  for (const r of issued) add(Number(r.contract_id), r.fee_period);
  const drafted = await db
    .selectFrom('invoice_lines as l')
    .innerJoin('invoices as i', 'i.id', 'l.invoice_id')
    .select(['l.group_key', 'l.fee_period'])
    .where('l.kind', '=', 'contract_fee')
    .where('i.state', '=', 'draft')
    .where('i.visible', '=', 1)
    // Only earlier months' drafts: a month run after a later one bills its own fee (the later
    // draft is then replaced by its re-run; a prepaid contract's later draft waits blocked meanwhile).
    .where('i.period', '<', period)
    .execute();
  const wanted = new Set(contractIds);
  for (const r of drafted) {
    const contractId = contractOfFeeKey(r.group_key);
    if (contractId !== null && wanted.has(contractId) && r.fee_period) add(contractId, r.fee_period);
  }
  return result;
}

/** The contract of a fee line from its group key (contractFeeLine's ['contract_fee', contractId, period]). */
function contractOfFeeKey(key: string): number | null {
  try {
    const parsed = JSON.parse(key) as unknown[];
    return parsed[0] === 'contract_fee' ? Number(parsed[1]) : null;
  } catch {
    return null;
  }
}

/** Names for line texts: work types (with their names per language), unit fees (with unit) and items, read once per run. */
export async function loadNames(db: DbOrTx) {
  const [workTypes, fees, items] = await Promise.all([
    db.selectFrom('work_types').select(['id', 'name', 'name_cs', 'name_sk', 'name_en']).execute(),
    db.selectFrom('unit_fees').select(['id', 'name', 'unit']).execute(),
    db.selectFrom('items').select(['id', 'name']).execute(),
  ]);
  return {
    workTypes: new Map(workTypes.map((w) => [Number(w.id), { name: w.name, cs: w.name_cs, sk: w.name_sk, en: w.name_en }])),
    fees: new Map(fees.map((f) => [Number(f.id), { name: f.name, unit: f.unit }])),
    items: new Map(items.map((i) => [Number(i.id), i.name])),
  };
}

// ---- what a run writes --------------------------------------------------

export interface DraftHeader {
  runId: number;
  period: string;
  client: RunClient;
  taxableSupplyDate: string;
  roundTotal: boolean;
  totals: Pick<Insertable<InvoicesTable>, 'net_minor' | 'vat_minor' | 'rounding_minor' | 'total_minor' | 'vat_recap_json'>;
  now: string;
}

/**
 * Writes a batch of drafts, invisible until their run completes: the invoices in
 * one insert, then all their lines, then the records behind them, in chunks
 * (a handful of statements per batch instead of three per draft). Returns the
 * invoice ids in the order of `drafts`.
 */
export async function insertDrafts(trx: Tx, drafts: readonly { header: DraftHeader; plan: DraftPlan }[]): Promise<number[]> {
  const ids: number[] = [];
  await inChunks(drafts, 100, async (chunk) => {
    const rows = chunk.map(({ header: h, plan }) => ({
      kind: 'invoice' as const, state: 'draft' as const, run_id: h.runId, period: h.period, client_id: plan.clientId, contract_id: plan.contractId, currency: plan.currency,
      language: h.client.language, number: null, number_year: null, number_sequence: null, variable_symbol: null, issue_date: null,
      taxable_supply_date: h.taxableSupplyDate, due_date: null, payment_terms_days: h.client.paymentTermsDays, reverse_charge: plan.reverseCharge ? 1 : 0,
      round_total: h.roundTotal ? 1 : 0, ...h.totals, corrects_invoice_id: null, credit_reason: null, supplier_json: null, customer_json: null,
      blocked_json: plan.blocked.length ? JSON.stringify(plan.blocked) : null, visible: 0, created_at: h.now, updated_at: h.now, issued_at: null, issued_by: null,
    }));
    // Matched back by (client, currency, contract): unique among one run's drafts (an own-invoice contract never shares a draft).
    const inserted = await trx.insertInto('invoices').values(rows).returning(['id', 'client_id', 'currency', 'contract_id']).execute();
    const byKey = new Map(inserted.map((r) => [`${r.client_id}|${r.currency}|${r.contract_id ?? ''}`, Number(r.id)]));
    for (const { plan } of chunk) ids.push(byKey.get(`${plan.clientId}|${plan.currency}|${plan.contractId ?? ''}`)!);
  });
  const lineRows = drafts.flatMap(({ plan }, d) =>
    plan.lines.map((l, i) => ({
      invoice_id: ids[d]!, position: i + 1, kind: l.kind, description: l.description, quantity_milli: l.quantityMilli, unit: l.unit,
      unit_price_minor: l.unitPriceMinor, net_minor: l.netMinor, vat_rate_bp: l.vatRateBp, group_key: l.key, fee_period: l.feePeriod,
    })),
  );
  const lineIds = new Map<string, number>();
  await inChunks(lineRows, CHUNK, async (chunk) => {
    const inserted = await trx.insertInto('invoice_lines').values(chunk).returning(['id', 'invoice_id', 'group_key']).execute();
    for (const r of inserted) lineIds.set(`${r.invoice_id}|${r.group_key}`, Number(r.id));
  });
  const recordRows = drafts.flatMap(({ plan }, d) =>
    plan.records.map((r) => ({
      invoice_id: ids[d]!, record_id: r.recordId, line_id: r.lineKey === null ? null : (lineIds.get(`${ids[d]}|${r.lineKey}`) ?? null), outcome: r.outcome,
      covered_minutes: r.coveredMinutes, billed_minutes: r.billedMinutes, amount_minor: r.amountMinor, late: r.late ? 1 : 0,
    })),
  );
  await inChunks(recordRows, CHUNK, (chunk) => trx.insertInto('invoice_records').values(chunk).execute());
  return ids;
}

/** Deletes unissued drafts (their lines and records first) by id. */
export async function deleteDrafts(trx: Tx, ids: readonly number[]): Promise<void> {
  await inChunks(ids, CHUNK, async (chunk) => {
    await trx.deleteFrom('invoice_records').where('invoice_id', 'in', chunk).execute();
    await trx.deleteFrom('invoice_lines').where('invoice_id', 'in', chunk).execute();
    await trx.deleteFrom('invoices').where('id', 'in', chunk).where('state', '=', 'draft').execute();
  });
}

/**
 * Completes a run in one transaction: the period's earlier unissued drafts (and
 * leftovers of runs that died) go, this run's drafts become visible, the run is
 * completed. Refuses when the run was taken over meanwhile.
 */
export async function completeRun(trx: Tx, runId: number, period: string, summaryJson: string, now: string): Promise<void> {
  const done = await trx
    .updateTable('billing_runs')
    .set({ state: 'completed', finished_at: now, heartbeat_at: now, summary_json: summaryJson })
    .where('id', '=', runId)
    .where('state', '=', 'running')
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) throw conflict('run_taken_over', `Billing run ${runId} was taken over by a newer run of ${period}`);
  const old = await trx
    .selectFrom('invoices')
    .select('id')
    .where('period', '=', period)
    .where('kind', '=', 'invoice')
    .where('state', '=', 'draft')
    .where('run_id', 'is not', null)
    .where('run_id', '<>', runId)
    .execute();
  await deleteDrafts(trx, old.map((r) => Number(r.id)));
  await trx.updateTable('invoices').set({ visible: 1 }).where('run_id', '=', runId).where('state', '=', 'draft').execute();
}
