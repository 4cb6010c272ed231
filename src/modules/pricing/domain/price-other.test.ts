import { describe, it, expect } from 'vitest';
import { parseQuantity, quantityOf } from '../../../shared/quantity.ts';
import type { PriceListVersion } from './price-list.ts';
import { priceMaterial, priceTravel, priceUnitFee } from './price-other.ts';
import { CALL_OUT, COST_PER_KM, SSD_1TB, STANDARD_2026 } from './standard-2026.fixture.ts';

const czk = (amountMinor: number) => ({ amountMinor, currency: 'CZK' });

describe('priceTravel', () => {
  it('prices distance: round(km × price per km) (Example A: 36 km)', () => {
    expect(priceTravel({ priceList: STANDARD_2026, kmMilli: parseQuantity('36'), costPerKmMinor: COST_PER_KM })).toEqual({
      ok: true, method: 'distance', kmAmountMinor: 432_00, timeAmountMinor: 0, amountMinor: 432_00, costMinor: 180_00,
    });
    const fractional = priceTravel({ priceList: STANDARD_2026, kmMilli: parseQuantity('12.345') });
    expect(fractional.ok && fractional.amountMinor).toBe(148_14); // 148.14
  });

  it('adds travel time when the list has a travel rate', () => {
    const list: PriceListVersion = { ...STANDARD_2026, travelRatePerHourMinor: 400_00 };
    const result = priceTravel({ priceList: list, kmMilli: parseQuantity('10'), minutes: 25 });
    expect(result.ok && result.method === 'distance' && [result.kmAmountMinor, result.timeAmountMinor, result.amountMinor]).toEqual([120_00, 166_67, 286_67]);
    const onlyTime = priceTravel({ priceList: { ...list, pricePerKmMinor: null }, kmMilli: 0, minutes: 30 });
    expect(onlyTime.ok && onlyTime.amountMinor).toBe(200_00);
  });

  it('takes the zone fee when the zone is priced, else falls back to km', () => {
    const list: PriceListVersion = { ...STANDARD_2026, zoneFees: [{ zoneId: 'prague', feeMinor: 350_00 }] };
    expect(priceTravel({ priceList: list, zoneId: 'prague', kmMilli: parseQuantity('36') })).toMatchObject({ ok: true, method: 'zone', amountMinor: 350_00 });
    expect(priceTravel({ priceList: list, zoneId: 'brno', kmMilli: parseQuantity('36') })).toMatchObject({ ok: true, method: 'distance', amountMinor: 432_00 });
  });

  it('does not price distance at 0 when the list has no km price', () => {
    const list: PriceListVersion = { ...STANDARD_2026, pricePerKmMinor: null };
    expect(priceTravel({ priceList: list, kmMilli: parseQuantity('5') })).toEqual({ ok: false, reason: 'no_km_price' });
    expect(priceTravel({ priceList: list, kmMilli: 0 })).toEqual({ ok: false, reason: 'no_km_price' });
  });
});

describe('priceUnitFee', () => {
  it('is round(quantity × fee price)', () => {
    expect(priceUnitFee({ priceList: STANDARD_2026, feeId: CALL_OUT, quantityMilli: quantityOf(1) })).toEqual({ ok: true, unitPriceMinor: 300_00, amountMinor: 300_00 });
    expect(priceUnitFee({ priceList: STANDARD_2026, feeId: CALL_OUT, quantityMilli: parseQuantity('0.333') })).toMatchObject({ amountMinor: 99_90 });
  });

  it('reports a fee without price', () => {
    expect(priceUnitFee({ priceList: STANDARD_2026, feeId: 'parking', quantityMilli: 1000 })).toEqual({ ok: false, reason: 'no_fee_price', feeId: 'parking' });
  });
});

describe('priceMaterial', () => {
  it('prices 2 × SSD from the price list (Example A)', () => {
    expect(priceMaterial({ priceList: STANDARD_2026, itemId: SSD_1TB, quantityMilli: quantityOf(2), itemSalePrice: czk(2_000_00), averageCostMinor: 1_400_00 })).toEqual({
      ok: true, unitPriceMinor: 1_890_00, priceSource: 'price_list', grossMinor: 3_780_00, discountMinor: 0, amountMinor: 3_780_00, costMinor: 2_800_00,
    });
  });

  it("falls back to the item's sale price, and reports no price at all", () => {
    expect(priceMaterial({ priceList: STANDARD_2026, itemId: 'cable', quantityMilli: quantityOf(3), itemSalePrice: czk(99_90) })).toMatchObject({ ok: true, priceSource: 'item', amountMinor: 299_70 });
    expect(priceMaterial({ priceList: STANDARD_2026, itemId: 'cable', quantityMilli: quantityOf(3), itemSalePrice: null })).toEqual({ ok: false, reason: 'no_item_price', itemId: 'cable' });
  });

  it("never takes the item's own price in another currency than the list's: not priced, the price named", () => {
    // A list in EUR, the item priced 1 290,00 CZK: not 1 290,00 EUR.
    const eur: PriceListVersion = { ...STANDARD_2026, currency: 'EUR' };
    expect(priceMaterial({ priceList: eur, itemId: 'ram', quantityMilli: quantityOf(1), itemSalePrice: czk(1_290_00) })).toEqual({
      ok: false, reason: 'no_item_price', itemId: 'ram', otherCurrencyPrice: czk(1_290_00),
    });
    // The list's own price for the item still applies, whatever the item's currency.
    expect(priceMaterial({ priceList: eur, itemId: SSD_1TB, quantityMilli: quantityOf(2), itemSalePrice: czk(2_000_00) })).toMatchObject({
      ok: true, priceSource: 'price_list', unitPriceMinor: 1_890_00, amountMinor: 3_780_00,
    });
    // An item priced in the list's currency is taken as before.
    expect(priceMaterial({ priceList: eur, itemId: 'ram', quantityMilli: quantityOf(1), itemSalePrice: { amountMinor: 52_00, currency: 'EUR' } })).toMatchObject({
      ok: true, priceSource: 'item', amountMinor: 52_00,
    });
  });

  it('applies the client discount with one rounding of the exact product', () => {
    // 3 × 33.33 = 99.99; less 2.5 % = 97.49025 → 97.49; discount shown 2.50
    const result = priceMaterial({ priceList: STANDARD_2026, itemId: 'x', quantityMilli: quantityOf(3), itemSalePrice: czk(33_33), discountBp: 250 });
    expect(result).toMatchObject({ ok: true, grossMinor: 99_99, amountMinor: 97_49, discountMinor: 2_50 });
    // 10 % of 2 × 1 890.00
    expect(priceMaterial({ priceList: STANDARD_2026, itemId: SSD_1TB, quantityMilli: quantityOf(2), itemSalePrice: null, discountBp: 1000 })).toMatchObject({ amountMinor: 3_402_00, discountMinor: 378_00 });
    expect(() => priceMaterial({ priceList: STANDARD_2026, itemId: SSD_1TB, quantityMilli: 1000, itemSalePrice: null, discountBp: 10_001 })).toThrow(RangeError);
  });
});
