import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, page } from '../../platform/http/schemas.ts';
import { contextOf, idParam } from '../identity/index.ts';
import type { DocumentsService } from './documents.service.ts';
import type { ItemsService } from './items.service.ts';
import type { SlipService } from './slip.ts';
import type { StockService } from './stock.service.ts';
import * as s from './warehouse.schemas.ts';
import type { WarehousesService } from './warehouses.service.ts';

export interface WarehouseRouteDeps {
  items: ItemsService;
  warehouses: WarehousesService;
  documents: DocumentsService;
  stock: StockService;
  slips: SlipService;
}

export function warehouseRoutes(deps: WarehouseRouteDeps) {
  const { items, warehouses, documents, stock, slips } = deps;
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['warehouse'];

    /* Items */
    app.get('/api/v1/items', {
      config: { access: 'warehouse.read' },
      schema: { tags, summary: 'Items by name; q searches code, name and EAN (case- and diacritics-insensitive); keyset paging', querystring: s.itemListQuery, response: { 200: page(s.itemSchema), ...errorResponses } },
      handler: async (request) => items.list(contextOf(request), request.query),
    });
    app.post('/api/v1/items', {
      config: { access: 'warehouse.manage' },
      schema: { tags, summary: 'Create an item (code unique). Its price per price list is set in the price list version (terms.itemPrices)', body: s.newItemBody, response: { 201: s.itemSchema, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await items.create(contextOf(request), request.body)),
    });
    app.get('/api/v1/items/:id', {
      config: { access: 'warehouse.read' },
      schema: { tags, summary: 'One item', params: idParam, response: { 200: s.itemSchema, ...errorResponses } },
      handler: async (request) => items.get(contextOf(request), request.params.id),
    });
    app.patch('/api/v1/items/:id', {
      config: { access: 'warehouse.manage' },
      schema: { tags, summary: 'Change an item (serial tracking only while it has no stock)', params: idParam, body: s.itemPatchBody, response: { 200: s.itemSchema, ...errorResponses } },
      handler: async (request) => items.update(contextOf(request), request.params.id, request.body),
    });
    app.get('/api/v1/items/:id/ledger', {
      config: { access: 'warehouse.read' },
      schema: {
        tags,
        summary: 'The item’s movements, oldest first, each with the running balance (and value, costs field scope) of its warehouse after it; optional warehouseId; keyset paging',
        params: idParam, querystring: s.ledgerQuery, response: { 200: page(s.movementSchema), ...errorResponses },
      },
      handler: async (request) => stock.ledger(contextOf(request), request.params.id, request.query),
    });

    /* Warehouses */
    app.get('/api/v1/warehouses', {
      config: { access: 'warehouse.read' },
      schema: {
        tags, summary: 'Every warehouse (stores, vans) with canUse (may the caller move stock in it) and isMyDefault',
        querystring: z.strictObject({ active: z.enum(['true', 'false', 'all']).default('all') }),
        response: { 200: z.object({ items: z.array(s.warehouseSchema) }), ...errorResponses },
      },
      handler: async (request) => ({ items: await warehouses.list(contextOf(request), request.query.active === 'all' ? undefined : request.query.active === 'true') }),
    });
    app.post('/api/v1/warehouses', {
      config: { access: 'warehouse.manage' },
      schema: { tags, summary: "Create a warehouse: kind 'store' or 'van' (with ownerUserId), userIds granted", body: s.newWarehouseBody, response: { 201: s.warehouseSchema, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await warehouses.create(contextOf(request), request.body)),
    });
    app.patch('/api/v1/warehouses/:id', {
      config: { access: 'warehouse.manage' },
      schema: { tags, summary: 'Change a warehouse; userIds replaces the granted users', params: idParam, body: s.warehousePatchBody, response: { 200: s.warehouseSchema, ...errorResponses } },
      handler: async (request) => warehouses.update(contextOf(request), request.params.id, request.body),
    });
    app.put('/api/v1/users/me/default-warehouse', {
      config: { access: 'warehouse.read' },
      schema: { tags, summary: 'Set one’s own default warehouse (one the caller may use)', body: s.defaultWarehouseBody, response: { 200: s.warehouseSchema, ...errorResponses } },
      handler: async (request) => warehouses.setMyDefault(contextOf(request), request.body.warehouseId),
    });

    /* Stock documents */
    app.get('/api/v1/stock-documents', {
      config: { access: 'warehouse.read' },
      schema: { tags, summary: 'Stock documents, newest first (without lines); filters kind, state, ticketId, warehouseId (source or target); keyset paging', querystring: s.documentListQuery, response: { 200: page(s.documentSchema), ...errorResponses } },
      handler: async (request) => documents.list(contextOf(request), request.query),
    });
    app.get('/api/v1/tickets/:id/stock-documents', {
      config: { access: 'warehouse.read' },
      schema: { tags, summary: 'The ticket’s issue slips and returns (the list filtered by ticket)', params: idParam, querystring: s.documentListQuery.omit({ ticketId: true }), response: { 200: page(s.documentSchema), ...errorResponses } },
      handler: async (request) => documents.list(contextOf(request), { ...request.query, ticketId: request.params.id }),
    });
    app.post('/api/v1/stock-documents', {
      config: { access: 'stock.issue' },
      schema: {
        tags,
        summary:
          'Create a stock document as a draft, or with confirm:true create and confirm it at once. Receipts, transfers and counts need stock.receive; issue slips and returns stock.issue and a warehouse the caller may use. Confirming an issue slip writes a priced material record on the ticket; issuing more than is in stock is refused (409 insufficient_stock: an English message plus the values item, unit, warehouse, available, requested for the UI to say in the user\'s language); returning more than the slip has left likewise (409 return_exceeds_issue with item, unit, slip, returnable, given)',
        body: s.documentBody, response: { 201: s.documentSchema, ...errorResponses },
      },
      handler: async (request, reply) => reply.status(201).send(await documents.create(contextOf(request), request.body)),
    });
    app.get('/api/v1/stock-documents/:id', {
      config: { access: 'warehouse.read' },
      schema: { tags, summary: 'One stock document with its lines (purchase prices and costs with the costs field scope)', params: idParam, response: { 200: s.documentSchema, ...errorResponses } },
      handler: async (request) => documents.get(contextOf(request), request.params.id),
    });
    app.patch('/api/v1/stock-documents/:id', {
      config: { access: 'stock.issue' },
      schema: { tags, summary: 'Change a draft (lines, when given, replace all lines); confirmed documents answer 409 document_confirmed', params: idParam, body: s.documentPatchBody, response: { 200: s.documentSchema, ...errorResponses } },
      handler: async (request) => documents.update(contextOf(request), request.params.id, request.body),
    });
    app.delete('/api/v1/stock-documents/:id', {
      config: { access: 'stock.issue' },
      schema: { tags, summary: 'Delete a draft; confirmed documents answer 409 document_confirmed', params: idParam, response: { 204: z.null(), ...errorResponses } },
      handler: async (request, reply) => {
        await documents.remove(contextOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });
    app.post('/api/v1/stock-documents/:id/confirm', {
      config: { access: 'stock.issue' },
      schema: { tags, summary: 'Confirm a draft: number, stock movements and (issue slips, returns) material records in one transaction; refusals as on create (409 insufficient_stock, return_exceeds_issue with their values)', params: idParam, response: { 200: s.documentSchema, ...errorResponses } },
      handler: async (request) => documents.confirm(contextOf(request), request.params.id),
    });
    app.get('/api/v1/stock-documents/:id/pdf', {
      config: { access: 'warehouse.read' },
      schema: { tags, summary: 'The printed issue slip or return slip (PDF). Cost columns only for roles with the costs field scope, sale prices only with the prices field scope', params: idParam },
      handler: async (request, reply) => {
        const { number, pdf } = await slips.pdf(contextOf(request), request.params.id);
        reply.header('content-type', 'application/pdf');
        reply.header('content-disposition', `inline; filename="${number}.pdf"`);
        return reply.send(pdf);
      },
    });

    /* Stock levels */
    app.get('/api/v1/stock-valuation', {
      config: { access: 'warehouse.read' },
      schema: { tags, summary: "The currency stock is valued in (the provider's): what the stock values, average costs and document costs are amounts of", response: { 200: s.stockValuationSchema, ...errorResponses } },
      handler: async (request) => stock.valuation(contextOf(request)),
    });
    app.get('/api/v1/stock-levels', {
      config: { access: 'warehouse.read' },
      schema: { tags, summary: 'Stock per warehouse and item from the maintained balances; belowMinimum=true lists what is under its minimum; q searches items; keyset paging', querystring: s.stockLevelQuery, response: { 200: page(s.stockLevelSchema), ...errorResponses } },
      handler: async (request) => stock.levels(contextOf(request), request.query),
    });
    app.get('/api/v1/stock-levels/count', {
      config: { access: 'warehouse.read' },
      schema: {
        tags,
        summary: `Count stock levels: the list's filters (the same parameters and 400s, without limit and cursor), counted by the database up to ${s.STOCK_LEVEL_COUNT_CAP}; belowMinimum=true counts what is under its minimum (the home page and the Warehouse menu item show it)`,
        querystring: s.stockLevelCountQuery,
        response: { 200: s.stockLevelCountSchema, ...errorResponses },
      },
      handler: async (request) => stock.count(contextOf(request), request.query),
    });
    app.put('/api/v1/stock-levels/:warehouseId/:itemId/minimum', {
      config: { access: 'warehouse.manage' },
      schema: { tags, summary: 'Set (or with null remove) the minimum level of an item in a warehouse: 0 to 1 000 000, whole units for an item counted in pieces or visits (400 not_whole_units on minimum, as on stock documents)', params: s.levelParams, body: s.minimumBody, response: { 200: s.stockLevelSchema, ...errorResponses } },
      handler: async (request) => stock.setMinimum(contextOf(request), request.params.warehouseId, request.params.itemId, request.body.minimum),
    });
  };
}
