import { PostgresAdapter, sql } from 'kysely';
import { recordAudit } from '../../platform/audit/index.ts';
import type { DbOrTx, Tx } from '../../platform/db/index.ts';
import { DEFAULT_PATTERNS, DOCUMENT_TYPES } from './domain/index.ts';
import { insertSeriesIfMissing } from './numbering.repo.ts';

// Any constant: serialises seeding of several servers starting together on PostgreSQL.
const SEED_LOCK = 7_263_008;

/**
 * Creates every numbering series that is missing with its default pattern
 * (FV{YYYY}{#####} for invoices, VY{YYYY}{#####} for issue slips, …). Idempotent:
 * a series an administrator changed is left as it is. Audited as the system.
 */
export async function seedDefaultNumbering(db: DbOrTx, at: Date): Promise<{ created: string[] }> {
  if (!db.isTransaction) return db.transaction().execute((trx) => seedDefaultNumbering(trx, at));
  const trx = db as Tx;
  if (trx.getExecutor().adapter instanceof PostgresAdapter) await sql`select pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
  const created: string[] = [];
  for (const type of DOCUMENT_TYPES) {
    if (await insertSeriesIfMissing(trx, type, DEFAULT_PATTERNS[type], at.toISOString())) created.push(`${type}:${DEFAULT_PATTERNS[type]}`);
  }
  if (created.length) {
    await recordAudit(trx, at, { userId: null, tokenId: null, name: 'system (seed)', ip: null }, { entity: 'numbering_series', entityId: null, action: 'seed', after: { created } });
  }
  return { created };
}
