// What the price-list editor says about warehouse items' own sale prices. They are in the
// stock's currency (the provider's: CZK in CZ, EUR in SK; useStockCurrency), so they stand in
// for the list's price only on a list in that currency; pricing never takes them on a list in
// another currency (the material stays without a price). So they are shown in their own
// currency, never the list's, and said not to apply where they do not.
import { formatMoney } from './money';

/** A text of the editor: its i18n key and values. */
export interface EditorText {
  key: string;
  values?: Record<string, string>;
}

/** Whether the items' own prices (in `itemCurrency`) stand in for a list in `listCurrency`; unknown (null) while the currency loads. */
export function ownPricesApply(itemCurrency: string | null, listCurrency: string): boolean | null {
  return itemCurrency === null ? null : itemCurrency === listCurrency;
}

/**
 * The note under an item's price row: its own price in its own currency, and on a list in
 * another currency that it does not apply; nothing until the item and the currency are read
 * (or without the prices scope, when the item comes without its price).
 */
export function ownPriceNote(own: number | null | undefined, itemCurrency: string | null, listCurrency: string, locale?: string): EditorText | null {
  if (own === undefined || itemCurrency === null) return null;
  if (own === null) return { key: 'pricing.editor.itemNoOwnPrice' };
  const price = formatMoney(own, itemCurrency, locale);
  return ownPricesApply(itemCurrency, listCurrency)
    ? { key: 'pricing.editor.itemOwnPrice', values: { price } }
    : { key: 'pricing.editor.itemOwnPriceOtherCurrency', values: { price, currency: listCurrency } };
}

/** The material section's hint and its text when empty: on a list in another currency, that unlisted material stays unpriced. */
export function itemSectionTexts(itemCurrency: string | null, listCurrency: string): { hint: EditorText; empty: EditorText } {
  if (ownPricesApply(itemCurrency, listCurrency) !== false) return { hint: { key: 'pricing.editor.itemsHint' }, empty: { key: 'pricing.editor.noItemPrices' } };
  const values = { itemCurrency: itemCurrency!, currency: listCurrency };
  return { hint: { key: 'pricing.editor.itemsHintOtherCurrency', values }, empty: { key: 'pricing.editor.noItemPricesOtherCurrency', values } };
}
