import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatQuantity, multiplyQuantity, parseQuantity, quantityOf, tryParseQuantity } from './quantity.ts';

describe('quantity', () => {
  it('parses up to 3 decimals into thousandths', () => {
    expect(parseQuantity('36')).toBe(36000);
    expect(parseQuantity('1.5')).toBe(1500);
    expect(parseQuantity('0.125')).toBe(125);
    expect(parseQuantity('-2.25')).toBe(-2250);
    expect(parseQuantity('-0')).toBe(0);
    expect(Object.is(parseQuantity('-0'), 0)).toBe(true);
  });

  it('rejects more than 3 decimals and anything non-numeric', () => {
    for (const bad of ['1.2345', '', 'abc', '1,5', '1.', '.5', '+1', ' 1', '1e3', '0x10', 'NaN', 'Infinity', '1.5.2', '--1']) {
      expect(tryParseQuantity(bad), bad).toBeNull();
    }
    expect(() => parseQuantity('1.2345')).toThrow(RangeError);
    expect(tryParseQuantity('99999999999999999999')).toBeNull();
  });

  it('formats back to the shortest text', () => {
    expect(formatQuantity(36000)).toBe('36');
    expect(formatQuantity(1500)).toBe('1.5');
    expect(formatQuantity(125)).toBe('0.125');
    expect(formatQuantity(-2250)).toBe('-2.25');
    expect(formatQuantity(0)).toBe('0');
    expect(() => formatQuantity(1.5)).toThrow(RangeError);
  });

  it('round-trips format → parse and parse → format (property)', () => {
    const milli = fc.integer({ min: -(2 ** 50), max: 2 ** 50 });
    fc.assert(
      fc.property(milli, (q) => {
        expect(parseQuantity(formatQuantity(q))).toBe(q);
      }),
    );
    const text = fc
      .tuple(fc.boolean(), fc.integer({ min: 1, max: 10 ** 9 }), fc.stringMatching(/^(\.\d{0,2}[1-9])?$/))
      .map(([neg, whole, frac]) => `${neg ? '-' : ''}${whole}${frac}`);
    fc.assert(
      fc.property(text, (t) => {
        expect(formatQuantity(parseQuantity(t))).toBe(t);
      }),
    );
  });

  it('multiplies by a unit price with one rounding, half away from zero', () => {
    expect(multiplyQuantity(parseQuantity('36'), 1200)).toBe(43200);
    expect(multiplyQuantity(quantityOf(2), 189000)).toBe(378000);
    expect(multiplyQuantity(parseQuantity('0.005'), 100)).toBe(1); // 0.5 → 1
    expect(multiplyQuantity(parseQuantity('-0.005'), 100)).toBe(-1);
    expect(multiplyQuantity(parseQuantity('0.004'), 100)).toBe(0);
    expect(multiplyQuantity(parseQuantity('1.333'), 999)).toBe(1332); // 1331.667
  });
});
