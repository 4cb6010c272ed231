// How fast this machine is right now, for reading the other figures: the bare
// better-sqlite3 primary-key GET of bench/baseline-server.ts under the same load.
// The machine may be shared; when this figure is low, every other one is lower by
// about the same factor (STACK-NOTES measured 38,857 req/s on a quiet machine).
import { join } from 'node:path';
import { runLoad, type LoadResult } from './load.ts';
import { startServer } from './server.ts';

export const QUIET_BASELINE_REQ_S = 38_857;

/** Runs the baseline server on `dbFile` (any Kontor SQLite database: it reads clients/1) and loads it. */
export async function machineScale(root: string, dbFile: string, load: { warmup: number; seconds: number; connections: number }): Promise<LoadResult> {
  const baseline = await startServer({
    command: [process.execPath, '--import', 'tsx', join(root, 'bench/baseline-server.ts')],
    env: (port) => ({ PORT: String(port), BASELINE_DB: dbFile }),
    cwd: root,
  });
  try {
    const url = `${baseline.url}/clients/1`;
    if (load.warmup > 0) await runLoad({ url, duration: load.warmup, connections: load.connections });
    return await runLoad({ url, duration: Math.min(load.seconds, 5), connections: load.connections, title: 'baseline' });
  } finally {
    await baseline.stop();
  }
}

export function scaleLine(scale: LoadResult): string {
  return `Scale: raw SQLite primary-key GET on this machine now ${Math.round(scale.requestsPerSec)} req/s, p99 ${scale.p99} ms (STACK-NOTES, quiet: ${QUIET_BASELINE_REQ_S} req/s)`;
}
