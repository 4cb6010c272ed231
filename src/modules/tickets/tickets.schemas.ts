import { z } from 'zod';

const id = z.number().int().positive();
const level = z.enum(['high', 'medium', 'low']);
const priority = z.enum(['P1', 'P2', 'P3', 'P4']);
const customValue = z.union([z.string().max(2000), z.number(), z.array(z.string().max(200)).max(50), z.null()]);
// What a ticket's custom values are when read back (the limits are the input's).
const storedCustomValue = z.union([z.string(), z.number(), z.array(z.string()), z.null()]);
const WATCHING_COLLEAGUES = 'Watching colleagues (active user ids of the company): mailed about every public reply, internal note, state change and assignee change someone else makes (template ticket_colleague_update)';

export const newTicketBody = z.strictObject({
  subject: z.string().trim().min(1).max(300),
  description: z.string().max(100_000).default(''),
  typeCode: z.string().max(50).default('incident'),
  clientId: id,
  requesterContactId: id.nullable().optional(),
  queueId: id.optional(),
  teamId: id.nullable().optional(),
  assigneeId: id.nullable().optional().describe('Assignee (user id): a member of the ticket\'s queue, an administrator or a service manager (GET /tickets/assignees); 400 not_assignable otherwise. Someone other than the caller is mailed that the ticket is assigned to them (template ticket_colleague_update)'),
  impact: level.default('medium'),
  urgency: level.default('medium'),
  priority: priority.optional(),
  categoryId: id.nullable().optional(),
  tags: z.array(z.string().max(40)).max(20).default([]),
  custom: z.record(z.string().max(50), customValue).default({}),
  dimensions: z.record(z.string().max(50), z.string().max(50)).default({}),
  parentId: id.nullable().optional(),
  watcherUserIds: z.array(id).max(50).default([]).describe(WATCHING_COLLEAGUES),
  watcherContactIds: z.array(id).max(50).default([]),
});

export const ticketPatchBody = z.strictObject({
  version: z.number().int().positive(),
  subject: z.string().trim().min(1).max(300).optional(),
  description: z.string().max(100_000).optional(),
  requesterContactId: id.nullable().optional(),
  queueId: id.optional(),
  teamId: id.nullable().optional(),
  assigneeId: id.nullable().optional().describe('Assignee (user id): a member of the ticket\'s queue, an administrator or a service manager (GET /tickets/assignees); 400 not_assignable otherwise. Someone other than the caller is mailed that the ticket is assigned to them (template ticket_colleague_update)'),
  impact: level.optional(),
  urgency: level.optional(),
  /** An explicit priority overrides impact × urgency; null returns to the matrix. */
  priority: priority.nullable().optional(),
  categoryId: id.nullable().optional(),
  tags: z.array(z.string().max(40)).max(20).optional(),
  custom: z.record(z.string().max(50), customValue).optional(),
  dimensions: z.record(z.string().max(50), z.string().max(50).nullable()).optional(),
  parentId: id.nullable().optional(),
  watcherUserIds: z.array(id).max(50).optional().describe(WATCHING_COLLEAGUES),
  watcherContactIds: z.array(id).max(50).optional(),
});

export const transitionBody = z.strictObject({
  version: z.number().int().positive(),
  toState: z.string().min(1).max(50),
  resolutionNote: z.string().max(10_000).optional().describe('The resolution, shown to the client and quoted by the ticket_resolved mail'),
  comment: z.string().max(100_000).optional()
    .describe('A message to the client written with the move (e.g. what is needed from them): added as a public reply, counts as the first response, and is mailed'),
  custom: z.record(z.string().max(50), customValue).optional(),
});

export const commentBody = z.strictObject({
  body: z.string().trim().min(1).max(100_000),
  visibility: z.enum(['public', 'internal']),
});

const ref = z.object({ id: z.number(), name: z.string() });

export const slaSchema = z.object({
  status: z.string(),
  policyId: z.number().nullable(),
  firstResponseDueAt: z.string().nullable(),
  resolutionDueAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  warnedAt: z.string().nullable(),
  breachedAt: z.string().nullable(),
  breachedMinutes: z.number().nullable(),
});

/** One SLA target of a ticket as it stands: a countdown while it runs, its outcome once it stopped. */
export const slaTargetSchema = z.object({
  status: z.enum(['running', 'warning', 'paused', 'met', 'breached', 'none'])
    .describe('running / warning (past the warning share) / paused (waiting); met or breached: stopped in time or late, or still running past the target; none: no target'),
  dueAt: z.string().nullable().describe('When the target runs (or ran) out; null without a target and while paused'),
  stoppedAt: z.string().nullable()
    .describe('When the clock stopped: the first public reply, or the resolution (a ticket resolved before any reply counts its resolution as the first response); null while it runs'),
  breachedMinutes: z.number().nullable().describe('Business minutes over the target (rounded); null when not over it'),
  businessMinutesLeft: z.number().int().nullable()
    .describe('Working time left to the target while its clock runs, in business minutes of the policy calendar (rounded to whole minutes; nights, weekends and holidays do not count); negative: minutes over the target while the clock still runs; null without a target, while paused and once the clock stopped (see status and breachedMinutes)'),
});

export const ticketSummarySchema = z.object({
  id: z.number(),
  number: z.string(),
  subject: z.string(),
  type: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  state: z.object({ id: z.number(), code: z.string(), name: z.string(), category: z.string() }),
  priority,
  queue: ref,
  assignee: ref.nullable(),
  client: ref,
  tags: z.array(z.string()),
  sla: slaSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const ticketSchema = ticketSummarySchema.extend({
  description: z.string(),
  descriptionHtml: z.string(),
  impact: level,
  urgency: level,
  priorityOverridden: z.boolean(),
  team: ref.nullable(),
  requester: z.object({ id: z.number(), name: z.string(), email: z.string().nullable() }).nullable(),
  category: z.object({ id: z.number(), path: z.string() }).nullable(),
  custom: z.record(z.string(), storedCustomValue),
  dimensions: z.array(z.object({ dimension: z.string(), value: z.string(), valueName: z.string() })),
  parentId: z.number().nullable(),
  childIds: z.array(z.number()),
  linkedIds: z.array(z.number()),
  watchers: z.object({ users: z.array(ref), contacts: z.array(ref) }),
  mailRecipients: z.array(z.object({ id: z.number(), name: z.string(), email: z.string() }))
    .describe('Who a public reply or a notice to the client about this ticket is e-mailed to: the requester and the watching contacts, each once, that are active and have an e-mail address (in contact id order). Empty: a public reply is only added to the timeline'),
  allowedTransitions: z.array(z.object({
    toState: z.string(),
    name: z.string(),
    /** Category of the target state: a screen asks for a message to the client when the ticket is to wait. */
    toCategory: z.enum(['new', 'open', 'waiting', 'resolved', 'closed']).describe('Category of the state the move leads to'),
    requiredFields: z.array(z.string()),
    clientNotice: z.enum(['ticket_waiting_for_client', 'ticket_resolved', 'ticket_closed']).nullable()
      .describe('The e-mail the move sends the client (null: none). ticket_waiting_for_client quotes the move\'s `comment`, ticket_resolved its `resolutionNote`; a `comment` that the notice does not quote is mailed as a public reply'),
  })),
  firstResponseAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  resolutionNote: z.string().nullable(),
  slaTargets: z.object({ firstResponse: slaTargetSchema, resolution: slaTargetSchema })
    .describe('Each SLA target on its own, from the same clock as `sla.status`: what the ticket page shows instead of a countdown once a target stopped'),
  /** The contract the ticket and its records fall under (PATCH /tickets/:id/contract changes it). */
  contractId: z.number().nullable(),
  contractNumber: z.string().nullable(),
});

export const timelineItemSchema = z.object({
  kind: z.enum(['comment', 'event']),
  id: z.number(),
  at: z.string(),
  actor: z.string().nullable(),
  visibility: z.enum(['public', 'internal']).nullable(),
  body: z.string().nullable(),
  bodyHtml: z.string().nullable(),
  event: z.string().nullable(),
  field: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

/** The SLA status a list item carries (tickets.sla.ts overallStatus): what `slaStatus` filters on. */
export const SLA_STATUSES = ['running', 'warning', 'paused', 'met', 'breached', 'none'] as const;

/** Dimension filters of the list: dimensionCode:valueCode, comma-separated (tickets.read.ts dimensionFilters reads them). */
const DIMENSION_FILTERS = /^[\w-]+:[\w-]+(,[\w-]+:[\w-]+)*$/;
export const MAX_DIMENSION_FILTERS = 20;

const idParam = (what: string) => z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().describe(what);

export const listQuery = z.strictObject({
  q: z.string().max(200).optional()
    .describe('Full text over number, subject, description and comments (internal notes too; not the client’s name: use clientId): every word must match the start of a word, case and diacritics do not matter ("tisk" finds "Tiskárna")'),
  view: z.enum(['all', 'mine', 'my_teams', 'unassigned', 'breaching_soon']).default('all')
    .describe('all; mine (assigned to me), my_teams, unassigned, breaching_soon (SLA due within 4 hours or already late): these four only open tickets (new, open, waiting) unless stateCategory says otherwise'),
  queueId: idParam('Queue id'),
  stateCategory: z.string().regex(/^(new|open|waiting|resolved|closed)(,(new|open|waiting|resolved|closed))*$/).optional()
    .describe('State categories, comma-separated: new, open, waiting, resolved, closed'),
  stateCode: z.string().max(50).optional().describe('A state by its code (e.g. in_progress); an unknown code matches nothing'),
  typeCode: z.string().max(50).optional().describe('A ticket type by its code (e.g. incident); an unknown code matches nothing'),
  priority: z.string().regex(/^P[1-4](,P[1-4])*$/).optional().describe('Priorities, comma-separated: P1 … P4'),
  assigneeId: idParam('Assignee (user id)'),
  teamId: idParam('Team id'),
  clientId: idParam('Client id'),
  categoryId: idParam('Category id'),
  tag: z.string().max(40).optional().describe('One tag (compared in lower case)'),
  slaStatus: z.enum(SLA_STATUSES).optional()
    .describe('SLA status: running, warning (past the warning share of a target), paused (waiting), met, breached, none (no SLA)'),
  dimension: z.union([z.string(), z.array(z.string()).max(MAX_DIMENSION_FILTERS)])
    // Repeated (?dimension=a:x&dimension=b:y), Fastify hands over a list: the same filter as a:x,b:y.
    .transform((v) => (Array.isArray(v) ? v.join(',') : v))
    .pipe(z.string().max(2000).regex(DIMENSION_FILTERS, 'Expected dimensionCode:valueCode, several separated by commas (e.g. service:email,cost_centre:brno)')
      .refine((v) => v.split(',').length <= MAX_DIMENSION_FILTERS, `At most ${MAX_DIMENSION_FILTERS} dimension values`))
    .optional()
    .describe('Analytic dimension values as dimensionCode:valueCode (e.g. service:email). Several, comma-separated or with the parameter repeated '
      + `(service:printing,cost_centre:brno), at most ${MAX_DIMENSION_FILTERS}: every dimension named must match (AND); several values of one dimension `
      + 'are alternatives (OR). An unknown dimension or value matches nothing'),
  custom: z.string().regex(/^[\w-]+:.{1,200}$/).optional()
    .describe('A custom field value as fieldKey:value (e.g. asset:INV-1001). A text field matches when its text contains the value in any case '
      + '(asset:inv-10 finds INV-1001; diacritics as typed; % and _ are plain characters); a choice field matches the option, a multi-choice field '
      + 'when the option is among its options; number and date fields match the whole value exactly (seats:5, due:2026-03-31). An unknown field matches nothing'),
  /** `newest`: the latest tickets first (by number of creation); with `q`, the fast order for words that many tickets contain. */
  sort: z.enum(['sla', 'created', '-created', 'priority', 'updated', 'newest']).default('sla')
    .describe('sla (SLA due first), priority, created (oldest first), -created (newest first), updated (last changed first), newest (by creation number; fastest with q)'),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Items per page, 1–200'),
  cursor: z.string().max(500).optional().describe('nextCursor of the previous page, with the same filters and sort'),
});

/** The most tickets GET /tickets/count counts: above it the answer is this number, marked capped. */
export const TICKET_COUNT_CAP = 10_000;

/** The list's filters without its paging and order (sort, limit, cursor): what the count takes. */
export const countQuery = listQuery.omit({ sort: true, limit: true, cursor: true });

export const ticketCountSchema = z.object({
  count: z.number().int().nonnegative()
    .describe(`How many tickets the list with the same filters pages through (in the asking user's queues); at most ${TICKET_COUNT_CAP}`),
  capped: z.boolean()
    .describe(`true: more than ${TICKET_COUNT_CAP} tickets match and \`count\` is ${TICKET_COUNT_CAP} (shown as "${TICKET_COUNT_CAP}+"); the count stops there rather than read every matching ticket`),
});

export const ticketStateCountSchema = z.object({
  stateId: z.number().int(),
  code: z.string().describe('The state\'s code, as in the ticket type\'s process'),
  tickets: z.number().int().nonnegative().describe('Tickets in the state now, in every queue; a state holding any cannot be removed from the process (409 state_in_use)'),
});

export const assigneesQuery = z.strictObject({ queueId: z.coerce.number().int().positive().describe('The ticket\'s queue') });

export const assigneeSchema = z.object({
  id: z.number(),
  name: z.string(),
  queueMember: z.boolean().describe('A member of the queue; false: an administrator or service manager, who sees every queue'),
});

export type Assignee = z.infer<typeof assigneeSchema>;
export type NewTicket = z.infer<typeof newTicketBody>;
export type TicketPatch = z.infer<typeof ticketPatchBody>;
export type TransitionInput = z.infer<typeof transitionBody>;
export type CommentInput = z.infer<typeof commentBody>;
export type Ticket = z.infer<typeof ticketSchema>;
export type SlaTargetOutcome = z.infer<typeof slaTargetSchema>;
export type TicketSummary = z.infer<typeof ticketSummarySchema>;
export type TimelineItem = z.infer<typeof timelineItemSchema>;
export type TicketListQuery = z.infer<typeof listQuery>;
export type TicketFilterQuery = z.infer<typeof countQuery>;
export type TicketCount = z.infer<typeof ticketCountSchema>;
export type TicketStateCount = z.infer<typeof ticketStateCountSchema>;
