import { z } from 'zod';
import { currencySchema } from '../../platform/http/schemas.ts';
import { tryMinuteOfDay } from '../../shared/minutes.ts';

/** Shared building blocks of the pricing API's schemas. */
export const code = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _ , starting with a letter');
export const name = z.string().trim().min(1).max(200);
/**
 * A name in one document language beside the default `name`: trimmed, as long as a
 * name may be; empty or null clears it (the document then prints `name`). Left out
 * of a change: kept.
 */
export const nameInLanguage = z
  .string()
  .trim()
  .max(200)
  .nullish()
  .transform((v) => (v === '' ? null : v));
export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** An amount in minor units of a currency (800.00 CZK = 80000). */
export const minor = z.number().int().min(0).max(1_000_000_000_000);
/** A quantity in thousandths (36 km = 36000, 1.5 h = 1500). */
export const milli = z.number().int().min(0).max(1_000_000_000_000);
/** A price list's or cost rate's currency: one Kontor supports, else 400 unsupported_currency. */
export const currency = currencySchema;
export const country = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'a two-letter ISO 3166 code');
export const timeOfDay = z
  .string()
  .regex(/^\d{2}:\d{2}$/, 'a time HH:MM')
  .refine((t) => tryMinuteOfDay(t) >= 0, { message: 'not a time of day', params: { code: 'invalid_time' } });
/** An end of business hours: HH:MM or 24:00. */
export const endOfDay = z
  .string()
  .regex(/^\d{2}:\d{2}$/, 'a time HH:MM')
  .refine((t) => tryMinuteOfDay(t, true) >= 0, { message: 'not a time of day', params: { code: 'invalid_time' } });

/** What a priced thing names instead of a rate, so that a change of rate does not rewrite it. */
export const VAT_CATEGORIES = ['standard', 'reduced', 'second_reduced', 'zero'] as const;
export type VatCategory = (typeof VAT_CATEGORIES)[number];
export const vatCategory = z.enum(VAT_CATEGORIES);

export const activeQuery = z.strictObject({ active: z.enum(['true', 'false', 'all']).default('all') });

export function items<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}

/** Every pricing route's OpenAPI tag. */
export const tags = ['pricing'];
