import { z } from 'zod';
import { COMPANY_TEXT_LIMITS } from './domain/settings.ts';

type Limited = keyof typeof COMPANY_TEXT_LIMITS;
/**
 * The lengths are the settings' own check (checkCompanySettings), reported as too_long together
 * with every other field's problem in one 400, so the schema refuses only what no form sends;
 * the OpenAPI document states each field's own limit (maxLength).
 */
const NO_FORM_SENDS = 2000;
const text = (field: Limited, about?: string) =>
  z.string().max(NO_FORM_SENDS).meta({ maxLength: COMPANY_TEXT_LIMITS[field], ...(about ? { description: about } : {}) });
const optionalText = (field: Limited, about?: string) => text(field, about).nullish().transform((v) => v ?? null);
const country = (about: string) =>
  z.string().max(NO_FORM_SENDS).meta({ maxLength: 2, description: `${about}: an ISO 3166-1 alpha-2 code, any case (400 invalid_country otherwise)` });

/** The body of PUT /settings/company: every field (a full replacement), optionally with the version read. */
export const companySettingsBody = z.strictObject({
  name: text('name', 'Supplier name as printed on invoices'),
  companyId: optionalText('companyId', 'IČO; with the country CZ or SK 8 digits with a correct check digit'),
  vatId: optionalText('vatId', 'VAT id with country prefix (DIČ / IČ DPH), required for VAT payers'),
  taxId: optionalText('taxId', 'Slovak DIČ (10 digits), printed beside IČ DPH on the documents (Czech ones label the VAT id IČ DPH then)'),
  vatPayer: z.boolean(),
  street: text('street').default(''),
  city: text('city').default(''),
  postalCode: text('postalCode', 'With the country CZ or SK five digits, "12345" or "123 45", stored as "123 45" (invalid_postal_code otherwise); other countries as typed').default(''),
  country: country("The supplier's country").default('CZ'),
  email: optionalText('email'),
  phone: optionalText('phone'),
  bankAccount: optionalText('bankAccount', "Czech domestic account 'prefix-number/bank code', e.g. 19-2000145399/0800"),
  iban: optionalText('iban', 'IBAN; derived from a Czech account when left empty'),
  bic: optionalText('bic'),
  registration: optionalText('registration', 'Commercial register entry, e.g. C 12345 vedená u Městského soudu v Praze'),
  footerText: optionalText('footerText', 'Printed at the bottom of every document page (of a language with no footer of its own below)'),
  footerTextCs: optionalText('footerTextCs', 'The footer of Czech documents; empty or left out: footerText prints'),
  footerTextSk: optionalText('footerTextSk', 'The footer of Slovak documents; empty or left out: footerText prints'),
  footerTextEn: optionalText('footerTextEn', 'The footer of English documents; empty or left out: footerText prints'),
  roundTotalsCzk: z.boolean().default(false).describe('Round CZK invoice totals to whole crowns (a separate rounding line without VAT); off unless chosen (BILLING.md §4)'),
  roundTotalsEur: z.boolean().default(false),
  defaultCountry: country('The country a new client starts with in the client form (GET /auth/session defaults.clientCountry)').default('CZ'),
  version: z.number().int().optional().describe('The version read; 409 stale_version if the settings changed since'),
});
export type CompanySettingsBody = z.infer<typeof companySettingsBody>;

export const companySettingsSchema = z.object({
  name: z.string(),
  companyId: z.string().nullable(),
  vatId: z.string().nullable(),
  taxId: z.string().nullable(),
  vatPayer: z.boolean(),
  street: z.string(),
  city: z.string(),
  postalCode: z.string(),
  country: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  bankAccount: z.string().nullable(),
  iban: z.string().nullable(),
  bic: z.string().nullable(),
  registration: z.string().nullable(),
  footerText: z.string().nullable(),
  footerTextCs: z.string().nullable(),
  footerTextSk: z.string().nullable(),
  footerTextEn: z.string().nullable(),
  roundTotalsCzk: z.boolean(),
  roundTotalsEur: z.boolean(),
  defaultCountry: z.string(),
  logo: z.object({ contentType: z.string(), size: z.number(), sha256: z.string() }).nullable(),
  /** False until the supplier name and address are filled in: invoices need them. */
  complete: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
});
export type CompanySettings = z.infer<typeof companySettingsSchema>;
