import type { FastifyInstance } from 'fastify';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';

/**
 * Gives the memory of a burst of requests (and of starting up) back once the
 * server goes quiet.
 *
 * V8 collects its old generation when allocation makes it grow; a server that
 * has just answered thousands of requests and then waits keeps that garbage
 * (100 MB and more after a write-heavy minute) until the next burst, since
 * Node has no idle-time collection. So: after a busy spell (the event loop more
 * than `busyShare` busy over a check), once it has been quiet (less than
 * `quietShare`) for `quietMs`, one full collection runs. Read from the event
 * loop's utilisation, so requests pay nothing for it. It needs the process to be
 * started with `--expose-gc` (`npm start` is); without it this does nothing.
 *
 * A second collection follows `settleMs` later, still quiet: V8 shrinks its
 * young generation (it grows to tens of MB under load) only in a collection that sees
 * the allocation rate low, and it judges the rate over the last 5 s of its
 * collections: the first one, right after the burst, still sees the burst.
 */
export function collectWhenQuiet(app: FastifyInstance, options: { quietMs?: number; settleMs?: number; checkMs?: number; busyShare?: number; quietShare?: number } = {}): void {
  const collect = (globalThis as { gc?: () => unknown }).gc;
  if (!collect) return;
  const { quietMs = 2_000, settleMs = 5_000, checkMs = 1_000, busyShare = 0.2, quietShare = 0.02 } = options;
  let last: EventLoopUtilization = performance.eventLoopUtilization();
  // Starting up is a busy spell too: its garbage (loading modules, migrating) goes the same way.
  let busySinceCollection = true;
  /** Collections still due in this quiet spell, at these quiet times. */
  let due: number[] = [quietMs, quietMs + settleMs];
  let quietFor = 0;
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const share = performance.eventLoopUtilization(now, last).utilization;
    last = now;
    if (share > busyShare) {
      busySinceCollection = true;
      quietFor = 0;
      due = [quietMs, quietMs + settleMs];
    } else if (share < quietShare && busySinceCollection) {
      quietFor += checkMs;
      if (due.length && quietFor >= due[0]!) {
        due.shift();
        if (!due.length) busySinceCollection = false;
        // Synchronous: the server is quiet, and a finished collection frees its pages at once.
        collect();
        // The collection's own time is not the server's work: the next check starts after it.
        last = performance.eventLoopUtilization();
      }
    } else {
      quietFor = 0;
    }
  }, checkMs);
  timer.unref();
  app.addHook('onClose', (_app, done) => {
    clearInterval(timer);
    done();
  });
}
