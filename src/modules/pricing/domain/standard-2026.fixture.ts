/**
 * Test fixture: the price list "Standard 2026" of BILLING.md §5, shared by the
 * pricing tests and the worked examples. Not used by production code.
 */
import type { PriceListVersion } from './price-list.ts';

export const REMOTE = 'remote-support';
export const ON_SITE = 'on-site';
export const DEVELOPMENT = 'development';
export const CALL_OUT = 'call-out';
export const SSD_1TB = 'ssd-1tb';

export const STANDARD_2026: PriceListVersion = {
  priceListId: 'standard',
  validFrom: '2026-01-01',
  currency: 'CZK',
  workRates: [
    { workTypeId: REMOTE, technicianLevel: null, hourlyRateMinor: 800_00 },
    { workTypeId: ON_SITE, technicianLevel: null, hourlyRateMinor: 1_000_00 },
    { workTypeId: DEVELOPMENT, technicianLevel: null, hourlyRateMinor: 1_200_00 },
  ],
  surchargePct: { normal: 0, out_of_hours: 50, weekend_holiday: 100 },
  incrementMinutes: 15,
  minimumMinutes: [{ workTypeId: ON_SITE, minutes: 60 }],
  pricePerKmMinor: 12_00,
  unitFeePrices: [{ feeId: CALL_OUT, priceMinor: 300_00 }],
  itemPrices: [{ itemId: SSD_1TB, priceMinor: 1_890_00 }],
};

/** Internal costs of the examples. */
export const TECHNICIAN_COST_PER_HOUR = 450_00;
export const COST_PER_KM = 5_00;
