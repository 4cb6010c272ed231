import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, page } from '../../platform/http/schemas.ts';
import { contextOf, idParam } from '../identity/index.ts';
import * as s from './mail.schemas.ts';
import type { MailService } from './mail.service.ts';

export function mailRoutes(mail: MailService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['mail'];
    const access = 'mail.manage' as const;

    app.get('/api/v1/mail/status', {
      config: { access },
      schema: { tags, summary: 'Whether a mail server is configured, and how much mail waits or failed', response: { 200: s.mailStatusSchema, ...errorResponses } },
      handler: async (request) => mail.status(contextOf(request)),
    });

    app.get('/api/v1/mail/outbox', {
      config: { access },
      schema: { tags, summary: 'Outgoing mail, newest first', querystring: s.outboxQuery, response: { 200: page(s.outboxItemSchema), ...errorResponses } },
      handler: async (request) => mail.listOutbox(contextOf(request), request.query),
    });

    app.get('/api/v1/mail/outbox/:id', {
      config: { access },
      schema: { tags, summary: 'One outgoing mail with its bodies, headers and the names and sizes of its attachments (not their content)', params: idParam, response: { 200: s.outboxDetailSchema, ...errorResponses } },
      handler: async (request) => mail.getMessage(contextOf(request), request.params.id),
    });

    app.post('/api/v1/mail/outbox/:id/retry', {
      config: { access },
      schema: { tags, summary: 'Send a failed mail again (back to pending, due now, attempts reset); 409 not_failed otherwise', params: idParam, response: { 200: s.outboxDetailSchema, ...errorResponses } },
      handler: async (request) => mail.retry(contextOf(request), request.params.id),
    });

    app.get('/api/v1/mail/templates', {
      config: { access },
      schema: { tags, summary: 'Every template key × language, with its text in force and whether it is overridden', response: { 200: z.object({ items: z.array(s.templateSchema) }), ...errorResponses } },
      handler: async (request) => ({ items: await mail.listTemplates(contextOf(request)) }),
    });

    app.put('/api/v1/mail/templates/:key/:language', {
      config: { access },
      schema: {
        tags,
        summary: 'Override a template (Markdown body with {{placeholders}}); 400 unknown_placeholder names a placeholder it does not know',
        params: s.templateParams,
        body: s.templateBody,
        response: { 200: s.templateSchema, ...errorResponses },
      },
      handler: async (request) => mail.saveTemplate(contextOf(request), request.params.key, request.params.language, request.body),
    });

    app.delete('/api/v1/mail/templates/:key/:language', {
      config: { access },
      schema: { tags, summary: 'Back to the built-in template', params: s.templateParams, response: { 200: s.templateSchema, ...errorResponses } },
      handler: async (request) => mail.resetTemplate(contextOf(request), request.params.key, request.params.language),
    });

    app.post('/api/v1/mail/templates/:key/:language/preview', {
      config: { access },
      schema: {
        tags,
        summary: 'Render a template text with sample values, or a mail about a ticket (client notice, SLA escalation) with the values of a real ticket (ticketNumber), without saving it',
        params: s.templateParams,
        body: s.previewBody,
        response: { 200: s.renderedSchema, ...errorResponses },
      },
      handler: async (request) => mail.preview(contextOf(request), request.params.key, request.params.language, request.body),
    });
  };
}
