// Service-records speed targets (the Service-records issue), against the built server
// (`npm run build:server`, dist/server/kontor.js: production mode) in its own
// process, load from a second process (autocannon), API tokens:
//
//   1. logging work: POST /api/v1/work-entries (a work record on the ticket named in the
//      body), priced on write, 50 connections                            ≥ 4,000 req/s on SQLite
//   2. GET /api/v1/timesheets/team-week, a team of 50 technicians, over BENCH_RECORDS records
//      (2 years, 1,000 technicians in teams of 50: ~10 records per technician and working day):
//      1 connection: p50 and p99 < 100 ms; 10 connections printed (no target: they queue)
//
//   npm run bench:records     BENCH_ENGINE=sqlite|postgres|both (sqlite), BENCH_RECORDS (5,000,000),
//                             BENCH_TICKETS (100,000), BENCH_TECHNICIANS (1,000; 50 = all records on the one team), BENCH_SECONDS (10), BENCH_WARMUP (2), BENCH_ROUNDS (1),
//                             BENCH_ONLY (a part of a scenario's name)
//
// SQLite runs on a copy of a generated database cached under .tmp/ (lib/generate-records.ts);
// PostgreSQL on a throwaway server (scripts/services/postgres.sh) filled by the same
// generator, stopped afterwards. The machine may be shared: the load average is printed
// with each figure, server CPU µs per request too (steadier than req/s), the bare
// SQLite baseline's req/s under the table (bench/lib/scale.ts), and
// BENCH_ROUNDS > 1 gives medians. Exit code 1 when a target is missed.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDays, holidayCalendar, isoWeekday } from '../src/shared/calendar/index.ts';
import { cachedSqliteRecords, generatePostgresRecords, type RecordsInfo } from './lib/generate-records.ts';
import { benchWorkDir } from './lib/db-cache.ts';
import { printTable, runLoad, type LoadResult, type Row } from './lib/load.ts';
import { machineScale, scaleLine } from './lib/scale.ts';
import { builtServerCommand, cpuMicros, startServer, type RunningServer } from './lib/server.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const RECORDS = Number(process.env.BENCH_RECORDS ?? 5_000_000);
const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
const TECHNICIANS = Number(process.env.BENCH_TECHNICIANS ?? 1_000);
/** Only the scenarios whose name contains this (e.g. "log work"). */
const ONLY = process.env.BENCH_ONLY ?? '';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 1));
const ENGINE = process.env.BENCH_ENGINE ?? 'sqlite';
const ENGINES = ENGINE === 'both' ? ['sqlite', 'postgres'] : [ENGINE];
/** The latest Monday–Friday on or before `day` that is no Czech public holiday. */
function latestWorkingDay(day: string): string {
  const holiday = holidayCalendar('CZ');
  let d = day;
  while (isoWeekday(d) > 5 || holiday(d)) d = addDays(d, -1);
  return d;
}

const log = (line: string) => console.log(line);

const load1 = () => loadavg()[0]!.toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

function cli(db: string, ...args: string[]): string {
  return execFileSync(process.execPath, [join(ROOT, 'dist/server/kontor.js'), ...args, '--db', db], {
    cwd: ROOT, env: { ...process.env, KONTOR_LOG_LEVEL: 'warn' }, encoding: 'utf8',
  }).trim();
}
function tokenFor(db: string, email: string): string {
  const token = cli(db, 'token', 'create', '--user', email, '--name', 'bench').split('\n').pop()!.trim();
  if (!/^\S{20,}$/.test(token)) throw new Error(`unexpected token output: ${token}`);
  return token;
}

interface Scenario {
  name: string;
  route: string;
  connections: number;
  target: string;
  pass: (r: LoadResult) => boolean;
  url: string;
  method: 'GET' | 'POST';
  token: string;
  body?: object;
  check: (status: number, body: any) => string | null;
}

async function runEngine(engine: string): Promise<boolean> {
  const dir = benchWorkDir('bench-records-');
  let pgDir: string | null = null;
  let server: RunningServer | null = null;
  try {
    let db: string;
    let info: RecordsInfo;
    const started = Date.now();
    if (engine === 'sqlite') {
      db = join(dir, 'kontor.db');
      const r = await cachedSqliteRecords({ records: RECORDS, tickets: TICKETS, technicians: TECHNICIANS, log }, db);
      info = r.info;
      log(`SQLite: ${RECORDS} records on ${TICKETS} tickets ${r.cached ? 'from the cache' : `generated in ${info.seconds.toFixed(0)} s`} (copy ready after ${((Date.now() - started) / 1000).toFixed(0)} s)`);
    } else {
      const out = execFileSync('bash', [join(ROOT, 'scripts/services/postgres.sh'), 'start'], { encoding: 'utf8' });
      pgDir = /^KONTOR_PG_DIR=(.*)$/m.exec(out)![1]!;
      db = /^KONTOR_PG_URL=(.*)$/m.exec(out)![1]!;
      info = await generatePostgresRecords(db, { records: RECORDS, tickets: TICKETS, technicians: TECHNICIANS, log });
      log(`PostgreSQL: ${RECORDS} records on ${TICKETS} tickets generated in ${info.seconds.toFixed(0)} s`);
    }
    const techToken = tokenFor(db, info.technicianEmails[0]!);
    const managerToken = tokenFor(db, info.managerEmail);
    // How fast the machine is right now (it may be shared): printed under the figures.
    const scale = engine === 'sqlite' ? await machineScale(ROOT, db, { warmup: WARMUP, seconds: SECONDS, connections: 50 }) : null;
    server = await startServer({
      command: builtServerCommand(ROOT, ['serve', '--db', db]),
      env: (port) => ({ PORT: String(port), KONTOR_LOG_LEVEL: 'warn' }),
      cwd: ROOT,
      timeoutMs: 120_000,
    });
    const weekUrl = `${server.url}/api/v1/timesheets/team-week?teamId=${info.teamId}&start=${info.benchWeek}`;
    const ticketId = info.tickets; // the newest ticket (ids ascend with creation)
    const checkWeek = (status: number, body: any) => {
      if (status !== 200) return `status ${status}: ${JSON.stringify(body).slice(0, 300)}`;
      if (body.byTechnician.length !== 50) return `${body.byTechnician.length} technicians`;
      return body.total.records > 0 ? null : 'no records in the week';
    };
    const weekPass = (r: LoadResult) => r.p50 < 100 && r.p99 < 100;
    // The target is how fast the week answers; ten managers asking at once take turns on the
    // one SQLite connection, so there the figure shows throughput and queueing, not a target.
    const scenarios: Scenario[] = [
      {
        name: 'team-week timesheet, 1 connection', route: 'GET /api/v1/timesheets/team-week', connections: 1,
        target: 'p50, p99 < 100 ms', pass: weekPass, url: weekUrl, method: 'GET', token: managerToken, check: checkWeek,
      },
      {
        name: 'team-week timesheet, 10 connections', route: 'GET /api/v1/timesheets/team-week', connections: 10,
        target: '(none: queueing)', pass: () => true, url: weekUrl, method: 'GET', token: managerToken, check: checkWeek,
      },
      {
        // After the reads (so the new records never count in the measured week). The work is
        // logged on the latest working day, so its price is the normal rate's on any day the
        // benchmark runs (a weekend or holiday would double it).
        name: 'log work (priced on write), 50 connections', route: 'POST /api/v1/work-entries', connections: 50,
        target: engine === 'sqlite' ? '>= 4000 req/s' : '(none on PG)',
        pass: (r) => engine !== 'sqlite' || r.requestsPerSec >= 4000,
        url: `${server.url}/api/v1/work-entries`, method: 'POST', token: techToken,
        body: { ticketId, kind: 'work', date: latestWorkingDay(info.today), startTime: '09:00', minutes: 45, workTypeId: info.workTypeIds.remote, description: 'Vzdálená správa serveru' },
        check: (status, body) => {
          if (status !== 201) return `status ${status}: ${JSON.stringify(body).slice(0, 300)}`;
          // Technicians see the price of their work, never its internal cost.
          return body.price?.status === 'priced' && body.amountMinor === 600_00 && body.costMinor === undefined ? null : `unexpected price ${JSON.stringify(body)}`;
        },
      },
    ];
    let weekSize = '';
    const rows: Row[] = [];
    let ok = true;
    for (const s of scenarios.filter((x) => !ONLY || x.name.includes(ONLY))) {
      const headers = { authorization: `Bearer ${s.token}` };
      const init = { method: s.method, headers: { ...headers, ...(s.body ? { 'content-type': 'application/json' } : {}) }, ...(s.body ? { body: JSON.stringify(s.body) } : {}) };
      const probe = await fetch(s.url, init);
      const text = await probe.text();
      const probeBody = JSON.parse(text);
      const problem = s.check(probe.status, probeBody);
      if (problem) throw new Error(`${engine} ${s.name}: wrong answer before the load: ${problem}`);
      if (s.method === 'GET' && !weekSize) weekSize = `${probeBody.total.records} records, ${probeBody.byTicket.length} tickets, ${(text.length / 1024).toFixed(0)} KB`;
      const results: LoadResult[] = [];
      const cpus: number[] = [];
      const loads: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const opts = { url: s.url, method: s.method, headers, ...(s.body ? { body: s.body } : {}), connections: s.connections };
        if (WARMUP > 0) await runLoad({ ...opts, duration: WARMUP });
        const before = cpuMicros(server.pid);
        const r = await runLoad({ ...opts, duration: SECONDS, title: s.name });
        cpus.push((cpuMicros(server.pid) - before) / Math.max(1, r.totalRequests));
        results.push(r);
        loads.push(load1());
      }
      const rps = median(results.map((r) => r.requestsPerSec));
      const p50 = median(results.map((r) => r.p50));
      const p99 = median(results.map((r) => r.p99));
      const non2xx = results.reduce((a, r) => a + r.non2xx, 0);
      const errors = results.reduce((a, r) => a + r.errors, 0);
      const total = results.reduce((a, r) => a + r.totalRequests, 0);
      // No answer within the run is a failure, not a latency of 0.
      const pass = total > 0 && s.pass({ ...results[0]!, requestsPerSec: rps, p50, p99 }) && non2xx === 0 && errors === 0;
      ok &&= pass;
      rows.push({
        scenario: s.name, route: s.route, 'req/s': Math.round(rps), 'p50 ms': p50, 'p99 ms': p99, 'cpu µs/req': Math.round(median(cpus)),
        requests: total, 'non-2xx': non2xx, errors, target: s.target, result: pass ? 'PASS' : 'FAIL', 'load avg (1 min)': loads.join(' / '), 'RSS MB': Math.round(server.rssMb()),
      });
    }
    log(`\n${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: ${RECORDS} records, ${TICKETS} tickets, team of 50; week ${info.benchWeek} (${weekSize}); ` +
      `${SECONDS} s per run after ${WARMUP} s warm-up, ${ROUNDS} round(s)${ROUNDS > 1 ? ' (medians)' : ''}`);
    printTable(rows);
    if (scale) log(scaleLine(scale));
    log('');
    return ok;
  } finally {
    await server?.stop();
    if (pgDir) execFileSync('bash', [join(ROOT, 'scripts/services/postgres.sh'), 'stop', pgDir], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  }
}

execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: ROOT, stdio: 'inherit' });
let allOk = true;
for (const engine of ENGINES) {
  if (engine !== 'sqlite' && engine !== 'postgres') throw new Error(`BENCH_ENGINE: sqlite, postgres or both, not ${engine}`);
  allOk = (await runEngine(engine)) && allOk;
}
process.exitCode = allOk ? 0 : 1;
