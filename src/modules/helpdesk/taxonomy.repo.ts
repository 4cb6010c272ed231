import type { Selectable } from 'kysely';
import type { CategoriesTable, CustomFieldsTable, DbOrTx, DimensionValuesTable, DimensionsTable } from '../../platform/db/index.ts';
import { flag, parseJson } from './common.ts';
import type { ActiveFilter } from './common.schemas.ts';
import type { Category, CustomField, Dimension, DimensionValue } from './taxonomy.schemas.ts';

/** Categories, dimensions with their values, and custom fields as stored. */

const activeWhere = (active: ActiveFilter | undefined): 0 | 1 | null => (active === 'true' ? 1 : active === 'false' ? 0 : null);

/* Categories */

function toCategory(row: Selectable<CategoriesTable>): Category {
  return { id: row.id, parentId: row.parent_id, name: row.name, path: row.path, active: row.active === 1, createdAt: row.created_at, updatedAt: row.updated_at };
}

export async function listCategories(db: DbOrTx, active?: ActiveFilter): Promise<Category[]> {
  let sel = db.selectFrom('categories').selectAll();
  const a = activeWhere(active);
  if (a !== null) sel = sel.where('active', '=', a);
  return (await sel.orderBy('path').orderBy('id').execute()).map(toCategory);
}

export async function findCategory(db: DbOrTx, id: number): Promise<Category | null> {
  const row = await db.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toCategory(row) : null;
}

export type CategoryValues = Pick<Category, 'parentId' | 'name' | 'path' | 'active'>;

const categoryColumns = (v: CategoryValues) => ({ parent_id: v.parentId, name: v.name, path: v.path, active: flag(v.active) });

export async function insertCategory(db: DbOrTx, v: CategoryValues, at: string): Promise<Category> {
  const row = await db.insertInto('categories').values({ ...categoryColumns(v), created_at: at, updated_at: at }).returningAll().executeTakeFirstOrThrow();
  return toCategory(row);
}

export async function updateCategory(db: DbOrTx, id: number, v: CategoryValues, at: string): Promise<void> {
  await db.updateTable('categories').set({ ...categoryColumns(v), updated_at: at }).where('id', '=', id).execute();
}

export async function setCategoryPath(db: DbOrTx, id: number, path: string, at: string): Promise<void> {
  await db.updateTable('categories').set({ path, updated_at: at }).where('id', '=', id).execute();
}

/* Dimensions */

function toValue(row: Selectable<DimensionValuesTable>): DimensionValue {
  return { id: row.id, dimensionId: row.dimension_id, code: row.code, name: row.name, active: row.active === 1, createdAt: row.created_at, updatedAt: row.updated_at };
}

function toDimension(row: Selectable<DimensionsTable>, values: DimensionValue[]): Dimension {
  return { id: row.id, code: row.code, name: row.name, active: row.active === 1, values, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** Dimensions with their values (all values: a deactivated one still names old tickets' data). */
export async function listDimensions(db: DbOrTx, filter: { active?: ActiveFilter; ids?: number[] } = {}): Promise<Dimension[]> {
  let sel = db.selectFrom('dimensions').selectAll();
  const a = activeWhere(filter.active);
  if (a !== null) sel = sel.where('active', '=', a);
  if (filter.ids) sel = sel.where('id', 'in', filter.ids.length ? filter.ids : [0]);
  const rows = await sel.orderBy('code').execute();
  if (rows.length === 0) return [];
  const values = await db
    .selectFrom('dimension_values')
    .selectAll()
    .where('dimension_id', 'in', rows.map((r) => r.id))
    .orderBy('code')
    .execute();
  return rows.map((r) => toDimension(r, values.filter((v) => v.dimension_id === r.id).map(toValue)));
}

export async function findDimension(db: DbOrTx, id: number): Promise<Dimension | null> {
  return (await listDimensions(db, { ids: [id] }))[0] ?? null;
}

export async function findDimensionByCode(db: DbOrTx, code: string): Promise<{ id: number } | null> {
  return (await db.selectFrom('dimensions').select('id').where('code', '=', code).executeTakeFirst()) ?? null;
}

export type DimensionValues = Pick<Dimension, 'code' | 'name' | 'active'>;

export async function insertDimension(db: DbOrTx, v: DimensionValues, at: string): Promise<number> {
  const row = await db
    .insertInto('dimensions')
    .values({ code: v.code, name: v.name, active: flag(v.active), created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateDimension(db: DbOrTx, id: number, v: DimensionValues, at: string): Promise<void> {
  await db.updateTable('dimensions').set({ code: v.code, name: v.name, active: flag(v.active), updated_at: at }).where('id', '=', id).execute();
}

export async function findValue(db: DbOrTx, id: number): Promise<DimensionValue | null> {
  const row = await db.selectFrom('dimension_values').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toValue(row) : null;
}

export async function findValueByCode(db: DbOrTx, dimensionId: number, code: string): Promise<DimensionValue | null> {
  const row = await db.selectFrom('dimension_values').selectAll().where('dimension_id', '=', dimensionId).where('code', '=', code).executeTakeFirst();
  return row ? toValue(row) : null;
}

export async function insertValue(db: DbOrTx, dimensionId: number, v: DimensionValues, at: string): Promise<DimensionValue> {
  const row = await db
    .insertInto('dimension_values')
    .values({ dimension_id: dimensionId, code: v.code, name: v.name, active: flag(v.active), created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toValue(row);
}

export async function updateValue(db: DbOrTx, id: number, v: DimensionValues, at: string): Promise<DimensionValue> {
  const row = await db
    .updateTable('dimension_values')
    .set({ code: v.code, name: v.name, active: flag(v.active), updated_at: at })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toValue(row);
}

/* Custom fields */

function toField(row: Selectable<CustomFieldsTable>): CustomField {
  return {
    id: row.id,
    typeId: row.type_id,
    key: row.key,
    label: row.label,
    kind: row.kind,
    options: parseJson<string[]>(row.options_json),
    required: row.required === 1,
    sortOrder: row.sort_order,
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Fields of a type and the global ones (typeId given), else every field; in form order. */
export async function listFields(db: DbOrTx, filter: { typeId?: number | undefined; active?: ActiveFilter } = {}): Promise<CustomField[]> {
  let sel = db.selectFrom('custom_fields').selectAll();
  const a = activeWhere(filter.active);
  if (a !== null) sel = sel.where('active', '=', a);
  const typeId = filter.typeId;
  if (typeId !== undefined) sel = sel.where((eb) => eb.or([eb('type_id', 'is', null), eb('type_id', '=', typeId)]));
  return (await sel.orderBy('sort_order').orderBy('id').execute()).map(toField);
}

export async function findField(db: DbOrTx, id: number): Promise<CustomField | null> {
  const row = await db.selectFrom('custom_fields').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toField(row) : null;
}

/** Fields with this key that a ticket of the type would also see (global: every type's fields). */
export async function fieldsWithKey(db: DbOrTx, key: string, typeId: number | null): Promise<CustomField[]> {
  let sel = db.selectFrom('custom_fields').selectAll().where('key', '=', key);
  if (typeId !== null) sel = sel.where((eb) => eb.or([eb('type_id', 'is', null), eb('type_id', '=', typeId)]));
  return (await sel.execute()).map(toField);
}

export type FieldValues = Omit<CustomField, 'id' | 'createdAt' | 'updatedAt'>;

function fieldColumns(v: FieldValues) {
  return {
    type_id: v.typeId,
    key: v.key,
    label: v.label,
    kind: v.kind,
    options_json: JSON.stringify(v.options),
    required: flag(v.required),
    sort_order: v.sortOrder,
    active: flag(v.active),
  };
}

export async function insertField(db: DbOrTx, v: FieldValues, at: string): Promise<CustomField> {
  const row = await db.insertInto('custom_fields').values({ ...fieldColumns(v), created_at: at, updated_at: at }).returningAll().executeTakeFirstOrThrow();
  return toField(row);
}

export async function updateField(db: DbOrTx, id: number, v: FieldValues, at: string): Promise<CustomField> {
  const row = await db.updateTable('custom_fields').set({ ...fieldColumns(v), updated_at: at }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  return toField(row);
}
