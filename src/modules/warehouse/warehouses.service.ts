import { auditedChange } from '../../platform/audit/index.ts';
import { conflict, duplicate, failIf, forbidden, notFound, unknownReference, type ErrorDetail } from '../../shared/errors.ts';
import { merged } from '../../shared/patch.ts';
import { auditWhoOf, type RequestContext } from '../identity/index.ts';
import * as repo from './warehouses.repo.ts';
import { require, usableWarehouseIds, type WarehouseDeps } from './warehouse.context.ts';
import type { NewWarehouse, Warehouse, WarehousePatch } from './warehouse.schemas.ts';

/**
 * Warehouses: the main store and any others; a technician's van is a warehouse
 * with an owner. Who may use which: owners their van, granted users theirs,
 * managers and administrators all. Each user may pick a default warehouse.
 */
export function createWarehousesService(deps: WarehouseDeps) {
  const { db } = deps;

  async function presenter(ctx: RequestContext) {
    const [usable, myDefault] = await Promise.all([usableWarehouseIds(db, ctx), repo.defaultWarehouseOf(db, ctx.actor.userId)]);
    return (w: repo.WarehouseBase): Warehouse => ({ ...w, canUse: usable === null || usable.has(w.id), isMyDefault: w.id === myDefault });
  }

  async function list(ctx: RequestContext, active?: boolean): Promise<Warehouse[]> {
    require(ctx, 'warehouse.read');
    const present = await presenter(ctx);
    return (await repo.listWarehouses(db, active === undefined ? {} : { active })).map(present);
  }

  async function get(ctx: RequestContext, id: number): Promise<Warehouse> {
    require(ctx, 'warehouse.read');
    const w = await repo.findWarehouse(db, id);
    if (!w) throw notFound('Warehouse');
    return (await presenter(ctx))(w);
  }

  async function peopleProblems(trx: Parameters<typeof repo.staffUserIds>[0], v: { kind: string; ownerUserId?: number | null; userIds: readonly number[] }): Promise<ErrorDetail[]> {
    const problems: ErrorDetail[] = [];
    const ids = [...v.userIds, ...(v.ownerUserId ? [v.ownerUserId] : [])];
    const known = await repo.staffUserIds(trx, ids);
    if (v.ownerUserId && !known.has(v.ownerUserId)) problems.push(unknownReference('ownerUserId', 'The owner (a staff user)'));
    v.userIds.forEach((u, i) => {
      if (!known.has(u)) problems.push(unknownReference(`userIds.${i}`, 'The user (a staff user)'));
    });
    if (v.kind === 'store' && v.ownerUserId) problems.push({ path: 'ownerUserId', code: 'store_has_no_owner', message: 'Only a van has an owner; grant users a store instead' });
    return problems;
  }

  async function create(ctx: RequestContext, input: NewWarehouse): Promise<Warehouse> {
    require(ctx, 'warehouse.manage');
    const id = await auditedChange(deps, auditWhoOf(ctx), async (trx, at) => {
      failIf(await peopleProblems(trx, input));
      if ((await repo.warehouseIdByCode(trx, input.code)) !== null) throw duplicate('code', `A warehouse with code "${input.code}" already exists`);
      const id = await repo.insertWarehouse(trx, input, at);
      await repo.replaceGrants(trx, id, input.userIds);
      return { result: id, audit: { entity: 'warehouse', entityId: id, action: 'create', after: { id, ...input } } };
    });
    return get(ctx, id);
  }

  async function update(ctx: RequestContext, id: number, patch: WarehousePatch): Promise<Warehouse> {
    require(ctx, 'warehouse.manage');
    await auditedChange(deps, auditWhoOf(ctx), async (trx, at) => {
      const before = await repo.findWarehouse(trx, id);
      if (!before) throw notFound('Warehouse');
      const after = merged(before, patch);
      failIf(await peopleProblems(trx, after));
      if (after.code !== before.code && (await repo.warehouseIdByCode(trx, after.code)) !== null) throw duplicate('code', `A warehouse with code "${after.code}" already exists`);
      if (!after.active && before.active) {
        const stocked = await trx.selectFrom('stock_balances').select('item_id').where('warehouse_id', '=', id).where('quantity_milli', '>', 0).executeTakeFirst();
        if (stocked) throw conflict('warehouse_not_empty', `${before.name} still holds stock: transfer or count it out before deactivating it`);
      }
      await repo.updateWarehouse(trx, id, after, at);
      if (patch.userIds) await repo.replaceGrants(trx, id, patch.userIds);
      return { result: null, audit: { entity: 'warehouse', entityId: id, action: 'update', before, after } };
    });
    return get(ctx, id);
  }

  /** One's own default warehouse: one of those one may use. */
  async function setMyDefault(ctx: RequestContext, warehouseId: number): Promise<Warehouse> {
    require(ctx, 'warehouse.read');
    if (ctx.actor.userId === 0) throw forbidden('The system has no default warehouse');
    const w = await repo.findWarehouse(db, warehouseId);
    if (!w || !w.active) failIf([unknownReference('warehouseId', 'The warehouse (an active one)')]);
    const usable = await usableWarehouseIds(db, ctx);
    if (usable !== null && !usable.has(warehouseId)) throw forbidden(`You may not use ${w!.name}, so it cannot be your default warehouse`);
    await auditedChange(deps, auditWhoOf(ctx), async (trx, at) => {
      const before = await repo.defaultWarehouseOf(trx, ctx.actor.userId);
      await repo.setDefaultWarehouse(trx, ctx.actor.userId, warehouseId, at);
      return { result: null, audit: { entity: 'user', entityId: ctx.actor.userId, action: 'default_warehouse', before: { warehouseId: before }, after: { warehouseId } } };
    });
    return get(ctx, warehouseId);
  }

  return { list, get, create, update, setMyDefault };
}

export type WarehousesService = ReturnType<typeof createWarehousesService>;
