import { z } from 'zod';

const text = (max: number) => z.string().max(max);
const optionalText = (max: number) => z.string().max(max).nullish().transform((v) => v ?? null);

/** The body of PUT /settings/company: every field (a full replacement), optionally with the version read. */
export const companySettingsBody = z.strictObject({
  name: text(200).describe('Supplier name as printed on invoices'),
  companyId: optionalText(20).describe('IČO'),
  vatId: optionalText(20).describe('VAT id with country prefix (DIČ / IČ DPH), required for VAT payers'),
  taxId: optionalText(20).describe('Slovak DIČ (10 digits), printed beside IČ DPH on the documents (Czech ones label the VAT id IČ DPH then)'),
  vatPayer: z.boolean(),
  street: text(200).default(''),
  city: text(100).default(''),
  postalCode: text(20).default(''),
  country: text(2).default('CZ'),
  email: optionalText(200),
  phone: optionalText(50),
  bankAccount: optionalText(40).describe("Czech domestic account 'prefix-number/bank code', e.g. 19-2000145399/0800"),
  iban: optionalText(50).describe('IBAN; derived from a Czech account when left empty'),
  bic: optionalText(11),
  registration: optionalText(300).describe('Commercial register entry, e.g. C 12345 vedená u Městského soudu v Praze'),
  footerText: optionalText(600).describe('Printed at the bottom of every document page (of a language with no footer of its own below)'),
  footerTextCs: optionalText(600).describe('The footer of Czech documents; empty or left out: footerText prints'),
  footerTextSk: optionalText(600).describe('The footer of Slovak documents; empty or left out: footerText prints'),
  footerTextEn: optionalText(600).describe('The footer of English documents; empty or left out: footerText prints'),
  roundTotalsCzk: z.boolean().default(false).describe('Round CZK invoice totals to whole crowns (a separate rounding line without VAT); off unless chosen (BILLING.md §4)'),
  roundTotalsEur: z.boolean().default(false),
  defaultCountry: text(2).default('CZ'),
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
