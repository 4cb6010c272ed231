/**
 * Conversion of a foreign-currency document's amounts to the supplier's own
 * currency with the rate fixed at issue (InvoiceDocument.homeCurrencyVat). The
 * VAT figures come converted already; the formats that state other amounts in
 * both currencies (ISDOC, POHODA) convert them by the same rule: each amount on
 * its own, round(amount × rate) half away from zero, exactly (no floating point).
 */
import type { HomeCurrencyVat, InvoiceDocument } from '../../billing/index.ts';
import { convertMinor, parseExchangeRate } from '../../../shared/exchange-rate.ts';
import type { MinorUnits } from '../../../shared/money.ts';

export type Converter = (minor: MinorUnits) => MinorUnits;

export function homeConverter(hcv: HomeCurrencyVat): Converter {
  const rate = parseExchangeRate(hcv.rate);
  if (rate === null) throw new RangeError(`exchange rate "${hcv.rate}" is not a positive decimal number with at most 6 decimals`);
  return (minor) => convertMinor(minor, rate);
}

/** The home-currency figures of a document, or null when it states none. */
export function homeCurrencyOf(doc: InvoiceDocument): { hcv: HomeCurrencyVat; toHome: Converter } | null {
  const hcv = doc.homeCurrencyVat ?? null;
  return hcv ? { hcv, toHome: homeConverter(hcv) } : null;
}
