import type { FastifyInstance } from 'fastify';
import { invalid } from '../../shared/errors.ts';

/**
 * Refuses a request whose path, query or JSON body holds the NUL character (U+0000)
 * in any text, naming where.
 *
 * Why: PostgreSQL cannot store NUL in text at all (the statement fails, which would
 * surface as a 500), and SQLite stores it but C-string functions and the full-text
 * index stop at it. No field of Kontor means to hold one, so it is refused the same
 * way on both engines, before any work is done.
 */
export function registerTextGuard(app: FastifyInstance): void {
  // A callback hook, not an async one: this runs on every request and a promise per request costs more than the walk.
  app.addHook('preValidation', (request, _reply, done) => {
    const at = nulPath(request.params, '') ?? nulPath(request.query, '') ?? nulPath(request.body, '');
    if (at === null) return done();
    done(invalid([{ path: at, code: 'nul_character', message: 'Text may not contain the NUL character (\\u0000)' }], 'The request contains a NUL character'));
  });
}

/** The dotted path of the first text holding NUL (a key or a value), or null. */
export function nulPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], path ? `${path}.${i}` : String(i));
      if (found !== null) return found;
    }
    return null;
  }
  // Parsed JSON and query objects (the query parser's have no Object prototype); an upload's stream or a Buffer is not text.
  if (ArrayBuffer.isView(value) || typeof (value as { pipe?: unknown }).pipe === 'function') return null;
  for (const key in value) {
    const here = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return here;
    const found = nulPath((value as Record<string, unknown>)[key], here);
    if (found !== null) return found;
  }
  return null;
}
