/**
 * The currencies Kontor bills, prices and keeps costs in: the one list that contracts,
 * price lists, cost rates and clients are checked against (the API's `currencySchema`
 * in platform/http/schemas.ts). Documents print any of them, the ČNB list rates them
 * against the crown, and the exports carry them as ISO 4217 codes. The web app's
 * choices (web/src/app/currencies.ts) are the same list, which a test keeps so.
 *
 * Stored codes outside it (from before the check) are read as they are: it only
 * refuses new input.
 */
export const CURRENCIES = ['CZK', 'EUR', 'USD', 'GBP', 'PLN', 'HUF', 'CHF'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** The code of a currency Kontor does not support, on the currency's field. */
export const UNSUPPORTED_CURRENCY = 'unsupported_currency';

/** Whether a code (already upper-cased) is one of Kontor's currencies. */
export function isSupportedCurrency(code: string): code is Currency {
  return (CURRENCIES as readonly string[]).includes(code);
}

/** Why `code` is refused, naming the currencies that are taken; null when it is one of them. */
export function currencyProblem(code: string): string | null {
  return isSupportedCurrency(code) ? null : `"${code}" is not a currency Kontor supports (${CURRENCIES.join(', ')})`;
}

// ISO 4217 as the platform's ICU data knows it (ČNB's list rates some 30 of them).
const ISO_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** Whether `code` is an ISO 4217 currency code ("EUR"), not only three capital letters ("XYZ"). */
export function isIsoCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && ISO_CURRENCIES.has(code);
}
