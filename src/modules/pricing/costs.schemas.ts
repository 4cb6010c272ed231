import { z } from 'zod';
import { SUPPORTED_COUNTRIES } from '../../shared/calendar/index.ts';
import { isoDateSchema } from '../../platform/http/schemas.ts';
import { currency, id, minor } from './common.schemas.ts';

/* Technician settings: level (for level rates) and whether their records are approved on submit */

export const technicianSettingsBody = z.strictObject({ levelId: id.nullable(), autoApprove: z.boolean() });
export const technicianSettingsSchema = z.object({
  userId: z.number(),
  userName: z.string(),
  levelId: z.number().nullable(),
  autoApprove: z.boolean(),
  /** null: never set (no level, no auto-approval). */
  updatedAt: z.string().nullable(),
});

/* Internal cost rates: a technician's hourly cost, the cost per km; each valid from a date */

export const COST_RATE_KINDS = ['hourly', 'per_km'] as const;
export type CostRateKind = (typeof COST_RATE_KINDS)[number];

export const newCostRateBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('hourly'),
    userId: id,
    amountMinor: minor,
    /** Default: the provider's currency (CZK in CZ, EUR in SK). */
    currency: currency.optional(),
    validFrom: isoDateSchema,
  }),
  z.strictObject({ kind: z.literal('per_km'), amountMinor: minor, currency: currency.optional(), validFrom: isoDateSchema }),
]);
export const costRateQuery = z.strictObject({
  kind: z.enum(COST_RATE_KINDS).optional(),
  userId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
});
export const costRateSchema = z.object({
  id: z.number(),
  kind: z.enum(COST_RATE_KINDS),
  /** The technician of an hourly rate; null for the cost per km. */
  userId: z.number().nullable(),
  amountMinor: z.number(),
  currency: z.string(),
  validFrom: z.string(),
  createdAt: z.string(),
});

/* Settings of pricing */

export const pricingSettingsSchema = z.strictObject({
  /** Whose public holidays make the weekend_holiday time class. */
  providerCountry: z.enum(SUPPORTED_COUNTRIES as readonly ['CZ', 'SK']),
});

export type TechnicianSettings = z.infer<typeof technicianSettingsSchema>;
export type TechnicianSettingsInput = z.infer<typeof technicianSettingsBody>;
export type NewCostRate = z.infer<typeof newCostRateBody>;
export type CostRate = z.infer<typeof costRateSchema>;
export type PricingSettings = z.infer<typeof pricingSettingsSchema>;
