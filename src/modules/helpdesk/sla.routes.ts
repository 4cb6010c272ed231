import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../platform/http/schemas.ts';
import { contextOf, idParam } from '../identity/index.ts';
import { items, tags } from './common.schemas.ts';
import * as s from './sla.schemas.ts';
import type { SlaService } from './sla.service.ts';

export function slaRoutes(service: SlaService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get('/api/v1/calendars', {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'Business calendars (opening hours, holidays, days off)', response: { 200: items(s.calendarSchema), ...errorResponses } },
      handler: async (request) => ({ items: await service.listCalendars(contextOf(request)) }),
    });

    app.get('/api/v1/public-holidays', {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: "Public holidays (days off by law) of a calendar's country in a year, in date order: what a calendar with that country closes on",
        querystring: s.publicHolidaysQuery,
        response: { 200: s.publicHolidaysSchema, ...errorResponses },
      },
      handler: async (request) => service.publicHolidays(contextOf(request), request.query),
    });

    app.post('/api/v1/calendars', {
      config: { access: 'helpdesk.configure' },
      schema: { tags, summary: 'Create a business calendar', body: s.newCalendarBody, response: { 201: s.calendarSchema, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await service.createCalendar(contextOf(request), request.body)),
    });

    app.patch('/api/v1/calendars/:id', {
      config: { access: 'helpdesk.configure' },
      schema: { tags, summary: 'Change a business calendar (weekly: the whole week); send the version you read (409 stale_version)', params: idParam, body: s.calendarPatchBody, response: { 200: s.calendarSchema, ...errorResponses } },
      handler: async (request) => service.updateCalendar(contextOf(request), request.params.id, request.body),
    });

    app.delete('/api/v1/calendars/:id', {
      config: { access: 'helpdesk.configure' },
      schema: { tags, summary: 'Delete a calendar no SLA policy uses (409 calendar_in_use)', params: idParam, response: { 204: z.null(), ...errorResponses } },
      handler: async (request, reply) => {
        await service.deleteCalendar(contextOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });

    app.get('/api/v1/sla-policies', {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'SLA policies with their targets per priority', response: { 200: items(s.slaPolicySchema), ...errorResponses } },
      handler: async (request) => ({ items: await service.listPolicies(contextOf(request)) }),
    });

    app.post('/api/v1/sla-policies', {
      config: { access: 'helpdesk.configure' },
      schema: { tags, summary: 'Create an SLA policy (isDefault takes the default from the current one)', body: s.newSlaPolicyBody, response: { 201: s.slaPolicySchema, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await service.createPolicy(contextOf(request), request.body)),
    });

    app.patch('/api/v1/sla-policies/:id', {
      config: { access: 'helpdesk.configure' },
      schema: {
        tags,
        summary: 'Change an SLA policy; send the version you read (409 stale_version). The default cannot be unset or deactivated (409 default_required)',
        params: idParam,
        body: s.slaPolicyPatchBody,
        response: { 200: s.slaPolicySchema, ...errorResponses },
      },
      handler: async (request) => service.updatePolicy(contextOf(request), request.params.id, request.body),
    });

    app.get('/api/v1/priority-matrix', {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'Priority from impact × urgency: matrix[impact][urgency]', response: { 200: s.priorityMatrixSchema, ...errorResponses } },
      handler: async (request) => service.priorityMatrix(contextOf(request)),
    });

    app.put('/api/v1/priority-matrix', {
      config: { access: 'helpdesk.configure' },
      schema: { tags, summary: 'Set the priority matrix (all nine cells; a higher impact or urgency may not lower the priority)', body: s.priorityMatrixSchema, response: { 200: s.priorityMatrixSchema, ...errorResponses } },
      handler: async (request) => service.setPriorityMatrix(contextOf(request), request.body),
    });

    app.get('/api/v1/ticket-number-prefix', {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'Prefix of ticket numbers (T → T2026-000123)', response: { 200: s.ticketNumberPrefixSchema, ...errorResponses } },
      handler: async (request) => service.ticketNumberPrefix(contextOf(request)),
    });

    app.put('/api/v1/ticket-number-prefix', {
      config: { access: 'helpdesk.configure' },
      schema: { tags, summary: 'Set the prefix of new ticket numbers', body: s.ticketNumberPrefixSchema, response: { 200: s.ticketNumberPrefixSchema, ...errorResponses } },
      handler: async (request) => service.setTicketNumberPrefix(contextOf(request), request.body.prefix),
    });

    app.get('/api/v1/clients/:id/sla-policy', {
      config: { access: 'tickets.read' },
      schema: { tags, summary: "A client's SLA policy and the one its tickets get", params: idParam, response: { 200: s.clientSlaPolicySchema, ...errorResponses } },
      handler: async (request) => service.getClientPolicy(contextOf(request), request.params.id),
    });

    app.put('/api/v1/clients/:id/sla-policy', {
      config: { access: 'helpdesk.configure' },
      schema: { tags, summary: "Set a client's SLA policy (null: the default applies)", params: idParam, body: s.clientSlaPolicyBody, response: { 200: s.clientSlaPolicySchema, ...errorResponses } },
      handler: async (request) => service.setClientPolicy(contextOf(request), request.params.id, request.body.slaPolicyId),
    });
  };
}
