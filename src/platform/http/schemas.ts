import { z } from 'zod';

/** The error body every 4xx/5xx uses (see errors.ts). */
export const errorSchema = z.object({
  error: z.looseObject({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
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
