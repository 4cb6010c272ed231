import type { DbOrTx } from '../../platform/db/index.ts';
import type { CountryCode } from '../../shared/calendar/index.ts';
import { flag } from './common.ts';
import type { CostRate, CostRateKind, TechnicianSettings } from './costs.schemas.ts';

/** Technician settings, internal cost rates and pricing settings as stored. */

export const PROVIDER_COUNTRY_KEY = 'provider_country';
export const DEFAULT_PROVIDER_COUNTRY: CountryCode = 'CZ';

/** Staff (every active user who is not only a client contact) with their settings, by name. */
export async function listTechnicianSettings(db: DbOrTx, filter: { userId?: number } = {}): Promise<TechnicianSettings[]> {
  let sel = db
    .selectFrom('users')
    .leftJoin('technician_settings', 'technician_settings.user_id', 'users.id')
    .select(['users.id', 'users.name', 'technician_settings.level_id', 'technician_settings.auto_approve', 'technician_settings.updated_at'])
    .where((eb) => eb.exists(eb.selectFrom('user_roles').select('user_roles.user_id').whereRef('user_roles.user_id', '=', 'users.id').where('user_roles.role', '!=', 'client_contact')));
  if (filter.userId !== undefined) sel = sel.where('users.id', '=', filter.userId);
  else sel = sel.where('users.active', '=', 1);
  const rows = await sel.orderBy('users.search_text').orderBy('users.id').execute();
  return rows.map((r) => ({
    userId: r.id,
    userName: r.name,
    levelId: r.level_id ?? null,
    autoApprove: r.auto_approve === 1,
    updatedAt: r.updated_at ?? null,
  }));
}

export async function putTechnicianSettings(db: DbOrTx, userId: number, v: { levelId: number | null; autoApprove: boolean }, at: string): Promise<void> {
  const values = { level_id: v.levelId, auto_approve: flag(v.autoApprove), updated_at: at };
  await db
    .insertInto('technician_settings')
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
}

export async function listCostRates(db: DbOrTx, filter: { kind?: CostRateKind | undefined; userId?: number | undefined; id?: number } = {}): Promise<CostRate[]> {
  let sel = db.selectFrom('cost_rates').selectAll();
  if (filter.kind) sel = sel.where('kind', '=', filter.kind);
  if (filter.userId !== undefined) sel = sel.where('user_id', '=', filter.userId);
  if (filter.id !== undefined) sel = sel.where('id', '=', filter.id);
  const rows = await sel.orderBy('kind').orderBy('user_id').orderBy('valid_from').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as CostRateKind,
    userId: r.user_id,
    amountMinor: r.amount_minor,
    currency: r.currency,
    validFrom: r.valid_from,
    createdAt: r.created_at,
  }));
}

export async function insertCostRate(db: DbOrTx, v: Omit<CostRate, 'id' | 'createdAt'>, at: string): Promise<CostRate> {
  const row = await db
    .insertInto('cost_rates')
    .values({ kind: v.kind, user_id: v.userId, amount_minor: v.amountMinor, currency: v.currency, valid_from: v.validFrom, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, ...v, createdAt: at };
}

export async function deleteCostRate(db: DbOrTx, id: number): Promise<void> {
  await db.deleteFrom('cost_rates').where('id', '=', id).execute();
}

/** The rate of a kind (and technician) valid on a date: the latest validFrom on or before it. */
export async function costRateOn(db: DbOrTx, kind: CostRateKind, userId: number | null, date: string): Promise<CostRate | null> {
  let sel = db.selectFrom('cost_rates').selectAll().where('kind', '=', kind).where('valid_from', '<=', date);
  sel = userId === null ? sel.where('user_id', 'is', null) : sel.where('user_id', '=', userId);
  const r = await sel.orderBy('valid_from', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return r
    ? { id: r.id, kind: r.kind as CostRateKind, userId: r.user_id, amountMinor: r.amount_minor, currency: r.currency, validFrom: r.valid_from, createdAt: r.created_at }
    : null;
}

export async function getSetting<T>(db: DbOrTx, key: string): Promise<T | null> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value_json) as T) : null;
}

export async function putSetting(db: DbOrTx, key: string, value: unknown, at: string): Promise<void> {
  const value_json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value_json, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value_json, updated_at: at }))
    .execute();
}

/** The provider's country (its public holidays price work as weekend_holiday); CZ until set. */
export async function providerCountry(db: DbOrTx): Promise<CountryCode> {
  const value = await getSetting<string>(db, PROVIDER_COUNTRY_KEY);
  return value === 'SK' || value === 'CZ' ? value : DEFAULT_PROVIDER_COUNTRY;
}

export const currencyOfCountry = (country: CountryCode): string => (country === 'SK' ? 'EUR' : 'CZK');
