import { PostgresAdapter, sql, type Insertable } from 'kysely';
import type { Clock } from '../clock.ts';
import { inWriteBatch, transactionMemo, type AuditLogTable, type Db, type DbOrTx, type Tx } from '../db/index.ts';
import { preparedQuery } from '../db/prepared.ts';
import { GENESIS_HASH, entryHash, redact, type ChainedFields } from './chain.ts';

export { GENESIS_HASH, entryHash, redact } from './chain.ts';

/** Who did it and from where, as the audit log records it. */
export interface AuditWho {
  userId: number | null;
  tokenId: number | null;
  name: string | null;
  ip: string | null;
}

export interface AuditEntry {
  entity: string;
  entityId: string | number | null;
  action: string;
  before?: unknown;
  after?: unknown;
}

// Any constant: the advisory lock that serialises appends to the hash chain on PostgreSQL.
const AUDIT_CHAIN_LOCK = 7_263_001;

/**
 * Appends an audit entry inside the caller's transaction, so the entry exists
 * exactly when the change it records does.
 */
export async function recordAudit(trx: Tx, at: Date, who: AuditWho, entry: AuditEntry): Promise<void> {
  const memo = transactionMemo(trx);
  // The chain's head after this transaction's own last entry: nobody else can append
  // meanwhile (SQLite has one writer; on PostgreSQL the lock taken before that entry
  // holds until the transaction ends), so it is not read again.
  let prevHash = memo.get(CHAIN_HEAD) as string | undefined;
  if (prevHash === undefined) {
    if (trx.getExecutor().adapter instanceof PostgresAdapter) {
      // The chain's lock, then its head read after it, in one round trip (migration 0023).
      const { rows } = await sql<{ hash: string | null }>`select kontor_audit_chain_head(${AUDIT_CHAIN_LOCK}) as hash`.execute(trx);
      prevHash = rows[0]?.hash ?? GENESIS_HASH;
    } else {
      const [last] = await selectLastHash(trx, {});
      prevHash = last?.hash ?? GENESIS_HASH;
    }
  }
  const fields: ChainedFields = {
    at: at.toISOString(),
    actor_user_id: who.userId,
    actor_token_id: who.tokenId,
    actor_name: who.name,
    ip: who.ip,
    entity: entry.entity,
    entity_id: entry.entityId === null ? null : String(entry.entityId),
    action: entry.action,
    before_json: entry.before === undefined || entry.before === null ? null : JSON.stringify(redact(entry.before)),
    after_json: entry.after === undefined || entry.after === null ? null : JSON.stringify(redact(entry.after)),
  };
  // The hash is taken before the chain fields join the row (Object.assign onto it: docs/ARCHITECTURE.md, “Hot paths”).
  const hash = entryHash(prevHash, fields);
  await insertEntry(trx, Object.assign(fields, { prev_hash: prevHash, hash }));
  memo.set(CHAIN_HEAD, hash);
}

const CHAIN_HEAD = 'audit:chain-head';

// Every change runs these two, so they are compiled once (preparedQuery) instead of
// being rebuilt by Kysely each time.
const selectLastHash = preparedQuery((db) => db.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1));
const insertEntry = preparedQuery((db, row: Insertable<AuditLogTable>) => db.insertInto('audit_log').values(row));

/** Records an event that changes nothing else (e.g. a failed sign-in) in its own transaction. */
export async function recordAuditAlone(db: DbOrTx, at: Date, who: AuditWho, entry: AuditEntry): Promise<void> {
  if (db.isTransaction) return recordAudit(db as Tx, at, who, entry);
  await db.transaction().execute((trx) => recordAudit(trx, at, who, entry));
}

/**
 * Runs a change in one transaction and records its audit entry (or entries) in the
 * same one. On SQLite, changes that arrive together share a commit (inWriteBatch):
 * each is still all or nothing, and none may wait for another write inside `change`.
 */
export function auditedChange<T>(
  deps: { db: Db; clock: Clock },
  who: AuditWho,
  change: (trx: Tx, at: string) => Promise<{ result: T; audit: AuditEntry | AuditEntry[] }>,
): Promise<T> {
  const now = deps.clock.now();
  return inWriteBatch(deps.db, async (trx) => {
    const { result, audit } = await change(trx, now.toISOString());
    for (const entry of [audit].flat()) await recordAudit(trx, now, who, entry);
    return result;
  });
}
