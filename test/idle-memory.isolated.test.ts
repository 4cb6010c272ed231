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

  it('collects after starting and after a busy spell once quiet, once more when settled, again only after the next busy spell', async () => {
    const calls: number[] = [];
    let busyEnded = 0;
    g.gc = () => calls.push(Date.now());
    /** Waits until `n` collections have run (the machine may be slow: up to 5 s). */
    const collections = async (n: number) => {
      const end = Date.now() + 5_000;
      while (calls.length < n && Date.now() < end) await sleep(50);
      return calls.length;
    };
    const app = Fastify();
    collectWhenQuiet(app, { quietMs: 300, settleMs: 1000, checkMs: 100 });
    await app.ready();
    expect(await collections(2)).toBe(2); // starting up was busy: its garbage goes when quiet, then once more
    expect(calls[1]! - calls[0]!).toBeGreaterThanOrEqual(900); // the settling one waits settleMs of quiet
    await sleep(800);
    expect(calls).toHaveLength(2); // no busy spell since: nothing more to give back
    await busyFor(400);
    busyEnded = Date.now();
    expect(await collections(3)).toBe(3);
    expect(calls[2]! - busyEnded).toBeGreaterThanOrEqual(250); // only once quiet for quietMs
    expect(await collections(4)).toBe(4);
    await sleep(800);
    expect(calls).toHaveLength(4); // nothing more in the same quiet spell
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
