/**
 * How often a long export says how far it got. A line per document would be 10 000
 * lines for a big period, more than any progress bar can show and work for both ends;
 * so a line goes out only when the count moved by at least ~1 % of the total AND at
 * least 250 ms passed since the last one (whichever is rarer). The last document is
 * always reported, so the bar reaches its end while the batch is being recorded.
 */
export interface ProgressPace {
  /** Whether to report `done` documents at `atMs` (a monotonic time); remembers it when so. */
  due(done: number, atMs: number): boolean;
}

export const MIN_SHARE = 0.01;
export const MIN_INTERVAL_MS = 250;

export function progressPace(total: number, startMs: number): ProgressPace {
  const step = Math.max(1, Math.ceil(total * MIN_SHARE));
  let lastDone = 0;
  let lastAt = startMs;
  return {
    due(done, atMs) {
      const last = done >= total;
      if (!last && (done - lastDone < step || atMs - lastAt < MIN_INTERVAL_MS)) return false;
      lastDone = done;
      lastAt = atMs;
      return true;
    },
  };
}
