/** HTTP shapes of invoicing (zod): bodies are strict, responses list exactly what is shown. */
import { z } from 'zod';
import { errorDetailSchema, isoDateSchema, periodSchema } from '../../platform/http/schemas.ts';
import { LANGUAGES } from '../../shared/language.ts';
import { BUYER_ADDRESS_FIELDS } from './domain/buyer.ts';

const id = z.number().int().positive();
const minor = z.number().int();

/** What issuing a draft would not be refused for but should be looked at first (domain/issue-warnings.ts). */
export const issueWarningSchema = z.discriminatedUnion('code', [
  z.object({
    code: z.literal('currency_differs'),
    clientCurrency: z.string().describe("The client's currency"),
    currency: z.string().describe("The draft's currency: that of the price list its records were priced from"),
    priceLists: z.array(z.object({ name: z.string(), currency: z.string() })).describe("The price lists in the draft's currency its records were priced from (empty: no records behind it)"),
  }).describe("The draft is in another currency than its client's, and no contract of the client in the draft's currency explains it"),
  z.object({
    code: z.literal('late_tax_document'),
    country: z.enum(['CZ', 'SK']).describe("The supplier's country, whose VAT law sets the deadline"),
    rule: z.enum(['supply_day', 'month_end']).describe("'supply_day': 15 days from the date of taxable supply (CZ § 28(4) ZDPH, SK § 73(a)); 'month_end': 15 days from the end of its month (SK § 73(d): a service to a business in another member state)"),
    taxableSupplyDate: z.string(),
    issueDate: z.string().describe('The day issuing now would give (today)'),
    deadline: z.string().describe('The last day the tax document is on time'),
    daysLate: z.number().int().describe('Days after the deadline'),
  }).describe('Issued today, the tax document would be late under the VAT law of the supplier (CZ and SK)'),
  z.object({
    code: z.literal('records_after_run'),
    period: z.string().describe("The draft's period: run billing for it again (POST /billing-runs) to take the records in"),
    count: z.number().int().describe("The client's approved, unbilled records dated up to the period's end that were approved after the draft's run and are on no document"),
    minutes: z.number().int().describe('Their minutes (work and travel time)'),
    tickets: z.array(z.string()).describe('Their tickets, in date order (at most 5)'),
    prepaidMinutes: z.number().int().describe("Minutes of that work under a prepaid contract whose period the draft closes: issued as it is, the next run bills them as late records from the next period's allowance while this period's unused minutes carry over or lapse"),
  }).describe("Records the draft's run did not see (approved after it): issued as it is, the draft leaves them to the next run as late records (BILLING.md §4). Not a refusal"),
]);

/** Why a draft cannot be issued, as it stands when read (domain/draft-blocks.ts). */
export const draftBlockSchema = z.object({
  code: z.enum(['missing_rate', 'missing_vat_rate', 'previous_prepaid_not_final', 'prepaid_rerun', 'other'])
    .describe("missing_rate / missing_vat_rate: a record could not be priced or taxed; previous_prepaid_not_final: the contract's previous prepaid period was not final (its invoice not issued) when the draft was computed; prepaid_rerun: a record that used prepaid minutes was taken out of the draft; other: a reason known only by its message"),
  message: z.string().describe('The reason in English (as blocked lists it)'),
  contractId: z.number().nullable(),
  contractNumber: z.string().nullable(),
  period: z.string().nullable().describe('previous_prepaid_not_final: the contract period the run could not consume'),
  holds: z.boolean().describe('false: the reason is gone (the previous prepaid period is final now); the draft still needs the period run again (POST /billing-runs), its figures were computed without that ledger'),
  previousPeriod: z.string().nullable().describe('previous_prepaid_not_final: the contract period to issue first'),
  earlierDraftId: z.number().nullable().describe('previous_prepaid_not_final while it holds: the unissued draft of previousPeriod to issue first; null when there is none (run that period first)'),
});

export const invoiceStatus = z.enum(['draft', 'issued', 'sent', 'paid', 'credited', 'overdue']);
export const invoiceAction = z.enum(['issue', 'markSent', 'recordPayment', 'recordRefund', 'creditNote']);

export const invoiceListQuery = z.strictObject({
  state: z
    .enum([...invoiceStatus.options, 'overpaid'])
    .optional()
    .describe("A status ('overdue' as the status field says it), or 'overpaid': invoices whose client paid more than is left after credit notes and is owed money back (refundDueMinor above 0)"),
  kind: z.enum(['invoice', 'credit_note']).optional(),
  period: periodSchema.optional(),
  clientId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type InvoiceListQuery = z.infer<typeof invoiceListQuery>;

const vatGroup = z.object({ vatRateBp: z.number(), baseMinor: minor, vatMinor: minor, totalMinor: minor });

/** Money fields appear only with the `prices` field scope. */
export const invoiceSummary = z.object({
  id: z.number(),
  kind: z.enum(['invoice', 'credit_note']),
  state: z.enum(['draft', 'issued', 'sent', 'paid', 'credited']),
  /** state, or 'overdue' when issued/sent, past the due date and unpaid. */
  status: invoiceStatus,
  number: z.string().nullable(),
  variableSymbol: z.string().nullable(),
  period: z.string().nullable(),
  client: z.object({ id: z.number(), name: z.string() }),
  contractId: z.number().nullable(),
  currency: z.string(),
  language: z.string(),
  issueDate: z.string().nullable(),
  taxableSupplyDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  correctsInvoiceId: z.number().nullable(),
  netMinor: minor.optional(),
  vatMinor: minor.optional(),
  totalMinor: minor.optional(),
  paidMinor: minor.optional(),
  creditedMinor: minor.optional(),
  amountDueMinor: minor.optional().describe("What the document stands at for settling, as its foot states it. Invoices: what the client still owes (total less credit notes less payments, never below 0; 'Celkem k úhradě'). Credit notes: the note's total, negative: the credit note's value ('Hodnota dobropisu' on its foot); it is settled against the invoice it corrects (that invoice's amountDueMinor drops by it; what the client paid beyond what is left there is that invoice's refundDueMinor) and has no payments of its own"),
  refundDueMinor: minor.optional().describe("What the client paid beyond what is left after credit notes and is owed back (an overpayment; 0 when none). On a credit note: the refund due on the invoice it corrects. Settled with POST /invoices/{id}/refunds"),
  blocked: z.array(z.string()).describe('Drafts: why the draft cannot be issued, in English; blocks has the same as codes'),
  blocks: z.array(draftBlockSchema).describe('Drafts: why the draft cannot be issued, as codes with the contract and period, and whether each reason still holds; empty otherwise'),
  version: z.number(),
});

export const invoiceLine = z.object({
  id: z.number(),
  position: z.number(),
  kind: z.string(),
  description: z.string(),
  quantityMilli: z.number(),
  unit: z.string().describe("The unit as stored: a language-neutral code ('visit', 'pcs', 'month') or the text typed"),
  unitText: z.string().describe("The unit as the document prints it, in the document's language ('visit' → 'výjezd' on a Czech invoice)"),
  unitPriceMinor: minor.optional(),
  netMinor: minor.optional(),
  vatRateBp: z.number(),
  feePeriod: z.string().nullable(),
  correctsLineId: z.number().nullable(),
  /** Invoices: net credited so far and what is left to credit on the line. */
  creditedMinor: minor.optional(),
  leftToCreditMinor: minor.optional(),
});

const recordedBy = z.object({ id: z.number(), name: z.string() }).nullable().describe('Who recorded it (null: the system)');
/** One entry of an invoice's payments: never changed nor deleted, a mistake is reversed (POST /invoices/{id}/payments/{paymentId}/reversal). */
const paymentEntry = z.object({
  id: z.number(),
  date: z.string(),
  amountMinor: minor.optional().describe('Negative: a refund paid back to the client, or a reversal'),
  note: z.string().describe("The note typed with the payment or refund; on a reversal, the reason"),
  createdAt: z.string(),
  createdBy: recordedBy,
  reversesPaymentId: z.number().nullable().describe('On a reversal: the entry it takes back; null otherwise'),
  reversal: z
    .object({ id: z.number(), date: z.string(), reason: z.string(), createdAt: z.string(), createdBy: recordedBy })
    .nullable()
    .describe('On a reversed entry: its reversal (when, by whom, why); null while the entry stands'),
});

export const invoiceDetail = invoiceSummary.extend({
  paymentTermsDays: z.number(),
  reverseCharge: z.boolean(),
  roundTotal: z.boolean(),
  roundingMinor: minor.optional(),
  vatRecap: z.array(vatGroup).optional(),
  lines: z.array(invoiceLine),
  payments: z.array(paymentEntry).describe('Every entry in date order: payments, refunds and reversals; paidMinor is their sum (a reversed entry and its reversal cancel out)'),
  creditNotes: z.array(z.object({ id: z.number(), number: z.string().nullable(), issueDate: z.string().nullable(), totalMinor: minor.optional(), reason: z.string().nullable(), releasesRecords: z.boolean() })),
  corrects: z.object({ id: z.number(), number: z.string().nullable() }).nullable(),
  creditReason: z.string().nullable(),
  /** Credit notes: whether it released the invoice's records for billing again. */
  releasesRecords: z.boolean(),
  recordsCount: z.number(),
  runId: z.number().nullable().describe('The billing run that computed the document (GET /billing-runs/{id}); null for documents no run made (credit notes, manual ones)'),
  note: z.string(),
  issuedAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  /** Foreign-currency invoices with VAT: the rate fixed at issue (units of the home currency per unit of the invoice's) and its day; null otherwise. */
  exchangeRate: z.string().nullable(),
  exchangeRateDate: z.string().nullable(),
  /** Drafts: whether issuing needs an exchange rate (VAT payer, foreign currency, VAT charged); false for issued documents. */
  needsExchangeRate: z.boolean(),
  /** The supplier's own currency (CZ → CZK, SK → EUR); null if the supplier's country has none defined. */
  homeCurrency: z.string().nullable(),
  /** What the caller may do with it now (state and permissions). */
  allowedActions: z.array(invoiceAction),
  staleTerms: z
    .array(z.object({ contractId: z.number(), number: z.string(), termsChangedAt: z.string() }))
    .describe("Drafts: the client's contracts whose billing terms changed after the draft was computed (it bills the old terms until the month is run again); empty otherwise"),
  buyerMissing: z
    .array(z.enum(BUYER_ADDRESS_FIELDS))
    .describe("Drafts: the parts of the customer's address a tax document must carry (§29 of the Czech VAT act) that the client lacks now ('street', 'city', 'postalCode', 'country'); issuing answers 409 buyer_address_missing until they are filled in on the client. Empty when complete and for issued documents"),
  standardVatRateBp: z
    .number()
    .nullable()
    .describe("Drafts: the standard VAT rate of the supplier's country on the draft's date of taxable supply (what a manual line is offered; 2100 = 21 %); null when no such rate is set (VAT rates) and for issued documents"),
  waitingRecords: z
    .object({
      count: z.number().describe("The client's records dated up to the end of the draft's period that are not approved yet (draft or submitted): issuing now leaves them to a later invoice"),
      amountMinor: minor.optional().describe("Their amounts in the draft's currency, summed (a material return is negative)"),
    })
    .nullable()
    .describe('Drafts of invoices: what of the client still waits for approval; null otherwise'),
  issueWarnings: z
    .array(issueWarningSchema)
    .describe('Drafts of invoices: what issuing today would not be refused for but should be looked at first (another currency than the client\'s, a late tax document, records approved after the run); empty otherwise'),
});
export type InvoiceSummary = z.infer<typeof invoiceSummary>;
export type InvoiceDetail = z.infer<typeof invoiceDetail>;

/** The exchange rate an invoice in a foreign currency is issued with (its VAT is stated in the supplier's currency too). */
export const exchangeRateInput = z.strictObject({
  rate: z.string().max(20).describe("Units of the supplier's currency for ONE unit of the invoice's currency, decimal with a dot and at most 6 decimals, e.g. '24.335'"),
  date: isoDateSchema.describe('The day the rate is of (YYYY-MM-DD), not after the issue date'),
});

/** Single issue: the rate, required exactly when the draft's needsExchangeRate is true; refused on an invoice in the supplier's currency. */
export const issueBody = z.strictObject({ exchangeRate: exchangeRateInput.optional() }).nullish();

/** Exactly one of the two (checked in the service, naming the field). */
export const bulkIssueBody = z.strictObject({
  period: periodSchema.optional(),
  ids: z.array(id).min(1).max(10_000).optional(),
  exchangeRates: z.record(z.string().regex(/^[A-Z]{3}$/), exchangeRateInput).optional().describe("Per invoice currency (e.g. { EUR: { rate: '24.335', date: '2026-10-30' } }): the rate drafts in that currency are issued with; a draft that needs one and has none is reported not issued (exchange_rate_required)"),
});

export const bulkIssueReport = z.object({
  issued: z.array(z.object({ id: z.number(), number: z.string() })),
  notIssued: z.array(z.object({
    id: z.number(),
    clientId: z.number().nullable().describe("The document's client (null when no such document): where a refusal about the customer (buyer_address_missing) is fixed"),
    clientName: z.string().describe("The document's client ('' when no such document)"),
    number: z.string().nullable().describe('Its number when it is issued already'),
    code: z.string(),
    reason: z.string(),
    details: z.array(errorDetailSchema).optional()
      .describe("The refusal's details when it has them: for buyer_address_missing each missing part of the client's address (path client.address.street, .city, .postalCode, .country)"),
  })),
});

export const paymentBody = z.strictObject({
  date: isoDateSchema,
  amountMinor: z.number().int(),
  note: z.string().max(500).optional(),
  allowOverpayment: z.boolean().optional()
    .describe("true: the client paid more than is due (e.g. twice): record it all; the invoice becomes paid and the excess its refundDueMinor ('overpaid'), settled with POST /invoices/{id}/refunds. Without it a payment above amountDueMinor is 400 exceeds_amount_due, and one on a paid invoice 409 nothing_due"),
});
/** A refund is typed as a positive amount (what goes back); it is stored as a negative payment. */
export const refundBody = z.strictObject({
  date: isoDateSchema,
  amountMinor: z.number().int().describe('The amount paid back, positive, in minor units; at most refundDueMinor'),
  note: z.string().max(500).optional(),
});

export const paymentParams = z.strictObject({
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  paymentId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});
/** The reason is required (blank is refused in the service, naming the field). */
export const reversalBody = z.strictObject({
  reason: z.string().max(500).describe('Why the entry is taken back, e.g. a mistyped amount or the wrong invoice; required'),
});

/** Full ({full: true}) or by lines ({lines}), exactly one (checked in the service, naming the field). */
export const creditNoteBody = z.strictObject({
  reason: z.string().max(1000),
  full: z.literal(true).optional(),
  lines: z
    .array(z.strictObject({ lineId: id, amountMinor: z.number().int() }))
    .min(1)
    .max(1000)
    .optional()
    .describe("Net amounts (positive) to credit per line. An amount that is a whole quantity of the line's unit at its price is credited as that quantity; any other is an amount correction of the line: quantity -1 with no unit, the amount as its price, described 'Oprava částky řádku <n>: <text>' in the document's language"),
  releaseRecords: z.boolean().optional(),
});

const party = z.object({
  name: z.string(), companyId: z.string().nullable(), vatId: z.string().nullable(), taxId: z.string().nullable(), vatPayer: z.boolean(),
  address: z.object({ street: z.string(), city: z.string(), postalCode: z.string(), country: z.string() }), email: z.string().nullable(), phone: z.string().nullable(),
});

/** The InvoiceDocument (billing/domain/invoice-document.ts) as JSON. */
export const invoiceDocumentSchema = z.object({
  kind: z.enum(['invoice', 'credit_note']),
  id: z.string(),
  number: z.string(),
  variableSymbol: z.string(),
  issueDate: z.string(),
  taxableSupplyDate: z.string(),
  dueDate: z.string(),
  currency: z.string(),
  language: z.enum(LANGUAGES),
  period: z.string().nullable(),
  contractNumber: z.string().nullable(),
  supplier: party.extend({
    bankAccount: z.object({ accountNumber: z.string().nullable(), iban: z.string().nullable(), bic: z.string().nullable() }).nullable(),
    registration: z.string().nullable(), logoPath: z.string().nullable(), footerText: z.string().nullable(),
  }),
  customer: party,
  lines: z.array(z.object({
    position: z.number(), kind: z.string(), description: z.string(), quantityMilli: z.number(), unit: z.string(), unitPriceMinor: minor, netMinor: minor, vatRateBp: z.number(), itemCode: z.string().nullable(),
  })).readonly(),
  vatRecap: z.array(vatGroup).readonly(),
  netMinor: minor,
  vatMinor: minor,
  roundingMinor: minor,
  totalMinor: minor,
  reverseCharge: z.boolean(),
  corrects: z.object({ number: z.string(), issueDate: z.string(), taxableSupplyDate: z.string(), reason: z.string() }).nullable(),
  note: z.string().nullable(),
  draft: z.boolean().optional(),
  legalNote: z.string().nullable().optional(),
  homeCurrencyVat: z.object({
    currency: z.string(), rate: z.string(), rateDate: z.string(),
    groups: z.array(z.object({ vatRateBp: z.number(), baseMinor: minor, vatMinor: minor })).readonly(),
    baseMinor: minor, vatMinor: minor,
  }).nullable().optional().describe("VAT base and VAT per rate in the supplier's currency at the rate fixed at issue (foreign-currency documents with VAT); null otherwise"),
});
