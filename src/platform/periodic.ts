/**
 * A job run every few seconds inside the server process: one pass at a time
 * (a call while a pass is under way shares it), the next pass scheduled when
 * the previous one ends, a failed pass logged and tried again at the next tick,
 * and stop() letting the pass under way finish. The timer never keeps the
 * process alive on its own.
 */
export interface PeriodicJob<T> {
  runOnce(): Promise<T>;
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

export function periodicJob<T>(pass: () => Promise<T>, onError: (err: unknown) => void): PeriodicJob<T> {
  let running: Promise<T> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let started = false;

  function runOnce(): Promise<T> {
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  }

  function start(intervalMs: number): void {
    if (started) return;
    started = true;
    const tick = async () => {
      try {
        await runOnce();
      } catch (err) {
        onError(err);
      }
      if (started) {
        timer = setTimeout(tick, intervalMs);
        timer.unref();
      }
    };
    timer = setTimeout(tick, 0);
    timer.unref();
  }

  async function stop(): Promise<void> {
    started = false;
    if (timer) clearTimeout(timer);
    timer = null;
    await running?.catch(() => undefined);
  }

  return { runOnce, start, stop };
}
