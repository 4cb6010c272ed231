// Fills a Kontor database with many realistic tickets, fast, for the ticket benchmarks.
//
//   const { file, info } = await cachedSqliteTickets({ tickets: 1_000_000 });   // .tmp/, reused
//   const info = await generatePostgresTickets(url, { tickets: 1_000_000 });
//
// The schema and the default configuration come from Kontor itself (migrations and
// the seed); the rest is written with bulk SQL: better-sqlite3 prepared statements in
// big transactions, PostgreSQL multi-row INSERT … SELECT FROM unnest(arrays).
// Secondary indexes are dropped during the load and rebuilt from their own
// definitions afterwards. The rows themselves come from ticket-rows.ts (a worker
// thread), every derived column computed with the app's own functions.
//
// Spread: 500 clients (Zipf: a few big ones) with contacts that have e-mail, 20
// queues, 4 ticket types, 5 state categories by age (old tickets mostly closed),
// 3 comments per ticket, created over the last two years, ids in creation order.
import BetterSqlite3 from 'better-sqlite3';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import pg from 'pg';
import { cachedDatabase } from './db-cache.ts';
import { prepareDatabase } from '../../src/main.ts';
import { getPriorityMatrix, getSlaPolicyForClient, loadProcessByCode } from '../../src/modules/helpdesk/index.ts';
import { toCorePolicy } from '../../src/modules/tickets/tickets.sla.ts';
import { openDatabase, type Db } from '../../src/platform/db/index.ts';
import { foldForSearch } from '../../src/shared/text.ts';
import {
  BATCH, COMMENT_COLUMNS, COMMON_WORD, EVENT_COLUMNS, RARE_WORD, SEARCH_COLUMNS, SLA_EVENT_COLUMNS, TAG_COLUMNS, TICKET_COLUMNS,
  mulberry32, ticketBatches, type Batch, type RowOptions, type Value, type World,
} from './ticket-rows.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** Bump when the generated data changes shape, so cached files are rebuilt. */
const GENERATOR_VERSION = 1;

export interface GenerateOptions {
  tickets: number;
  clients?: number;
  queues?: number;
  commentsPerTicket?: number;
  seed?: number;
  log?: (line: string) => void;
}

export interface GeneratedInfo {
  tickets: number;
  clients: number;
  queueIds: number[];
  /** The queue with the most tickets in state category 'open'. */
  busiestQueueId: number;
  /** A word in a few per cent of the tickets, and a rarer one (search benchmarks). */
  commonWord: string;
  rareWord: string;
  /** The instant the SLA columns were computed for. */
  generatedAt: string;
  seconds: number;
}


// --- The configuration around the tickets (small: through Kysely, both engines alike) --

async function buildWorld(db: Db, o: RowOptions, at: string): Promise<World> {
  await prepareDatabase(db);
  const random = mulberry32(o.seed + 99);
  const staff: { id: number; name: string }[] = [];
  for (let i = 1; i <= 30; i++) {
    const name = `Technik ${String(i).padStart(2, '0')} Novák`;
    const email = `tech${String(i).padStart(2, '0')}@bench.kontor.test`;
    const row = await db.insertInto('users').values({
      email, name, search_text: foldForSearch(`${name} ${email}`), language: 'cs', password_hash: null, client_id: null,
      active: 1, version: 1, created_at: at, updated_at: at, last_login_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('user_roles').values({ user_id: row.id, role: 'technician' }).execute();
    staff.push({ id: row.id, name });
  }
  const desk = await db.selectFrom('queues').select('id').where('code', '=', 'service_desk').executeTakeFirstOrThrow();
  const queueIds = [desk.id];
  for (let i = 2; i <= o.queues; i++) {
    const row = await db.insertInto('queues').values({ code: `queue_${i}`, name: `Fronta ${i}`, lead_user_id: null, active: 1, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    queueIds.push(row.id);
  }
  const members = queueIds.flatMap((queue_id, q) => staff.filter((_, s) => s % o.queues === q || s % 3 === q % 3).map((u) => ({ queue_id, user_id: u.id })));
  await db.insertInto('queue_members').values(members).execute();

  const clients: World['clients'] = [];
  for (let i = 1; i <= o.clients; i++) {
    const name = `Klient ${String(i).padStart(3, '0')} ${['s.r.o.', 'a.s.', 'spol. s r.o.', 'v.o.s.'][i % 4]}`;
    const email = `info@klient${i}.cz`;
    const row = await db.insertInto('clients').values({
      name, search_text: foldForSearch([name, email].join(' ')), company_id: null, vat_id: null, country: i % 5 === 0 ? 'SK' : 'CZ',
      registered_address: null, billing_address: null, email, phone: null, language: i % 5 === 0 ? 'sk' : 'cs', currency: i % 5 === 0 ? 'EUR' : 'CZK',
      payment_terms_days: 14, notes: null, active: 1, version: 1, created_at: at, updated_at: at,
    }).returning('id').executeTakeFirstOrThrow();
    const contacts: { id: number; name: string }[] = [];
    const n = 1 + Math.floor(random() * 4);
    for (let c = 1; c <= n; c++) {
      const cname = `Kontakt ${c} Klienta ${i}`;
      const contact = await db.insertInto('contacts').values({
        client_id: row.id, name: cname, email: `kontakt${c}@klient${i}.cz`, phone: null, language: i % 5 === 0 ? 'sk' : 'cs',
        portal_access: 0, active: 1, version: 1, created_at: at, updated_at: at,
      }).returning('id').executeTakeFirstOrThrow();
      contacts.push({ id: contact.id, name: cname });
    }
    clients.push({ id: row.id, name, contacts });
  }
  const weights: Record<string, number> = { incident: 0.7, service_request: 0.2, problem: 0.05, change: 0.05 };
  const types: World['types'] = [];
  for (const [code, weight] of Object.entries(weights)) {
    const process = await loadProcessByCode(db, code);
    if (process) types.push({ weight, process });
  }
  const policy = await getSlaPolicyForClient(db, clients[0]!.id);
  const matrix = await getPriorityMatrix(db);
  const prefixRow = await db.selectFrom('settings').select('value_json').where('key', '=', 'ticket_number_prefix').executeTakeFirst();
  const prefix = prefixRow ? (JSON.parse(prefixRow.value_json) as string) : 'T';
  return { staff, queueIds, clients, types, policy, core: policy ? toCorePolicy(policy) : null, matrix, prefix };
}

const BIG_TABLES = ['tickets', 'ticket_comments', 'ticket_events', 'ticket_sla_events', 'ticket_tags', 'ticket_search'];

function defaults(o: GenerateOptions): RowOptions {
  return { tickets: o.tickets, clients: o.clients ?? 500, queues: o.queues ?? 20, commentsPerTicket: o.commentsPerTicket ?? 3, seed: o.seed ?? 1 };
}

// --- SQLite --------------------------------------------------------------------------

export async function generateSqliteTickets(file: string, options: GenerateOptions): Promise<GeneratedInfo> {
  const started = Date.now();
  const o = defaults(options);
  const log = options.log ?? (() => {});
  const now = Date.now();
  const at = new Date(now).toISOString();
  const handle = openDatabase(file);
  const world = await buildWorld(handle.db, o, at);
  await handle.close();

  const db = new BetterSqlite3(file);
  // Out of WAL first (a WAL database cannot go straight to OFF): no journal while loading.
  db.pragma('journal_mode = DELETE');
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000');
  db.pragma('temp_store = MEMORY');
  // Secondary indexes are rebuilt after the load, from their own definitions (much faster).
  const indexes = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${BIG_TABLES.map(() => '?').join(',')})`).all(...BIG_TABLES) as { name: string; sql: string }[];
  for (const ix of indexes) db.exec(`DROP INDEX "${ix.name}"`);

  const insert = (table: string, columns: readonly (readonly [string, string])[]) =>
    db.prepare(`INSERT INTO ${table} (${columns.map((c) => c[0]).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  const tickets = insert('tickets', TICKET_COLUMNS);
  const comments = insert('ticket_comments', COMMENT_COLUMNS);
  const events = insert('ticket_events', EVENT_COLUMNS);
  const slaEvents = insert('ticket_sla_events', SLA_EVENT_COLUMNS);
  const tags = insert('ticket_tags', TAG_COLUMNS);
  const search = db.prepare('INSERT INTO ticket_search (rowid, document) VALUES (?, ?)');
  // FTS5 flushes its pending terms in segments of `hashsize` bytes (1 MB by default):
  // bigger ones mean far fewer segments to merge during a bulk load.
  db.exec(`INSERT INTO ticket_search (ticket_search, rank) VALUES ('hashsize', ${256 * 1024 * 1024})`);
  const write = db.transaction((b: Batch) => {
    for (const r of b.tickets) tickets.run(r);
    for (const r of b.comments) comments.run(r);
    for (const r of b.events) events.run(r);
    for (const r of b.slaEvents) slaEvents.run(r);
    for (const r of b.tags) tags.run(r);
    for (const r of b.search) search.run(r);
  });
  const batches = ticketBatches(world, o, now);
  let counters: Map<number, number> | undefined;
  for (let written = 0; ; ) {
    const next = await batches.next();
    if (next.done) {
      counters = next.value;
      break;
    }
    write(next.value);
    written += next.value.tickets.length;
    if (written % 200_000 === 0) log(`  ${written} tickets written (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  const upsertCounter = db.prepare('INSERT INTO ticket_counters (year, last_seq) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET last_seq = excluded.last_seq');
  for (const [year, seq] of counters!) upsertCounter.run(year, seq);
  db.exec(`INSERT INTO ticket_search (ticket_search, rank) VALUES ('hashsize', ${1024 * 1024})`);
  // The vocabulary that search prefixes expand to (migration 0024), from the index's own words.
  db.exec(`CREATE VIRTUAL TABLE temp.vocabulary USING fts5vocab(main, ticket_search, 'row');
    INSERT OR IGNORE INTO search_terms (term) SELECT term FROM temp.vocabulary; DROP TABLE temp.vocabulary;`);
  log(`  rebuilding ${indexes.length} indexes (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  for (const ix of indexes) db.exec(ix.sql);
  db.exec('ANALYZE');
  db.pragma('journal_mode = WAL');
  db.close();
  return infoOf(world, o, at, started, busiestQueue(new BetterSqlite3(file, { readonly: true })));
}

function busiestQueue(db: BetterSqlite3.Database): number {
  const row = db.prepare(`SELECT queue_id AS id FROM tickets WHERE state_category = 'open' GROUP BY queue_id ORDER BY count(*) DESC LIMIT 1`).get() as { id: number };
  db.close();
  return row.id;
}

function infoOf(world: World, o: RowOptions, at: string, started: number, busiestQueueId: number): GeneratedInfo {
  return {
    tickets: o.tickets, clients: o.clients, queueIds: world.queueIds, busiestQueueId,
    commonWord: COMMON_WORD, rareWord: RARE_WORD, generatedAt: at, seconds: (Date.now() - started) / 1000,
  };
}

/** The tickets database for these options, generated once and cached under .tmp/ (lib/db-cache.ts); a fresh copy in workFile. */
export async function cachedSqliteTickets(options: GenerateOptions, workFile: string): Promise<{ info: GeneratedInfo; cached: boolean }> {
  const o = defaults(options);
  const key = [`v${GENERATOR_VERSION}`, `t${o.tickets}`, `c${o.clients}`, `q${o.queues}`, `m${o.commentsPerTicket}`, `s${o.seed}`].join('-');
  return cachedDatabase(`tickets-${key}`, workFile, (partial) => generateSqliteTickets(partial, options), options.log);
}

// --- PostgreSQL ------------------------------------------------------------------------

export async function generatePostgresTickets(url: string, options: GenerateOptions): Promise<GeneratedInfo> {
  const started = Date.now();
  const o = defaults(options);
  const log = options.log ?? (() => {});
  const now = Date.now();
  const at = new Date(now).toISOString();
  const handle = openDatabase(url);
  const world = await buildWorld(handle.db, o, at);
  await handle.close();

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET maintenance_work_mem = '1GB'`);
    // A throwaway database: foreign-key triggers off for the load (the data is consistent by construction).
    await client.query('SET session_replication_role = replica');
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ANY($1)
         AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
      [BIG_TABLES],
    );
    for (const ix of indexes) await client.query(`DROP INDEX "${ix.indexname}"`);

    const insert = (table: string, columns: readonly (readonly [string, string])[], rows: Value[][], select?: string) => {
      if (!rows.length) return Promise.resolve();
      const arrays = columns.map((_, i) => rows.map((r) => r[i]));
      const unnest = `unnest(${columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}) AS u(${columns.map((c) => c[0]).join(', ')})`;
      const overriding = columns[0]![0] === 'id' ? ' OVERRIDING SYSTEM VALUE' : '';
      const sql = `INSERT INTO ${table} (${columns.map((c) => c[0]).join(', ')})${overriding} SELECT ${select ?? '*'} FROM ${unnest}`;
      return client.query(sql, arrays);
    };
    const writeBatch = async (b: Batch) => {
      await client.query('BEGIN');
      await insert('tickets', TICKET_COLUMNS, b.tickets);
      await insert('ticket_comments', COMMENT_COLUMNS, b.comments);
      await insert('ticket_events', EVENT_COLUMNS, b.events);
      await insert('ticket_sla_events', SLA_EVENT_COLUMNS, b.slaEvents);
      await insert('ticket_tags', TAG_COLUMNS, b.tags);
      await insert('ticket_search', SEARCH_COLUMNS, b.search, `ticket_id, to_tsvector('simple', document)`);
      await client.query('COMMIT');
    };
    // Batches come from a worker thread; PostgreSQL writes one while the next is made.
    const batches = ticketBatches(world, o, now);
    let counters: Map<number, number> | undefined;
    for (let written = 0; ; ) {
      const next = await batches.next();
      if (next.done) {
        counters = next.value;
        break;
      }
      await writeBatch(next.value);
      written += next.value.tickets.length;
      if (written % 200_000 === 0) log(`  ${written} tickets written (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    for (const [year, seq] of counters!) {
      await client.query('INSERT INTO ticket_counters (year, last_seq) VALUES ($1, $2) ON CONFLICT (year) DO UPDATE SET last_seq = excluded.last_seq', [year, seq]);
    }
    for (const table of ['tickets', 'ticket_comments', 'ticket_events', 'ticket_sla_events']) {
      await client.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
    }
    log(`  rebuilding ${indexes.length} indexes (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    for (const ix of indexes) await client.query(ix.indexdef);
    await client.query('SET session_replication_role = origin');
    await client.query('VACUUM ANALYZE');
    const { rows } = await client.query<{ id: number }>(`SELECT queue_id::int AS id FROM tickets WHERE state_category = 'open' GROUP BY queue_id ORDER BY count(*) DESC LIMIT 1`);
    return infoOf(world, o, at, started, rows[0]!.id);
  } finally {
    await client.end();
  }
}

// `npx tsx bench/lib/generate-tickets.ts [count] [sqlite-file]`: generates into .tmp/ (cached) or the file given.
if (isMainThread && process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const tickets = Number(process.argv[2] ?? 1_000_000);
  const target = process.argv[3];
  const log = (l: string) => console.log(l);
  const info = target ? await generateSqliteTickets(target, { tickets, log }) : (await cachedSqliteTickets({ tickets, log }, join(ROOT, '.tmp', 'last-generated.db'))).info;
  console.log(JSON.stringify(info, null, 2));
}
