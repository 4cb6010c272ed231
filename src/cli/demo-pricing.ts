import type { Services } from '../app.ts';
import { systemContext } from '../modules/identity/index.ts';

/**
 * The price list "Standard 2026" of BILLING.md §5 (CZK, VAT 21 % on everything), its
 * names in Czech as the demo company would write them (the codes stay those of BILLING.md):
 * its catalogue, the internal costs, the list as the default, and assigned to the
 * demo client Strojírny Brno a.s. as well, with the item "SSD 1 TB" at 1 890.00
 * (a price-list item price names the item's id, so the items come first). The Slovak
 * client bills in EUR, so it gets a list of its own in EUR: without one its work would be
 * priced from the CZK default and invoiced in CZK (the draft would warn about it). The items'
 * own sale prices are in CZK and apply only to a CZK list, so the EUR list prices every item.
 */
export async function seedDemoPricing(services: Services, ids: { clientId: number; eurClientId: number; technicianIds: number[]; itemIds: Record<string, number> }): Promise<void> {
  const ctx = systemContext;
  const { catalogue, costs, priceLists } = services.pricing;
  // The Czech name is the default (Czech documents print it); the Slovak client's invoices read the Slovak names.
  const workType = (code: string, name: string, nameSk: string, nameEn: string) =>
    catalogue.createWorkType(ctx, { code, name, nameSk, nameEn, vatCategory: 'standard', billableDefault: true, minimumMinutes: 0, active: true });
  const remote = await workType('remote_support', 'Vzdálená podpora', 'Vzdialená podpora', 'Remote support');
  const onSite = await workType('on_site', 'Práce u zákazníka', 'Práca u zákazníka', 'On-site work');
  const development = await workType('development', 'Vývoj', 'Vývoj', 'Development');
  const callOut = await catalogue.createUnitFee(ctx, { code: 'call_out', name: 'Výjezd', unit: 'visit', vatCategory: 'standard', active: true });

  // One shape for both lists (surcharges, increments, the on-site minimum); the prices are each list's own.
  const terms = (p: { remote: number; onSite: number; development: number; perKm: number; callOut: number; items: Record<string, number> }) => ({
    workRates: [
      { workTypeId: remote.id, technicianLevel: null, hourlyRateMinor: p.remote },
      { workTypeId: onSite.id, technicianLevel: null, hourlyRateMinor: p.onSite },
      { workTypeId: development.id, technicianLevel: null, hourlyRateMinor: p.development },
    ],
    businessHours: { weekdays: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' },
    surchargePct: { normal: 0, out_of_hours: 50, weekend_holiday: 100 },
    incrementMinutes: 15,
    minimumMinutes: [{ workTypeId: onSite.id, minutes: 60 }],
    pricePerKmMinor: p.perKm,
    travelRatePerHourMinor: null,
    zoneFees: [],
    unitFeePrices: [{ feeId: callOut.id, priceMinor: p.callOut }],
    itemPrices: Object.entries(p.items).map(([code, priceMinor]) => ({ itemId: ids.itemIds[code]!, priceMinor })),
  });

  const list = await priceLists.create(ctx, { name: 'Standard 2026', currency: 'CZK', isDefault: true, active: true });
  await priceLists.createVersion(ctx, list.id, {
    validFrom: '2026-01-01',
    terms: terms({ remote: 800_00, onSite: 1_000_00, development: 1_200_00, perKm: 12_00, callOut: 300_00, items: { 'SSD-1TB': 1_890_00 } }),
  });
  await priceLists.setClientPriceList(ctx, ids.clientId, list.id);

  const eurList = await priceLists.create(ctx, { name: 'Standard 2026 EUR', currency: 'EUR', isDefault: false, active: true });
  await priceLists.createVersion(ctx, eurList.id, {
    validFrom: '2026-01-01',
    terms: terms({
      remote: 32_00, onSite: 40_00, development: 48_00, perKm: 48, callOut: 12_00,
      items: { 'SSD-1TB': 76_00, 'RAM-16': 52_00, 'CAB-UTP6': 1_00, 'TONER-26A': 99_00, 'SW-8P': 46_00 },
    }),
  });
  await priceLists.setClientPriceList(ctx, ids.eurClientId, eurList.id);

  for (const userId of ids.technicianIds) {
    await costs.createCostRate(ctx, { kind: 'hourly', userId, amountMinor: 450_00, currency: 'CZK', validFrom: '2026-01-01' });
  }
  await costs.createCostRate(ctx, { kind: 'per_km', amountMinor: 5_00, currency: 'CZK', validFrom: '2026-01-01' });
}
