/**
 * Stock at weighted-average cost (BILLING.md §2: material cost is quantity ×
 * the weighted-average cost at the moment of issue). A balance keeps the
 * quantity and the VALUE of the stock, not an average: the average is value ÷
 * quantity, each issue takes its share of the value rounded once, and issuing
 * the last piece takes exactly the value that is left, so the value never drifts
 * below zero and an empty warehouse is worth exactly 0.
 */
import { mulDivRound, type MinorUnits } from '../../../shared/money.ts';
import { multiplyQuantity, QUANTITY_SCALE, type QuantityMilli } from '../../../shared/quantity.ts';

export interface Balance {
  readonly quantityMilli: QuantityMilli;
  readonly valueMinor: MinorUnits;
}

export const EMPTY: Balance = { quantityMilli: 0, valueMinor: 0 };

function positive(quantity: QuantityMilli, what: string): void {
  if (!Number.isSafeInteger(quantity) || quantity <= 0) throw new RangeError(`${what} must be a positive number of thousandths, got ${quantity}`);
}

/** The weighted-average cost of one unit, rounded; null when there is no stock. */
export function averageUnitCost(b: Balance): MinorUnits | null {
  return b.quantityMilli <= 0 ? null : mulDivRound(b.valueMinor, QUANTITY_SCALE, 1, b.quantityMilli);
}

/** Stock in at a price per unit: the value grows by round(quantity × price). */
export function receive(b: Balance, quantityMilli: QuantityMilli, unitPriceMinor: MinorUnits): { balance: Balance; valueMinor: MinorUnits } {
  positive(quantityMilli, 'quantity');
  if (!Number.isSafeInteger(unitPriceMinor) || unitPriceMinor < 0) throw new RangeError(`unit price must be 0 or more, got ${unitPriceMinor}`);
  return addValue(b, quantityMilli, multiplyQuantity(quantityMilli, unitPriceMinor));
}

/** Stock in at a given total value (transfers and returns bring their cost with them). */
export function addValue(b: Balance, quantityMilli: QuantityMilli, valueMinor: MinorUnits): { balance: Balance; valueMinor: MinorUnits } {
  positive(quantityMilli, 'quantity');
  if (!Number.isSafeInteger(valueMinor) || valueMinor < 0) throw new RangeError(`value must be 0 or more, got ${valueMinor}`);
  return { balance: { quantityMilli: b.quantityMilli + quantityMilli, valueMinor: b.valueMinor + valueMinor }, valueMinor };
}

/**
 * The value that leaves with `quantity` at the weighted-average cost: its share
 * of the stock value, rounded once; all of it when the stock is emptied.
 */
export function issueValue(b: Balance, quantityMilli: QuantityMilli): MinorUnits {
  positive(quantityMilli, 'quantity');
  if (quantityMilli > b.quantityMilli) throw new RangeError(`cannot take ${quantityMilli} from a stock of ${b.quantityMilli}`);
  return quantityMilli === b.quantityMilli ? b.valueMinor : mulDivRound(b.valueMinor, quantityMilli, 1, b.quantityMilli);
}

/** Stock out at the weighted-average cost. Refuses (RangeError) to go below zero. */
export function issue(b: Balance, quantityMilli: QuantityMilli): { balance: Balance; valueMinor: MinorUnits } {
  const valueMinor = issueValue(b, quantityMilli);
  return { balance: { quantityMilli: b.quantityMilli - quantityMilli, valueMinor: b.valueMinor - valueMinor }, valueMinor };
}

/**
 * A stock count: the quantity found replaces the balance. Less found: the
 * missing part leaves at the average cost. More found: the surplus comes in at
 * the average cost, or at `unitCostIfEmpty` when there was no stock to average
 * (null then: the count cannot value it and is refused by the caller).
 */
export function count(b: Balance, countedMilli: QuantityMilli, unitCostIfEmpty: MinorUnits | null): { deltaMilli: QuantityMilli; deltaValueMinor: MinorUnits; balance: Balance } | null {
  if (!Number.isSafeInteger(countedMilli) || countedMilli < 0) throw new RangeError(`counted quantity must be 0 or more, got ${countedMilli}`);
  const delta = countedMilli - b.quantityMilli;
  if (delta === 0) return { deltaMilli: 0, deltaValueMinor: 0, balance: b };
  if (delta < 0) {
    const out = issue(b, -delta);
    return { deltaMilli: delta, deltaValueMinor: -out.valueMinor, balance: out.balance };
  }
  const unit = averageUnitCost(b) ?? unitCostIfEmpty;
  if (unit === null) return null;
  const added = b.quantityMilli > 0 ? mulDivRound(b.valueMinor, delta, 1, b.quantityMilli) : multiplyQuantity(delta, unit);
  const inn = addValue(b, delta, added);
  return { deltaMilli: delta, deltaValueMinor: added, balance: inn.balance };
}

/**
 * The share of an original amount (a slip line's cost, or its material record's
 * price) that goes with returning `quantity` of it, given what earlier returns
 * already took: the share of everything returned so far less what earlier
 * returns took, so partial returns never drift and the last one takes exactly
 * what is left: so returning everything gives back exactly the original.
 */
export function returnShare(
  original: { quantityMilli: QuantityMilli; amountMinor: MinorUnits },
  returnedBefore: { quantityMilli: QuantityMilli; amountMinor: MinorUnits },
  quantityMilli: QuantityMilli,
): MinorUnits {
  positive(quantityMilli, 'quantity');
  const left = original.quantityMilli - returnedBefore.quantityMilli;
  if (quantityMilli > left) throw new RangeError(`cannot return ${quantityMilli}: only ${left} is left to return`);
  // Cumulative: the share of everything returned so far, less what earlier returns took (never negative, ends exact).
  return mulDivRound(original.amountMinor, returnedBefore.quantityMilli + quantityMilli, 1, original.quantityMilli) - returnedBefore.amountMinor;
}
