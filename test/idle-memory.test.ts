import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { collectWhenQuiet } from '../src/platform/http/idle-memory.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Keeps the event loop busy for `ms` (as a burst of requests would). */
async function busyFor(ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const spin = Date.now() + 40;
    while (Date.now() < spin);
    await new Promise((r) => setImmediate(r));
  }
}

describe('memory given back when the server goes quiet', () => {
  const g = globalThis as { gc?: unknown };
  const before = g.gc;
  afterEach(() => {
    g.gc = before;
  });

  it('collects after a busy spell and a quiet one, once more when settled, again only after the next busy spell', async () => {
    const calls: unknown[] = [];
    g.gc = (options: unknown) => calls.push(options);
    const app = Fastify();
    collectWhenQuiet(app, { quietMs: 300, settleMs: 1000, checkMs: 100 });
    await app.ready();
    await sleep(700);
    expect(calls).toHaveLength(0); // never busy: nothing to give back
    await busyFor(400);
    await sleep(700);
    expect(calls).toHaveLength(1);
    await sleep(1300);
    expect(calls).toHaveLength(2); // the settling collection (V8 shrinks its young generation then)
    await sleep(600);
    expect(calls).toHaveLength(2); // nothing more in the same quiet spell
    await busyFor(400);
    await sleep(2000);
    expect(calls).toHaveLength(4);
    await app.close();
  });

  it('does nothing in a process started without --expose-gc', async () => {
    g.gc = undefined;
    const app = Fastify();
    collectWhenQuiet(app, { quietMs: 300, checkMs: 100 });
    app.get('/x', async () => ({ ok: true }));
    expect((await app.inject({ url: '/x' })).statusCode).toBe(200);
    await app.close();
  });
});
