import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NDJSON, sendJsonLines, wantsNdjson } from '../../platform/http/json-lines.ts';
import { errorResponses, page } from '../../platform/http/schemas.ts';
import { contextOf, idParam } from '../identity/index.ts';
import * as s from './exports.schemas.ts';
import { streamExport } from './exports.progress.ts';
import type { ExportsService } from './exports.service.ts';

/** Content-Disposition with an ASCII fallback and the exact UTF-8 name (RFC 6266). */
function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function exportsRoutes(exports: ExportsService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['exports'];

    app.get('/api/v1/exports', {
      config: { access: 'exports.run' },
      schema: { tags, summary: 'Export batches, newest first: format, period, who and when, how many documents, file name and SHA-256', querystring: s.listQuery, response: { 200: page(s.batchSchema), ...errorResponses } },
      handler: async (request) => exports.list(contextOf(request), request.query),
    });

    app.get('/api/v1/exports/preview', {
      config: { access: 'exports.run' },
      schema: {
        tags,
        summary: 'What an export of the period in the format would carry: issued invoices, credit notes and (POHODA) issue slips not exported in that format before, those already exported, drafts of the period still waiting to be issued, new address-book entries, company settings the format still needs, and (POHODA) every document with a VAT rate POHODA has no name for, which would stop the export',
        querystring: s.previewQuery,
        response: { 200: s.previewSchema, ...errorResponses },
      },
      handler: async (request) => exports.preview(contextOf(request), request.query.format, request.query.period),
    });

    app.post('/api/v1/exports', {
      config: { access: 'exports.run' },
      schema: {
        tags,
        summary:
          'Export the period to an accounting program: isdoc (ZIP of ISDOC 6.0.2 files), pohoda (POHODA XML dataPack in Windows-1250), ubl (ZIP of UBL 2.1 / Peppol BIS 3.0 files) or csv (ZIP of invoices.csv, lines.csv and vat.csv, the VAT recapitulation per rate). ' +
          'Only issued documents; those exported in this format before are left out unless includeExported is true. Records the batch and answers with it; download the file from downloadUrl. ' +
          '409 nothing_to_export when the period has nothing (no batch is created; error.alreadyExported counts the documents exported before, error.period the period), 409 missing_company_settings naming the settings the format needs, ' +
          '400 vat_rate_not_mapped when POHODA has no name for a VAT rate of a document the batch takes: error.rates lists every document and rate (checked before anything is written, as the preview\'s vatRatesNotMapped), ' +
          'error.documentNumber, error.vatRateBp and error.country repeat the first; ' +
          '400 slip_currencies_mixed when an issue slip the POHODA batch takes is valued in two currencies (error.documentNumbers names them). ' +
          'POHODA: a slip in a currency other than the home currency of its VAT country (CZK for CZ, EUR for SK) goes as a foreign-currency document without a rate (POHODA takes its own for the slip\'s date).',
        body: s.runBody,
        response: {
          201: s.batchSchema.describe('By default (Accept: application/json): the recorded batch, once its file is written.'),
          200: z.any().describe(
            `With Accept: ${NDJSON}: progress as JSON lines (200), one object per line, while the file is written: ` +
            'first {"total":N}, the documents going in (invoices, credit notes, slips; not address-book entries); ' +
            'then {"done":k}, documents written so far, at most once per 1 % of N and 250 ms (whichever is rarer) and always for the last one; ' +
            'last {"batch":{…}}, the same batch the plain 201 answer gives, or, if the export stopped on the way, {"error":{"code","message",…}}: ' +
            'batch_too_large (found only while writing) with the fields of its 4xx error, anything unexpected (such as the file store failing) as internal_error; no batch is recorded then. ' +
            'Permission, bad input, nothing_to_export, missing_company_settings, vat_rate_not_mapped and slip_currencies_mixed come before any line, as the usual 4xx JSON error. ' +
            'A client that disconnects does not stop the export; the batch is recorded and listed as usual.',
          ),
          ...errorResponses,
          400: s.exportRefusedSchema,
        },
      },
      handler: async (request, reply) => {
        const ctx = contextOf(request);
        if (!wantsNdjson(request.headers.accept)) return reply.status(201).send(await exports.run(ctx, request.body));
        // Refusals are settled first, so they are still ordinary 4xx answers.
        const prepared = await exports.prepareRun(ctx, request.body);
        const { lines } = streamExport(prepared, (error) => request.log.error({ err: error }, 'export batch stopped'));
        // A stream is sent as it is, past the response schemas, hence the untyped reply.
        return sendJsonLines(reply as FastifyReply, lines);
      },
    });

    app.get('/api/v1/exports/invoices/:id', {
      config: { access: 'exports.run' },
      schema: {
        tags,
        summary: 'One issued invoice or credit note as a single file of the format (ISDOC .isdoc, POHODA XML, UBL XML, CSV row); not recorded as a batch and not marked exported. 409 not_issued for a draft, 400 vat_rate_not_mapped as for a batch',
        params: idParam,
        querystring: s.documentQuery,
        response: { 200: z.any().describe('the document file'), ...errorResponses, 400: s.exportRefusedSchema },
      },
      handler: async (request, reply) => {
        const file = await exports.documentFile(contextOf(request), request.params.id, request.query.format);
        reply.header('content-type', file.mediaType);
        reply.header('content-disposition', attachment(file.fileName));
        return reply.send(Buffer.from(file.bytes));
      },
    });

    app.get('/api/v1/exports/:id', {
      config: { access: 'exports.run' },
      schema: { tags, summary: 'One export batch', params: idParam, response: { 200: s.batchSchema, ...errorResponses } },
      handler: async (request) => exports.get(contextOf(request), request.params.id),
    });

    app.get('/api/v1/exports/:id/download', {
      config: { access: 'exports.run' },
      schema: { tags, summary: "The batch's file, streamed (the same bytes every time; its SHA-256 is in the batch)", params: idParam, response: { 200: z.any().describe('the export file'), ...errorResponses } },
      handler: async (request, reply) => {
        const { batch, stream } = await exports.download(contextOf(request), request.params.id);
        reply.header('content-type', batch.format === 'pohoda' ? 'application/xml; charset=windows-1250' : batch.mediaType);
        reply.header('content-length', String(batch.byteSize));
        reply.header('content-disposition', attachment(batch.fileName));
        return reply.send(stream);
      },
    });
  };
}
