/** Public door of the billing module. */
export type { BankAccount, CorrectedDocument, DocumentLanguage, DocumentLine, DocumentLineKind, InvoiceDocument, Party, PostalAddress, Supplier } from './domain/invoice-document.ts';
export type { VatGroup, VatRateBp } from './domain/vat.ts';
export type { WorkReport, WorkReportEntry, WorkReportLedger, WorkReportOutcome } from './domain/work-report.ts';
