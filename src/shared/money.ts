/**
 * Money is an integer count of minor units of its currency (haléře, cents), never
 * a binary float (BILLING.md §1). Amounts travel as plain `number`s guarded by
 * Number.isSafeInteger; anything that could leave the safe range is computed in
 * BigInt and checked on the way back.
 *
 * This file also owns THE rounding rule of the project: half away from zero, to
 * an integer, of an exact rational numerator / denominator. `divRound` is the
 * reference; `divRoundNumber` and `mulDivRound` are exact fast paths of the same
 * rule for the hot pricing loop (no BigInt while the numbers stay below 2^53).
 */

/** An amount in minor units (1 CZK = 100 minor units). Always a safe integer. */
export type MinorUnits = number;

/** ISO 4217 alphabetic code, e.g. 'CZK', 'EUR'. */
export type CurrencyCode = string;

export interface Money {
  readonly amountMinor: MinorUnits;
  readonly currency: CurrencyCode;
}

const CURRENCY_CODE = /^[A-Z]{3}$/;

/** Throws unless `value` is a safe integer; returns it so guards can be inlined. */
export function assertSafeInteger(value: number, what = 'value'): number {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a safe integer, got ${String(value)}`);
  }
  return value;
}

/**
 * An amount that left the safe-integer range: quantities or prices too large for
 * the arithmetic, so bad input rather than a fault. It stays a RangeError (the
 * contract of this file) and carries a 4xx status, so an overflow that no input
 * bound caught still answers 400 `amount_too_large`, never 500.
 */
export class AmountOutOfRangeError extends RangeError {
  readonly statusCode = 400;
  readonly code = 'amount_too_large';
  constructor(message: string) {
    super(message);
    this.name = 'AmountOutOfRangeError';
  }
}

/** Guards an amount in minor units. */
export function assertMinor(value: number, what = 'amount'): MinorUnits {
  return assertSafeInteger(value, what);
}

export function isCurrencyCode(code: string): boolean {
  return CURRENCY_CODE.test(code);
}

export function money(amountMinor: number, currency: CurrencyCode): Money {
  if (!isCurrencyCode(currency)) throw new RangeError(`invalid currency code '${currency}'`);
  return { amountMinor: assertMinor(amountMinor), currency };
}

/** Adds two amounts of the same currency; mixing currencies is a programming error. */
export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) {
    throw new RangeError(`cannot add ${a.currency} and ${b.currency}`);
  }
  return { amountMinor: addMinor(a.amountMinor, b.amountMinor), currency: a.currency };
}

export function addMinor(a: MinorUnits, b: MinorUnits): MinorUnits {
  const sum = assertMinor(a) + assertMinor(b);
  if (!Number.isSafeInteger(sum)) throw new AmountOutOfRangeError(`sum ${a} + ${b} is outside the safe-integer range`);
  return sum;
}

/** Sums minor amounts, failing loudly instead of silently losing precision. */
export function sumMinor(values: Iterable<MinorUnits>): MinorUnits {
  let total = 0;
  for (const value of values) total = addMinor(total, value);
  return total;
}

/**
 * Rounds numerator / denominator half away from zero to an integer, exactly.
 * This is the project's single rounding rule; everything else is a fast path of it.
 * Throws on a zero denominator or a result outside the safe-integer range.
 */
export function divRound(numerator: bigint, denominator: bigint): number {
  if (denominator === 0n) throw new RangeError('division by zero');
  let n = numerator;
  let d = denominator;
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  // BigInt division truncates toward zero and the remainder takes the sign of n.
  let quotient = n / d;
  const remainder = n % d;
  const twiceAbsRemainder = (remainder < 0n ? -remainder : remainder) * 2n;
  if (twiceAbsRemainder >= d) quotient += n < 0n ? -1n : 1n;
  const result = Number(quotient);
  if (!Number.isSafeInteger(result)) {
    throw new AmountOutOfRangeError(`rounded result ${quotient} is outside the safe-integer range`);
  }
  return result;
}

/**
 * `divRound` for safe-integer inputs without BigInt. Exact: `%` is exact on
 * doubles, `(n - r) / d` divides a multiple of d, and doubling is exact, so no
 * binary-float rounding can creep in.
 */
export function divRoundNumber(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
    assertSafeInteger(numerator, 'numerator');
    assertSafeInteger(denominator, 'denominator');
  }
  if (denominator === 0) throw new RangeError('division by zero');
  let n = numerator;
  let d = denominator;
  if (d < 0) {
    n = -n;
    d = -d;
  }
  const remainder = n % d;
  const quotient = (n - remainder) / d;
  const twiceAbsRemainder = remainder < 0 ? -2 * remainder : 2 * remainder;
  if (twiceAbsRemainder >= d) return n < 0 ? quotient - 1 : quotient + 1;
  return quotient + 0; // + 0 turns -0 into 0
}

/** round(minutes × hourly rate / 60): labour cost, travel time, flat-rate overage. */
export function hourlyAmount(minutes: number, hourlyRateMinor: MinorUnits): MinorUnits {
  return mulDivRound(minutes, hourlyRateMinor, 1, 60);
}

/**
 * round(a × b × c / denominator), half away from zero, exact for any safe-integer
 * inputs. The product is formed with Numbers when it provably fits below 2^53
 * (all factors are integers, so if the true product is ≤ MAX_SAFE_INTEGER every
 * partial product is exact; if it is larger the double product is ≥ 2^53 too and
 * we fall back), otherwise with BigInt.
 */
export function mulDivRound(a: number, b: number, c: number, denominator: number): number {
  if (
    Number.isSafeInteger(a) &&
    Number.isSafeInteger(b) &&
    Number.isSafeInteger(c) &&
    Number.isSafeInteger(denominator)
  ) {
    const product = a * b * c;
    if (product <= Number.MAX_SAFE_INTEGER && product >= -Number.MAX_SAFE_INTEGER) {
      return divRoundNumber(product, denominator);
    }
  } else {
    assertSafeInteger(a, 'factor');
    assertSafeInteger(b, 'factor');
    assertSafeInteger(c, 'factor');
    assertSafeInteger(denominator, 'denominator');
  }
  return divRound(BigInt(a) * BigInt(b) * BigInt(c), BigInt(denominator));
}

/**
 * Minor units of hundredths as the plain decimal text machines read (files, QR codes,
 * command-line output): 123450 → "1234.50", -5 → "-0.05"; no grouping, never through
 * floating point. (For people, shared/number-text.ts writes grouped, localised amounts.)
 */
export function minorToDecimal(minor: MinorUnits): string {
  const abs = Math.abs(assertSafeInteger(minor, 'amount'));
  return `${minor < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
