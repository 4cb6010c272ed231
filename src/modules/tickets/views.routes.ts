import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../platform/http/schemas.ts';
import { contextOf, idParam } from '../identity/index.ts';
import type { ViewsService } from './views.service.ts';

/** Filters as the ticket list's query parameters; checked against the list's own schema by the service. */
const filters = z.record(z.string().max(50), z.union([z.string().max(500), z.number()]));
const name = z.string().trim().min(1).max(100);

const newViewBody = z.strictObject({
  name,
  filters: filters.default({}),
  /** Shared with everyone who works tickets; needs tickets.share_views (managers, admins). */
  shared: z.boolean().default(false),
});
const viewPatchBody = z.strictObject({ name: name.optional(), filters: filters.optional(), shared: z.boolean().optional() });
const viewSchema = z.object({
  id: z.number(),
  name: z.string(),
  filters: z.record(z.string(), z.union([z.string(), z.number()])),
  shared: z.boolean(),
  mine: z.boolean(),
  editable: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export function viewsRoutes(service: ViewsService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['tickets'];

    app.get('/api/v1/ticket-views', {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'Saved ticket views: my own and the shared ones', response: { 200: z.object({ items: z.array(viewSchema) }), ...errorResponses } },
      handler: async (request) => ({ items: await service.list(contextOf(request)) }),
    });

    app.post('/api/v1/ticket-views', {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'Save a view: a name and ticket list filters (the query parameters of GET /api/v1/tickets, no cursor); shared views need tickets.share_views',
        body: newViewBody,
        response: { 201: viewSchema, ...errorResponses },
      },
      handler: async (request, reply) => reply.status(201).send(await service.create(contextOf(request), request.body)),
    });

    app.patch('/api/v1/ticket-views/:id', {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'Rename a view, change its filters, share or unshare it', params: idParam, body: viewPatchBody, response: { 200: viewSchema, ...errorResponses } },
      handler: async (request) => service.update(contextOf(request), request.params.id, request.body),
    });

    app.delete('/api/v1/ticket-views/:id', {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'Delete a view (own ones; shared ones with tickets.share_views)', params: idParam, response: { 204: z.null(), ...errorResponses } },
      handler: async (request, reply) => {
        await service.remove(contextOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });
  };
}
