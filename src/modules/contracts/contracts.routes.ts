import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../platform/http/schemas.ts';
import { contextOf, idParam } from '../identity/index.ts';
import * as s from './contracts.schemas.ts';
import type { ContractsService } from './contracts.service.ts';

const tags = ['contracts'];

export function contractsRoutes(service: ContractsService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get('/api/v1/contracts', {
      config: { access: 'contracts.read' },
      schema: { tags, summary: 'Contracts, by number; filter by client, active (default true), validity on a date, or text in number, name and client', querystring: s.contractListQuery, response: { 200: s.contractPageSchema, ...errorResponses } },
      handler: async (request) => service.list(contextOf(request), request.query),
    });

    app.post('/api/v1/contracts', {
      config: { access: 'contracts.manage' },
      schema: {
        tags,
        summary: 'Create a contract: client, unique number, currency, validity, period, optional price list (same currency), fee, scope, prepaid minutes, carry-over, multipliers (thousandths), overage pricing, own invoice, client alerts, SLA policy',
        body: s.newContractBody,
        response: { 201: s.contractSchema, ...errorResponses },
      },
      handler: async (request, reply) => reply.status(201).send(await service.create(contextOf(request), request.body)),
    });

    app.get('/api/v1/contracts/:id', {
      config: { access: 'contracts.read' },
      schema: { tags, summary: 'A contract with all its terms, and the drafts still computed with terms it has changed since', params: idParam, response: { 200: s.contractDetailSchema, ...errorResponses } },
      handler: async (request) => service.detail(contextOf(request), request.params.id),
    });

    app.patch('/api/v1/contracts/:id', {
      config: { access: 'contracts.manage' },
      schema: {
        tags,
        summary: 'Change a contract\'s terms, or deactivate it (active=false; contracts are never deleted). Send the version you read (409 stale_version).',
        params: idParam,
        body: s.contractPatchBody,
        response: { 200: s.contractSchema, ...errorResponses },
      },
      handler: async (request) => service.update(contextOf(request), request.params.id, request.body),
    });

    app.get('/api/v1/contracts/:id/ledger', {
      config: { access: 'contracts.read' },
      schema: { tags, summary: 'The prepaid ledger period by period as billing runs wrote it (final once the invoice is issued, else provisional)', params: idParam, response: { 200: s.ledgerSchema, ...errorResponses } },
      handler: async (request) => service.ledger(contextOf(request), request.params.id),
    });

    app.get('/api/v1/contracts/:id/consumption', {
      config: { access: 'contracts.read' },
      schema: {
        tags,
        summary: 'Use of the prepaid minutes in a period (default: the current one): allocated, carried, used, left, percent and the projection at the period end; counts submitted, approved and billed covered work',
        params: idParam,
        querystring: s.consumptionQuery,
        response: { 200: s.consumptionSchema, ...errorResponses },
      },
      handler: async (request) => service.consumption(contextOf(request), request.params.id, request.query.period),
    });

    app.patch('/api/v1/tickets/:id/contract', {
      config: { access: 'tickets.set_contract' },
      schema: {
        tags,
        summary: "Link a ticket to a contract of its client (or to none): its records that are not billed follow, and the SLA policy becomes the contract's (else the client's)",
        params: idParam,
        body: s.ticketContractBody,
        response: { 200: s.ticketContractSchema, ...errorResponses },
      },
      handler: async (request) => service.setTicketContract(contextOf(request), request.params.id, request.body.contractId),
    });
  };
}
