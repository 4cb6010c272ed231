/** Public door of the billing module. */
export type { BankAccount, CorrectedDocument, HomeCurrencyVat, DocumentLine, DocumentLineKind, InvoiceDocument, Party, PostalAddress, Supplier } from './domain/invoice-document.ts';
export type { VatGroup, VatRateBp } from './domain/vat.ts';
export type { WorkReport, WorkReportEntry, WorkReportLedger, WorkReportOutcome } from './domain/work-report.ts';
export { createProfitabilityService, type ProfitabilityService } from './billing.profitability.service.ts';
export { createProfitabilityExport, type ProfitabilityExport } from './billing.profitability.export.ts';
export { profitabilityRoutes } from './billing.profitability.routes.ts';
// Invoicing: issuing, states, payments, credit notes, the InvoiceDocument and its HTML preview.
export { createInvoicing, type Invoicing } from './billing.invoices.ts';
export { invoicingRoutes } from './billing.invoices.routes.ts';
export { invoiceDocument } from './billing.document.ts';
export { invoiceHtml } from './domain/invoice-html.ts';
export type { BulkIssueReport, IssuedInvoice } from './billing.issue.ts';
// Billing runs: drafts per client and currency, draft adjustments, work reports.
export { createBillingRunsModule, type BillingRunsModule } from './billing.run.module.ts';
export { billingRunRoutes } from './billing.run.routes.ts';
export { checkRunPeriod, type RunView, type RunResult, type BillingRunDeps } from './billing.run.ts';
// Units as printed in a document's language ('pcs' → 'ks'): the warehouse prints its slips with them too.
// The client as a document's customer (its address parsed, the billing one before the registered one): slips name theirs so.
export { customerOf } from './billing.document.parties.ts';
// The supplier's own currency by its country (CZ → CZK, SK → EUR): the rate list suggests rates only for its own.
export { homeCurrencyOf } from './domain/home-currency.ts';
