/**
 * Payment QR payloads against published vectors.
 *
 * What is verified: the SPAYD string of the QR Platba specification's own
 * example, character for character; our SPAYD escaping and upper-case rules;
 * the bysquare package producing its repository's golden QR strings (so the
 * LZMA wire format on this machine is the one banking apps read); our PAY by
 * square payloads decoding back (bysquare's decoder) to exactly the payment
 * we meant; and the QR symbols holding exactly the payload (the qrcode
 * library's segment data). The printed QR read back from the rendered page's
 * pixels (jsqr) is checked in test/documents.test.ts.
 */
import { decode, encode, PaymentOptions, CurrencyCode } from 'bysquare/pay';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decimalAmount, payBySquarePayload, paymentQrFor, PaymentQrError, spaydPayload, type PaymentQrSource } from './payment-qr.ts';

describe('QR Platba (SPAYD 1.0)', () => {
  it('gives the specification example exactly', () => {
    // qr-platba.cz, "Formát pro sdílení platebních údajů v rámci tuzemského platebního styku v CZK prostřednictvím QR kódů", example payload.
    expect(spaydPayload({ iban: 'CZ5855000000001265098001', amountMinor: 48050, currency: 'CZK', message: 'Platba za zboží' })).toBe('SPD*1.0*ACC:CZ5855000000001265098001*AM:480.50*CC:CZK*MSG:PLATBA ZA ZBOZI');
  });

  it('adds BIC, variable symbol and due date, and escapes the separator', () => {
    expect(spaydPayload({ iban: 'cz65 0800 0000 1920 0014 5399', bic: 'gibaczpx', amountMinor: 2_987_500, currency: 'czk', variableSymbol: '20260042', dueDate: '2026-11-16', message: 'Faktura *42* 100%' }))
      .toBe('SPD*1.0*ACC:CZ6508000000192000145399+GIBACZPX*AM:29875.00*CC:CZK*X-VS:20260042*DT:20261116*MSG:FAKTURA %2A42%2A 100%25');
  });

  it('refuses what the specification does not allow', () => {
    expect(() => spaydPayload({ iban: 'not an iban', amountMinor: 100, currency: 'CZK' })).toThrow(PaymentQrError);
    expect(() => spaydPayload({ iban: 'CZ6508000000192000145399', amountMinor: 0, currency: 'CZK' })).toThrow(/positive/);
    expect(() => spaydPayload({ iban: 'CZ6508000000192000145399', amountMinor: 100, currency: 'CZK', variableSymbol: '12345678901' })).toThrow(/variable symbol/);
    expect(() => decimalAmount(100_000_000_000)).toThrow(/longer than 10/);
  });

  it('never lets message text break the key-value structure', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (message) => {
      const payload = spaydPayload({ iban: 'CZ6508000000192000145399', amountMinor: 1, currency: 'CZK', message });
      const parts = payload.split('*');
      return parts[0] === 'SPD' && parts[1] === '1.0' && parts.slice(2).every((p) => /^[A-Z-]+:/.test(p)) && /^[\x20-\x7e]*$/.test(payload);
    }));
  });
});

describe('PAY by square', () => {
  it('the bysquare package gives its documented golden strings on this machine', () => {
    // github.com/xseman/bysquare typescript/src/pay/testdata/wire-format-test-data.ts
    const iban = 'SK9611000000002918599669';
    expect(encode({ invoiceId: 'test-001', payments: [{ type: PaymentOptions.PaymentOrder, amount: 100.0, currencyCode: CurrencyCode.EUR, bankAccounts: [{ iban }], variableSymbol: '123', beneficiary: { name: 'John Doe' } }] }))
      .toBe('0804O0002G0L2UES834BQT9SQJQA9M5QGN1AHN4VO0KB6MVM9RPFU06E5LQEOQUN07FTDIF96UAS90AOPDCSE86CMTRAI45IDKRHJ6BUOIG1162LVVVRAKA000');
    expect(encode({ payments: [{ type: PaymentOptions.PaymentOrder, amount: 0, currencyCode: CurrencyCode.EUR, bankAccounts: [{ iban }], beneficiary: { name: 'John Doe' } }] }))
      .toBe('0803U0008MG52E0Q0RIN3U8H327ELACLMJC1081SL31ETI56TODN1C4GGCJ47SQ15FPVNSEAV0BUCRJ7AR1D9KUHUNDVVVOF20000');
    // …and decodes the repository's published QR string to its published payment.
    expect(decode('0004I0006UC5LT8E21H3IC1K9R40P82GJL22NTU0586BBEOEKDMQSVUUBAOP1C0FFE14UJA1F1LJMV0FONE35J05TRC77FTIMV87NKNANNOFJB684000').payments[0])
      .toMatchObject({ amount: 25.3, currencyCode: 'EUR', bankAccounts: [{ iban: 'SK4523585719461382368397' }], beneficiary: { name: 'John Doe' } });
  });

  it('our payment decodes back to exactly the payment meant', () => {
    const payload = payBySquarePayload({ iban: 'SK96 1100 0000 0029 1859 9669', bic: 'TATRSKBX', amountMinor: 68_625, currency: 'EUR', variableSymbol: '20260043', dueDate: '2026-11-30', message: 'FV2026-0043', beneficiaryName: 'Kontor Servis s.r.o.' });
    expect(decode(payload)).toEqual({
      payments: [{
        type: PaymentOptions.PaymentOrder,
        amount: 686.25,
        currencyCode: 'EUR',
        variableSymbol: '20260043',
        paymentDueDate: '20261130',
        paymentNote: 'FV2026-0043',
        beneficiary: { name: 'Kontor Servis s.r.o.' },
        bankAccounts: [{ iban: 'SK9611000000002918599669', bic: 'TATRSKBX' }],
      }],
    });
  });

  it('refuses a bad IBAN with a clear error', () => {
    expect(() => payBySquarePayload({ iban: 'SK9611000000002918599668', amountMinor: 100, currency: 'EUR', beneficiaryName: 'X' })).toThrow(PaymentQrError);
  });
});

describe('which QR an invoice carries', () => {
  const base: PaymentQrSource = {
    kind: 'invoice', number: 'FV1', currency: 'CZK', totalMinor: 12_100, variableSymbol: '1', dueDate: '2026-11-16',
    supplier: { name: 'Kontor Servis s.r.o.', bankAccount: { iban: 'CZ6508000000192000145399', bic: null } },
    customer: { address: { country: 'CZ' } },
  };
  it('QR Platba for CZK, PAY by square for EUR to Slovakia, none otherwise', () => {
    expect(paymentQrFor(base)?.kind).toBe('spayd');
    expect(paymentQrFor({ ...base, currency: 'EUR', customer: { address: { country: 'SK' } } })?.kind).toBe('pay_by_square');
    expect(paymentQrFor({ ...base, currency: 'EUR' })).toBeNull();
    expect(paymentQrFor({ ...base, kind: 'credit_note', totalMinor: -12_100 })).toBeNull();
    expect(paymentQrFor({ ...base, supplier: { name: 'X', bankAccount: null } })).toBeNull();
  });

  it('asks for what is due when less is (a copy mailed after a part payment), and for nothing when nothing is', () => {
    expect(paymentQrFor(base)!.payload).toContain('*AM:121.00*');
    expect(paymentQrFor(base, 2_023)!.payload).toContain('*AM:20.23*');
    expect(paymentQrFor(base, 0)).toBeNull();
    expect(paymentQrFor(base, -500)).toBeNull();
  });

  it('the QR symbol holds exactly the payload (qrcode segment data)', () => {
    for (const payload of [paymentQrFor(base)!.payload, paymentQrFor({ ...base, currency: 'EUR', customer: { address: { country: 'SK' } } })!.payload]) {
      const code = QRCode.create(payload, { errorCorrectionLevel: 'M' });
      expect(code.segments.map((s) => String(s.data)).join('')).toBe(payload);
      expect(code.modules.size).toBeGreaterThanOrEqual(21);
    }
  });
});
