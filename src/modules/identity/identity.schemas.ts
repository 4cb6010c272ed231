import { z } from 'zod';
import { LANGUAGES } from '../../shared/language.ts';
import { ROLES } from './domain/index.ts';

export const language = z.enum(LANGUAGES);
export const email = z.email().max(254);
export const idParam = z.strictObject({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export const meSchema = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  language,
  roles: z.array(z.enum(ROLES)),
  permissions: z.array(z.string()),
  fieldScope: z.object({ prices: z.boolean(), costs: z.boolean(), margins: z.boolean() }),
  clientId: z.number().nullable().describe("A client contact's own client (GET /clients/{id}): the organisation they act for; null for staff"),
});
/** Limits the server enforces that a client app can check before it sends anything (the server still checks them). */
export const sessionLimitsSchema = z.object({
  attachmentMaxBytes: z.number().int().describe('The largest file a ticket attachment may be, in bytes (KONTOR_ATTACHMENT_MAX_BYTES); a larger upload is refused with 413 attachment_too_large'),
});
/** Company-wide choices a client app starts new records with (settings, so they may change during a session). */
export const sessionDefaultsSchema = z.object({
  clientCountry: z.string().describe("The country a new client starts with in the client form: the company setting defaultCountry (PUT /settings/company), an ISO 3166-1 alpha-2 code"),
});
export const sessionSchema = z.object({ user: meSchema, csrfToken: z.string(), limits: sessionLimitsSchema, defaults: sessionDefaultsSchema });
/** GET /auth/session: a session, or nobody signed in. */
export const sessionOrSignedOutSchema = z.union([sessionSchema, z.object({ user: z.null(), csrfToken: z.null() })]);

export const userSchema = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  language,
  roles: z.array(z.enum(ROLES)),
  clientId: z.number().nullable(),
  active: z.boolean(),
  version: z.number().describe('Changes with every edit of name, language, roles, status or client; send it back with PATCH'),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastLoginAt: z.string().nullable(),
});

export const listQuery = z.strictObject({
  q: z.string().max(200).optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const newUserBody = z.strictObject({
  email,
  name: z.string().trim().min(1).max(200),
  language: language.default('cs'),
  roles: z.array(z.enum(ROLES)).min(1),
  password: z.string().max(200).optional(),
  clientId: z.number().int().positive().nullable().optional().describe('The client a client contact belongs to; required with the client_contact role'),
});

export const userPatchBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  language: language.optional(),
  roles: z.array(z.enum(ROLES)).min(1).optional(),
  active: z.boolean().optional(),
  clientId: z
    .number().int().positive().nullable().optional()
    .describe('The client a client contact belongs to; a user who has (or gets) the client_contact role must have one (400 clientId required)'),
  version: z.number().int().optional().describe('The version read; 409 stale_version if the user was changed since'),
  openTickets: z
    .union([
      z.enum(['return', 'keep']),
      z.strictObject({
        handTo: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).describe(
          'The colleague (user id) who takes over every open ticket: an active user who works tickets, not the one being deactivated (400 openTickets.handTo hand_to_self), ' +
            "whom each of the tickets' queues allows (GET /tickets/assignees?queueId=…; the queues are listed by GET /users/{id}/open-tickets)",
        ),
      }),
    ])
    .optional()
    .describe(
      "Only with active: false (else 400 openTickets only_when_deactivating): what becomes of the open tickets (state category new, open or waiting) assigned to the user, listed by GET /users/{id}/open-tickets. " +
        "return: unassigned in the same change, each with a timeline event and an audit entry as if unassigned by hand, so they wait among their queues' unassigned tickets; " +
        "{ handTo: userId }: assigned to that colleague in the same change, each with the timeline event, the audit entry and the mail (template ticket_colleague_update, to the colleague and the watching colleagues) of an assignment by hand; " +
        'refused, changing nothing (the user stays active), with 400 openTickets.handTo unknown_reference when no active user has the id, not_assignable when the user does not work tickets (an operator, technician, service manager or administrator does), and with 409 colleague_cannot_work_queue when a queue of the tickets does not allow the colleague (a detail per such queue names it and its first 10 ticket numbers), and with 409 open_tickets_changed when a ticket was assigned to the user meanwhile; ' +
        'keep (the default): they stay assigned to the inactive user.',
    ),
});

export const openTicketsSchema = z.object({
  count: z.number().int().describe('How many open tickets (state category new, open or waiting) the user is assigned'),
  items: z.array(z.object({ id: z.number(), number: z.string() })).describe('The first 10 of them by number; count tells how many more there are'),
  queues: z
    .array(z.object({ id: z.number(), name: z.string() }))
    .describe('The queues of all of them, by name: a colleague who takes them over (openTickets: { handTo }) must be allowed to work each (GET /tickets/assignees?queueId=…)'),
});

export const tokenSchema = z.object({
  id: z.number(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
