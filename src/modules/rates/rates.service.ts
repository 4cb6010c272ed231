import { auditedChange, type AuditEntry } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import { providerDate } from '../../shared/calendar/index.ts';
import { decodeCursor, pageOf } from '../../shared/cursor.ts';
import { problemsOf, invalidDate } from '../../shared/date-details.ts';
import { AppError, failIf, forbidden, type ErrorDetail } from '../../shared/errors.ts';
import { isIsoCurrencyCode } from '../../shared/currencies.ts';
import { auditWhoOf, hasPermission, type RequestContext } from '../identity/index.ts';
import {
  AMOUNTS, LIST_CURRENCY, importPlan, invoiceRateText, isAmount, millionthsOf, oldestUsableDay, parseCnbFile, rateOnDay, rateText, type ListedRate, type RateOnDay,
} from './domain/index.ts';
import type { CnbDownload } from './rates.cnb-fetch.ts';
import * as repo from './rates.repo.ts';

export interface RatesDeps {
  db: Db;
  clock: Clock;
  downloadCnb: CnbDownload;
  /** The supplier's own currency (CZK for a Czech company); rates are suggested for invoices only when it is the list's. */
  homeCurrency: () => Promise<string | null>;
}

/** A rate as the API shows it. */
export interface ExchangeRateView {
  currency: string;
  day: string;
  amount: number;
  /** Crowns for `amount` units, e.g. '24.305'. */
  rate: string;
  source: 'cnb' | 'manual';
  enteredBy: { id: number; name: string | null } | null;
  enteredAt: string;
}

export interface ImportReport {
  /** The day the file's rates are for (the ČNB's day, which on a weekend is the last working day before). */
  day: string;
  added: string[];
  replaced: string[];
  unchanged: string[];
  /** Currencies whose hand-entered rate was kept (import again with replaceManual to take the ČNB's). */
  keptManual: string[];
}

export interface ManualRateInput {
  currency: string;
  day: string;
  amount: number;
  rate: string;
}

const view = (r: repo.RateRow): ExchangeRateView => ({
  currency: r.currency,
  day: r.day,
  amount: r.amount,
  rate: rateText(r.millionths),
  source: r.source,
  enteredBy: r.enteredBy === null ? null : { id: r.enteredBy, name: r.enteredByName },
  enteredAt: r.enteredAt,
});

const asAudited = (r: Pick<ListedRate, 'amount' | 'millionths' | 'source'>) => ({ amount: r.amount, rate: rateText(r.millionths), source: r.source });

/** The daily exchange-rate list: read, entered by hand, imported from the ČNB. */
export function createRatesService(deps: RatesDeps) {
  const { db, clock } = deps;
  const require = (ctx: RequestContext, permission: 'rates.read' | 'rates.manage') => {
    if (!hasPermission(ctx.actor, permission)) throw forbidden();
  };
  const enteredBy = (ctx: RequestContext) => (ctx.actor.userId > 0 ? ctx.actor.userId : null);

  async function list(ctx: RequestContext, q: { currency?: string | undefined; from?: string | undefined; to?: string | undefined; cursor?: string | undefined; limit?: number | undefined }) {
    require(ctx, 'rates.read');
    const limit = q.limit ?? 100;
    const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor, ['string', 'string']);
    const rows = await repo.listRates(db, { currency: q.currency, from: q.from, to: q.to, after, limit });
    return pageOf(rows, limit, (r) => [r.day, r.currency], view);
  }

  /** Adds or replaces one currency's rate of a day by hand (a ČNB rate of that day too: the hand-entered one wins from then on). */
  async function putManual(ctx: RequestContext, input: ManualRateInput): Promise<ExchangeRateView> {
    require(ctx, 'rates.manage');
    const millionths = millionthsOf(input.rate.trim().replace(',', '.'));
    const problems: ErrorDetail[] = [];
    if (!isIsoCurrencyCode(input.currency)) problems.push({ path: 'currency', code: 'invalid_currency', message: `'${input.currency}' is not an ISO 4217 currency code (e.g. EUR)` });
    else if (input.currency === LIST_CURRENCY) problems.push({ path: 'currency', code: 'list_currency', message: `The list states rates in ${LIST_CURRENCY}; ${LIST_CURRENCY} itself takes none` });
    problems.push(...problemsOf(invalidDate('day', input.day)));
    if (!isAmount(input.amount)) problems.push({ path: 'amount', code: 'invalid_amount', message: `The amount must be one of ${AMOUNTS.join(', ')}` });
    if (millionths === null) problems.push({ path: 'rate', code: 'invalid_exchange_rate', message: `'${input.rate}' is not an exchange rate: a positive decimal number with at most 6 decimals, e.g. 24.305` });
    failIf(problems);
    const rate: ListedRate = { currency: input.currency, day: input.day, amount: input.amount, millionths: millionths!, source: 'manual' };
    return auditedChange(deps, auditWhoOf(ctx), async (trx, at) => {
      const before = (await repo.ratesOfDay(trx, rate.day)).find((r) => r.currency === rate.currency);
      await repo.saveRate(trx, rate, enteredBy(ctx), at);
      const [saved] = await repo.listRates(trx, { currency: rate.currency, from: rate.day, to: rate.day, limit: 1 });
      return {
        result: view(saved!),
        audit: { entity: 'exchange_rate', entityId: `${rate.currency} ${rate.day}`, action: before ? 'update' : 'create', before: before ? asAudited(before) : undefined, after: asAudited(rate) },
      };
    });
  }

  /**
   * Imports a ČNB daily file: all of it or, when any line is wrong, nothing (400
   * naming each line). Importing the same file again changes nothing and writes
   * no audit entry; a changed rate replaces an earlier ČNB one, never a
   * hand-entered one unless `replaceManual`.
   */
  async function importCnb(ctx: RequestContext, text: string, options: { replaceManual?: boolean | undefined } = {}): Promise<ImportReport> {
    require(ctx, 'rates.manage');
    const file = parseCnbFile(text);
    if (!file.ok) {
      const details = file.problems.map((p) => ({ path: `line ${p.line}`, code: p.code, message: p.message }));
      throw new AppError('validation', 'invalid_cnb_file', `The file is not a ČNB daily rate list: ${file.problems[0]!.message}${file.problems.length > 1 ? ` (and ${file.problems.length - 1} more problem(s))` : ''}`, { details });
    }
    return auditedChange(deps, auditWhoOf(ctx), async (trx, at) => {
      const plan = importPlan(await repo.ratesOfDay(trx, file.day), file.rates, options.replaceManual === true);
      const who = enteredBy(ctx);
      for (const r of [...plan.added, ...plan.replaced.map((x) => x.after)]) await repo.saveRate(trx, { ...r, day: file.day, source: 'cnb' }, who, at);
      const report: ImportReport = {
        day: file.day,
        added: plan.added.map((r) => r.currency),
        replaced: plan.replaced.map((r) => r.after.currency),
        unchanged: plan.unchanged.map((r) => r.currency),
        keptManual: plan.keptManual.map((r) => r.kept.currency),
      };
      const changed = plan.added.length + plan.replaced.length > 0;
      const audit: AuditEntry[] = changed
        ? [{
          entity: 'exchange_rate',
          entityId: file.day,
          action: 'import',
          before: Object.fromEntries(plan.replaced.map((r) => [r.before.currency, asAudited(r.before)])),
          after: { source: 'cnb', day: file.day, rates: Object.fromEntries([...plan.added, ...plan.replaced.map((x) => x.after)].map((r) => [r.currency, asAudited({ ...r, source: 'cnb' })])), keptManual: report.keptManual },
        }]
        : [];
      return { result: report, audit };
    });
  }

  /** Downloads the ČNB's file for a day (default: today in the provider's time zone) and imports it. */
  async function fetchCnb(ctx: RequestContext, options: { day?: string | undefined; replaceManual?: boolean | undefined } = {}): Promise<ImportReport & { requestedDay: string }> {
    require(ctx, 'rates.manage');
    const day = options.day ?? providerDate(clock.now());
    failIf(problemsOf(invalidDate('day', day)));
    if (day > providerDate(clock.now())) failIf([{ path: 'day', code: 'future_date', message: `${day} is in the future; the ČNB publishes a day's rates on that day` }]);
    const text = await deps.downloadCnb(day);
    try {
      return { requestedDay: day, ...(await importCnb(ctx, text, options)) };
    } catch (error) {
      // The bank's answer is not ours to fix: say so rather than blaming the request.
      if (error instanceof AppError && error.code === 'invalid_cnb_file') throw new AppError('bad_gateway', 'cnb_unreadable', `The ČNB answered with something that is not a daily rate list: ${error.message}`, { details: error.details ?? [] });
      throw error;
    }
  }

  /**
   * The rate to suggest when issuing an invoice in `currency` with the rate of
   * `day`: one unit in the supplier's currency, at most 6 decimals, from the
   * list's rate for that day (the last published one on a weekend). Null when
   * the list has none, or the supplier's currency is not the list's.
   */
  async function suggestion(ctx: RequestContext, currency: string, day: string) {
    require(ctx, 'rates.read');
    failIf(problemsOf(invalidDate('day', day)));
    if ((await deps.homeCurrency()) !== LIST_CURRENCY) return { currency, day, found: null, unknown: 'other_home_currency' as const };
    const found = rateOnDay(await repo.latestOnOrBefore(db, currency, day), currency, day);
    if (!found.known) return { currency, day, found: null, unknown: found.reason, lastDay: found.lastDay };
    return { currency, day, found: { rate: invoiceRateText(found.rate), rateDay: found.rate.day, source: found.rate.source } };
  }

  return { list, putManual, importCnb, fetchCnb, suggestion };
}

export type RatesService = ReturnType<typeof createRatesService>;

/**
 * The list's answer to "the rate for C on D" for many days at once (one read),
 * for code that converts many amounts, e.g. profitability.
 */
export async function listedRatesOf(db: Db, currencies: readonly string[], days: readonly string[]): Promise<(currency: string, day: string) => RateOnDay> {
  const wanted = [...new Set(currencies)].filter((c) => c !== LIST_CURRENCY);
  if (days.length === 0 || wanted.length === 0) return () => ({ known: false, reason: 'none', lastDay: null });
  const sorted = [...days].sort();
  const rates = await repo.ratesBetween(db, wanted, oldestUsableDay(sorted[0]!), sorted.at(-1)!);
  const byCurrency = new Map<string, ListedRate[]>();
  for (const r of rates) {
    const own = byCurrency.get(r.currency);
    if (own) own.push(r);
    else byCurrency.set(r.currency, [r]);
  }
  return (currency, day) => rateOnDay(byCurrency.get(currency) ?? [], currency, day);
}
