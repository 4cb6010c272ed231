import { describe, it, expect } from 'vitest';
import type { PriceListVersion } from './price-list.ts';
import { selectPriceList } from './select-price-list.ts';
import { STANDARD_2026 } from './standard-2026.fixture.ts';

const version = (priceListId: string, validFrom: string): PriceListVersion => ({ ...STANDARD_2026, priceListId, validFrom });
const versions = [version('std', '2025-01-01'), version('std', '2026-01-01'), version('std', '2026-07-01'), version('vip', '2026-03-01'), version('acme', '2026-01-01')];

describe('selectPriceList', () => {
  it('prefers the contract list, then the client list, then the default', () => {
    expect(selectPriceList('vip', 'acme', 'std', versions, '2026-10-05')).toMatchObject({ ok: true, source: 'contract', priceListId: 'vip' });
    expect(selectPriceList(null, 'acme', 'std', versions, '2026-10-05')).toMatchObject({ ok: true, source: 'client', priceListId: 'acme' });
    expect(selectPriceList(null, null, 'std', versions, '2026-10-05')).toMatchObject({ ok: true, source: 'default', priceListId: 'std' });
    expect(selectPriceList(null, null, null, versions, '2026-10-05')).toEqual({ ok: false, reason: 'no_price_list' });
  });

  it('takes the version valid on the date', () => {
    const pick = (date: string) => {
      const selection = selectPriceList(null, null, 'std', versions, date);
      return selection.ok ? selection.version.validFrom : selection.reason;
    };
    expect(pick('2024-12-31')).toBe('no_version_on_date');
    expect(pick('2025-01-01')).toBe('2025-01-01');
    expect(pick('2026-06-30')).toBe('2026-01-01');
    expect(pick('2026-07-01')).toBe('2026-07-01');
    expect(pick('2030-01-01')).toBe('2026-07-01');
  });

  it("does not fall back to another list when the chosen one has no version yet", () => {
    expect(selectPriceList('vip', null, 'std', versions, '2026-02-01')).toEqual({ ok: false, reason: 'no_version_on_date', source: 'contract', priceListId: 'vip' });
  });

  it('refuses two versions of a list valid from the same day when that day decides', () => {
    expect(() => selectPriceList(null, null, 'std', [...versions, version('std', '2026-01-01')], '2026-03-01')).toThrow(RangeError);
  });
});
