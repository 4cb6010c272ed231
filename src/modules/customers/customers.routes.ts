import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, page } from '../../platform/http/schemas.ts';
import { contextOf, idParam, listQuery } from '../identity/index.ts';
import * as s from './customers.schemas.ts';
import type { CustomersService } from './customers.service.ts';

export function customersRoutes(customers: CustomersService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['clients'];

    app.get('/api/v1/clients', {
      config: { access: 'clients.read' },
      schema: { tags, summary: 'List and search clients (name, IČO, VAT id, DIČ, e-mail; diacritics-insensitive)', querystring: listQuery, response: { 200: page(s.clientSchema), ...errorResponses } },
      handler: async (request) => customers.list(contextOf(request), request.query),
    });

    app.post('/api/v1/clients', {
      config: { access: 'clients.write' },
      schema: { tags, summary: 'Create a client', body: s.newClientBody, response: { 201: s.clientSchema, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await customers.create(contextOf(request), request.body)),
    });

    app.get('/api/v1/clients/:id', {
      config: { access: 'clients.read' },
      schema: { tags, summary: 'One client', params: idParam, response: { 200: s.clientSchema, ...errorResponses } },
      handler: async (request) => customers.get(contextOf(request), request.params.id),
    });

    app.patch('/api/v1/clients/:id', {
      config: { access: 'clients.write' },
      schema: {
        tags,
        summary: 'Change a client; send the version you read (409 stale_version if it changed). Deactivate with active=false.',
        params: idParam,
        body: s.clientPatchBody,
        response: { 200: s.clientSchema, ...errorResponses },
      },
      handler: async (request) => customers.update(contextOf(request), request.params.id, request.body),
    });

    app.get('/api/v1/clients/:id/contacts', {
      config: { access: 'clients.read' },
      schema: { tags, summary: "A client's contacts", params: idParam, response: { 200: z.object({ items: z.array(s.contactSchema) }), ...errorResponses } },
      handler: async (request) => ({ items: await customers.listContacts(contextOf(request), request.params.id) }),
    });

    app.post('/api/v1/clients/:id/contacts', {
      config: { access: 'clients.write' },
      schema: { tags, summary: 'Add a contact to a client', params: idParam, body: s.newContactBody, response: { 201: s.contactSchema, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await customers.createContact(contextOf(request), request.params.id, request.body)),
    });

    app.patch('/api/v1/contacts/:id', {
      config: { access: 'clients.write' },
      schema: { tags, summary: 'Change a contact (send its version)', params: idParam, body: s.contactPatchBody, response: { 200: s.contactSchema, ...errorResponses } },
      handler: async (request) => customers.updateContact(contextOf(request), request.params.id, request.body),
    });
  };
}
