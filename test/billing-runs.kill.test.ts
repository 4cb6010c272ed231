import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generateBillingMonth } from '../bench/lib/billing-data.ts';
import { createBillingRuns } from '../src/modules/billing/billing.run.ts';
import { systemContext } from '../src/modules/identity/index.ts';
import { fixedClock, systemClock } from '../src/platform/clock.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../src/platform/db/index.ts';
import { createTestDatabase, testEngines } from './db.ts';

/**
 * A billing run whose process is killed halfway (`kontor billing run` in a child
 * process, SIGKILL after its first batch): none of its drafts is visible, the
 * month stays held while its heartbeat is fresh, and the next run takes over
 * once it is stale and completes with exactly one set of drafts.
 */
const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CLIENTS = 600;

describe.each(testEngines())('a billing run killed halfway on %s', (engine) => {
  const dir = mkdtempSync(join(tmpdir(), 'kontor-kill-'));
  let handle: DatabaseHandle & { url?: string };
  afterAll(async () => {
    await handle?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves nothing visible, and the next run takes over and completes', async () => {
    let url = join(dir, 'kontor.db');
    if (engine === 'sqlite') {
      handle = openDatabase(url);
      await migrateToLatest(handle.db);
    } else {
      const pg = await createTestDatabase('postgres');
      handle = pg;
      url = pg.url;
    }
    const db = handle.db;
    await generateBillingMonth(db, { clients: CLIENTS, records: 12_000, at: '2026-11-05T08:00:00.000Z' });

    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'billing', 'run', '--period', '2026-10', '--db', url], {
      cwd: ROOT, env: { ...process.env, KONTOR_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let killedAt: number | null = null;
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const progress = [...stderr.matchAll(/clients (\d+)\/(\d+)/g)].at(-1);
      if (killedAt === null && progress && Number(progress[1]) >= 100 && Number(progress[1]) < Number(progress[2])) {
        killedAt = Number(progress[1]);
        child.kill('SIGKILL');
      }
    });
    await exited;
    expect(killedAt, `the run was not caught halfway; stderr: ${stderr}`).not.toBeNull();

    const runs = await db.selectFrom('billing_runs').selectAll().execute();
    expect(runs.map((r) => r.state)).toEqual(['running']);
    const written = await db.selectFrom('invoices').select(['visible']).execute();
    expect(written.length).toBeGreaterThan(0); // batches were written …
    expect(written.filter((r) => r.visible === 1)).toEqual([]); // … and none of them is visible

    // While its heartbeat is fresh the month stays held; once stale, the next run takes over.
    await expect(createBillingRuns({ db, clock: systemClock }).runNow(systemContext, '2026-10')).rejects.toMatchObject({ code: 'run_in_progress' });
    const later = fixedClock(new Date(Date.now() + 5 * 60_000).toISOString());
    const done = await createBillingRuns({ db, clock: later }).runNow(systemContext, '2026-10');
    expect(done.state).toBe('completed');
    expect(done.result!.drafts).toHaveLength(CLIENTS);
    const dead = await db.selectFrom('billing_runs').selectAll().where('id', '=', runs[0]!.id).executeTakeFirstOrThrow();
    expect(dead.state).toBe('failed');
    const after = await db.selectFrom('invoices').select(['visible', 'run_id', 'client_id']).execute();
    expect(after.every((r) => r.visible === 1 && Number(r.run_id) === done.id)).toBe(true);
    expect(new Set(after.map((r) => r.client_id)).size).toBe(CLIENTS);
  }, 180_000);
});
