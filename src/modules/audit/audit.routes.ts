import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkedText, errorResponses, page, rangeInOrder } from '../../platform/http/schemas.ts';
import { isoDateProblem } from '../../shared/calendar/index.ts';
import { INVALID_DATE } from '../../shared/date-details.ts';
import { quotedInput } from '../../shared/text.ts';
import { contextOf } from '../identity/index.ts';
import type { AuditService } from './audit.service.ts';
import { REFERENCE_KINDS } from './domain/references.ts';

/** The time of a UTC instant after its date: hours and minutes, seconds and their fraction optional. */
const INSTANT_TIME = /^T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?Z$/;

/**
 * Why the text is neither a day 'YYYY-MM-DD' nor a UTC instant 'YYYY-MM-DDTHH:MM:SSZ', or null.
 * A day written right that does not exist (2026-02-30, with a time or without) gets the day's own words.
 */
function dayOrInstantProblem(text: string): string | null {
  const day = text.slice(0, 10);
  const dayProblem = isoDateProblem(day);
  const time = text.slice(10);
  if (dayProblem === null && (time === '' || INSTANT_TIME.test(time))) return null;
  if (dayProblem !== null && /^\d{4}-\d{2}-\d{2}$/.test(day)) return dayProblem;
  return `${quotedInput(text)} is neither a date (YYYY-MM-DD) nor a UTC instant (YYYY-MM-DDTHH:MM:SSZ)`;
}

/** A day (as `from`: its first moment; as `to`: its last) or an instant, as one instant written alike, to compare as text. */
function instantOf(text: string, end: 'from' | 'to'): string {
  if (text.length === 10) return `${text}T${end === 'from' ? '00:00:00.000' : '23:59:59.999'}Z`;
  return new Date(text).toISOString();
}

const isoDateOrInstant = checkedText(dayOrInstantProblem, INVALID_DATE).meta({
  description: 'A day YYYY-MM-DD (as `to`: up to its end) or a UTC instant YYYY-MM-DDTHH:MM:SSZ',
  examples: ['2026-10-05', '2026-10-05T08:30:00Z'],
});

const auditItem = z.object({
  id: z.number(),
  at: z.string(),
  actorUserId: z.number().nullable(),
  actorTokenId: z.number().nullable(),
  actorName: z.string().nullable(),
  ip: z.string().nullable(),
  entity: z.string(),
  entityId: z.string().nullable(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  actorUserName: z.string().nullable().describe('The acting user\'s name now, looked up by actorUserId: names the user of an entry that recorded only the id (a failed sign-in); null without a user'),
  entityLabel: z.string().nullable().describe(
    'How people name the entity now, looked up by entityId: a ticket\'s number; an invoice\'s, credit note\'s or stock document\'s number (a draft: its client and period, or its date and warehouse); '
      + 'a contract\'s number and name; a work entry\'s date, technician and ticket; a billing run\'s period; an export\'s file name; an e-mail\'s subject; '
      + 'a price list version\'s list and start; a contact\'s name and client; a stock minimum\'s item and warehouse; a timer\'s or technician settings\' user; '
      + 'the name of a client, user, queue, team, ticket type, category, dimension (value), custom field, calendar, SLA policy, price list, work type, unit fee, '
      + 'technician level, travel zone, VAT rate, cost rate, stock item, warehouse, saved view or API token. '
      + 'null when the entity id is a code or nothing (a setting, a mail template, a session, a seed), or the row no longer exists (entityDeleted)',
  ),
  entityDeleted: z.boolean().describe('true when entityId names a row that no longer exists (deleted since): the entry still shows what it recorded'),
  references: z
    .record(
      z.string(),
      z.object({
        entity: z.enum(REFERENCE_KINDS).describe('What the field\'s ids refer to (user, client, ticket, queue, work_type, item, …)'),
        names: z.record(z.string(), z.string().nullable()).describe('By id: the name now, as entityLabel names that kind; null when the row no longer exists'),
        codes: z.record(z.string(), z.string()).optional().describe('Ticket states and types only, by id: the code, by which the web app words a default name in the reader\'s language'),
      }),
    )
    .describe(
      'The ids in before and after that name other rows, by field name as before/after has it (the last part of its path: lines.0.itemId under itemId; '
        + 'a list such as members or workTypeIds under its own name), e.g. {"assigneeId": {"entity": "user", "names": {"17": "Jana Nováková"}}}. '
        + 'Looked up now, for presentation: the recorded entry is never changed. Fields that record a name beside the id (assignee: {id, name}) are not listed',
    ),
});

export function auditRoutes(audit: AuditService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['audit'];

    app.get('/api/v1/audit', {
      config: { access: 'audit.read' },
      schema: {
        tags,
        summary: 'The audit log, newest first, with filters; each entry with the names of what it refers to',
        // A bare day as `to` means the whole of that day, as the list reads it.
        querystring: rangeInOrder(z.strictObject({
          entity: z.string().max(50).optional(),
          entityId: z.string().max(50).optional(),
          actorUserId: z.coerce.number().int().positive().optional(),
          action: z.string().max(50).optional(),
          from: isoDateOrInstant.optional(),
          to: isoDateOrInstant.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(200).optional(),
        }), (from, to) => instantOf(from, 'from') <= instantOf(to, 'to')),
        response: { 200: page(auditItem), ...errorResponses },
      },
      handler: async (request) => audit.list(contextOf(request), request.query),
    });

    app.get('/api/v1/audit/verify', {
      config: { access: 'audit.read' },
      schema: {
        tags,
        summary: 'Check the hash chain of the whole audit log',
        response: { 200: z.object({ ok: z.boolean(), checked: z.number(), firstBrokenId: z.number().nullable() }), ...errorResponses },
      },
      handler: async (request) => audit.verify(contextOf(request)),
    });
  };
}
