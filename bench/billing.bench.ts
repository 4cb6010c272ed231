// Billing speed targets (the contracts and billing issue):
//
//   a billing run of one month with BENCH_CLIENTS clients (half with a contract, a third
//   of those with prepaid minutes) and BENCH_RECORDS approved records:
//   under 10 s on SQLite with the run's process under 300 MB RSS; the same printed for PostgreSQL.
//
//   npm run bench:billing     BENCH_ENGINE=sqlite|postgres|both (both), BENCH_CLIENTS (2,000),
//                             BENCH_RECORDS (100,000)
//
// The data is written straight into a fresh database (clients, tickets, contracts, priced
// and approved records of October 2026). The run is measured as production runs it:
// `kontor billing run` of src/cli.ts bundled like `npm run build:server` (into .tmp), in a
// process of its own under /usr/bin/time (wall time including the process start, CPU,
// peak RSS). Then the same month is run again in a child under tsx (`--run`, timed
// inside: a re-run replacing the drafts) and its drafts are issued (bench/lib/issuing.ts).
// The machine may be shared: the load average is printed.
// Exit code 1 when a target is missed.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { createBillingRunsModule } from '../src/modules/billing/index.ts';
import { systemContext } from '../src/modules/identity/index.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { migrateToLatest, openDatabase } from '../src/platform/db/index.ts';
import { generateBillingMonth } from './lib/billing-data.ts';
import { benchWorkDir } from './lib/db-cache.ts';
import { benchIssuing, type IssuingFigures } from './lib/issuing.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 2_000);
const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const ENGINE = process.env.BENCH_ENGINE ?? 'both';
const PERIOD = '2026-10';
const CLOCK = '2026-11-05T08:00:00.000Z';
const log = (line: string) => console.log(line);
const load1 = () => loadavg()[0]!.toFixed(1);

/** The child: one run of the month, timed, with its peak RSS. */
async function runChild(url: string): Promise<void> {
  const database = openDatabase(url);
  const clock = fixedClock(CLOCK);
  const { runs } = createBillingRunsModule({ db: database.db, clock, batchClients: 100 });
  const cpu = process.cpuUsage();
  const started = performance.now();
  const run = await runs.runNow(systemContext, PERIOD);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const hwm = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
  const r = run.result!;
  // Issuing (invoicing): then every draft of the month is issued, timed apart (BENCH_ISSUE=0 skips it).
  const issuing = process.env.BENCH_ISSUE === '0' ? null : await benchIssuing(database.db, clock, PERIOD, () => undefined);
  const blockedDrafts = r.drafts.filter((d) => d.blocked.length > 0).length;
  console.log(JSON.stringify({ seconds, cpuSeconds: (used.user + used.system) / 1e6, rssMb: hwm, drafts: r.drafts.length, blocked: r.blocked.length, ledger: r.ledger.length, state: run.state, issuing, blockedDrafts }));
  await database.close();
}

/** `kontor` as production runs it: src/cli.ts bundled like `npm run build:server`, into .tmp (dist stays as built). */
let bundle: string | null = null;
function cliBundle(): string {
  if (bundle) return bundle;
  bundle = join(ROOT, '.tmp', 'bench-billing-cli', 'kontor.js');
  execFileSync(join(ROOT, 'node_modules/.bin/esbuild'), ['src/cli.ts', '--bundle', '--platform=node', '--target=node20', '--format=esm', '--packages=external', '--log-level=warning', `--outfile=${bundle}`], { cwd: ROOT });
  return bundle;
}

async function runEngine(engine: string): Promise<boolean> {
  const dir = benchWorkDir('bench-billing-');
  let pgDir: string | null = null;
  try {
    let url = join(dir, 'kontor.db');
    if (engine === 'postgres') {
      const out = execFileSync('bash', [join(ROOT, 'scripts/services/postgres.sh'), 'start'], { encoding: 'utf8' });
      pgDir = /KONTOR_PG_DIR=(\S*)/.exec(out)![1]!.replace(/^['"]|['"]$/g, '');
      url = /KONTOR_PG_URL=(\S*)/.exec(out)![1]!.replace(/^['"]|['"]$/g, '');
    }
    const database = openDatabase(url);
    await migrateToLatest(database.db);
    const genStart = performance.now();
    await generateBillingMonth(database.db, { clients: CLIENTS, records: RECORDS, at: CLOCK });
    if (engine === 'postgres') await sql`analyze`.execute(database.db);
    await database.close();
    log(`${engine}: generated ${CLIENTS} clients, ${CLIENTS / 2} contracts, ${RECORDS} records in ${((performance.now() - genStart) / 1000).toFixed(1)} s`);
    // ---- the billing run as `kontor billing run` of the production bundle: wall time and peak RSS of the process ----
    // With the node flags of `npm run kontor` (package.json).
    const timed = spawnSync('/usr/bin/time', ['-f', 'BENCH_TIME %e %U %S %M', process.execPath, '--max-semi-space-size=8', cliBundle(), 'billing', 'run', '--period', PERIOD, '--db', url], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, KONTOR_LOG_LEVEL: 'warn' },
    });
    const [cliWall, cliUser, cliSys, cliRssKb] = /BENCH_TIME (\S+) (\S+) (\S+) (\d+)/.exec(timed.stderr ?? '')!.slice(1).map(Number) as [number, number, number, number];
    const summary = timed.stdout.trim().split('\n').pop()!;
    const cliOk = /completed/.test(summary) && (engine !== 'sqlite' || (cliWall < 10 && cliRssKb / 1024 < 300));
    log(
      `${engine}: kontor billing run --period ${PERIOD} (bundle, whole process incl. start): ${cliWall.toFixed(2)} s (CPU ${(cliUser + cliSys).toFixed(2)} s), ` +
        `peak RSS ${(cliRssKb / 1024).toFixed(0)} MB — load ${load1()}` + (engine === 'sqlite' ? ` — target < 10 s and < 300 MB: ${cliOk ? 'met' : 'MISSED'}` : '') + `\n  ${summary}`,
    );
    // ---- the same month run again in a process of its own (replacing the drafts), timed inside; then issuing ----
    const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--run', url], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const f = JSON.parse(out.trim().split('\n').pop()!) as { seconds: number; cpuSeconds: number; rssMb: number; drafts: number; blocked: number; ledger: number; state: string; issuing: IssuingFigures | null; blockedDrafts: number };
    const ok = cliOk && f.state === 'completed';
    log(
      `${engine}: the same month again (under tsx, run timed inside): ${f.seconds.toFixed(2)} s (CPU ${f.cpuSeconds.toFixed(2)} s), peak RSS ${f.rssMb.toFixed(0)} MB ` +
        `(tsx alone holds ~200 MB), ${f.drafts} drafts, ${f.ledger} prepaid ledger rows, ${f.blocked} blocked — load ${load1()}`,
    );
    // ---- issuing all drafts of the month (bench/lib/issuing.ts, run in the child above): < 10 s on SQLite ----
    let issueOk = true;
    if (f.issuing) {
      const i = f.issuing;
      issueOk = i.gapFree && i.issued === f.drafts - f.blockedDrafts && i.notIssued === f.blockedDrafts && (engine !== 'sqlite' || i.seconds < 10);
      log(
        `${engine}: issuing ${PERIOD}: ${i.issued} invoices in ${i.seconds.toFixed(2)} s (${((i.seconds * 1000) / Math.max(1, i.issued)).toFixed(2)} ms each, CPU ${i.cpuSeconds.toFixed(2)} s), ` +
          `${i.notIssued} blocked drafts not issued, numbers ${i.gapFree ? 'gap-free' : 'NOT GAP-FREE'} — load ${load1()}` +
          (engine === 'sqlite' ? ` — target < 10 s: ${issueOk ? 'met' : 'MISSED'}` : ''),
      );
    }
    return ok && issueOk;
  } finally {
    if (pgDir) execFileSync('bash', [join(ROOT, 'scripts/services/postgres.sh'), 'stop', pgDir], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--run') {
  await runChild(process.argv[3]!);
} else {
  let ok = true;
  for (const engine of ENGINE === 'both' ? ['sqlite', 'postgres'] : [ENGINE]) ok = (await runEngine(engine)) && ok;
  process.exitCode = ok ? 0 : 1;
}
