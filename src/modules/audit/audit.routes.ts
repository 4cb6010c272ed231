import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, page } from '../../platform/http/schemas.ts';
import { contextOf } from '../identity/index.ts';
import type { AuditService } from './audit.service.ts';

const isoDateOrInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, 'an ISO date (YYYY-MM-DD) or UTC instant');

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
  entityLabel: z.string().nullable().describe('How people name the entity now, looked up by entityId: a ticket\'s number, a client\'s or user\'s name; null for other entities or one that no longer exists'),
});

export function auditRoutes(audit: AuditService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['audit'];

    app.get('/api/v1/audit', {
      config: { access: 'audit.read' },
      schema: {
        tags,
        summary: 'The audit log, newest first, with filters',
        querystring: z.strictObject({
          entity: z.string().max(50).optional(),
          entityId: z.string().max(50).optional(),
          actorUserId: z.coerce.number().int().positive().optional(),
          action: z.string().max(50).optional(),
          from: isoDateOrInstant.optional(),
          to: isoDateOrInstant.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(200).optional(),
        }),
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
