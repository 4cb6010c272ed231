/**
 * Warehouse: items, warehouses (the store, technicians' vans) and who may use
 * them, stock documents (receipts, transfers, issue slips for tickets, returns,
 * counts), the maintained stock balances at weighted-average cost, the movement
 * ledger, and the printed slip. Issue slips put priced material records on
 * tickets through the records module.
 */
import { createDocumentsService } from './documents.service.ts';
import { createItemsService } from './items.service.ts';
import { createSlipService } from './slip.ts';
import { createStockService } from './stock.service.ts';
import type { WarehouseDeps } from './warehouse.context.ts';
import { createWarehousesService } from './warehouses.service.ts';

export type { SlipDocument, SlipDocumentLine } from './domain/slip-document.ts';
export { warehouseRoutes, type WarehouseRouteDeps } from './warehouse.routes.ts';
export type { WarehouseDeps } from './warehouse.context.ts';
export { buildSlipDocument } from './slip.ts';

/** Every part of the warehouse over the same dependencies (the app and the CLI use this). */
export function createWarehouse(deps: WarehouseDeps) {
  return {
    items: createItemsService(deps),
    warehouses: createWarehousesService(deps),
    documents: createDocumentsService(deps),
    stock: createStockService(deps),
    slips: createSlipService(deps),
  };
}

export type Warehouse = ReturnType<typeof createWarehouse>;
