import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, page } from '../../platform/http/schemas.ts';
import { contextOf, idParam } from '../identity/index.ts';
import type { RecordsBulk } from './records.bulk.ts';
import type { RecordsExport } from './records.export.ts';
import * as s from './records.schemas.ts';
import type { RecordsService } from './records.service.ts';
import type { Timers } from './records.timers.ts';
import type { Timesheets } from './records.timesheets.ts';
import type { RecordsWorkflow } from './records.workflow.ts';

export interface RecordsRouteDeps {
  records: RecordsService;
  workflow: RecordsWorkflow;
  bulk: RecordsBulk;
  timers: Timers;
  timesheets: Timesheets;
  exports: RecordsExport;
}

export function recordsRoutes(deps: RecordsRouteDeps) {
  const { records, workflow, bulk, timers, timesheets, exports } = deps;
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['records'];
    const items = z.object({ items: z.array(s.recordSchema) });

    app.get('/api/v1/tickets/:id/records', {
      config: { access: 'tickets.read' },
      schema: { tags, summary: "The ticket's service records (work, travel, unit fees), oldest first; amounts and costs per field scope", params: idParam, response: { 200: items, ...errorResponses } },
      handler: async (request) => ({ items: await records.listForTicket(contextOf(request), request.params.id) }),
    });

    app.post('/api/v1/tickets/:id/records', {
      config: { access: 'records.write' },
      schema: {
        tags,
        summary: 'Log a work entry, travel or unit fee on the ticket; priced at once (a record without a price is stored with the reason, never as 0)',
        params: idParam,
        body: s.newRecordBody,
        response: { 201: s.recordSchema, ...errorResponses },
      },
      handler: async (request, reply) => reply.status(201).send(await records.create(contextOf(request), request.params.id, request.body)),
    });

    app.get('/api/v1/tickets/:id/records/work-day', {
      config: { access: 'records.write' },
      schema: {
        tags,
        summary: "What a date is for the time class of work logged on the ticket (business day, outside the business hours, public holiday), under the list that would price it",
        params: idParam,
        querystring: s.workDayQuery,
        response: { 200: s.workDaySchema, ...errorResponses },
      },
      handler: async (request) => records.workDay(contextOf(request), request.params.id, request.query.date),
    });

    app.post('/api/v1/work-entries', {
      config: { access: 'records.write' },
      schema: {
        tags,
        summary: 'Log a work entry on a ticket named in the body (the same as POST /tickets/:id/records with kind work); priced at once',
        body: s.newWorkEntryBody,
        response: { 201: s.recordSchema, ...errorResponses },
      },
      handler: async (request, reply) => {
        const { ticketId, ...entry } = request.body;
        return reply.status(201).send(await records.create(contextOf(request), ticketId, entry));
      },
    });

    app.get('/api/v1/records', {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'List records by technician, client, ticket, dates, state (state=submitted: the approval queue), kind; keyset paging', querystring: s.recordListQuery, response: { 200: page(s.recordSchema), ...errorResponses } },
      handler: async (request) => records.list(contextOf(request), request.query),
    });

    app.get('/api/v1/records/count', {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: `Count records: the list's filters (the same parameters and 400s, without sort, limit and cursor) and scope, counted by the database up to ${s.RECORD_COUNT_CAP}; state=submitted counts the approval queue`,
        querystring: s.recordCountQuery,
        response: { 200: s.recordCountSchema, ...errorResponses },
      },
      handler: async (request) => records.count(contextOf(request), request.query),
    });

    app.get('/api/v1/records/export.csv', {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'The filtered records as CSV (UTF-8 with BOM; headers in the user’s language or ?lang=; ";" and decimal comma for cs/sk)', querystring: s.exportQuery },
      handler: async (request, reply) => {
        const { lang, ...filters } = request.query;
        const body = await exports.csv(contextOf(request), filters, lang);
        reply.header('content-type', 'text/csv; charset=utf-8');
        reply.header('content-disposition', 'attachment; filename="records.csv"');
        return reply.send(body);
      },
    });

    app.get('/api/v1/records/export.xlsx', {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'The filtered records as an Excel workbook', querystring: s.exportQuery },
      handler: async (request, reply) => {
        const { lang, ...filters } = request.query;
        const body = await exports.xlsx(contextOf(request), filters, lang);
        reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        reply.header('content-disposition', 'attachment; filename="records.xlsx"');
        return reply.send(body);
      },
    });

    app.get('/api/v1/records/:id', {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'One record', params: idParam, response: { 200: s.recordSchema, ...errorResponses } },
      handler: async (request) => records.get(contextOf(request), request.params.id),
    });

    app.patch('/api/v1/records/:id', {
      config: { access: 'records.write' },
      schema: {
        tags,
        summary: 'Change a record (re-priced); send its version. Approved records need records.edit_approved (403 record_approved); billed ones are locked (409 record_locked)',
        description: "Fields left out keep the record's values. A change of workTypeId without billable sets billable as the new work type's billableDefault says; billable sent wins.",
        params: idParam,
        body: s.recordPatchBody,
        response: { 200: s.recordSchema, ...errorResponses },
      },
      handler: async (request) => records.update(contextOf(request), request.params.id, request.body),
    });

    app.delete('/api/v1/records/:id', {
      config: { access: 'records.write' },
      schema: { tags, summary: 'Delete a record (same rules as changing it)', params: idParam, response: { 204: z.null(), ...errorResponses } },
      handler: async (request, reply) => {
        await records.remove(contextOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });

    app.post('/api/v1/records/:id/submit', {
      config: { access: 'records.write' },
      schema: { tags, summary: 'Submit a draft for approval (approved at once when the technician is set to auto-approve)', params: idParam, response: { 200: s.recordSchema, ...errorResponses } },
      handler: async (request) => {
        const ctx = contextOf(request);
        await workflow.submit(ctx, request.params.id);
        return records.get(ctx, request.params.id);
      },
    });

    app.post('/api/v1/records/:id/approve', {
      config: { access: 'records.approve' },
      schema: { tags, summary: 'Approve a submitted record', params: idParam, response: { 200: s.recordSchema, ...errorResponses } },
      handler: async (request) => {
        const ctx = contextOf(request);
        await workflow.approve(ctx, request.params.id);
        return records.get(ctx, request.params.id);
      },
    });

    app.post('/api/v1/records/:id/return', {
      config: { access: 'records.approve' },
      schema: {
        tags,
        summary: 'Return a submitted or approved record to its technician as a draft, with the reason (400 required on reason when it is missing or blank)',
        params: idParam,
        body: z.strictObject({
          reason: z.string().max(2000).optional().describe('Required: why the record goes back; the record shows it to its technician until it is changed or submitted again'),
        }).nullish(),
        response: { 200: s.recordSchema, ...errorResponses },
      },
      handler: async (request) => {
        const ctx = contextOf(request);
        await workflow.returnToDraft(ctx, request.params.id, request.body?.reason);
        return records.get(ctx, request.params.id);
      },
    });

    app.post('/api/v1/records/approve', {
      config: { access: 'records.approve' },
      schema: {
        tags,
        summary: 'Approve many submitted records, all or nothing (409 approval_refused lists each refused id with its reason)',
        body: s.idsBody,
        response: { 200: z.object({ approved: z.array(z.number()) }), ...errorResponses },
      },
      handler: async (request) => workflow.approveMany(contextOf(request), request.body.ids),
    });

    app.post('/api/v1/records/bulk', {
      config: { access: 'records.write' },
      schema: {
        tags,
        summary: 'Log many records at once (each like POST /tickets/:id/records plus ticketId), all or nothing: 400 bulk_rejected with a report of every row; ?dryRun=true only checks',
        querystring: z.strictObject({ dryRun: z.enum(['true', 'false']).default('false') }),
        body: z.array(z.record(z.string(), z.unknown())).min(1).max(2000),
        response: { 200: s.bulkReportSchema, 201: s.bulkReportSchema, ...errorResponses },
      },
      handler: async (request, reply) => {
        const dryRun = request.query.dryRun === 'true';
        const report = await bulk.bulk(contextOf(request), request.body, { dryRun });
        return reply.status(dryRun ? 200 : 201).send(report);
      },
    });

    app.post('/api/v1/timers', {
      config: { access: 'records.write' },
      schema: { tags, summary: 'Start your timer on a ticket (409 timer_running names the ticket it already runs on)', body: s.timerStartBody, response: { 201: s.timerSchema, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await timers.start(contextOf(request), request.body)),
    });

    app.get('/api/v1/timers/me', {
      config: { access: 'records.write' },
      schema: { tags, summary: 'Your running timer, or null', response: { 200: z.object({ timer: s.timerSchema.nullable() }), ...errorResponses } },
      handler: async (request) => ({ timer: await timers.mine(contextOf(request)) }),
    });

    app.patch('/api/v1/timers/me', {
      config: { access: 'records.write' },
      schema: {
        tags,
        summary: 'Set the work type (or description) of your running timer, kept until it is stopped (404 no_timer when none runs)',
        body: s.timerUpdateBody,
        response: { 200: s.timerSchema, ...errorResponses },
      },
      handler: async (request) => timers.update(contextOf(request), request.body),
    });

    app.post('/api/v1/timers/me/stop', {
      config: { access: 'records.write' },
      schema: { tags, summary: 'Stop your timer: a draft work entry dated and timed at its start with the elapsed minutes (rounded up); the fields sent correct them', body: s.timerStopBody, response: { 201: s.recordSchema, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await timers.stop(contextOf(request), request.body ?? {})),
    });

    app.delete('/api/v1/timers/me', {
      config: { access: 'records.write' },
      schema: { tags, summary: 'Discard your timer without recording anything', response: { 204: z.null(), ...errorResponses } },
      handler: async (request, reply) => {
        await timers.discard(contextOf(request));
        return reply.status(204).send(null);
      },
    });

    app.get('/api/v1/timesheets/week', {
      config: { access: 'records.write' },
      schema: { tags, summary: 'A technician’s week (yours by default): minutes by day and ticket, billable and not, travel km; money per field scope', querystring: s.weekQuery, response: { 200: s.timesheetSchema, ...errorResponses } },
      handler: async (request) => timesheets.week(contextOf(request), request.query),
    });

    app.get('/api/v1/timesheets/team-week', {
      config: { access: 'records.approve' },
      schema: { tags, summary: 'A team’s week: every member × day, and by ticket; minutes, travel km, money per field scope', querystring: s.teamWeekQuery, response: { 200: s.timesheetSchema, ...errorResponses } },
      // A busy team's week has thousands of ticket rows × 7 cells, built by the timesheet core in
      // exactly the documented shape (presented per field scope); checking them all again with zod
      // would cost more than building them (error bodies come from the one error handler, shaped too).
      serializerCompiler: () => (data) => JSON.stringify(data),
      handler: async (request) => timesheets.teamWeek(contextOf(request), request.query),
    });
  };
}
