/**
 * Documents: printable PDFs of invoices and credit notes (with a payment QR
 * code and, optionally, the work report as an annex), work reports and
 * warehouse slips, in Czech, Slovak or English. Pure renderers: they take the
 * document data billing and the warehouse built and never read the database.
 * Besides, `createInvoiceDocuments` serves invoice PDFs and e-mails them through the mail outbox.
 */
import type { InvoiceDocument } from '../billing/index.ts';
import { paymentQrFor, type PaymentQr } from './domain/payment-qr.ts';

export { renderInvoicePdf } from './invoice-pdf.ts';
export { renderWorkReportPdf } from './work-report-pdf.ts';
export { renderSlipPdf } from './slip-pdf.ts';
export { spaydPayload, payBySquarePayload, PaymentQrError, type PaymentRequest, type PaymentQr } from './domain/payment-qr.ts';
export { countryName, formatMoney, formatDate, formatPeriodText, groupIban } from './domain/format.ts';
export { labelsFor, type Labels } from './domain/labels.ts';
// The one dictionary of invoice texts, which billing's HTML preview prints from too.
export { amountDueLabel, documentTitle, fillLabel, homeCurrencyName, invoiceLabels, partyIds, reverseChargeNote, type InvoiceLabels } from './domain/invoice-labels.ts';
export { createInvoiceDocuments, type InvoiceDocuments } from './documents.invoices.ts';
export { documentsRoutes } from './documents.routes.ts';

/** The payment QR code an invoice carries (QR Platba for CZK, PAY by square for EUR to Slovak clients), or null. */
export function paymentQr(doc: InvoiceDocument): PaymentQr | null {
  return paymentQrFor(doc);
}
