// Helpdesk speed targets, on a database of BENCH_TICKETS tickets (default 1,000,000),
// with an API token of an operator who is a member of every queue and 50
// connections from a second process (autocannon), Kontor in its own process:
//
//   1. POST /api/v1/tickets (history, SLA, the requester's mail queued)  ≥ 4,000 req/s on SQLite
//   2. a list page of 50: queueId + stateCategory, sorted by SLA due     ≥ 3,000 req/s, p99 < 50 ms
//   3. full-text search, top 50: a common word, and a rarer one          p99 < 100 ms
//
// For information, without a target: page 200 of the list of 2. (the cursor read from the
// database beforehand), which keyset paging should serve as fast as the first.
//
//   npm run bench:tickets          BENCH_ENGINE=sqlite|postgres|both (both), BENCH_TICKETS, BENCH_SECONDS (10), BENCH_WARMUP (2),
//                                  BENCH_ONLY (a part of a scenario's name)
//
// The search asks for the newest matches first (`sort=newest`): the order a full-text
// index can give without reading every match (BENCH_SEARCH_SORT to change it). Before
// the load, the SLA watcher is brought up to date (catchUpSlaWatcher) and one request of
// each kind is checked for the right answer. For scale, the
// run starts with the raw better-sqlite3 primary-key GET of bench/baseline-server.ts
// (STACK-NOTES measured 38,857 req/s on a quiet machine): if this machine is busier now,
// every figure below is lower by about the same factor.
//
// SQLite runs on a copy of a generated database cached under .tmp/ (see
// lib/generate-tickets.ts), without the generator's planner statistics: the server keeps
// its own (platform/db/planner-statistics.ts); PostgreSQL on a throwaway server (scripts/services/postgres.sh)
// filled by the same generator, stopped afterwards. Exit code 1 when a target is missed.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSlaWatcher } from '../src/modules/tickets/index.ts';
import { systemClock } from '../src/platform/clock.ts';
import { openDatabase } from '../src/platform/db/index.ts';
import { encodeCursor } from '../src/shared/cursor.ts';
import { cachedSqliteTickets, generatePostgresTickets, type GeneratedInfo } from './lib/generate-tickets.ts';
import { benchWorkDir, forgetPlannerStatistics } from './lib/db-cache.ts';
import { printTable, runLoad, type LoadResult, type Row } from './lib/load.ts';
import { machineScale, scaleLine } from './lib/scale.ts';
import { builtServerCommand, cpuMicros, startServer, type RunningServer } from './lib/server.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const ENGINES = (process.env.BENCH_ENGINE ?? 'both') === 'both' ? ['sqlite', 'postgres'] : [process.env.BENCH_ENGINE as string];
const CONNECTIONS = 50;
const SEARCH_SORT = process.env.BENCH_SEARCH_SORT ?? 'newest';
/** Only the scenarios whose name contains this (e.g. "list", "search", "create"). */
const ONLY = process.env.BENCH_ONLY ?? '';
const log = (line: string) => console.log(line);


function cli(db: string, ...args: string[]): string {
  return execFileSync(process.execPath, [join(ROOT, 'bin/kontor.js'), ...args, '--db', db], {
    cwd: ROOT, env: { ...process.env, KONTOR_LOG_LEVEL: 'warn' }, encoding: 'utf8',
  }).trim();
}

/** An operator in every queue, with an API token; and a requester contact (with e-mail) of a client. */
async function prepareActors(db: string, info: GeneratedInfo) {
  cli(db, 'user', 'create', '--email', 'operator@bench.kontor.test', '--name', 'Bench Operator', '--role', 'operator', '--password', 'Long-Enough-Pass-1');
  const token = cli(db, 'token', 'create', '--user', 'operator@bench.kontor.test', '--name', 'bench').split('\n').pop()!.trim();
  if (!/^\S{20,}$/.test(token)) throw new Error(`unexpected token output: ${token}`);
  const handle = openDatabase(db);
  try {
    const user = await handle.db.selectFrom('users').select('id').where('email', '=', 'operator@bench.kontor.test').executeTakeFirstOrThrow();
    await handle.db.insertInto('queue_members').values(info.queueIds.map((queue_id) => ({ queue_id, user_id: user.id }))).execute();
    const contact = await handle.db.selectFrom('contacts').select(['id', 'client_id']).where('email', 'is not', null).orderBy('id').executeTakeFirstOrThrow();
    return { token, clientId: contact.client_id, contactId: contact.id };
  } finally {
    await handle.close();
  }
}

/**
 * The generated tickets' SLA deadlines keep passing after the database was generated
 * (and it is cached for days): left as it is, a copy starts with a backlog of crossings
 * that the server's SLA watcher works off, 1 000 per pass, while the load runs. A
 * running Kontor handles them as they come, a few a minute; so the watcher is brought
 * up to date first, and the load measures the requests.
 */
async function catchUpSlaWatcher(db: string): Promise<void> {
  const handle = openDatabase(db);
  try {
    const quiet = { info: () => undefined, warn: () => undefined, error: (obj: object, msg: string) => log(`  SLA watcher: ${msg} ${JSON.stringify(obj)}`) };
    const watcher = createSlaWatcher(
      { db: handle.db, clock: systemClock, config: { publicUrl: 'http://127.0.0.1', mailFrom: 'kontor@bench.kontor.test' }, logger: quiet },
      { maxPerRun: Number.MAX_SAFE_INTEGER },
    );
    const t0 = performance.now();
    const r = await watcher.runOnce();
    log(`SLA watcher brought up to date: ${r.checked} tickets checked, ${r.warned} warnings, ${r.breached} breaches (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  } finally {
    await handle.close();
  }
}

/** The page deep in the list whose speed is measured: keyset paging reads it from the cursor, not from the list's start. */
const DEEP_PAGE = 200;

/**
 * The cursor of page DEEP_PAGE of the busiest queue's open tickets in SLA order (the keys of
 * the ticket just before it) and the page size that puts it there: 50, or fewer where the
 * queue holds fewer than DEEP_PAGE pages of 50 (the generated million has about 4,000 open
 * tickets in it: pages of 20). Read plainly with OFFSET, the way the list orders them.
 */
async function deepPageCursor(db: string, queueId: number): Promise<{ cursor: string; limit: number }> {
  const handle = openDatabase(db);
  try {
    const open = handle.db.selectFrom('tickets').where('queue_id', '=', queueId).where('state_category', '=', 'open');
    const { n } = await open.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    const limit = Math.min(50, Math.floor(Number(n) / DEEP_PAGE));
    if (limit < 1) throw new Error(`queue ${queueId} holds ${n} open tickets: no page ${DEEP_PAGE}`);
    const before = await open.select(['sla_due_at', 'id']).orderBy('sla_due_at').orderBy('id').limit(1).offset((DEEP_PAGE - 1) * limit - 1).executeTakeFirstOrThrow();
    return { cursor: encodeCursor([before.sla_due_at!, before.id]), limit };
  } finally {
    await handle.close();
  }
}

interface Scenario {
  name: string;
  target: string;
  pass: (r: LoadResult) => boolean;
  url: string;
  method?: 'GET' | 'POST';
  body?: object;
  /** Checks one response before the load, so a fast wrong answer cannot pass. */
  check: (status: number, body: any) => string | null;
}

/** The raw better-sqlite3 primary-key GET (bench/baseline-server.ts) on this machine now, for scale. */
async function runEngine(engine: string): Promise<boolean> {
  const dir = benchWorkDir('bench-tickets-');
  let pgDir: string | null = null;
  let server: RunningServer | null = null;
  try {
    let db: string;
    let info: GeneratedInfo;
    const started = Date.now();
    if (engine === 'sqlite') {
      db = join(dir, 'kontor.db');
      const r = await cachedSqliteTickets({ tickets: TICKETS, log }, db);
      info = r.info;
      forgetPlannerStatistics(db);
      log(`SQLite: ${TICKETS} tickets ${r.cached ? 'from the cache' : `generated in ${info.seconds.toFixed(0)} s`} (copy ready after ${((Date.now() - started) / 1000).toFixed(0)} s)`);
    } else {
      const out = execFileSync('bash', [join(ROOT, 'scripts/services/postgres.sh'), 'start'], { encoding: 'utf8' });
      pgDir = /^KONTOR_PG_DIR=(.*)$/m.exec(out)![1]!;
      db = /^KONTOR_PG_URL=(.*)$/m.exec(out)![1]!;
      info = await generatePostgresTickets(db, { tickets: TICKETS, log });
      log(`PostgreSQL: ${TICKETS} tickets generated in ${info.seconds.toFixed(0)} s`);
    }
    const actors = await prepareActors(db, info);
    await catchUpSlaWatcher(db);
    const deep = await deepPageCursor(db, info.busiestQueueId);
    const scale = engine === 'sqlite' ? await machineScale(ROOT, db, { warmup: WARMUP, seconds: SECONDS, connections: CONNECTIONS }) : null;
    server = await startServer({
      command: builtServerCommand(ROOT, ['serve', '--db', db]),
      env: (port) => ({ PORT: String(port), KONTOR_LOG_LEVEL: 'warn' }),
      cwd: ROOT,
      timeoutMs: 120_000,
    });
    const headers = { authorization: `Bearer ${actors.token}` };
    const api = `${server.url}/api/v1/tickets`;
    const listUrl = `${api}?queueId=${info.busiestQueueId}&stateCategory=open&sort=sla&limit=50`;
    const scenarios: Scenario[] = [
      {
        name: 'list: queue + open, by SLA due, 50',
        target: '>= 3000 req/s, p99 < 50 ms',
        pass: (r) => r.requestsPerSec >= 3000 && r.p99 < 50,
        url: listUrl,
        check: (status, body) => {
          if (status !== 200) return `status ${status}`;
          const items = body.items as { queue: { id: number }; state: { category: string }; sla: { dueAt: string | null } }[];
          if (items.length !== 50) return `${items.length} items`;
          if (items.some((i) => i.queue.id !== info.busiestQueueId || i.state.category !== 'open')) return 'an item outside the filter';
          const dues = items.map((i) => i.sla.dueAt ?? '9999');
          return dues.every((d, i) => i === 0 || dues[i - 1]! <= d) ? null : 'not sorted by SLA due';
        },
      },
      {
        name: `list, page ${DEEP_PAGE} (queue + open, SLA due)`,
        target: '(none)',
        pass: () => true,
        url: `${api}?queueId=${info.busiestQueueId}&stateCategory=open&sort=sla&limit=${deep.limit}&cursor=${deep.cursor}`,
        check: (status, body) => {
          if (status !== 200) return `status ${status}`;
          const items = body.items as { queue: { id: number }; state: { category: string }; sla: { dueAt: string | null } }[];
          if (items.length !== deep.limit) return `${items.length} items, not ${deep.limit}`;
          if (items.some((i) => i.queue.id !== info.busiestQueueId || i.state.category !== 'open')) return 'an item outside the filter';
          const [cursorDue] = JSON.parse(Buffer.from(deep.cursor, 'base64url').toString()) as [string, number];
          // No deadline (null) is the sentinel that sorts after every date.
          const dues = [cursorDue, ...items.map((i) => i.sla.dueAt ?? '\uffff')];
          return dues.every((d, i) => i === 0 || dues[i - 1]! <= d) ? null : 'not after the cursor in SLA order';
        },
      },
      ...[['common', info.commonWord], ['rare', info.rareWord]].map(([kind, word]): Scenario => ({
        name: `search top 50: "${word}" (${kind})`,
        target: 'p99 < 100 ms',
        pass: (r) => r.p99 < 100,
        url: `${api}?q=${encodeURIComponent(word!)}&sort=${SEARCH_SORT}&limit=50`,
        check: (status, body) => (status !== 200 ? `status ${status}` : body.items.length === 0 ? 'no items' : null),
      })),
      {
        name: 'create (SLA, history, mail queued)',
        target: engine === 'sqlite' ? '>= 4000 req/s' : '(none)',
        pass: (r) => engine !== 'sqlite' || r.requestsPerSec >= 4000,
        url: api,
        method: 'POST',
        body: {
          subject: 'Nejde se přihlásit do VPN', description: 'Od rána hlásí **chybu 809**, prosím o pomoc.', clientId: actors.clientId,
          requesterContactId: actors.contactId, impact: 'medium', urgency: 'high', queueId: info.busiestQueueId, tags: ['vpn'],
        },
        check: (status, body) => (status !== 201 ? `status ${status}: ${JSON.stringify(body).slice(0, 300)}` : body.sla?.status === 'none' ? 'no SLA' : null),
      },
    ];

    const rows: Row[] = [];
    let ok = true;
    for (const s of scenarios.filter((sc) => sc.name.includes(ONLY))) {
      const init = { method: s.method ?? 'GET', headers: { ...headers, ...(s.body ? { 'content-type': 'application/json' } : {}) }, ...(s.body ? { body: JSON.stringify(s.body) } : {}) };
      // A wrong answer stops the run; an answer that takes over 30 s is a FAIL without a load.
      const t0 = performance.now();
      const probe = await fetch(s.url, { ...init, signal: AbortSignal.timeout(30_000) }).catch((e: unknown) => e as Error);
      if (probe instanceof Error) {
        ok = false;
        rows.push({ scenario: s.name, 'req/s': 0, 'p50 ms': undefined, 'p99 ms': undefined, 'non-2xx': undefined, errors: undefined, 'cpu µs/req': undefined, target: s.target, result: `FAIL (one request: no answer in ${((performance.now() - t0) / 1000).toFixed(0)} s)` });
        continue;
      }
      const problem = s.check(probe.status, await probe.json());
      if (problem) throw new Error(`${engine} ${s.name}: wrong answer before the load: ${problem}`);
      if (WARMUP > 0) await runLoad({ url: s.url, method: init.method, headers, ...(s.body ? { body: s.body } : {}), duration: WARMUP, connections: CONNECTIONS });
      const cpuBefore = cpuMicros(server.pid);
      const r = await runLoad({ url: s.url, method: init.method, headers, ...(s.body ? { body: s.body } : {}), duration: SECONDS, connections: CONNECTIONS, title: s.name });
      const cpu = (cpuMicros(server.pid) - cpuBefore) / Math.max(1, r.totalRequests);
      const pass = s.pass(r) && r.non2xx === 0 && r.errors === 0;
      ok &&= pass;
      rows.push({
        scenario: s.name, 'req/s': Math.round(r.requestsPerSec), 'p50 ms': r.p50, 'p99 ms': r.p99, 'non-2xx': r.non2xx, errors: r.errors,
        'cpu µs/req': Math.round(cpu), target: s.target, result: pass ? 'PASS' : 'FAIL',
      });
    }
    // For information: one request at a time, the search in the default order (SLA due), which must sort every match.
    const single: string[] = [];
    for (const [kind, word] of [['common', info.commonWord], ['rare', info.rareWord]] as const) {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        const res = await fetch(`${api}?q=${encodeURIComponent(word)}&limit=50`, { headers, signal: AbortSignal.timeout(30_000) }).catch(() => null);
        if (!res) break;
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`search by SLA: status ${res.status}`);
        times.push(performance.now() - t0);
      }
      single.push(`${kind} ${times.length ? `${Math.min(...times).toFixed(1)} ms` : 'over 30 s'}`);
    }
    const matches = await countMatches(db, [info.commonWord, info.rareWord]);
    console.log(`\n${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: ${TICKETS} tickets, ${CONNECTIONS} connections, ${SECONDS} s per scenario after ${WARMUP} s warm-up; list queue ${info.busiestQueueId}; search matches ${matches.join(' / ')}`);
    printTable(rows);
    if (scale) console.log(scaleLine(scale));
    console.log(`Search sorted by SLA due (default order), one request at a time, best of 5: ${single.join(', ')}`);
    console.log(`Kontor RSS after the run: ${server.rssMb().toFixed(1)} MB\n`);
    return ok;
  } finally {
    await server?.stop();
    if (pgDir) execFileSync('bash', [join(ROOT, 'scripts/services/postgres.sh'), 'stop', pgDir], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  }
}

/** How many tickets each search word finds (through the same condition the API uses). */
async function countMatches(db: string, words: string[]): Promise<number[]> {
  const { ticketMatches } = await import('../src/platform/db/index.ts');
  const handle = openDatabase(db);
  try {
    const counts: number[] = [];
    for (const w of words) {
      const r = await handle.db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).where((await ticketMatches(handle.db, w))!).executeTakeFirstOrThrow();
      counts.push(Number(r.n));
    }
    return counts;
  } finally {
    await handle.close();
  }
}

let allOk = true;
// The server as `npm start` runs it: the esbuild bundle (dist/server/kontor.js).
execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: ROOT, stdio: 'inherit' });
for (const engine of ENGINES) {
  if (engine !== 'sqlite' && engine !== 'postgres') throw new Error(`BENCH_ENGINE: sqlite, postgres or both, not ${engine}`);
  allOk = (await runEngine(engine)) && allOk;
}
process.exitCode = allOk ? 0 : 1;
