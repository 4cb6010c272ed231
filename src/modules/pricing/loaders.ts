import type { DbOrTx } from '../../platform/db/index.ts';
import type { CountryCode } from '../../shared/calendar/index.ts';
import * as catalogue from './catalogue.repo.ts';
import type { TravelZone, UnitFee, WorkType } from './catalogue.schemas.ts';
import * as costs from './costs.repo.ts';

/**
 * Read-only access for other modules (records, billing): plain functions over
 * db-or-transaction, so they join the caller's transaction; no permission
 * checks (the caller's own).
 */

export const findWorkType = (db: DbOrTx, id: number): Promise<WorkType | null> => catalogue.findWorkType(db, id);
export const findUnitFee = (db: DbOrTx, id: number): Promise<UnitFee | null> => catalogue.findUnitFee(db, id);
export const findTravelZone = (db: DbOrTx, id: number): Promise<TravelZone | null> => catalogue.findSimple(db, 'travel_zones', id);

/** A user's technician level and whether their records are approved on submit (none and false until set). */
export async function getTechnicianSettings(db: DbOrTx, userId: number): Promise<{ levelId: number | null; autoApprove: boolean }> {
  const row = await db.selectFrom('technician_settings').select(['level_id', 'auto_approve']).where('user_id', '=', userId).executeTakeFirst();
  return { levelId: row?.level_id ?? null, autoApprove: row?.auto_approve === 1 };
}

/** The provider's country (its holidays make weekend_holiday); CZ until set. */
export const getProviderCountry = (db: DbOrTx): Promise<CountryCode> => costs.providerCountry(db);

/** The VAT rate in basis points (2100 = 21 %) of a category in a country on a date, or null when none applies. */
export async function vatRateOn(db: DbOrTx, country: string, category: string, date: string): Promise<number | null> {
  const row = await db
    .selectFrom('vat_rates')
    .select(['rate_bp', 'valid_to'])
    .where('country', '=', country)
    .where('category', '=', category)
    .where('valid_from', '<=', date)
    .orderBy('valid_from', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row || (row.valid_to !== null && row.valid_to < date)) return null;
  return row.rate_bp;
}
