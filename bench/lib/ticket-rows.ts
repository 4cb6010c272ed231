// The rows of generated tickets (see generate-tickets.ts): made from a fixed seed, in a
// worker thread so that the writer (SQLite or PostgreSQL) keeps the other core busy.
// Every derived value comes from the app's own functions: search documents from
// searchTokens, priority from the priority matrix, SLA columns from the SLA clock
// (computeSla + slaColumns + nextSlaCheckAt) over the events the ticket carries.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { EffectiveSlaPolicy, LoadedProcess } from '../../src/modules/helpdesk/index.ts';
import { computeSla, nextSlaCheckAt, priorityFrom, type Level, type PriorityMatrix, type SlaEvent, type SlaPolicy } from '../../src/modules/tickets/domain/sla/index.ts';
import { slaColumns } from '../../src/modules/tickets/tickets.sla.ts';
import { searchTokens } from '../../src/platform/db/index.ts';
import { foldForSearch } from '../../src/shared/text.ts';

/** What the rows depend on (the cache key of a generated database). */
export interface RowOptions {
  tickets: number;
  clients: number;
  queues: number;
  commentsPerTicket: number;
  seed: number;
}

/** Tickets per transaction of the writer, and per message from the worker. */
export const BATCH = 20_000;

// --- Deterministic randomness ------------------------------------------------------

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks index i with probability ∝ 1 / (i + 1)^s, in constant time (Walker's alias method). */
function zipf(n: number, s: number, random: () => number): () => number {
  const weights = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i] = 1 / Math.pow(i + 1, s);
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < n; i++) {
    prob[i] = (weights[i]! * n) / sum;
    (prob[i]! < 1 ? small : large).push(i);
  }
  while (small.length && large.length) {
    const l = small.pop()!;
    const g = large.pop()!;
    alias[l] = g;
    prob[g] = prob[g]! + prob[l]! - 1;
    (prob[g]! < 1 ? small : large).push(g);
  }
  for (const i of [...small, ...large]) prob[i] = 1;
  return function sampleZipf() {
    const u = random() * n;
    const i = Math.floor(u);
    return u - i < prob[i]! ? i : alias[i]!;
  };
}

// --- Vocabulary: real helpdesk words first (most frequent), then invented ones ------

export const COMMON_WORD = 'tiskárna';
export const RARE_WORD = 'dokovací';
const COMMON_RANK = 300; // in a few per cent of the tickets
const RARE_RANK = 9000; // in some hundreds

const REAL_WORDS = (
  'nefunguje problém prosím chyba server heslo přihlášení počítač síť uživatel účet e-mail pošta aplikace ' +
  'systém oprava instalace aktualizace připojení monitor klávesnice myš notebook telefon mobil tablet licence ' +
  'Windows Outlook Office Excel Word Teams VPN Wi-Fi router switch firewall záloha obnova disk paměť ' +
  'procesor zdroj kabel port adresa doména certifikát přístup oprávnění složka soubor sdílení tisk skener ' +
  'kopírka toner papír obrazovka zvuk kamera mikrofon sluchátka nabíječka baterie displej dotyková ' +
  'pomalý zamrzá restart vypadává nejde nelze nedaří hlásí zobrazuje chybová hláška kód dnes včera ráno ' +
  'odpoledne večer pondělí úterý středa čtvrtek pátek kancelář pobočka Praha Brno Ostrava Plzeň Bratislava ' +
  'Košice účetnictví fakturace sklad objednávka faktura dodací list zákazník dodavatel kolega vedoucí ' +
  'ředitel recepce porada zasedačka projektor prezentace kalendář schůzka pozvánka příloha velikost limit ' +
  'kvóta plná schránka spam virus antivir útok podvodný odkaz phishing blokace odblokovat změna nastavení ' +
  'profil tiskový ovladač verze nová stará starší upgrade migrace přesun data databáze export import ' +
  'synchronizace cloud OneDrive SharePoint web stránka prohlížeč Chrome Firefox Edge cookies cache ' +
  'děkuji zdravím pozdravem urgentní důležité hned co nejdříve čekáme zákazníka odpověď řešení hotovo ' +
  'vyřešeno ověřeno funguje testováno nasazeno předáno dodavateli eskalace technik výjezd servis reklamace'
).split(/\s+/);

const SYLLABLES = 'ka ko ku ke ki la lo lu le li ma mo mu me mi na no nu ne ni pa po pu pe pi ra ro ru re ri sa so su se si ta to tu te ti va vo vu ve vi za zo zu ze zi bě dě ně tě ře ša čo žu ří ý ál ov ek in'.split(' ');

function vocabulary(size: number, random: () => number): string[] {
  const words: string[] = [...REAL_WORDS];
  const seen = new Set(words.map(foldForSearch));
  const reserved = [foldForSearch(COMMON_WORD), foldForSearch(RARE_WORD)];
  while (words.length < size) {
    let w = '';
    const n = 2 + Math.floor(random() * 3);
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    const f = foldForSearch(w);
    // No invented word may start with a benchmark word (a search finds prefixes too).
    if (seen.has(f) || reserved.some((r) => f.startsWith(r) || r.startsWith(f))) continue;
    seen.add(f);
    words.push(w);
  }
  words.splice(COMMON_RANK, 0, COMMON_WORD);
  words.splice(RARE_RANK, 0, RARE_WORD);
  return words;
}

// --- The tickets ---------------------------------------------------------------------

/** Column order of the bulk ticket insert (both engines). */
export const TICKET_COLUMNS = [
  ['id', 'bigint'], ['number', 'text'], ['subject', 'text'], ['description_md', 'text'], ['type_id', 'bigint'],
  ['state_id', 'bigint'], ['state_category', 'text'], ['impact', 'text'], ['urgency', 'text'], ['priority', 'text'],
  ['priority_overridden', 'integer'], ['queue_id', 'bigint'], ['team_id', 'bigint'], ['assignee_id', 'bigint'],
  ['client_id', 'bigint'], ['requester_contact_id', 'bigint'], ['category_id', 'bigint'], ['parent_id', 'bigint'],
  ['custom_json', 'text'], ['tags_text', 'text'], ['sla_policy_id', 'bigint'], ['sla_status', 'text'],
  ['sla_first_response_due_at', 'text'], ['sla_resolution_due_at', 'text'], ['sla_due_at', 'text'],
  ['sla_warned_at', 'text'], ['sla_breached_at', 'text'], ['sla_breached_minutes', 'integer'],
  ['first_response_at', 'text'], ['resolved_at', 'text'], ['closed_at', 'text'], ['resolution_note', 'text'],
  ['created_by', 'bigint'], ['version', 'integer'], ['created_at', 'text'], ['updated_at', 'text'],
  ['sla_checked_at', 'text'], ['sla_next_check_at', 'text'],
] as const;
export const COMMENT_COLUMNS = [['ticket_id', 'bigint'], ['author_user_id', 'bigint'], ['author_contact_id', 'bigint'], ['visibility', 'text'], ['body_md', 'text'], ['created_at', 'text']] as const;
export const EVENT_COLUMNS = [['ticket_id', 'bigint'], ['at', 'text'], ['actor_user_id', 'bigint'], ['actor_name', 'text'], ['kind', 'text'], ['field', 'text'], ['before_json', 'text'], ['after_json', 'text']] as const;
export const SLA_EVENT_COLUMNS = [['ticket_id', 'bigint'], ['at', 'text'], ['kind', 'text'], ['priority', 'text']] as const;
export const TAG_COLUMNS = [['ticket_id', 'bigint'], ['tag', 'text']] as const;
export const SEARCH_COLUMNS = [['ticket_id', 'bigint'], ['document', 'text']] as const;

export type Value = string | number | null;
export interface Batch {
  tickets: Value[][];
  comments: Value[][];
  events: Value[][];
  slaEvents: Value[][];
  tags: Value[][];
  search: Value[][];
}

export interface World {
  staff: { id: number; name: string }[];
  queueIds: number[];
  clients: { id: number; name: string; contacts: { id: number; name: string }[] }[];
  types: { weight: number; process: LoadedProcess }[];
  policy: EffectiveSlaPolicy | null;
  core: SlaPolicy | null;
  matrix: PriorityMatrix;
  prefix: string;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
const LEVELS: Level[] = ['high', 'medium', 'low'];
const TAGS = ['vip', 'hardware', 'software', 'sit', 'tisk', 'pristupy', 'posta', 'hw', 'licence', 'eskalace'];

/** Makes the rows of tickets [from, to) (ids from..to-1); ids ascend with creation time. */
function makeTicketRows(world: World, o: RowOptions, now: number, from: number, to: number, counters: Map<number, number>): Batch {
  const random = mulberry32(o.seed * 7919 + from);
  const words = vocab ??= vocabulary(20_000, mulberry32(o.seed));
  const pickWord = (wordPicker ??= zipf(words.length, 1.05, mulberry32(o.seed + 1)));
  const tokenCache = (foldedWords ??= words.map((w) => searchTokens(w).join(' ')));
  const pickClient = (clientPicker ??= zipf(world.clients.length, 0.8, mulberry32(o.seed + 2)));
  const pickQueue = (queuePicker ??= zipf(world.queueIds.length, 0.6, mulberry32(o.seed + 3)));
  const int = (n: number) => Math.floor(random() * n);
  const chance = (p: number) => random() < p;
  const span = 2 * 365 * DAY;
  const start = now - span;
  const batch: Batch = { tickets: [], comments: [], events: [], slaEvents: [], tags: [], search: [] };

  // Text and its search tokens side by side, from the same words.
  const text = (min: number, max: number, folded: string[]): string => {
    const n = min + int(max - min + 1);
    let out = '';
    for (let i = 0; i < n; i++) {
      const w = pickWord();
      out += (i ? ' ' : '') + words[w];
      folded.push(tokenCache[w]!);
    }
    return out;
  };

  for (let id = from; id < to; id++) {
    // Uniform over two years, strictly in id order, the last ticket a minute ago.
    const created = Math.floor(start + ((id - 1) / o.tickets) * (span - MINUTE));
    const age = now - created;
    const year = new Date(created).getUTCFullYear();
    const seq = (counters.get(year) ?? 0) + 1;
    counters.set(year, seq);
    const number = `${world.prefix}${year}-${String(seq).padStart(6, '0')}`;
    const r = random();
    let acc = 0;
    const type = world.types.find((t) => (acc += t.weight) >= r) ?? world.types[0]!;
    const impact = LEVELS[chance(0.15) ? 0 : chance(0.6) ? 1 : 2]!;
    const urgency = LEVELS[chance(0.15) ? 0 : chance(0.6) ? 1 : 2]!;
    const priority = priorityFrom(impact, urgency, world.matrix);
    const client = world.clients[pickClient()]!;
    const contact = client.contacts[int(client.contacts.length)]!;
    const queueId = world.queueIds[pickQueue()]!;

    // The state by age: recent tickets are mostly active, old ones closed.
    const pActive = age < 3 * DAY ? 0.85 : age < 14 * DAY ? 0.5 : age < 90 * DAY ? 0.15 : 0.03;
    let category: 'new' | 'open' | 'waiting' | 'resolved' | 'closed';
    if (chance(pActive)) category = chance(0.25) ? 'new' : chance(0.67) ? 'open' : 'waiting';
    else category = age < 30 * DAY && chance(0.5) ? 'resolved' : 'closed';
    const candidates = type.process.states.filter((s) => s.category === category);
    const state = candidates[int(candidates.length)]!;

    // The ticket's history: its SLA events and the moments of its comments.
    const within = (t: number) => Math.min(t, now - MINUTE);
    const slaEvents: SlaEvent[] = [{ at: created, kind: 'created', priority }];
    let firstResponse: number | null = null;
    let resolved: number | null = null;
    let closed: number | null = null;
    let last = created;
    if (category !== 'new' && (state.code !== 'open' || chance(0.8))) {
      firstResponse = Math.max(created + MINUTE, within(created + Math.min(age * 0.3, chance(0.9) ? MINUTE * (5 + int(8 * 60)) : HOUR * (8 + int(64)))));
      slaEvents.push({ at: firstResponse, kind: 'first_response' });
      last = firstResponse;
    }
    if (category === 'waiting') {
      const paused = Math.max(last + MINUTE, within(last + Math.min((now - last) * 0.5, HOUR * (1 + int(48)))));
      slaEvents.push({ at: paused, kind: 'paused' });
      last = paused;
    }
    if (category === 'resolved' || category === 'closed') {
      resolved = Math.max(last + MINUTE, within(created + Math.min(age * 0.6, HOUR * (1 + int(chance(0.8) ? 24 : 240)))));
      slaEvents.push({ at: resolved, kind: 'resolved' });
      last = resolved;
      if (category === 'closed') {
        closed = Math.max(last + MINUTE, within(resolved + Math.min((now - resolved) * 0.5, DAY * (1 + int(7)))));
        last = closed;
      }
    }
    const updated = Math.max(last, created);
    const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
    const policyId = world.policy?.id ?? null;
    // As the app leaves them: SLA columns from the events; the watcher has checked up to now.
    const slaState = world.core ? computeSla(world.core, slaEvents, now) : null;
    const sla = world.core && slaState
      ? slaColumns(slaState)
      : { sla_status: 'none', sla_first_response_due_at: null, sla_resolution_due_at: null, sla_due_at: '9999-12-31T23:59:59.999Z', sla_breached_minutes: null };
    const nextCheck = world.core && slaState ? iso(nextSlaCheckAt(world.core, slaState)) : null;
    const slaStatus = String(sla.sla_status);
    const dueForMarks = (sla.sla_first_response_due_at ?? sla.sla_resolution_due_at ?? null) as string | null;
    const breachedAt = slaStatus === 'breached' ? dueForMarks : null;
    const warnedAt = slaStatus === 'breached' || slaStatus === 'warning' ? (breachedAt ?? iso(now - HOUR)) : null;
    const assignee = category === 'new' ? (chance(0.2) ? world.staff[int(world.staff.length)]! : null) : world.staff[int(world.staff.length)]!;
    const tags = chance(0.25) ? [...new Set([TAGS[int(TAGS.length)]!, ...(chance(0.3) ? [TAGS[int(TAGS.length)]!] : [])])].sort() : [];

    const folded: string[] = [searchTokens(number).join(' ')];
    const subject = text(3, 8, folded);
    const description = text(12, 40, folded);
    batch.tickets.push([
      id, number, subject, description, type.process.typeId, state.id, state.category, impact, urgency, priority, 0, queueId,
      null, assignee?.id ?? null, client.id, contact.id, null, null, '{}', tags.join(' '), policyId, slaStatus,
      (sla.sla_first_response_due_at ?? null) as string | null, (sla.sla_resolution_due_at ?? null) as string | null,
      (sla.sla_due_at ?? null) as string | null, warnedAt, breachedAt, (sla.sla_breached_minutes ?? null) as number | null,
      iso(firstResponse), iso(resolved), iso(closed),
      resolved === null ? null : text(3, 10, []), world.staff[0]!.id, 1 + (category === 'new' ? 0 : 1) + o.commentsPerTicket, iso(created), iso(updated),
      world.core ? iso(now) : null, nextCheck,
    ]);
    for (const tag of tags) batch.tags.push([id, tag]);

    // Comments: the client's message, then replies; the first staff reply is the first response.
    for (let c = 0; c < o.commentsPerTicket; c++) {
      const at = c === 0 && firstResponse !== null ? firstResponse : created + Math.floor(((c + 1) / (o.commentsPerTicket + 1)) * (updated - created));
      const byStaff = c === 0 ? firstResponse !== null : chance(0.6);
      const body = text(8, 25, folded);
      const visibility = byStaff && c > 0 && chance(0.3) ? 'internal' : 'public';
      batch.comments.push([id, byStaff ? (assignee ?? world.staff[0]!).id : null, byStaff ? null : contact.id, visibility, body, iso(Math.max(at, created))]);
    }
    batch.search.push([id, folded.join(' ')]);

    // Timeline: created, then the state change (if any); the SLA events as the clock saw them.
    const actor = world.staff[0]!;
    batch.events.push([id, iso(created), actor.id, actor.name, 'created', null, null, JSON.stringify({ number, state: type.process.states.find((s) => s.isInitial)?.code ?? 'new', priority })]);
    if (category !== 'new') batch.events.push([id, iso(updated), (assignee ?? actor).id, (assignee ?? actor).name, 'state', 'state', JSON.stringify('new'), JSON.stringify(state.code)]);
    for (const e of slaEvents) batch.slaEvents.push([id, iso(e.at), e.kind, e.kind === 'created' ? priority : null]);
  }
  return batch;
}
let vocab: string[] | undefined;
let wordPicker: (() => number) | undefined;
let foldedWords: string[] | undefined;
let clientPicker: (() => number) | undefined;
let queuePicker: (() => number) | undefined;

// --- Batches from a worker thread (the other core), a couple ahead of the writer ------

const WORKER_KIND = 'kontor-generate-tickets';
type FromWorker = { type: 'batch'; batch: Batch } | { type: 'done'; counters: [number, number][] } | { type: 'error'; message: string };

export async function* ticketBatches(world: World, o: RowOptions, now: number): AsyncGenerator<Batch, Map<number, number>> {
  // The worker runs this file too: with tsx's loader registered first (as bin/kontor.js does).
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: { kind: WORKER_KIND, world, o, now } });
  const inbox: FromWorker[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  worker.on('message', (m: FromWorker) => {
    inbox.push(m);
    wake?.();
  });
  worker.on('error', (e) => {
    failure = e;
    wake?.();
  });
  try {
    for (;;) {
      while (!inbox.length && !failure) await new Promise<void>((r) => (wake = r));
      if (failure) throw failure;
      const m = inbox.shift()!;
      if (m.type === 'error') throw new Error(`ticket generator: ${m.message}`);
      if (m.type === 'done') return new Map(m.counters);
      worker.postMessage('ack');
      yield m.batch;
    }
  } finally {
    await worker.terminate();
  }
}

function runWorker(): void {
  const { world, o, now } = workerData as { world: World; o: RowOptions; now: number };
  const port = parentPort!;
  let credits = 2;
  let from = 1;
  const counters = new Map<number, number>();
  const produce = () => {
    try {
      while (credits > 0 && from <= o.tickets) {
        const to = Math.min(o.tickets + 1, from + BATCH);
        port.postMessage({ type: 'batch', batch: makeTicketRows(world, o, now, from, to, counters) } satisfies FromWorker);
        from = to;
        credits--;
      }
      if (from > o.tickets) {
        port.postMessage({ type: 'done', counters: [...counters] } satisfies FromWorker);
        port.close();
      }
    } catch (e) {
      port.postMessage({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies FromWorker);
    }
  };
  port.on('message', () => {
    credits++;
    produce();
  });
  produce();
}

if (!isMainThread && (workerData as { kind?: string } | null)?.kind === WORKER_KIND) runWorker();
