import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, errorSchema, page } from '../../platform/http/schemas.ts';
import { AppError } from '../../shared/errors.ts';
import { contextOf, idParam } from '../identity/index.ts';
import type { Attachments } from './tickets.attachments.ts';
import * as s from './tickets.schemas.ts';
import type { TicketsService } from './tickets.service.ts';
import type { TicketsWorkflow } from './tickets.workflow.ts';

const attachmentSchema = z.object({
  id: z.number(), ticketId: z.number(), filename: z.string(), contentType: z.string(), size: z.number(), sha256: z.string(), createdAt: z.string(),
});

export function ticketsRoutes(deps: { tickets: TicketsService; workflow: TicketsWorkflow; attachments: Attachments }) {
  const { tickets, workflow, attachments } = deps;
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['tickets'];

    app.get('/api/v1/tickets', {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'List tickets: filters on every field, full-text `q` (case- and diacritics-insensitive), saved views, keyset paging; SLA due first by default',
        querystring: s.listQuery,
        response: { 200: page(s.ticketSummarySchema), ...errorResponses },
      },
      // The page comes as JSON written by the database (JsonText), sent as it is; its shape is the schema's.
      handler: async (request) => (await tickets.list(contextOf(request), request.query)) as never,
    });

    app.get('/api/v1/tickets/count', {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: `Count tickets: the list's filters (the same parameters and 400s, without sort, limit and cursor) and scope, counted by the database up to ${s.TICKET_COUNT_CAP}`,
        querystring: s.countQuery,
        response: { 200: s.ticketCountSchema, ...errorResponses },
      },
      handler: async (request) => tickets.count(contextOf(request), request.query),
    });

    app.get('/api/v1/tickets/assignees', {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'Whom a ticket of the queue may be assigned to: active members of the queue who work tickets, and administrators and service managers (they see every queue); by name. Creating or changing a ticket with anyone else is refused (400 not_assignable)',
        querystring: s.assigneesQuery,
        response: { 200: z.object({ items: z.array(s.assigneeSchema) }), ...errorResponses },
      },
      handler: async (request) => ({ items: await tickets.assignees(contextOf(request), request.query.queueId) }),
    });

    app.get('/api/v1/ticket-types/:id/ticket-counts', {
      config: { access: 'helpdesk.configure' },
      schema: {
        tags,
        summary: 'How many tickets are in each state of the ticket type (every queue), for the process editor: a state that holds tickets cannot be removed (409 state_in_use on saving the process)',
        params: idParam,
        response: { 200: z.object({ items: z.array(s.ticketStateCountSchema) }), ...errorResponses },
      },
      handler: async (request) => ({ items: await tickets.stateCounts(contextOf(request), request.params.id) }),
    });

    app.post('/api/v1/tickets', {
      config: { access: 'tickets.write' },
      schema: { tags, summary: 'Create a ticket (numbered, SLA started, the requester notified)', body: s.newTicketBody, response: { 201: s.ticketSchema, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await tickets.create(contextOf(request), request.body)),
    });

    app.get('/api/v1/tickets/:id', {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'One ticket with its allowed transitions', params: idParam, response: { 200: s.ticketSchema, ...errorResponses } },
      handler: async (request) => tickets.get(contextOf(request), request.params.id),
    });

    app.patch('/api/v1/tickets/:id', {
      config: { access: 'tickets.write' },
      schema: { tags, summary: 'Change ticket fields; send the version you read (409 stale_version otherwise)', params: idParam, body: s.ticketPatchBody, response: { 200: s.ticketSchema, ...errorResponses } },
      handler: async (request) => tickets.update(contextOf(request), request.params.id, request.body),
    });

    app.post('/api/v1/tickets/:id/transition', {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        summary: 'Move the ticket to another state of its process (409 lists the allowed ones; 400 names missing required fields)',
        params: idParam,
        body: s.transitionBody,
        response: { 200: s.ticketSchema, ...errorResponses },
      },
      handler: async (request) => {
        const ctx = contextOf(request);
        await workflow.transition(ctx, request.params.id, request.body);
        return tickets.get(ctx, request.params.id);
      },
    });

    app.post('/api/v1/tickets/:id/comments', {
      config: { access: 'tickets.write' },
      schema: { tags, summary: 'Add a public reply (mailed to the client) or an internal note', params: idParam, body: s.commentBody, response: { 201: z.object({ id: z.number() }), ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await workflow.comment(contextOf(request), request.params.id, request.body)),
    });

    app.get('/api/v1/tickets/:id/timeline', {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'Replies, notes and every change, oldest first', params: idParam, response: { 200: z.object({ items: z.array(s.timelineItemSchema) }), ...errorResponses } },
      handler: async (request) => ({ items: await tickets.timeline(contextOf(request), request.params.id) }),
    });

    for (const [method, remove] of [['post', false], ['delete', true]] as const) {
      app[method]('/api/v1/tickets/:id/links/:otherId', {
        config: { access: 'tickets.write' },
        schema: {
          tags,
          summary: remove ? 'Unlink two tickets' : 'Link two related tickets',
          params: z.strictObject({ id: idParam.shape.id, otherId: idParam.shape.id }),
          response: { 204: z.null(), ...errorResponses },
        },
        handler: async (request, reply) => {
          await workflow.link(contextOf(request), request.params.id, request.params.otherId, remove);
          return reply.status(204).send(null);
        },
      });
    }

    app.get('/api/v1/tickets/:id/attachments', {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'Files attached to the ticket', params: idParam, response: { 200: z.object({ items: z.array(attachmentSchema) }), ...errorResponses } },
      handler: async (request) => ({ items: await attachments.list(contextOf(request), request.params.id) }),
    });

    app.post('/api/v1/tickets/:id/attachments', {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        summary: 'Attach a file (multipart/form-data, field "file"); 413 over the size limit',
        params: idParam,
        consumes: ['multipart/form-data'],
        response: { 201: attachmentSchema, ...errorResponses, 413: errorSchema },
      },
      handler: async (request, reply) => {
        const ctx = contextOf(request);
        const file = request.isMultipart() ? await request.file() : undefined;
        if (!file) throw new AppError('validation', 'validation_failed', 'Send the file as multipart/form-data in the field "file"', { details: [{ path: 'file', code: 'required', message: 'No file in the request' }] });
        return reply.status(201).send(await attachments.upload(ctx, request.params.id, { filename: file.filename, mimetype: file.mimetype, stream: file.file }));
      },
    });

    app.get('/api/v1/attachments/:id', {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'Download an attachment', params: idParam },
      handler: async (request, reply) => {
        const { attachment, stream } = await attachments.download(contextOf(request), request.params.id);
        reply.header('content-type', attachment.contentType || 'application/octet-stream');
        reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`);
        reply.header('x-content-type-options', 'nosniff');
        return reply.send(stream);
      },
    });
  };
}
