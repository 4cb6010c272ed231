import { z } from 'zod';
import { errorDetailSchema, isoDateSchema, rangeInOrder } from '../../platform/http/schemas.ts';
import { LANGUAGES } from '../../shared/language.ts';

const id = z.number().int().positive();
const time = z.string().regex(/^\d{2}:\d{2}$/, 'a time HH:MM');
/** km and quantities: "36.5" or 36.5, at most 3 decimal places (checked in the service, naming the field). */
const decimal = z.union([z.string().max(30), z.number()]);
const timeClass = z.enum(['normal', 'out_of_hours', 'weekend_holiday']);
const text = (max: number) => z.string().max(max);
const dimensions = z.record(z.string().max(50), z.string().max(50).nullable());

/** Fields every kind of record has. */
const common = {
  /** Whose work it is: default the caller; someone else only with records.approve. */
  technicianId: id.optional(),
  date: isoDateSchema,
  billable: z.boolean().optional().describe(
    "Whether the client is billed for it; left out: a work entry as its work type's billableDefault says, travel and fees billable",
  ),
  /** For the client's work report. */
  description: text(5000).default(''),
  /** Staff only; never on the work report. */
  internalNote: text(5000).default(''),
  /** Dimension values; default those of the ticket; null clears one. */
  dimensions: dimensions.optional(),
};

const workFields = {
  kind: z.literal('work'),
  ...common,
  startTime: time.nullable().optional(),
  endTime: time.optional(),
  minutes: z.number().int().optional(),
  workTypeId: id,
  /** Overrides the time class pricing derives (records.override_time_class). */
  timeClass: timeClass.nullable().optional(),
};
const travelFields = {
  kind: z.literal('travel'),
  ...common,
  startTime: time.nullable().optional(),
  endTime: time.optional(),
  minutes: z.number().int().optional(),
  km: decimal.optional().describe('Distance in km (up to 3 decimals); required unless a travel zone is given. 0 km with neither a zone nor travel time is refused: 400 travel_empty at km'),
  zoneId: id.nullable().optional(),
  vehicle: text(100).nullable().optional(),
};
const WHOLE_UNITS = "A unit fee counted in whole units (unit visit, pcs, piece, ks, výjezd, návštěva …) takes whole numbers only: 400 not_whole_units at quantity";
const feeFields = {
  kind: z.literal('fee'),
  ...common,
  feeId: id,
  quantity: decimal.default(1).describe(WHOLE_UNITS),
};

export const newRecordBody = z.discriminatedUnion('kind', [z.strictObject(workFields), z.strictObject(travelFields), z.strictObject(feeFields)]);

/** POST /work-entries: a work entry naming its ticket (kind is implied). */
export const newWorkEntryBody = z.strictObject({ ticketId: id, ...workFields, kind: z.literal('work').default('work') });

/** A row of a bulk request or an import: a new record and its ticket. */
export const bulkRowSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ticketId: id, ...workFields }),
  z.strictObject({ ticketId: id, ...travelFields }),
  z.strictObject({ ticketId: id, ...feeFields }),
]);

export const recordPatchBody = z.strictObject({
  version: z.number().int().positive(),
  technicianId: id.optional(),
  date: isoDateSchema.optional(),
  startTime: time.nullable().optional(),
  endTime: time.optional(),
  minutes: z.number().int().optional(),
  workTypeId: id.optional(),
  timeClass: timeClass.nullable().optional(),
  km: decimal.optional(),
  zoneId: id.nullable().optional(),
  vehicle: text(100).nullable().optional(),
  feeId: id.optional(),
  quantity: decimal.optional().describe(WHOLE_UNITS),
  billable: z.boolean().optional().describe(
    "Sent: wins. Left out: kept as the record has it, unless workTypeId changes the work type: then as the new work type's billableDefault says",
  ),
  description: text(5000).optional(),
  internalNote: text(5000).optional(),
  dimensions: dimensions.optional(),
});

export const idsBody = z.strictObject({ ids: z.array(id).min(1).max(1000) });

const ref = z.object({ id: z.number(), name: z.string() });
const coded = z.object({ id: z.number(), code: z.string(), name: z.string() });

/**
 * How the record is expected to be billed: decided by the same rule the billing
 * run applies (the contract it falls under, the contract's scope, prepaid minutes).
 */
export const coverageSchema = z.object({
  kind: z.enum(['billable', 'flat_fee', 'prepaid', 'not_billable']).describe(
    'billable: time and material at the record\'s own price; flat_fee: covered by the contract (billed 0); ' +
      'prepaid: work drawing on the contract\'s prepaid minutes (see prepaid: the split into covered and overage is known at the period\'s end); ' +
      'not_billable: logged as not billable (billed 0)',
  ),
  contract: z.object({ id: z.number(), number: z.string() }).nullable().describe(
    'The contract the record falls under (linked to it and dated within its validity); with kind billable, the record is outside its scope',
  ),
  prepaid: z
    .object({
      period: z.string().describe("The contract's period the record's date falls in (2026-10, 2026-Q4, 2026)"),
      status: z.enum(['estimate', 'unpriced', 'late', 'billed']).describe(
        'estimate: the split as things stand (the work counted so far, this record included; it may change until the period is billed); ' +
          'unpriced: the record has no price (no billable minutes) yet; late: the period is billed already, so the record draws on the allowance of the period whose run bills it; ' +
          "billed: the invoice's work report shows the split",
      ),
      coveredMinutes: z.number().nullable().describe('Billable minutes of the record the prepaid minutes cover (estimate only)'),
      overageMinutes: z.number().nullable().describe("Billable minutes beyond the prepaid minutes, billed by the contract's overage pricing (estimate only)"),
      leftMinutes: z.number().nullable().describe("Prepaid minutes of the period left after the work counted so far (estimate only)"),
      counted: z.boolean().describe('false: a draft, shown as if it were submitted now (drafts do not draw on prepaid minutes)'),
    })
    .nullable(),
  clientAmountMinor: z.number().nullable().optional().describe(
    'What the client is expected to pay for the record, in minor units of price.currency: the amount (billable), 0 (flat_fee, not_billable), ' +
      "null when it is known only at the period's end (prepaid) or the record has no price; only with the `prices` field scope",
  ),
});

export const recordSchema = z.object({
  id: z.number(),
  kind: z.enum(['work', 'travel', 'fee', 'material']),
  ticket: z.object({ id: z.number(), number: z.string(), subject: z.string() }),
  client: ref,
  contractId: z.number().nullable(),
  technician: ref,
  date: z.string(),
  startTime: z.string().nullable(),
  minutes: z.number(),
  workType: coded.nullable(),
  timeClass: timeClass.nullable(),
  timeClassOverridden: z.boolean(),
  km: z.string().nullable(),
  zone: coded.nullable(),
  vehicle: z.string().nullable(),
  fee: coded.extend({ unit: z.string() }).nullable(),
  /** Material records: the item issued from the warehouse. */
  item: coded.extend({ unit: z.string() }).nullable(),
  quantity: z.string().nullable(),
  billable: z.boolean(),
  description: z.string(),
  internalNote: z.string(),
  state: z.enum(['draft', 'submitted', 'approved', 'billed']),
  approvedBy: ref.nullable(),
  approvedAt: z.string().nullable(),
  billedInvoiceId: z.number().nullable(),
  returnReason: z.string().nullable().describe('Why an approver returned the record to draft; null once it is changed or submitted again'),
  price: z.object({
    /** no_price: the record could not be priced (reason says why); it is never shown as 0. */
    status: z.enum(['priced', 'no_price']),
    reason: z.string().nullable(),
    message: z.string().nullable(),
    priceListId: z.number().nullable(),
    validFrom: z.string().nullable(),
    currency: z.string().nullable(),
    billableMinutes: z.number().nullable(),
    vatCategory: z.string().nullable(),
    /** How the amount was computed, line by line (rates included): only with the `prices` field scope. */
    explanation: z.array(z.string()).optional(),
    /** Currency of costMinor: only with the `costs` field scope. */
    costCurrency: z.string().nullable().optional(),
  }),
  /** Net amount in minor units; only with the `prices` field scope; null = no price. */
  amountMinor: z.number().nullable().optional().describe(
    "The record's list price: its amount at the price list's rates, whether or not a contract covers it (coverage says what the client pays); only with the `prices` field scope; null = no price",
  ),
  coverage: coverageSchema,
  /** Internal cost in minor units; only with the `costs` field scope. */
  costMinor: z.number().nullable().optional(),
  dimensions: z.record(z.string(), z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

const csvList = (values: readonly string[]) => z.string().regex(new RegExp(`^(${values.join('|')})(,(${values.join('|')}))*$`));

export const recordFilters = {
  technicianId: z.coerce.number().int().positive().optional(),
  clientId: z.coerce.number().int().positive().optional(),
  ticketId: z.coerce.number().int().positive().optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  /** One or more states, comma-separated: `state=submitted` is the approval queue. */
  state: csvList(['draft', 'submitted', 'approved', 'billed']).optional(),
  kind: csvList(['work', 'travel', 'fee', 'material']).optional(),
  billable: z.enum(['true', 'false']).optional(),
};

export const recordListQuery = rangeInOrder(z.strictObject({
  ...recordFilters,
  sort: z.enum(['date', '-date']).default('date'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(500).optional(),
}));

export const exportQuery = rangeInOrder(z.strictObject({ ...recordFilters, lang: z.enum(LANGUAGES).optional() }));

/** The most records GET /records/count counts: above it the answer is this number, marked capped. */
export const RECORD_COUNT_CAP = 10_000;

/** The list's filters without its paging and order: what the count takes. */
export const recordCountQuery = rangeInOrder(z.strictObject(recordFilters));

export const recordCountSchema = z.object({
  count: z.number().int().nonnegative()
    .describe(`How many records the list with the same filters pages through (in the asking user's ticket scope); at most ${RECORD_COUNT_CAP}`),
  capped: z.boolean()
    .describe(`true: more than ${RECORD_COUNT_CAP} records match and \`count\` is ${RECORD_COUNT_CAP}; the count stops there rather than read every matching record`),
});

export const bulkReportSchema = z.object({
  dryRun: z.boolean(),
  imported: z.number(),
  accepted: z.array(z.object({ row: z.number(), id: z.number().nullable(), priceStatus: z.enum(['priced', 'no_price']) })),
  rejected: z.array(z.object({ row: z.number(), reasons: z.array(errorDetailSchema) })),
});

export const timerStartBody = z.strictObject({ ticketId: id, workTypeId: id.optional(), description: text(5000).default('') });
export const timerUpdateBody = z.strictObject({
  workTypeId: id.optional().describe('The work type of the entry that stopping the timer logs'),
  description: text(5000).optional(),
});
/** Each field left out is taken from the timer; each one sent corrects it (the web app's stop dialog sends them all). */
export const timerStopBody = z.strictObject({
  workTypeId: id.optional(),
  description: text(5000).optional(),
  minutes: z.number().int().optional().describe('Minutes to record instead of the elapsed ones (a timer left running, or corrected while stopping)'),
  billable: z.boolean().optional().describe("Left out: as the entry's work type's billableDefault says"),
  date: isoDateSchema.optional().describe("The entry's date instead of the day the timer started"),
  startTime: time.nullable().optional().describe('The start instead of the time the timer started; null: no start (then the time class is normal)'),
  endTime: time.optional().describe('An end instead of minutes: the minutes are counted from the start to it'),
  internalNote: text(5000).optional(),
}).nullish();

export const timerSchema = z.object({
  ticket: z.object({ id: z.number(), number: z.string(), subject: z.string() }),
  workType: coded.nullable(),
  description: z.string(),
  startedAt: z.string(),
  localStart: z.object({ date: z.string(), time: z.string() }).describe("The date and start time (the provider's time zone) of the entry that stopping it logs"),
  elapsedMinutes: z.number().describe("The minutes from the start's minute to now's (at least 1): localStart plus these ends at the current minute"),
});

export const workDayQuery = z.strictObject({ date: isoDateSchema });
export const workDaySchema = z.object({
  date: z.string(),
  dayKind: z.enum(['business_day', 'non_business_day', 'holiday']).describe(
    'For the time class of work started on the date, under the list that would price it: a business day, a day outside the business hours (by default Saturday and Sunday) or a public holiday. ' +
      'Work started on either of the last two is weekend_holiday; without a start time it is priced as business hours.',
  ),
});

const moneySchema = z.object({ currency: z.string(), amountMinor: z.number().optional(), costMinor: z.number().optional() });
const cellSchema = z.object({
  billableMinutes: z.number().describe('Minutes of work logged billable; travel time is not in it (see travelMinutes)'),
  nonBillableMinutes: z.number().describe('Minutes of work logged not billable; travel time is not in it'),
  travelMinutes: z.number().describe(
    'Minutes of travel records, billable or not: a price list bills travel by km, and by time only where it has a travel time rate (the amount says what is billed)',
  ),
  km: z.string().describe(
    'Kilometres of the travel records summed exactly (stored as thousandths), written as a record\'s km are: "36.5", at most 3 decimal places; "0" without travel',
  ),
  records: z.number(), unpriced: z.number(),
  money: z.array(moneySchema).optional().describe(
    'Per currency; only with the `prices` or `costs` field scope. amountMinor is the records\' own amounts at the price list (list prices), ' +
      'work a contract covers (flat fee, prepaid hours) included: what the client is invoiced is decided per contract at billing (see a record\'s coverage and the invoice\'s work report)',
  ),
});
export const timesheetSchema = z.object({
  start: z.string(),
  end: z.string(),
  days: z.array(z.string()),
  // A cell per day of the week; null for a day without records (a team's week has thousands of ticket rows, most days empty).
  byTechnician: z.array(z.object({ technician: ref, days: z.array(cellSchema.nullable()), total: cellSchema })),
  byTicket: z.array(z.object({ ticket: z.object({ id: z.number(), number: z.string(), subject: z.string() }), days: z.array(cellSchema.nullable()), total: cellSchema })),
  total: cellSchema,
});
export const weekQuery = z.strictObject({ start: isoDateSchema, technicianId: z.coerce.number().int().positive().optional() });
export const teamWeekQuery = z.strictObject({ start: isoDateSchema, teamId: z.coerce.number().int().positive() });

export type NewRecord = z.infer<typeof newRecordBody>;
export type BulkRow = z.infer<typeof bulkRowSchema>;
export type RecordPatch = z.infer<typeof recordPatchBody>;
export type ServiceRecord = z.infer<typeof recordSchema>;
export type RecordCoverage = z.infer<typeof coverageSchema>;
export type RecordFilters = { [K in keyof typeof recordFilters]?: z.infer<(typeof recordFilters)[K]> };
export type RecordListQuery = z.infer<typeof recordListQuery>;
export type RecordCountQuery = z.infer<typeof recordCountQuery>;
export type RecordCount = z.infer<typeof recordCountSchema>;
export type BulkReport = z.infer<typeof bulkReportSchema>;
export type Timer = z.infer<typeof timerSchema>;
export type TimerStop = NonNullable<z.infer<typeof timerStopBody>>;
export type TimerUpdate = z.infer<typeof timerUpdateBody>;
export type WorkDay = z.infer<typeof workDaySchema>;
export type TimesheetOut = z.infer<typeof timesheetSchema>;
