/**
 * Converting an amount between two currencies with the list's rates of a day.
 * Every listed rate is in crowns, so crowns convert with one rate, and two
 * other currencies convert through the crown with both rates at once:
 * amount × rate(from) ÷ rate(to) as one exact fraction, rounded once half away
 * from zero (BILLING.md §1), never twice. Both currencies have 100 minor units
 * per unit, as everywhere in Kontor's money.
 */
import { divRound, type MinorUnits } from '../../../shared/money.ts';
import { LIST_CURRENCY, unitRate } from './listed-rate.ts';
import type { RateOnDay } from './rate-on-day.ts';

/** Converts an amount from one currency into another on a day; null when the list has no usable rate. */
export type Converter = (amountMinor: MinorUnits, from: string, to: string, day: string) => MinorUnits | null;

const CROWN = { scaled: 1n, denominator: 1n };

export function listConverter(rateOn: (currency: string, day: string) => RateOnDay): Converter {
  const crownsPerUnit = (currency: string, day: string) => {
    if (currency === LIST_CURRENCY) return CROWN;
    const found = rateOn(currency, day);
    return found.known ? unitRate(found.rate) : null;
  };
  return (amountMinor, from, to, day) => {
    if (from === to) return amountMinor;
    const source = crownsPerUnit(from, day);
    const target = crownsPerUnit(to, day);
    if (source === null || target === null) return null;
    return divRound(BigInt(amountMinor) * source.scaled * target.denominator, source.denominator * target.scaled);
  };
}
