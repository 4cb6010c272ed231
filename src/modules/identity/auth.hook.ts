import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, forbidden } from '../../shared/errors.ts';
import { sameSecret, type Authenticated, type AuthService } from './auth.service.ts';
import type { RequestContext } from './context.ts';
import { hasPermission, PERMISSIONS, type Permission } from './domain/index.ts';

/** Who may call a route: anyone, any signed-in user, or holders of a permission. */
export type Access = 'public' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    auth: Authenticated | null;
  }
  interface FastifyInstance {
    routeTable: { method: string; url: string; access: Access }[];
  }
}

export const SESSION_COOKIE = 'kontor_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The request's context for services; only on routes that require sign-in. */
export function contextOf(request: FastifyRequest): RequestContext {
  if (!request.auth) throw new AppError('unauthorized', 'unauthorized', 'Sign in or send an API token');
  return { actor: request.auth.actor, ip: request.ip };
}

/**
 * Authentication and the coarse permission gate for every /api route. A route
 * that does not declare its access refuses to register, so nothing is ever
 * exposed by omission; record and field scope are checked in the services.
 */
export function registerAuthHook(app: FastifyInstance, auth: AuthService): void {
  app.decorate('routeTable', []);
  app.decorateRequest('auth', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const access = route.config?.access;
    if (!access || !(access === 'public' || access === 'authenticated' || PERMISSIONS.includes(access))) {
      throw new Error(`Route ${String(route.method)} ${route.url} must declare config.access`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.routeTable.push({ method, url: route.url, access });
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access) return;
    request.auth = await authenticate(request, auth);
    if (access === 'public') return;
    if (!request.auth) throw new AppError('unauthorized', 'unauthorized', 'Sign in or send an API token');
    if (request.auth.csrfToken !== null && !SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameSecret(header, request.auth.csrfToken)) {
        throw new AppError('forbidden', 'csrf_failed', 'The request lacks the CSRF token of the session; reload the page');
      }
    }
    if (access !== 'authenticated' && !hasPermission(request.auth.actor, access)) throw forbidden();
  });
}

async function authenticate(request: FastifyRequest, auth: AuthService): Promise<Authenticated | null> {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const result = match?.[1] ? await auth.authenticateToken(match[1]) : null;
    // A wrong token is an error even on public routes: the caller meant to authenticate.
    if (!result) throw new AppError('unauthorized', 'invalid_token', 'The API token is not valid or was revoked');
    return result;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? auth.authenticateSession(cookie) : null;
}
