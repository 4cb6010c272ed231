import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, monthSchema } from '../../platform/http/schemas.ts';
import { contextOf, idParam } from '../identity/index.ts';
import { NDJSON, sendJsonLines, wantsNdjson } from '../../platform/http/json-lines.ts';
import { streamBulkSend } from './documents.bulk-send.stream.ts';
import type { InvoiceDocuments } from './documents.invoices.ts';

/** The file name a saved PDF gets: the document's number with only safe characters. */
function pdfDisposition(number: string): string {
  return `inline; filename="${number.replace(/[^A-Za-z0-9._-]+/g, '-')}.pdf"`;
}

export function documentsRoutes(documents: InvoiceDocuments) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get('/api/v1/invoices/:id/pdf', {
      config: { access: 'invoices.read' },
      schema: {
        tags: ['invoices'],
        summary: "The invoice or credit note as PDF in the client's language (a draft is marked as such and has no QR code); ?workReport=true appends the work report as an annex (an invoice's: for a credit note 409 credit_note_has_no_work_report). HEAD on the same address answers whether it is there (200 with the content type and file name, or the same 403/404) without rendering it",
        params: idParam,
        querystring: z.strictObject({ workReport: z.enum(['true', 'false']).default('false') }),
      },
      // HEAD is answered below without rendering the document.
      exposeHeadRoute: false,
      handler: async (request, reply) => {
        const { number, pdf } = await documents.pdf(contextOf(request), request.params.id, { withWorkReport: request.query.workReport === 'true' });
        reply.header('content-type', 'application/pdf');
        reply.header('content-disposition', pdfDisposition(number));
        return reply.send(pdf);
      },
    });

    app.head('/api/v1/invoices/:id/pdf', {
      config: { access: 'invoices.read' },
      schema: {
        tags: ['invoices'],
        summary: 'Whether GET /invoices/:id/pdf would answer the PDF (200 with its content type and file name, or the same 403/404), without rendering it: a quick check for a page that offers the download',
        params: idParam,
        querystring: z.strictObject({ workReport: z.enum(['true', 'false']).default('false') }),
      },
      handler: async (request, reply) => {
        const { number } = await documents.pdfHead(contextOf(request), request.params.id);
        reply.header('content-type', 'application/pdf');
        reply.header('content-disposition', pdfDisposition(number));
        return reply.send();
      },
    });

    app.post('/api/v1/invoices/:id/send', {
      config: { access: 'invoices.payments' },
      schema: {
        tags: ['invoices'],
        summary: "E-mail an issued invoice or credit note as PDF to the client's e-mail (or `to`), in the document's language, through the mail outbox; an issued invoice becomes sent. The PDF is the document as issued; the mail's amount is what is outstanding now (amountDueMinor, naming payments and credit notes when there are any), and a paid or overpaid invoice's mail says so and asks for nothing. 409 not_issued for drafts, 409 no_billing_email when the client has no address",
        params: idParam,
        body: z.strictObject({ to: z.email().max(200).optional() }).nullish(),
        response: { 202: z.object({ outboxId: z.number(), to: z.string(), subject: z.string(), state: z.string() }), ...errorResponses },
      },
      handler: async (request, reply) => reply.status(202).send(await documents.send(contextOf(request), request.params.id, { to: request.body?.to })),
    });

    app.post('/api/v1/invoices/send', {
      config: { access: 'invoices.payments' },
      schema: {
        tags: ['invoices'],
        summary: "E-mail many invoices at once, each exactly as POST /invoices/:id/send to the client's e-mail (its own transaction and audit): the listed `ids` (1-500), or every issued, not yet sent invoice and credit note of `period` (YYYY-MM). The answer lists what was sent and what was not, with a code and reason per document (not_issued, already_sent, no_billing_email, not_found...)",
        body: z.union([
          z.strictObject({ ids: z.array(z.number().int().positive()).min(1).max(500) }),
          z.strictObject({ period: monthSchema }),
        ]),
        response: {
          200: z.object({
            sent: z.array(z.object({ id: z.number(), number: z.string().nullable(), to: z.string() })),
            notSent: z.array(z.object({ id: z.number(), number: z.string().nullable(), code: z.string(), message: z.string() })),
          }).describe(
            'By default (Accept: application/json): this report, once everything was tried. ' +
            `With Accept: ${NDJSON}: progress as JSON lines, one object per line, while the documents are sent: ` +
            'first {"total":N}; then per document in order {"done":k,"id","number","sent":true,"to"} or {"done":k,"id","number","sent":false,"code","message"}; ' +
            'last {"report":{"sent","notSent"}}, this same report (or, if something unexpected stopped the sending, {"error":{"code","message"}}). ' +
            'Permission and bad-input errors come before any line, as the usual 4xx JSON error. ' +
            'A client that disconnects does not stop the sending; each document is its own transaction and is never sent twice.',
          ),
          ...errorResponses,
        },
      },
      handler: async (request, reply) => {
        const ctx = contextOf(request);
        if (!wantsNdjson(request.headers.accept)) return documents.sendMany(ctx, request.body);
        // Permission and the list are settled first, so their errors are still ordinary 4xx answers.
        const prepared = await documents.prepareSendMany(ctx, request.body);
        const { lines } = streamBulkSend(prepared, (error) => request.log.error({ err: error }, 'bulk invoice sending stopped'));
        // A stream is sent as it is, past the 200 schema (which types only the plain report), hence the untyped reply.
        return sendJsonLines(reply as FastifyReply, lines);
      },
    });
  };
}
