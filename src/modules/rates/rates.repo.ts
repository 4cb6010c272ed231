/** SQL of the exchange-rate list (migration 0032). */
import { afterCursor, type DbOrTx, type SortKey } from '../../platform/db/index.ts';
import type { ListedRate, RateSource } from './domain/index.ts';

export interface RateRow extends ListedRate {
  readonly id: number;
  readonly enteredBy: number | null;
  readonly enteredByName: string | null;
  readonly enteredAt: string;
}

export interface ListFilter {
  currency?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  after?: readonly (string | number)[] | undefined;
  limit: number;
}

/** Newest day first, then by currency: the order of the list page. */
export const LIST_ORDER: readonly SortKey[] = [['exchange_rates.valid_on', 'desc'], ['exchange_rates.currency', 'asc']];

const toRate = (r: { currency: string; valid_on: string; amount: number; rate_millionths: number; source: string }): ListedRate => ({
  currency: r.currency,
  day: r.valid_on,
  amount: r.amount,
  millionths: r.rate_millionths,
  source: r.source as RateSource,
});

export async function listRates(db: DbOrTx, f: ListFilter): Promise<RateRow[]> {
  let q = db
    .selectFrom('exchange_rates')
    .leftJoin('users', 'users.id', 'exchange_rates.entered_by')
    .select(['exchange_rates.id', 'currency', 'valid_on', 'amount', 'rate_millionths', 'source', 'entered_by', 'entered_at', 'users.name as entered_by_name']);
  if (f.currency !== undefined) q = q.where('currency', '=', f.currency);
  if (f.from !== undefined) q = q.where('valid_on', '>=', f.from);
  if (f.to !== undefined) q = q.where('valid_on', '<=', f.to);
  if (f.after !== undefined) q = q.where(afterCursor(LIST_ORDER, f.after));
  const rows = await q.orderBy('valid_on', 'desc').orderBy('currency', 'asc').limit(f.limit + 1).execute();
  return rows.map((r) => ({ ...toRate(r), id: r.id, enteredBy: r.entered_by, enteredByName: r.entered_by_name, enteredAt: r.entered_at }));
}

/** The rates of one day, every currency. */
export async function ratesOfDay(db: DbOrTx, day: string): Promise<ListedRate[]> {
  const rows = await db.selectFrom('exchange_rates').select(['currency', 'valid_on', 'amount', 'rate_millionths', 'source']).where('valid_on', '=', day).execute();
  return rows.map(toRate);
}

/** The rates of some currencies from `from` to `to`, both included. */
export async function ratesBetween(db: DbOrTx, currencies: readonly string[], from: string, to: string): Promise<ListedRate[]> {
  if (currencies.length === 0) return [];
  const rows = await db
    .selectFrom('exchange_rates')
    .select(['currency', 'valid_on', 'amount', 'rate_millionths', 'source'])
    .where('currency', 'in', currencies)
    .where('valid_on', '>=', from)
    .where('valid_on', '<=', to)
    .execute();
  return rows.map(toRate);
}

/** Adds the rate of a currency and day, or replaces the one there. */
export async function saveRate(trx: DbOrTx, rate: ListedRate, enteredBy: number | null, at: string): Promise<void> {
  const values = { amount: rate.amount, rate_millionths: rate.millionths, source: rate.source, entered_by: enteredBy, entered_at: at };
  await trx
    .insertInto('exchange_rates')
    .values({ currency: rate.currency, valid_on: rate.day, ...values })
    .onConflict((oc) => oc.columns(['currency', 'valid_on']).doUpdateSet(values))
    .execute();
}

/** The currency's rate of the latest listed day on or before `day`, if any (so an answer can name how old the last one is). */
export async function latestOnOrBefore(db: DbOrTx, currency: string, day: string): Promise<ListedRate[]> {
  const rows = await db
    .selectFrom('exchange_rates')
    .select(['currency', 'valid_on', 'amount', 'rate_millionths', 'source'])
    .where('currency', '=', currency)
    .where('valid_on', '<=', day)
    .orderBy('valid_on', 'desc')
    .limit(1)
    .execute();
  return rows.map(toRate);
}
