/**
 * VAT in the supplier's own currency (§29 of the Czech VAT act, §71 of the
 * Slovak one): a document in another currency states its VAT base and VAT per
 * rate in the home currency too, at an exchange rate fixed at issue. The rate is
 * exact decimal text; each group's base and VAT are converted once,
 * round(amount × rate) half away from zero (BILLING.md rounding rule), and the
 * totals are the sums of the converted groups, so the printed columns add up.
 */
import type { IsoDate } from '../../../shared/calendar/index.ts';
import { convertMinor, type ExchangeRate } from '../../../shared/exchange-rate.ts';
import { sumMinor, type CurrencyCode, type MinorUnits } from '../../../shared/money.ts';
import type { HomeCurrencyVat } from './invoice-document.ts';
import type { VatGroup } from './vat.ts';

export { convertMinor, parseExchangeRate, type ExchangeRate } from '../../../shared/exchange-rate.ts';

/** The supplier's own currency by its country; null for a country this product does not invoice from. */
export function homeCurrencyOf(country: string): CurrencyCode | null {
  if (country === 'CZ') return 'CZK';
  if (country === 'SK') return 'EUR';
  return null;
}

/**
 * Whether a document needs a rate: the supplier is a VAT payer, the document is
 * in a currency other than the home one, and it charges VAT (not reverse charge,
 * VAT total not zero).
 */
export function needsExchangeRate(input: { vatPayer: boolean; homeCurrency: CurrencyCode | null; currency: CurrencyCode; reverseCharge: boolean; vatMinor: MinorUnits }): boolean {
  return input.vatPayer && input.homeCurrency !== null && input.currency !== input.homeCurrency && !input.reverseCharge && input.vatMinor !== 0;
}

/** The home-currency statement of a document's VAT recap groups. */
export function homeCurrencyVat(groups: readonly VatGroup[], currency: CurrencyCode, rate: ExchangeRate, rateDate: IsoDate): HomeCurrencyVat {
  const converted = groups.map((g) => ({ vatRateBp: g.vatRateBp, baseMinor: convertMinor(g.baseMinor, rate), vatMinor: convertMinor(g.vatMinor, rate) }));
  return {
    currency,
    rate: rate.text,
    rateDate,
    groups: converted,
    baseMinor: sumMinor(converted.map((g) => g.baseMinor)),
    vatMinor: sumMinor(converted.map((g) => g.vatMinor)),
  };
}
