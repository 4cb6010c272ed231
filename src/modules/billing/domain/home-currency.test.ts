import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { convertMinor, homeCurrencyOf, homeCurrencyVat, needsExchangeRate, parseExchangeRate } from './home-currency.ts';

const rate = (text: string) => parseExchangeRate(text)!;

describe('parseExchangeRate', () => {
  it('accepts positive decimals with at most 6 decimals', () => {
    expect(rate('24.335')).toEqual({ text: '24.335', scaled: 24335n, denominator: 1000n });
    expect(rate('1')).toEqual({ text: '1', scaled: 1n, denominator: 1n });
    expect(rate('0.040123')).toEqual({ text: '0.040123', scaled: 40123n, denominator: 1_000_000n });
  });
  it.each(['0', '0.000', '-24.3', '+24.3', '2.4e1', '24,335', '24.', '.5', '1.1234567', '', ' 24.3', 'abc', 'Infinity'])('refuses %j', (text) => {
    expect(parseExchangeRate(text)).toBeNull();
  });
});

describe('convertMinor', () => {
  it('multiplies exactly and rounds half away from zero', () => {
    expect(convertMinor(1000_00, rate('24.335'))).toBe(24335_00);
    expect(convertMinor(210_00, rate('24.335'))).toBe(5110_35);
    expect(convertMinor(1, rate('0.5'))).toBe(1); // 0.5 → 1
    expect(convertMinor(-1, rate('0.5'))).toBe(-1); // −0.5 → −1
    expect(convertMinor(3, rate('0.5'))).toBe(2); // 1.5 → 2
    expect(convertMinor(1, rate('0.499999'))).toBe(0);
  });
  it('equals the exact rational product rounded (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e8, max: 1e8 }), fc.integer({ min: 1, max: 9_999_999 }), fc.integer({ min: 0, max: 6 }), (amount, scaled, decimals) => {
        const text = decimals === 0 ? String(scaled) : `${String(scaled).padStart(decimals + 1, '0').slice(0, -decimals)}.${String(scaled).padStart(decimals + 1, '0').slice(-decimals)}`;
        const r = parseExchangeRate(text)!;
        const converted = convertMinor(amount, r);
        // |amount × rate − converted| ≤ 1/2, and exactly 1/2 only away from zero.
        const diff2 = 2n * (BigInt(amount) * r.scaled - BigInt(converted) * r.denominator);
        expect(diff2 <= r.denominator && diff2 >= -r.denominator).toBe(true);
        if (diff2 === r.denominator) expect(amount).toBeLessThan(0);
        if (diff2 === -r.denominator) expect(amount).toBeGreaterThan(0);
        expect(convertMinor(-amount, r)).toBe(-converted || 0);
      }),
    );
  });
});

describe('homeCurrencyVat', () => {
  it('converts each group once and sums the converted groups', () => {
    const vat = homeCurrencyVat(
      [
        { vatRateBp: 2100, baseMinor: 1000_00, vatMinor: 210_00, totalMinor: 1210_00 },
        { vatRateBp: 1200, baseMinor: 33, vatMinor: 4, totalMinor: 37 },
      ],
      'CZK', rate('24.335'), '2026-10-30',
    );
    expect(vat).toEqual({
      currency: 'CZK', rate: '24.335', rateDate: '2026-10-30',
      groups: [
        { vatRateBp: 2100, baseMinor: 24335_00, vatMinor: 5110_35 },
        { vatRateBp: 1200, baseMinor: 803, vatMinor: 97 }, // 8.03055 → 8.03; 0.9734 → 0.97
      ],
      baseMinor: 24335_00 + 803,
      vatMinor: 5110_35 + 97,
    });
  });
  it('totals are always the sums of the groups (property)', () => {
    const group = fc.record({ vatRateBp: fc.constantFrom(2100, 1200, 0), baseMinor: fc.integer({ min: -1e8, max: 1e8 }), vatMinor: fc.integer({ min: -1e7, max: 1e7 }) });
    fc.assert(
      fc.property(fc.array(group, { maxLength: 4 }), fc.constantFrom('24.335', '0.04', '25.1', '1'), (groups, text) => {
        const vat = homeCurrencyVat(groups.map((g) => ({ ...g, totalMinor: g.baseMinor + g.vatMinor })), 'CZK', rate(text), '2026-01-01');
        expect(vat.baseMinor).toBe(vat.groups.reduce((s, g) => s + g.baseMinor, 0));
        expect(vat.vatMinor).toBe(vat.groups.reduce((s, g) => s + g.vatMinor, 0));
      }),
    );
  });
});

describe('home currency and when a rate is needed', () => {
  it('CZ → CZK, SK → EUR', () => {
    expect([homeCurrencyOf('CZ'), homeCurrencyOf('SK'), homeCurrencyOf('DE')]).toEqual(['CZK', 'EUR', null]);
  });
  it('only for a VAT payer charging VAT in a foreign currency', () => {
    const base = { vatPayer: true, homeCurrency: 'CZK', currency: 'EUR', reverseCharge: false, vatMinor: 210_00 };
    expect(needsExchangeRate(base)).toBe(true);
    expect(needsExchangeRate({ ...base, vatPayer: false })).toBe(false);
    expect(needsExchangeRate({ ...base, currency: 'CZK' })).toBe(false);
    expect(needsExchangeRate({ ...base, reverseCharge: true })).toBe(false);
    expect(needsExchangeRate({ ...base, vatMinor: 0 })).toBe(false);
  });
});
