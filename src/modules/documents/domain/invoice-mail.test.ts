import { describe, expect, it } from 'vitest';
import { invoiceMail, type InvoiceMailSource } from './invoice-mail.ts';

const doc: InvoiceMailSource = {
  kind: 'invoice', number: 'FV2026/0042', language: 'cs', currency: 'CZK', totalMinor: 2_987_500, dueDate: '2026-11-16', variableSymbol: '20260042',
  supplier: { name: 'Kontor Servis s.r.o.', email: 'fakturace@kontor-servis.cz', phone: null, bankAccount: { accountNumber: '19-2000145399/0800', iban: 'CZ6508000000192000145399' } },
  customer: { name: 'Žluťoučká pekárna a.s.' },
};

describe('invoice e-mail', () => {
  it('says what, how much, when and where to pay, in the document language', () => {
    const mail = invoiceMail(doc, { hasQr: true });
    expect(mail.subject).toBe('Faktura FV2026/0042 – Kontor Servis s.r.o.');
    expect(mail.filename).toBe('FV2026-0042.pdf');
    for (const line of ['v příloze posíláme fakturu č. FV2026/0042.', 'Částka k úhradě: 29 875,00 Kč', 'Splatnost: 16. 11. 2026', 'Variabilní symbol: 20260042', 'Účet: 19-2000145399/0800', 'QR kódu']) expect(mail.text).toContain(line);
  });
  it('Slovak, English, and a credit note without payment details', () => {
    expect(invoiceMail({ ...doc, language: 'sk', currency: 'EUR' }, { hasQr: false }).text).toContain('Suma na úhradu: 29 875,00 €');
    expect(invoiceMail({ ...doc, language: 'en' }, { hasQr: false }).subject).toBe('Invoice FV2026/0042 – Kontor Servis s.r.o.');
    const credit = invoiceMail({ ...doc, kind: 'credit_note', totalMinor: -115_000 }, { hasQr: false });
    expect(credit.subject).toContain('Opravný daňový doklad');
    expect(credit.text).toContain('Hodnota dobropisu: -1 150,00 Kč');
    expect(credit.text).not.toContain('Variabilní symbol');
  });
});
