import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../shared/language.ts';
import { amountDueLabel, documentTitle, fillLabel, homeCurrencyName, invoiceLabels, partyIds, reverseChargeNote } from './invoice-labels.ts';

const cs = invoiceLabels('cs');
const payer = { vatPayer: true } as const;
const nonPayer = { vatPayer: false } as const;

describe('invoice labels', () => {
  it('has every text in every language, and falls back to English', () => {
    const keys = Object.keys(cs).sort();
    for (const language of ['sk', 'en']) expect(Object.keys(invoiceLabels(language)).sort()).toEqual(keys);
    for (const language of LANGUAGES) for (const [key, text] of Object.entries(invoiceLabels(language))) expect(text, `${language}.${key}`).not.toBe('');
    expect(invoiceLabels('de')).toBe(invoiceLabels('en'));
  });

  it('calls a document a tax document only when the supplier is a VAT payer, and a draft none at all', () => {
    expect(documentTitle({ kind: 'invoice', supplier: payer }, cs)).toEqual({ title: 'Faktura', subtitle: 'Daňový doklad' });
    expect(documentTitle({ kind: 'invoice', supplier: nonPayer }, cs)).toEqual({ title: 'Faktura', subtitle: null });
    expect(documentTitle({ kind: 'credit_note', supplier: payer }, cs)).toEqual({ title: 'Opravný daňový doklad', subtitle: 'Dobropis' });
    expect(documentTitle({ kind: 'credit_note', supplier: nonPayer }, cs)).toEqual({ title: 'Dobropis', subtitle: null });
    expect(documentTitle({ kind: 'invoice', supplier: payer, draft: true }, cs)).toEqual({ title: 'Faktura', subtitle: 'KONCEPT – není daňovým dokladem' });
    expect(documentTitle({ kind: 'credit_note', supplier: payer }, invoiceLabels('sk')).title).toBe('Opravná faktúra');
    expect(amountDueLabel({ kind: 'invoice' }, cs)).toBe('Celkem k úhradě');
    expect(amountDueLabel({ kind: 'credit_note' }, cs)).toBe('Hodnota dobropisu');
  });

  it('labels company ids the way each language does: IČO, DIČ and IČ DPH for a party with a separate DIČ, in Czech too', () => {
    const party = { companyId: '35697270', taxId: '2020317068', vatId: 'SK2020317068' };
    // Czech calls a VAT id "DIČ": beside a Slovak party's own DIČ it names the VAT id by its Slovak name.
    expect(partyIds(party, 'cs', cs)).toEqual([['IČO', '35697270'], ['DIČ', '2020317068'], ['IČ DPH', 'SK2020317068']]);
    expect(partyIds(party, 'sk', invoiceLabels('sk'))).toEqual([['IČO', '35697270'], ['DIČ', '2020317068'], ['IČ DPH', 'SK2020317068']]);
    expect(partyIds(party, 'en', invoiceLabels('en'))).toEqual([['Company ID', '35697270'], ['Tax ID', '2020317068'], ['VAT ID', 'SK2020317068']]);
    expect(partyIds({ companyId: '1', taxId: null, vatId: null }, 'en', invoiceLabels('en'))).toEqual([['Company ID', '1']]);
    // A Czech party has no separate tax id: its VAT id is the Czech DIČ, as before.
    const czech = { companyId: '25596641', taxId: null, vatId: 'CZ25596641' };
    expect(partyIds(czech, 'cs', cs)).toEqual([['IČO', '25596641'], ['DIČ', 'CZ25596641']]);
    expect(partyIds(czech, 'sk', invoiceLabels('sk'))).toEqual([['IČO', '25596641'], ['IČ DPH', 'CZ25596641']]);
    // A Slovak buyer that pays no VAT: its DIČ, no IČ DPH, in every language.
    const nonPayer = { companyId: '35697270', taxId: '2020317068', vatId: null };
    expect(partyIds(nonPayer, 'sk', invoiceLabels('sk'))).toEqual([['IČO', '35697270'], ['DIČ', '2020317068']]);
    expect(partyIds(nonPayer, 'en', invoiceLabels('en'))).toEqual([['Company ID', '35697270'], ['Tax ID', '2020317068']]);
    expect(partyIds(nonPayer, 'cs', cs)).toEqual([['IČO', '35697270'], ['DIČ', '2020317068']]);
  });

  it('fills placeholders and names the home currency', () => {
    expect(fillLabel(cs.homeCurrencyVat, { currency: homeCurrencyName('CZK', 'cs') })).toBe('DPH v Kč');
    expect(fillLabel(invoiceLabels('sk').homeCurrencyVat, { currency: homeCurrencyName('CZK', 'sk') })).toBe('DPH v domácej mene (CZK)');
    expect(fillLabel('{rate} {unknown}', { rate: '24,335' })).toBe('24,335 {unknown}');
  });

  it('heads the reverse-charge note and takes the legal sentence the document carries', () => {
    expect(reverseChargeNote({ reverseCharge: false }, cs)).toBeNull();
    expect(reverseChargeNote({ reverseCharge: true, legalNote: 'Vlastní věta.' }, cs)).toEqual({ heading: 'Daň odvede zákazník', detail: 'Vlastní věta.' });
    expect(reverseChargeNote({ reverseCharge: true, legalNote: null }, cs)?.detail).toBe(cs.reverseChargeDetail);
  });
});
