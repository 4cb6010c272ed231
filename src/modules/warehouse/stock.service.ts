import { auditedChange } from '../../platform/audit/index.ts';
import { decodeCursor, pageOf } from '../../shared/cursor.ts';
import { failIf, notFound, unknownReference } from '../../shared/errors.ts';
import { wholeUnitProblem } from '../../shared/counted-units.ts';
import { formatQuantity } from '../../shared/quantity.ts';
import { auditWhoOf, type RequestContext } from '../identity/index.ts';
import { currencyOfCountry, pricingReads } from '../pricing/index.ts';
import { quantityProblem } from './documents.prepare.ts';
import { averageUnitCost } from './domain/stock.ts';
import { findItem } from './items.repo.ts';
import * as stock from './stock.repo.ts';
import { require, seesCosts, type WarehouseDeps } from './warehouse.context.ts';
import { STOCK_LEVEL_COUNT_CAP, type LedgerQuery, type Movement, type StockLevel, type StockLevelCount, type StockLevelCountQuery, type StockLevelQuery, type StockValuation } from './warehouse.schemas.ts';
import { findWarehouse } from './warehouses.repo.ts';

/** Stock levels from the maintained balances, minimum levels, and the movement ledger. */
export function createStockService(deps: WarehouseDeps) {
  const { db } = deps;

  async function levels(ctx: RequestContext, q: StockLevelQuery) {
    require(ctx, 'warehouse.read');
    const costs = seesCosts(ctx);
    const after = q.cursor ? (decodeCursor(q.cursor, ['number', 'number']) as [number, number]) : null;
    const rows = await stock.listLevels(db, { warehouseId: q.warehouseId, itemId: q.itemId, belowMinimum: q.belowMinimum === 'true', q: q.q }, after, q.limit + 1);
    return pageOf(rows, q.limit, (r) => [r.warehouse_id, r.item_id], (r): StockLevel => {
      const quantity = Number(r.quantity_milli);
      const value = Number(r.value_minor);
      const minimum = r.minimum_milli === null ? null : Number(r.minimum_milli);
      return {
        warehouseId: r.warehouse_id, warehouseName: r.warehouse_name, itemId: r.item_id, itemCode: r.code, itemName: r.name, unit: r.unit,
        quantity: formatQuantity(quantity), minimum: minimum === null ? null : formatQuantity(minimum), belowMinimum: minimum !== null && quantity < minimum,
        ...(costs ? { averageCostMinor: averageUnitCost({ quantityMilli: quantity, valueMinor: value }), valueMinor: value } : {}),
      };
    });
  }

  /** How many levels the list with these filters holds (belowMinimum=true: what is below its minimum), capped. */
  async function count(ctx: RequestContext, q: StockLevelCountQuery): Promise<StockLevelCount> {
    require(ctx, 'warehouse.read');
    return stock.countLevels(db, { warehouseId: q.warehouseId, itemId: q.itemId, belowMinimum: q.belowMinimum === 'true', q: q.q }, STOCK_LEVEL_COUNT_CAP);
  }

  async function setMinimum(ctx: RequestContext, warehouseId: number, itemId: number, minimum: string | null): Promise<StockLevel> {
    require(ctx, 'warehouse.manage');
    const parsed = minimum === null ? null : quantityProblem(minimum, 'minimum', true);
    if (parsed && 'problem' in parsed) failIf([parsed.problem]);
    const [w, item] = await Promise.all([findWarehouse(db, warehouseId), findItem(db, itemId)]);
    failIf([...(w ? [] : [unknownReference('warehouseId', `Warehouse #${warehouseId}`)]), ...(item ? [] : [unknownReference('itemId', `Item #${itemId}`)])]);
    const value = parsed === null ? null : (parsed as { value: number }).value;
    // The rule of every stock document: a minimum of 2.5 pieces could never be met nor missed by whole receipts and issues.
    const fraction = value === null ? null : wholeUnitProblem(value, item!.unit, item!.name);
    if (fraction) failIf([{ path: 'minimum', code: 'not_whole_units', message: fraction }]);
    await auditedChange(deps, auditWhoOf(ctx), async (trx, at) => {
      const before = await stock.readBalance(trx, warehouseId, itemId);
      await stock.setMinimum(trx, warehouseId, itemId, value, at);
      return {
        result: null,
        audit: { entity: 'stock_minimum', entityId: `${warehouseId}:${itemId}`, action: 'update', before: { minimum: before?.minimumMilli ?? null }, after: { minimum: value } },
      };
    });
    const page = await levels(ctx, { warehouseId, itemId, limit: 1 });
    return page.items[0]!;
  }

  async function ledger(ctx: RequestContext, itemId: number, q: LedgerQuery) {
    require(ctx, 'warehouse.read');
    if (!(await findItem(db, itemId))) throw notFound('Item');
    const costs = seesCosts(ctx);
    const after = q.cursor ? (decodeCursor(q.cursor, ['number']) as [number]) : null;
    const rows = await stock.listMovements(db, itemId, q.warehouseId, after ? after[0] : null, q.limit + 1);
    const page = pageOf(rows, q.limit, (r) => [r.id], (r): Movement => ({
      id: r.id, date: r.date, warehouseId: r.warehouse_id, documentId: r.document_id, documentKind: r.kind, documentNumber: r.number,
      quantity: formatQuantity(Number(r.quantity_milli)), balance: formatQuantity(Number(r.balance_milli)), createdAt: r.created_at,
      ...(costs ? { valueMinor: Number(r.value_minor), balanceValueMinor: Number(r.balance_value_minor) } : {}),
    }));
    return page;
  }

  /**
   * The currency stock is valued in: the provider's (CZK in CZ, EUR in SK), the one issue
   * slips cost their material in (pricing values material so). Balances, average costs,
   * purchase prices and document costs are amounts without a currency of their own.
   */
  async function valuation(ctx: RequestContext): Promise<StockValuation> {
    require(ctx, 'warehouse.read');
    return { currency: currencyOfCountry(await (await pricingReads(db)).providerCountry()) };
  }

  return { levels, count, setMinimum, ledger, valuation };
}

export type StockService = ReturnType<typeof createStockService>;
