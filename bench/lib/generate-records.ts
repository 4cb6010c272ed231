// Fills a Kontor database with many service records, fast, for the records benchmark.
//
//   const { info } = await cachedSqliteRecords({ records: 5_000_000 }, workFile);   // .tmp/, reused
//   const info = await generatePostgresRecords(url, { records: 5_000_000 });
//
// The tickets (and their clients, queues, SLA …) come from lib/generate-tickets.ts;
// on top of them: 1,000 technicians in teams of 50 (members of every queue, an hourly
// cost each; the first team is the team-week scenario's), a manager, the catalogue of BILLING.md example A (work types, a fee,
// a zone) and the price list "Standard" (default, and every client's list), then
// the records with bulk SQL in big transactions (secondary indexes dropped during
// the load and rebuilt from their own definitions).
//
// Spread: 2 years of dates up to today, about 10 records per technician and working
// day (5,000,000 over 1,000 technicians; the first team of 50 has ~2,400 in a week).
// BENCH_TECHNICIANS=50 puts them all on one team instead (~200 a day each: the worst
// case of the team week, not a real one). Each technician's records on working days
// mostly (some weekends), 80 % work / 12 % travel / 8 % fee, start times through
// the day (a few evenings), each record on a ticket created in the two weeks
// before its date. States by age (old: approved, last two weeks: submitted, last
// days: draft). Prices are the app's own: every distinct pricing input is priced
// once through records.pricing.ts (the resolver) and its snapshot columns reused.
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { DEFAULT_BUSINESS_HOURS, timeClass } from '../../src/modules/pricing/domain/index.ts';
import { termsSchema } from '../../src/modules/pricing/terms.ts';
import { priceValues } from '../../src/modules/records/records.pricing.ts';
import type { RecordValues } from '../../src/modules/records/records.repo.ts';
import { openDatabase, type Db } from '../../src/platform/db/index.ts';
import { addDays, holidayCalendar, isoWeekday } from '../../src/shared/calendar/index.ts';
import { foldForSearch } from '../../src/shared/text.ts';
import { cachedDatabase } from './db-cache.ts';
import { cachedSqliteTickets, generatePostgresTickets, type GeneratedInfo } from './generate-tickets.ts';

/** Two digits: technicians and teams are numbered 01, 02, … */
const pad = (n: number) => String(n).padStart(2, '0');

/** Bump when the generated data changes shape, so cached files are rebuilt. */
const GENERATOR_VERSION = 2;

export interface RecordsOptions {
  records: number;
  /** Tickets to hang the records on (lib/generate-tickets.ts). */
  tickets?: number;
  technicians?: number;
  /** Technicians per team (the first team is the team-week scenario's). */
  teamSize?: number;
  seed?: number;
  log?: (line: string) => void;
}

export interface RecordsInfo {
  records: number;
  tickets: number;
  teamId: number;
  technicianEmails: string[];
  managerEmail: string;
  queueIds: number[];
  workTypeIds: { remote: number; onSite: number; development: number; internal: number };
  /** Monday of the last full week before the generation day (the team-week scenario). */
  benchWeek: string;
  /** The day the data ends (records up to it). */
  today: string;
  seconds: number;
}

function defaults(o: RecordsOptions) {
  return { records: o.records, tickets: o.tickets ?? 100_000, technicians: o.technicians ?? 1_000, teamSize: o.teamSize ?? 50, seed: o.seed ?? 7 };
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RECORD_COLUMNS = [
  ['kind', 'text'], ['ticket_id', 'bigint'], ['client_id', 'bigint'], ['technician_id', 'bigint'], ['date', 'text'], ['start_time', 'text'],
  ['minutes', 'integer'], ['work_type_id', 'bigint'], ['time_class', 'text'], ['time_class_overridden', 'integer'], ['km_milli', 'integer'],
  ['zone_id', 'bigint'], ['vehicle', 'text'], ['fee_id', 'bigint'], ['quantity_milli', 'integer'], ['billable', 'integer'], ['description', 'text'],
  ['internal_note', 'text'], ['state', 'text'], ['approved_by', 'bigint'], ['approved_at', 'text'], ['price_list_id', 'bigint'],
  ['price_valid_from', 'text'], ['currency', 'text'], ['billable_minutes', 'integer'], ['amount_minor', 'integer'], ['cost_minor', 'integer'],
  ['vat_category', 'text'], ['price_error', 'text'], ['pricing_json', 'text'], ['cost_currency', 'text'], ['dimensions_json', 'text'], ['created_by', 'bigint'],
  ['version', 'integer'], ['created_at', 'text'], ['updated_at', 'text'],
] as const;
type Value = string | number | null;

interface Setup {
  technicianIds: number[];
  managerId: number;
  teamId: number;
  wt: RecordsInfo['workTypeIds'];
  feeId: number;
  zoneId: number;
  /** ticket id → client id, and ticket ids by creation day offset. */
  ticketClient: Map<number, number>;
  ticketsByDay: Map<string, number[]>;
  days: string[];
}

const DESCRIPTIONS = ['Vzdálená správa serveru', 'Instalace tiskárny', 'Nastavení VPN', 'Konzultace', 'Oprava notebooku', 'Záloha a obnova', 'Aktualizace Windows', 'Migrace pošty', ''];

/** Users, team, catalogue, price list and costs, through Kysely (small; both engines alike). */
async function setUp(db: Db, o: ReturnType<typeof defaults>, tickets: GeneratedInfo, today: string): Promise<Setup> {
  const at = new Date().toISOString();
  const user = async (email: string, name: string, role: string) => {
    const row = await db.insertInto('users').values({
      email, name, search_text: foldForSearch(`${name} ${email}`), language: 'cs', password_hash: null, client_id: null,
      active: 1, version: 1, created_at: at, updated_at: at, last_login_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('user_roles').values({ user_id: row.id, role: role as never }).execute();
    return row.id;
  };
  const technicianIds: number[] = [];
  for (let i = 1; i <= o.technicians; i++) technicianIds.push(await user(`servis${pad(i)}@bench.kontor.test`, `Servisní technik ${pad(i)}`, 'technician'));
  const managerId = await user('manager@bench.kontor.test', 'Vedoucí servisu', 'manager');
  const teamIds: number[] = [];
  for (let first = 0; first < technicianIds.length; first += o.teamSize) {
    const name = `Servis ${pad(teamIds.length + 1)}`;
    const team = await db.insertInto('teams').values({ name, active: 1, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('team_members').values(technicianIds.slice(first, first + o.teamSize).map((user_id) => ({ team_id: team.id, user_id }))).execute();
    teamIds.push(team.id);
  }
  // In chunks: SQLite binds at most 32,766 values per statement.
  const memberships = tickets.queueIds.flatMap((queue_id) => technicianIds.map((user_id) => ({ queue_id, user_id })));
  for (let i = 0; i < memberships.length; i += 5_000) await db.insertInto('queue_members').values(memberships.slice(i, i + 5_000)).execute();

  const stamps = { created_at: at, updated_at: at };
  const workType = async (code: string, name: string, billable = 1, minimum = 0) =>
    (await db.insertInto('work_types').values({ code, name, vat_category: 'standard', billable_default: billable, minimum_minutes: minimum, active: 1, ...stamps }).returning('id').executeTakeFirstOrThrow()).id;
  const wt = { remote: await workType('remote', 'Vzdálená podpora'), onSite: await workType('onsite', 'Práce u zákazníka'), development: await workType('dev', 'Vývoj'), internal: await workType('internal', 'Interní práce', 0) };
  const feeId = (await db.insertInto('unit_fees').values({ code: 'callout', name: 'Výjezd', unit: 'visit', vat_category: 'standard', active: 1, ...stamps }).returning('id').executeTakeFirstOrThrow()).id;
  const zoneId = (await db.insertInto('travel_zones').values({ code: 'city', name: 'Město', active: 1, ...stamps }).returning('id').executeTakeFirstOrThrow()).id;
  const list = await db.insertInto('price_lists').values({ name: 'Standard', currency: 'CZK', is_default: 1, active: 1, version: 1, ...stamps }).returning('id').executeTakeFirstOrThrow();
  const terms = termsSchema.parse({
    workRates: [
      { workTypeId: wt.remote, hourlyRateMinor: 800_00 }, { workTypeId: wt.onSite, hourlyRateMinor: 1_000_00 },
      { workTypeId: wt.development, hourlyRateMinor: 1_200_00 }, { workTypeId: wt.internal, hourlyRateMinor: 500_00 },
    ],
    businessHours: { weekdays: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' },
    surchargePct: { normal: 0, out_of_hours: 50, weekend_holiday: 100 },
    incrementMinutes: 15,
    minimumMinutes: [{ workTypeId: wt.onSite, minutes: 60 }],
    pricePerKmMinor: 12_00,
    zoneFees: [{ zoneId, feeMinor: 250_00 }],
    unitFeePrices: [{ feeId, priceMinor: 300_00 }],
  });
  const firstDay = addDays(today, -2 * 365 - 14);
  await db.insertInto('price_list_versions').values({ price_list_id: list.id, valid_from: firstDay, terms_json: JSON.stringify(terms), ...stamps }).execute();
  await db.updateTable('clients').set({ price_list_id: list.id }).execute();
  await db.insertInto('cost_rates').values([
    ...technicianIds.map((user_id) => ({ user_id, kind: 'hourly', amount_minor: 450_00, currency: 'CZK', valid_from: firstDay, created_at: at })),
    { user_id: null, kind: 'per_km', amount_minor: 5_00, currency: 'CZK', valid_from: firstDay, created_at: at },
  ]).execute();

  // Tickets by their creation day (records go on tickets of the two weeks before their date).
  const rows = await db.selectFrom('tickets').select(['id', 'client_id', 'created_at']).execute();
  const ticketClient = new Map<number, number>();
  const ticketsByDay = new Map<string, number[]>();
  for (const r of rows) {
    ticketClient.set(Number(r.id), Number(r.client_id));
    const day = r.created_at.slice(0, 10);
    let list = ticketsByDay.get(day);
    if (!list) ticketsByDay.set(day, (list = []));
    list.push(Number(r.id));
  }
  const days: string[] = [];
  for (let d = addDays(today, -2 * 365 + 1); d <= today; d = addDays(d, 1)) days.push(d);
  return { technicianIds, managerId, teamId: teamIds[0]!, wt, feeId, zoneId, ticketClient, ticketsByDay, days };
}


/**
 * Makes the record rows, in batches, in date order. Each distinct pricing input is
 * priced once by the app (priceValues) and its columns reused.
 */
async function* recordBatches(db: Db, s: Setup, o: ReturnType<typeof defaults>, today: string, batchSize: number): AsyncGenerator<Value[][]> {
  const random = mulberry32(o.seed);
  const int = (n: number) => Math.floor(random() * n);
  const holidays = holidayCalendar('CZ');
  const hours = DEFAULT_BUSINESS_HOURS;
  const priced = new Map<string, Record<string, Value>>();
  // A week day and a weekend day in the version's range, for pricing keys.
  const weekday = s.days.find((d) => isoWeekday(d) === 3 && !holidays(d))!;
  const weekend = s.days.find((d) => isoWeekday(d) === 6)!;

  // Days weighted: working days 1, weekends and holidays 0.08.
  const isOff = (d: string) => isoWeekday(d) >= 6 || holidays(d);
  const weights = s.days.map((d) => (isOff(d) ? 0.08 : 1));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const perDay = weights.map((w) => (w / totalWeight) * o.records);
  // Ticket candidates per day: tickets created in the 14 days up to that day.
  const candidates = (day: string): number[] => {
    const out: number[] = [];
    for (let k = 0; k < 14; k++) out.push(...(s.ticketsByDay.get(addDays(day, -k)) ?? []));
    return out;
  };
  const allTickets = [...s.ticketClient.keys()];
  const wtIds = [s.wt.remote, s.wt.remote, s.wt.remote, s.wt.onSite, s.wt.onSite, s.wt.development, s.wt.internal];
  const minuteSet = [15, 20, 30, 30, 45, 60, 60, 90, 120, 180, 240];
  const startSet = ['07:30', '08:00', '08:30', '09:00', '10:00', '11:00', '13:00', '14:00', '15:00', '16:00', '17:30', '19:00', '21:00'];
  const kmSet = [5_000, 12_000, 25_000, 40_000, 80_000];

  let batch: Value[][] = [];
  let made = 0;
  let carry = 0;
  for (let di = 0; di < s.days.length && made < o.records; di++) {
    const day = s.days[di]!;
    carry += perDay[di]!;
    let n = Math.floor(carry);
    carry -= n;
    if (di === s.days.length - 1) n = o.records - made;
    n = Math.min(n, o.records - made);
    const tickets = candidates(day);
    const pool = tickets.length ? tickets : allTickets;
    const age = (Date.parse(today) - Date.parse(day)) / 86_400_000;
    const dayClass = isOff(day) ? 'off' : 'work';
    for (let i = 0; i < n; i++) {
      const technicianId = s.technicianIds[int(s.technicianIds.length)]!;
      const ticketId = pool[int(pool.length)]!;
      const r = random();
      const kind: RecordValues['kind'] = r < 0.8 ? 'work' : r < 0.92 ? 'travel' : 'fee';
      const v: RecordValues = {
        kind, ticketId, clientId: s.ticketClient.get(ticketId)!, technicianId, date: day, startTime: null, minutes: 0, workTypeId: null,
        timeClassOverride: null, kmMilli: null, zoneId: null, vehicle: null, feeId: null, quantityMilli: null, billable: true,
        description: DESCRIPTIONS[int(DESCRIPTIONS.length)]!, internalNote: '', dimensions: {},
      };
      if (kind === 'work') {
        v.workTypeId = wtIds[int(wtIds.length)]!;
        v.billable = v.workTypeId !== s.wt.internal;
        v.minutes = minuteSet[int(minuteSet.length)]!;
        v.startTime = random() < 0.9 ? startSet[int(startSet.length)]! : null;
      } else if (kind === 'travel') {
        v.minutes = 15 * (1 + int(6));
        if (random() < 0.3) {
          v.zoneId = s.zoneId;
          v.kmMilli = 0;
        } else v.kmMilli = kmSet[int(kmSet.length)]!;
        v.vehicle = random() < 0.5 ? '1AB 2345' : null;
      } else {
        v.feeId = s.feeId;
        v.quantityMilli = 1000;
      }
      // The price depends on these (and on the date only through its time class).
      const tc = kind === 'work' && v.startTime ? timeClass({ date: day, time: v.startTime }, hours, holidays) : 'none';
      const key = `${kind}|${v.workTypeId}|${v.minutes}|${v.startTime === null ? '-' : tc}|${v.kmMilli}|${v.zoneId}|${v.feeId}|${v.billable}|${dayClass}`;
      let cols = priced.get(key);
      if (!cols) {
        const sample = { ...v, date: dayClass === 'off' ? weekend : weekday };
        if (kind === 'work' && v.startTime) sample.date = timeClass({ date: sample.date, time: v.startTime }, hours, holidays) === tc ? sample.date : day;
        // The generated tickets fall under no contract.
        cols = (await priceValues(db, sample, { contractId: null })) as Record<string, Value>;
        priced.set(key, cols);
      }
      const state = age > 14 ? 'approved' : age > 3 ? 'submitted' : 'draft';
      const approvedAt = state === 'approved' ? `${addDays(day, 3)}T16:00:00.000Z` : null;
      const stamp = `${day}T${v.startTime ?? '12:00'}:00.000Z`;
      batch.push([
        kind, ticketId, v.clientId, technicianId, day, v.startTime, v.minutes, v.workTypeId, cols.time_class ?? null, 0, v.kmMilli,
        v.zoneId, v.vehicle, v.feeId, v.quantityMilli, v.billable ? 1 : 0, v.description, '', state,
        state === 'approved' ? s.managerId : null, approvedAt, cols.price_list_id ?? null, cols.price_valid_from ?? null, cols.currency ?? null,
        cols.billable_minutes ?? null, cols.amount_minor ?? null, cols.cost_minor ?? null, cols.vat_category ?? null, cols.price_error ?? null,
        cols.pricing_json ?? null, cols.cost_currency ?? null, '{}', technicianId, state === 'approved' ? 3 : 1, stamp, approvedAt ?? stamp,
      ]);
      made++;
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length) yield batch;
}

/** Monday of the last full week before `today`. */
function lastFullWeek(today: string): string {
  const monday = addDays(today, 1 - isoWeekday(today));
  return addDays(monday, -7);
}

const BATCH = 50_000;

export async function generateSqliteRecords(file: string, tickets: GeneratedInfo, options: RecordsOptions): Promise<RecordsInfo> {
  const started = Date.now();
  const o = defaults(options);
  const log = options.log ?? (() => {});
  const today = new Date().toISOString().slice(0, 10);
  const handle = openDatabase(file);
  try {
    const s = await setUp(handle.db, o, tickets, today);
    const raw = new BetterSqlite3(file);
    raw.pragma('synchronous = OFF');
    raw.pragma('cache_size = -1000000');
    const indexes = raw.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = 'records'`).all() as { name: string; sql: string }[];
    for (const ix of indexes) raw.exec(`DROP INDEX "${ix.name}"`);
    const insert = raw.prepare(`INSERT INTO records (${RECORD_COLUMNS.map((c) => c[0]).join(', ')}) VALUES (${RECORD_COLUMNS.map(() => '?').join(', ')})`);
    const write = raw.transaction((rows: Value[][]) => {
      for (const r of rows) insert.run(r);
    });
    let written = 0;
    for await (const rows of recordBatches(handle.db, s, o, today, BATCH)) {
      write(rows);
      written += rows.length;
      if (written % 500_000 === 0) log(`  ${written} records written (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    log(`  rebuilding ${indexes.length} record indexes (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    for (const ix of indexes) raw.exec(ix.sql);
    raw.exec('ANALYZE');
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    return infoOf(o, s, tickets, today, started);
  } finally {
    await handle.close();
  }
}

function infoOf(o: ReturnType<typeof defaults>, s: Setup, tickets: GeneratedInfo, today: string, started: number): RecordsInfo {
  return {
    records: o.records, tickets: o.tickets, teamId: s.teamId,
    // The first team's members.
    technicianEmails: s.technicianIds.slice(0, o.teamSize).map((_, i) => `servis${pad(i + 1)}@bench.kontor.test`),
    managerEmail: 'manager@bench.kontor.test', queueIds: tickets.queueIds, workTypeIds: s.wt,
    benchWeek: lastFullWeek(today), today, seconds: (Date.now() - started) / 1000,
  };
}

/** The records database for these options, generated once and cached under .tmp/ (lib/db-cache.ts); a fresh copy in workFile. */
export async function cachedSqliteRecords(options: RecordsOptions, workFile: string): Promise<{ info: RecordsInfo; cached: boolean }> {
  const o = defaults(options);
  const key = [`v${GENERATOR_VERSION}`, `r${o.records}`, `t${o.tickets}`, `n${o.technicians}`, `m${o.teamSize}`, `s${o.seed}`].join('-');
  return cachedDatabase(`records-${key}`, workFile, async (partial) => {
    const t = await cachedSqliteTickets({ tickets: o.tickets, ...(options.log ? { log: options.log } : {}) }, partial);
    options.log?.(`  tickets ready (${t.cached ? 'cached' : 'generated'}); records next`);
    return generateSqliteRecords(partial, t.info, options);
  }, options.log);
}

export async function generatePostgresRecords(url: string, options: RecordsOptions): Promise<RecordsInfo> {
  const started = Date.now();
  const o = defaults(options);
  const log = options.log ?? (() => {});
  const today = new Date().toISOString().slice(0, 10);
  const tickets = await generatePostgresTickets(url, { tickets: o.tickets, log });
  log(`  ${o.tickets} tickets generated (${((Date.now() - started) / 1000).toFixed(0)} s); records next`);
  const handle = openDatabase(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const s = await setUp(handle.db, o, tickets, today);
    await client.query(`SET maintenance_work_mem = '1GB'`);
    await client.query('SET session_replication_role = replica');
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'records' AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
    );
    for (const ix of indexes) await client.query(`DROP INDEX "${ix.indexname}"`);
    const unnest = `unnest(${RECORD_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})`;
    const sql = `INSERT INTO records (${RECORD_COLUMNS.map((c) => c[0]).join(', ')}) SELECT * FROM ${unnest}`;
    let written = 0;
    for await (const rows of recordBatches(handle.db, s, o, today, BATCH)) {
      await client.query(sql, RECORD_COLUMNS.map((_, i) => rows.map((r) => r[i])));
      written += rows.length;
      if (written % 500_000 === 0) log(`  ${written} records written (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    log(`  rebuilding ${indexes.length} record indexes (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    for (const ix of indexes) await client.query(ix.indexdef);
    await client.query('SET session_replication_role = origin');
    await client.query('VACUUM ANALYZE records');
    return infoOf(o, s, tickets, today, started);
  } finally {
    await client.end();
    await handle.close();
  }
}
