/**
 * The exchange rate an invoice in a foreign currency is issued with (§29 of the
 * Czech VAT act, §71 of the Slovak one): checked when it is given, required
 * exactly when the document must state its VAT in the supplier's currency, and
 * refused on an invoice in the supplier's own currency (nothing would use it).
 */
import { invalidDate } from '../../shared/date-details.ts';
import { AppError, invalid } from '../../shared/errors.ts';
import { homeCurrencyOf, needsExchangeRate, parseExchangeRate } from './domain/home-currency.ts';
import type { Supplier } from './domain/invoice-document.ts';

export interface ExchangeRateInput {
  /** Units of the home currency for one unit of the invoice's currency, e.g. '24.335'. */
  rate: string;
  /** 'YYYY-MM-DD', not after the issue date. */
  date: string;
}

/** Refuses bad rate text or a date after the issue date, naming the field (`path` is e.g. 'exchangeRate' or 'exchangeRates.EUR'). */
export function checkExchangeRate(input: ExchangeRateInput, path: string, issueDate: string): void {
  if (parseExchangeRate(input.rate) === null) {
    const message = `${path}.rate: '${input.rate}' is not an exchange rate: a positive decimal number with a dot and at most 6 decimals, e.g. 24.335`;
    throw invalid([{ path: `${path}.rate`, code: 'invalid_exchange_rate', message }], message);
  }
  const notADate = invalidDate(`${path}.date`, input.date);
  if (notADate !== null) throw invalid([notADate], `${notADate.path}: ${notADate.message}`);
  if (input.date > issueDate) {
    const message = `${path}.date: the exchange rate date ${input.date} is after the issue date ${issueDate}; use the rate of the issue date or an earlier day`;
    throw invalid([{ path: `${path}.date`, code: 'exchange_rate_date_after_issue', message }], message);
  }
}

/** What the draft stores at issue: the rate when one is needed (or given for a foreign currency), else nothing; throws when it is missing or pointless. */
export function exchangeRateAtIssue(
  draft: { currency: string; reverseCharge: boolean; vatMinor: number },
  supplier: Supplier,
  given: ExchangeRateInput | undefined,
): { exchange_rate: string | null; exchange_rate_date: string | null } {
  const homeCurrency = homeCurrencyOf(supplier.address.country);
  const needed = needsExchangeRate({ vatPayer: supplier.vatPayer, homeCurrency, currency: draft.currency, reverseCharge: draft.reverseCharge, vatMinor: draft.vatMinor });
  if (needed && given === undefined) {
    throw new AppError('validation', 'exchange_rate_required', `The invoice is in ${draft.currency} and charges VAT: its VAT must also be stated in ${homeCurrency}, so issuing needs the ${draft.currency}→${homeCurrency} exchange rate (exchangeRate: { rate, date })`);
  }
  if (given !== undefined && draft.currency === homeCurrency) {
    throw new AppError('validation', 'exchange_rate_not_needed', `The invoice is in ${draft.currency}, the supplier's own currency; it takes no exchange rate`);
  }
  return given === undefined ? { exchange_rate: null, exchange_rate_date: null } : { exchange_rate: given.rate, exchange_rate_date: given.date };
}

/** For the draft detail: whether issuing will ask for a rate, and the supplier's currency. */
export function exchangeRateNeed(draft: { currency: string; reverseCharge: boolean; vatMinor: number }, supplier: Supplier): { needsExchangeRate: boolean; homeCurrency: string | null } {
  const homeCurrency = homeCurrencyOf(supplier.address.country);
  return { needsExchangeRate: needsExchangeRate({ vatPayer: supplier.vatPayer, homeCurrency, currency: draft.currency, reverseCharge: draft.reverseCharge, vatMinor: draft.vatMinor }), homeCurrency };
}
