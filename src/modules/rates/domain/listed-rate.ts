/**
 * A rate of the daily list: what `amount` units of `currency` cost in Czech
 * crowns on a day, as the Czech National Bank states it ("množství" and "kurz":
 * 100 HUF = 6.543 CZK). The rate is an exact decimal of at most 6 decimals,
 * kept as an integer of millionths; `amount` is a power of ten (1, 10, 100, …),
 * so the rate of one unit is an exact decimal too.
 */
import { divRound } from '../../../shared/money.ts';
import { parseExchangeRate, type ExchangeRate } from '../../../shared/exchange-rate.ts';

/** The currency every rate of the list is in: the ČNB publishes rates in crowns. */
export const LIST_CURRENCY = 'CZK';

/** The amounts a rate may be for: powers of ten, as the ČNB uses (1, 100, 1000). */
export const AMOUNTS = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000] as const;

export type RateSource = 'cnb' | 'manual';

export interface ListedRate {
  readonly currency: string;
  /** 'YYYY-MM-DD', the day the rate is valid for (the ČNB's publication day). */
  readonly day: string;
  readonly amount: number;
  /** Crowns for `amount` units, in millionths: 24.305 → 24 305 000. */
  readonly millionths: number;
  readonly source: RateSource;
}

const MILLION = 1_000_000n;

export function isAmount(value: number): boolean {
  return (AMOUNTS as readonly number[]).includes(value);
}

/** '24.305' → 24 305 000; null for what is not a rate (the same text rule as an invoice's rate: dot, at most 6 decimals, above zero). */
export function millionthsOf(text: string): number | null {
  const rate = parseExchangeRate(text);
  if (rate === null) return null;
  return Number((rate.scaled * MILLION) / rate.denominator);
}

/** 24 305 000 → '24.305' (no trailing zeros). */
export function rateText(millionths: number): string {
  return decimalText(BigInt(millionths), 6);
}

/** The rate of one unit of the listed currency in crowns, exactly: millionths ÷ (10^6 × amount). */
export function unitRate(rate: Pick<ListedRate, 'amount' | 'millionths'>): ExchangeRate {
  const decimals = 6 + Math.round(Math.log10(rate.amount));
  return { text: decimalText(BigInt(rate.millionths), decimals), scaled: BigInt(rate.millionths), denominator: MILLION * BigInt(rate.amount) };
}

/**
 * The rate of one unit as an invoice takes it (at most 6 decimals): exact for
 * every ČNB rate (3 decimals for at most 1000 units); a hand-entered rate for a
 * larger amount is rounded half away from zero to the sixth decimal.
 */
export function invoiceRateText(rate: Pick<ListedRate, 'amount' | 'millionths'>): string {
  return decimalText(BigInt(divRound(BigInt(rate.millionths), BigInt(rate.amount))), 6);
}

function decimalText(scaled: bigint, decimals: number): string {
  const digits = scaled.toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return fraction === '' ? whole : `${whole}.${fraction}`;
}
