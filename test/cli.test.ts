import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from '../src/app.ts';
import { seedDemo } from '../src/cli/demo-data.ts';
import { loadConfig } from '../src/config/index.ts';
import { prepareDatabase } from '../src/main.ts';
import { systemClock } from '../src/platform/clock.ts';
import { openDatabase, type DatabaseHandle } from '../src/platform/db/index.ts';
import { createTestDatabase, testEngines } from './db.ts';

/**
 * `kontor …` as an administrator runs it, in a child process: every failure is
 * one clear message on stderr and exit code 1 (never a stack trace), and nothing
 * is half done; successes say what was done.
 *
 * The commands run as `npm start` runs them: src/cli.ts bundled by `npm run build:server`
 * into dist/server/kontor.js, built once before the tests. A child that loads the bundle
 * starts in about half the time of one that compiles the TypeScript through tsx, and this
 * file starts some forty of them.
 */
const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const BUNDLE = join(ROOT, 'dist/server/kontor.js');
const dir = mkdtempSync(join(tmpdir(), 'kontor-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  const built = await run('npm', ['run', '--silent', 'build:server']);
  expect(built.code, built.stderr).toBe(0);
}, 60_000);

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Any program in the project folder, its output collected. */
function run(program: string, args: string[]): Promise<Outcome> {
  const child = spawn(program, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

function kontor(...args: string[]): Promise<Outcome> {
  return kontorWithin(45_000, args);
}

/**
 * `kontor …`, killed when it has not ended within `ms`: a command that hangs fails its
 * test (exit code null, "killed" on stderr) instead of outliving it.
 */
function kontorWithin(ms: number, args: string[]): Promise<Outcome> {
  const child = spawn(process.execPath, [BUNDLE, ...args], {
    cwd: ROOT,
    env: { ...process.env, KONTOR_LOG_LEVEL: 'warn', KONTOR_DEBUG: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => {
    stderr += `\n(killed: still running after ${ms} ms)`;
    child.kill('SIGKILL');
  }, ms);
  return new Promise((done) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    }),
  );
}

/** A refusal: exit code 1, the message on stderr, and no stack trace or dumped error object. */
function expectRefused(outcome: Outcome, message: RegExp): void {
  expect(outcome.code, outcome.stderr).toBe(1);
  expect(outcome.stderr).toMatch(message);
  expect(outcome.stderr).not.toMatch(/^\s+at /m);
  expect(outcome.stderr).not.toMatch(/errno|syscall/);
}

describe('the command line: usage and setup', () => {
  const db = join(dir, 'setup.db');

  it('a usage error is one line and a pointer to the help; --version prints the version', async () => {
    const unknown = await kontor('bogus');
    expectRefused(unknown, /unknown command 'bogus'/);
    expect(unknown.stderr).toMatch(/Run 'kontor --help'/);
    expect(unknown.stderr).not.toMatch(/Usage:/);
    const missing = await kontor('user', 'create', '--email', 'a@b.cz');
    expectRefused(missing, /required option '--name <name>'/);
    expect(missing.stderr).toMatch(/Run 'kontor user create --help'/);
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect((await kontor('--version')).stdout.trim()).toBe(version);
    // The bundle sits two folders down (dist/server/); `kontor` as installed runs src/cli.ts one folder down: both find it.
    const viaTsx = await run(process.execPath, [join(ROOT, 'bin/kontor.js'), '--version']);
    expect([viaTsx.code, viaTsx.stdout.trim()]).toEqual([0, version]);
    // And a command that finds its files (the migrations) from the sources, as `npx kontor` runs it.
    const migrated = await run(process.execPath, [join(ROOT, 'bin/kontor.js'), 'migrate', '--db', join(dir, 'via-bin.db')]);
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toMatch(/^Applied: 0001_foundation, 0002_helpdesk, /m);
    const help = await kontor('import', 'records', '--help');
    expect(help.stdout).toMatch(/--encoding <encoding>/);
    expect(help.stdout).toMatch(/Examples:/);
  }, 60_000);

  it('a database that cannot be created or reached is named, with how to fix it (no password printed)', async () => {
    writeFileSync(join(dir, 'a-file'), 'x');
    expectRefused(await kontor('migrate', '--db', join(dir, 'a-file', 'k.db')), /Cannot create the SQLite database .*a-file\/k\.db: .*a-file is a file, not a folder\./);
    expectRefused(await kontor('migrate', '--db', join(dir, 'a-file', 'deeper', 'k.db')), /Cannot create the SQLite database .*a-file\/deeper\/k\.db: .*a-file is a file, not a folder\./);
    const pg = await kontor('migrate', '--db', 'postgres://kontor:secret@127.0.0.1:1/kontor');
    expectRefused(pg, /Cannot connect to PostgreSQL at postgres:\/\/kontor:\*\*\*@127\.0\.0\.1:1\/kontor: the connection was refused/);
    expect(pg.stderr).not.toMatch(/secret/);
  }, 60_000);

  // Node's mkdirSync(…, { recursive: true }) never returns under /proc: these would hang (and be killed).
  it('a database folder the file system does not allow (/proc) is refused at once, naming the path and why', async () => {
    const refused = await kontorWithin(15_000, ['migrate', '--db', '/proc/kontor-test/data/kontor.db']);
    expectRefused(refused, /^Error: Cannot create the SQLite database \/proc\/kontor-test\/data\/kontor\.db: \/proc does not allow new folders in it/);
    expect(refused.stderr.trim().split('\n')).toHaveLength(2);
  }, 30_000);

  it('an export folder that cannot be created is refused at once, naming the path and why', async () => {
    const out = ['export', '--db', join(dir, 'never-opened.db'), '--format', 'csv', '--period', '2026-10', '--out'];
    expectRefused(await kontorWithin(15_000, [...out, '/proc/kontor-test/out']), /^Error: Cannot create the folder \/proc\/kontor-test\/out: \/proc does not allow new folders in it/);
    writeFileSync(join(dir, 'not-a-folder'), 'x');
    expectRefused(await kontorWithin(15_000, [...out, join(dir, 'not-a-folder', 'out')]), /^Error: Cannot create the folder .*not-a-folder\/out: .*not-a-folder is a file, not a folder\./);
    expectRefused(await kontorWithin(15_000, [...out, join(dir, 'not-a-folder')]), /^Error: Cannot create the folder .*not-a-folder: .*not-a-folder is a file, not a folder\./);
    expect(existsSync(join(dir, 'never-opened.db'))).toBe(false);
  }, 60_000);

  it('a day or month that does not exist is refused in one line naming the option, before any database is opened', async () => {
    const never = join(dir, 'never-opened-dates.db');
    const refusals: [string[], string][] = [
      [['billing', 'run', '--period', '2026-13'], "'2026-13' is invalid. 2026-13 is not a month (YYYY-MM): there is no month 13"],
      [['billing', 'run', '--period', '2026-Q4'], '2026-Q4 is not a month (YYYY-MM): it is a quarter'],
      [['billing', 'issue', '--period', '2026-13'], '2026-13 is not a period (YYYY-MM, YYYY-Qn or YYYY): there is no month 13'],
      [['export', '--format', 'csv', '--out', join(dir, 'dates-out'), '--period', '2026-02-30'], '"2026-02-30" is not a period (YYYY-MM, YYYY-Qn or YYYY), e.g. 2026-10, 2026-Q4 or 2026'],
      [['rates', 'import', '--date', '2026-02-30'], "'2026-02-30' is invalid. 2026-02-30 is not a calendar date: 2026-02 has 28 days"],
    ];
    for (const [args, message] of refusals) {
      const refused = await kontor(...args, '--db', never);
      expectRefused(refused, new RegExp(`^error: option '--(period|date) <\\w+>' argument .*${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
      expect(refused.stderr.trim().split('\n'), refused.stderr).toHaveLength(2);
    }
    expect(existsSync(never)).toBe(false);
    expect(existsSync(join(dir, 'dates-out'))).toBe(false);
  }, 240_000);

  it('user create checks its input like the API, spells out the password rules, and refuses a duplicate', async () => {
    const create = (...extra: string[]) => kontor('user', 'create', '--db', db, '--name', 'Jana Nováková', ...extra);
    expectRefused(await create('--email', 'not-an-email', '--password', 'Long-enough-pw1'), /The user was not created\n\s+- email:/);
    expectRefused(await create('--email', 'jana@example.cz', '--language', 'de', '--password', 'Long-enough-pw1'), /- language:/);
    expectRefused(await create('--email', 'jana@example.cz', '--role', 'boss', '--password', 'Long-enough-pw1'), /Unknown role 'boss'; use admin/);
    expectRefused(await create('--email', 'jana@example.cz', '--password', 'short'), /password: too short: use at least 10 characters/);
    expectRefused(await create('--email', 'jana@example.cz', '--role', 'client_contact', '--client', '999', '--password', 'Long-enough-pw1'), /There is no client with the id 999/);
    const created = await create('--email', 'jana@example.cz', '--role', 'admin', '--password', 'Long-enough-pw1');
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^Created user #1 jana@example.cz \(admin\)$/m);
    expectRefused(await create('--email', 'Jana@example.cz', '--password', 'Long-enough-pw1'), /A user with this e-mail already exists/);
    expectRefused(await kontor('token', 'create', '--db', db, '--user', 'nobody@example.cz', '--name', 'ci'), /There is no user with the e-mail nobody@example.cz/);
    expectRefused(await kontor('token', 'create', '--db', db, '--user', 'jana@example.cz', '--name', ' '), /The token was not created/);
    const handle = openDatabase(db);
    try {
      const users = await handle.db.selectFrom('users').select(['email', 'language']).execute();
      expect(users).toEqual([{ email: 'jana@example.cz', language: 'cs' }]);
      expect(await handle.db.selectFrom('api_tokens').select('id').execute()).toEqual([]);
    } finally {
      await handle.close();
    }
  }, 120_000);

  it('serve refuses a port in use with a clear message', async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const port = String((blocker.address() as AddressInfo).port);
    try {
      expectRefused(await kontor('serve', '--db', db, '--port', port), new RegExp(`the port ${port} on 127\\.0\\.0\\.1 is already in use[^]*--port`));
    } finally {
      blocker.close();
    }
  }, 60_000);
});

describe.each(testEngines())('the command line on the demo data (%s)', (engine) => {
  let url: string;
  let handle: DatabaseHandle & { url?: string };
  const count = async (table: 'records' | 'export_batches') => Number((await handle.db.selectFrom(table).select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    if (engine === 'sqlite') {
      url = join(dir, 'demo.db');
      handle = openDatabase(url);
    } else {
      handle = await createTestDatabase('postgres', { migrate: false });
      url = handle.url!;
    }
    await prepareDatabase(handle.db);
    const config = loadConfig({ env: {}, overrides: { db: url, storageDir: join(dir, `${engine}.files`) } });
    await seedDemo(buildServices({ config, database: handle, clock: systemClock }));
  }, 120_000);
  afterAll(() => handle?.close());

  it('import: a missing file, a bad file and a row with too many values import nothing; the report names line and column', async () => {
    const before = await count('records');
    expectRefused(await kontor('import', 'records', '--db', url, '--file', join(dir, 'nope.csv')), /The file .*nope\.csv does not exist/);
    const bad = join(dir, `bad-${engine}.csv`);
    writeFileSync(bad, [
      'ticket,technician,date,minutes,work_type,description',
      'T2026-000001,technician@kontor.demo,2026-10-05,60,remote_support,fine',
      'T2026-000001,technician@kontor.demo,2026/10/05,60,remote_support,bad date',
      'T2099-999999,technician@kontor.demo,2026-10-05,60,remote_support,unknown ticket',
      'T2026-000001,technician@kontor.demo,2026-10-05,60,remote_support,Oprava, tiskárna',
      'T2026-000001,technician@kontor.demo,2026-10-05,60,,no work type',
    ].join('\n'));
    const refused = await kontor('import', 'records', '--db', url, '--file', bad);
    expectRefused(refused, /4 of 5 rows are not valid; nothing was imported/);
    expect(refused.stderr).toMatch(/line 3, date: "2026\/10\/05" is not a date: write 2026-10-05 or 5\.10\.2026/);
    expect(refused.stderr).toMatch(/line 4, ticket: No ticket "T2099-999999"/);
    expect(refused.stderr).toMatch(/line 5: 7 values, but the header has 6 columns/);
    expect(refused.stderr).toMatch(/line 6, work_type: missing/);
    expect(refused.stderr).not.toMatch(/workTypeId|Invalid input/);
    expect(await count('records')).toBe(before);
  }, 60_000);

  it('import: a file as Czech Excel saves it (Windows-1250, ";", CRLF, 5.10.2026, 9:00) keeps its diacritics', async () => {
    const before = await count('records');
    const file = join(dir, `excel-${engine}.csv`);
    const text = [
      'ticket;technician;date;start;end;work_type;description',
      'T2026-000001;technician@kontor.demo;5.10.2026;9:00;10:30:00;remote_support;Oprava tiskárny, čištění',
      '',
    ].join('\r\n');
    writeFileSync(file, windows1250(text));
    const asUtf8 = await kontor('import', 'records', '--db', url, '--file', file, '--encoding', 'utf-8');
    expectRefused(asUtf8, /is not valid UTF-8[^]*--encoding windows-1250/);
    const done = await kontor('import', 'records', '--db', url, '--file', file);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/^Imported 1 records\.$/m);
    expect(done.stderr).toMatch(/read as Windows-1250/);
    const row = await handle.db.selectFrom('records').select(['date', 'start_time', 'minutes', 'description']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ date: '2026-10-05', start_time: '09:00', minutes: 90, description: 'Oprava tiskárny, čištění' });
    expect(await count('records')).toBe(before + 1);
  }, 60_000);

  it('export: an output folder that cannot be created records no batch', async () => {
    const issued = await handle.db.selectFrom('invoices').select(['taxable_supply_date', 'issue_date']).where('state', '=', 'issued').executeTakeFirstOrThrow();
    const period = String(issued.taxable_supply_date ?? issued.issue_date).slice(0, 7);
    writeFileSync(join(dir, `blocker-${engine}`), 'x');
    const before = await count('export_batches');
    const refused = await kontor('export', '--db', url, '--format', 'csv', '--period', period, '--out', join(dir, `blocker-${engine}`, 'out'));
    expectRefused(refused, /Cannot create the folder .*blocker-\w+\/out: .*blocker-\w+ is a file, not a folder\./);
    expect(await count('export_batches')).toBe(before);
    const out = join(dir, `out-${engine}`);
    const done = await kontor('export', '--db', url, '--format', 'csv', '--period', period, '--out', out);
    expect(done.code, done.stderr).toBe(0);
    const [path] = done.stdout.trim().split('\t');
    expect(readFileSync(path!, 'utf8').length).toBeGreaterThan(0);
    expect(await count('export_batches')).toBe(before + 1);
    const again = await kontor('export', '--db', url, '--format', 'csv', '--period', period, '--out', out);
    expectRefused(again, /Nothing new to export[^]*Add --again/);
    // Exported again into the same folder: a file of its own, the first one left as it was.
    const first = readFileSync(path!);
    const repeated = await kontor('export', '--db', url, '--format', 'csv', '--period', period, '--out', out, '--again');
    expect(repeated.code, repeated.stderr).toBe(0);
    const [secondPath, , batch] = repeated.stdout.trim().split('\t');
    expect(secondPath).toBe(path!.replace(/\.zip$/, `-${batch!.replace(' ', '-')}.zip`));
    expect(readFileSync(path!).equals(first)).toBe(true);
    expect(readFileSync(secondPath!).length).toBeGreaterThan(0);
  }, 90_000);
});

/** The bytes of a text in Windows-1250, the code page of Czech Windows (only the letters these tests use). */
function windows1250(text: string): Buffer {
  const codes: Record<string, number> = { á: 0xe1, č: 0xe8, ř: 0xf8, š: 0x9a, ť: 0x9d, ž: 0x9e, ý: 0xfd, í: 0xed, é: 0xe9, ě: 0xec, ů: 0xf9, ú: 0xfa, ň: 0xf2, ď: 0xef };
  return Buffer.from([...text].map((c) => codes[c] ?? (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : 0x3f)));
}
