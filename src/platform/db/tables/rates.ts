import type { Generated } from 'kysely';

/** The daily exchange-rate list: see migrations/0032_exchange_rates.ts. */
export interface ExchangeRatesTable {
  id: Generated<number>;
  currency: string;
  /** 'YYYY-MM-DD' */
  valid_on: string;
  /** How many units of `currency` the rate is for (100 for HUF in the ČNB list). */
  amount: number;
  /** Czech crowns for `amount` units, in millionths. */
  rate_millionths: number;
  source: 'cnb' | 'manual';
  entered_by: number | null;
  entered_at: string;
}

export interface RatesTables {
  exchange_rates: ExchangeRatesTable;
}
