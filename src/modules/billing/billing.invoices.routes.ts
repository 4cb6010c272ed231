import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, page } from '../../platform/http/schemas.ts';
import { contextOf, idParam } from '../identity/index.ts';
import type { Crediting } from './billing.credit.ts';
import type { InvoicesService } from './billing.invoices.service.ts';
import type { Issuing } from './billing.issue.ts';
import type { Payments } from './billing.payments.ts';
import * as s from './billing.invoices.schemas.ts';

export interface InvoicingRouteDeps {
  invoices: InvoicesService;
  issuing: Issuing;
  crediting: Crediting;
  payments: Payments;
}

/** Invoices and credit notes: reading, issuing, payments, credit notes, the document and its HTML preview. */
export function invoicingRoutes(deps: InvoicingRouteDeps) {
  const { invoices, issuing, crediting, payments } = deps;
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['invoices'];
    const errors = { ...errorResponses, 422: errorResponses[400] };

    app.get('/api/v1/invoices', {
      config: { access: 'invoices.read' },
      schema: {
        tags,
        summary: 'Invoices, credit notes and completed drafts, newest first; filter by state (overdue = issued or sent, past due and unpaid), kind, period, client, text (number, client, variable symbol); keyset paging',
        querystring: s.invoiceListQuery,
        response: { 200: page(s.invoiceSummary), ...errors },
      },
      handler: async (request) => invoices.list(contextOf(request), request.query),
    });

    app.post('/api/v1/invoices/issue', {
      config: { access: 'billing.issue' },
      schema: {
        tags,
        summary: 'Issue many drafts: every completed draft of a period ({period}) or the given ones ({ids}); each in its own transaction. Reports which were issued (with numbers) and which not and why (blocked, records changed, already issued…)',
        body: s.bulkIssueBody,
        response: { 200: s.bulkIssueReport, ...errors },
      },
      handler: async (request) => issuing.issueMany(contextOf(request), request.body),
    });

    app.get('/api/v1/invoices/:id', {
      config: { access: 'invoices.read' },
      schema: { tags, summary: 'One invoice or credit note: lines (with what is left to credit), VAT recap, payments, credit notes, records count and the actions the caller may take now', params: idParam, response: { 200: s.invoiceDetail, ...errors } },
      handler: async (request) => invoices.get(contextOf(request), request.params.id),
    });

    app.get('/api/v1/invoices/:id/document', {
      config: { access: 'invoices.read' },
      schema: {
        tags,
        summary: 'The complete InvoiceDocument (all legal data of the tax document: parties, dates, lines, VAT recap per rate, rounding, reverse charge note); a draft is marked draft: true with the dates issuing today would give',
        params: idParam,
        response: { 200: s.invoiceDocumentSchema, ...errors },
      },
      handler: async (request) => invoices.document(contextOf(request), request.params.id),
    });

    app.get('/api/v1/invoices/:id/preview.html', {
      config: { access: 'invoices.read' },
      schema: { tags, summary: "A complete printable HTML page of the document in the client's language (cs/sk/en)", params: idParam },
      handler: async (request, reply) => {
        const html = await invoices.previewHtml(contextOf(request), request.params.id);
        reply.header('content-type', 'text/html; charset=utf-8');
        // The page embeds nothing from elsewhere; forbid scripts outright.
        reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
        return reply.send(html);
      },
    });

    app.post('/api/v1/invoices/:id/issue', {
      config: { access: 'billing.issue' },
      schema: {
        tags,
        summary: 'Issue a draft: next gap-free number, issue date today, taxable supply date (last day of the period unless set), due date by the client’s payment terms; its records are locked and its ledger rows made final, all in one transaction. 409 draft_blocked names the reasons and what to do first (its blocks say the same as codes; a detail code rerun_needed: the reason is gone, run billing for the period again); 409 already_issued if it is not a draft. A draft in a foreign currency charging VAT (needsExchangeRate) needs exchangeRate { rate, date }: 400 exchange_rate_required without it, 400 exchange_rate_not_needed when given for an invoice in the supplier’s currency',
        params: idParam,
        body: s.issueBody,
        response: { 200: s.invoiceDetail, ...errors },
      },
      handler: async (request) => {
        const ctx = contextOf(request);
        await issuing.issue(ctx, request.params.id, { exchangeRate: request.body?.exchangeRate });
        return invoices.get(ctx, request.params.id);
      },
    });

    app.post('/api/v1/invoices/:id/payments', {
      config: { access: 'invoices.payments' },
      schema: {
        tags,
        summary: 'Record a payment (partial ones too); never more than is due (400 exceeds_amount_due, 409 nothing_due) unless allowOverpayment is true: then the excess is the refund due of an overpaid invoice. The invoice is paid when nothing is due; audited (payment)',
        params: idParam,
        body: s.paymentBody,
        response: { 201: s.invoiceDetail, ...errors },
      },
      handler: async (request, reply) => {
        const ctx = contextOf(request);
        await payments.recordPayment(ctx, request.params.id, request.body);
        return reply.status(201).send(await invoices.get(ctx, request.params.id));
      },
    });

    app.post('/api/v1/invoices/:id/refunds', {
      config: { access: 'invoices.payments' },
      schema: {
        tags,
        summary: "Record money paid back to the client when payments exceed what is left after credit notes (refundDueMinor); stored as a negative payment, never more than the refund due; audited",
        params: idParam,
        body: s.refundBody,
        response: { 201: s.invoiceDetail, ...errors },
      },
      handler: async (request, reply) => {
        const ctx = contextOf(request);
        await payments.recordRefund(ctx, request.params.id, request.body);
        return reply.status(201).send(await invoices.get(ctx, request.params.id));
      },
    });

    app.post('/api/v1/invoices/:id/payments/:paymentId/reversal', {
      config: { access: 'invoices.payments' },
      schema: {
        tags,
        summary: "Reverse a payment or refund recorded by mistake (a mistyped amount, the wrong invoice): it is never deleted; a reversal entry of the opposite amount names it, dated today, with the required reason (400 when blank) and who recorded it. The invoice's paid amount and state follow in the same transaction (a paid invoice owes again and is sent or issued as before); audited (reverse_payment). 404 when the invoice has no such entry; 409 payment_already_reversed, payment_is_reversal (a reversal is not reversed), refunds_exceed_payments (refunds paid out of it: reverse them first)",
        params: s.paymentParams,
        body: s.reversalBody,
        response: { 201: s.invoiceDetail, ...errors },
      },
      handler: async (request, reply) => {
        const ctx = contextOf(request);
        await payments.reversePayment(ctx, request.params.id, request.params.paymentId, request.body);
        return reply.status(201).send(await invoices.get(ctx, request.params.id));
      },
    });

    app.post('/api/v1/invoices/:id/mark-sent', {
      config: { access: 'invoices.payments' },
      schema: { tags, summary: 'Mark an issued invoice as sent to the client', params: idParam, response: { 200: s.invoiceDetail, ...errors } },
      handler: async (request) => {
        const ctx = contextOf(request);
        await payments.markSent(ctx, request.params.id);
        return invoices.get(ctx, request.params.id);
      },
    });

    app.post('/api/v1/invoices/:id/credit-notes', {
      config: { access: 'invoices.credit' },
      schema: {
        tags,
        summary: 'Issue a credit note against the invoice: {reason, full: true, releaseRecords?} credits everything left (and may release the records for billing again), {reason, lines: [{lineId, amountMinor}]} credits net amounts per line. Never more than is left to credit; own number series',
        params: idParam,
        body: s.creditNoteBody,
        response: { 201: s.invoiceDetail, ...errors },
      },
      handler: async (request, reply) => {
        const ctx = contextOf(request);
        const note = await crediting.creditNote(ctx, request.params.id, request.body);
        return reply.status(201).send(await invoices.get(ctx, note.id));
      },
    });
  };
}
