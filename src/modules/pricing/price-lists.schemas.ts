import { z } from 'zod';
import { isoDateSchema } from '../../platform/http/schemas.ts';
import { currency, id, milli, name, timeOfDay } from './common.schemas.ts';
import { termsSchema } from './terms.ts';

/* Price lists: a default and any number of others, each in a currency */

export const newPriceListBody = z.strictObject({
  name,
  currency,
  /** Makes this the default list (the first list is the default whatever this says). */
  isDefault: z.boolean().default(false),
  active: z.boolean().default(true),
});
export const priceListPatchBody = z.strictObject({
  name: name.optional(),
  /** Only while the list has no versions: amounts in its terms are in its currency. */
  currency: currency.optional(),
  isDefault: z.boolean().optional(),
  active: z.boolean().optional(),
  version: z.number().int().positive(),
});

export const versionSummarySchema = z.object({ id: z.number(), validFrom: z.string() });
export const priceListSchema = z.object({
  id: z.number(),
  name: z.string(),
  currency: z.string(),
  isDefault: z.boolean(),
  active: z.boolean(),
  /** Changes with the list and with any of its versions. */
  version: z.number(),
  versions: z.array(versionSummarySchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/* Versions: terms valid from a date */

export const newVersionBody = z.strictObject({ validFrom: isoDateSchema, terms: termsSchema });
export const versionPatchBody = z.strictObject({
  validFrom: isoDateSchema.optional(),
  terms: termsSchema.optional(),
  /** The price list's `version` you read (409 stale_version if the list or a version changed since). */
  listVersion: z.number().int().positive(),
});
export const copyVersionBody = z.strictObject({ validFrom: isoDateSchema });
export const versionSchema = z.object({
  id: z.number(),
  priceListId: z.number(),
  validFrom: z.string(),
  terms: termsSchema,
  /** The price list's version after this change. */
  listVersion: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const priceListDetailSchema = priceListSchema.extend({ versions: z.array(versionSchema) });

/* A client's price list */

export const clientPriceListBody = z.strictObject({ priceListId: id.nullable() });
export const clientPriceListSchema = z.object({
  clientId: z.number(),
  /** The client's own list; null: the default applies. */
  priceListId: z.number().nullable(),
  /** The list the client's records are priced with (unless a contract names one). */
  effectivePriceListId: z.number().nullable(),
});

/* Price preview */

const timeClass = z.enum(['normal', 'out_of_hours', 'weekend_holiday']);
export const previewBody = z.strictObject({
  kind: z.enum(['work', 'travel', 'fee']).default('work'),
  /** The client whose list applies (its own, else the default). */
  clientId: id.optional(),
  /** A list to price with instead, as a contract's list would be. */
  priceListId: id.optional(),
  date: isoDateSchema,
  startTime: timeOfDay.nullable().default(null),
  minutes: z.number().int().min(0).max(100_000).default(0),
  workTypeId: id.nullable().optional(),
  /** Whose level and internal cost apply; none: base rates, no cost. */
  technicianId: id.nullable().optional(),
  timeClassOverride: timeClass.nullable().optional(),
  kmMilli: milli.nullable().optional(),
  zoneId: id.nullable().optional(),
  feeId: id.nullable().optional(),
  quantityMilli: milli.nullable().optional(),
  billable: z.boolean().default(true),
});

const common = {
  priceListId: z.number().nullable(),
  priceListName: z.string().nullable(),
  validFrom: z.string().nullable(),
  costMinor: z.number().nullable(),
  costCurrency: z.string().nullable(),
  explanation: z.array(z.string()).describe("Why, line by line, in the requesting user's language (cs, sk, en): list and version, rate, time class, surcharge, rounding, minimum, amount, cost"),
};
export const pricedRecordSchema = z.discriminatedUnion('ok', [
  z.object({
    ...common,
    ok: z.literal(true),
    priceListId: z.number(),
    priceListName: z.string(),
    validFrom: z.string(),
    source: z.enum(['contract', 'client', 'default', 'chosen']),
    currency: z.string(),
    timeClass: timeClass.optional(),
    billableMinutes: z.number().optional(),
    rateMinor: z.number().optional(),
    surchargePct: z.number().optional(),
    unitPriceMinor: z.number().optional(),
    amountMinor: z.number(),
    vatCategory: z.string(),
  }),
  z.object({ ...common, ok: z.literal(false), reason: z.string(), message: z.string() }),
]);

export type NewPriceList = z.infer<typeof newPriceListBody>;
export type PriceListPatch = z.infer<typeof priceListPatchBody>;
export type PriceList = z.infer<typeof priceListSchema>;
export type PriceListVersionRecord = z.infer<typeof versionSchema>;
export type PriceListDetail = z.infer<typeof priceListDetailSchema>;
export type NewVersion = z.infer<typeof newVersionBody>;
export type VersionPatch = z.infer<typeof versionPatchBody>;
export type ClientPriceList = z.infer<typeof clientPriceListSchema>;
export type PreviewInput = z.infer<typeof previewBody>;
