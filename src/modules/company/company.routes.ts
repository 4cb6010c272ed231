import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses, errorSchema } from '../../platform/http/schemas.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import { contextOf } from '../identity/index.ts';
import { companySettingsBody, companySettingsSchema } from './company.schemas.ts';
import type { CompanyService } from './company.service.ts';

export function companyRoutes(company: CompanyService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['company'];

    app.get('/api/v1/settings/company', {
      // Readable by whoever reads invoices (they show the supplier); changing needs settings.manage.
      config: { access: 'invoices.read' },
      schema: { tags, summary: 'Company settings: the supplier printed on invoices (ids, VAT payer, address, bank account, IBAN, BIC, register entry, logo, footer, rounding)', response: { 200: companySettingsSchema, ...errorResponses } },
      handler: async (request) => company.get(contextOf(request)),
    });

    app.put('/api/v1/settings/company', {
      config: { access: 'settings.manage' },
      schema: {
        tags,
        summary: 'Replace the company settings. 400 names every invalid field in one answer (lengths, countries, Czech/Slovak PSČ, IČO check digit, VAT id format, Czech account check digits, IBAN mod-97, BIC); an empty IBAN is derived from a Czech account',
        body: companySettingsBody,
        response: { 200: companySettingsSchema, ...errorResponses },
      },
      handler: async (request) => company.update(contextOf(request), request.body),
    });

    app.put('/api/v1/settings/company/logo', {
      config: { access: 'settings.manage' },
      schema: {
        tags,
        summary: 'Upload the logo printed on documents (multipart/form-data, field "file"; PNG or JPEG up to 512 KB; 413 when larger)',
        consumes: ['multipart/form-data'],
        response: { 200: companySettingsSchema, ...errorResponses, 413: errorSchema },
      },
      handler: async (request) => {
        const ctx = contextOf(request);
        const file = request.isMultipart() ? await request.file() : undefined;
        if (!file) throw new AppError('validation', 'validation_failed', 'Send the logo as multipart/form-data in the field "file"', { details: [{ path: 'file', code: 'required', message: 'No file in the request' }] });
        return company.uploadLogo(ctx, { stream: file.file, truncated: () => file.file.truncated });
      },
    });

    app.get('/api/v1/settings/company/logo', {
      config: { access: 'invoices.read' },
      schema: { tags, summary: 'The logo picture (404 when none is set)' },
      handler: async (request, reply) => {
        const logo = await company.logo(contextOf(request));
        if (!logo) throw notFound('Logo');
        reply.header('content-type', logo.contentType);
        reply.header('x-content-type-options', 'nosniff');
        reply.header('cache-control', 'private, no-cache');
        return reply.send(logo.stream);
      },
    });

    app.delete('/api/v1/settings/company/logo', {
      config: { access: 'settings.manage' },
      schema: { tags, summary: 'Remove the logo from documents', response: { 200: companySettingsSchema, ...errorResponses } },
      handler: async (request) => company.deleteLogo(contextOf(request)),
    });
  };
}
