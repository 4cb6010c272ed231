import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, periodSchema } from '../../platform/http/schemas.ts';
import { LANGUAGES } from '../../shared/language.ts';
import { contextOf, idParam } from '../identity/index.ts';
import { GROUP_BY } from './billing.profitability.aggregate.ts';
import type { ProfitabilityExport } from './billing.profitability.export.ts';
import type { ProfitabilityService } from './billing.profitability.service.ts';

const period = periodSchema.describe("A period: '2026-10' (month), '2026-Q4' or '2026'; from and to of the same kind");
const positiveId = z.coerce.number().int().positive();
const includeDrafts = z
  .enum(['true', 'false'])
  .default('false')
  .describe('true: count the visible drafts of billing runs too, as a preview; by default only issued invoices count');

const rangeQuery = { from: period, to: period, includeDrafts };
const reportQuery = z.strictObject({
  ...rangeQuery,
  groupBy: z.enum(GROUP_BY).default('contract'),
  clientId: positiveId.optional(),
  contractId: positiveId.optional(),
});
const exportQuery = reportQuery.extend({ lang: z.enum(LANGUAGES).optional() });

const figures = {
  revenueMinor: z.number().describe('Net revenue of issued invoices (fees, overage and everything billed for records) less credit notes'),
  labourCostMinor: z.number(),
  travelCostMinor: z.number(),
  materialCostMinor: z.number().describe('Material and any other cost of records (unit fees)'),
  costMinor: z.number().describe('Labour + travel + material cost of the records the invoices took, covered ones included'),
  marginMinor: z.number(),
  marginPct: z.number().nullable().describe('Margin in basis points of revenue (5652 = 56.52 %); null without revenue'),
  marginPctTenths: z.number().nullable().describe('Margin in tenths of a percent rounded once from the exact ratio (565 = 56.5 %), for display'),
  missingRates: z
    .array(z.object({
      currency: z.string().describe('The currency the cost arose in'),
      toCurrency: z.string().describe("The invoice's currency it should have been converted into"),
      date: z.string().describe("The day whose exchange rate is missing (the records' date)"),
      costMinor: z.number().describe('The costs of that day in their own currency'),
    }))
    .describe('Costs left out of the cost figures because Kontor knows no exchange rate of their day; cost and margin are incomplete while this is not empty'),
};
const row = z.object({
  key: z.string().describe("The contract, client, technician or work type id; 'none', or for work types 'travel', 'unit_fee', 'material', 'contract_fee', 'other'"),
  label: z.string(),
  currency: z.string(),
  ...figures,
  prepaidUtilisationBp: z.number().nullable().describe('consumed / (opening carried + allocated) of the prepaid ledger, basis points; null without prepaid minutes. The provisional ledger rows of drafts count only with includeDrafts'),
});
const report = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(GROUP_BY),
  includeDrafts: z.boolean(),
  periods: z.array(z.string()),
  rows: z.array(row),
  series: z.array(z.object({ period: z.string(), currency: z.string(), ...figures })).describe('Totals per period and currency, for a chart'),
  totals: z.array(z.object({ currency: z.string(), ...figures, prepaidUtilisationBp: z.number().nullable() })),
});
const contractReport = report.extend({
  contract: z.object({ id: z.number(), number: z.string(), name: z.string(), clientId: z.number(), currency: z.string() }),
});

type ReportQuery = z.infer<typeof reportQuery>;
const serviceQuery = (q: ReportQuery) => ({ ...q, includeDrafts: q.includeDrafts === 'true' });

export function profitabilityRoutes(deps: { profitability: ProfitabilityService; exports: ProfitabilityExport }) {
  const { profitability, exports } = deps;
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['profitability'];
    const access = 'profitability.read' as const;
    const why = 'Needs profitability.read and the margins field scope (403 field_scope without it).';

    app.get('/api/v1/profitability', {
      config: { access },
      schema: {
        tags,
        summary: 'Profitability by contract, client, technician or work type over a range of periods: revenue, cost, margin, prepaid utilisation; with a series per period',
        description: `Revenue counts issued invoices in the period they bill (credit notes subtract there); cost is that of the records they took. ${why}`,
        querystring: reportQuery,
        response: { 200: report, ...errorResponses },
      },
      handler: async (request) => profitability.report(contextOf(request), serviceQuery(request.query)),
    });

    app.get('/api/v1/profitability.csv', {
      config: { access },
      schema: { tags, summary: 'The same rows and totals as CSV (UTF-8 with BOM; ";" and decimal comma for cs/sk)', description: why, querystring: exportQuery },
      handler: async (request, reply) => {
        const { lang, ...q } = request.query;
        const body = await exports.csv(contextOf(request), serviceQuery(q), lang);
        reply.header('content-type', 'text/csv; charset=utf-8');
        reply.header('content-disposition', `attachment; filename="profitability-${q.from}-${q.to}.csv"`);
        return reply.send(body);
      },
    });

    app.get('/api/v1/profitability.xlsx', {
      config: { access },
      schema: { tags, summary: 'The same rows and totals as an Excel workbook', description: why, querystring: exportQuery },
      handler: async (request, reply) => {
        const { lang, ...q } = request.query;
        const body = await exports.xlsx(contextOf(request), serviceQuery(q), lang);
        reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        reply.header('content-disposition', `attachment; filename="profitability-${q.from}-${q.to}.xlsx"`);
        return reply.send(body);
      },
    });

    app.get('/api/v1/contracts/:id/profitability', {
      config: { access },
      schema: {
        tags: [...tags, 'contracts'],
        summary: "One contract's profitability over a range of periods, period by period",
        description: why,
        params: idParam,
        querystring: z.strictObject(rangeQuery),
        response: { 200: contractReport, ...errorResponses },
      },
      handler: async (request) => {
        const q = request.query;
        return profitability.forContract(contextOf(request), request.params.id, { from: q.from, to: q.to, includeDrafts: q.includeDrafts === 'true' });
      },
    });
  };
}
