// Warehouse speed targets (the Warehouse issue), against the built server
// (`npm run build:server`, dist/server/kontor.js) in its own process, load from a
// second process (autocannon), API tokens, SQLite:
//
//   1. confirming issue slips of 3 lines through the API: POST /api/v1/stock-documents
//      {kind: issue, confirm: true}, each a material record per line, 50 connections  ≥ 1,500 slips/s
//   2. the stock level of one item in one warehouse, from the maintained balance, with
//      BENCH_MOVEMENTS movements in the ledger (generated in bulk SQL):
//      GET /api/v1/stock-levels?warehouseId=&itemId=, 1 connection                     p99 < 5 ms
//      and the balance read alone in process (the SQL the API runs)                     p99 < 5 ms
//   3. the count of stock levels below their minimum (the home page and the Warehouse menu item
//      ask for it on every load) over BENCH_BALANCES balances, 1 in 200 below its minimum, in
//      process (the SQL GET /api/v1/stock-levels/count runs), with its partial index (migration
//      0034) and, for comparison, without it                                            (figures only)
//
//   npm run bench:warehouse     BENCH_MOVEMENTS (10,000,000), BENCH_BALANCES (200,000), BENCH_SECONDS (10), BENCH_WARMUP (2),
//                               BENCH_ONLY (a part of a scenario's name)
//
// The machine may be shared: the load average is printed with each figure. Exit code 1
// when a target is missed.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { buildServices } from '../src/app.ts';
import { defaultConfig } from '../src/config/index.ts';
import { systemContext, type RequestContext } from '../src/modules/identity/index.ts';
import { prepareDatabase } from '../src/main.ts';
import { systemClock } from '../src/platform/clock.ts';
import { openDatabase, preparedQuery } from '../src/platform/db/index.ts';
import { countLevels } from '../src/modules/warehouse/stock.repo.ts';
import { STOCK_LEVEL_COUNT_CAP } from '../src/modules/warehouse/warehouse.schemas.ts';
import * as m0034 from '../migrations/0034_stock_below_minimum_index.ts';
import { benchWorkDir } from './lib/db-cache.ts';
import { printTable, runLoad, type LoadResult, type Row } from './lib/load.ts';
import { builtServerCommand, cpuMicros, startServer, type RunningServer } from './lib/server.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const MOVEMENTS = Number(process.env.BENCH_MOVEMENTS ?? 10_000_000);
const BALANCES = Number(process.env.BENCH_BALANCES ?? 200_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
/** Only the scenarios whose name contains this (e.g. "slips"). */
const ONLY = process.env.BENCH_ONLY ?? '';
const log = (line: string) => console.log(line);
const load1 = () => loadavg()[0]!.toFixed(1);
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

export interface World {
  file: string;
  token: string;
  ticketId: number;
  vanId: number;
  itemIds: number[];
}

/** A database with a technician, his van stocked with three items, a ticket, the price list; through the services. */
export async function setUp(file: string): Promise<World> {
  const database = openDatabase(file);
  await prepareDatabase(database.db);
  const services = buildServices({ config: { ...defaultConfig, logLevel: 'silent', db: file }, database, clock: systemClock });
  const ctx = systemContext;
  const tech = await services.users.create(ctx, { email: 'tech@bench.kontor', name: 'Technik Bench', language: 'cs', roles: ['technician'], password: 'Bench-Password-2026', clientId: null });
  const token = (await services.users.createToken(ctx, tech.id, 'bench')).token;
  const client = await services.customers.create(ctx, { name: 'Bench s.r.o.', country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14 });
  const queue = await database.db.selectFrom('queues').select('id').where('code', '=', 'service_desk').executeTakeFirstOrThrow();
  await database.db.insertInto('queue_members').values({ queue_id: queue.id, user_id: tech.id }).execute();
  const ticket = await services.tickets.create(ctx, {
    subject: 'Výměna disků', description: '', typeCode: 'incident', clientId: client.id, requesterContactId: null, queueId: queue.id,
    impact: 'medium', urgency: 'medium', tags: [], custom: {}, dimensions: {}, watcherUserIds: [], watcherContactIds: [],
  } as Parameters<typeof services.tickets.create>[1]);
  const { items, warehouses, documents } = services.warehouse;
  const itemIds: number[] = [];
  for (const [code, name, price] of [['SSD-1TB', 'SSD 1 TB', 1_890_00], ['RAM-16', 'RAM 16 GB', 1_290_00], ['CAB-UTP6', 'Kabel UTP Cat6', 25_00]] as const) {
    itemIds.push((await items.create(ctx, { code, name, unit: 'pcs', vatCategory: 'standard', salePriceMinor: price, serialTracking: false, active: true, ean: null })).id);
  }
  const list = await services.pricing.priceLists.create(ctx, { name: 'Standard 2026', currency: 'CZK', isDefault: true, active: true });
  await services.pricing.priceLists.createVersion(ctx, list.id, {
    validFrom: '2026-01-01',
    terms: {
      workRates: [], businessHours: { weekdays: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' }, surchargePct: { normal: 0, out_of_hours: 50, weekend_holiday: 100 },
      incrementMinutes: 15, minimumMinutes: [], pricePerKmMinor: null, travelRatePerHourMinor: null, zoneFees: [], unitFeePrices: [],
      itemPrices: [{ itemId: itemIds[0]!, priceMinor: 1_890_00 }],
    },
  });
  const store = await warehouses.create(ctx, { code: 'MAIN', name: 'Hlavní sklad', kind: 'store', ownerUserId: null, userIds: [], active: true });
  const van = await warehouses.create(ctx, { code: 'VAN', name: 'Dodávka – Technik', kind: 'van', ownerUserId: tech.id, userIds: [], active: true });
  const today = new Date().toISOString().slice(0, 10);
  // 1,000,000 units, the most one line may move: far more than the slips of a run issue.
  const lines = itemIds.map((itemId, i) => ({ itemId, quantity: '1000000', unitPriceMinor: 1_000_00 + i * 100_00 }));
  await documents.create(ctx, { kind: 'receipt', date: today, warehouseId: store.id, lines, confirm: true });
  await documents.create(ctx, { kind: 'transfer', date: today, warehouseId: store.id, targetWarehouseId: van.id, lines: lines.map(({ itemId }) => ({ itemId, quantity: '1000000' })), confirm: true });
  const asTech: RequestContext = { actor: { userId: tech.id, name: tech.name, roles: ['technician'], clientId: null, tokenId: null }, ip: null };
  await warehouses.setMyDefault(asTech, van.id);
  await database.close();
  return { file, token, ticketId: ticket.id, vanId: van.id, itemIds };
}

/** MOVEMENTS ledger rows for the SSD in the main store, in one INSERT … SELECT over a counter. */
export async function generateMovements(w: World): Promise<number> {
  const started = performance.now();
  const database = openDatabase(w.file);
  const db = database.db;
  const doc = await db.selectFrom('stock_documents').select(['id', 'warehouse_id']).where('kind', '=', 'receipt').executeTakeFirstOrThrow();
  const line = await db.selectFrom('stock_document_lines').select('id').where('document_id', '=', doc.id).executeTakeFirstOrThrow();
  const at = new Date().toISOString();
  await sql`
    with recursive n(i) as (select 1 union all select i + 1 from n where i < ${MOVEMENTS})
    insert into stock_movements (warehouse_id, item_id, document_id, line_id, date, quantity_milli, value_minor, balance_milli, balance_value_minor, created_at)
    select ${doc.warehouse_id}, ${w.itemIds[0]}, ${doc.id}, ${line.id}, '2026-01-01', case when i % 2 = 1 then 1000 else -1000 end,
           case when i % 2 = 1 then 100000 else -100000 end, 100000000000 + (i % 2) * 1000, 10000000000000 + (i % 2) * 100000, ${at}
    from n`.execute(db);
  await database.close();
  return (performance.now() - started) / 1000;
}

/** The balance read the stock-level route makes, timed in process. */
async function balanceReadTimings(w: World): Promise<{ p50: number; p99: number; rows: number }> {
  const database = openDatabase(w.file);
  const read = preparedQuery((db, p: { wh: number; item: number }) =>
    db.selectFrom('stock_balances').select(['quantity_milli', 'value_minor', 'minimum_milli']).where('warehouse_id', '=', p.wh).where('item_id', '=', p.item));
  const rows = Number((await sql<{ n: number }>`select count(*) as n from stock_movements`.execute(database.db)).rows[0]!.n);
  const times: number[] = [];
  for (let i = 0; i < 2_000; i++) {
    const t0 = performance.now();
    const [b] = await read(database.db, { wh: w.vanId, item: w.itemIds[i % 3]! });
    if (!b) throw new Error('no balance');
    times.push(performance.now() - t0);
  }
  await database.close();
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99), rows };
}

/**
 * BALANCES stock levels (100 warehouses × their share of items, generated in bulk SQL), one in
 * 200 below its minimum and one in 10 with a minimum; then the below-minimum count timed in
 * process with the partial index and without it.
 */
async function belowMinimumCountTimings(w: World): Promise<{ balances: number; below: number; withIndex: { p50: number; p99: number }; without: { p50: number; p99: number } }> {
  const database = openDatabase(w.file);
  const db = database.db;
  const at = new Date().toISOString();
  const warehouses = 100;
  const items = Math.ceil(BALANCES / warehouses);
  await sql`
    with recursive n(i) as (select 1 union all select i + 1 from n where i < ${warehouses})
    insert into warehouses (code, name, kind, active, version, created_at, updated_at)
    select 'BW' || i, 'Bench warehouse ' || i, 'store', 1, 1, ${at}, ${at} from n`.execute(db);
  await sql`
    with recursive n(i) as (select 1 union all select i + 1 from n where i < ${items})
    insert into items (code, name, search_text, unit, vat_category, serial_tracking, active, version, created_at, updated_at)
    select 'BI' || i, 'Bench item ' || i, 'bench item ' || i, 'pcs', 'standard', 0, 1, 1, ${at}, ${at} from n`.execute(db);
  await sql`
    insert into stock_balances (warehouse_id, item_id, quantity_milli, value_minor, minimum_milli, updated_at)
    select w.id, i.id, 10000, 0, case when (w.id + i.id) % 200 = 0 then 50000 when (w.id + i.id) % 10 = 0 then 1000 end, ${at}
    from warehouses w cross join items i where w.code like 'BW%' and i.code like 'BI%'`.execute(db);
  await sql`analyze`.execute(db);
  const balances = Number((await sql<{ n: number }>`select count(*) as n from stock_balances`.execute(db)).rows[0]!.n);
  const time = async () => {
    const times: number[] = [];
    let below = 0;
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      below = (await countLevels(db, { belowMinimum: true }, STOCK_LEVEL_COUNT_CAP)).count;
      times.push(performance.now() - t0);
    }
    return { below, p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
  };
  const withIndex = await time();
  await sql`drop index stock_balances_below_minimum`.execute(db);
  const without = await time();
  await m0034.up(db);
  await database.close();
  if (withIndex.below !== without.below) throw new Error(`the index changed the count: ${withIndex.below} against ${without.below}`);
  return { balances, below: withIndex.below, withIndex, without };
}

async function main(): Promise<boolean> {
  execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: ROOT, stdio: 'inherit' });
  const dir = benchWorkDir('bench-warehouse-');
  let server: RunningServer | null = null;
  try {
    const w = await setUp(join(dir, 'kontor.db'));
    log(`SQLite: ${MOVEMENTS} movements generated in ${(await generateMovements(w)).toFixed(0)} s`);
    const direct = await balanceReadTimings(w);
    server = await startServer({
      command: builtServerCommand(ROOT, ['serve', '--db', w.file]),
      env: (port) => ({ PORT: String(port), KONTOR_LOG_LEVEL: 'warn' }),
      cwd: ROOT,
      timeoutMs: 120_000,
    });
    const headers = { authorization: `Bearer ${w.token}` };
    const today = new Date().toISOString().slice(0, 10);
    const slip = { kind: 'issue', date: today, warehouseId: w.vanId, ticketId: w.ticketId, confirm: true, lines: w.itemIds.map((itemId) => ({ itemId, quantity: '1' })) };
    const levelUrl = `${server.url}/api/v1/stock-levels?warehouseId=${w.vanId}&itemId=${w.itemIds[0]}`;

    const probe = await fetch(`${server.url}/api/v1/stock-documents`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(slip) });
    const probeBody = await probe.json() as { state?: string; number?: string; lines?: { recordId: number | null }[] };
    if (probe.status !== 201 || probeBody.state !== 'confirmed' || probeBody.lines?.some((l) => l.recordId === null)) throw new Error(`issue slip: ${probe.status} ${JSON.stringify(probeBody).slice(0, 400)}`);
    const levelProbe = await fetch(levelUrl, { headers });
    const level = await levelProbe.json() as { items: { quantity: string }[] };
    if (levelProbe.status !== 200 || level.items.length !== 1) throw new Error(`stock level: ${levelProbe.status} ${JSON.stringify(level)}`);

    const rows: Row[] = [];
    let ok = true;
    const scenario = async (name: string, route: string, target: string, pass: (r: LoadResult) => boolean, opts: Parameters<typeof runLoad>[0]) => {
      if (ONLY && !name.includes(ONLY)) return;
      if (WARMUP > 0) await runLoad({ ...opts, duration: WARMUP });
      const cpuBefore = cpuMicros(server!.pid);
      const r = await runLoad({ ...opts, duration: SECONDS, title: name });
      const cpu = Math.round((cpuMicros(server!.pid) - cpuBefore) / Math.max(1, r.totalRequests));
      const passed = r.totalRequests > 0 && r.non2xx === 0 && r.errors === 0 && pass(r);
      ok &&= passed;
      rows.push({ scenario: name, route, 'req/s': Math.round(r.requestsPerSec), 'p50 ms': r.p50, 'p99 ms': r.p99, 'cpu µs/req': cpu, requests: r.totalRequests, 'non-2xx': r.non2xx, errors: r.errors, target, result: passed ? 'PASS' : 'FAIL', 'load avg (1 min)': load1(), 'RSS MB': Math.round(server!.rssMb()) });
    };
    await scenario('stock level of one item, 1 connection', 'GET /api/v1/stock-levels', 'p99 < 5 ms', (r) => r.p99 < 5, { url: levelUrl, headers, connections: 1 });
    await scenario('confirm issue slips of 3 lines, 50 connections', 'POST /api/v1/stock-documents', '>= 1500 slips/s', (r) => r.requestsPerSec >= 1500, {
      url: `${server.url}/api/v1/stock-documents`, method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: slip, connections: 50,
    });
    // After the server's scenarios: its 200,000 extra balances and fresh statistics are not theirs.
    const minimum = await belowMinimumCountTimings(w);
    const directPass = direct.p99 < 5;
    ok &&= directPass;
    rows.push({ scenario: 'balance read in process (the route’s SQL)', route: '-', 'p50 ms': Number(direct.p50.toFixed(3)), 'p99 ms': Number(direct.p99.toFixed(3)), requests: 2000, target: 'p99 < 5 ms', result: directPass ? 'PASS' : 'FAIL', 'load avg (1 min)': load1() });
    for (const [name, t] of [['count below minimum, partial index (in process)', minimum.withIndex], ['count below minimum, without the index (in process)', minimum.without]] as const) {
      rows.push({ scenario: name, route: 'GET /api/v1/stock-levels/count?belowMinimum=true', 'p50 ms': Number(t.p50.toFixed(3)), 'p99 ms': Number(t.p99.toFixed(3)), requests: 200, target: '(figure)', result: '-', 'load avg (1 min)': load1() });
    }
    log(`\nSQLite: ${minimum.balances} stock levels, ${minimum.below} below their minimum`);
    log(`\nSQLite: ${direct.rows} movements in the ledger; ${SECONDS} s per run after ${WARMUP} s warm-up; slips of 3 lines (SSD, RAM, cable) from a van to one ticket`);
    printTable(rows);
    return ok;
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run when started as a script (the set-up is also used to profile the confirm path in process).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = (await main()) ? 0 : 1;
