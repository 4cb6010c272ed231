/**
 * Accounting export formats: every variant validates against the official XSDs
 * with xmllint, output is byte-stable (golden files; UPDATE_GOLDEN=1 rewrites
 * them), and the totals in every format equal the document's to the minor unit,
 * also for random valid documents.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { convert } from 'xmlbuilder2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvoiceDocument } from '../src/modules/billing/index.ts';
import { EXPORTERS } from '../src/modules/exports/domain/adapters.ts';
import { fromWindows1250 } from '../src/modules/exports/domain/encoding.ts';
import type { ExportItem } from '../src/modules/exports/domain/exporter.ts';
import type { SlipDocument } from '../src/modules/warehouse/index.ts';
import { isdocXml } from '../src/modules/exports/domain/isdoc.ts';
import { SlipCurrenciesMixed, slipCurrencyOf, UnmappedVatRate, unmappedPohodaRates } from '../src/modules/exports/domain/pohoda.ts';
import { ublXml } from '../src/modules/exports/domain/ubl.ts';
import { planCreditNote } from '../src/modules/billing/domain/credit-note.ts';
import { requireXmllint, validate, XSD } from './fixtures/exports/xmllint.ts';
import { unzip } from './fixtures/exports/zip.ts';
import { batchStream } from '../src/modules/exports/exports.stream.ts';
import type { ExportFormat } from '../src/modules/exports/domain/exporter.ts';
import { creditNote, czClient, czSupplier, eurInvoice, INVOICES, invoiceDocument, issueSlip, nonPayerSupplier, skClient, slovakSlip } from './fixtures/exports/documents.ts';

const GOLDEN = join(import.meta.dirname, 'fixtures/exports/golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

let dir: string;
beforeAll(() => {
  requireXmllint();
  dir = mkdtempSync(join(tmpdir(), 'kontor-exports-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

function pohodaBatch(items: ExportItem[], supplier = czSupplier): Buffer {
  const writer = EXPORTERS.pohoda.openBatch({ period: '2026-10', packId: 'KONTOR-7', supplier });
  const chunks = [...writer.start(), ...items.flatMap((i) => writer.add(i)), ...writer.finish()];
  return Buffer.concat(chunks.map((c) => c.bytes));
}

function csvBatch(docs: InvoiceDocument[]): Record<string, string> {
  const writer = EXPORTERS.csv.openBatch({ period: '2026-10', packId: 'KONTOR-1', supplier: czSupplier });
  const files: Record<string, string> = {};
  for (const c of [...writer.start(), ...docs.flatMap((doc) => writer.add({ kind: 'invoice', doc })), ...writer.finish()]) {
    files[c.file] = (files[c.file] ?? '') + Buffer.from(c.bytes).toString('utf8');
  }
  return files;
}

describe('every export variant validates against the official schema', () => {
  for (const [name, doc] of Object.entries(INVOICES)) {
    it(`${name}: ISDOC, UBL and POHODA`, () => {
      validate(XSD.isdoc, [write(`${name}.isdoc`, EXPORTERS.isdoc.exportDocument(doc))]);
      validate(doc.kind === 'credit_note' ? XSD.ublCreditNote : XSD.ublInvoice, [write(`${name}.ubl.xml`, EXPORTERS.ubl.exportDocument(doc))]);
      validate(XSD.pohoda, [write(`${name}.pohoda.xml`, EXPORTERS.pohoda.exportDocument(doc))]);
    });
  }

  it('a credit note correcting a line by an amount: no unit in any format, its text and money as the document states them', () => {
    // 200,00 of 36 km at 12,00, planned as issuing plans it: quantity -1, no unit, the amount as its price.
    const travel = { id: 7, position: 3, kind: 'travel', description: 'Doprava', quantityMilli: 36_000, unit: 'km', unitPriceMinor: 12_00, netMinor: 432_00, vatRateBp: 2100, creditedMinor: 0 };
    const plan = planCreditNote([travel], { lines: [{ lineId: 7, amountMinor: 200_00 }] }, 'cs');
    if (!plan.ok) throw new Error('the plan was refused');
    const doc = invoiceDocument({
      id: '109', number: 'OD2026-0109', kind: 'credit_note', issueDate: '2026-11-05',
      lines: plan.lines.map((l) => ({ kind: 'travel', description: l.description, quantityMilli: l.quantityMilli, unit: l.unit, unitPriceMinor: l.unitPriceMinor, netMinor: l.netMinor, vatRateBp: l.vatRateBp })),
      corrects: { number: 'FV2026-0101', issueDate: '2026-10-31', taxableSupplyDate: '2026-10-31', reason: 'Sleva na dopravě' },
    });
    expect(doc.totalMinor).toBe(-242_00);
    const isdoc = isdocXml(doc);
    const ubl = ublXml(doc);
    const pohoda = EXPORTERS.pohoda.exportDocument(doc);
    validate(XSD.isdoc, [write('amount-correction.isdoc', isdoc)]);
    validate(XSD.ublCreditNote, [write('amount-correction.ubl.xml', ubl)]);
    validate(XSD.pohoda, [write('amount-correction.pohoda.xml', pohoda)]);
    // ISDOC: a quantity without a unit code; the line's text names the corrected line.
    expect(isdoc).toContain('<InvoicedQuantity>-1</InvoicedQuantity>');
    expect(isdoc).toContain('<Description>Oprava částky řádku 3: Doprava</Description>');
    expect(isdoc).not.toContain('unitCode=""');
    // UBL needs a unit code: C62, "one" — one correction, not a kilometre (a UBL credit note states it positive).
    expect(ubl).toMatch(/<cbc:CreditedQuantity unitCode="C62">1<\/cbc:CreditedQuantity>/);
    expect(ubl).toContain('<cbc:Name>Oprava částky řádku 3: Doprava</cbc:Name>');
    // POHODA: no unit element at all, the net as issued.
    const text = fromWindows1250(Buffer.from(pohoda));
    expect(section(text, 'inv:invoiceItem')).not.toMatch(/<inv:unit\b/);
    expect(section(text, 'inv:invoiceItem')).toContain('<inv:text>Oprava částky řádku 3: Doprava</inv:text>');
    expect(section(text, 'inv:invoiceItem')).toContain('<typ:price>-200.00</typ:price>');
    // CSV: an empty unit.
    const csvLine = csvBatch([doc])['lines.csv']!.split(/\r?\n/).find((r) => r.startsWith('OD2026-0109;'))!;
    expect(csvLine.split(';').slice(3, 8)).toEqual(['Oprava částky řádku 3: Doprava', '', '-1', '', '200,00']);
  });

  it('a POHODA batch with address-book entries, invoices, a credit note and an issue slip (výdejka)', () => {
    const docs = Object.values(INVOICES).filter((d) => d.supplier === czSupplier);
    const bytes = pohodaBatch([
      { kind: 'client', clientId: 5, party: czClient },
      { kind: 'client', clientId: 6, party: skClient },
      ...docs.map((doc): ExportItem => ({ kind: 'invoice', doc })),
      { kind: 'slip', doc: issueSlip },
    ]);
    validate(XSD.pohoda, [write('batch.pohoda.xml', bytes)]);
    const text = fromWindows1250(bytes);
    expect(text.startsWith('<?xml version="1.0" encoding="Windows-1250"?>')).toBe(true);
    // Windows-1250 bytes: "č" is 0xE8, never UTF-8's 0xC4 0x8D.
    expect(bytes.includes(Buffer.from([0xc4, 0x8d]))).toBe(false);
    expect(text).toContain('Slovenský klient s.r.o.');
    expect(text).toContain('<typ:icDph>SK2020123456</typ:icDph>');
    expect(text).toContain('<vyd:vydejka version="2.0">');
    expect(text).toContain('<inv:invoiceType>issuedCorrectiveTax</inv:invoiceType>');
    expect(text).toMatch(/<inv:correctiveDocument>\s*<typ:sourceDocument>\s*<typ:number>FV2026-0101</);
  });

  it('a Slovak provider’s slip in a Czech company’s POHODA batch: its rates named by Slovak rules (23 % high, 19 % low, 5 % third)', () => {
    const skCompany = { ...czSupplier, vatId: 'SK2020999999', taxId: '2020999999', address: { ...czSupplier.address, country: 'SK' } };
    for (const [name, company] of [['cz', czSupplier], ['sk', skCompany]] as const) {
      const bytes = pohodaBatch([{ kind: 'slip', doc: slovakSlip }, { kind: 'slip', doc: issueSlip }], company);
      validate(XSD.pohoda, [write(`slips-${name}-company.pohoda.xml`, bytes)]);
      const [sk, cz] = fromWindows1250(bytes).split('<vyd:vydejka version="2.0">').slice(1).map((x) => [...x.matchAll(/<vyd:rateVAT>(\w+)</g)].map((m) => m[1]));
      expect(sk, name).toEqual(['high', 'low', 'third', 'none']);
      // The Czech provider's slip keeps the Czech rules beside it: 21 % is high.
      expect(cz, name).toEqual(['high', 'high']);
    }
  });

  it('for any slip, POHODA names its rates by the slip’s own VAT country alone, and refuses it exactly when the check names a rate (property)', () => {
    const skCompany = { ...czSupplier, vatId: 'SK2020999999', taxId: '2020999999', address: { ...czSupplier.address, country: 'SK' } };
    const line = slovakSlip.lines[0]!;
    fc.assert(
      fc.property(
        fc.constantFrom('CZ', 'SK'),
        fc.array(fc.constantFrom(0, 500, 1000, 1200, 1500, 1900, 2000, 2100, 2300), { minLength: 1, maxLength: 5 }),
        (vatCountry, rates) => {
          const doc: SlipDocument = { ...slovakSlip, vatCountry, lines: rates.map((vatRateBp, i) => ({ ...line, position: i + 1, vatRateBp })) };
          const found = unmappedPohodaRates({ kind: 'slip', doc });
          expect(found).toEqual([...new Set(rates)].filter((r) => !(vatCountry === 'CZ' ? [0, 1200, 2100] : [0, 500, 1900, 2300]).includes(r)).map((vatRateBp) => ({ documentNumber: doc.number, vatRateBp, country: vatCountry })));
          const written: (string | UnmappedVatRate)[] = [czSupplier, skCompany].map((company) => {
            try {
              return fromWindows1250(pohodaBatch([{ kind: 'slip', doc }], company)).replace(/<dat:dataPack [^>]*>/, '');
            } catch (error) {
              if (!(error instanceof UnmappedVatRate)) throw error;
              return error;
            }
          });
          // The company's country changes nothing of the slip's item.
          if (typeof written[0] === 'string') expect(written[1]).toBe(written[0]);
          else expect(written[1]).toBeInstanceOf(UnmappedVatRate);
          expect(typeof written[0] !== 'string').toBe(found.length > 0);
          if (typeof written[0] !== 'string') expect(found).toContainEqual({ documentNumber: doc.number, vatRateBp: written[0]!.vatRateBp, country: vatCountry });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a slip in a foreign currency goes to POHODA as a foreign-currency document, its prices in the foreign block', () => {
    // A Czech provider's slip sold in EUR (the client's price list), its stock costs kept in CZK.
    const eurSlip: SlipDocument = {
      ...issueSlip, id: '44', number: 'VY2026-0044', currency: 'EUR',
      lines: [
        { ...issueSlip.lines[0]!, unitPriceMinor: 6_20, priceMinor: 12_40 },
        { ...issueSlip.lines[1]!, unitPriceMinor: 1_05, priceMinor: 1_05 },
      ],
      totalPriceMinor: 13_45,
    };
    const bytes = pohodaBatch([{ kind: 'slip', doc: eurSlip }, { kind: 'slip', doc: issueSlip }, { kind: 'slip', doc: slovakSlip }]);
    validate(XSD.pohoda, [write('slip-eur.pohoda.xml', bytes)]);
    const [eur, czk, sk] = fromWindows1250(bytes).split('<vyd:vydejka version="2.0">').slice(1);
    expect(eur).not.toContain('homeCurrency');
    expect([...eur!.matchAll(/<vyd:foreignCurrency>\s*<typ:unitPrice>([\d.]+)</g)].map((m) => m[1])).toEqual(['6.20', '1.05']);
    expect(eur).toMatch(/<vyd:vydejkaSummary>[\s\S]*<vyd:foreignCurrency>\s*<typ:currency>\s*<typ:ids>EUR<\/typ:ids>\s*<\/typ:currency>\s*<typ:priceSum>13.45<\/typ:priceSum>/);
    // No exchange rate is kept with a slip: none is written, POHODA takes its own for the slip's date.
    expect(eur).not.toContain('<typ:rate>');
    // In the home currency of their VAT country (CZK for CZ, EUR for SK) nothing changes: home-currency prices.
    for (const home of [czk, sk]) {
      expect(home).toContain('<vyd:homeCurrency>');
      expect(home).not.toContain('foreignCurrency');
    }
    // Not priced on the ticket, all of it: valued at cost, in the cost currency (the home one here).
    const atCost: SlipDocument = { ...eurSlip, lines: eurSlip.lines.map((l) => ({ ...l, unitPriceMinor: null, priceMinor: null })), totalPriceMinor: null };
    expect(slipCurrencyOf(atCost)).toEqual({ currency: 'CZK' });
    const costBytes = pohodaBatch([{ kind: 'slip', doc: atCost }]);
    validate(XSD.pohoda, [write('slip-eur-at-cost.pohoda.xml', costBytes)]);
    expect([...fromWindows1250(costBytes).matchAll(/<vyd:homeCurrency>\s*<typ:unitPrice>([\d.]+)</g)].map((m) => m[1])).toEqual(['90.00', '20.00']);
  });

  it('refuses a slip valued in two currencies (EUR sale prices, CZK cost of an unpriced line), naming it', () => {
    const mixed: SlipDocument = { ...issueSlip, id: '45', number: 'VY2026-0045', currency: 'EUR', lines: [{ ...issueSlip.lines[0]!, unitPriceMinor: 6_20, priceMinor: 12_40 }, issueSlip.lines[1]!], totalPriceMinor: null };
    const found = slipCurrencyOf(mixed);
    expect('mixed' in found && found.mixed).toBeInstanceOf(SlipCurrenciesMixed);
    expect(EXPORTERS.pohoda.unwritableSlip!(mixed)?.message).toMatch(/^Issue slip VY2026-0045 values its material in EUR and CZK/);
    expect(EXPORTERS.pohoda.unwritableSlip!(issueSlip)).toBeNull();
    expect(() => pohodaBatch([{ kind: 'slip', doc: mixed }])).toThrow(SlipCurrenciesMixed);
  });

  it('characters Windows-1250 cannot hold become character references, not question marks', () => {
    const doc = invoiceDocument({ id: '900', number: 'FV2026-0900', customer: { ...czClient, name: 'Łódź → Kraków 😀 s.r.o.' }, lines: INVOICES.czVatPayer.lines });
    const bytes = EXPORTERS.pohoda.exportDocument(doc);
    validate(XSD.pohoda, [write('charrefs.pohoda.xml', bytes)]);
    const parsed = convert(fromWindows1250(bytes).replace(/^<\?xml[^>]*>/, ''), { format: 'object' }) as unknown as Record<string, unknown>;
    expect(JSON.stringify(parsed)).toContain('Łódź → Kraków 😀 s.r.o.');
  });

  it('text with markup characters and control characters stays well-formed in every format', () => {
    const doc = invoiceDocument({ id: '904', number: 'FV2026-0904', customer: { ...czClient, name: 'A & B <"Servis"> \u0001s.r.o.' }, lines: INVOICES.czVatPayer.lines, note: 'Pozn. <b>&amp;</b>' });
    validate(XSD.isdoc, [write('markup.isdoc', EXPORTERS.isdoc.exportDocument(doc))]);
    validate(XSD.ublInvoice, [write('markup.ubl.xml', EXPORTERS.ubl.exportDocument(doc))]);
    validate(XSD.pohoda, [write('markup.pohoda.xml', EXPORTERS.pohoda.exportDocument(doc))]);
    const isdoc = isdocXml(doc);
    expect(isdoc).toContain('<Name>A &amp; B &lt;"Servis"&gt; s.r.o.</Name>');
    expect(isdoc).toContain('<Note>Pozn. &lt;b&gt;&amp;amp;&lt;/b&gt;</Note>');
    expect(isdoc).not.toContain('\u0001');
  });

  it('a VAT rate POHODA has no name for in the supplier’s country is refused, naming the document', () => {
    const doc = invoiceDocument({ id: '901', number: 'FV2026-0901', lines: [{ ...INVOICES.czVatPayer.lines[0]!, vatRateBp: 1500 }] });
    expect(() => EXPORTERS.pohoda.exportDocument(doc)).toThrow(UnmappedVatRate);
    expect(() => EXPORTERS.pohoda.exportDocument(doc)).toThrow(/15 % of FV2026-0901/);
  });

  it('the rates POHODA has no name for are all named beforehand, by the same rule the writer refuses with', () => {
    const line = INVOICES.czVatPayer.lines[0]!;
    const doc = invoiceDocument({ id: '905', number: 'FV2026-0905', lines: [1500, 2100, 1000, 1500].map((vatRateBp) => ({ ...line, vatRateBp })) });
    const found = unmappedPohodaRates({ kind: 'invoice', doc });
    expect(found.sort((a, b) => a.vatRateBp - b.vatRateBp)).toEqual([
      { documentNumber: 'FV2026-0905', vatRateBp: 1000, country: 'CZ' },
      { documentNumber: 'FV2026-0905', vatRateBp: 1500, country: 'CZ' },
    ]);
    expect(EXPORTERS.pohoda.unmappedVatRates).toBe(unmappedPohodaRates);
    for (const format of ['isdoc', 'ubl', 'csv'] as const) expect(EXPORTERS[format].unmappedVatRates, format).toBeUndefined();
    // Whatever the writer stops at is one of them.
    try {
      EXPORTERS.pohoda.exportDocument(doc);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UnmappedVatRate);
      expect(found).toContainEqual({ documentNumber: (error as UnmappedVatRate).documentNumber, vatRateBp: (error as UnmappedVatRate).vatRateBp, country: 'CZ' });
    }
    // Reverse charge writes 0 % whatever the line says; a non-payer's lines are 0 % too: nothing unnamed.
    expect(unmappedPohodaRates({ kind: 'invoice', doc: invoiceDocument({ id: '906', number: 'FV2026-0906', reverseCharge: true, lines: [{ ...line, vatRateBp: 1500 }] }) })).toEqual([]);
    // Every fixed document exports, and none is reported.
    for (const fixed of [...Object.values(INVOICES), eurInvoice]) expect(unmappedPohodaRates({ kind: 'invoice', doc: fixed }), fixed.number).toEqual([]);
    // A foreign-currency invoice's summary in the supplier's currency names its groups' rates too.
    const oddGroups = { ...eurInvoice, homeCurrencyVat: { ...eurInvoice.homeCurrencyVat!, groups: [{ vatRateBp: 1500, baseMinor: 2_360_495, vatMinor: 354_074 }] } };
    expect(unmappedPohodaRates({ kind: 'invoice', doc: oddGroups })).toEqual([{ documentNumber: 'FV2026-0107', vatRateBp: 1500, country: 'CZ' }]);
    expect(() => EXPORTERS.pohoda.exportDocument(oddGroups)).toThrow(/15 % of FV2026-0107/);
    // Issue slips by the rates of the country their rates were taken from, whatever the company's address says;
    // address-book entries have no rate.
    expect(unmappedPohodaRates({ kind: 'slip', doc: issueSlip })).toEqual([]);
    expect(unmappedPohodaRates({ kind: 'slip', doc: { ...issueSlip, vatCountry: 'SK' } })).toEqual([{ documentNumber: 'VY2026-0042', vatRateBp: 2100, country: 'SK' }]);
    expect(unmappedPohodaRates({ kind: 'slip', doc: slovakSlip })).toEqual([]);
    expect(unmappedPohodaRates({ kind: 'client', clientId: 1, party: czClient })).toEqual([]);
  });

  it('for any rates, POHODA refuses a document exactly when the check names a rate, and then one it named', () => {
    const line = INVOICES.czVatPayer.lines[0]!;
    const skSupplier = { ...czSupplier, vatId: 'SK2020999999', taxId: '2020999999', address: { ...czSupplier.address, country: 'SK' } };
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(0, 500, 1000, 1200, 1500, 1900, 2000, 2100, 2300), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        fc.constantFrom(czSupplier, skSupplier, nonPayerSupplier),
        (rates, reverseCharge, supplier) => {
          const currency = supplier.address.country === 'SK' ? 'EUR' : 'CZK';
          const doc = invoiceDocument({ id: '907', number: 'FV2026-0907', supplier, currency, reverseCharge, lines: rates.map((vatRateBp) => ({ ...line, vatRateBp })) });
          const found = unmappedPohodaRates({ kind: 'invoice', doc });
          let refused: UnmappedVatRate | null = null;
          try {
            EXPORTERS.pohoda.exportDocument(doc);
          } catch (error) {
            if (!(error instanceof UnmappedVatRate)) throw error;
            refused = error;
          }
          expect(refused === null).toBe(found.length === 0);
          if (refused) expect(found).toContainEqual({ documentNumber: 'FV2026-0907', vatRateBp: refused.vatRateBp, country: refused.country });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('Slovak rates map to high, low and third', () => {
    const skSupplier = { ...czSupplier, vatId: 'SK2020999999', taxId: '2020999999', address: { ...czSupplier.address, country: 'SK' }, bankAccount: { accountNumber: null, iban: 'SK3112000000198742637541', bic: 'SUBASKBX' } };
    const line = INVOICES.czVatPayer.lines[0]!;
    const doc = invoiceDocument({ id: '902', number: 'FV2026-0902', supplier: skSupplier, customer: skClient, currency: 'EUR', language: 'sk', lines: [2300, 1900, 500].map((vatRateBp) => ({ ...line, vatRateBp })) });
    const text = fromWindows1250(EXPORTERS.pohoda.exportDocument(doc));
    for (const rate of ['high', 'low', 'third']) expect(text).toContain(`<inv:rateVAT>${rate}</inv:rateVAT>`);
    expect(text).toContain('<typ:price3VAT rate="5">');
    validate(XSD.pohoda, [write('sk.pohoda.xml', EXPORTERS.pohoda.exportDocument(doc))]);
    validate(XSD.ublInvoice, [write('sk.ubl.xml', EXPORTERS.ubl.exportDocument(doc))]);
  });
});

describe('format details', () => {
  it('ISDOC: document types, credit-note reference, non-payer and reverse charge', () => {
    expect(isdocXml(INVOICES.czVatPayer)).toContain('<DocumentType>1</DocumentType>');
    const credit = isdocXml(creditNote);
    expect(credit).toContain('<DocumentType>2</DocumentType>');
    expect(credit).toMatch(/<OriginalDocumentReference id="orig1">\s*<ID>FV2026-0101<\/ID>/);
    expect(credit).toContain('<PayableAmount>988.00</PayableAmount>');
    expect(isdocXml(INVOICES.nonVatPayer)).toMatch(/<VATApplicable>false<\/VATApplicable>\s*<ElectronicPossibilityAgreementReference/);
    const rc = isdocXml(INVOICES.skReverseCharge);
    expect(rc).toContain('<VATNote>Prenesenie daňovej povinnosti</VATNote>');
    expect(rc).toContain('<LocalCurrencyCode>EUR</LocalCurrencyCode>');
    expect(rc).toContain('<VariableSymbol>20260103</VariableSymbol>');
    expect(rc).toContain('<IBAN>CZ6508000000192000145399</IBAN>');
    expect(INVOICES.withRounding.roundingMinor).toBe(-32);
    expect(isdocXml(INVOICES.withRounding)).toContain('<PayableRoundingAmount>-0.32</PayableRoundingAmount>');
  });

  it('the ISDOC UUID is derived from the invoice, the same on every export', () => {
    const uuid = /<UUID>([0-9A-F-]{36})<\/UUID>/.exec(isdocXml(INVOICES.czVatPayer))![1];
    expect(/<UUID>([0-9A-F-]{36})<\/UUID>/.exec(isdocXml({ ...INVOICES.czVatPayer }))![1]).toBe(uuid);
    expect(/<UUID>([0-9A-F-]{36})<\/UUID>/.exec(isdocXml(INVOICES.nonVatPayer))![1]).not.toBe(uuid);
  });

  it('UBL: Peppol ids, tax categories S / AE / O with reasons, credit note with billing reference', () => {
    const s = ublXml(INVOICES.czVatPayer);
    expect(s).toContain('<cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>');
    expect(s).toContain('<cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>');
    expect(s).toContain('<cbc:EndpointID schemeID="9929">CZ12345678</cbc:EndpointID>');
    expect(s).toMatch(/<cbc:TaxPointDate>2026-10-31<\/cbc:TaxPointDate>/);
    expect(s).toMatch(/<cbc:ID>S<\/cbc:ID>\s*<cbc:Percent>12<\/cbc:Percent>/);
    const rc = ublXml(INVOICES.skReverseCharge);
    expect(rc).toMatch(/<cbc:ID>AE<\/cbc:ID>\s*<cbc:Percent>0<\/cbc:Percent>\s*<cbc:TaxExemptionReasonCode>VATEX-EU-AE<\/cbc:TaxExemptionReasonCode>/);
    expect(rc).toContain('<cbc:EndpointID schemeID="9950">SK2020123456</cbc:EndpointID>');
    expect(rc).toContain('<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>');
    const o = ublXml(INVOICES.nonVatPayer);
    expect(o).toMatch(/<cbc:ID>O<\/cbc:ID>\s*<cbc:TaxExemptionReasonCode>VATEX-EU-O/);
    expect(o).not.toContain('<cbc:Percent>');
    const cn = ublXml(creditNote);
    expect(cn).toContain('<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>');
    expect(cn).toMatch(/<cac:BillingReference>\s*<cac:InvoiceDocumentReference>\s*<cbc:ID>FV2026-0101/);
    expect(cn).not.toMatch(/<cbc:PriceAmount[^>]*>-/);
    expect(cn).toContain('<cbc:PayableAmount currencyID="CZK">988.00</cbc:PayableAmount>');
  });

  it('CSV: UTF-8 with BOM, ";" separated, formulas neutralised, amounts with a decimal comma', () => {
    const doc = invoiceDocument({ id: '903', number: 'FV2026-0903', customer: { ...czClient, name: '=HYPERLINK("x";"y")' }, lines: creditNote.lines });
    const files = csvBatch([doc]);
    expect(Object.keys(files).sort()).toEqual(['invoices.csv', 'lines.csv', 'vat.csv']);
    expect(files['invoices.csv']!.startsWith('\uFEFFnumber;kind;')).toBe(true);
    const row = files['invoices.csv']!.split('\r\n')[1]!;
    expect(row).toContain(`"'=HYPERLINK(""x"";""y"")"`);
    expect(row).toContain(';-850,00;-138,00;0,00;-988,00;');
  });

  it('CSV: vat.csv holds each document\'s VAT recapitulation per rate, exactly its figures (VAT rounded per rate, not summed from lines)', () => {
    const docs = [INVOICES.czVatPayer, INVOICES.skReverseCharge, INVOICES.creditNote, eurInvoice];
    const [header, ...rows] = csvBatch(docs)['vat.csv']!.split('\r\n').filter((r) => r !== '');
    expect(header).toBe('\uFEFFinvoice_number;vat_rate;tax_category;base;vat;total;currency;home_currency;home_base;home_vat');
    const comma = (minor: number) => (minor / 100).toFixed(2).replace('.', ',');
    const expected = docs.flatMap((d) => d.vatRecap.map((g) => `${d.number};${d.reverseCharge ? 0 : g.vatRateBp / 100};${d.reverseCharge ? 'AE' : g.vatRateBp > 0 ? 'S' : 'E'};${comma(g.baseMinor)};${comma(g.vatMinor)};${comma(g.totalMinor)};${d.currency}`));
    expect(rows.map((r) => r.split(';').slice(0, 7).join(';'))).toEqual(expected);
    // More than one rate on one document, so the table is a real recapitulation.
    expect(INVOICES.czVatPayer.vatRecap.length).toBeGreaterThan(1);
    // The credit note's row is negative; the foreign-currency one carries its CZK base and VAT per rate.
    expect(rows.find((r) => r.startsWith(`${INVOICES.creditNote.number};`))).toMatch(/;-\d/);
    const hcv = eurInvoice.homeCurrencyVat!;
    const eurRows = rows.filter((r) => r.startsWith(`${eurInvoice.number};`));
    expect(eurRows.map((r) => r.split(';').slice(7).join(';'))).toEqual(hcv.groups.map((g) => `CZK;${comma(g.baseMinor)};${comma(g.vatMinor)}`));
    expect(rows.find((r) => r.startsWith(`${INVOICES.czVatPayer.number};`))!.endsWith(';;;')).toBe(true);
  });
});

describe('a foreign-currency invoice states its VAT in the supplier’s currency too', () => {
  const eurCreditNote: InvoiceDocument = {
    ...invoiceDocument({ id: '108', number: 'OD2026-0108', kind: 'credit_note', currency: 'EUR', lines: [{ ...eurInvoice.lines[1]!, unitPriceMinor: -12000, netMinor: -12000 }], corrects: { number: 'FV2026-0107', issueDate: '2026-10-31', taxableSupplyDate: '2026-10-31', reason: 'Sleva' }, issueDate: '2026-11-05' }),
    // -120.00 × 24.335 = -2 920.20; -25.20 × 24.335 = -613.242 → -613.24.
    homeCurrencyVat: { currency: 'CZK', rate: '24.335', rateDate: '2026-11-04', groups: [{ vatRateBp: 2100, baseMinor: -292_020, vatMinor: -61_324 }], baseMinor: -292_020, vatMinor: -61_324 },
  };

  it('every format validates against its schema, invoice and credit note', () => {
    for (const [name, doc] of [['eur', eurInvoice], ['eur-credit', eurCreditNote]] as const) {
      validate(XSD.isdoc, [write(`${name}.isdoc`, EXPORTERS.isdoc.exportDocument(doc))]);
      validate(doc.kind === 'credit_note' ? XSD.ublCreditNote : XSD.ublInvoice, [write(`${name}.ubl.xml`, EXPORTERS.ubl.exportDocument(doc))]);
      validate(XSD.pohoda, [write(`${name}.pohoda.xml`, EXPORTERS.pohoda.exportDocument(doc))]);
    }
  });

  it('ISDOC: local currency CZK with the rate; plain amounts in CZK, *Curr ones in EUR; VAT exactly the document’s CZK figures', () => {
    const x = isdocXml(eurInvoice);
    expect(one(x, 'LocalCurrencyCode')).toBe('CZK');
    expect(one(x, 'ForeignCurrencyCode')).toBe('EUR');
    expect(one(x, 'CurrRate')).toBe('24.335');
    expect(one(x, 'RefCurrRate')).toBe('1');
    const sub = section(x, 'TaxSubTotal');
    expect([one(sub, 'TaxableAmountCurr'), one(sub, 'TaxableAmount'), one(sub, 'TaxAmountCurr'), one(sub, 'TaxAmount')]).toEqual(['970.00', '23604.95', '203.70', '4957.04']);
    expect(one(sub, 'TaxInclusiveAmount')).toBe('28561.99');
    expect(one(sub, 'DifferenceTaxAmount')).toBe('4957.04');
    const total = section(x, 'TaxTotal').replace(/<TaxSubTotal>[\s\S]*<\/TaxSubTotal>/, '');
    expect([one(total, 'TaxAmountCurr'), one(total, 'TaxAmount')]).toEqual(['203.70', '4957.04']);
    const legal = section(x, 'LegalMonetaryTotal');
    expect([one(legal, 'TaxExclusiveAmount'), one(legal, 'TaxExclusiveAmountCurr')]).toEqual(['23604.95', '970.00']);
    expect([one(legal, 'PayableAmount'), one(legal, 'PayableAmountCurr')]).toEqual(['28561.99', '1173.70']);
    const lines = section(x, 'InvoiceLines');
    expect(all(lines, 'LineExtensionAmountCurr')).toEqual(['850.00', '120.00']);
    // 850.00 × 24.335 = 20 684.75; 120.00 × 24.335 = 2 920.20.
    expect(all(lines, 'LineExtensionAmount')).toEqual(['20684.75', '2920.20']);
    // The payment instruction stays in what the client pays.
    expect(one(x, 'PaidAmount')).toBe('1173.70');
    const credit = isdocXml(eurCreditNote);
    expect(one(section(credit, 'TaxSubTotal'), 'TaxAmount')).toBe('613.24');
    expect(one(section(credit, 'TaxSubTotal'), 'TaxableAmountCurr')).toBe('120.00');
  });

  it('POHODA: the foreign block with the fixed rate, the home-currency summary with the converted figures', () => {
    const summary = section(fromWindows1250(EXPORTERS.pohoda.exportDocument(eurInvoice)), 'inv:invoiceSummary');
    const foreign = section(summary, 'inv:foreignCurrency');
    expect(one(foreign, 'typ:ids')).toBe('EUR');
    expect(one(foreign, 'typ:rate')).toBe('24.335');
    expect(one(foreign, 'typ:amount')).toBe('1');
    expect(one(foreign, 'typ:priceSum')).toBe('1173.70');
    const home = section(summary, 'inv:homeCurrency');
    expect([one(home, 'typ:priceHigh'), one(home, 'typ:priceHighVAT'), one(home, 'typ:priceHighSum')]).toEqual(['23604.95', '4957.04', '28561.99']);
    // Without the CZK figures POHODA still takes its own rate for the day, as before.
    const plain = section(fromWindows1250(EXPORTERS.pohoda.exportDocument({ ...eurInvoice, homeCurrencyVat: null })), 'inv:invoiceSummary');
    expect(plain).not.toContain('typ:rate');
    expect(plain).not.toContain('inv:homeCurrency');
  });

  it('UBL: TaxCurrencyCode (BT-6) and a second TaxTotal with only the VAT in CZK (BT-111)', () => {
    const x = ublXml(eurInvoice);
    expect(one(x, 'cbc:TaxCurrencyCode')).toBe('CZK');
    const totals = [...x.matchAll(/<cac:TaxTotal>([\s\S]*?)<\/cac:TaxTotal>/g)].map((m) => m[1]!);
    expect(totals).toHaveLength(2);
    expect(totals[0]).toContain('<cbc:TaxAmount currencyID="EUR">203.70</cbc:TaxAmount>');
    expect(totals[1]!.trim()).toBe('<cbc:TaxAmount currencyID="CZK">4957.04</cbc:TaxAmount>');
    expect(ublXml(eurCreditNote)).toContain('<cbc:TaxAmount currencyID="CZK">613.24</cbc:TaxAmount>');
    expect(ublXml(INVOICES.skReverseCharge)).not.toContain('TaxCurrencyCode');
  });

  /** round(minor × rate) half away from zero, by hand in BigInt: an independent check of the exporters' conversion. */
  function convert(minor: number, rate: string): number {
    const [whole, frac = ''] = rate.split('.');
    const n = BigInt(minor) * BigInt(whole! + frac);
    const d = 10n ** BigInt(frac.length);
    const q = n / d;
    const r = n % d;
    return Number((r < 0n ? -r : r) * 2n >= d ? q + (n < 0n ? -1n : 1n) : q) + 0;
  }

  function withHomeCurrency(doc: InvoiceDocument, rate: string): InvoiceDocument {
    const groups = doc.vatRecap.map((g) => ({ vatRateBp: g.vatRateBp, baseMinor: convert(g.baseMinor, rate), vatMinor: convert(g.vatMinor, rate) }));
    return { ...doc, currency: 'EUR', homeCurrencyVat: { currency: 'CZK', rate, rateDate: '2026-10-30', groups, baseMinor: sum(groups.map((g) => g.baseMinor)), vatMinor: sum(groups.map((g) => g.vatMinor)) } };
  }

  const rateArb = fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 999 })).map(([w, f]) => `${w}.${String(f).padStart(3, '0')}`);

  it('for random documents and rates: ISDOC, UBL and POHODA carry exactly the CZK VAT figures, and CZK local totals add up', () => {
    fc.assert(
      fc.property(docArb, rateArb, (r, rate) => {
        const doc = withHomeCurrency(randomDocument(r), rate);
        const hcv = doc.homeCurrencyVat!;
        const signed = (minor: number) => (doc.kind === 'credit_note' ? -1 : 1) * minor + 0;
        const isdoc = isdocXml(doc);
        const subs = [...isdoc.matchAll(/<TaxSubTotal>([\s\S]*?)<\/TaxSubTotal>/g)].map((m) => m[1]!);
        expect(subs.map((t) => [signed(minorOf(one(t, 'TaxableAmount'))), signed(minorOf(one(t, 'TaxAmount')))])).toEqual(hcv.groups.map((g) => [g.baseMinor, g.vatMinor]));
        expect(subs.map((t) => signed(minorOf(one(t, 'TaxAmountCurr'))))).toEqual(doc.vatRecap.map((g) => g.vatMinor));
        const legal = section(isdoc, 'LegalMonetaryTotal');
        expect(signed(minorOf(one(legal, 'PayableAmount')))).toBe(hcv.baseMinor + hcv.vatMinor + convert(doc.roundingMinor, rate));
        expect(signed(minorOf(one(legal, 'PayableAmountCurr')))).toBe(doc.totalMinor);
        expect(ublXml(doc)).toContain(`<cbc:TaxAmount currencyID="CZK">${decimalOf(signed(hcv.vatMinor))}</cbc:TaxAmount>`);
        const home = section(section(fromWindows1250(EXPORTERS.pohoda.exportDocument(doc)), 'inv:invoiceSummary'), 'inv:homeCurrency');
        expect(sum(['typ:priceLowVAT', 'typ:priceHighVAT'].flatMap((t) => all(home, t)).map(minorOf))).toBe(hcv.vatMinor);
      }),
      { numRuns: 150 },
    );
  });

  it('random foreign-currency documents validate against the schemas', () => {
    const docs = fc.sample(fc.tuple(docArb, rateArb), { numRuns: 20, seed: 7 }).map(([r, rate]) => withHomeCurrency(randomDocument(r), rate));
    validate(XSD.isdoc, docs.map((d, i) => write(`hc${i}.isdoc`, EXPORTERS.isdoc.exportDocument(d))));
    validate(XSD.ublInvoice, docs.filter((d) => d.kind === 'invoice').map((d, i) => write(`hci${i}.xml`, EXPORTERS.ubl.exportDocument(d))));
    validate(XSD.ublCreditNote, docs.filter((d) => d.kind === 'credit_note').map((d, i) => write(`hcc${i}.xml`, EXPORTERS.ubl.exportDocument(d))));
    validate(XSD.pohoda, [write('hc.pohoda.xml', pohodaBatch(docs.map((doc): ExportItem => ({ kind: 'invoice', doc }))))]);
  });

  it('CSV: home currency, rate, its date, base and VAT in CZK; empty for other documents', () => {
    const [header, row, other] = csvBatch([eurInvoice, INVOICES.czVatPayer])['invoices.csv']!.split('\r\n');
    expect(header!.endsWith('home_currency;exchange_rate;exchange_rate_date;home_net;home_vat')).toBe(true);
    expect(row!.endsWith(';CZK;24,335;2026-10-31;23604,95;4957,04')).toBe(true);
    expect(other!.endsWith(';;;;;')).toBe(true);
  });
});

describe('streamed batches', () => {
  async function streamed(format: ExportFormat, items: ExportItem[]): Promise<Buffer> {
    async function* source() {
      yield* items;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of batchStream(EXPORTERS[format], { period: '2026-10', packId: 'KONTOR-7', supplier: czSupplier }, source(), new Date('2026-11-02T10:00:00Z'))) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
  const docs = Object.values(INVOICES);
  const items = docs.map((doc): ExportItem => ({ kind: 'invoice', doc }));

  it('ISDOC and UBL: a ZIP whose files are exactly the single-document exports, the same bytes every time', async () => {
    for (const format of ['isdoc', 'ubl'] as const) {
      const zip = await streamed(format, items);
      const files = unzip(zip);
      expect([...files.keys()]).toEqual(docs.map((d) => EXPORTERS[format].fileName(d)));
      for (const d of docs) expect(files.get(EXPORTERS[format].fileName(d))!.equals(Buffer.from(EXPORTERS[format].exportDocument(d)))).toBe(true);
      expect((await streamed(format, items)).equals(zip)).toBe(true);
    }
  });

  it('CSV: the two tables as the batch writer builds them; POHODA: one file, the same as writing it at once', async () => {
    const files = unzip(await streamed('csv', items));
    const expected = csvBatch(docs);
    expect(files.get('invoices.csv')!.toString('utf8')).toBe(expected['invoices.csv']);
    expect(files.get('lines.csv')!.toString('utf8')).toBe(expected['lines.csv']);
    expect(files.get('vat.csv')!.toString('utf8')).toBe(expected['vat.csv']);
    const pohodaItems: ExportItem[] = [{ kind: 'client', clientId: 5, party: czClient }, ...items.filter((i) => i.kind === 'invoice' && i.doc.supplier === czSupplier), { kind: 'slip', doc: issueSlip }];
    expect((await streamed('pohoda', pohodaItems)).equals(pohodaBatch(pohodaItems))).toBe(true);
  });
});

describe('golden files (UPDATE_GOLDEN=1 rewrites them)', () => {
  function golden(name: string, bytes: Uint8Array | string): void {
    const path = join(GOLDEN, name);
    const actual = Buffer.from(bytes);
    if (UPDATE || !existsSync(path)) {
      if (!UPDATE) throw new Error(`golden file ${name} is missing: run with UPDATE_GOLDEN=1 to create it`);
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(path, actual);
      return;
    }
    expect(actual.equals(readFileSync(path)), `${name} differs from its golden file (UPDATE_GOLDEN=1 rewrites it after review)`).toBe(true);
  }

  for (const [name, doc] of Object.entries(INVOICES)) {
    it(name, () => {
      golden(`${name}.isdoc`, EXPORTERS.isdoc.exportDocument(doc));
      golden(`${name}.ubl.xml`, EXPORTERS.ubl.exportDocument(doc));
      golden(`${name}.pohoda.xml`, EXPORTERS.pohoda.exportDocument(doc));
    });
  }

  it('eurInvoice (foreign currency, VAT also in CZK)', () => {
    golden('eurInvoice.isdoc', EXPORTERS.isdoc.exportDocument(eurInvoice));
    golden('eurInvoice.ubl.xml', EXPORTERS.ubl.exportDocument(eurInvoice));
    golden('eurInvoice.pohoda.xml', EXPORTERS.pohoda.exportDocument(eurInvoice));
  });

  it('POHODA batch and CSV batch', () => {
    const docs = Object.values(INVOICES).filter((d) => d.supplier === czSupplier);
    golden('batch.pohoda.xml', pohodaBatch([{ kind: 'client', clientId: 5, party: czClient }, ...docs.map((doc): ExportItem => ({ kind: 'invoice', doc })), { kind: 'slip', doc: issueSlip }]));
    const csv = csvBatch(Object.values(INVOICES));
    golden('invoices.csv', csv['invoices.csv']!);
    golden('lines.csv', csv['lines.csv']!);
    golden('vat.csv', csv['vat.csv']!);
  });
});

// ---- totals equal the document's, to the minor unit -------------------------------------

/** "-1234.50" → -123450, exactly (string arithmetic, no floating point). */
function minorOf(text: string): number {
  const m = /^(-?)(\d+)[.,](\d{2})$/.exec(text.trim());
  if (!m) throw new Error(`not an amount with two decimals: ${text}`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
}

const all = (xml: string, tag: string): string[] => [...xml.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]!);
const one = (xml: string, tag: string): string => {
  const found = all(xml, tag);
  if (found.length !== 1) throw new Error(`expected one <${tag}>, found ${found.length}`);
  return found[0]!;
};
const section = (xml: string, tag: string): string => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml)?.[1] ?? '';
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const decimalOf = (minor: number) => `${minor < 0 ? '-' : ''}${Math.floor(Math.abs(minor) / 100)}.${String(Math.abs(minor) % 100).padStart(2, '0')}`;

function checkTotals(doc: InvoiceDocument): void {
  const direction = doc.kind === 'credit_note' ? -1 : 1;
  // Credit notes are stated positive in ISDOC and UBL; "+ 0" turns -0 into 0.
  const signed = (minor: number) => direction * minor + 0;
  const lineSum = sum(doc.lines.map((l) => l.netMinor));
  expect(lineSum).toBe(doc.netMinor);

  const isdoc = isdocXml(doc);
  const lines = section(isdoc, 'InvoiceLines');
  expect(signed(sum(all(lines, 'LineExtensionAmount').map(minorOf)))).toBe(doc.netMinor);
  const legal = section(isdoc, 'LegalMonetaryTotal');
  expect(signed(minorOf(one(legal, 'TaxExclusiveAmount')))).toBe(doc.netMinor);
  expect(signed(minorOf(one(legal, 'PayableRoundingAmount')))).toBe(doc.roundingMinor);
  expect(signed(minorOf(one(legal, 'PayableAmount')))).toBe(doc.totalMinor);
  const subtotals = [...isdoc.matchAll(/<TaxSubTotal>([\s\S]*?)<\/TaxSubTotal>/g)].map((m) => m[1]!);
  expect(subtotals.map((t) => [signed(minorOf(one(t, 'TaxableAmount'))), signed(minorOf(one(t, 'TaxAmount')))])).toEqual(doc.vatRecap.map((g) => [g.baseMinor, g.vatMinor]));

  const ubl = ublXml(doc);
  const lineTag = doc.kind === 'credit_note' ? 'cac:CreditNoteLine' : 'cac:InvoiceLine';
  const ublLines = [...ubl.matchAll(new RegExp(`<${lineTag}>([\\s\\S]*?)</${lineTag}>`, 'g'))].map((m) => m[1]!);
  expect(signed(sum(ublLines.map((l) => minorOf(one(l, 'cbc:LineExtensionAmount')))))).toBe(doc.netMinor);
  const ublTotal = section(ubl, 'cac:LegalMonetaryTotal');
  expect(signed(minorOf(one(ublTotal, 'cbc:TaxExclusiveAmount')))).toBe(doc.netMinor);
  expect(signed(minorOf(one(ublTotal, 'cbc:TaxInclusiveAmount')))).toBe(doc.netMinor + doc.vatMinor);
  expect(signed(minorOf(one(ublTotal, 'cbc:PayableAmount')))).toBe(doc.totalMinor);
  expect(signed(minorOf(all(ublTotal, 'cbc:PayableRoundingAmount')[0] ?? '0.00'))).toBe(doc.roundingMinor);
  const ublSubs = [...ubl.matchAll(/<cac:TaxSubtotal>([\s\S]*?)<\/cac:TaxSubtotal>/g)].map((m) => m[1]!);
  expect(ublSubs.map((t) => [signed(minorOf(one(t, 'cbc:TaxableAmount'))), signed(minorOf(one(t, 'cbc:TaxAmount')))])).toEqual(doc.vatRecap.map((g) => [g.baseMinor, g.vatMinor]));

  const pohoda = fromWindows1250(EXPORTERS.pohoda.exportDocument(doc));
  expect(sum(all(section(pohoda, 'inv:invoiceDetail'), 'typ:price').map(minorOf))).toBe(doc.netMinor);
  const summary = section(pohoda, 'inv:invoiceSummary');
  if (summary.includes('inv:homeCurrency')) {
    const bases = ['typ:priceNone', 'typ:priceLow', 'typ:priceHigh', 'typ:price3'].flatMap((t) => all(summary, t)).map(minorOf);
    const vats = ['typ:priceLowVAT', 'typ:priceHighVAT', 'typ:price3VAT'].flatMap((t) => all(summary, t)).map(minorOf);
    expect(sum(bases)).toBe(doc.netMinor);
    expect(sum(vats)).toBe(doc.vatMinor);
    expect(sum(all(summary, 'typ:priceRound').map(minorOf))).toBe(doc.roundingMinor);
    expect(sum(bases) + sum(vats) + sum(all(summary, 'typ:priceRound').map(minorOf))).toBe(doc.totalMinor);
  } else {
    expect(minorOf(one(summary, 'typ:priceSum'))).toBe(doc.totalMinor);
  }

  const csv = csvBatch([doc]);
  const [, row] = csv['invoices.csv']!.split('\r\n');
  const cells = row!.split(';');
  expect(cells.slice(14, 18).map(minorOf)).toEqual([doc.netMinor, doc.vatMinor, doc.roundingMinor, doc.totalMinor]);
  const lineNets = csv['lines.csv']!.split('\r\n').slice(1, -1).map((r) => minorOf(r.split(';').at(-3)!));
  expect(sum(lineNets)).toBe(doc.netMinor);
}

const lineArb = fc.record({
  kind: fc.constantFrom('work', 'travel', 'unit_fee', 'item', 'contract_fee', 'overage', 'manual') as fc.Arbitrary<'work'>,
  quantityMilli: fc.integer({ min: 1, max: 500_000 }),
  unitPriceMinor: fc.integer({ min: -500_000, max: 5_000_000 }),
  vatRateBp: fc.constantFrom(2100, 1200, 0),
  description: fc.string({ minLength: 1, maxLength: 40 }).map((s) => s.replace(/[^\p{L}\p{N} .,-]/gu, 'x').trim() || 'x'),
  unit: fc.constantFrom('h', 'km', 'ks', 'měs.', 'bal'),
  itemCode: fc.option(fc.constantFrom('MAT-1', 'FILTR-01'), { nil: null }),
});

const docArb = fc.record({
  lines: fc.array(lineArb, { minLength: 1, maxLength: 8 }),
  kind: fc.constantFrom('invoice', 'credit_note') as fc.Arbitrary<'invoice' | 'credit_note'>,
  payer: fc.boolean(),
  reverseCharge: fc.boolean(),
  roundTotal: fc.boolean(),
  id: fc.integer({ min: 1, max: 1_000_000 }),
});

type DocInput = typeof docArb extends fc.Arbitrary<infer T> ? T : never;

function randomDocument(r: DocInput): InvoiceDocument {
  const sign = r.kind === 'credit_note' ? -1 : 1;
  return invoiceDocument({
    id: String(r.id),
    number: `${r.kind === 'credit_note' ? 'OD' : 'FV'}2026-${r.id}`,
    kind: r.kind,
    supplier: r.payer ? czSupplier : nonPayerSupplier,
    customer: r.reverseCharge && r.payer ? skClient : czClient,
    reverseCharge: r.reverseCharge && r.payer,
    roundTotal: r.roundTotal,
    corrects: r.kind === 'credit_note' ? { number: 'FV2026-0001', issueDate: '2026-10-01', taxableSupplyDate: '2026-10-01', reason: 'Oprava' } : null,
    lines: r.lines.map((l) => ({ ...l, unitPriceMinor: sign * l.unitPriceMinor + 0, netMinor: sign * Math.round((l.quantityMilli * l.unitPriceMinor) / 1000) + 0 })),
  });
}

describe('totals in every format equal the document’s totals', () => {
  it.each(Object.entries(INVOICES))('%s', (_name, doc) => checkTotals(doc));

  it('for random valid documents (lines, VAT recap, rounding, payable)', () => {
    fc.assert(fc.property(docArb, (r) => checkTotals(randomDocument(r))), { numRuns: 200 });
  });

  it('random valid documents also validate against the schemas', () => {
    const docs = fc.sample(docArb, { numRuns: 30, seed: 42 }).map(randomDocument);
    const invoices = docs.filter((d) => d.kind === 'invoice');
    const credits = docs.filter((d) => d.kind === 'credit_note');
    validate(XSD.isdoc, docs.map((d, i) => write(`r${i}.isdoc`, EXPORTERS.isdoc.exportDocument(d))));
    validate(XSD.ublInvoice, invoices.map((d, i) => write(`ri${i}.xml`, EXPORTERS.ubl.exportDocument(d))));
    validate(XSD.ublCreditNote, credits.map((d, i) => write(`rc${i}.xml`, EXPORTERS.ubl.exportDocument(d))));
    validate(XSD.pohoda, [write('random.pohoda.xml', pohodaBatch(docs.map((doc): ExportItem => ({ kind: 'invoice', doc }))))]);
  });
});
