// Foundation speed target: on SQLite, with an API token and 50 connections from a
// second process, GET /api/v1/clients/:id and POST /api/v1/clients must reach
// ≥ 60 % of a bare Fastify + better-sqlite3 route doing the same single-row read /
// insert (bench/baseline-server.ts), measured in the same run; Kontor's RSS after
// the run must stay under 200 MB.
//
//   npm run bench:foundation            (BENCH_SECONDS=10, BENCH_WARMUP=2, BENCH_CLIENTS=10000, BENCH_ROUNDS=1)
//   BENCH_ONLY=get|post                  runs one of the two routes (for profiling one path)
//
// On a shared 2-core machine other work moves req/s a lot: the load average is
// printed, BENCH_ROUNDS=3 gives medians, and server CPU µs per request is shown too.
//
// Exit code 1 when a target is missed or any response was not 2xx.
import BetterSqlite3 from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printTable, runLoad, type LoadOptions, type LoadResult, type Row } from './lib/load.ts';
import { builtServerCommand, cpuMicros, startServer, type RunningServer } from './lib/server.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10_000);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 1));
const ONLY = process.env.BENCH_ONLY?.toLowerCase();
const CONNECTIONS = 50;
const TARGET = 60; // % of the baseline
const RSS_LIMIT_MB = 200;

const dir = mkdtempSync(join(tmpdir(), 'kontor-bench-'));
const kontorDb = join(dir, 'kontor.db');
const baselineDb = join(dir, 'baseline.db');
const cli = (...args: string[]) =>
  execFileSync(process.execPath, [join(ROOT, 'bin/kontor.js'), ...args, '--db', kontorDb], {
    cwd: ROOT,
    env: { ...process.env, KONTOR_LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  }).trim();

// --- Kontor's database: migrated by the CLI, an admin and a token, then seeded ------
cli('migrate');
cli('user', 'create', '--email', 'bench@kontor.test', '--name', 'Bench', '--role', 'admin', '--password', 'Long-Enough-Pass-1');
const token = cli('token', 'create', '--user', 'bench@kontor.test', '--name', 'bench').split('\n').pop()!.trim();
if (!/^\S{20,}$/.test(token)) throw new Error(`unexpected token output: ${token}`);

{
  // Direct SQL for speed: reads need no audit rows. The columns are filled as the
  // API would fill them (search_text folded, ISO instants).
  const db = new BetterSqlite3(kontorDb);
  db.pragma('journal_mode = WAL');
  const insert = db.prepare(
    `INSERT INTO clients (name, search_text, country, language, currency, payment_terms_days, active, version, created_at, updated_at)
     VALUES (?, ?, 'CZ', 'cs', 'CZK', 14, 1, 1, ?, ?)`,
  );
  const at = new Date().toISOString();
  db.transaction(() => {
    for (let i = 1; i <= CLIENTS; i++) {
      const name = `Klient ${String(i).padStart(5, '0')} s.r.o.`;
      insert.run(name, name.toLowerCase(), at, at);
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  // The baseline gets a byte-for-byte copy: same clients schema, indexes and rows.
  db.exec(`VACUUM INTO '${baselineDb.replaceAll("'", "''")}'`);
  db.close();
}

// --- Load with a random id per request (autocannon's setupRequest, in a child) ------
// bench/lib/load.ts sends one fixed request; GET needs a different id each time, so
// this child builds the path per request. Same output shape as runLoad().
const require = createRequire(import.meta.url);
const AUTOCANNON = require.resolve('autocannon');
const RANDOM_ID_CHILD = `
const autocannon = require(process.argv[1]);
let input = '';
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', async () => {
  const o = JSON.parse(input);
  const { prefix, maxId } = o.randomId;
  delete o.randomId;
  o.requests = [{ setupRequest: (req) => ({ ...req, path: prefix + (1 + Math.floor(Math.random() * maxId)) }) }];
  try {
    const r = await autocannon(o);
    process.stdout.write(JSON.stringify({
      requestsPerSec: r.requests.mean, p50: r.latency.p50, p99: r.latency.p99,
      non2xx: r.non2xx, errors: r.errors + r.timeouts, totalRequests: r.requests.total,
    }) + '\\n');
  } catch (err) { console.error(err && err.stack || String(err)); process.exit(1); }
});
`;

async function runRandomIdLoad(o: { url: string; prefix: string; maxId: number; headers: Record<string, string>; duration: number; title: string }): Promise<LoadResult> {
  const child = spawn(process.execPath, ['-e', RANDOM_ID_CHILD, AUTOCANNON], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  child.stdin.end(
    JSON.stringify({
      url: o.url, method: 'GET', headers: o.headers, connections: CONNECTIONS, duration: o.duration,
      pipelining: 1, timeout: 10, randomId: { prefix: o.prefix, maxId: o.maxId },
    }),
  );
  const code = await new Promise<number | null>((res, rej) => {
    child.on('error', rej);
    child.on('close', res);
  });
  if (code !== 0) throw new Error(`autocannon child exited with ${code}: ${err.trim()}`);
  return { title: o.title, ...(JSON.parse(out.trim().split('\n').pop() ?? '') as Omit<LoadResult, 'title'>) };
}


/** Highest resident memory of a process so far (VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}
const loadBefore = loadavg();

/** The server's own heap figures from /metrics (prom-client's process metrics), to tell heap from native memory. */
async function heapOf(url: string): Promise<string> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const mb = (name: string) => {
    const m = new RegExp(`^kontor_${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
    return m ? `${(Number(m[1]) / 1_048_576).toFixed(1)} MB` : '?';
  };
  return `${mb('nodejs_heap_size_used_bytes')} used of ${mb('nodejs_heap_size_total_bytes')}, external ${mb('nodejs_external_memory_bytes')}`;
}

// --- Servers: each its own process, started with node directly (rssMb reads its pid)
const servers: RunningServer[] = [];
process.on('exit', () => {
  rmSync(dir, { recursive: true, force: true });
});
let exitCode = 0;
try {
  // Measured as it runs in production (`npm start`): the built server, not the TypeScript loader.
  execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: ROOT, stdio: 'inherit' });
  const kontor = await startServer({
    command: builtServerCommand(ROOT, ['serve', '--db', kontorDb]),
    env: (port) => ({ PORT: String(port), KONTOR_LOG_LEVEL: 'warn' }),
    cwd: ROOT,
  });
  servers.push(kontor);
  const baseline = await startServer({
    // BENCH_CPU_PROF=DIR profiles the baseline too, into DIR/baseline.
    command: [process.execPath, ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${join(process.env.BENCH_CPU_PROF, 'baseline')}`] : []), '--import', 'tsx', join(ROOT, 'bench/baseline-server.ts')],
    env: (port) => ({ PORT: String(port), BASELINE_DB: baselineDb }),
    cwd: ROOT,
  });
  servers.push(baseline);

  const auth = { authorization: `Bearer ${token}` };
  const body = { name: 'Bench s.r.o.', country: 'CZ', currency: 'CZK' };
  type Case = { route: string; kontor: (d: number) => Promise<LoadResult>; baseline: (d: number) => Promise<LoadResult> };
  const post = (url: string, headers: Record<string, string>, duration: number, title: string) =>
    runLoad({ url, method: 'POST', headers, body, duration, connections: CONNECTIONS, title } satisfies LoadOptions);
  const allCases: Case[] = [
    {
      route: 'GET /api/v1/clients/:id',
      kontor: (d) => runRandomIdLoad({ url: kontor.url, prefix: '/api/v1/clients/', maxId: CLIENTS, headers: auth, duration: d, title: 'kontor GET' }),
      baseline: (d) => runRandomIdLoad({ url: baseline.url, prefix: '/clients/', maxId: CLIENTS, headers: {}, duration: d, title: 'baseline GET' }),
    },
    {
      route: 'POST /api/v1/clients',
      kontor: (d) => post(`${kontor.url}/api/v1/clients`, auth, d, 'kontor POST'),
      baseline: (d) => post(`${baseline.url}/clients`, {}, d, 'baseline POST'),
    },
  ];
  const cases = ONLY ? allCases.filter((c) => c.route.toLowerCase().startsWith(`${ONLY} `)) : allCases;
  if (!cases.length) throw new Error(`BENCH_ONLY=${ONLY}: expected get or post`);

  // Each round: per route, warm-up (JIT, statement caches, page cache) then the
  // measured run, Kontor and the baseline alternating so that both see the same
  // machine state. With BENCH_ROUNDS > 1 the table shows medians.
  type Side = 'kontor' | 'baseline';
  const sides: Side[] = ['kontor', 'baseline'];
  const runs = cases.map(() => ({ kontor: [] as LoadResult[], baseline: [] as LoadResult[], cpu: { kontor: [] as number[], baseline: [] as number[] } }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, c] of cases.entries()) {
      for (const side of sides) {
        const pid = (side === 'kontor' ? kontor : baseline).pid;
        if (WARMUP > 0) await c[side](WARMUP);
        const before = cpuMicros(pid);
        const r = await c[side](SECONDS);
        runs[i]![side].push(r);
        // Server CPU per request: less sensitive than req/s to other load on the machine.
        runs[i]!.cpu[side].push((cpuMicros(pid) - before) / Math.max(1, r.totalRequests));
      }
    }
  }
  const rss = kontor.rssMb();
  const peak = peakRssMb(kontor.pid);
  const heap = await heapOf(kontor.url);

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
  const rows: Row[] = [];
  const problems: string[] = [];
  for (const [i, c] of cases.entries()) {
    const r = runs[i]!;
    const k = median(r.kontor.map((x) => x.requestsPerSec));
    const b = median(r.baseline.map((x) => x.requestsPerSec));
    const ratio = (100 * k) / b;
    const sum = (xs: LoadResult[], f: (x: LoadResult) => number) => xs.reduce((a, x) => a + f(x), 0);
    const non2xx = { kontor: sum(r.kontor, (x) => x.non2xx), baseline: sum(r.baseline, (x) => x.non2xx) };
    const errors = { kontor: sum(r.kontor, (x) => x.errors), baseline: sum(r.baseline, (x) => x.errors) };
    const bad = non2xx.kontor + non2xx.baseline + errors.kontor + errors.baseline;
    if (bad) problems.push(`${c.route}: non-2xx ${non2xx.kontor}/${non2xx.baseline}, errors ${errors.kontor}/${errors.baseline} (kontor/baseline)`);
    rows.push({
      route: c.route,
      'kontor req/s': Math.round(k),
      'p99 ms': median(r.kontor.map((x) => x.p99)),
      'baseline req/s': Math.round(b),
      'p99 ms ': median(r.baseline.map((x) => x.p99)),
      'ratio %': Math.round(ratio * 10) / 10,
      target: `>= ${TARGET} %`,
      result: ratio >= TARGET && !bad ? 'PASS' : 'FAIL',
      'non-2xx k/b': `${non2xx.kontor}/${non2xx.baseline}`,
      'errors k/b': `${errors.kontor}/${errors.baseline}`,
      'cpu µs/req k/b': `${Math.round(median(r.cpu.kontor))}/${Math.round(median(r.cpu.baseline))}`,
    });
  }
  const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');
  console.log(
    `Foundation bench: SQLite, ${CLIENTS} clients, ${CONNECTIONS} connections, ${SECONDS} s per run after ${WARMUP} s warm-up, ` +
      `${ROUNDS} round(s)${ROUNDS > 1 ? ' (medians)' : ''}; load average before ${load(loadBefore)}, after ${load(loadavg())}`,
  );
  printTable(rows);
  console.log(`Kontor RSS after the run: ${rss.toFixed(1)} MB (target < ${RSS_LIMIT_MB} MB) ${rss < RSS_LIMIT_MB ? 'PASS' : 'FAIL'}; peak ${peak.toFixed(1)} MB`);
  console.log(`  of which the JavaScript heap: ${heap}`);
  for (const p of problems) console.log(`NOT 2xx: ${p}`);
  if (rows.some((r) => r.result !== 'PASS') || rss >= RSS_LIMIT_MB) exitCode = 1;
} finally {
  for (const s of servers) await s.stop();
}
process.exitCode = exitCode;
