/**
 * Exchange rates as exact decimals and conversion of minor units with them: a rate
 * is text with at most 6 decimals ('24.335' = 24 335 / 1 000), and an amount is
 * converted once, round(amount × rate) half away from zero (BILLING.md §1), with
 * integer arithmetic only. Both currencies have 100 minor units per unit (CZK, EUR).
 */
import { divRound, type MinorUnits } from './money.ts';

/** At most 6 decimals, no sign, no exponent, a dot as the separator (the UI turns a decimal comma into a dot). */
const RATE_TEXT = /^(\d{1,9})(?:\.(\d{1,6}))?$/;

/** An exchange rate as an exact fraction: units = scaled / 10^decimals. */
export interface ExchangeRate {
  readonly text: string;
  readonly scaled: bigint;
  readonly denominator: bigint;
}

/** '24.335' → the exact rate; null for anything else (0, negatives, exponents, commas, more than 6 decimals). */
export function parseExchangeRate(text: string): ExchangeRate | null {
  const match = RATE_TEXT.exec(text);
  if (match === null) return null;
  const decimals = match[2] ?? '';
  const scaled = BigInt(match[1]! + decimals);
  if (scaled === 0n) return null;
  return { text, scaled, denominator: 10n ** BigInt(decimals.length) };
}

/** amount × rate, rounded half away from zero to a minor unit of the home currency (both currencies have 100 minor units per unit). */
export function convertMinor(amountMinor: MinorUnits, rate: ExchangeRate): MinorUnits {
  return divRound(BigInt(amountMinor) * rate.scaled, rate.denominator);
}
