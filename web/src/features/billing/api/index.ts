// The billing feature's API: shapes the pages use and their queries, one module per part of the server's billing.
export { billingKeys } from './keys';
export * from './runs';
export * from './invoices';
export * from './drafts';
export * from './payments';
export * from './sending';
export * from './workReport';
export * from './profitability';
