// @vitest-environment node
import { afterAll, describe, expect, it } from 'vitest';
import i18n, { setLanguage } from '../../i18n';
import { amountDueColumnLabel, amountDueLabel, entryQuantity, outcomeLabel, overpaidLabel, settledAgainstInvoice, settledSoFarText, statusLabel } from './documentWords';

describe('document words', () => {
  afterAll(() => setLanguage('cs'));

  it('a credit note\'s state agrees with "dobropis" in Czech and Slovak; an invoice\'s with "faktura"', async () => {
    const cases = { cs: ['Vystavená', 'Vystavený', 'Odeslaný'], sk: ['Vystavená', 'Vystavený', 'Odoslaný'], en: ['Issued', 'Issued', 'Sent'] } as const;
    for (const [lang, [invoice, creditNote, sent]] of Object.entries(cases)) {
      await setLanguage(lang as 'cs' | 'sk' | 'en');
      const t = i18n.t.bind(i18n);
      expect(statusLabel(t, 'issued'), lang).toBe(invoice);
      expect(statusLabel(t, 'issued', 'credit_note'), lang).toBe(creditNote);
      expect(statusLabel(t, 'sent', 'credit_note'), lang).toBe(sent);
      // What has no word of its own for a credit note reads as for an invoice.
      expect(statusLabel(t, 'draft', 'credit_note'), lang).toBe(statusLabel(t, 'draft'));
    }
  });

  it('says only what was settled on an invoice, paid or credited or both, never "-0,00 Kč"', async () => {
    const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    await setLanguage('cs');
    const t = i18n.t.bind(i18n);
    const settled = (paidMinor: number, creditedMinor: number) => plain(settledSoFarText(t, { currency: 'CZK', paidMinor, creditedMinor }, 'cs-CZ'));
    expect(settled(10_000_00, 0)).toBe('Uhrazeno: 10 000,00 Kč.');
    expect(settled(0, 2_286_90)).toBe('Dobropisy: -2 286,90 Kč.');
    expect(settled(10_000_00, 2_286_90)).toBe('Uhrazeno: 10 000,00 Kč. Dobropisy: -2 286,90 Kč.');
    expect(settled(0, 0)).toBe('');
    await setLanguage('en');
    expect(plain(settledSoFarText(i18n.t.bind(i18n), { currency: 'CZK', paidMinor: 500_00, creditedMinor: 121_00 }, 'en-GB'))).toBe('Paid: CZK 500.00. Credit notes: -CZK 121.00.');
  });

  it('a credit note stands at an amount to be refunded, as its PDF says ("Celkem k vrácení"), never at one "due"', async () => {
    const cases = { cs: ['K úhradě', 'K vrácení'], sk: ['Na úhradu', 'Na vrátenie'], en: ['Due', 'To be refunded'] } as const;
    for (const [lang, [invoice, creditNote]] of Object.entries(cases)) {
      await setLanguage(lang as 'cs' | 'sk' | 'en');
      const t = i18n.t.bind(i18n);
      expect(amountDueLabel(t, 'invoice'), lang).toBe(invoice);
      expect(amountDueLabel(t, 'credit_note'), lang).toBe(creditNote);
    }
  });

  it('a credit note correcting an invoice is settled against it (the list shows no second refund); an invoice never is', async () => {
    expect(settledAgainstInvoice({ kind: 'credit_note', correctsInvoiceId: 7 })).toBe(true);
    expect(settledAgainstInvoice({ kind: 'credit_note', correctsInvoiceId: null })).toBe(false);
    expect(settledAgainstInvoice({ kind: 'invoice', correctsInvoiceId: null })).toBe(false);
    for (const [lang, word] of [['cs', 'zúčtováno'], ['sk', 'zúčtované'], ['en', 'settled']] as const) {
      await setLanguage(lang);
      expect(i18n.t('billing.invoices.settled'), lang).toBe(word);
    }
  });

  it('a list\'s amount-due column is headed for what it shows: due over invoices, to be refunded over credit notes, both over both', async () => {
    const cases = {
      cs: ['K úhradě', 'K vrácení', 'K úhradě / k vrácení'],
      sk: ['Na úhradu', 'Na vrátenie', 'Na úhradu / na vrátenie'],
      en: ['Due', 'To be refunded', 'Due / to be refunded'],
    } as const;
    for (const [lang, [invoices, creditNotes, both]] of Object.entries(cases)) {
      await setLanguage(lang as 'cs' | 'sk' | 'en');
      const t = i18n.t.bind(i18n);
      expect(amountDueColumnLabel(t, ['invoice', 'invoice']), lang).toBe(invoices);
      expect(amountDueColumnLabel(t, ['credit_note']), lang).toBe(creditNotes);
      expect(amountDueColumnLabel(t, ['invoice', 'credit_note', 'invoice']), lang).toBe(both);
      // An empty page has no rows to head; were it shown, it would read as over invoices.
      expect(amountDueColumnLabel(t, []), lang).toBe(invoices);
    }
  });

  it('an invoice owing the client money back says so beside its status, with the amount in the language\'s way; nothing else does', async () => {
    const cases = {
      cs: ['CZK', 'Přeplaceno · k vrácení 263,13 Kč'],
      sk: ['EUR', 'Preplatené · na vrátenie 263,13 €'],
      en: ['CZK', 'Overpaid · CZK 263.13 to refund'],
    } as const;
    for (const [lang, [currency, text]] of Object.entries(cases)) {
      const overpaid = { kind: 'invoice', refundDueMinor: 263_13, currency } as const;
      await setLanguage(lang as 'cs' | 'sk' | 'en');
      const t = i18n.t.bind(i18n);
      // (the amount's spaces are the locale's non-breaking ones)
      expect(overpaidLabel(t, overpaid)?.replace(/\s/g, ' '), lang).toBe(text);
      // Nothing owed back, no prices to show, or a credit note (its figure is its invoice's): no badge.
      expect(overpaidLabel(t, { ...overpaid, refundDueMinor: 0 }), lang).toBeNull();
      expect(overpaidLabel(t, { kind: 'invoice', currency }), lang).toBeNull();
      expect(overpaidLabel(t, { ...overpaid, kind: 'credit_note' }), lang).toBeNull();
    }
  });

  it('a draft\'s work report bills nothing yet: "to be billed", not "billed"', async () => {
    const cases = { cs: ['K fakturaci', 'Fakturováno'], sk: ['Na fakturáciu', 'Fakturované'], en: ['To be billed', 'Billed'] } as const;
    for (const [lang, [draft, issued]] of Object.entries(cases)) {
      await setLanguage(lang as 'cs' | 'sk' | 'en');
      const t = i18n.t.bind(i18n);
      expect(outcomeLabel(t, 'billed', true), lang).toBe(draft);
      expect(outcomeLabel(t, 'billed', false), lang).toBe(issued);
      expect(outcomeLabel(t, 'covered', true), lang).toBe(outcomeLabel(t, 'covered', false));
    }
    await setLanguage('cs');
    expect(i18n.t('billing.workReport.totals', { context: 'draft', minutes: '3 h', billable: '3 h', covered: '0 min', amount: '9 937,00 Kč' }))
      .toBe('Celkem 3 h, účtováno 3 h, pokryto 0 min, k fakturaci 9 937,00 Kč');
  });

  it('a row\'s quantity carries the unit its invoice line shows, kept on the number\'s line', () => {
    expect(entryQuantity({ kind: 'unit_fee', minutes: 0, quantityMilli: 1000, unit: 'výjezd' }, 'cs-CZ')).toBe('1\u00a0výjezd');
    expect(entryQuantity({ kind: 'item', minutes: 0, quantityMilli: 2500, unit: 'ks' }, 'cs-CZ')).toBe('2,5\u00a0ks');
    expect(entryQuantity({ kind: 'travel', minutes: 30, quantityMilli: 36_000, unit: 'km' }, 'en-GB')).toBe('36\u00a0km');
    // A report read before units were sent: km for travel still, a bare number otherwise.
    expect(entryQuantity({ kind: 'travel', minutes: 0, quantityMilli: 12_000 }, 'cs-CZ')).toBe('12\u00a0km');
    expect(entryQuantity({ kind: 'unit_fee', minutes: 0, quantityMilli: 1000 }, 'cs-CZ')).toBe('1');
    expect(entryQuantity({ kind: 'work', minutes: 105, quantityMilli: null }, 'cs-CZ')).toBe('1\u00a0h 45\u00a0min');
    expect(entryQuantity({ kind: 'item', minutes: 0, quantityMilli: null, unit: 'ks' }, 'cs-CZ')).toBe('—');
  });
});
