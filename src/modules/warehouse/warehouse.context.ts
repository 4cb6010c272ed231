import type { Clock } from '../../platform/clock.ts';
import { preparedQuery, type Db, type DbOrTx } from '../../platform/db/index.ts';
import { forbidden } from '../../shared/errors.ts';
import { fieldScopeOf, hasPermission, type Permission, type RequestContext } from '../identity/index.ts';

/** What every warehouse service is built from. */
export interface WarehouseDeps {
  db: Db;
  clock: Clock;
}

export function require(ctx: RequestContext, permission: Permission): void {
  if (!hasPermission(ctx.actor, permission)) throw forbidden();
}

/** Field scope: purchase prices, average cost and stock value only for roles that see costs. */
export const seesCosts = (ctx: RequestContext): boolean => fieldScopeOf(ctx.actor.roles).costs;
export const seesPrices = (ctx: RequestContext): boolean => fieldScopeOf(ctx.actor.roles).prices;

/** Managers and administrators (warehouse.manage) may use every warehouse. */
export const usesAll = (ctx: RequestContext): boolean => hasPermission(ctx.actor, 'warehouse.manage');

/**
 * The warehouses the actor may move stock in, besides all of them for managers:
 * vans the actor owns and warehouses granted to the actor. Null: all.
 */
const usableQuery = preparedQuery((db, p: { owner: number; user: number }) =>
  db.selectFrom('warehouses').select('id').where('owner_user_id', '=', p.owner).union(db.selectFrom('warehouse_users').select('warehouse_id as id').where('user_id', '=', p.user)));

export async function usableWarehouseIds(db: DbOrTx, ctx: RequestContext): Promise<Set<number> | null> {
  if (usesAll(ctx)) return null;
  const rows = await usableQuery(db, { owner: ctx.actor.userId, user: ctx.actor.userId });
  return new Set(rows.map((r) => r.id));
}

export async function canUseWarehouse(db: DbOrTx, ctx: RequestContext, warehouseId: number): Promise<boolean> {
  const ids = await usableWarehouseIds(db, ctx);
  return ids === null || ids.has(warehouseId);
}
