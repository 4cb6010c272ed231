/**
 * The daily exchange-rate list: rates in Czech crowns per currency and day,
 * entered by hand or imported from the Czech National Bank (migration 0032),
 * and the one answer to "the rate of currency C on day D" (the last published
 * rate at most 7 days back). Profitability converts costs with it; issuing an
 * invoice in a foreign currency is offered its rate.
 */
export { createRatesService, listedRatesOf, type RatesService, type ExchangeRateView, type ImportReport } from './rates.service.ts';
export { cnbDownloader, type CnbDownload } from './rates.cnb-fetch.ts';
export { createDailyCnbFetch, CNB_PUBLISHED_AFTER, type DailyFetchOutcome } from './rates.daily-fetch.ts';
export { ratesRoutes } from './rates.routes.ts';
export * from './domain/index.ts';
