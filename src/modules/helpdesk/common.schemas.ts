import { z } from 'zod';

/** Shared building blocks of the configuration API's schemas. */
export const code = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _ , starting with a letter');
export const name = z.string().trim().min(1).max(200);
/**
 * The name of a queue, team, business calendar, SLA policy, category or dimension value: pickers
 * list them by name, so no two of a kind (in their `among`, e.g. under one parent) may read the same
 * (the server's sameName).
 */
export const uniqueName = (kind: string, { deactivatable = true, among = '' } = {}) =>
  name.describe(
    `Must differ from the name of every other ${kind}${among}${deactivatable ? ' (deactivated ones too)' : ''} by more than letter case, accents and extra spaces ("Síť" and "sit" are the same name), else 409 duplicate with field "name". Changing only the case of its own name is allowed`,
  );
export const sortOrder = z.number().int().min(-1_000_000).max(1_000_000);
export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const activeQuery = z.strictObject({ active: z.enum(['true', 'false', 'all']).default('all') });
export type ActiveFilter = z.infer<typeof activeQuery>['active'];

export function items<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}

/** Every configuration route's OpenAPI tag. */
export const tags = ['helpdesk-config'];
