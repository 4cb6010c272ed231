import { z } from 'zod';
import { currencySchema, isoDateSchema, periodSchema } from '../../platform/http/schemas.ts';
import { MAX_MULTIPLIER } from './domain/index.ts';

/** The contracts API's schemas (BILLING.md §3). Signs and ranges of amounts, and the dates of the terms, are checked by the domain's termsProblems, all at once. */

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const whole = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);

export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export const TIME_CLASSES = ['normal', 'out_of_hours', 'weekend_holiday'] as const;

const fee = z.strictObject({
  /** Per full period, in minor units of the contract's currency. */
  amountMinor: whole,
  /** Basis points: 21 % = 2100. */
  vatRateBp: z.number().int().min(0).max(10_000),
  timing: z.enum(['in_arrears', 'in_advance']).default('in_arrears'),
  /** A partial first or last period is prorated by days. */
  prorate: z.boolean().default(true),
});
const scope = z.strictObject({
  workTypeIds: z.array(id).max(500).default([]),
  coversTravel: z.boolean().default(false),
  unitFeeIds: z.array(id).max(500).default([]),
});
const carryOver = z.discriminatedUnion('enabled', [
  z.strictObject({ enabled: z.literal(false) }),
  z.strictObject({
    enabled: z.literal(true),
    /** The most minutes that may stand carried after a close; null = no cap. */
    capMinutes: whole.nullable().default(null),
    /** How many following periods carried minutes stay usable (≥ 1). */
    lifePeriods: whole.default(1),
  }),
]);
/** Thousandths: 1.5 = 1500; missing = 1. Its range is the terms' own check, reported with every other problem of the terms. */
const multiplier = whole.describe(
  `Thousandths (1.5 = 1500); missing = 1. From 0 to ${MAX_MULTIPLIER}: 0 means covered work uses no prepaid minutes (included in the fee without a limit); anything else is refused as invalid_multiplier, together with every other problem of the terms in the same 400`,
);
const multipliers = z.strictObject({
  /** Keyed by work type id. */
  byWorkType: z.record(z.string().regex(/^[1-9]\d{0,15}$/, 'a work type id'), multiplier).default({}),
  byTimeClass: z.strictObject({ normal: multiplier.optional(), out_of_hours: multiplier.optional(), weekend_holiday: multiplier.optional() }).default({}),
});
const band = z.strictObject({ minutes: whole.nullable(), ratePerHourMinor: whole });
const overage = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('entry_rate') }),
  z.strictObject({ kind: z.literal('flat_rate'), ratePerHourMinor: whole }),
  z.strictObject({ kind: z.literal('tiered'), bands: z.array(band).max(20) }),
]);

/**
 * A date of the terms as sent. Its calendar check belongs to the terms' own checks
 * (the domain's termsProblems), so a malformed date is reported together with every
 * other problem of the terms in one answer, not alone before them.
 */
const termsDate = z
  .string()
  .max(100)
  .describe('A date YYYY-MM-DD; one that is not a calendar date is refused as invalid_date, together with every other problem of the terms in the same 400');

/** Every stored term of a contract, as the API reads and writes it. */
const termFields = {
  clientId: id,
  number: z.string().trim().min(1).max(50),
  name: z.string().trim().min(1).max(200),
  currency: currencySchema,
  validFrom: isoDateSchema,
  validTo: isoDateSchema.nullable(),
  periodKind: z.enum(PERIOD_KINDS),
  priceListId: id.nullable(),
  fee: fee.nullable(),
  scope,
  prepaidMinutes: whole,
  carryOver,
  multipliers,
  overage,
  ownInvoice: z.boolean(),
  alertClient: z.boolean(),
  slaPolicyId: id.nullable(),
  note: z.string().max(4000),
  active: z.boolean(),
};

export const newContractBody = z.strictObject({
  ...termFields,
  validFrom: termsDate,
  validTo: termsDate.nullable().default(null),
  periodKind: termFields.periodKind.default('month'),
  priceListId: termFields.priceListId.default(null),
  fee: termFields.fee.default(null),
  scope: scope.default({ workTypeIds: [], coversTravel: false, unitFeeIds: [] }),
  prepaidMinutes: whole.default(0),
  carryOver: carryOver.default({ enabled: false }),
  multipliers: multipliers.default({ byWorkType: {}, byTimeClass: {} }),
  overage: overage.default({ kind: 'entry_rate' }),
  ownInvoice: z.boolean().default(false),
  alertClient: z.boolean().default(false),
  slaPolicyId: termFields.slaPolicyId.default(null),
  note: termFields.note.default(''),
  active: z.boolean().default(true),
});

export const contractPatchBody = z.strictObject({
  clientId: termFields.clientId.optional(),
  number: termFields.number.optional(),
  name: termFields.name.optional(),
  currency: termFields.currency.optional(),
  validFrom: termsDate.optional(),
  validTo: termsDate.nullable().optional(),
  periodKind: termFields.periodKind.optional(),
  priceListId: termFields.priceListId.optional(),
  fee: termFields.fee.optional(),
  scope: scope.optional(),
  prepaidMinutes: whole.optional(),
  carryOver: carryOver.optional(),
  multipliers: multipliers.optional(),
  overage: overage.optional(),
  ownInvoice: z.boolean().optional(),
  alertClient: z.boolean().optional(),
  slaPolicyId: termFields.slaPolicyId.optional(),
  note: termFields.note.optional(),
  /** false deactivates: a contract is never deleted (records and invoices point at it). */
  active: z.boolean().optional(),
  /** The version you read (409 stale_version if it changed since). */
  version: z.number().int().positive(),
});

export const contractSchema = z.object({
  id: z.number(),
  ...termFields,
  clientName: z.string(),
  priceListName: z.string().nullable(),
  slaPolicyName: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  termsChangedAt: z.string().nullable().describe('When the terms billing computes with (client, currency, validity, period, price list, fee, scope, prepaid minutes, carry-over, multipliers, overage, own invoice) last changed; null if never since it was created before this was kept'),
});

const staleDraft = z.object({
  invoiceId: z.number(),
  period: z.string().nullable(),
  computedAt: z.string().describe('When the billing run made the draft'),
});
export const contractDetailSchema = contractSchema.extend({
  staleDrafts: z.array(staleDraft).describe("Draft invoices of the contract's client (of this contract or shared) made before its terms last changed: they still bill the old terms until the period's billing run is made again"),
});

export const contractListQuery = z.strictObject({
  clientId: z.coerce.number().int().positive().optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
  /** Number, name or client name contains. */
  q: z.string().max(200).optional(),
  /** Only contracts valid on this date. */
  validOn: isoDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export const contractPageSchema = z.object({ items: z.array(contractSchema), nextCursor: z.string().nullable() });

const lot = z.object({ originPeriod: z.string(), minutes: z.number(), remainingLife: z.number() });
export const ledgerRowSchema = z.object({
  period: z.string(),
  openingCarried: z.number(),
  allocated: z.number(),
  consumed: z.number(),
  carriedOut: z.number(),
  lapsed: z.number(),
  lots: z.array(lot),
  /** true once the period's invoice is issued; provisional rows may still change. */
  final: z.boolean(),
  invoiceId: z.number().nullable(),
  runId: z.number().nullable(),
  updatedAt: z.string(),
});
export const ledgerSchema = z.object({ contractId: z.number(), periodKind: z.enum(PERIOD_KINDS), items: z.array(ledgerRowSchema) });

export const consumptionQuery = z.strictObject({ period: periodSchema.optional() });
export const consumptionSchema = z.object({
  contractId: z.number(),
  period: z.string(),
  from: z.string(),
  to: z.string(),
  /** The period's own prepaid minutes (prorated in a partial period). */
  allocated: z.number(),
  /** Minutes carried in from earlier periods still alive (from the previous period's ledger row). */
  carried: z.number(),
  /** Allowance minutes used by covered work (multipliers applied). */
  used: z.number(),
  left: z.number(),
  /** Covered billable minutes over the allowance so far (billed as overage). */
  overageMinutes: z.number(),
  /** used ÷ (allocated + carried), in whole percent; null without an allowance. */
  percent: z.number().nullable(),
  projectedUsed: z.number().nullable().describe('All covered work at the end of the period at the pace so far, in allowance minutes (multipliers applied), overage included: never below the work so far; null before the period starts'),
  projectedPercent: z.number().nullable().describe('projectedUsed ÷ (allocated + carried), in whole percent (over 100 when overage is expected); null without an allowance'),
  projectedOverageMinutes: z.number().nullable().describe('The part of projectedUsed beyond the allowance (0 when it fits); null before the period starts'),
  /** Which record states are counted (submitted, approved and billed; drafts are not). */
  countedStates: z.array(z.string()),
  entries: z.number(),
  /** Whether the 80 % and 100 % alerts were sent for the period. */
  alerts: z.array(z.object({
    thresholdPct: z.number(),
    sentAt: z.string().describe('When the threshold was reached and recorded'),
    mailed: z.boolean().nullable().describe("Whether this threshold's own mail was queued: false when 80 % and 100 % were crossed at once (only the 100 % mail goes out) or nobody was to be mailed; null for alerts recorded before this was kept"),
  })),
});

export const ticketContractBody = z.strictObject({ contractId: id.nullable() });
export const ticketContractSchema = z.object({
  ticketId: z.number(),
  contractId: z.number().nullable(),
  contractNumber: z.string().nullable(),
  slaPolicyId: z.number().nullable(),
  /** Records of the ticket that moved with it (billed ones never move). */
  recordsMoved: z.number(),
});

export type NewContract = z.infer<typeof newContractBody>;
export type ContractPatch = z.infer<typeof contractPatchBody>;
export type Contract = z.infer<typeof contractSchema>;
export type ContractDetail = z.infer<typeof contractDetailSchema>;
export type StaleDraft = z.infer<typeof staleDraft>;
export type ContractListQuery = z.infer<typeof contractListQuery>;
export type LedgerRowView = z.infer<typeof ledgerRowSchema>;
export type Consumption = z.infer<typeof consumptionSchema>;
export type TicketContract = z.infer<typeof ticketContractSchema>;
/** A contract's terms as stored (everything but the names joined for display). */
export type ContractValues = Omit<Contract, 'id' | 'clientName' | 'priceListName' | 'slaPolicyName' | 'version' | 'createdAt' | 'updatedAt' | 'termsChangedAt'>;
