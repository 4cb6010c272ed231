import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, errorSchema, page } from '../../platform/http/schemas.ts';
import { contextOf, SESSION_COOKIE } from './auth.hook.ts';
import type { AuthService } from './auth.service.ts';
import { ROLE_DEFINITIONS, ROLES } from './domain/index.ts';
import * as s from './identity.schemas.ts';
import type { UsersService } from './users.service.ts';

const SIGNED_OUT = { user: null, csrfToken: null };

/** Limits a session's answers carry, so that the web app refuses what the server would before sending it. */
export type SessionLimits = z.infer<typeof s.sessionLimitsSchema>;
/** Company-wide choices new records start with, read afresh for every session answer (they are settings). */
export type SessionDefaults = z.infer<typeof s.sessionDefaultsSchema>;

/** The signed-in caller, the session's CSRF token (empty for an API token, which needs none), the limits and defaults. */
async function sessionOf(request: FastifyRequest, auth: AuthService, limits: SessionLimits, defaults: () => Promise<SessionDefaults>) {
  return { user: await auth.me(contextOf(request)), csrfToken: request.auth?.csrfToken ?? '', limits, defaults: await defaults() };
}

export function identityRoutes(deps: { auth: AuthService; users: UsersService; secureCookies: boolean; limits: SessionLimits; defaults: () => Promise<SessionDefaults> }) {
  const { auth, users, secureCookies, limits, defaults } = deps;
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['identity'];

    app.post('/api/v1/auth/login', {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: z.strictObject({ email: z.string().max(254), password: z.string().max(200) }),
        response: { 200: s.sessionSchema, 400: errorSchema, 401: errorSchema, 429: errorSchema },
      },
      handler: async (request, reply) => {
        const r = await auth.signIn(request.body.email, request.body.password, request.ip, request.headers['user-agent'] ?? null);
        reply.setCookie(SESSION_COOKIE, r.sessionToken, {
          httpOnly: true,
          sameSite: 'lax',
          secure: secureCookies,
          path: '/',
          maxAge: r.maxAgeSeconds,
        });
        return { user: r.me, csrfToken: r.csrfToken, limits, defaults: await defaults() };
      },
    });

    app.post('/api/v1/auth/logout', {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Sign out (ends the session)', response: { 204: z.null(), ...errorResponses } },
      handler: async (request, reply) => {
        if (request.auth?.sessionId) await auth.signOut(contextOf(request), request.auth.sessionId);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    });

    app.get('/api/v1/auth/me', {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'The signed-in user, with the CSRF token of the session', response: { 200: s.sessionSchema, ...errorResponses } },
      handler: async (request) => sessionOf(request, auth, limits, defaults),
    });

    // Being signed out is an answer here, not an error: a page asking at start-up whether
    // someone is signed in gets 200 either way (a 401 shows as a failed request in the browser).
    app.get('/api/v1/auth/session', {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Whether someone is signed in: the same body as GET /auth/me, or { user: null, csrfToken: null } without a valid session (an expired or unknown session cookie too). An invalid API token is still 401.',
        response: { 200: s.sessionOrSignedOutSchema, 401: errorSchema },
      },
      handler: async (request) => (request.auth ? sessionOf(request, auth, limits, defaults) : SIGNED_OUT),
    });

    app.patch('/api/v1/auth/me', {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Change own name or language',
        body: z.strictObject({ name: z.string().trim().min(1).max(200).optional(), language: s.language.optional() }),
        response: { 200: s.sessionSchema, ...errorResponses },
      },
      handler: async (request) => ({
        user: await users.updateMe(contextOf(request), request.body),
        csrfToken: request.auth?.csrfToken ?? '',
        limits,
        defaults: await defaults(),
      }),
    });

    app.post('/api/v1/auth/change-password', {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Change own password; other sessions end',
        body: z.strictObject({ currentPassword: z.string().max(200), newPassword: z.string().max(200) }),
        response: { 204: z.null(), ...errorResponses },
      },
      handler: async (request, reply) => {
        await auth.changePassword(contextOf(request), request.auth?.sessionId ?? null, request.body.currentPassword, request.body.newPassword);
        return reply.status(204).send(null);
      },
    });

    app.get('/api/v1/staff', {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'Active users who work tickets (id, name, e-mail, roles): for assignee, member and lead pickers',
        response: { 200: z.object({ items: z.array(z.object({ id: z.number(), name: z.string(), email: z.string(), roles: z.array(z.enum(ROLES)) })) }), ...errorResponses },
      },
      handler: async (request) => ({ items: await users.staff(contextOf(request)) }),
    });

    app.get('/api/v1/roles', {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Roles with their permissions and field scope',
        response: {
          200: z.object({
            items: z.array(z.object({ code: z.enum(ROLES), permissions: z.array(z.string()), fieldScope: s.meSchema.shape.fieldScope })),
          }),
          ...errorResponses,
        },
      },
      handler: async () => ({
        items: ROLES.map((code) => ({ code, permissions: [...ROLE_DEFINITIONS[code].permissions], fieldScope: ROLE_DEFINITIONS[code].fieldScope })),
      }),
    });

    app.get('/api/v1/users', {
      config: { access: 'users.read' },
      schema: { tags, summary: 'List users', querystring: s.listQuery, response: { 200: page(s.userSchema), ...errorResponses } },
      handler: async (request) => users.list(contextOf(request), request.query),
    });

    app.post('/api/v1/users', {
      config: { access: 'users.manage' },
      schema: { tags, summary: 'Create a user', body: s.newUserBody, response: { 201: s.userSchema, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await users.create(contextOf(request), request.body)),
    });

    app.get('/api/v1/users/:id', {
      config: { access: 'users.read' },
      schema: { tags, summary: 'One user', params: s.idParam, response: { 200: s.userSchema, ...errorResponses } },
      handler: async (request) => users.get(contextOf(request), request.params.id),
    });

    app.patch('/api/v1/users/:id', {
      config: { access: 'users.manage' },
      schema: {
        tags,
        summary: 'Change a user (name, language, roles, client of a client contact, active)',
        description:
          'Refused with 409 cannot_deactivate_self when you set active: false on your own account (another administrator can do it), and with 409 last_admin when it would leave no active administrator. ' +
          'With active: false, openTickets: "return" unassigns the user\'s open tickets in the same change (see GET /users/{id}/open-tickets), and openTickets: { handTo: userId } assigns them all to that colleague, each as if by hand (timeline, audit, mail to the colleague); without it they stay assigned. ' +
          'A hand-over is refused, changing nothing, with 400 (openTickets.handTo: hand_to_self for the user themselves, unknown_reference for no active user with the id, not_assignable for a user who does not work tickets) and with 409 colleague_cannot_work_queue when one of the tickets\' queues does not allow the colleague (the details name each such queue and its first 10 ticket numbers), and with 409 open_tickets_changed when another ticket was assigned to the user while the hand-over ran (deactivate again).',
        params: s.idParam,
        body: s.userPatchBody,
        response: { 200: s.userSchema, ...errorResponses },
      },
      handler: async (request) => users.update(contextOf(request), request.params.id, request.body),
    });

    app.get('/api/v1/users/:id/open-tickets', {
      config: { access: 'users.manage' },
      schema: {
        tags,
        summary: 'The open tickets assigned to a user, before deactivating them',
        description:
          'How many tickets in a state of category new, open or waiting the user is assigned, the first 10 by number and the queues of all of them. Deactivating with PATCH /users/{id} { active: false, openTickets: "return" } hands them back to their queues, unassigned; with openTickets: { handTo: userId } to a colleague whom every one of these queues allows.',
        params: s.idParam,
        response: { 200: s.openTicketsSchema, ...errorResponses },
      },
      handler: async (request) => users.openTickets(contextOf(request), request.params.id),
    });

    app.post('/api/v1/users/:id/reset-password', {
      config: { access: 'users.manage' },
      schema: {
        tags,
        summary: "Set a user's password; the user's sessions end",
        params: s.idParam,
        body: z.strictObject({ password: z.string().max(200) }),
        response: { 204: z.null(), ...errorResponses },
      },
      handler: async (request, reply) => {
        await users.resetPassword(contextOf(request), request.params.id, request.body.password);
        return reply.status(204).send(null);
      },
    });

    app.get('/api/v1/tokens', {
      config: { access: 'tokens.own' },
      schema: { tags, summary: 'My API tokens', response: { 200: z.object({ items: z.array(s.tokenSchema) }), ...errorResponses } },
      handler: async (request) => ({ items: await users.listTokens(contextOf(request)) }),
    });

    app.post('/api/v1/tokens', {
      config: { access: 'tokens.own' },
      schema: {
        tags,
        summary: 'Create an API token (the secret is shown once)',
        body: z.strictObject({ name: z.string().trim().min(1).max(100) }),
        response: { 201: z.object({ id: z.number(), name: z.string(), token: z.string() }), ...errorResponses },
      },
      handler: async (request, reply) => {
        const ctx = contextOf(request);
        return reply.status(201).send(await users.createToken(ctx, ctx.actor.userId, request.body.name));
      },
    });

    app.delete('/api/v1/tokens/:id', {
      config: { access: 'tokens.own' },
      schema: { tags, summary: 'Revoke one of my API tokens', params: s.idParam, response: { 204: z.null(), ...errorResponses } },
      handler: async (request, reply) => {
        await users.revokeToken(contextOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });
  };
}
