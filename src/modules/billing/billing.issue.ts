/**
 * Issuing drafts as invoices (BILLING.md §4). One draft is issued in ONE
 * transaction: the next gap-free number of the 'invoice' series, the dates,
 * the totals recomputed from the lines, the supplier and customer snapshots,
 * the records locked (billed, on this invoice), the contract fee periods it
 * bills recorded, the prepaid ledger rows of its contracts made final, and
 * the audit entry. If any step fails, nothing of it happened and the number
 * is not used. A bulk issue issues each draft all or nothing on its own (its
 * own transaction, or its own savepoint in a shared SQLite transaction) and
 * reports which were issued and which not, with the reason.
 */
import { recordAudit } from '../../platform/audit/index.ts';
import { inWriteBatch, isPostgres, uniqueViolationIndex, type Tx } from '../../platform/db/index.ts';
import { addDays } from '../../shared/calendar/index.ts';
import { problemsOf, invalidPeriod } from '../../shared/date-details.ts';
import { AppError, conflict, failIf, invalid, notFound, type ErrorDetail } from '../../shared/errors.ts';
import { loadSupplier } from '../company/index.ts';
import { ledgerRow, saveLedgerRow } from '../contracts/index.ts';
import { auditWhoOf, type RequestContext } from '../identity/index.ts';
import { allocateNumber } from '../numbering/index.ts';
import { buyerRefusal, customerOf } from './billing.document.parties.ts';
import { checkExchangeRate, exchangeRateAtIssue, type ExchangeRateInput } from './billing.issue.rate.ts';
import { requirePermission, todayOf, type InvoicingDeps } from './billing.invoices.context.ts';
import * as repo from './billing.invoices.repo.ts';
import { draftBlocksNow } from './billing.draft-blocks.ts';
import { draftTaxableSupplyDate, totalsOfLines } from './domain/invoice-document-build.ts';
import { onlyRerunNeeded, parseDraftBlocks, type DraftBlockNow } from './domain/draft-blocks.ts';
import type { Supplier } from './domain/invoice-document.ts';

/** Drafts issued in one SQLite transaction (each in its own savepoint) by a bulk issue. */
const BATCH = 64;

export interface IssuedInvoice {
  id: number;
  number: string;
}

export interface BulkIssueReport {
  issued: IssuedInvoice[];
  /** Each refusal names the document (client, and its number when it has one) so the user need not know ids. */
  notIssued: { id: number; clientId: number | null; clientName: string; number: string | null; code: string; reason: string; details?: ErrorDetail[] }[];
}

/** The English text of a draft's reasons (the API's `blocked`; `blocks` has them as codes). */
export function blockedReasons(blockedJson: string | null): string[] {
  return parseDraftBlocks(blockedJson).map((b) => b.message);
}

/**
 * The refusal of a blocked draft. Each reason says what to do: while the earlier prepaid
 * period is not final, issue its draft first; once it is, the reason is gone but the draft's
 * figures were computed without that ledger, so billing the period runs again first.
 */
function blockedRefusal(period: string | null, blocks: readonly DraftBlockNow[]): AppError {
  const rerun = `run billing for ${period ?? 'the period'} again (POST /api/v1/billing-runs)`;
  const gone = onlyRerunNeeded(blocks);
  const said = blocks.map((b) => {
    if (b.code !== 'previous_prepaid_not_final') return b.message;
    const contract = b.contractNumber ?? (b.contractId !== null ? `#${b.contractId}` : 'the contract');
    if (!b.holds) return `${b.message} when the draft was computed; contract ${contract}: ${b.previousPeriod} is final now, the reason is gone`;
    return `${b.message}: contract ${contract}, issue the invoice of ${b.previousPeriod ?? 'the previous period'} first${b.earlierDraftId !== null ? ` (draft ${b.earlierDraftId})` : ''}`;
  });
  const head = gone ? 'The draft cannot be issued as it was computed' : 'The draft cannot be issued';
  return new AppError('conflict', 'draft_blocked', `${head}: ${said.join('; ')}; ${gone ? '' : 'then '}${rerun}`, {
    // 'blocked' while the reason holds (its code is in the draft's blocks), 'rerun_needed' once it is gone.
    details: blocks.map((b, i) => ({ path: '', code: b.holds ? 'blocked' : 'rerun_needed', message: said[i]! })),
  });
}

/** The contract a fee line bills: its group key is ['contract_fee', contractId, period] (lines.ts), else the invoice's contract. */
function feeContractOf(groupKey: string, invoiceContractId: number | null): number | null {
  try {
    const key = JSON.parse(groupKey) as unknown;
    if (Array.isArray(key) && key[0] === 'contract_fee' && Number.isSafeInteger(Number(key[1]))) return Number(key[1]);
  } catch {
    // not a structured key
  }
  return invoiceContractId;
}

export function createIssuing(deps: InvoicingDeps) {
  const { db, clock } = deps;

  /** Why a document could not be claimed for issuing (read inside the transaction that tried). */
  async function refusalOf(trx: Tx, id: number): Promise<AppError> {
    const row = await repo.findInvoice(trx, id);
    if (!row) return notFound('Invoice');
    if (row.kind !== 'invoice') return conflict('not_a_draft', `Document ${id} is a credit note; credit notes are issued with the invoice they correct`);
    if (row.state !== 'draft') return conflict('already_issued', `Invoice ${row.number ?? id} is already issued (${row.state}); issued invoices never change`);
    return conflict('draft_not_ready', `The draft ${id} belongs to a billing run that has not completed yet`);
  }

  async function issueInTransaction(
    trx: Tx, ctx: RequestContext, id: number, now: Date, rateOf: (currency: string) => ExchangeRateInput | undefined,
    supplierOf: (trx: Tx, language: string) => Promise<Supplier> = loadSupplier,
  ): Promise<IssuedInvoice> {
    const at = now.toISOString();
    const today = todayOf(clock);
    if (!(await repo.claimDraft(trx, id, at))) throw await refusalOf(trx, id);
    const draft = (await repo.invoiceRow(trx, id))!;
    if (draft.blocked_json !== null) {
      const blocks = (await draftBlocksNow(trx, [{ invoiceId: id, clientId: Number(draft.client_id), contractId: draft.contract_id === null ? null : Number(draft.contract_id), period: draft.period, blockedJson: draft.blocked_json }])).get(id);
      if (blocks) throw blockedRefusal(draft.period, blocks);
    }
    const lines = await repo.linesOf(trx, id);
    if (lines.length === 0) throw conflict('empty_draft', 'The draft has no lines; there is nothing to invoice');
    const client = await repo.clientOf(trx, draft.client_id);
    // A tax document names its customer's address (§29 ZDPH): a client without one gets no invoice yet.
    const buyerProblem = buyerRefusal(client);
    if (buyerProblem) throw buyerProblem;
    const totals = totalsOfLines(lines.map((l) => ({ netMinor: l.net_minor, vatRateBp: l.vat_rate_bp })), { reverseCharge: draft.reverse_charge === 1, roundTotal: draft.round_total === 1 });
    // The snapshot prints the footer of the invoice's language.
    const supplier = await supplierOf(trx, draft.language);
    const rate = exchangeRateAtIssue({ currency: draft.currency, reverseCharge: draft.reverse_charge === 1, vatMinor: totals.vatMinor }, supplier, rateOf(draft.currency));
    const number = await allocateNumber(trx, 'invoice', today);
    await repo.assertVariableSymbolFree(trx, number.variableSymbol, 'invoice', number.number);
    const taxableSupplyDate = draftTaxableSupplyDate({ taxableSupplyDate: draft.taxable_supply_date, period: draft.period }, today);
    const dueDate = addDays(today, client.payment_terms_days);

    // Records: each must still be approved and unbilled (nobody returned or billed it since the run).
    const locked = await repo.lockRecords(trx, id, at);
    const recordsOnDraft = await repo.recordsCount(trx, id);
    if (locked.length !== recordsOnDraft) {
      // Those just locked by this transaction are fine (and roll back with it).
      const bad = (await repo.unlockableRecords(trx, await repo.recordIdsOf(trx, id))).filter((r) => r.billedInvoiceId !== id);
      throw new AppError('conflict', 'records_changed', `${bad.length} record(s) of the draft changed since the billing run (no longer approved or already billed); run billing for the period again`, {
        details: bad.map((r) => ({ path: `records.${r.id}`, code: r.billedInvoiceId ? 'already_billed' : `record_${r.state}`, message: r.billedInvoiceId ? `Record ${r.id} is billed on invoice ${r.billedInvoiceId}` : `Record ${r.id} is ${r.state}` })),
      });
    }

    // Fee periods: each billed exactly once (primary key contract + period).
    const feePeriods = lines
      .filter((l) => l.kind === 'contract_fee' && l.fee_period !== null)
      .map((l) => ({ contract_id: feeContractOf(l.group_key, draft.contract_id), fee_period: l.fee_period!, invoice_id: id }))
      .filter((p): p is { contract_id: number; fee_period: string; invoice_id: number } => p.contract_id !== null);
    const taken = await repo.feePeriodsTaken(trx, feePeriods);
    if (taken.length > 0) {
      throw new AppError('conflict', 'fee_period_billed', `The draft bills fee periods that are already invoiced: ${taken.map((t) => `${t.fee_period} (invoice ${t.invoice_id})`).join(', ')}; run billing for the period again`);
    }
    try {
      await repo.insertFeePeriods(trx, feePeriods);
    } catch (error) {
      if (uniqueViolationIndex(error) !== null) throw conflict('fee_period_billed', 'A fee period of this draft was invoiced at the same moment by another invoice');
      throw error;
    }

    await repo.markIssued(trx, id, {
      number: number.number,
      number_year: number.year,
      number_sequence: number.sequence,
      variable_symbol: number.variableSymbol,
      issue_date: today,
      taxable_supply_date: taxableSupplyDate,
      due_date: dueDate,
      payment_terms_days: client.payment_terms_days,
      net_minor: totals.netMinor,
      vat_minor: totals.vatMinor,
      rounding_minor: totals.roundingMinor,
      total_minor: totals.totalMinor,
      vat_recap_json: JSON.stringify(totals.groups),
      supplier_json: JSON.stringify(supplier),
      customer_json: JSON.stringify(customerOf(client)),
      issued_at: at,
      issued_by: ctx.actor.userId || null,
      updated_at: at,
      ...rate,
    });

    const recordContracts = locked.flatMap((r) => (r.contractId === null ? [] : [r.contractId]));
    const finalised = await finaliseLedgers(trx, id, draft.run_id, recordContracts, feePeriods.map((p) => p.contract_id).concat(draft.contract_id ?? []), at);
    await recordAudit(trx, now, auditWhoOf(ctx), {
      entity: 'invoice',
      entityId: id,
      action: 'issue',
      after: {
        number: number.number, issueDate: today, taxableSupplyDate, dueDate, netMinor: totals.netMinor, vatMinor: totals.vatMinor, totalMinor: totals.totalMinor,
        exchangeRate: rate.exchange_rate, exchangeRateDate: rate.exchange_rate_date,
        records: locked.length, feePeriods: feePeriods.map((p) => `${p.contract_id}:${p.fee_period}`), finalLedgers: finalised,
      },
    });
    return { id, number: number.number };
  }

  /**
   * The prepaid ledger rows the draft's run wrote for its contracts become
   * final, naming the invoice: the next period's run may then carry their lots.
   */
  async function finaliseLedgers(trx: Tx, invoiceId: number, runId: number | null, recordContracts: number[], otherContracts: number[], at: string): Promise<string[]> {
    const contracts = [...new Set([...recordContracts, ...otherContracts])];
    // The rows the run linked to this draft, and (older runs) the run's rows of the draft's contracts.
    const rows = await trx.selectFrom('prepaid_ledger').select(['contract_id', 'period']).where('invoice_id', '=', invoiceId).where('final', '=', 0).execute();
    if (runId !== null && contracts.length > 0) {
      const seen = new Set(rows.map((r) => `${r.contract_id}:${r.period}`));
      const more = await trx.selectFrom('prepaid_ledger').select(['contract_id', 'period']).where('contract_id', 'in', contracts).where('run_id', '=', runId).where('final', '=', 0).execute();
      rows.push(...more.filter((r) => !seen.has(`${r.contract_id}:${r.period}`)));
    }
    const done: string[] = [];
    for (const r of rows) {
      const row = await ledgerRow(trx, r.contract_id, r.period);
      if (!row || row.final) continue;
      await saveLedgerRow(trx, { ...row, contractId: r.contract_id, final: true, invoiceId }, at);
      done.push(`${r.contract_id}:${r.period}`);
    }
    return done;
  }

  async function issue(ctx: RequestContext, id: number, options: { exchangeRate?: ExchangeRateInput | undefined } = {}): Promise<IssuedInvoice> {
    requirePermission(ctx, 'billing.issue');
    const now = clock.now();
    const given = options.exchangeRate;
    if (given) checkExchangeRate(given, 'exchangeRate', todayOf(clock));
    return db.transaction().execute((trx) => issueInTransaction(trx, ctx, id, now, () => given));
  }

  /** Issues many drafts in id order, each all or nothing on its own; one that cannot be issued does not stop the others. */
  async function issueMany(ctx: RequestContext, selection: { period?: string | undefined; ids?: number[] | undefined; exchangeRates?: Record<string, ExchangeRateInput> | undefined }): Promise<BulkIssueReport> {
    requirePermission(ctx, 'billing.issue');
    const rates = new Map(Object.entries(selection.exchangeRates ?? {}));
    for (const [currency, given] of rates) checkExchangeRate(given, `exchangeRates.${currency}`, todayOf(clock));
    if ((selection.period === undefined) === (selection.ids === undefined)) {
      throw invalid([{ path: selection.period === undefined ? 'period' : 'ids', code: 'period_or_ids', message: 'Send either the period or the ids of the drafts to issue, not both and not neither' }]);
    }
    let ids: number[];
    if (selection.period !== undefined) {
      failIf(problemsOf(invalidPeriod('period', selection.period)));
      ids = await repo.draftIdsOfPeriod(db, selection.period);
    } else {
      ids = [...new Set(selection.ids)].sort((a, b) => a - b);
    }
    const report: BulkIssueReport = { issued: [], notIssued: [] };
    // The supplier is the same for the whole call: read once per document language (its footer is that language's).
    const suppliers = new Map<string, Promise<Supplier>>();
    const supplierOf = (trx: Tx, language: string) => {
      let supplier = suppliers.get(language);
      if (!supplier) suppliers.set(language, (supplier = loadSupplier(trx, language)));
      return supplier;
    };
    // On SQLite drafts share transactions (inWriteBatch: one savepoint each, a failure rolls back alone);
    // on PostgreSQL each has its own, one after another, so numbers follow the draft order.
    const together = isPostgres(db) ? 1 : BATCH;
    for (const part of repo.chunks(ids, together)) {
      const outcomes = await Promise.allSettled(part.map((id) => inWriteBatch(db, (trx) => issueInTransaction(trx, ctx, id, clock.now(), (currency) => rates.get(currency), supplierOf))));
      outcomes.forEach((outcome, i) => {
        if (outcome.status === 'fulfilled') return void report.issued.push(outcome.value);
        const error: unknown = outcome.reason;
        if (!(error instanceof AppError)) throw error;
        report.notIssued.push({ id: part[i]!, clientId: null, clientName: '', number: null, code: error.code, reason: error.message, ...(error.details ? { details: error.details } : {}) });
      });
    }
    for (const refusal of report.notIssued) {
      const row = await repo.findInvoice(db, refusal.id);
      if (row) Object.assign(refusal, { clientId: Number(row.client_id), clientName: row.client_name, number: row.number });
    }
    return report;
  }

  return { issue, issueMany };
}

export type Issuing = ReturnType<typeof createIssuing>;
