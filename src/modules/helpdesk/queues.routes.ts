import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../platform/http/schemas.ts';
import { contextOf, idParam } from '../identity/index.ts';
import { activeQuery, items, tags } from './common.schemas.ts';
import * as s from './queues.schemas.ts';
import type { QueuesService } from './queues.service.ts';

export function queuesRoutes(service: QueuesService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get('/api/v1/queues', {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'Queues with their lead, members and whether the asking user sees their tickets', querystring: activeQuery, response: { 200: items(s.listedQueueSchema), ...errorResponses } },
      handler: async (request) => ({ items: await service.listQueues(contextOf(request), request.query.active) }),
    });

    app.post('/api/v1/queues', {
      config: { access: 'helpdesk.configure' },
      schema: { tags, summary: 'Create a queue', body: s.newQueueBody, response: { 201: s.queueSchema, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await service.createQueue(contextOf(request), request.body)),
    });

    app.patch('/api/v1/queues/:id', {
      config: { access: 'helpdesk.configure' },
      schema: { tags, summary: 'Change a queue (members: the new list; deactivate with active=false). Deactivating a queue an SLA policy escalates to is refused with 409 queue_is_escalation_target, naming the policies (details, and error.policies with their id and name)', params: idParam, body: s.queuePatchBody, response: { 200: s.queueSchema, ...errorResponses } },
      handler: async (request) => service.updateQueue(contextOf(request), request.params.id, request.body),
    });

    app.get('/api/v1/teams', {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'Teams with their members', querystring: activeQuery, response: { 200: items(s.teamSchema), ...errorResponses } },
      handler: async (request) => ({ items: await service.listTeams(contextOf(request), request.query.active) }),
    });

    app.post('/api/v1/teams', {
      config: { access: 'helpdesk.configure' },
      schema: { tags, summary: 'Create a team', body: s.newTeamBody, response: { 201: s.teamSchema, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await service.createTeam(contextOf(request), request.body)),
    });

    app.patch('/api/v1/teams/:id', {
      config: { access: 'helpdesk.configure' },
      schema: { tags, summary: 'Change a team (members: the new list)', params: idParam, body: s.teamPatchBody, response: { 200: s.teamSchema, ...errorResponses } },
      handler: async (request) => service.updateTeam(contextOf(request), request.params.id, request.body),
    });
  };
}
