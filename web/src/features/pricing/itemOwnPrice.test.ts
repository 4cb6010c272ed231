// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { itemSectionTexts, ownPriceNote } from './itemOwnPrice';

const plain = (s: string | undefined) => s?.replace(/[\u00a0\u202f]/g, ' ');

describe("the price-list editor's note on an item's own price", () => {
  it('shows a CZK item price in CZK on a list in EUR, and says it does not apply there, never as euros', () => {
    const note = ownPriceNote(1_890_00, 'CZK', 'EUR', 'cs-CZ');
    expect(note?.key).toBe('pricing.editor.itemOwnPriceOtherCurrency');
    expect(plain(note?.values?.price)).toBe('1 890,00 Kč');
    expect(note?.values?.currency).toBe('EUR');
  });

  it('shows it as before on a list in its own currency', () => {
    const note = ownPriceNote(1_890_00, 'CZK', 'CZK', 'cs-CZ');
    expect(note).toEqual({ key: 'pricing.editor.itemOwnPrice', values: { price: expect.any(String) } });
    expect(plain(note?.values?.price)).toBe('1 890,00 Kč');
  });

  it('says when the item has no price, and nothing until the item and the currency are read', () => {
    expect(ownPriceNote(null, 'CZK', 'EUR')).toEqual({ key: 'pricing.editor.itemNoOwnPrice' });
    expect(ownPriceNote(undefined, 'CZK', 'CZK')).toBeNull();
    expect(ownPriceNote(1_890_00, null, 'EUR')).toBeNull();
  });

  it("says on a list in another currency that material it does not price stays unpriced", () => {
    expect(itemSectionTexts('CZK', 'EUR')).toEqual({
      hint: { key: 'pricing.editor.itemsHintOtherCurrency', values: { itemCurrency: 'CZK', currency: 'EUR' } },
      empty: { key: 'pricing.editor.noItemPricesOtherCurrency', values: { itemCurrency: 'CZK', currency: 'EUR' } },
    });
    for (const itemCurrency of ['CZK', null]) {
      expect(itemSectionTexts(itemCurrency, 'CZK')).toEqual({ hint: { key: 'pricing.editor.itemsHint' }, empty: { key: 'pricing.editor.noItemPrices' } });
    }
  });
});
