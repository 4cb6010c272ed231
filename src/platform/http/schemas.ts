import { z } from 'zod';
import { isoDateProblem } from '../../shared/calendar/index.ts';
import { INVALID_DATE, INVALID_PERIOD, INVALID_RANGE, rangeOrderProblem } from '../../shared/date-details.ts';
import { CURRENCIES, currencyProblem, UNSUPPORTED_CURRENCY } from '../../shared/currencies.ts';
import { periodProblem } from '../../shared/period.ts';

/** One problem of a request, at its field (see errors.ts): in error bodies and wherever a report lists refusals. */
export const errorDetailSchema = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
  minimum: z
    .number()
    .optional()
    .describe('On too_small / too_short (and required from an empty text): the least value, length or number of items allowed, e.g. 1 for "at least 1"; only for an inclusive limit'),
  maximum: z
    .number()
    .optional()
    .describe('On too_big / too_long: the greatest value, length or number of items allowed, e.g. 200 for "at most 200 characters"; only for an inclusive limit'),
});

/** The error body every 4xx/5xx uses (see errors.ts). */
export const errorSchema = z.object({
  error: z.looseObject({
    code: z.string(),
    message: z.string(),
    details: z.array(errorDetailSchema).optional(),
    field: z.string().optional().describe('On 409 duplicate: the field whose value is already taken, e.g. `companyId`, `email`, `code`'),
    value: z
      .union([z.string(), z.number()])
      .optional()
      .describe('On 409 duplicate: the value the request sent for that field (trimmed), when it sent one'),
  }),
});

// One named component in the OpenAPI document instead of the same schema inline on every response.
z.globalRegistry.add(errorSchema, { id: 'Error' });

/** Standard error responses to document on a route. */
export const errorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
} as const;

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/**
 * A text refused when `problem` finds something wrong with it: a 400 whose detail
 * carries `problem`'s words as the message and `code` for the web app to translate.
 */
export function checkedText(problem: (text: string) => string | null, code: string) {
  return z.string().superRefine((text, ctx) => {
    const message = problem(text);
    if (message !== null) ctx.addIssue({ code: 'custom', message, params: { code } });
  });
}

/**
 * The one schema of a calendar date 'YYYY-MM-DD' taken by the API: a day that exists,
 * or 400 invalid_date saying what is wrong ("2026-02-30 is not a calendar date: 2026-02 has 28 days").
 */
export const isoDateSchema = checkedText(isoDateProblem, INVALID_DATE).meta({
  format: 'date',
  description: 'A calendar date, YYYY-MM-DD',
  examples: ['2026-10-05'],
});

/**
 * The one schema of a currency taken by the API (a contract's, a price list's, a cost
 * rate's): trimmed and upper-cased, then one of Kontor's currencies (shared/currencies.ts),
 * or 400 unsupported_currency naming the ones taken; never cut or guessed at. A client's
 * currency is checked by the same list among the client's other problems (customers'
 * clientProblems), so one answer names them all.
 */
export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .pipe(checkedText(currencyProblem, UNSUPPORTED_CURRENCY))
  .meta({
    description: `An ISO 4217 code of a currency Kontor supports: ${CURRENCIES.join(', ')} (lower case is taken); any other is refused with 400 ${UNSUPPORTED_CURRENCY} on this field`,
    examples: ['CZK', 'EUR'],
  });

/** The one schema of a month 'YYYY-MM' taken by the API: 400 invalid_period ("2026-00 is not a month (YYYY-MM): there is no month 00"). */
export const monthSchema = checkedText((text) => periodProblem(text, 'month'), INVALID_PERIOD).meta({
  description: 'A month, YYYY-MM',
  pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$',
  examples: ['2026-10'],
});

/** The one schema of a period taken by the API: a month 'YYYY-MM', a quarter 'YYYY-Qn' or a year 'YYYY'; else 400 invalid_period. */
export const periodSchema = checkedText(periodProblem, INVALID_PERIOD).meta({
  description: 'A period: a month YYYY-MM, a quarter YYYY-Qn or a year YYYY',
  pattern: '^[0-9]{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$',
  examples: ['2026-10', '2026-Q4', '2026'],
});

interface Range {
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * Refuses a range that ends before it starts (400 invalid_range on `to`), once both ends
 * are valid on their own. By default the ends compare as text, as dates ('YYYY-MM-DD')
 * and months ('YYYY-MM') do; `inOrder` decides for ends that do not.
 */
export function rangeInOrder<T extends z.ZodType<Range>>(schema: T, inOrder: (from: string, to: string) => boolean = (from, to) => from <= to): T {
  return schema.superRefine(
    ({ from, to }, ctx) => {
      if (from === undefined || to === undefined || inOrder(from, to)) return;
      ctx.addIssue({ code: 'custom', path: ['to'], message: rangeOrderProblem(from, to), params: { code: INVALID_RANGE } });
    },
    { when: (payload) => payload.issues.length === 0 },
  );
}
