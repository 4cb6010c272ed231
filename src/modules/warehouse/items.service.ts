import { auditedChange } from '../../platform/audit/index.ts';
import { decodeCursor, pageOf } from '../../shared/cursor.ts';
import { conflict, duplicate, notFound } from '../../shared/errors.ts';
import { merged } from '../../shared/patch.ts';
import { auditWhoOf, type RequestContext } from '../identity/index.ts';
import * as repo from './items.repo.ts';
import { require, seesPrices, type WarehouseDeps } from './warehouse.context.ts';
import type { Item, ItemListQuery, ItemPatch, NewItem } from './warehouse.schemas.ts';

/** The item catalogue: what can be stocked, received and issued. */
export function createItemsService(deps: WarehouseDeps) {
  const { db } = deps;

  /** The default sale price only with the prices field scope. */
  const present = (ctx: RequestContext) => {
    const prices = seesPrices(ctx);
    return (row: repo.ItemRow): Item => {
      const { salePriceMinor, ...rest } = repo.toItem(row);
      return prices ? { ...rest, salePriceMinor } : rest;
    };
  };

  async function list(ctx: RequestContext, q: ItemListQuery) {
    require(ctx, 'warehouse.read');
    const after = q.cursor ? (decodeCursor(q.cursor, ['string', 'number']) as [string, number]) : null;
    const rows = await repo.listItems(db, q, after);
    return pageOf(rows, q.limit, (r) => [r.name, r.id], present(ctx));
  }

  async function get(ctx: RequestContext, id: number): Promise<Item> {
    require(ctx, 'warehouse.read');
    const row = await repo.findItem(db, id);
    if (!row) throw notFound('Item');
    return present(ctx)(row);
  }

  async function create(ctx: RequestContext, input: NewItem): Promise<Item> {
    require(ctx, 'warehouse.manage');
    const id = await auditedChange(deps, auditWhoOf(ctx), async (trx, at) => {
      if ((await repo.itemIdByCode(trx, input.code)) !== null) throw duplicate('code', `An item with code "${input.code}" already exists`);
      const id = await repo.insertItem(trx, input, at);
      return { result: id, audit: { entity: 'item', entityId: id, action: 'create', after: { id, ...input } } };
    });
    return get(ctx, id);
  }

  async function update(ctx: RequestContext, id: number, patch: ItemPatch): Promise<Item> {
    require(ctx, 'warehouse.manage');
    await auditedChange(deps, auditWhoOf(ctx), async (trx, at) => {
      const row = await repo.findItem(trx, id);
      if (!row) throw notFound('Item');
      const before = repo.toItem(row);
      const after = merged(before, patch);
      if (after.code !== before.code && (await repo.itemIdByCode(trx, after.code)) !== null) throw duplicate('code', `An item with code "${after.code}" already exists`);
      if (after.serialTracking !== before.serialTracking && (await hasStock(trx, id))) {
        throw conflict('item_in_stock', 'Serial-number tracking can be switched only while the item has no stock in any warehouse');
      }
      await repo.updateItem(trx, id, after, at);
      return { result: null, audit: { entity: 'item', entityId: id, action: 'update', before, after } };
    });
    return get(ctx, id);
  }

  async function hasStock(trx: Parameters<typeof repo.findItem>[0], itemId: number): Promise<boolean> {
    const row = await trx.selectFrom('stock_balances').select('item_id').where('item_id', '=', itemId).where('quantity_milli', '>', 0).executeTakeFirst();
    return row !== undefined;
  }

  return { list, get, create, update };
}

export type ItemsService = ReturnType<typeof createItemsService>;
