/**
 * The currencies Kontor bills, prices and keeps costs in: the server's list
 * (src/shared/currencies.ts), which refuses any other with 400 unsupported_currency.
 * The web app offers them as choices (clients, contracts, price lists) rather than
 * a free three-letter text; test/currencies.test.ts keeps the two lists the same.
 */
export const CURRENCIES = ['CZK', 'EUR', 'USD', 'GBP', 'PLN', 'HUF', 'CHF'] as const;
