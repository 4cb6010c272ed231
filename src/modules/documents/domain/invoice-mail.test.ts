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
  it('sent again, asks for what is outstanding, naming payments and credit notes; paid asks for nothing; overpaid says it is refunded', () => {
    const untouched = invoiceMail(doc, { hasQr: true, settlement: { paidMinor: 0, creditedMinor: 0, amountDueMinor: 2_987_500, refundDueMinor: 0 } });
    expect(untouched.text).toContain('Částka k úhradě: 29 875,00 Kč');
    expect(untouched.text).toContain('Platbu můžete zadat i naskenováním QR kódu na faktuře.');

    const partPaid = invoiceMail(doc, { hasQr: true, settlement: { paidMinor: 1_000_000, creditedMinor: 121, amountDueMinor: 1_987_379, refundDueMinor: 0 } }).text;
    for (const line of ['Částka faktury: 29 875,00 Kč', 'Uhrazeno: 10 000,00 Kč', 'Dobropisy: -1,21 Kč', 'Zbývá uhradit: 19 873,79 Kč', 'Splatnost: 16. 11. 2026', 'Účet: 19-2000145399/0800', 'Platbu můžete zadat i naskenováním QR kódu na faktuře.']) expect(partPaid).toContain(line);
    expect(partPaid).not.toContain('Částka k úhradě');

    const paid = invoiceMail(doc, { hasQr: true, settlement: { paidMinor: 2_987_500, creditedMinor: 0, amountDueMinor: 0, refundDueMinor: 0 } }).text;
    expect(paid).toContain('Faktura je uhrazena, nic k úhradě nezbývá.');
    for (const asking of ['k úhradě:', 'Zbývá uhradit', 'Splatnost', 'Účet', 'QR']) expect(paid).not.toContain(asking);

    const overpaid = invoiceMail(doc, { hasQr: true, settlement: { paidMinor: 5_975_000, creditedMinor: 0, amountDueMinor: 0, refundDueMinor: 2_987_500 } }).text;
    expect(overpaid).toContain('Faktura je přeplacena o 29 875,00 Kč; přeplatek vám vrátíme.');
    expect(overpaid).not.toContain('QR');

    const credited = invoiceMail(doc, { hasQr: false, settlement: { paidMinor: 0, creditedMinor: 2_987_500, amountDueMinor: 0, refundDueMinor: 0 } }).text;
    expect(credited).toContain('Faktura je vyrovnána dobropisem');

    const sk = { ...doc, language: 'sk' as const, currency: 'EUR' };
    const skPart = invoiceMail(sk, { hasQr: true, settlement: { paidMinor: 1_000_000, creditedMinor: 0, amountDueMinor: 1_987_500, refundDueMinor: 0 } }).text;
    for (const line of ['Suma faktúry: 29 875,00 €', 'Uhradené: 10 000,00 €', 'Zostáva uhradiť: 19 875,00 €', 'Platbu môžete zadať aj naskenovaním QR kódu na faktúre.']) expect(skPart).toContain(line);
    expect(skPart).not.toContain('Dobropisy');
    expect(invoiceMail(sk, { hasQr: true, settlement: { paidMinor: 2_987_500, creditedMinor: 0, amountDueMinor: 0, refundDueMinor: 0 } }).text).toContain('Faktúra je uhradená');
    const en = invoiceMail({ ...doc, language: 'en' }, { hasQr: false, settlement: { paidMinor: 2_987_500, creditedMinor: 0, amountDueMinor: 0, refundDueMinor: 0 } }).text;
    expect(en).toContain('The invoice is paid; nothing is left to pay.');
  });
});
