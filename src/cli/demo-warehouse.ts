import type { Services } from '../app.ts';
import { systemContext, type RequestContext } from '../modules/identity/index.ts';

/**
 * The demo's stock items and warehouses. The SSD 1 TB is what the price list
 * "Standard 2026" prices at 1 890.00 (its own sale price is the same). Nothing is
 * received: trying the warehouse starts with a receipt (e.g. 10 SSDs at 1 500.00
 * and 10 at 1 700.00, then a transfer to the van and an issue slip for a ticket).
 */
export async function seedDemoItems(services: Services): Promise<{ ssd: number }> {
  const ctx = systemContext;
  const { items } = services.warehouse;
  const item = (code: string, name: string, unit: string, salePriceMinor: number | null, extra: { ean?: string; serialTracking?: boolean } = {}) =>
    items.create(ctx, { code, name, unit, vatCategory: 'standard', salePriceMinor, serialTracking: extra.serialTracking ?? false, active: true, ean: extra.ean ?? null });
  const ssd = await item('SSD-1TB', 'SSD 1 TB', 'pcs', 1_890_00, { ean: '8594000000012' });
  await item('RAM-16', 'Paměť RAM 16 GB DDR4', 'pcs', 1_290_00, { ean: '8594000000029' });
  await item('CAB-UTP6', 'Kabel UTP Cat6', 'm', 25_00);
  await item('TONER-26A', 'Toner HP 26A', 'pcs', 2_450_00);
  await item('SW-8P', 'Switch 8 portů', 'pcs', 1_150_00, { serialTracking: true });
  return { ssd: ssd.id };
}

/** "Hlavní sklad" (the operator may use it) and the demo technician's van, his default warehouse. */
export async function seedDemoWarehouses(services: Services, people: { technician: { id: number; name: string }; operatorId: number | undefined }): Promise<void> {
  const { warehouses } = services.warehouse;
  await warehouses.create(systemContext, { code: 'HLAVNI', name: 'Hlavní sklad', kind: 'store', ownerUserId: null, userIds: people.operatorId ? [people.operatorId] : [], active: true });
  const van = await warehouses.create(systemContext, { code: 'VAN-TECHNIK', name: `Dodávka – ${people.technician.name}`, kind: 'van', ownerUserId: people.technician.id, userIds: [], active: true });
  const asTechnician: RequestContext = { actor: { userId: people.technician.id, name: people.technician.name, roles: ['technician'], clientId: null, tokenId: null }, ip: null };
  await warehouses.setMyDefault(asTechnician, van.id);
}
