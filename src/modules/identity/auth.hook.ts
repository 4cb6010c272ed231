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

  // Callback style, not async: on the hot path (an API token already looked up) the only
  // promise is the token look-up's own; an async hook around async helpers cost three.
  app.addHook('onRequest', (request, _reply, done) => {
    const access = request.routeOptions.config.access;
    if (!access) return done();
    const header = request.headers.authorization;
    if (header) {
      const token = BEARER.exec(header)?.[1];
      // A wrong token is an error even on public routes: the caller meant to authenticate.
      if (!token) return done(invalidToken());
      const known = auth.cachedToken(token);
      if (known !== undefined) return done(settled(request, access, known));
      auth.authenticateToken(token).then((result) => done(settled(request, access, result ?? invalidToken())), (err) => done(asError(err)));
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return done(admit(request, access, null));
    auth.authenticateSession(cookie).then((result) => done(settled(request, access, result)), (err) => done(asError(err)));
  });
}

/** admit() after a look-up: whatever it throws must reach the error handler, not become an unhandled rejection. */
function settled(request: FastifyRequest, access: Access, result: Authenticated | null | AppError): Error | undefined {
  try {
    return admit(request, access, result);
  } catch (err) {
    return asError(err);
  }
}

// Never undefined: done() without an error would let the request through.
const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(`authentication failed: ${String(err)}`));

const BEARER = /^Bearer\s+(\S+)$/i;

function invalidToken(): AppError {
  return new AppError('unauthorized', 'invalid_token', 'The API token is not valid or was revoked');
}

/** Records who is calling; returns the error that refuses the request, if any. */
function admit(request: FastifyRequest, access: Access, result: Authenticated | null | AppError): AppError | undefined {
  if (result instanceof AppError) return result;
  request.auth = result;
  if (access === 'public') return undefined;
  if (!result) return new AppError('unauthorized', 'unauthorized', 'Sign in or send an API token');
  if (result.csrfToken !== null && !SAFE_METHODS.has(request.method)) {
    const header = request.headers['x-csrf-token'];
    if (typeof header !== 'string' || !sameSecret(header, result.csrfToken)) {
      return new AppError('forbidden', 'csrf_failed', 'The request lacks the CSRF token of the session; reload the page');
    }
  }
  if (access !== 'authenticated' && !hasPermission(result.actor, access)) return forbidden();
  return undefined;
}
