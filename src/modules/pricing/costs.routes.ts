import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../platform/http/schemas.ts';
import { contextOf, idParam } from '../identity/index.ts';
import { items, tags } from './common.schemas.ts';
import * as s from './costs.schemas.ts';
import type { CostsService } from './costs.service.ts';

export function costsRoutes(service: CostsService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get('/api/v1/technician-settings', {
      config: { access: 'pricing.read' },
      schema: { tags, summary: "Every active staff user's technician level and auto-approval", response: { 200: items(s.technicianSettingsSchema), ...errorResponses } },
      handler: async (request) => ({ items: await service.listTechnicianSettings(contextOf(request)) }),
    });

    app.put('/api/v1/users/:id/technician-settings', {
      config: { access: 'pricing.manage' },
      schema: { tags, summary: "Set a staff user's technician level (null: none) and whether their records are approved on submit", params: idParam, body: s.technicianSettingsBody, response: { 200: s.technicianSettingsSchema, ...errorResponses } },
      handler: async (request) => service.setTechnicianSettings(contextOf(request), request.params.id, request.body),
    });

    app.get('/api/v1/cost-rates', {
      config: { access: 'pricing.read' },
      schema: { tags, summary: 'Internal cost rates: hourly per technician, per km (roles that see costs only)', querystring: s.costRateQuery, response: { 200: items(s.costRateSchema), ...errorResponses } },
      handler: async (request) => ({ items: await service.listCostRates(contextOf(request), request.query) }),
    });

    app.post('/api/v1/cost-rates', {
      config: { access: 'pricing.manage' },
      schema: { tags, summary: 'Add an internal cost rate valid from a date (a change of cost is a new rate)', body: s.newCostRateBody, response: { 201: s.costRateSchema, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await service.createCostRate(contextOf(request), request.body)),
    });

    app.delete('/api/v1/cost-rates/:id', {
      config: { access: 'pricing.manage' },
      schema: { tags, summary: 'Delete a cost rate entered by mistake', params: idParam, response: { 204: z.null(), ...errorResponses } },
      handler: async (request, reply) => {
        await service.deleteCostRate(contextOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });

    app.get('/api/v1/pricing-settings', {
      config: { access: 'pricing.read' },
      schema: { tags, summary: "Pricing settings: the provider's country (its public holidays are the weekend_holiday time class)", response: { 200: s.pricingSettingsSchema, ...errorResponses } },
      handler: async (request) => service.settings(contextOf(request)),
    });

    app.put('/api/v1/pricing-settings', {
      config: { access: 'pricing.manage' },
      schema: { tags, summary: 'Change the pricing settings', body: s.pricingSettingsSchema, response: { 200: s.pricingSettingsSchema, ...errorResponses } },
      handler: async (request) => service.setSettings(contextOf(request), request.body),
    });
  };
}
