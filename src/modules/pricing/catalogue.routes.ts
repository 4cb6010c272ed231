import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../platform/http/schemas.ts';
import { contextOf, idParam } from '../identity/index.ts';
import * as s from './catalogue.schemas.ts';
import type { CatalogueService } from './catalogue.service.ts';
import { activeQuery, items, tags } from './common.schemas.ts';

/**
 * The catalogue. Lists of names and codes (no prices) are open to whoever
 * records work or reads prices: access 'authenticated', the service decides.
 */
export function catalogueRoutes(service: CatalogueService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get('/api/v1/vat-rates', {
      config: { access: 'pricing.read' },
      schema: { tags, summary: 'VAT rates per country and category with their validity (rateBp: 2100 = 21 %)', querystring: s.vatRateQuery, response: { 200: items(s.vatRateSchema), ...errorResponses } },
      handler: async (request) => ({ items: await service.listVatRates(contextOf(request), request.query.country) }),
    });

    app.post('/api/v1/vat-rates', {
      config: { access: 'pricing.manage' },
      schema: { tags, summary: 'Add a VAT rate valid from a date (a change of rate is a new row; history is never edited): 409 duplicate when its country and category have a rate from that date, 409 before_latest_rate when the date is before their latest rate', body: s.newVatRateBody, response: { 201: s.vatRateSchema, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await service.createVatRate(contextOf(request), request.body)),
    });

    app.get('/api/v1/work-types', {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Work types (staff who record work or read prices)', querystring: activeQuery, response: { 200: items(s.workTypeSchema), ...errorResponses } },
      handler: async (request) => ({ items: await service.listWorkTypes(contextOf(request), request.query.active) }),
    });

    app.post('/api/v1/work-types', {
      config: { access: 'pricing.manage' },
      schema: { tags, summary: 'Create a work type', body: s.newWorkTypeBody, response: { 201: s.workTypeSchema, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await service.createWorkType(contextOf(request), request.body)),
    });

    app.patch('/api/v1/work-types/:id', {
      config: { access: 'pricing.manage' },
      schema: { tags, summary: 'Change a work type (deactivate with active=false)', params: idParam, body: s.workTypePatchBody, response: { 200: s.workTypeSchema, ...errorResponses } },
      handler: async (request) => service.updateWorkType(contextOf(request), request.params.id, request.body),
    });

    for (const [path, area, what] of [
      ['technician-levels', service.levels, 'technician level'],
      ['travel-zones', service.zones, 'travel zone'],
    ] as const) {
      app.get(`/api/v1/${path}`, {
        config: { access: 'authenticated' },
        schema: { tags, summary: `List ${what}s (staff who record work or read prices)`, querystring: activeQuery, response: { 200: items(s.codedSchema), ...errorResponses } },
        handler: async (request) => ({ items: await area.list(contextOf(request), request.query.active) }),
      });

      app.post(`/api/v1/${path}`, {
        config: { access: 'pricing.manage' },
        schema: { tags, summary: `Create a ${what}`, body: s.newCodedBody, response: { 201: s.codedSchema, ...errorResponses } },
        handler: async (request, reply) => reply.status(201).send(await area.create(contextOf(request), request.body)),
      });

      app.patch(`/api/v1/${path}/:id`, {
        config: { access: 'pricing.manage' },
        schema: { tags, summary: `Change a ${what}`, params: idParam, body: s.codedPatchBody, response: { 200: s.codedSchema, ...errorResponses } },
        handler: async (request) => area.update(contextOf(request), request.params.id, request.body),
      });
    }

    app.get('/api/v1/unit-fees', {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Unit fees, e.g. a call-out fee (staff who record work or read prices)', querystring: activeQuery, response: { 200: items(s.unitFeeSchema), ...errorResponses } },
      handler: async (request) => ({ items: await service.listUnitFees(contextOf(request), request.query.active) }),
    });

    app.post('/api/v1/unit-fees', {
      config: { access: 'pricing.manage' },
      schema: { tags, summary: 'Create a unit fee', body: s.newUnitFeeBody, response: { 201: s.unitFeeSchema, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await service.createUnitFee(contextOf(request), request.body)),
    });

    app.patch('/api/v1/unit-fees/:id', {
      config: { access: 'pricing.manage' },
      schema: { tags, summary: 'Change a unit fee', params: idParam, body: s.unitFeePatchBody, response: { 200: s.unitFeeSchema, ...errorResponses } },
      handler: async (request) => service.updateUnitFee(contextOf(request), request.params.id, request.body),
    });
  };
}
