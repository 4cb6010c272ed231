import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { collectWhenQuiet } from '../src/platform/http/idle-memory.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('memory given back when the server goes quiet', () => {
  const g = globalThis as { gc?: unknown };
  const before = g.gc;
  afterEach(() => {
    g.gc = before;
  });

  it('collects once after a burst of requests and a quiet spell, again only after new requests', async () => {
    const calls: unknown[] = [];
    g.gc = (options: unknown) => calls.push(options);
    const app = Fastify();
    collectWhenQuiet(app, 300);
    app.get('/x', async () => ({ ok: true }));
    await app.ready();
    await sleep(700);
    expect(calls).toHaveLength(0); // nothing served yet: nothing to give back
    for (let i = 0; i < 5; i++) await app.inject({ url: '/x' });
    await sleep(1_000);
    expect(calls).toEqual([{ type: 'major', execution: 'async' }]);
    await sleep(600);
    expect(calls).toHaveLength(1); // one collection per quiet spell
    await app.inject({ url: '/x' });
    await sleep(1_000);
    expect(calls).toHaveLength(2);
    await app.close();
  });

  it('does nothing in a process started without --expose-gc', async () => {
    g.gc = undefined;
    const app = Fastify();
    collectWhenQuiet(app, 300);
    app.get('/x', async () => ({ ok: true }));
    expect((await app.inject({ url: '/x' })).statusCode).toBe(200);
    await app.close();
  });
});
