/**
 * Billing runs (BILLING.md §4): for period P, every approved unbilled record
 * dated up to P's last day and every contract become one draft per client and
 * currency (a contract may ask for its own), with the blocked, waiting and late
 * records reported. Clients are processed in batches (records streamed per
 * batch, drafts written in bulk, invisible); one final transaction replaces
 * P's earlier unissued drafts, shows the new ones and writes P's provisional
 * prepaid ledger rows. At most one run per period runs at a time; a run whose
 * process died (stale heartbeat) is taken over by the next.
 */
import type { Clock } from '../../platform/clock.ts';
import { recordAudit, type AuditWho } from '../../platform/audit/index.ts';
import { uniqueViolationIndex, type Db } from '../../platform/db/index.ts';
import { problemsOf, invalidPeriod } from '../../shared/date-details.ts';
import { AppError, conflict, failIf, forbidden, invalid, notFound } from '../../shared/errors.ts';
import { inLanguage } from '../../shared/in-language.ts';
import { firstDayOf, lastDayOf, periodOf } from '../../shared/period.ts';
import { auditWhoOf, hasPermission, type RequestContext } from '../identity/index.ts';
import { loadSupplier, roundsTotals } from '../company/index.ts';
import { vatRateOn } from '../pricing/index.ts';
import { draftTotals, totalColumns } from './billing.drafts.totals.ts';
import { BLOCK_TEXT, computeClient, planNet } from './billing.run.compute.ts';
import { loadRunContracts, saveLedgerRow } from './billing.run.contracts.ts';
import type { BlockedEntry, LedgerPlan, RunNames, RunRecord } from './billing.run.types.ts';
import * as repo from './billing.repo.ts';
import { isReverseCharge } from './domain/index.ts';
import { statusOf, type InvoiceStatus } from './domain/invoice-state.ts';
import { blockedReasons } from './billing.issue.ts';
import { buyerMissingOf, vatCountryOf } from './billing.document.parties.ts';
import type { BuyerAddressField } from './domain/buyer.ts';
import type { IssueWarning } from './domain/issue-warnings.ts';
import { issueWarningsOf } from './billing.issue-warnings.ts';
import { draftBlocksNow } from './billing.draft-blocks.ts';
import { todayOf } from './billing.invoices.context.ts';
import type { DraftBlockNow } from './domain/draft-blocks.ts';

export interface BillingRunDeps {
  db: Db;
  clock: Clock;
  /** A running run without a heartbeat for this long is considered dead and taken over (default 2 minutes). */
  staleAfterMs?: number;
  /** Clients per batch (records of a batch are read and its drafts written together). */
  batchClients?: number;
  /** Called after each batch is written; tests inject faults here (a run that dies between steps). */
  afterBatch?: (runId: number, done: number, total: number) => Promise<void> | void;
}

export type RunResult = {
  /** Amounts, state and number as the documents are now when read through get() (the stored summary has the run-time ones). */
  drafts: {
    invoiceId: number; clientId: number; clientName: string; contractId: number | null; currency: string; netMinor: number; vatMinor: number; totalMinor: number; blocked: string[];
    state?: InvoiceStatus | 'replaced'; number?: string | null;
    /** Read through get(), drafts only: what the client's address lacks for a tax document (issuing refuses until it is filled in). */
    buyerMissing?: BuyerAddressField[];
    /** Read through get(), drafts only: the client's records still waiting for approval up to the period's end, and their sum in the draft's currency. */
    waiting?: { count: number; amountMinor: number };
    /** Read through get(), drafts only: what issuing today would not be refused for but should be looked at (another currency than the client's, a late tax document, records approved after the run). */
    issueWarnings?: IssueWarning[];
    /** Read through get(), drafts only: why it cannot be issued, as codes, and whether each reason still holds (billing.draft-blocks.ts). */
    blocks?: DraftBlockNow[];
  }[];
  blocked: (Omit<BlockedEntry, 'reason'> & { reason: string; code: string })[];
  waiting: Awaited<ReturnType<typeof repo.waitingRecords>>['items'];
  waitingCount: number;
  late: { recordId: number; clientId: number; ticketNumber: string; date: string; invoiceId: number | null; note: string | null }[];
  excluded: Awaited<ReturnType<typeof repo.exclusionsOf>>;
  ledger: { contractId: number; period: string; openingCarried: number; allocated: number; consumed: number; carriedOut: number; lapsed: number; invoiceId: number | null }[];
};

export type RunView = {
  id: number;
  period: string;
  state: 'running' | 'completed' | 'failed';
  startedBy: number | null;
  startedAt: string;
  heartbeatAt: string;
  finishedAt: string | null;
  progress: { done: number; total: number };
  error: string | null;
  result: RunResult | null;
  /** Read through get(): the later run of the period that replaced this one's unissued drafts; null while none has. */
  replacedBy?: { id: number; startedAt: string } | null;
};

const WAITING_LIST_LIMIT = 1000;
const EARLIER_DRAFTS_LIMIT = 100;

function viewOf(row: NonNullable<Awaited<ReturnType<typeof repo.findRun>>>): RunView {
  return {
    id: Number(row.id), period: row.period, state: row.state, startedBy: row.started_by === null ? null : Number(row.started_by), startedAt: row.started_at,
    heartbeatAt: row.heartbeat_at, finishedAt: row.finished_at, progress: { done: row.progress_done, total: row.progress_total }, error: row.error,
    result: row.summary_json ? (JSON.parse(row.summary_json) as RunResult) : null,
  };
}

/** A month 'YYYY-MM' no later than the current month (the run for the current month bills next month's in-advance fees). */
export function checkRunPeriod(period: string, today: string): void {
  failIf(problemsOf(invalidPeriod('period', period, 'month')));
  const current = periodOf(today, 'month');
  if (period > current) {
    throw invalid([{ path: 'period', code: 'period_in_future', message: `${period} has not started yet: the latest period a run can bill is the current month ${current} (it bills next month's in-advance fees)` }]);
  }
}

/** The supplier's country (company settings; CZ while none is set): it decides VAT rates and the reverse charge. */
async function supplierCountryOf(db: Db): Promise<string> {
  return vatCountryOf(await loadSupplier(db));
}

export function createBillingRuns(deps: BillingRunDeps) {
  const { db, clock } = deps;
  const staleAfterMs = deps.staleAfterMs ?? 120_000;
  const batchClients = deps.batchClients ?? 25;
  const inFlight = new Map<number, Promise<RunView>>();

  const must = (ctx: RequestContext) => {
    if (!hasPermission(ctx.actor, 'billing.run')) throw forbidden();
  };

  async function claim(ctx: RequestContext, period: string): Promise<number> {
    const now = clock.now();
    checkRunPeriod(period, todayOf(clock));
    const staleBefore = new Date(now.getTime() - staleAfterMs).toISOString();
    try {
      return await db.transaction().execute(async (trx) => {
        const claimed = await repo.claimRun(trx, period, ctx.actor.userId || null, now.toISOString(), staleBefore);
        await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'billing_run', entityId: claimed.id, action: 'start', after: { period, tookOver: claimed.tookOver } });
        return claimed.id;
      });
    } catch (error) {
      if (uniqueViolationIndex(error) === null) throw error;
      throw conflict('run_in_progress', `A billing run of ${period} is already running; wait until it completes (GET /api/v1/billing-runs?period=${period})`);
    }
  }

  /** Starts a run in the background of this process; answers at once with the running run. */
  async function start(ctx: RequestContext, period: string): Promise<RunView> {
    must(ctx);
    const id = await claim(ctx, period);
    const work = execute(id, period, auditWhoOf(ctx)).catch(async (error: unknown) => {
      await repo.failRun(db, id, clock.now().toISOString(), error instanceof Error ? error.message : String(error)).catch(() => undefined);
      return get(ctx, id);
    });
    inFlight.set(id, work);
    void work.finally(() => inFlight.delete(id));
    return get(ctx, id);
  }

  /** Runs to the end in the caller's await (the CLI); progress reported as it goes. */
  async function runNow(ctx: RequestContext, period: string, onProgress?: (done: number, total: number) => void): Promise<RunView> {
    must(ctx);
    const id = await claim(ctx, period);
    try {
      return await execute(id, period, auditWhoOf(ctx), onProgress);
    } catch (error) {
      await repo.failRun(db, id, clock.now().toISOString(), error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  async function get(ctx: RequestContext, id: number): Promise<RunView> {
    must(ctx);
    const row = await repo.findRun(db, id);
    if (!row) throw notFound('Billing run');
    const view = viewOf(row);
    if (view.result) view.result = { ...view.result, drafts: await draftsNow(view.result.drafts, view.period) };
    const replacing = await repo.replacingRun(db, view.period, view.id);
    view.replacedBy = replacing ? { id: Number(replacing.id), startedAt: replacing.started_at } : null;
    return view;
  }

  /**
   * The run's drafts as the documents stand now: the summary is written once at
   * the run's end, while a draft is edited, issued, paid or credited later. A
   * draft deleted by a later run of the period keeps its run-time amounts and says 'replaced'.
   * Drafts still to issue say what issuing would meet now: a client without a
   * complete address, records of the client still waiting for approval, and the
   * warnings that do not stop issuing (billing.issue-warnings.ts).
   */
  async function draftsNow(drafts: RunResult['drafts'], period: string): Promise<RunResult['drafts']> {
    const rows = new Map((await repo.documentsNow(db, drafts.map((d) => d.invoiceId))).map((r) => [Number(r.id), r]));
    const today = todayOf(clock);
    const open = drafts.filter((d) => rows.get(d.invoiceId)?.state === 'draft').map((d) => d.clientId);
    const clientIds = [...new Set(open)];
    const [clients, waiting, supplierCountry] = await Promise.all([repo.clientsNow(db, clientIds), repo.waitingByClient(db, lastDayOf(period), clientIds), supplierCountryOf(db)]);
    const toCheck = drafts.flatMap((d) => {
      const doc = rows.get(d.invoiceId);
      const client = clients.get(d.clientId);
      if (!doc || doc.state !== 'draft' || !client) return [];
      return [{ invoiceId: d.invoiceId, clientId: d.clientId, clientCurrency: client.currency, currency: doc.currency, period: doc.period, taxableSupplyDate: doc.taxable_supply_date, reverseCharge: doc.reverse_charge === 1 }];
    });
    const [warnings, blocks] = await Promise.all([
      issueWarningsOf(db, toCheck, { today, supplierCountry }),
      draftBlocksNow(db, drafts.flatMap((d) => {
        const doc = rows.get(d.invoiceId);
        return doc && doc.state === 'draft' ? [{ invoiceId: d.invoiceId, clientId: d.clientId, contractId: d.contractId, period: doc.period, blockedJson: doc.blocked_json }] : [];
      })),
    ]);
    return drafts.map((d) => {
      const doc = rows.get(d.invoiceId);
      if (!doc) return { ...d, state: 'replaced', number: null };
      const money = { kind: doc.kind, state: doc.state, totalMinor: Number(doc.total_minor), paidMinor: Number(doc.paid_minor), creditedMinor: Number(doc.credited_minor), dueDate: doc.due_date, blocked: [] };
      const now = {
        ...d, state: statusOf(money, today), number: doc.number, netMinor: Number(doc.net_minor), vatMinor: Number(doc.vat_minor), totalMinor: Number(doc.total_minor),
        blocked: doc.state === 'draft' ? blockedReasons(doc.blocked_json) : [],
      };
      if (doc.state !== 'draft') return now;
      const client = clients.get(d.clientId);
      const w = waiting.get(d.clientId);
      return {
        ...now, buyerMissing: client ? buyerMissingOf(client) : [], waiting: { count: w?.count ?? 0, amountMinor: w?.amounts.get(d.currency) ?? 0 },
        issueWarnings: warnings.get(d.invoiceId) ?? [], blocks: blocks.get(d.invoiceId) ?? [],
      };
    });
  }

  /** Unissued drafts of months before `period` (a run of `period` leaves their records and fees to them), oldest first. */
  async function earlierDrafts(ctx: RequestContext, period: string) {
    must(ctx);
    // Any month will do here, a future one too: only the form is checked.
    checkRunPeriod(period, '9999-12-31');
    return repo.openDraftsBefore(db, period, EARLIER_DRAFTS_LIMIT);
  }

  async function list(ctx: RequestContext, period: string | undefined) {
    must(ctx);
    const rows = await repo.listRuns(db, period, 100);
    return { items: rows.map((r) => viewOf({ ...r, summary_json: null })) };
  }

  /** The background run's end (tests and graceful shutdown wait on it); the stored state when it is not in flight here. */
  async function settled(id: number): Promise<RunView> {
    const work = inFlight.get(id);
    if (work) return work;
    const row = await repo.findRun(db, id);
    if (!row) throw notFound('Billing run');
    return viewOf(row);
  }

  async function execute(runId: number, period: string, who: AuditWho, onProgress?: (done: number, total: number) => void): Promise<RunView> {
    const start = firstDayOf(period);
    const end = lastDayOf(period);
    const contracts = await loadRunContracts(db, period, (ids) => repo.billedFeePeriods(db, ids, period));
    const clientIds = [...new Set([...(await repo.clientsWithRecords(db, end)), ...contracts.keys()])].sort((a, b) => a - b);
    const total = clientIds.length;
    const onOtherDrafts = await repo.recordsOnOtherDrafts(db, period);
    let reported = -1;
    const beat = async (done: number) => {
      if (!(await repo.heartbeat(db, runId, clock.now().toISOString(), done, total))) {
        throw new AppError('conflict', 'run_taken_over', `Billing run ${runId} of ${period} was taken over by a newer run`);
      }
      if (done !== reported) onProgress?.(done, total);
      reported = done;
    };
    await beat(0);

    const supplierCountry = await supplierCountryOf(db);
    const rounding = new Map<string, boolean>();
    for (const currency of ['CZK', 'EUR']) rounding.set(currency, await roundsTotals(db, currency));
    const names = await repo.loadNames(db);
    const runNames: RunNames = {
      workType: (id, language) => {
        if (id === null) return '';
        const workType = names.workTypes.get(id);
        return workType ? inLanguage(workType, language, workType.name) : `#${id}`;
      },
      fee: (id) => (id === null ? { name: '', unit: '' } : (names.fees.get(id) ?? { name: `#${id}`, unit: '' })),
      item: (id) => (id === null ? '' : (names.items.get(id) ?? `#${id}`)),
    };
    const vatCache = new Map<string, Promise<number | null>>();
    const vatOf = (category: string | null, date: string) => {
      if (category === null) return Promise.resolve(null);
      const key = `${category}|${date}`;
      let rate = vatCache.get(key);
      if (!rate) vatCache.set(key, (rate = vatRateOn(db, supplierCountry, category, date)));
      return rate;
    };

    const result: RunResult = { drafts: [], blocked: [], waiting: [], waitingCount: 0, late: [], excluded: [], ledger: [] };
    const ledgerPlans: (LedgerPlan & { invoiceId: number | null })[] = [];
    const nowIso = () => clock.now().toISOString();

    for (let i = 0; i < clientIds.length; i += batchClients) {
      const batch = clientIds.slice(i, i + batchClients);
      if (i > 0) await beat(i); // still this run's (not taken over) before writing more
      const clients = await repo.loadClients(db, batch);
      const loaded = await repo.loadApprovedRecords(db, batch, period, start, end, onOtherDrafts);
      const byClient = new Map<number, RunRecord[]>();
      for (const r of loaded) {
        const record: RunRecord = { ...r, vatRateBp: await vatOf(r.vatCategory, r.date) };
        const list = byClient.get(r.clientId);
        if (list) list.push(record);
        else byClient.set(r.clientId, [record]);
      }
      const plans = clients.map((client) => ({
        client,
        records: byClient.get(client.id) ?? [],
        plan: computeClient({
          period, client, records: byClient.get(client.id) ?? [], contracts: contracts.get(client.id) ?? [], names: runNames,
          reverseCharge: isReverseCharge(supplierCountry, client),
        }),
      }));
      await db.transaction().execute(async (trx) => {
        const writes = plans.flatMap(({ client, plan }) =>
          plan.drafts.map((draft) => {
            const roundTotal = rounding.get(draft.currency) ?? false;
            const recap = draftTotals(draft.lines, draft.reverseCharge, roundTotal);
            if (planNet(draft) !== recap.netMinor) throw new Error(`draft of client ${client.id}: lines and totals disagree`);
            return { header: { runId, period, client, taxableSupplyDate: end, roundTotal, totals: totalColumns(recap), now: nowIso() }, plan: draft, recap };
          }),
        );
        const invoiceIds = await repo.insertDrafts(trx, writes);
        const ids = new Map(writes.map((w, i) => [`${w.plan.clientId}|${w.plan.key}`, invoiceIds[i]!]));
        writes.forEach(({ header: { client }, plan: draft, recap }, i) => {
          result.drafts.push({
            invoiceId: invoiceIds[i]!, clientId: client.id, clientName: client.name, contractId: draft.contractId, currency: draft.currency,
            netMinor: recap.netMinor, vatMinor: recap.vatMinor, totalMinor: recap.totalMinor, blocked: draft.blocked.map((b) => b.message),
          });
        });
        for (const { client, records, plan } of plans) {
          const idOf = (key: string) => ids.get(`${client.id}|${key}`) ?? null;
          for (const l of plan.ledger) ledgerPlans.push({ ...l, invoiceId: idOf(l.draftKey) });
          result.blocked.push(...plan.blocked.map((b) => ({ ...b, code: b.reason, reason: BLOCK_TEXT[b.reason] })));
          const invoiceOf = new Map(plan.drafts.flatMap((d) => d.records.map((r) => [r.recordId, idOf(d.key)] as const)));
          for (const r of records) {
            if (r.late) result.late.push({ recordId: r.id, clientId: r.clientId, ticketNumber: r.ticketNumber, date: r.date, invoiceId: invoiceOf.get(r.id) ?? null, note: r.exclusionNote });
          }
        }
      });
      await beat(Math.min(i + batchClients, total));
      await deps.afterBatch?.(runId, Math.min(i + batchClients, total), total);
    }

    const waiting = await repo.waitingRecords(db, end, WAITING_LIST_LIMIT);
    result.waiting = waiting.items;
    result.waitingCount = waiting.total;
    result.excluded = await repo.exclusionsOf(db, period);
    result.ledger = ledgerPlans.map((l) => ({ contractId: l.contractId, ...l.row, invoiceId: l.invoiceId }));

    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      for (const l of ledgerPlans) {
        await saveLedgerRow(trx, { contractId: l.contractId, ...l.row, lots: l.lots, final: false, invoiceId: l.invoiceId, runId }, now.toISOString());
      }
      await repo.completeRun(trx, runId, period, JSON.stringify(result), now.toISOString());
      await recordAudit(trx, now, who, {
        entity: 'billing_run', entityId: runId, action: 'complete',
        after: { period, drafts: result.drafts.length, blocked: result.blocked.length, waiting: result.waitingCount, late: result.late.length },
      });
    });
    const row = await repo.findRun(db, runId);
    return viewOf(row!);
  }

  return { start, runNow, get, list, settled, earlierDrafts };
}

export type BillingRuns = ReturnType<typeof createBillingRuns>;
