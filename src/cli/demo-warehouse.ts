import type { Services } from '../app.ts';
import { systemContext, type RequestContext } from '../modules/identity/index.ts';

/**
 * The demo's stock items and warehouses. The SSD 1 TB is what the price list
 * "Standard 2026" prices at 1 890.00 (its own sale price is the same). The store
 * received stock at the start of September and the technician's van was filled
 * from it (DEMO_STOCK), so material can be issued on a ticket from the van at once.
 */
export async function seedDemoItems(services: Services): Promise<{ ssd: number; byCode: Record<string, number> }> {
  const ctx = systemContext;
  const { items } = services.warehouse;
  const byCode: Record<string, number> = {};
  const item = async (code: string, name: string, unit: string, salePriceMinor: number | null, extra: { ean?: string; serialTracking?: boolean } = {}) => {
    const created = await items.create(ctx, { code, name, unit, vatCategory: 'standard', salePriceMinor, serialTracking: extra.serialTracking ?? false, active: true, ean: extra.ean ?? null });
    byCode[code] = created.id;
    return created;
  };
  const ssd = await item('SSD-1TB', 'SSD 1 TB', 'pcs', 1_890_00, { ean: '8594000000012' });
  await item('RAM-16', 'Paměť RAM 16 GB DDR4', 'pcs', 1_290_00, { ean: '8594000000029' });
  await item('CAB-UTP6', 'Kabel UTP Cat6', 'm', 25_00);
  await item('TONER-26A', 'Toner HP 26A', 'pcs', 2_450_00);
  await item('SW-8P', 'Switch 8 portů', 'pcs', 1_150_00, { serialTracking: true });
  return { ssd: ssd.id, byCode };
}

interface StockLine {
  code: string;
  /** Pieces (or metres) received into the store. */
  received: number;
  unitPriceMinor: number;
  /** Of those, moved on to the technician's van. */
  toVan: number;
  /** Serial numbers of the pieces received, for items tracked by them (the first `toVan` go to the van). */
  serials?: string[];
}

/**
 * The demo's stock: one receipt into the store on 1 September 2026 and one
 * transfer to the van the next day. Every SSD goes to the van, so the store
 * holds none when the billing examples receive and issue theirs (example A's
 * cost stays at its own receipt's 1 500.00); the van's SSDs cost 1 600.00, the
 * average the warehouse journey's receipts give, so its costs stay exact too.
 */
export const DEMO_STOCK: readonly StockLine[] = [
  { code: 'SSD-1TB', received: 4, unitPriceMinor: 1_600_00, toVan: 4 },
  { code: 'RAM-16', received: 12, unitPriceMinor: 980_00, toVan: 4 },
  { code: 'CAB-UTP6', received: 305, unitPriceMinor: 14_50, toVan: 50 },
  { code: 'TONER-26A', received: 6, unitPriceMinor: 1_790_00, toVan: 2 },
  { code: 'SW-8P', received: 3, unitPriceMinor: 820_00, toVan: 1, serials: ['SW8P-26-0101', 'SW8P-26-0102', 'SW8P-26-0103'] },
];

/** What the technician's van holds after the demo's transfer, by item code. */
export const DEMO_VAN_STOCK: Readonly<Record<string, number>> = Object.fromEntries(DEMO_STOCK.map((l) => [l.code, l.toVan]));

/** "Hlavní sklad" (the operator may use it) and the demo technician's van, his default warehouse, both stocked (DEMO_STOCK). */
export async function seedDemoWarehouses(
  services: Services,
  people: { technician: { id: number; name: string }; operatorId: number | undefined; manager: { id: number; name: string } | undefined },
  itemIds: Readonly<Record<string, number>>,
): Promise<void> {
  const { warehouses } = services.warehouse;
  const store = await warehouses.create(systemContext, { code: 'HLAVNI', name: 'Hlavní sklad', kind: 'store', ownerUserId: null, userIds: people.operatorId ? [people.operatorId] : [], active: true });
  const van = await warehouses.create(systemContext, { code: 'VAN-TECHNIK', name: `Dodávka – ${people.technician.name}`, kind: 'van', ownerUserId: people.technician.id, userIds: [], active: true });
  const asTechnician: RequestContext = { actor: { userId: people.technician.id, name: people.technician.name, roles: ['technician'], clientId: null, tokenId: null }, ip: null };
  await warehouses.setMyDefault(asTechnician, van.id);
  if (people.manager) await seedDemoStock(services, people.manager, itemIds, { store: store.id, van: van.id });
}

/**
 * The manager receives the goods into the store and fills the van, through the
 * warehouse's own documents: the balances, the ledger and the weighted-average
 * costs are what a user doing it by hand would get.
 */
async function seedDemoStock(services: Services, manager: { id: number; name: string }, itemIds: Readonly<Record<string, number>>, at: { store: number; van: number }): Promise<void> {
  const ctx: RequestContext = { actor: { userId: manager.id, name: manager.name, roles: ['manager'], clientId: null, tokenId: null }, ip: null };
  const itemId = (code: string) => {
    const id = itemIds[code];
    if (id === undefined) throw new Error(`the demo has no stock item '${code}'`);
    return id;
  };
  const create = (body: Record<string, unknown>) => services.warehouse.documents.create(ctx, { confirm: true, ...body } as Parameters<Services['warehouse']['documents']['create']>[1]);
  await create({
    kind: 'receipt', date: '2026-09-01', warehouseId: at.store, supplier: 'Alza.cz a.s.', supplierDocumentNumber: 'FA2026-081544',
    lines: DEMO_STOCK.map((l) => ({ itemId: itemId(l.code), quantity: String(l.received), unitPriceMinor: l.unitPriceMinor, ...(l.serials ? { serials: l.serials } : {}) })),
  });
  await create({
    kind: 'transfer', date: '2026-09-02', warehouseId: at.store, targetWarehouseId: at.van, note: 'Doplnění dodávky',
    lines: DEMO_STOCK.map((l) => ({ itemId: itemId(l.code), quantity: String(l.toVan), ...(l.serials ? { serials: l.serials.slice(0, l.toVan) } : {}) })),
  });
}
