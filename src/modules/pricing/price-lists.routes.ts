import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../platform/http/schemas.ts';
import { contextOf, idParam } from '../identity/index.ts';
import { activeQuery, items, tags } from './common.schemas.ts';
import * as s from './price-lists.schemas.ts';
import type { PricingService } from './pricing.service.ts';

export function priceListsRoutes(service: PricingService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const lists = service.priceLists;

    app.get('/api/v1/price-lists', {
      config: { access: 'pricing.read' },
      schema: { tags, summary: 'Price lists with the dates of their versions', querystring: activeQuery, response: { 200: items(s.priceListSchema), ...errorResponses } },
      handler: async (request) => ({ items: await lists.list(contextOf(request), request.query.active) }),
    });

    app.post('/api/v1/price-lists', {
      config: { access: 'pricing.manage' },
      schema: { tags, summary: 'Create a price list (the first one, or isDefault=true, becomes the default)', body: s.newPriceListBody, response: { 201: s.priceListSchema, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await lists.create(contextOf(request), request.body)),
    });

    app.get('/api/v1/price-lists/:id', {
      config: { access: 'pricing.read' },
      schema: { tags, summary: 'A price list with all its versions and their terms', params: idParam, response: { 200: s.priceListDetailSchema, ...errorResponses } },
      handler: async (request) => lists.get(contextOf(request), request.params.id),
    });

    app.patch('/api/v1/price-lists/:id', {
      config: { access: 'pricing.manage' },
      schema: {
        tags,
        summary: 'Change a price list; send the version you read (409 stale_version). The default cannot be unset or deactivated (409 default_required).',
        params: idParam,
        body: s.priceListPatchBody,
        response: { 200: s.priceListSchema, ...errorResponses },
      },
      handler: async (request) => lists.update(contextOf(request), request.params.id, request.body),
    });

    app.post('/api/v1/price-lists/:id/versions', {
      config: { access: 'pricing.manage' },
      schema: { tags, summary: 'Add a version valid from a date, with its terms (rates, hours, surcharges, rounding, minimums, travel, fees, items); every catalogue reference and warehouse item must exist (400 unknown_reference naming its path)', params: idParam, body: s.newVersionBody, response: { 201: s.versionSchema, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await lists.createVersion(contextOf(request), request.params.id, request.body)),
    });

    app.patch('/api/v1/price-list-versions/:id', {
      config: { access: 'pricing.manage' },
      schema: { tags, summary: "Change a version's terms or date; send the list's version as listVersion (409 stale_version, version_in_use)", params: idParam, body: s.versionPatchBody, response: { 200: s.versionSchema, ...errorResponses } },
      handler: async (request) => lists.updateVersion(contextOf(request), request.params.id, request.body),
    });

    app.delete('/api/v1/price-list-versions/:id', {
      config: { access: 'pricing.manage' },
      schema: { tags, summary: 'Delete a version no record was priced with (409 version_in_use)', params: idParam, response: { 204: z.null(), ...errorResponses } },
      handler: async (request, reply) => {
        await lists.deleteVersion(contextOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });

    app.post('/api/v1/price-list-versions/:id/copy', {
      config: { access: 'pricing.manage' },
      schema: { tags, summary: 'Copy a version to a new validity date (new prices from a date: copy, then change the copy)', params: idParam, body: s.copyVersionBody, response: { 201: s.versionSchema, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await lists.copyVersion(contextOf(request), request.params.id, request.body.validFrom)),
    });

    app.get('/api/v1/clients/:id/price-list', {
      config: { access: 'pricing.read' },
      schema: { tags, summary: "A client's price list and the one its records are priced with", params: idParam, response: { 200: s.clientPriceListSchema, ...errorResponses } },
      handler: async (request) => lists.getClientPriceList(contextOf(request), request.params.id),
    });

    app.put('/api/v1/clients/:id/price-list', {
      config: { access: 'pricing.manage' },
      schema: { tags, summary: "Set a client's price list (null: the default applies)", params: idParam, body: s.clientPriceListBody, response: { 200: s.clientPriceListSchema, ...errorResponses } },
      handler: async (request) => lists.setClientPriceList(contextOf(request), request.params.id, request.body.priceListId),
    });

    app.post('/api/v1/price-preview', {
      config: { access: 'pricing.read' },
      schema: {
        tags,
        summary: 'Price a record without saving it: which list and version, rate, time class, surcharge, rounding, minimum, amount and (for roles that see costs) cost',
        body: s.previewBody,
        response: { 200: s.pricedRecordSchema, ...errorResponses },
      },
      handler: async (request) => service.preview(contextOf(request), request.body),
    });
  };
}
