// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { VatRate } from './catalogueApi';
import { currentIds, latestRate, rateCountries } from './vatRates';

const rate = (id: number, country: string, category: VatRate['category'], rateBp: number, validFrom: string, validTo: string | null = null): VatRate =>
  ({ id, country, category, rateBp, validFrom, validTo });

const rates: VatRate[] = [
  rate(1, 'CZ', 'standard', 2100, '2024-01-01'),
  rate(2, 'CZ', 'standard', 2300, '2027-01-01'),
  rate(3, 'CZ', 'reduced', 1500, '2013-01-01'),
  rate(4, 'CZ', 'reduced', 1200, '2024-01-01'),
  // A category that ended: nothing applies after its end, not even the row before it.
  rate(5, 'SK', 'second_reduced', 1000, '2020-01-01'),
  rate(6, 'SK', 'second_reduced', 500, '2025-01-01', '2026-06-30'),
];

describe('the VAT rate table', () => {
  it('marks as valid today the latest rate started by today of each country and category, unless it has ended', () => {
    expect([...currentIds(rates, '2026-11-02')].sort()).toEqual([1, 4]);
    expect([...currentIds(rates, '2026-06-30')].sort()).toEqual([1, 4, 6]);
    expect([...currentIds(rates, '2027-01-01')].sort()).toEqual([2, 4]);
  });

  it('names the latest rate of a country and category, which a new one must start after', () => {
    expect(latestRate(rates, 'CZ', 'standard')?.id).toBe(2);
    expect(latestRate(rates, ' cz ', 'reduced')?.id).toBe(4);
    expect(latestRate(rates, 'SK', 'second_reduced')?.id).toBe(6);
    expect(latestRate(rates, 'SK', 'standard')).toBeNull();
  });

  it('offers the provider\'s countries and any other that has rates, once each', () => {
    expect(rateCountries(rates)).toEqual(['CZ', 'SK']);
    expect(rateCountries([...rates, rate(7, 'AT', 'standard', 2000, '2024-01-01')])).toEqual(['CZ', 'SK', 'AT']);
  });
});
