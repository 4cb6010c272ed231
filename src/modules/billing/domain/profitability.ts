/**
 * Profitability (BILLING.md §4): margin and margin % of revenue against cost.
 *
 * The margin % is returned as an integer number of basis points of revenue
 * (hundredths of a percent), rounded half away from zero: 3 640.00 of
 * 6 440.00 is 0.565217… → 5652 bp = 56.52 %. Integers keep sums and
 * comparisons exact. A display with fewer decimals (56.5 % in Example B) must
 * round from the exact ratio, not from the basis points (that would round
 * twice: 0.565499 → 5655 bp → 56.6 %), so use `marginPercentScaled`.
 * No revenue → null (the percentage is undefined).
 */
import { mulDivRound, type MinorUnits } from '../../../shared/money.ts';

export interface Profitability {
  readonly revenueMinor: MinorUnits;
  readonly costMinor: MinorUnits;
  readonly marginMinor: MinorUnits;
  /** Margin as basis points of revenue (5652 = 56.52 %); null when revenue is 0. */
  readonly marginBp: number | null;
}

export function profitability(revenueMinor: MinorUnits, costMinor: MinorUnits): Profitability {
  const marginMinor = revenueMinor - costMinor;
  if (!Number.isSafeInteger(marginMinor)) throw new RangeError('revenue and cost must be safe integers');
  return {
    revenueMinor,
    costMinor,
    marginMinor,
    marginBp: revenueMinor === 0 ? null : mulDivRound(marginMinor, 10_000, 1, revenueMinor),
  };
}

/**
 * Margin % scaled to an integer with the given decimals, rounded once from the
 * exact ratio: decimals 1 → 565 for 56.5 %. Null when revenue is 0.
 */
export function marginPercentScaled(result: Pick<Profitability, 'marginMinor' | 'revenueMinor'>, decimals: number): number | null {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) throw new RangeError(`decimals must be 0..6, got ${decimals}`);
  if (result.revenueMinor === 0) return null;
  return mulDivRound(result.marginMinor, 100 * 10 ** decimals, 1, result.revenueMinor);
}
