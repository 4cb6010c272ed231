import { z } from 'zod';
import { CURRENCIES } from '../../shared/currencies.ts';
import { LANGUAGES } from '../../shared/language.ts';

const language = z.enum(LANGUAGES);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const addressSchema = z.strictObject({
  street: z.string().trim().min(1).max(200),
  city: z.string().trim().min(1).max(100),
  postalCode: z.string().trim().min(1).max(20),
  country: z.string().trim().length(2).toUpperCase(),
});

const clientFields = {
  name: z.string().trim().min(1).max(200),
  companyId: optionalText(20),
  vatId: optionalText(20).describe('VAT id with its EU country prefix: the Czech DIČ (CZ…), the Slovak IČ DPH (SK + 10 digits); only for VAT payers'),
  taxId: optionalText(20).describe(
    'Tax id apart from the VAT id: the Slovak DIČ, 10 digits without a prefix (400 invalid_tax_id otherwise when country is SK). A Slovak non-payer has one but no vatId. Other countries: 2–20 letters, digits, . / - (400 invalid_format). Printed on invoices beside the IČ DPH (Czech ones too, which then label the VAT id IČ DPH).',
  ),
  country: z.string().trim().length(2).toUpperCase(),
  registeredAddress: addressSchema.nullable().optional(),
  billingAddress: addressSchema.nullable().optional(),
  email: z.email().max(254).nullable().optional(),
  phone: optionalText(50),
  language,
  currency: z
    .string()
    .trim()
    .length(3)
    .toUpperCase()
    .describe(`The currency the client is expected to pay in, one Kontor supports: ${CURRENCIES.join(', ')}; a code that is no ISO 4217 currency is 400 invalid_currency, one Kontor does not support 400 unsupported_currency (both on this field, with every other problem of the client)`),
  paymentTermsDays: z.number().int().min(0).max(365),
  notes: optionalText(5000),
};

export const newClientBody = z.strictObject({
  ...clientFields,
  country: clientFields.country.default('CZ'),
  language: language.default('cs'),
  currency: clientFields.currency.default('CZK'),
  paymentTermsDays: clientFields.paymentTermsDays.default(14),
});

export const clientPatchBody = z.strictObject({
  ...Object.fromEntries(Object.entries(clientFields).map(([k, v]) => [k, v.optional()])),
  active: z.boolean().optional(),
  version: z.number().int().positive(),
} as { [K in keyof typeof clientFields]: z.ZodOptional<(typeof clientFields)[K]> } & {
  active: z.ZodOptional<z.ZodBoolean>;
  version: z.ZodNumber;
});

const addressOut = z.object({ street: z.string(), city: z.string(), postalCode: z.string(), country: z.string() });

export const clientSchema = z.object({
  id: z.number(),
  name: z.string(),
  companyId: z.string().nullable(),
  vatId: z.string().nullable(),
  taxId: z.string().nullable().describe('Tax id apart from the VAT id (the Slovak DIČ); null when none'),
  country: z.string(),
  registeredAddress: addressOut.nullable(),
  billingAddress: addressOut.nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  language,
  currency: z.string(),
  paymentTermsDays: z.number(),
  notes: z
    .string()
    .nullable()
    .optional()
    .describe("The provider's internal notes on the client (null when none). Only for staff who read internal client data (clients.read_internal); left out of every answer to a client contact"),
  active: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const newContactBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(254).nullable().optional(),
  phone: optionalText(50),
  language: language.default('cs'),
  portalAccess: z.boolean().default(false).describe('May sign in to the client portal; needs an e-mail address (400 required on email otherwise)'),
});

export const contactPatchBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  email: z.email().max(254).nullable().optional(),
  phone: optionalText(50),
  language: language.optional(),
  portalAccess: z.boolean().optional().describe('May sign in to the client portal; the contact must keep an e-mail address while it may'),
  active: z.boolean().optional(),
  version: z.number().int().positive(),
});

export const contactSchema = z.object({
  id: z.number(),
  clientId: z.number(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  language,
  portalAccess: z.boolean(),
  active: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type NewClient = z.infer<typeof newClientBody>;
export type ClientPatch = z.infer<typeof clientPatchBody>;
export type Client = z.infer<typeof clientSchema>;
export type Address = z.infer<typeof addressSchema>;
export type NewContact = z.infer<typeof newContactBody>;
export type ContactPatch = z.infer<typeof contactPatchBody>;
export type Contact = z.infer<typeof contactSchema>;
