import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, monthSchema } from '../../platform/http/schemas.ts';
import { LANGUAGES } from '../../shared/language.ts';
import { contextOf, idParam } from '../identity/index.ts';
import type { Drafts } from './billing.drafts.ts';
import { BUYER_ADDRESS_FIELDS } from './domain/buyer.ts';
import { draftBlockSchema, issueWarningSchema } from './billing.invoices.schemas.ts';
import type { BillingRuns } from './billing.run.ts';
import type { WorkReports } from './billing.work-report.ts';

export interface BillingRunRouteDeps {
  runs: BillingRuns;
  drafts: Drafts;
  workReports: WorkReports;
}

const period = monthSchema.describe("The month billed, 'YYYY-MM' (e.g. 2026-10)");
const version = z.number().int().positive().describe("The draft's version as last read; a stale one answers 409");
const text = (max: number) => z.string().trim().min(1).max(max);

const runView = z.object({
  id: z.number(),
  period: z.string(),
  state: z.enum(['running', 'completed', 'failed']),
  startedBy: z.number().nullable(),
  startedAt: z.string(),
  heartbeatAt: z.string(),
  finishedAt: z.string().nullable(),
  progress: z.object({ done: z.number(), total: z.number() }),
  error: z.string().nullable(),
  result: z
    .looseObject({
      drafts: z.array(z.looseObject({
        invoiceId: z.number(), clientId: z.number(), clientName: z.string(), contractId: z.number().nullable(), currency: z.string(),
        netMinor: z.number().describe("The document's net now (edits after the run included); the run-time amount when the draft was replaced"),
        vatMinor: z.number(), totalMinor: z.number().describe("The document's total now"),
        blocked: z.array(z.string()).describe('Why the draft cannot be issued now (empty once issued)'),
        state: z.enum(['draft', 'issued', 'sent', 'paid', 'credited', 'overdue', 'replaced']).optional().describe("The document's status now; 'replaced': a later run of the period deleted this draft"),
        number: z.string().nullable().optional().describe('Its number once issued'),
        buyerMissing: z.array(z.enum(BUYER_ADDRESS_FIELDS)).optional()
          .describe("Drafts, as the client is now: the parts of the client's address a tax document needs and the client lacks; issuing answers 409 buyer_address_missing until they are filled in on the client. Empty when complete; absent once issued or replaced"),
        waiting: z.object({
          count: z.number().describe("The client's records dated up to the period's end that are not approved yet (draft or submitted); issuing now leaves them to a later invoice"),
          amountMinor: z.number().describe("Their amounts in the draft's currency, summed (a material return is negative)"),
        }).optional().describe('Drafts, read now: what of the client still waits for approval; absent once issued or replaced'),
        issueWarnings: z.array(issueWarningSchema).optional()
          .describe("Drafts, read now: what issuing today would not be refused for but should be looked at first (another currency than the client's, a late tax document, records approved after the run); absent once issued or replaced"),
        blocks: z.array(draftBlockSchema).optional()
          .describe('Drafts, read now: why the draft cannot be issued, as codes, and whether each reason still holds (a previous prepaid period issued since: holds false, run the period again); absent once issued or replaced'),
      })),
      blocked: z.array(z.looseObject({
        clientId: z.number(), clientName: z.string(), contractId: z.number().nullable(),
        contractNumber: z.string().nullable().optional().describe('The contract the reason is about (absent in runs made before it was recorded)'),
        period: z.string().nullable().optional().describe("Prepaid reasons: the contract period they are about ('2026-11'); null for a record's own"),
        code: z.string().optional().describe('missing_rate, missing_vat_rate, previous_prepaid_not_final, prepaid_period_open, prepaid_period_closed'),
        reason: z.string().describe("The code's text in English"), detail: z.string().describe('The reason in English with its contract, period and records'),
        recordIds: z.array(z.number()).optional(),
      })),
      waiting: z.array(z.looseObject({
        recordId: z.number(), ticketId: z.number(), ticketNumber: z.string(), technicianName: z.string(), date: z.string(), state: z.string(),
        clientId: z.number().optional(), clientName: z.string().optional(),
        kind: z.enum(['work', 'travel', 'fee', 'material', 'return']).optional().describe("What the record is; 'return': material coming back (a return slip's negative record). Absent in runs made before it was recorded"),
        amountMinor: z.number().nullable().optional().describe('Its amount as priced (negative for a return); null when it could not be priced'),
        currency: z.string().nullable().optional(),
        description: z.string().optional(),
      })),
      late: z.array(z.looseObject({ recordId: z.number() })),
    })
    .nullable()
    .describe('When completed: the drafts written, blocked clients with the reason, waiting (unapproved) records (waitingCount: all of them), late records, records excluded by hand, prepaid ledger rows'),
  replacedBy: z.object({ id: z.number(), startedAt: z.string() }).nullable().optional()
    .describe("GET /billing-runs/{id} and the start's answer: the later run of the same period that replaced this run's unissued drafts (the first one completed after it; its drafts then say 'replaced'); null while none has. Absent from the list"),
});
const workReport = z.looseObject({
  invoiceId: z.string(),
  invoiceNumber: z.string().nullable(),
  period: z.string(),
  currency: z.string(),
  language: z.enum(LANGUAGES),
  entries: z.array(z.looseObject({
    recordId: z.string(), date: z.string(), kind: z.string(), minutes: z.number(), billableMinutes: z.number(), coveredMinutes: z.number(),
    quantityMilli: z.number().nullable().describe('km for travel, the quantity of a unit fee or material in thousandths; null for work'),
    unit: z.string().nullable().optional().describe("The quantity's unit as the document's lines print it, in the document's language ('km', 'ks', 'výjezd'); null for work"),
    outcome: z.enum(['covered', 'partly_covered', 'billed']), amountMinor: z.number(), late: z.boolean(),
    lineId: z.string().nullable().describe("The draft's or invoice's line the record's amount went into (invoice lines' id); for overage over several lines (two tiered bands) the first of them, overage.parts naming each; null when nothing was billed (covered)"),
    explanation: z.array(z.string()).describe("Why the record's own price is what it is, line by line, in the requesting user's language (cs, sk, en), as on the ticket's records: list and version, rate, time class and surcharge, rounding, minimum, amount; cost lines only for roles that see costs. What the contract covered is in outcome and coveredMinutes; what it billed as overage is in overage"),
    overage: z.object({
      parts: z.array(z.object({
        lineId: z.string().describe("The draft's or invoice's line this part is on (invoice lines' id, as the entry's lineId): a record spanning two tiered bands has a part on each band's line, and the part's minutes and amount are what it adds to that line"),
        method: z.enum(['entry_rate', 'flat_rate', 'tiered']).describe("The contract's overage pricing: entry_rate (the record's own rate and surcharge from its price list), flat_rate or tiered (the contract's rate)"),
        band: z.number().nullable().describe('The tiered band, 1-based as the invoice line names it; null otherwise'),
        minutes: z.number().describe('Overage minutes of the record on this line'),
        rateMinor: z.number().describe('Hourly rate in minor units: the contract\'s overage rate, or the record\'s own rate for entry_rate'),
        surchargePct: z.number().describe("The record's time-class surcharge in percent (entry_rate only; 0 for flat_rate and tiered)"),
        amountMinor: z.number().describe("What the record bears of the line, in minor units; the parts add up to the row's amountMinor"),
        roundingMinor: z.number().describe("The line's rounding remainder that fell on this record (amountMinor less minutes × rate); mostly 0"),
      })).describe("Minutes × rate per overage line; one part, or one per line when the record spans two tiered bands, in the lines' order; empty when the draft's lines were changed after the run and no longer tell the split"),
    }).nullable().describe("How the amount was billed outside the contract's prepaid allowance at the contract's overage pricing (BILLING.md §3); null for records not billed as overage"),
  })),
  ledger: z.looseObject({ period: z.string(), openingCarried: z.number(), allocated: z.number(), consumed: z.number(), carriedOut: z.number(), lapsed: z.number() }).nullable(),
  totals: z.object({ minutes: z.number(), billableMinutes: z.number(), coveredMinutes: z.number(), amountMinor: z.number() }),
});
const adjusted = z.object({ invoiceId: z.number(), version: z.number(), netMinor: z.number(), vatMinor: z.number(), totalMinor: z.number() });
const lineParams = z.object({ id: z.coerce.number().int().positive(), lineId: z.coerce.number().int().positive() });

/** Billing runs, draft adjustments and work reports. */
export function billingRunRoutes(deps: BillingRunRouteDeps) {
  const { runs, drafts, workReports } = deps;
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['billing'];

    app.post('/api/v1/billing-runs', {
      config: { access: 'billing.run' },
      schema: {
        tags,
        summary: "Start the billing run of a month in the background: one draft per client and currency from every approved unbilled record up to the month's end and every contract; replaces the month's unissued drafts. 202 with the run; 409 while another run of the month is running",
        body: z.strictObject({ period }),
        response: { 202: runView, ...errorResponses },
      },
      handler: async (request, reply) => reply.status(202).send(await runs.start(contextOf(request), request.body.period)),
    });

    app.get('/api/v1/billing-runs', {
      config: { access: 'billing.run' },
      schema: { tags, summary: 'Recent billing runs, newest first (without their results)', querystring: z.strictObject({ period: period.optional() }), response: { 200: z.object({ items: z.array(runView) }), ...errorResponses } },
      handler: async (request) => runs.list(contextOf(request), request.query.period),
    });

    app.get('/api/v1/billing-runs/earlier-drafts', {
      config: { access: 'billing.run' },
      schema: {
        tags,
        summary: "Drafts of months before the given one that are still not issued, oldest first (at most 100; total counts all): a run of the month leaves their records and contract fees to them, so they wait until issued or their month is run again",
        querystring: z.strictObject({ period: period.describe("The month run or about to be run, 'YYYY-MM': drafts of earlier months are listed") }),
        response: {
          200: z.object({
            items: z.array(z.object({
              invoiceId: z.number(), clientId: z.number(), clientName: z.string(), period: z.string(), currency: z.string(),
              netMinor: z.number(), totalMinor: z.number(), createdAt: z.string().describe('When its run made it'),
            })),
            total: z.number(),
          }),
          ...errorResponses,
        },
      },
      handler: async (request) => runs.earlierDrafts(contextOf(request), request.query.period),
    });

    app.get('/api/v1/billing-runs/:id', {
      config: { access: 'billing.run' },
      schema: { tags, summary: 'A billing run: state, progress (clients done of total) and, when completed, its result', params: idParam, response: { 200: runView, ...errorResponses } },
      handler: async (request) => runs.get(contextOf(request), request.params.id),
    });

    app.post('/api/v1/invoices/:id/lines', {
      config: { access: 'billing.run' },
      schema: {
        tags,
        summary: 'Add a manual line to a draft (quantity up to 3 decimals, net unit price in minor units, VAT rate in basis points: required); totals recomputed',
        params: idParam,
        body: z.strictObject({
          version, description: text(500), quantity: z.union([z.number(), z.string().max(30)]), unit: text(20),
          unitPriceMinor: z.number().int().min(-1e12).max(1e12), vatRateBp: z.number().int().min(0).max(10_000),
        }),
        response: { 201: adjusted.extend({ lineId: z.number().optional() }), ...errorResponses },
      },
      handler: async (request, reply) => reply.status(201).send(await drafts.addManualLine(contextOf(request), request.params.id, request.body)),
    });

    app.patch('/api/v1/invoices/:id/lines/:lineId', {
      config: { access: 'billing.run' },
      schema: { tags, summary: "Change the text of a draft's line", params: lineParams, body: z.strictObject({ version, description: text(500) }), response: { 200: adjusted, ...errorResponses } },
      handler: async (request) => drafts.changeLineText(contextOf(request), request.params.id, request.params.lineId, request.body),
    });

    app.delete('/api/v1/invoices/:id/lines/:lineId', {
      config: { access: 'billing.run' },
      schema: {
        tags, summary: 'Delete a manual line of a draft (lines made by the run stay; take records out with exclude-record)', params: lineParams,
        querystring: z.strictObject({ version: z.coerce.number().int().positive() }), response: { 200: adjusted, ...errorResponses },
      },
      handler: async (request) => drafts.deleteLine(contextOf(request), request.params.id, request.params.lineId, request.query.version),
    });

    app.post('/api/v1/invoices/:id/exclude-record', {
      config: { access: 'billing.run' },
      schema: {
        tags,
        summary: "Take a record out of a draft: it goes back to unbilled with the note, runs of this month leave it out and list it (a later month's run bills it as late); totals recomputed. " +
          "A record billed as a prepaid contract's overage leaves every overage line it bears by exactly its part of each (a record across two tiered bands leaves both); " +
          'a draft that used prepaid minutes is then blocked until the period is run again. 409 overage_split_unknown when the lines no longer tell its parts (run the period again first)',
        params: idParam,
        body: z.strictObject({ version, recordId: z.number().int().positive(), note: text(1000) }),
        response: { 200: adjusted, ...errorResponses },
      },
      handler: async (request) => drafts.excludeRecord(contextOf(request), request.params.id, request.body),
    });

    app.get('/api/v1/invoices/:id/work-report', {
      config: { access: 'invoices.read' },
      schema: { tags, summary: "The work report of a draft or invoice: every record with minutes, billable and covered minutes, outcome, amount, its invoice line and its price explanation in the reader's language; the prepaid ledger. Only roles that see prices (admin, manager, accountant). A credit note has none: 409 credit_note_has_no_work_report (correctsInvoiceId names the invoice whose report it is)", params: idParam, response: { 200: workReport, ...errorResponses } },
      handler: async (request) => {
        const report = await workReports.read(contextOf(request), request.params.id);
        return { ...report, entries: report.entries.map((e) => ({ ...e, explanation: [...e.explanation], overage: e.overage ? { parts: e.overage.parts.map((p) => ({ ...p })) } : null })), ledger: report.ledger ? { ...report.ledger } : null };
      },
    });

    app.get('/api/v1/invoices/:id/work-report.csv', {
      config: { access: 'invoices.read' },
      schema: { tags, summary: "The work report as CSV in the invoice's language (UTF-8 with BOM; ';' and decimal comma for Czech and Slovak); 409 credit_note_has_no_work_report for a credit note", params: idParam },
      handler: async (request, reply) => {
        const file = await workReports.csv(contextOf(request), request.params.id);
        reply.header('content-type', 'text/csv; charset=utf-8');
        reply.header('content-disposition', `attachment; filename="${file.filename}"`);
        return reply.send(file.body);
      },
    });

    app.get('/api/v1/invoices/:id/work-report.pdf', {
      config: { access: 'invoices.read' },
      schema: { tags, summary: 'The work report as PDF; 409 credit_note_has_no_work_report for a credit note', params: idParam },
      handler: async (request, reply) => {
        const file = await workReports.pdf(contextOf(request), request.params.id);
        reply.header('content-type', 'application/pdf');
        reply.header('content-disposition', `attachment; filename="${file.filename}"`);
        return reply.send(file.body);
      },
    });
  };
}
