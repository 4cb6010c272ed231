import { PostgresAdapter, sql } from 'kysely';
import { recordAudit } from '../../platform/audit/index.ts';
import type { DbOrTx, Tx } from '../../platform/db/index.ts';
import { insertVatRate, listVatRates } from './catalogue.repo.ts';
import type { VatCategory } from './common.schemas.ts';
import { getSetting, PROVIDER_COUNTRY_KEY, DEFAULT_PROVIDER_COUNTRY, putSetting } from './costs.repo.ts';

/**
 * VAT rates in force when Kontor was written (2026). CZ: 21 / 12 / 0 % since the
 * consolidation of the reduced rates on 1 January 2024 (Act 349/2023). SK: 23 / 19 /
 * 5 / 0 % since 1 January 2025 (Act 278/2024). Older rates, if an install needs them
 * for imported history, are added through the API as rows with their own dates.
 */
const DEFAULT_VAT_RATES: { country: string; category: VatCategory; rateBp: number; validFrom: string }[] = [
  { country: 'CZ', category: 'standard', rateBp: 2100, validFrom: '2024-01-01' },
  { country: 'CZ', category: 'reduced', rateBp: 1200, validFrom: '2024-01-01' },
  { country: 'CZ', category: 'zero', rateBp: 0, validFrom: '2024-01-01' },
  { country: 'SK', category: 'standard', rateBp: 2300, validFrom: '2025-01-01' },
  { country: 'SK', category: 'reduced', rateBp: 1900, validFrom: '2025-01-01' },
  { country: 'SK', category: 'second_reduced', rateBp: 500, validFrom: '2025-01-01' },
  { country: 'SK', category: 'zero', rateBp: 0, validFrom: '2025-01-01' },
];

// Any constant: serialises seeding of several servers starting together on PostgreSQL.
const SEED_LOCK = 7_263_003;

/**
 * Creates what pricing needs on a fresh install where it is absent: the CZ and
 * SK VAT rates above and the provider's country (CZ). Idempotent: a rate is
 * added only when its country, category and date are missing, the country only
 * when unset. Audited as the system when it created anything.
 */
export async function seedDefaultPricing(db: DbOrTx, at: Date): Promise<{ created: string[] }> {
  if (!db.isTransaction) return db.transaction().execute((trx) => seedDefaultPricing(trx, at));
  const trx = db as Tx;
  if (trx.getExecutor().adapter instanceof PostgresAdapter) await sql`select pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
  const created: string[] = [];
  const existing = await listVatRates(trx);
  for (const rate of DEFAULT_VAT_RATES) {
    if (existing.some((r) => r.country === rate.country && r.category === rate.category && r.validFrom === rate.validFrom)) continue;
    await insertVatRate(trx, { ...rate, validTo: null });
    created.push(`vat_rate:${rate.country}:${rate.category}:${rate.validFrom}`);
  }
  if ((await getSetting(trx, PROVIDER_COUNTRY_KEY)) === null) {
    await putSetting(trx, PROVIDER_COUNTRY_KEY, DEFAULT_PROVIDER_COUNTRY, at.toISOString());
    created.push(`setting:${PROVIDER_COUNTRY_KEY}`);
  }
  if (created.length) {
    await recordAudit(trx, at, { userId: null, tokenId: null, name: 'system (seed)', ip: null }, {
      entity: 'pricing_config',
      entityId: null,
      action: 'seed',
      after: { created },
    });
  }
  return { created };
}
