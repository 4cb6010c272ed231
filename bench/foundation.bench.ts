// Foundation speed target: on SQLite, with an API token and 50 connections from a
// second process, GET /api/v1/clients/:id and POST /api/v1/clients must reach
// ≥ 60 % of a bare Fastify + better-sqlite3 route doing the same single-row read /
// insert (bench/baseline-server.ts), measured in the same run; Kontor's RSS after
// the run must stay under 200 MB.
//
//   npm run bench:foundation            (BENCH_SECONDS=10, BENCH_WARMUP=2, BENCH_CLIENTS=10000)
//
// Exit code 1 when a target is missed or any response was not 2xx.
import BetterSqlite3 from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printTable, runLoad, type LoadOptions, type LoadResult, type Row } from './lib/load.ts';
import { startServer, type RunningServer } from './lib/server.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10_000);
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

/** CPU time (user + system) a process has used so far, in microseconds (from /proc). */
function cpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS;
}
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

// --- Servers: each its own process, started with node directly (rssMb reads its pid)
const servers: RunningServer[] = [];
process.on('exit', () => {
  rmSync(dir, { recursive: true, force: true });
});
let exitCode = 0;
try {
  const kontor = await startServer({
    command: [process.execPath, join(ROOT, 'bin/kontor.js'), 'serve', '--db', kontorDb],
    env: (port) => ({ PORT: String(port), KONTOR_LOG_LEVEL: 'warn' }),
    cwd: ROOT,
  });
  servers.push(kontor);
  const baseline = await startServer({
    command: [process.execPath, '--import', 'tsx', join(ROOT, 'bench/baseline-server.ts')],
    env: (port) => ({ PORT: String(port), BASELINE_DB: baselineDb }),
    cwd: ROOT,
  });
  servers.push(baseline);

  const auth = { authorization: `Bearer ${token}` };
  const body = { name: 'Bench s.r.o.', country: 'CZ', currency: 'CZK' };
  type Case = { route: string; kontor: (d: number) => Promise<LoadResult>; baseline: (d: number) => Promise<LoadResult> };
  const post = (url: string, headers: Record<string, string>, duration: number, title: string) =>
    runLoad({ url, method: 'POST', headers, body, duration, connections: CONNECTIONS, title } satisfies LoadOptions);
  const cases: Case[] = [
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

  const rows: Row[] = [];
  const problems: string[] = [];
  for (const c of cases) {
    // Warm-up (JIT, statement caches, page cache), then the measured run; Kontor and
    // the baseline alternate so that both see the same machine state.
    const results: Record<'kontor' | 'baseline', LoadResult> = {} as never;
    // Server CPU per request: less sensitive than req/s to other load on the machine.
    const cpuPerReq: Record<'kontor' | 'baseline', number> = { kontor: 0, baseline: 0 };
    for (const side of ['kontor', 'baseline'] as const) {
      const pid = (side === 'kontor' ? kontor : baseline).pid;
      if (WARMUP > 0) await c[side](WARMUP);
      const before = cpuMicros(pid);
      results[side] = await c[side](SECONDS);
      cpuPerReq[side] = (cpuMicros(pid) - before) / Math.max(1, results[side].totalRequests);
    }
    const { kontor: k, baseline: b } = results;
    const ratio = (100 * k.requestsPerSec) / b.requestsPerSec;
    const bad = k.non2xx + k.errors + b.non2xx + b.errors;
    if (bad) problems.push(`${c.route}: non-2xx ${k.non2xx}/${b.non2xx}, errors ${k.errors}/${b.errors} (kontor/baseline)`);
    rows.push({
      route: c.route,
      'kontor req/s': Math.round(k.requestsPerSec),
      'kontor p99 ms': k.p99,
      'baseline req/s': Math.round(b.requestsPerSec),
      'baseline p99 ms': b.p99,
      'ratio %': Math.round(ratio * 10) / 10,
      'cpu µs/req k/b': `${Math.round(cpuPerReq.kontor)}/${Math.round(cpuPerReq.baseline)}`,
      target: `>= ${TARGET} %`,
      'non-2xx k/b': `${k.non2xx}/${b.non2xx}`,
      'errors k/b': `${k.errors}/${b.errors}`,
      result: ratio >= TARGET && !bad ? 'PASS' : 'FAIL',
    });
  }
  const rss = kontor.rssMb();
  console.log(`Foundation bench: SQLite, ${CLIENTS} clients, ${CONNECTIONS} connections, ${SECONDS} s per run after ${WARMUP} s warm-up`);
  printTable(rows);
  console.log(`Kontor RSS after the run: ${rss.toFixed(1)} MB (target < ${RSS_LIMIT_MB} MB) ${rss < RSS_LIMIT_MB ? 'PASS' : 'FAIL'}`);
  for (const p of problems) console.log(`NOT 2xx: ${p}`);
  if (rows.some((r) => r.result !== 'PASS') || rss >= RSS_LIMIT_MB) exitCode = 1;
} finally {
  for (const s of servers) await s.stop();
}
process.exitCode = exitCode;
