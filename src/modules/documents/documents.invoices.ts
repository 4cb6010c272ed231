/**
 * Invoice PDFs for the API: download (with the work report as an annex on
 * request), and "e-mail the invoice": the issued invoice or credit note as a PDF attachment
 * to the client's billing e-mail, in the document's language, through the
 * mail outbox (the sender job delivers it with retries), with its ISDOC XML
 * beside it for the client's accounting program; an issued invoice
 * becomes *sent*. The mail is queued with its audit entry in one transaction;
 * marking it sent is billing's own step right after (its rules, its audit).
 */
import { recordAudit } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import { conflict, forbidden } from '../../shared/errors.ts';
import type { InvoiceDocument, Invoicing, WorkReport } from '../billing/index.ts';
import { auditWhoOf, hasPermission, type RequestContext } from '../identity/index.ts';
import { enqueueMail, newMessageId } from '../mail/index.ts';
import { createBulkInvoiceSending } from './documents.bulk-send.ts';
import { invoiceMail, type InvoiceSettlement } from './domain/invoice-mail.ts';
import { paymentQrFor } from './domain/payment-qr.ts';
import { renderInvoicePdf } from './invoice-pdf.ts';

export interface InvoiceDocumentsDeps {
  db: Db;
  clock: Clock;
  mailFrom: string;
  /** Billing's services and document builder, handed in by app.ts (billing itself renders through this module's door). */
  invoicing: Invoicing;
  invoiceDocument: (db: Db, id: number) => Promise<InvoiceDocument>;
  /** The work report of a draft or invoice (billing checks who may read it). */
  workReport: (ctx: RequestContext, id: number) => Promise<WorkReport>;
  /** The document as ISDOC XML (the exports module's builder, handed in by app.ts: exports reads billing, which renders through this module). */
  isdocXml: (doc: InvoiceDocument) => string;
}

/**
 * The invoice's money now as billing states it on the invoice page ("K úhradě"), for the
 * mail to ask for what is outstanding; none for a caller who may not see prices.
 */
function settlementOf(invoice: Awaited<ReturnType<Invoicing['invoices']['get']>>): InvoiceSettlement | undefined {
  const { paidMinor, creditedMinor, amountDueMinor, refundDueMinor } = invoice;
  if (paidMinor === undefined || creditedMinor === undefined || amountDueMinor === undefined || refundDueMinor === undefined) return undefined;
  return { paidMinor, creditedMinor, amountDueMinor, refundDueMinor };
}

export interface SentInvoice {
  outboxId: number;
  to: string;
  subject: string;
  state: string;
}

export function createInvoiceDocuments(deps: InvoiceDocumentsDeps) {
  const { db, clock, mailFrom, invoicing, invoiceDocument, workReport, isdocXml } = deps;

  /** The PDF of a draft, invoice or credit note the caller may read; optionally with its work report as an annex. */
  async function pdf(ctx: RequestContext, invoiceId: number, options: { withWorkReport?: boolean } = {}): Promise<{ number: string; pdf: Buffer }> {
    const invoice = await invoicing.invoices.get(ctx, invoiceId);
    const doc = await invoiceDocument(db, invoice.id);
    const report = options.withWorkReport ? await workReport(ctx, invoiceId) : undefined;
    return { number: doc.number || `draft-${invoiceId}`, pdf: await renderInvoicePdf(doc, report ? { workReport: report } : {}) };
  }

  /**
   * What GET …/pdf would answer, without rendering it: the caller may read the document
   * (else the same 403/404) and its file name. Rendering takes a tenth of a second or
   * more, which a page asking only whether the PDF is there (HEAD) should not cost.
   */
  async function pdfHead(ctx: RequestContext, invoiceId: number): Promise<{ number: string }> {
    const invoice = await invoicing.invoices.get(ctx, invoiceId);
    return { number: invoice.number || `draft-${invoiceId}` };
  }

  async function send(ctx: RequestContext, invoiceId: number, options: { to?: string | undefined } = {}): Promise<SentInvoice> {
    if (!hasPermission(ctx.actor, 'invoices.payments')) throw forbidden();
    const invoice = await invoicing.invoices.get(ctx, invoiceId);
    if (invoice.state === 'draft') throw conflict('not_issued', 'A draft cannot be sent; issue it first');
    const doc = await invoiceDocument(db, invoiceId);
    const to = options.to ?? doc.customer.email;
    if (!to) throw conflict('no_billing_email', `The client ${doc.customer.name} has no e-mail address: add one to the client, or send the address to use as "to"`);
    const settlement = settlementOf(invoice);
    // The copy mailed asks by its QR code for what is due now (none when nothing is), as the mail does.
    const qrAmountMinor = settlement?.amountDueMinor ?? doc.totalMinor;
    const pdf = await renderInvoicePdf(doc, { qrAmountMinor });
    const mail = invoiceMail(doc, { hasQr: paymentQrFor(doc, qrAmountMinor) !== null, settlement });
    const isdoc = { filename: mail.filename.replace(/\.pdf$/, '.isdoc'), contentType: 'application/xml', content: Buffer.from(isdocXml(doc), 'utf8') };
    const now = clock.now();
    const outboxId = await db.transaction().execute(async (trx) => {
      const id = await enqueueMail(trx, now, {
        to: [{ email: to, name: doc.customer.name }],
        subject: mail.subject,
        text: mail.text,
        messageId: newMessageId(mailFrom),
        attachments: [{ filename: mail.filename, contentType: 'application/pdf', content: pdf }, isdoc],
      });
      await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'invoice', entityId: invoiceId, action: 'email', after: { to, subject: mail.subject, outboxId: id, attachments: [mail.filename, isdoc.filename] } });
      return id;
    });
    if (invoice.state === 'issued') await invoicing.payments.markSent(ctx, invoiceId);
    return { outboxId, to, subject: mail.subject, state: invoice.state === 'issued' ? 'sent' : invoice.state };
  }

  /** Many at once ("Issue all" then "Send all", or a period's unsent): each exactly as `send`, to the client's e-mail. */
  const { prepareSendMany, sendMany } = createBulkInvoiceSending(invoicing, (ctx, id) => send(ctx, id));

  return { pdf, pdfHead, send, sendMany, prepareSendMany };
}

export type InvoiceDocuments = ReturnType<typeof createInvoiceDocuments>;
