import type { FastifyInstance } from 'fastify';

/**
 * Gives the memory of a burst of requests back once the server goes quiet.
 *
 * V8 collects its old generation when allocation makes it grow; a server that
 * has just answered thousands of requests and then waits keeps that garbage
 * (100 MB and more after a write-heavy minute) until the next burst, since
 * Node has no idle-time collection. So: when requests were served and then none
 * for `quietMs`, one full collection runs. It needs the process to be started
 * with `--expose-gc` (`npm start` is); without it this does nothing.
 */
export function collectWhenQuiet(app: FastifyInstance, quietMs = 3_000): void {
  const collect = (globalThis as { gc?: (options?: { type: 'major'; execution: 'async' }) => unknown }).gc;
  if (!collect) return;
  let served = 0;
  let seen = 0;
  let quietSince = 0; // 0: nothing served since the last collection
  app.addHook('onResponse', (_request, _reply, done) => {
    served++;
    done();
  });
  const timer = setInterval(() => {
    if (served !== seen) {
      seen = served;
      quietSince = Date.now();
      return;
    }
    if (quietSince !== 0 && Date.now() - quietSince >= quietMs) {
      quietSince = 0; // once per quiet spell
      void collect({ type: 'major', execution: 'async' });
    }
  }, Math.max(250, quietMs / 4));
  timer.unref();
  app.addHook('onClose', (_app, done) => {
    clearInterval(timer);
    done();
  });
}
