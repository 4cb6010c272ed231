import type { DbOrTx } from '../../platform/db/index.ts';
import type { VatCategory } from './common.schemas.ts';
import { activeWhere, flag, type ActiveFilter } from './common.ts';
import type { TechnicianLevel, TravelZone, UnitFee, VatRate, WorkType } from './catalogue.schemas.ts';

/** The pricing catalogue as stored: VAT rates, work types, technician levels, unit fees, travel zones. */

/* VAT rates */

export async function listVatRates(db: DbOrTx, filter: { country?: string | undefined; category?: string } = {}): Promise<VatRate[]> {
  let sel = db.selectFrom('vat_rates').selectAll();
  if (filter.country) sel = sel.where('country', '=', filter.country);
  if (filter.category) sel = sel.where('category', '=', filter.category);
  const rows = await sel.orderBy('country').orderBy('category').orderBy('valid_from').execute();
  return rows.map((r) => ({
    id: r.id,
    country: r.country,
    category: r.category as VatCategory,
    rateBp: r.rate_bp,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  }));
}

export async function insertVatRate(db: DbOrTx, v: Omit<VatRate, 'id'>): Promise<VatRate> {
  const row = await db
    .insertInto('vat_rates')
    .values({ country: v.country, category: v.category, rate_bp: v.rateBp, valid_from: v.validFrom, valid_to: v.validTo })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, ...v };
}

/* Filters shared by the tables of a code and a name */

type SimpleTable = 'technician_levels' | 'travel_zones';

interface CodedFilter {
  active?: ActiveFilter;
  ids?: number[];
  code?: string;
}

function coded(db: DbOrTx, table: SimpleTable, filter: CodedFilter) {
  let sel = db.selectFrom(table as 'travel_zones').selectAll();
  const a = activeWhere(filter.active);
  if (a !== null) sel = sel.where('active', '=', a);
  if (filter.ids) sel = sel.where('id', 'in', filter.ids.length ? filter.ids : [0]);
  if (filter.code !== undefined) sel = sel.where('code', '=', filter.code);
  return sel.orderBy('name').orderBy('id');
}

const stamps = (r: { created_at: string; updated_at: string }) => ({ createdAt: r.created_at, updatedAt: r.updated_at });

export async function listWorkTypes(db: DbOrTx, filter: CodedFilter = {}): Promise<WorkType[]> {
  let sel = db.selectFrom('work_types').selectAll();
  const a = activeWhere(filter.active);
  if (a !== null) sel = sel.where('active', '=', a);
  if (filter.ids) sel = sel.where('id', 'in', filter.ids.length ? filter.ids : [0]);
  if (filter.code !== undefined) sel = sel.where('code', '=', filter.code);
  const rows = await sel.orderBy('name').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    nameCs: r.name_cs,
    nameSk: r.name_sk,
    nameEn: r.name_en,
    vatCategory: r.vat_category as VatCategory,
    billableDefault: r.billable_default === 1,
    minimumMinutes: r.minimum_minutes,
    active: r.active === 1,
    ...stamps(r),
  }));
}

export async function findWorkType(db: DbOrTx, id: number): Promise<WorkType | null> {
  return (await listWorkTypes(db, { ids: [id] }))[0] ?? null;
}

export type WorkTypeValues = Omit<WorkType, 'id' | 'createdAt' | 'updatedAt'>;

function workTypeColumns(v: WorkTypeValues) {
  return {
    code: v.code,
    name: v.name,
    name_cs: v.nameCs,
    name_sk: v.nameSk,
    name_en: v.nameEn,
    vat_category: v.vatCategory,
    billable_default: flag(v.billableDefault),
    minimum_minutes: v.minimumMinutes,
    active: flag(v.active),
  };
}

export async function insertWorkType(db: DbOrTx, v: WorkTypeValues, at: string): Promise<number> {
  const row = await db.insertInto('work_types').values({ ...workTypeColumns(v), created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateWorkType(db: DbOrTx, id: number, v: WorkTypeValues, at: string): Promise<void> {
  await db.updateTable('work_types').set({ ...workTypeColumns(v), updated_at: at }).where('id', '=', id).execute();
}

/* Technician levels and travel zones */

export type CodedValues = Omit<TechnicianLevel, 'id' | 'createdAt' | 'updatedAt'>;

export async function listSimple(db: DbOrTx, table: SimpleTable, filter: CodedFilter = {}): Promise<TechnicianLevel[] | TravelZone[]> {
  const rows = await coded(db, table, filter).execute();
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, active: r.active === 1, ...stamps(r) }));
}

export async function findSimple(db: DbOrTx, table: SimpleTable, id: number): Promise<TechnicianLevel | null> {
  return (await listSimple(db, table, { ids: [id] }))[0] ?? null;
}

export async function insertSimple(db: DbOrTx, table: SimpleTable, v: CodedValues, at: string): Promise<number> {
  const row = await db
    .insertInto(table as 'travel_zones')
    .values({ code: v.code, name: v.name, active: flag(v.active), created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateSimple(db: DbOrTx, table: SimpleTable, id: number, v: CodedValues, at: string): Promise<void> {
  await db
    .updateTable(table as 'travel_zones')
    .set({ code: v.code, name: v.name, active: flag(v.active), updated_at: at })
    .where('id', '=', id)
    .execute();
}

/* Unit fees */

export async function listUnitFees(db: DbOrTx, filter: CodedFilter = {}): Promise<UnitFee[]> {
  let sel = db.selectFrom('unit_fees').selectAll();
  const a = activeWhere(filter.active);
  if (a !== null) sel = sel.where('active', '=', a);
  if (filter.ids) sel = sel.where('id', 'in', filter.ids.length ? filter.ids : [0]);
  if (filter.code !== undefined) sel = sel.where('code', '=', filter.code);
  const rows = await sel.orderBy('name').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    unit: r.unit,
    vatCategory: r.vat_category as VatCategory,
    active: r.active === 1,
    ...stamps(r),
  }));
}

export async function findUnitFee(db: DbOrTx, id: number): Promise<UnitFee | null> {
  return (await listUnitFees(db, { ids: [id] }))[0] ?? null;
}

export type UnitFeeValues = Omit<UnitFee, 'id' | 'createdAt' | 'updatedAt'>;

function unitFeeColumns(v: UnitFeeValues) {
  return { code: v.code, name: v.name, unit: v.unit, vat_category: v.vatCategory, active: flag(v.active) };
}

export async function insertUnitFee(db: DbOrTx, v: UnitFeeValues, at: string): Promise<number> {
  const row = await db.insertInto('unit_fees').values({ ...unitFeeColumns(v), created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUnitFee(db: DbOrTx, id: number, v: UnitFeeValues, at: string): Promise<void> {
  await db.updateTable('unit_fees').set({ ...unitFeeColumns(v), updated_at: at }).where('id', '=', id).execute();
}

/** Which of the ids exist in the table (reference checks of price-list terms). */
export async function existingIds(db: DbOrTx, table: 'work_types' | SimpleTable | 'unit_fees' | 'items', ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom(table as 'travel_zones')
    .select('id')
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Set(rows.map((r) => r.id));
}
