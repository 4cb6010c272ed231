import type { Tx } from '../../platform/db/index.ts';
import { currencyOfCountry, pricingReads } from '../pricing/index.ts';

/**
 * What an issue slip or return keeps from the moment it is confirmed (issued), as an
 * issued invoice keeps its lines: the VAT rate of each line, the country those rates
 * are of, the slip's (sale) currency and the currency its costs are kept in. They come
 * from settings that change (the VAT rates, the provider's country, an item's VAT
 * category); read when the slip is read, a VAT rate entered later would change what an
 * issued slip prints and exports, and a second export of it would differ from the
 * first. Confirming stores them in its transaction (stock_document_lines.vat_rate_bp,
 * stock_documents.currency, cost_currency and vat_country); the slip is read from them
 * afterwards (buildSlipDocument). A draft has none: it follows the settings until it is
 * confirmed.
 */
export interface SlipSnapshot {
  /** The sale prices' currency. */
  currency: string;
  /** The costs' currency: the material records', which need not be the sale currency. */
  costCurrency: string;
  /** The country whose VAT rates vatRatesBp are (the provider's): what the POHODA export names them by. */
  vatCountry: string;
  /** Per line, in the document's line order. */
  vatRatesBp: number[];
}

/** What a line's material record says of its VAT category and currencies (currency null when unpriced). */
export interface SlipRecordSource {
  vatCategory: string | null;
  currency: string | null;
  costCurrency: string | null;
}

export interface SlipLineSource {
  /** The line's material record, when it has one. */
  record: SlipRecordSource | null;
  /** The item's VAT category, for a line whose record names none. */
  itemVatCategory: string;
}

/**
 * Each line's VAT rate in force on the slip's date in the provider's country, for the
 * category of its material record, else of its item (0 when no rate applies, as the
 * POHODA export has always written it), and that country; the currency of the first
 * priced line, else the provider's; the cost currency of the first record that names
 * one (all of a slip's records are costed alike), else the provider's. Read in the
 * confirming transaction, from pricing's memory where the configuration is unchanged
 * (issuing is a hot path).
 */
export async function slipSnapshot(trx: Tx, date: string, lines: readonly SlipLineSource[]): Promise<SlipSnapshot> {
  const reads = await pricingReads(trx);
  const country = await reads.providerCountry();
  const vatRatesBp: number[] = [];
  for (const l of lines) vatRatesBp.push((await reads.vatRateOn(country, l.record?.vatCategory ?? l.itemVatCategory, date)) ?? 0);
  const currency = lines.find((l) => l.record?.currency)?.record!.currency ?? currencyOfCountry(country);
  const costCurrency = lines.find((l) => l.record?.costCurrency)?.record!.costCurrency ?? currencyOfCountry(country);
  return { currency, costCurrency, vatCountry: country, vatRatesBp };
}

/** The material records of a return's lines (their category and currencies copied from the slip's records). */
export async function returnRecordSources(trx: Tx, recordIds: readonly (number | null)[]): Promise<Map<number, SlipRecordSource>> {
  const ids = recordIds.filter((id): id is number => id !== null);
  if (!ids.length) return new Map();
  const rows = await trx.selectFrom('records').select(['id', 'vat_category', 'currency', 'cost_currency']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { vatCategory: r.vat_category, currency: r.currency, costCurrency: r.cost_currency }]));
}
