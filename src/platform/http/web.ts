import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Serves the built web app with a fallback to index.html for client-side
 * routes. Without a build, `/` says how to make one instead of a blank page.
 */
export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  const index = join(webDir, 'index.html');
  if (!existsSync(index)) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/plain').send('Kontor API is running. The web app is not built: run `npm run build:web`.'),
    );
    return;
  }
  await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'], maxAge: '1h' });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/') || path.includes('.')) {
      return reply.status(404).send({ error: { code: 'not_found', message: `No route GET ${path}` } });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
