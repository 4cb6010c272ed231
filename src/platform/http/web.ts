import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';

/**
 * Serves the built web app with a fallback to index.html for client-side
 * routes. Without a build, `/` says how to make one instead of a blank page.
 *
 * Files are looked up on disk per request, not routed once at start: a
 * `npm run build:web` while the server runs writes new hashed asset names,
 * and a route table fixed at start would answer 404 for them (a blank page
 * until a restart).
 */
export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  const index = join(webDir, 'index.html');
  if (!existsSync(index)) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/plain').send('Kontor API is running. The web app is not built: run `npm run build:web`.'),
    );
    return;
  }
  // Only reply.sendFile: the catch-all below decides what a path is, so the plugin routes nothing itself.
  await app.register(fastifyStatic, { root: webDir, serve: false, maxAge: '1h' });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    // The router's decoded path: `%2f` and `%2e` are what they mean here, so the checks below see them.
    const file = (request.params as { '*': string })['*'];
    if (path.startsWith('/api/') || file.startsWith('api/')) return notFound(reply, path);
    if (!file.includes('.')) return sendIndex(reply);
    if (!insideWebDir(webDir, file)) return notFound(reply, path);
    if (file === 'index.html') return sendIndex(reply);
    // A missing file ends in the app's not-found handler: the same JSON 404 as an unknown route.
    return reply.sendFile(file);
  });
}

/**
 * index.html names the current hashed assets, so it must be asked for again after every build.
 * `cacheControl: false` keeps the file sender from replacing our header with the assets' max-age.
 */
function sendIndex(reply: FastifyReply) {
  return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
}

function notFound(reply: FastifyReply, path: string) {
  return reply.status(404).send({ error: { code: 'not_found', message: `No route GET ${path}` } });
}

/** False for anything that would leave the web folder (`..`, an absolute path, a backslash). */
function insideWebDir(webDir: string, file: string): boolean {
  if (file.includes('\\') || file.includes('\0')) return false;
  const rel = relative(webDir, resolve(webDir, file));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
