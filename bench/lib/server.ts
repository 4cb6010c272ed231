// Starts a server under test in its own process, waits for GET /healthz → 200.
//
//   const server = await startServer({
//     command: [process.execPath, '--import', 'tsx', 'src/main.ts'],
//     env: (port) => ({ PORT: String(port), DATABASE_URL: '...' }),
//   });
//   ... runLoad({ url: `${server.url}/api/...` }) ... server.rssMb() ...
//   await server.stop();
//
// Spawn node directly (not through npm/npx/sh): rssMb() reads the spawned pid.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * How `npm start` runs the built server (package.json "start"): the same Node flags,
 * so that figures are those of production. Young-generation semi-spaces of 8 MB: a
 * request's garbage dies young; 2 MB (tried) made writing 20–40 % dearer in CPU
 * through scavenges and promotions, and 16 MB (V8's default) was no faster than 8
 * but kept up to 24 MB more resident after a burst. `--expose-gc` lets the server
 * collect when it goes quiet after a burst (platform/http/idle-memory.ts), giving
 * that memory and the grown young generation back.
 */
export const SERVER_NODE_FLAGS = ['--enable-source-maps', '--max-semi-space-size=8', '--expose-gc'] as const;

/**
 * The environment `npm start` adds: glibc keeps at most two malloc arenas instead of
 * one per thread that allocates (Node's worker threads each got their own and kept
 * what they had freed: tens of MB of resident memory after a busy minute).
 */
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };

/** The command that starts the built server (dist/server/kontor.js) with these arguments. */
export function builtServerCommand(root: string, args: readonly string[]): string[] {
  // BENCH_CPU_PROF=DIR: the server writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  return [process.execPath, ...SERVER_NODE_FLAGS, ...profile, `${root}/dist/server/kontor.js`, ...args];
}

export interface StartServerOptions {
  /** Program and arguments, e.g. [process.execPath, '--import', 'tsx', 'src/main.ts']. */
  command: string[];
  /** Extra environment (over process.env); a function receives the chosen port. */
  env?: Record<string, string> | ((port: number) => Record<string, string>);
  /** Port to use; default: a free one. The server must listen on it (pass it via env). */
  port?: number;
  cwd?: string;
  healthPath?: string;
  /** How long to wait for the health check; default 30 s. */
  timeoutMs?: number;
}

export interface RunningServer {
  url: string;
  pid: number;
  port: number;
  /** Resident memory of the server process (VmRSS) in MB, without its mapped database pages (rssMbOf). */
  rssMb(): number;
  /** Recent output of the server (stdout and stderr), for error messages. */
  output(): string;
  /** SIGTERM, then SIGKILL after 5 s. Safe to call twice. */
  stop(): Promise<void>;
}

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/**
 * CPU time (user + system) a process has used so far, in microseconds (from /proc).
 * Its difference over a run, per request, is steadier than req/s on a shared machine.
 */
export function cpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Resident memory of a process (VmRSS) in MB, without the pages of SQLite database files
 * (`*.db`) it has mapped: those are the operating system's file cache, shared and given
 * back under pressure (platform/db/sqlite.ts maps the database), not the server's memory.
 */
export function rssMbOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!m) throw new Error(`no VmRSS for pid ${pid}`);
  return (Number(m[1]) - mappedDatabaseKb(pid)) / 1024;
}

function mappedDatabaseKb(pid: number): number {
  let kb = 0;
  let database = false;
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    // A mapping's header: address range, permissions, offset, device, inode, path.
    if (/^[0-9a-f]+-[0-9a-f]+ /.test(line)) database = line.endsWith('.db');
    else if (database && line.startsWith('Rss:')) kb += Number(/(\d+)/.exec(line)![1]);
  }
  return kb;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const [program, ...args] = options.command;
  if (!program) throw new Error('startServer: empty command');
  const port = options.port ?? (await freePort());
  const extraEnv = typeof options.env === 'function' ? options.env(port) : (options.env ?? {});
  const child = spawn(program, args, {
    cwd: options.cwd,
    env: { ...process.env, ...SERVER_ENV, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`startServer: could not spawn ${program}`);
  const pid = child.pid;

  let log = '';
  const keep = (c: Buffer) => {
    log = (log + c.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exitPromise = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
  });

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        if (!exited) child.kill('SIGKILL');
      }, 5_000);
      await exitPromise;
      clearTimeout(timer);
    })();
    return stopping;
  };

  const url = `http://127.0.0.1:${port}`;
  const healthUrl = url + (options.healthPath ?? '/healthz');
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    if (exited) {
      throw new Error(`server exited (code ${exited.code}, signal ${exited.signal}) before ${healthUrl} was ready:\n${log}`);
    }
    try {
      const res = await fetch(healthUrl, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server not healthy at ${healthUrl} after ${options.timeoutMs ?? 30_000} ms:\n${log}`);
    }
    await sleep(100);
  }

  return { url, pid, port, rssMb: () => rssMbOf(pid), output: () => log, stop };
}
