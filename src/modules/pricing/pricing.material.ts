/**
 * Pricing material issued to a ticket (BILLING.md §2): round(quantity × sale
 * price) with the price list's item price, else the item's own sale price when the
 * list is in the item's currency (the provider's, as stock is valued), less
 * the client's material discount (none is kept yet: 0). The list is chosen as
 * for any record (contract's, client's, default) once for all lines of a slip.
 * The cost is what the warehouse took out of stock at the weighted-average cost,
 * passed in, so the record's cost and the slip's cost are the same number.
 */
import type { DbOrTx } from '../../platform/db/index.ts';
import * as costs from './costs.repo.ts';
import { priceMaterial } from './domain/index.ts';
import { line, money, type ExplanationLine } from './pricing.explain.ts';
import { renderExplanationLine } from './pricing.explain-render.ts';
import { pricingReads } from './pricing.reads.ts';
import { chooseList, type PricedRecord } from './pricing.resolver.ts';
import { coreVersionOf } from './terms.ts';

export interface MaterialLineInput {
  itemId: number;
  itemName: string;
  unit: string;
  quantityMilli: number;
  /**
   * The item's own sale price (null: none), in the provider's currency (CZK in CZ, EUR in
   * SK); the price list's item price wins, and a list in another currency never takes it.
   */
  salePriceMinor: number | null;
  vatCategory: string;
  /** The value that left the warehouse at the weighted-average cost. */
  costMinor: number;
}

export interface MaterialPricingInput {
  clientId: number;
  contractPriceListId?: number | null;
  /** The client's own list (null: none), when the caller has read it already; else it is read here. */
  clientPriceListId?: number | null;
  date: string;
}

/** Prices the lines of an issue slip, their costs known; a line that cannot be priced says why (never 0). */
export type MaterialPricer = (lines: readonly MaterialLineInput[]) => PricedRecord[];

/**
 * Reads what pricing a slip's material needs (the list, its version, the provider's
 * currency) before the slip's transaction, where the catalogue comes from memory
 * (see pricing.reads.ts); the pricer then prices the lines inside the transaction,
 * once the warehouse has valued them, without reading anything more.
 */
export async function materialPricer(db: DbOrTx, input: MaterialPricingInput): Promise<MaterialPricer> {
  const explanation: ExplanationLine[] = [];
  const reads = await pricingReads(db);
  // The provider's currency: what stock is valued in, so the material's cost and the items' own sale prices.
  const currency = costs.currencyOfCountry(await reads.providerCountry());
  const costOf = (l: MaterialLineInput) => ({
    costMinor: l.costMinor,
    costCurrency: currency,
    line: line('cost.material', { quantity: { milli: l.quantityMilli }, unit: l.unit, cost: money(l.costMinor, currency) }),
  });
  type Reason = 'no_price_list' | 'no_version_on_date' | 'unknown_reference' | 'no_item_price';
  const unpriced = (l: MaterialLineInput, reason: Reason, why: ExplanationLine, list: { id: number; name: string } | null, validFrom: string | null): PricedRecord => {
    const c = costOf(l);
    return {
      ok: false, reason, message: renderExplanationLine(why, 'en'), priceListId: list?.id ?? null, priceListName: list?.name ?? null, validFrom,
      costMinor: c.costMinor, costCurrency: c.costCurrency, explanation: [...explanation, why, c.line],
    };
  };

  const chosen = await chooseList(db, { ...input, kind: 'fee', technicianId: null, startTime: null, minutes: 0, billable: true }, explanation, reads);
  if ('reason' in chosen) return (lines) => lines.map((l) => unpriced(l, chosen.reason === 'no_price_list' ? 'no_price_list' : 'unknown_reference', chosen.why, null, null));
  const { list, source } = chosen;
  const row = await reads.versionRowOn(list.id, input.date);
  const noVersion = line('list.noVersion', { list: list.name, source: { source }, date: { date: input.date } });
  if (!row) return (lines) => lines.map((l) => unpriced(l, 'no_version_on_date', noVersion, list, null));
  explanation.push(line('list.used', { list: list.name, source: { source }, validFrom: { date: row.valid_from }, currency: list.currency }));
  const version = coreVersionOf(row, list.currency);

  return (lines) => lines.map((l) => {
    const itemSalePrice = l.salePriceMinor === null ? null : { amountMinor: l.salePriceMinor, currency };
    const result = priceMaterial({ priceList: version, itemId: String(l.itemId), quantityMilli: l.quantityMilli, itemSalePrice });
    if (!result.ok) {
      const other = result.otherCurrencyPrice;
      const why = other === undefined
        ? line('material.noPrice', { item: l.itemName })
        : line('material.ownPriceOtherCurrency', { item: l.itemName, listCurrency: list.currency, price: money(other.amountMinor, other.currency) });
      return unpriced(l, 'no_item_price', why, list, row.valid_from);
    }
    const c = costOf(l);
    const why = line(result.priceSource === 'price_list' ? 'material.fromList' : 'material.fromItem', {
      item: l.itemName, quantity: { milli: l.quantityMilli }, unit: l.unit, price: money(result.unitPriceMinor), amount: money(result.amountMinor),
    });
    return {
      ok: true,
      priceListId: list.id,
      priceListName: list.name,
      source,
      validFrom: row.valid_from,
      currency: list.currency,
      unitPriceMinor: result.unitPriceMinor,
      amountMinor: result.amountMinor,
      vatCategory: l.vatCategory,
      costMinor: c.costMinor,
      costCurrency: c.costCurrency,
      explanation: [...explanation, why, c.line],
    };
  });
}
