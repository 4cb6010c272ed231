import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../platform/http/schemas.ts';
import { contextOf } from '../identity/index.ts';
import type { NumberingService } from './numbering.service.ts';

const seriesSchema = z.object({
  documentType: z.string(),
  pattern: z.string(),
  year: z.number(),
  lastSequence: z.number(),
  nextNumber: z.string().nullable(),
  updatedAt: z.string(),
});

export function numberingRoutes(numbering: NumberingService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['numbering'];
    app.get('/api/v1/numbering-series', {
      config: { access: 'numbering.manage' },
      schema: {
        tags,
        summary: 'Numbering series per document type (invoice, credit_note, issue_slip, return_slip, receipt, transfer, stock_count): pattern, this year’s last sequence and the next number',
        response: { 200: z.object({ items: z.array(seriesSchema) }), ...errorResponses },
      },
      handler: async (request) => ({ items: await numbering.list(contextOf(request)) }),
    });
    app.put('/api/v1/numbering-series/:documentType', {
      config: { access: 'numbering.manage' },
      schema: {
        tags,
        summary:
          'Change a series pattern, e.g. "VY{YYYY}{#####}" ({YYYY}/{YY} year, {#…#} zero-padded sequence). It applies from the next number; the sequence of the year already started continues (gap-free), and a pattern without room for it is refused',
        params: z.strictObject({ documentType: z.string().max(50) }),
        body: z.strictObject({ pattern: z.string().max(100) }),
        response: { 200: seriesSchema, ...errorResponses },
      },
      handler: async (request) => numbering.setPattern(contextOf(request), request.params.documentType, request.body.pattern),
    });
  };
}
