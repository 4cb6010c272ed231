import type { DbOrTx } from '../../platform/db/index.ts';
import type { NewWarehouse, Warehouse } from './warehouse.schemas.ts';

/** Warehouses, who may use them, and users' default warehouses, as stored. */

export type WarehouseBase = Omit<Warehouse, 'canUse' | 'isMyDefault'>;

export async function listWarehouses(db: DbOrTx, filter: { ids?: readonly number[]; active?: boolean } = {}): Promise<WarehouseBase[]> {
  let sel = db
    .selectFrom('warehouses as w')
    .leftJoin('users as u', 'u.id', 'w.owner_user_id')
    .select(['w.id', 'w.code', 'w.name', 'w.kind', 'w.owner_user_id', 'u.name as owner_name', 'w.active', 'w.version', 'w.created_at', 'w.updated_at']);
  if (filter.ids) sel = sel.where('w.id', 'in', filter.ids.length ? [...filter.ids] : [0]);
  if (filter.active !== undefined) sel = sel.where('w.active', '=', filter.active ? 1 : 0);
  const rows = await sel.orderBy('w.kind').orderBy('w.name').orderBy('w.id').execute();
  const grants = rows.length
    ? await db.selectFrom('warehouse_users').select(['warehouse_id', 'user_id']).where('warehouse_id', 'in', rows.map((r) => r.id)).orderBy('user_id').execute()
    : [];
  return rows.map((r) => ({
    id: r.id, code: r.code, name: r.name, kind: r.kind, ownerUserId: r.owner_user_id, ownerName: r.owner_name ?? null,
    userIds: grants.filter((g) => g.warehouse_id === r.id).map((g) => g.user_id),
    active: r.active === 1, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  }));
}

export async function findWarehouse(db: DbOrTx, id: number): Promise<WarehouseBase | undefined> {
  return (await listWarehouses(db, { ids: [id] }))[0];
}

export async function warehouseIdByCode(db: DbOrTx, code: string): Promise<number | null> {
  return (await db.selectFrom('warehouses').select('id').where('code', '=', code).executeTakeFirst())?.id ?? null;
}

export async function insertWarehouse(db: DbOrTx, v: NewWarehouse, at: string): Promise<number> {
  const row = await db
    .insertInto('warehouses')
    .values({ code: v.code, name: v.name, kind: v.kind, owner_user_id: v.ownerUserId ?? null, active: v.active ? 1 : 0, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateWarehouse(db: DbOrTx, id: number, v: WarehouseBase, at: string): Promise<void> {
  await db
    .updateTable('warehouses')
    .set((eb) => ({ code: v.code, name: v.name, kind: v.kind, owner_user_id: v.ownerUserId, active: v.active ? 1 : 0, version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', id)
    .execute();
}

export async function replaceGrants(db: DbOrTx, warehouseId: number, userIds: readonly number[]): Promise<void> {
  await db.deleteFrom('warehouse_users').where('warehouse_id', '=', warehouseId).execute();
  if (userIds.length) await db.insertInto('warehouse_users').values([...new Set(userIds)].map((user_id) => ({ warehouse_id: warehouseId, user_id }))).execute();
}

export async function defaultWarehouseOf(db: DbOrTx, userId: number): Promise<number | null> {
  return (await db.selectFrom('warehouse_user_defaults').select('warehouse_id').where('user_id', '=', userId).executeTakeFirst())?.warehouse_id ?? null;
}

export async function setDefaultWarehouse(db: DbOrTx, userId: number, warehouseId: number, at: string): Promise<void> {
  await db
    .insertInto('warehouse_user_defaults')
    .values({ user_id: userId, warehouse_id: warehouseId, updated_at: at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ warehouse_id: warehouseId, updated_at: at }))
    .execute();
}

/** Which of these user ids exist and are staff (not client contacts). */
export async function staffUserIds(db: DbOrTx, ids: readonly number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('users').select('id').where('id', 'in', [...new Set(ids)]).where('client_id', 'is', null).execute();
  return new Set(rows.map((r) => r.id));
}
