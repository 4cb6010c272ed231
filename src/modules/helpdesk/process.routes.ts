import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../platform/http/schemas.ts';
import { contextOf, idParam } from '../identity/index.ts';
import { activeQuery, items, tags } from './common.schemas.ts';
import * as s from './process.schemas.ts';
import type { ProcessService } from './process.service.ts';



export function processRoutes(service: ProcessService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get('/api/v1/ticket-types', {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'Ticket types with their processes (states and transitions)', querystring: activeQuery, response: { 200: items(s.ticketTypeSchema), ...errorResponses } },
      handler: async (request) => ({ items: await service.list(contextOf(request), request.query.active) }),
    });

    app.post('/api/v1/ticket-types', {
      config: { access: 'helpdesk.configure' },
      schema: {
        tags,
        summary: 'Create a ticket type; without a process it gets the default one',
        body: s.newTicketTypeBody,
        response: { 201: s.ticketTypeSchema, ...errorResponses },
      },
      handler: async (request, reply) => reply.status(201).send(await service.create(contextOf(request), request.body)),
    });

    app.get('/api/v1/ticket-types/:id', {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'One ticket type with its process', params: idParam, response: { 200: s.ticketTypeSchema, ...errorResponses } },
      handler: async (request) => service.get(contextOf(request), request.params.id),
    });

    app.patch('/api/v1/ticket-types/:id', {
      config: { access: 'helpdesk.configure' },
      schema: { tags, summary: 'Change a ticket type (code, name, order; deactivate with active=false)', params: idParam, body: s.ticketTypePatchBody, response: { 200: s.ticketTypeSchema, ...errorResponses } },
      handler: async (request) => service.update(contextOf(request), request.params.id, request.body),
    });

    app.put('/api/v1/ticket-types/:id/process', {
      config: { access: 'helpdesk.configure' },
      schema: {
        tags,
        summary: "Replace a type's states and transitions (states keep their ids by code; 409 state_in_use for a removed state that holds tickets)",
        params: idParam,
        body: s.processBody,
        response: { 200: s.ticketTypeSchema, ...errorResponses },
      },
      handler: async (request) => service.replaceProcess(contextOf(request), request.params.id, request.body),
    });
  };
}
