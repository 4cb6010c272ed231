import { describe, it, expect } from 'vitest';
import { marginPercentScaled, profitability } from './profitability.ts';

describe('profitability', () => {
  it('computes margin and margin % in basis points of revenue', () => {
    const result = profitability(6_440_00, 2_800_00);
    expect(result).toEqual({ revenueMinor: 6_440_00, costMinor: 2_800_00, marginMinor: 3_640_00, marginBp: 5652 });
    expect(marginPercentScaled(result, 1)).toBe(565); // 56.5 %
  });

  it('handles losses and zero revenue', () => {
    expect(profitability(1_000_00, 1_500_00)).toMatchObject({ marginMinor: -500_00, marginBp: -5000 });
    expect(profitability(0, 100)).toMatchObject({ marginMinor: -100, marginBp: null });
    expect(marginPercentScaled(profitability(0, 100), 1)).toBeNull();
  });

  it('rounds the display once, from the exact ratio', () => {
    // 0.5654995: 5655 bp, but one decimal is 56.5 %, not 56.6 %
    const result = profitability(10_000_000, 4_345_005);
    expect(result.marginBp).toBe(5655);
    expect(marginPercentScaled(result, 1)).toBe(565);
  });
});
