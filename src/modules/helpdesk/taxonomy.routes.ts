import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../platform/http/schemas.ts';
import { contextOf, idParam } from '../identity/index.ts';
import { activeQuery, items, tags } from './common.schemas.ts';
import * as s from './taxonomy.schemas.ts';
import type { TaxonomyService } from './taxonomy.service.ts';

export function taxonomyRoutes(service: TaxonomyService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get('/api/v1/categories', {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'Ticket categories, a tree in path order', querystring: activeQuery, response: { 200: items(s.categorySchema), ...errorResponses } },
      handler: async (request) => ({ items: await service.listCategories(contextOf(request), request.query.active) }),
    });

    app.post('/api/v1/categories', {
      config: { access: 'helpdesk.configure' },
      schema: { tags, summary: 'Create a category (parentId null: a top-level one)', body: s.newCategoryBody, response: { 201: s.categorySchema, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await service.createCategory(contextOf(request), request.body)),
    });

    app.patch('/api/v1/categories/:id', {
      config: { access: 'helpdesk.configure' },
      schema: {
        tags,
        summary: 'Rename or move a category; the paths of its subtree follow (400 category_cycle under itself)',
        params: idParam,
        body: s.categoryPatchBody,
        response: { 200: s.categorySchema, ...errorResponses },
      },
      handler: async (request) => service.updateCategory(contextOf(request), request.params.id, request.body),
    });

    app.get('/api/v1/dimensions', {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'Analytic dimensions with their values', querystring: activeQuery, response: { 200: items(s.dimensionSchema), ...errorResponses } },
      handler: async (request) => ({ items: await service.listDimensions(contextOf(request), request.query.active) }),
    });

    app.post('/api/v1/dimensions', {
      config: { access: 'helpdesk.configure' },
      schema: { tags, summary: 'Create a dimension, optionally with its first values', body: s.newDimensionBody, response: { 201: s.dimensionSchema, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await service.createDimension(contextOf(request), request.body)),
    });

    app.patch('/api/v1/dimensions/:id', {
      config: { access: 'helpdesk.configure' },
      schema: { tags, summary: 'Change a dimension', params: idParam, body: s.dimensionPatchBody, response: { 200: s.dimensionSchema, ...errorResponses } },
      handler: async (request) => service.updateDimension(contextOf(request), request.params.id, request.body),
    });

    app.post('/api/v1/dimensions/:id/values', {
      config: { access: 'helpdesk.configure' },
      schema: { tags, summary: 'Add a value to a dimension', params: idParam, body: s.newDimensionValueBody, response: { 201: s.dimensionValueSchema, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await service.createValue(contextOf(request), request.params.id, request.body)),
    });

    app.patch('/api/v1/dimension-values/:id', {
      config: { access: 'helpdesk.configure' },
      schema: { tags, summary: 'Change a dimension value (deactivate with active=false)', params: idParam, body: s.dimensionValuePatchBody, response: { 200: s.dimensionValueSchema, ...errorResponses } },
      handler: async (request) => service.updateValue(contextOf(request), request.params.id, request.body),
    });

    app.get('/api/v1/custom-fields', {
      config: { access: 'tickets.read' },
      schema: { tags, summary: "Custom fields of tickets (typeId: that type's and the global ones), in form order", querystring: s.customFieldQuery, response: { 200: items(s.customFieldSchema), ...errorResponses } },
      handler: async (request) => ({ items: await service.listFields(contextOf(request), request.query) }),
    });

    app.post('/api/v1/custom-fields', {
      config: { access: 'helpdesk.configure' },
      schema: { tags, summary: 'Create a custom field for one ticket type or (typeId null) for all', body: s.newCustomFieldBody, response: { 201: s.customFieldSchema, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await service.createField(contextOf(request), request.body)),
    });

    app.patch('/api/v1/custom-fields/:id', {
      config: { access: 'helpdesk.configure' },
      schema: { tags, summary: 'Change a custom field (its key and type stay)', params: idParam, body: s.customFieldPatchBody, response: { 200: s.customFieldSchema, ...errorResponses } },
      handler: async (request) => service.updateField(contextOf(request), request.params.id, request.body),
    });
  };
}
