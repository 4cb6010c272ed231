import { CompiledQuery } from 'kysely';
import type { Db, Tx } from './database.ts';
import { isPostgres } from './fulltext.ts';
import { runCompiledQuery } from './prepared.ts';
import { forgetTransactionMemo } from './transaction-memo.ts';

/**
 * Group commit for SQLite: units of write work that arrive together (in the same
 * turn of the event loop, e.g. many requests creating tickets at once) share one
 * transaction, each inside its own savepoint. A unit that fails is rolled back to its
 * savepoint and fails alone, with its own error; the others commit together.
 *
 * Why: SQLite has one writer and Kontor one connection to it, so the writes run one
 * after another anyway; what they share is the commit (every page a transaction
 * touched is written to the WAL once per commit, and the full-text index writes one
 * segment per commit), which is most of the cost of a small write. Each unit still
 * sees the others' writes before it in order (ticket numbers, the audit chain).
 *
 * PostgreSQL: every unit gets its own transaction, as before (there the connections
 * of the pool work in parallel, and a shared transaction would serialise them), and a
 * write handed to `atEnd` is sent at once.
 *
 * Writes to an FTS5 table go last (`atEnd`), after every unit's other writes: SQLite
 * opens a statement savepoint for most writes inside a transaction, and FTS5 then
 * writes its pending terms out as a new index segment, so one full-text insert
 * followed by other writes costs a segment each time. At the end, the transaction's
 * full-text inserts make one segment at the commit. (The unit's own writes come
 * first all the same; nothing in a unit reads the full-text index it writes.)
 */
export type AtEnd = (write: (trx: Tx) => Promise<void>) => void;

interface Unit {
  work: (trx: Tx, atEnd: AtEnd) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

// The savepoint statements of every unit, compiled once (same text on both engines).
const SAVEPOINT = CompiledQuery.raw('savepoint kontor_unit');
const RELEASE = CompiledQuery.raw('release savepoint kontor_unit');
const ROLLBACK_TO = CompiledQuery.raw('rollback to savepoint kontor_unit');

/** A savepoint statement, directly on the transaction's SQLite connection (prepared.ts runCompiledQuery). */
async function savepoint(trx: Tx, statement: CompiledQuery): Promise<void> {
  await runCompiledQuery(trx, statement);
}

/** At most this many units share a transaction (a long one would hold up the next writes, and reads not compiled by prepared.ts, which wait for the connection). */
const MAX_UNITS = 64;

const queues = new WeakMap<object, { pending: Unit[]; scheduled: boolean }>();

export function inWriteBatch<T>(db: Db, work: (trx: Tx, atEnd: AtEnd) => Promise<T>): Promise<T> {
  if (isPostgres(db)) {
    return db.transaction().execute(async (trx) => {
      // Nothing on PostgreSQL needs to go last, and what does would extend whatever lock the unit
      // took last (the audit chain's, held to the commit): a write handed to atEnd is sent at once.
      // The connection runs statements in the order they are sent.
      const sent: Promise<void>[] = [];
      const value = await work(trx, (w) => {
        const p = w(trx);
        p.catch(() => undefined); // awaited below; a failure must not be an unhandled rejection meanwhile
        sent.push(p);
      });
      for (const p of sent) await p;
      return value;
    });
  }
  const key = db.getExecutor().adapter;
  let queue = queues.get(key);
  if (!queue) queues.set(key, (queue = { pending: [], scheduled: false }));
  const q = queue;
  return new Promise<T>((resolve, reject) => {
    q.pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
    if (!q.scheduled) {
      q.scheduled = true;
      setImmediate(() => void flush(db, q));
    }
  });
}

async function flush(db: Db, q: { pending: Unit[]; scheduled: boolean }): Promise<void> {
  const units = q.pending.splice(0, MAX_UNITS);
  if (q.pending.length) setImmediate(() => void flush(db, q));
  else q.scheduled = false;
  const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
  try {
    await db.transaction().execute(async (trx) => {
      const last: ((trx: Tx) => Promise<void>)[] = [];
      for (const unit of units) {
        const mine: ((trx: Tx) => Promise<void>)[] = [];
        const atEnd: AtEnd = (w) => mine.push(w);
        if (units.length === 1) {
          // Alone: no savepoint needed, a failure rolls back the transaction itself.
          outcomes.push({ ok: true, value: await unit.work(trx, atEnd) });
          last.push(...mine);
          continue;
        }
        await savepoint(trx, SAVEPOINT);
        try {
          const value = await unit.work(trx, atEnd);
          await savepoint(trx, RELEASE);
          outcomes.push({ ok: true, value });
          last.push(...mine);
        } catch (error) {
          await savepoint(trx, ROLLBACK_TO);
          forgetTransactionMemo(trx);
          await savepoint(trx, RELEASE);
          outcomes.push({ ok: false, error });
        }
      }
      // A failure here fails every unit of the batch (the transaction rolls back).
      for (const w of last) await w(trx);
    });
  } catch (error) {
    // The commit (or the single unit) failed: nothing was written.
    for (const unit of units) unit.reject(error);
    return;
  }
  units.forEach((unit, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) unit.resolve(outcome.value);
    else unit.reject(outcome.error);
  });
}
