import { sql, type Kysely } from 'kysely';
import { isPostgres } from './lib.ts';

/**
 * The pricing catalogue and price lists join the configuration version of 0005:
 * every change to these tables raises config_version in the same transaction, so
 * pricing may keep what it reads of them in memory (src/modules/pricing/pricing.reads.ts)
 * and logging a record reads one small row instead of the catalogue and the list.
 * (The function bump_config_version() of 0005 serves PostgreSQL here too.)
 */
const PRICING_TABLES = [
  'vat_rates', 'work_types', 'technician_levels', 'unit_fees', 'travel_zones',
  'technician_settings', 'cost_rates', 'price_lists', 'price_list_versions',
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of PRICING_TABLES) {
    if (isPostgres(db)) {
      await sql.raw(`create trigger ${table}_config_version after insert or update or delete or truncate on ${table}
        for each statement execute function bump_config_version()`).execute(db);
    } else {
      for (const event of ['insert', 'update', 'delete']) {
        await sql.raw(`create trigger ${table}_config_version_${event} after ${event} on ${table}
          begin update config_version set version = version + 1 where id = 1; end`).execute(db);
      }
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of PRICING_TABLES) {
    if (isPostgres(db)) await sql.raw(`drop trigger ${table}_config_version on ${table}`).execute(db);
    else for (const event of ['insert', 'update', 'delete']) await sql.raw(`drop trigger ${table}_config_version_${event}`).execute(db);
  }
}
