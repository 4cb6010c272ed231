// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatTenthsPercent } from './format';
import { bpToTenths } from './profitPercent';

describe('bpToTenths', () => {
  it('rounds basis points to tenths half away from zero, in integers', () => {
    expect(bpToTenths(8261)).toBe(826);
    expect(bpToTenths(8265)).toBe(827); // 0.8265 as a float is 0.82649999…: Intl alone would show 82.6
    expect(bpToTenths(6667)).toBe(667);
    expect(bpToTenths(-5)).toBe(-1);
    expect(bpToTenths(null)).toBeNull();
  });

  it('shows the prepaid use as the CSV writes it (66.7, not 66.67)', () => {
    expect(formatTenthsPercent(bpToTenths(6667), 'en-GB')).toBe('66.7%');
    expect(formatTenthsPercent(bpToTenths(8265), 'en-GB')).toBe('82.7%');
  });
});
