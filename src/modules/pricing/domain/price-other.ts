/**
 * Pricing travel, unit fees and material (BILLING.md §2). Quantities (km,
 * pieces, fee units) are thousandths; each amount is rounded once, where the
 * rule names it.
 */
import { addMinor, hourlyAmount, mulDivRound, type MinorUnits, type Money } from '../../../shared/money.ts';
import { multiplyQuantity, type QuantityMilli } from '../../../shared/quantity.ts';
import { compiledPriceList, type PriceListVersion } from './price-list.ts';

function assertQuantity(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative integer of thousandths, got ${value}`);
}

// ---------------------------------------------------------------- travel

export interface TravelInput {
  readonly priceList: PriceListVersion;
  /** The zone named on the entry, if any. */
  readonly zoneId?: string | null;
  readonly kmMilli: QuantityMilli;
  /** Travel time in minutes; priced only when the price list has a travel rate. */
  readonly minutes?: number;
  /** Internal cost per km; null when unknown (cost is then null, not 0). */
  readonly costPerKmMinor?: MinorUnits | null;
}

export type PricedTravel =
  | {
      readonly ok: true;
      readonly method: 'zone';
      readonly zoneId: string;
      readonly amountMinor: MinorUnits;
      readonly costMinor: MinorUnits | null;
    }
  | {
      readonly ok: true;
      readonly method: 'distance';
      readonly kmAmountMinor: MinorUnits;
      readonly timeAmountMinor: MinorUnits;
      readonly amountMinor: MinorUnits;
      readonly costMinor: MinorUnits | null;
    };

export type TravelPriceResult = PricedTravel | { readonly ok: false; readonly reason: 'no_km_price' };

/**
 * Zone fee when the entry names a zone the price list prices; otherwise
 * round(km × price per km) + round(minutes × travel rate / 60) when there is a
 * travel rate. Distance without a price per km cannot be priced (never 0).
 */
export function priceTravel(input: TravelInput): TravelPriceResult {
  const list = compiledPriceList(input.priceList);
  assertQuantity(input.kmMilli, 'km');
  const minutes = input.minutes ?? 0;
  if (!Number.isSafeInteger(minutes) || minutes < 0) throw new RangeError(`travel minutes must be whole and non-negative, got ${minutes}`);
  const costPerKm = input.costPerKmMinor ?? null;
  const costMinor = costPerKm === null ? null : multiplyQuantity(input.kmMilli, costPerKm);

  const zoneId = input.zoneId ?? null;
  if (zoneId !== null) {
    const zoneFee = list.zoneFees.get(zoneId);
    if (zoneFee !== undefined) return { ok: true, method: 'zone', zoneId, amountMinor: zoneFee, costMinor };
  }
  const pricePerKm = input.priceList.pricePerKmMinor ?? null;
  const travelRate = input.priceList.travelRatePerHourMinor ?? null;
  // Without a km price only a zero-km trip with a travel rate can be priced.
  if (pricePerKm === null && (input.kmMilli > 0 || travelRate === null)) return { ok: false, reason: 'no_km_price' };
  const kmAmountMinor = pricePerKm === null ? 0 : multiplyQuantity(input.kmMilli, pricePerKm);
  const timeAmountMinor = travelRate === null ? 0 : hourlyAmount(minutes, travelRate);
  return { ok: true, method: 'distance', kmAmountMinor, timeAmountMinor, amountMinor: addMinor(kmAmountMinor, timeAmountMinor), costMinor };
}

// ---------------------------------------------------------------- unit fee

export interface UnitFeeInput {
  readonly priceList: PriceListVersion;
  readonly feeId: string;
  readonly quantityMilli: QuantityMilli;
}

export type UnitFeePriceResult =
  | { readonly ok: true; readonly unitPriceMinor: MinorUnits; readonly amountMinor: MinorUnits }
  | { readonly ok: false; readonly reason: 'no_fee_price'; readonly feeId: string };

/** round(quantity × fee price); a fee the price list does not price is not priced. */
export function priceUnitFee(input: UnitFeeInput): UnitFeePriceResult {
  assertQuantity(input.quantityMilli, 'quantity');
  const unitPriceMinor = compiledPriceList(input.priceList).unitFeePrices.get(input.feeId);
  if (unitPriceMinor === undefined) return { ok: false, reason: 'no_fee_price', feeId: input.feeId };
  return { ok: true, unitPriceMinor, amountMinor: multiplyQuantity(input.quantityMilli, unitPriceMinor) };
}

// ---------------------------------------------------------------- material

export interface MaterialInput {
  readonly priceList: PriceListVersion;
  readonly itemId: string;
  readonly quantityMilli: QuantityMilli;
  /**
   * The item's own sale price with its currency (the provider's: CZK in CZ, EUR in SK),
   * used when the price list has none and only when it is in the list's currency.
   */
  readonly itemSalePrice: Money | null;
  /** The client's discount on material in basis points (1 % = 100); 0 or absent = none. */
  readonly discountBp?: number;
  /** Weighted-average cost per unit at the moment of issue; null when unknown. */
  readonly averageCostMinor?: MinorUnits | null;
}

export type MaterialPriceResult =
  | {
      readonly ok: true;
      readonly unitPriceMinor: MinorUnits;
      readonly priceSource: 'price_list' | 'item';
      /** round(quantity × unit price), before the discount. */
      readonly grossMinor: MinorUnits;
      /** gross − amount, so the three always add up. */
      readonly discountMinor: MinorUnits;
      readonly amountMinor: MinorUnits;
      readonly costMinor: MinorUnits | null;
    }
  | {
      readonly ok: false;
      readonly reason: 'no_item_price';
      readonly itemId: string;
      /** The item's own price when it was left out for being in another currency than the list's. */
      readonly otherCurrencyPrice?: Money;
    };

const BP_SCALE = 10_000;

/**
 * round(quantity × sale price × (1 − discount)), rounded ONCE on the exact
 * product (so a discount never adds a second rounding error); the discount shown
 * is the difference to round(quantity × sale price). Sale price: the price
 * list's item price, else the item's own when it is in the list's currency;
 * neither = not priced (never 0). An item's price in another currency is never
 * taken as it is, nor converted: pricing has no exchange rate (BILLING.md §2 knows
 * none for sale prices), so a list in another currency must price the item itself.
 */
export function priceMaterial(input: MaterialInput): MaterialPriceResult {
  assertQuantity(input.quantityMilli, 'quantity');
  const discountBp = input.discountBp ?? 0;
  if (!Number.isSafeInteger(discountBp) || discountBp < 0 || discountBp > BP_SCALE) {
    throw new RangeError(`material discount must be 0..10000 basis points, got ${discountBp}`);
  }
  const listPrice = compiledPriceList(input.priceList).itemPrices.get(input.itemId);
  const own = input.itemSalePrice;
  if (listPrice === undefined && own !== null && own.currency !== input.priceList.currency) {
    return { ok: false, reason: 'no_item_price', itemId: input.itemId, otherCurrencyPrice: own };
  }
  const unitPriceMinor = listPrice ?? own?.amountMinor ?? null;
  if (unitPriceMinor === null) return { ok: false, reason: 'no_item_price', itemId: input.itemId };
  if (!Number.isSafeInteger(unitPriceMinor) || unitPriceMinor < 0) throw new RangeError(`item price must be a non-negative integer, got ${unitPriceMinor}`);

  const grossMinor = multiplyQuantity(input.quantityMilli, unitPriceMinor);
  const amountMinor = discountBp === 0 ? grossMinor : mulDivRound(input.quantityMilli, unitPriceMinor, BP_SCALE - discountBp, 1000 * BP_SCALE);
  const averageCost = input.averageCostMinor ?? null;
  return {
    ok: true,
    unitPriceMinor,
    priceSource: listPrice === undefined ? 'item' : 'price_list',
    grossMinor,
    discountMinor: grossMinor - amountMinor,
    amountMinor,
    costMinor: averageCost === null ? null : multiplyQuantity(input.quantityMilli, averageCost),
  };
}
