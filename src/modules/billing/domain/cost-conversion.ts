/**
 * Costs in another currency than the invoice they are counted against
 * (profitability, BILLING.md §4). A record's internal cost is kept in the
 * currency it arose in (records.cost_currency: the provider's currency for
 * material, the cost rate's currency for labour and travel); a contract's
 * invoice may be in another one. Profitability converts each record's cost on
 * its own into the invoice's currency with the exchange rate of the record's
 * date (the day the cost arose, as accounting values it), once,
 * round(amount × rate) half away from zero to the minor unit (BILLING.md §1),
 * with integer arithmetic only. A cost whose rate is not known is never counted
 * as if it were in the invoice's currency and never dropped silently: it comes
 * back as a missing rate, naming both currencies and the day.
 */
import { divRound, type CurrencyCode, type MinorUnits } from '../../../shared/money.ts';
import { convertMinor, type ExchangeRate } from '../../../shared/exchange-rate.ts';

/** A rate Kontor knows: `rate` units of `homeCurrency` for one unit of `currency`, of the day `date`. */
export interface KnownRate {
  readonly currency: CurrencyCode;
  readonly homeCurrency: CurrencyCode;
  /** 'YYYY-MM-DD' */
  readonly date: string;
  readonly rate: ExchangeRate;
}

/** A cost that could not be converted: `costMinor` in `currency`, from the day `date`, for an invoice in `toCurrency`. */
export interface MissingRate {
  readonly currency: CurrencyCode;
  readonly toCurrency: CurrencyCode;
  readonly date: string;
  readonly costMinor: MinorUnits;
}

export type ConvertedCost = { readonly ok: true; readonly costMinor: MinorUnits } | { readonly ok: false; readonly missing: MissingRate };

/** Converts an amount from one currency into another on a day; null when no rate of that day is known. */
export type RateBook = (amountMinor: MinorUnits, from: CurrencyCode, to: CurrencyCode, date: string) => MinorUnits | null;

const keyOf = (from: CurrencyCode, to: CurrencyCode, date: string) => `${from}>${to}@${date}`;

/**
 * The rates of the given days, by pair and day. A rate of X in Y also converts Y
 * into X, by dividing: round(amount / rate), still one exact rounding. When a
 * pair has several rates of one day, the last one given wins (the caller passes
 * them oldest first).
 */
export function rateBook(rates: readonly KnownRate[]): RateBook {
  const direct = new Map<string, ExchangeRate>();
  const inverse = new Map<string, ExchangeRate>();
  for (const r of rates) {
    direct.set(keyOf(r.currency, r.homeCurrency, r.date), r.rate);
    inverse.set(keyOf(r.homeCurrency, r.currency, r.date), r.rate);
  }
  return (amountMinor, from, to, date) => {
    const rate = direct.get(keyOf(from, to, date));
    if (rate !== undefined) return convertMinor(amountMinor, rate);
    const reverse = inverse.get(keyOf(from, to, date));
    if (reverse !== undefined) return divRound(BigInt(amountMinor) * reverse.denominator, reverse.scaled);
    return null;
  };
}

/**
 * A record's cost in the invoice's currency: as it is when the currencies are
 * the same (or the record names none, which only a record without a cost
 * does), else converted with the rate of the record's date.
 */
export function convertCost(
  cost: { costMinor: MinorUnits; currency: CurrencyCode | null; date: string },
  toCurrency: CurrencyCode,
  rates: RateBook,
): ConvertedCost {
  if (cost.costMinor === 0 || cost.currency === null || cost.currency === toCurrency) return { ok: true, costMinor: cost.costMinor };
  const converted = rates(cost.costMinor, cost.currency, toCurrency, cost.date);
  if (converted !== null) return { ok: true, costMinor: converted };
  return { ok: false, missing: { currency: cost.currency, toCurrency, date: cost.date, costMinor: cost.costMinor } };
}
