import { z } from 'zod';
import { errorSchema, periodSchema } from '../../platform/http/schemas.ts';
import { EXPORT_FORMATS } from './domain/exporter.ts';

export const formatSchema = z.enum(EXPORT_FORMATS, { message: `format must be one of: ${EXPORT_FORMATS.join(', ')}` });

export const runBody = z.strictObject({
  format: formatSchema,
  period: periodSchema,
  /** Include documents an earlier batch of this format already carried. */
  includeExported: z.boolean().default(false),
});
export type RunBody = z.infer<typeof runBody>;

export const previewQuery = z.strictObject({ format: formatSchema, period: periodSchema });

export const documentQuery = z.strictObject({ format: formatSchema });

export const listQuery = z.strictObject({
  period: periodSchema.optional(),
  format: formatSchema.optional(),
  invoiceId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().describe('Only the batches that carried this invoice or credit note'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(100).optional(),
});

export const batchSchema = z.object({
  id: z.number(),
  format: z.string(),
  period: z.string(),
  createdAt: z.string(),
  /** id null: exported from the command line. */
  createdBy: z.object({ id: z.number().nullable(), name: z.string() }),
  documentCount: z.number(),
  fileName: z.string(),
  mediaType: z.string(),
  byteSize: z.number(),
  sha256: z.string(),
  includeExported: z.boolean(),
  downloadUrl: z.string(),
});
export type ExportBatch = z.infer<typeof batchSchema>;

export const previewSchema = z.object({
  format: z.string(),
  label: z.string(),
  period: z.string(),
  from: z.string(),
  to: z.string(),
  fileName: z.string(),
  /** Documents the batch would carry now (without "export again"). */
  toExport: z.object({ invoices: z.number(), creditNotes: z.number(), slips: z.number() }),
  /** Documents of the period an earlier batch of this format already carried. */
  alreadyExported: z.number(),
  drafts: z.number().describe('Drafts of the period (by tax point) that are not issued yet: no format exports them until they are issued'),
  creditNotesInLaterPeriods: z
    .array(z.object({ month: z.string().describe("The month of the credit notes' tax point (YYYY-MM)"), count: z.number() }))
    .describe(
      "Issued credit notes correcting this period's invoices whose own tax point is after the period: they are exported with the period of their tax point, " +
        'not with this one (and not counted in toExport); one entry per month of that tax point, earliest first. Empty when there are none.',
    ),
  /** New address-book entries (POHODA); null when the format has none. */
  newClients: z.number().nullable(),
  /** Whether this format carries issue slips (POHODA výdejky). */
  slips: z.enum(['included', 'not_in_format']),
  missingSettings: z.array(z.object({ setting: z.string(), message: z.string() })),
  vatRatesNotMapped: z
    .array(
      z.object({
        kind: z.enum(['invoice', 'credit_note', 'slip']).describe('What the document is'),
        id: z.number().describe('Id of the invoice, credit note or issue slip'),
        documentNumber: z.string(),
        vatRateBp: z.number().describe('The VAT rate in basis points (1500 = 15 %)'),
        country: z.string().describe(
          "The country whose rates POHODA names the document's by (CZ: 21, 12, 0 %; SK: 23, 19, 5, 0 %): an invoice's supplier's, an issue slip's own (the provider's when it was issued)",
        ),
        exported: z.boolean().describe('Exported in this format before: it stops only an export with includeExported'),
      }),
    )
    .describe(
      'POHODA: every document of the period with a VAT rate POHODA has no name for, one entry per document and rate (all of them, not only the first), ' +
        'decided as the export decides. POST /api/v1/exports refuses a batch carrying any of them with 400 vat_rate_not_mapped. Always empty for the other formats, which write any rate.',
    ),
  slipCurrenciesMixed: z
    .array(
      z.object({
        kind: z.literal('slip').describe('Always an issue slip'),
        id: z.number().describe('Id of the issue slip'),
        documentNumber: z.string().describe('Number of the issue slip'),
        currencies: z.array(z.string()).describe("The currencies its material is valued in: the sale prices' and the cost's of material not priced on the ticket"),
        exported: z.boolean().describe('Exported in this format before: it stops only an export with includeExported'),
        message: z.string().describe('Why the slip cannot be written, in English'),
      }),
    )
    .describe(
      'POHODA: every issue slip of the period whose material is valued in two currencies (sale prices in one, the cost of material not priced on the ticket in another); ' +
        'a POHODA document has one currency and a slip keeps no exchange rate, so it cannot be written. Decided as the export decides: POST /api/v1/exports refuses a batch ' +
        'carrying any of them with 400 slip_currencies_mixed. Always empty for the other formats, which carry no slips.',
    ),
  documents: z.array(z.object({
    kind: z.string(), id: z.number(), number: z.string(), exported: z.boolean(),
    clientName: z.string().nullable().describe('The client of the document; null for an issue slip without a client'),
    amountMinor: z.number().nullable().describe("Invoices and credit notes: the total with VAT as issued (negative on a credit note); issue slips: the sale price of their material without VAT, null when it was not priced"),
    currency: z.string().nullable().describe('The currency of amountMinor; null when there is no amount'),
  })),
  /** More documents than listed in `documents`. */
  truncated: z.boolean(),
});
export type ExportPreview = z.infer<typeof previewSchema>;

const unmappedRate = z.object({
  documentNumber: z.string().describe('Number of the invoice, credit note or issue slip'),
  vatRateBp: z.number().describe('The VAT rate in basis points (1500 = 15 %)'),
  country: z.string().describe("The country whose rates POHODA names the document's by: an invoice's supplier's, an issue slip's own (the provider's when it was issued)"),
});

/** The 400 of an export: any bad input, vat_rate_not_mapped with the rates POHODA cannot take, or slip_currencies_mixed with the slips it cannot write. */
export const exportRefusedSchema = z.object({
  error: errorSchema.shape.error.extend({
    documentNumber: z.string().optional().describe('On 400 vat_rate_not_mapped: the document of the first rate in rates'),
    vatRateBp: z.number().optional().describe('On 400 vat_rate_not_mapped: the first rate in rates, in basis points'),
    country: z.string().optional().describe('On 400 vat_rate_not_mapped: the country of the first rate in rates (an invoice\'s supplier\'s, a slip\'s own)'),
    rates: z
      .array(unmappedRate)
      .optional()
      .describe(
        'On 400 vat_rate_not_mapped: every document and VAT rate POHODA has no name for, one entry per document and rate, found before anything is written ' +
          "by the rule of the preview's vatRatesNotMapped (for the documents this export takes); error.details has one line per entry",
      ),
    documentNumbers: z
      .array(z.string())
      .optional()
      .describe(
        'On 400 slip_currencies_mixed (POHODA): the issue slips whose material is valued in two currencies (sale prices in one, the cost of material not priced on the ticket in another); ' +
          'a POHODA document has one currency and a slip keeps no exchange rate, so they cannot be written. Checked before anything is written; error.details has one line per slip',
      ),
    slips: z
      .array(z.object({ documentNumber: z.string(), currencies: z.array(z.string()).describe('ISO 4217 codes the slip\'s material is valued in') }))
      .optional()
      .describe('On 400 slip_currencies_mixed: each slip of documentNumbers with its currencies, as the preview\'s slipCurrenciesMixed words them'),
  }),
});
