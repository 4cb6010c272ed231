import { describe, expect, it } from 'vitest';
import { buildInvoiceDocument } from './invoice-document-build.ts';
import { escapeHtml, invoiceHtml } from './invoice-html.ts';

const party = { name: 'A <script>alert(1)</script>', companyId: '1', vatId: null, taxId: null, vatPayer: false, address: { street: 'S "1"', city: 'C', postalCode: '1', country: 'CZ' }, email: null, phone: null };

describe('invoice HTML preview', () => {
  it('escapes every text from data and prints the document in its language', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const doc = buildInvoiceDocument({
      stored: {
        id: 7, kind: 'invoice', state: 'issued', number: 'FV202600001', variableSymbol: '202600001', issueDate: '2026-11-02', taxableSupplyDate: '2026-10-31', dueDate: '2026-11-16',
        currency: 'EUR', language: 'en', period: '2026-10', contractNumber: null, reverseCharge: true, roundTotal: false,
        netMinor: 123_456_78, vatMinor: 0, roundingMinor: 0, totalMinor: 123_456_78, vatRecap: [{ vatRateBp: 0, baseMinor: 123_456_78, vatMinor: 0, totalMinor: 123_456_78 }], note: '<b>note</b>',
      },
      lines: [{ kind: 'item', description: 'SSD <1 TB>', quantityMilli: 2500, unit: 'pcs', unitPriceMinor: 49_382_71, netMinor: 123_456_78, vatRateBp: 2100 }],
      supplier: { ...party, bankAccount: { accountNumber: null, iban: 'CZ65', bic: null }, registration: null, logoPath: null, footerText: 'Footer & co' },
      customer: party,
      corrects: null,
    });
    expect(doc.lines[0]!.vatRateBp).toBe(0);
    const html = invoiceHtml(doc);
    expect(html).not.toMatch(/<script>|<b>note|<1 TB>/);
    expect(html).toContain('A &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('SSD &lt;1 TB&gt;');
    expect(html).toContain('EUR\u00a0123,456.78');
    expect(html).toContain('2.5');
    expect(html).toContain('Reverse charge');
    expect(html).toContain('Footer &amp; co');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toContain('<img');
    expect(invoiceHtml(doc, { logoDataUri: 'data:image/png;base64,iVBO"x' })).toContain('<img class="logo" alt="" src="data:image/png;base64,iVBO&quot;x">');
  });

  it('states the VAT in the home currency with the rate and its day, in each language', () => {
    const build = (language: string, currency: string, country: string, exchangeRate: string | null) => buildInvoiceDocument({
      stored: {
        id: 8, kind: 'invoice', state: 'issued', number: 'FV202600002', variableSymbol: '202600002', issueDate: '2026-11-02', taxableSupplyDate: '2026-10-31', dueDate: '2026-11-16',
        currency, language, period: null, contractNumber: null, reverseCharge: false, roundTotal: false,
        netMinor: 1000_00, vatMinor: 210_00, roundingMinor: 0, totalMinor: 1210_00, vatRecap: [{ vatRateBp: 2100, baseMinor: 1000_00, vatMinor: 210_00, totalMinor: 1210_00 }], note: '',
        exchangeRate, exchangeRateDate: exchangeRate ? '2026-10-30' : null,
      },
      lines: [{ kind: 'manual', description: 'Konzultace', quantityMilli: 1000, unit: 'h', unitPriceMinor: 1000_00, netMinor: 1000_00, vatRateBp: 2100 }],
      supplier: { ...party, vatPayer: true, address: { ...party.address, country }, bankAccount: null, registration: null, logoPath: null, footerText: null },
      customer: party,
      corrects: null,
    });
    const cs = invoiceHtml(build('cs', 'EUR', 'CZ', '24.335'));
    expect(cs).toContain('DPH v Kč<br><small>kurz 24,335 CZK/EUR ke dni 30.\u00a010.\u00a02026</small>');
    expect(cs).toContain('<th>DPH celkem v Kč</th><td>5\u00a0110,35\u00a0Kč</td>');
    expect(cs).toContain('24\u00a0335,00\u00a0Kč');
    expect(cs).toContain('5\u00a0110,35\u00a0Kč');
    expect(invoiceHtml(build('en', 'EUR', 'CZ', '24.335'))).toContain('VAT in CZK<br><small>rate 24.335 CZK/EUR as of 30 Oct 2026</small>');
    const sk = invoiceHtml(build('sk', 'CZK', 'SK', '0.041'));
    expect(sk).toContain('DPH v domácej mene (EUR)<br><small>kurz 0,041 EUR/CZK ku dňu 30.\u00a010.\u00a02026</small>');
    expect(sk).toContain('8,61\u00a0€'); // 210.00 CZK × 0.041 = 8.61 EUR
    // No rate fixed (same currency, or a draft): no block.
    expect(invoiceHtml(build('cs', 'CZK', 'CZ', null))).not.toContain('DPH v');
  });
});
