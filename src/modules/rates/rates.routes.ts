import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, errorSchema, isoDateSchema, page, rangeInOrder } from '../../platform/http/schemas.ts';
import { contextOf } from '../identity/index.ts';
import type { RatesService } from './rates.service.ts';

const currency = z.string().regex(/^[A-Z]{3}$/, 'a currency code of three capital letters, e.g. EUR')
  .describe('An ISO 4217 code, e.g. EUR (a made-up one such as XYZ: 400 invalid_currency)');
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

const rateSchema = z.object({
  currency: z.string(),
  day: z.string().describe('YYYY-MM-DD, the day the rate is valid for'),
  amount: z.number().describe('how many units of the currency the rate is for (100 for HUF in the ČNB list)'),
  rate: z.string().describe('Czech crowns for `amount` units, exact decimal with a dot, e.g. "24.305"'),
  source: z.enum(['cnb', 'manual']),
  enteredBy: z.object({ id: z.number(), name: z.string().nullable() }).nullable(),
  enteredAt: z.string(),
});

const importReport = z.object({
  day: z.string().describe("the day of the file's rates (a weekend's file is the last working day's)"),
  added: z.array(z.string()),
  replaced: z.array(z.string()),
  unchanged: z.array(z.string()),
  keptManual: z.array(z.string()).describe('currencies whose hand-entered rate was kept; import again with replaceManual=true to take the ČNB rate'),
});

export function ratesRoutes(rates: RatesService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['exchange rates'];
    app.get('/api/v1/exchange-rates', {
      config: { access: 'rates.read' },
      schema: {
        tags,
        summary: 'The daily exchange-rate list (Czech crowns per amount of a currency), newest day first, then by currency; keyset paging with nextCursor',
        querystring: rangeInOrder(z.strictObject({
          currency: currency.optional(),
          from: isoDateSchema.optional(),
          to: isoDateSchema.optional(),
          cursor: z.string().max(500).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        })),
        response: { 200: page(rateSchema), ...errorResponses },
      },
      handler: async (request) => rates.list(contextOf(request), request.query),
    });
    app.put('/api/v1/exchange-rates/:currency/:day', {
      config: { access: 'rates.manage' },
      schema: {
        tags,
        summary: "Enter a currency's rate of a day by hand (adds it, or replaces the rate of that day, a ČNB one too; a later ČNB import keeps it unless asked to replace it)",
        params: z.strictObject({ currency, day: isoDateSchema }),
        body: z.strictObject({
          amount: z.number().int().default(1).describe('1, 10, 100, 1000 … units the rate is for'),
          rate: z.string().min(1).max(30).describe('Czech crowns for `amount` units, e.g. "24.305" (a decimal comma is taken too), at most 6 decimals'),
        }),
        response: { 200: rateSchema, ...errorResponses },
      },
      handler: async (request) => rates.putManual(contextOf(request), { ...request.params, ...request.body }),
    });
    app.post('/api/v1/exchange-rates/cnb-import', {
      config: { access: 'rates.manage' },
      schema: {
        tags,
        summary:
          'Import a ČNB daily rate file (denni_kurz.txt) sent as the text/plain body. All or nothing: a wrong line is a 400 naming the line (details[].path "line N"). Idempotent; a changed rate replaces a ČNB rate, never a hand-entered one unless replaceManual=true',
        querystring: z.strictObject({ replaceManual: flag.optional() }),
        body: z.string().max(200_000),
        response: { 200: importReport, ...errorResponses },
      },
      handler: async (request) => rates.importCnb(contextOf(request), request.body, { replaceManual: request.query.replaceManual }),
    });
    app.post('/api/v1/exchange-rates/cnb-fetch', {
      config: { access: 'rates.manage' },
      schema: {
        tags,
        summary: "Download the ČNB's daily rates of a day (default today) and import them as cnb-import does; 502 when the ČNB cannot be reached or answers with something else",
        body: z.strictObject({ day: isoDateSchema.optional(), replaceManual: z.boolean().optional() }).default({}),
        response: { 200: importReport.extend({ requestedDay: z.string() }), ...errorResponses, 502: errorSchema },
      },
      handler: async (request) => rates.fetchCnb(contextOf(request), request.body),
    });
    app.get('/api/v1/exchange-rates/suggestion', {
      config: { access: 'rates.read' },
      schema: {
        tags,
        summary:
          "The rate to suggest when issuing an invoice in a currency with the rate of a day: one unit in the supplier's currency from the list (the last published rate on a weekend, at most 7 days back); found is null when the list has none or the supplier's currency is not CZK",
        querystring: z.strictObject({ currency, day: isoDateSchema }),
        response: {
          200: z.object({
            currency: z.string(),
            day: z.string(),
            found: z.object({ rate: z.string(), rateDay: z.string(), source: z.enum(['cnb', 'manual']) }).nullable(),
            unknown: z.enum(['none', 'too_old', 'other_home_currency']).optional(),
            lastDay: z.string().nullable().optional(),
          }),
          ...errorResponses,
        },
      },
      handler: async (request) => rates.suggestion(contextOf(request), request.query.currency, request.query.day),
    });
  };
}
