import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addMinor, addMoney, AmountOutOfRangeError, divRound, divRoundNumber, minorToDecimal, money, mulDivRound, sumMinor } from './money.ts';

/** Reference: half away from zero via |n| and the sign, independent of divRound's shape. */
function referenceRound(n: bigint, d: bigint): bigint {
  const negative = n < 0n !== d < 0n;
  const absN = n < 0n ? -n : n;
  const absD = d < 0n ? -d : d;
  const rounded = (2n * absN + absD) / (2n * absD); // floor(|n|/|d| + 1/2)
  return negative ? -rounded : rounded;
}

const safe = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
const nonZeroSafe = safe.filter((d) => d !== 0);

describe('divRound (the one rounding rule)', () => {
  it('rounds half away from zero', () => {
    expect(divRound(5n, 2n)).toBe(3);
    expect(divRound(-5n, 2n)).toBe(-3);
    expect(divRound(5n, -2n)).toBe(-3);
    expect(divRound(7n, 3n)).toBe(2);
    expect(divRound(-7n, 3n)).toBe(-2);
    expect(divRound(8n, 3n)).toBe(3);
    expect(divRound(0n, 7n)).toBe(0);
    expect(Object.is(divRound(-1n, 3n), 0)).toBe(true);
  });

  it('throws on a zero denominator and on unsafe results', () => {
    expect(() => divRound(1n, 0n)).toThrow(RangeError);
    expect(() => divRound(2n ** 60n, 1n)).toThrow(RangeError);
  });

  it('reports an overflow as bad input (400 amount_too_large), still a RangeError', () => {
    expect(() => divRound(2n ** 60n, 1n)).toThrow(AmountOutOfRangeError);
    expect(() => mulDivRound(99_999_999_999_000, 179_000, 1, 1000)).toThrow(AmountOutOfRangeError);
    expect(() => addMinor(Number.MAX_SAFE_INTEGER, 1)).toThrow(AmountOutOfRangeError);
    const error = new AmountOutOfRangeError('too large');
    expect(error).toBeInstanceOf(RangeError);
    expect(error).toMatchObject({ statusCode: 400, code: 'amount_too_large' });
    // A zero denominator is a programming error, not an amount out of range.
    expect(() => divRound(1n, 0n)).not.toThrow(AmountOutOfRangeError);
  });

  it('equals a BigInt reference (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }), fc.bigInt({ min: 2n ** 18n, max: 2n ** 40n }), (n, d) => {
        expect(BigInt(divRound(n, d))).toBe(referenceRound(n, d));
        expect(BigInt(divRound(n, -d))).toBe(referenceRound(n, -d));
      }),
    );
  });

  it('is symmetric: round(-x) = -round(x) (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 52n), max: 2n ** 52n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (n, d) => {
        expect(divRound(-n, d)).toBe(-divRound(n, d) + 0);
      }),
    );
  });
});

describe('divRoundNumber and mulDivRound (fast paths)', () => {
  it('agree with divRound on safe integers (property)', () => {
    fc.assert(
      fc.property(safe, nonZeroSafe, (n, d) => {
        expect(divRoundNumber(n, d)).toBe(divRound(BigInt(n), BigInt(d)));
      }),
      { numRuns: 2000 },
    );
  });

  it('agree with divRound on ties and near-ties', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.integer({ min: 1, max: 2 ** 12 }), fc.integer({ min: -1, max: 1 }), (q, d, nudge) => {
        const n = q * 2 * d + d + nudge; // exactly (2q+1)/2 of d, ± 1
        expect(divRoundNumber(n, 2 * d)).toBe(divRound(BigInt(n), BigInt(2 * d)));
      }),
    );
  });

  it('mulDivRound equals the BigInt computation, also past 2^53 (property)', () => {
    const factor = fc.integer({ min: -(2 ** 26), max: 2 ** 26 });
    fc.assert(
      fc.property(factor, factor, factor, fc.integer({ min: 1, max: 2 ** 30 }), (a, b, c, den) => {
        const exact = (BigInt(a) * BigInt(b) * BigInt(c)) / BigInt(den);
        if (exact > BigInt(Number.MAX_SAFE_INTEGER) || exact < -BigInt(Number.MAX_SAFE_INTEGER)) return;
        expect(mulDivRound(a, b, c, den)).toBe(divRound(BigInt(a) * BigInt(b) * BigInt(c), BigInt(den)));
      }),
      { numRuns: 3000 },
    );
  });

  it('falls back to BigInt when the product passes 2^53', () => {
    // (2^27 + 1)^2 = 2^54 + 2^28 + 1 is not a double; the lost 1 decides this tie.
    const a = 2 ** 27 + 1;
    const exact = divRound(BigInt(a) * BigInt(a) * 2n, 4n * BigInt(a));
    expect(exact).toBe(Math.round(a / 2) + 0);
    expect(mulDivRound(a, a, 2, 4 * a)).toBe(exact);
  });

  it('rejects non-integer inputs instead of rounding floats', () => {
    expect(() => mulDivRound(1.5, 2, 1, 1)).toThrow(RangeError);
    expect(() => divRoundNumber(1, 0)).toThrow(RangeError);
    expect(() => divRoundNumber(0.1, 1)).toThrow(RangeError);
  });
});

describe('money', () => {
  it('guards safe integers and currency codes', () => {
    expect(money(100, 'CZK')).toEqual({ amountMinor: 100, currency: 'CZK' });
    expect(() => money(0.1, 'CZK')).toThrow(RangeError);
    expect(() => money(2 ** 53, 'CZK')).toThrow(RangeError);
    expect(() => money(1, 'czk')).toThrow(RangeError);
  });

  it('adds only the same currency', () => {
    expect(addMoney(money(1, 'EUR'), money(2, 'EUR')).amountMinor).toBe(3);
    expect(() => addMoney(money(1, 'EUR'), money(2, 'CZK'))).toThrow(RangeError);
  });

  it('sums and refuses to overflow', () => {
    expect(sumMinor([80000, 262500, 43200])).toBe(385700);
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});

describe('minorToDecimal', () => {
  it('property: two decimals, no grouping, and reads back to the same minor units', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.maxSafeInteger()), (minor) => {
        const text = minorToDecimal(minor);
        expect(text).toMatch(/^-?\d+\.\d{2}$/);
        const [whole, cents] = text.replace('-', '').split('.') as [string, string];
        const back = BigInt(whole) * 100n + BigInt(cents);
        expect(text.startsWith('-') ? -back : back).toBe(BigInt(minor));
      }),
      { numRuns: 2000 },
    );
    expect(minorToDecimal(123450)).toBe('1234.50');
    expect(minorToDecimal(-5)).toBe('-0.05');
    expect(minorToDecimal(0)).toBe('0.00');
    expect(() => minorToDecimal(1.5)).toThrow();
  });
});
