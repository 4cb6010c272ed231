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
import { isdocXml } from '../src/modules/exports/domain/isdoc.ts';
import { UnmappedVatRate } from '../src/modules/exports/domain/pohoda.ts';
import { ublXml } from '../src/modules/exports/domain/ubl.ts';
import { requireXmllint, validate, XSD } from './fixtures/exports/xmllint.ts';
import { unzip } from './fixtures/exports/zip.ts';
import { batchStream } from '../src/modules/exports/exports.stream.ts';
import type { ExportFormat } from '../src/modules/exports/domain/exporter.ts';
import { creditNote, czClient, czSupplier, INVOICES, invoiceDocument, issueSlip, nonPayerSupplier, skClient } from './fixtures/exports/documents.ts';

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
    expect(Object.keys(files).sort()).toEqual(['invoices.csv', 'lines.csv']);
    expect(files['invoices.csv']!.startsWith('\uFEFFnumber;kind;')).toBe(true);
    const row = files['invoices.csv']!.split('\r\n')[1]!;
    expect(row).toContain(`"'=HYPERLINK(""x"";""y"")"`);
    expect(row).toContain(';-850,00;-138,00;0,00;-988,00;');
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

  it('POHODA batch and CSV batch', () => {
    const docs = Object.values(INVOICES).filter((d) => d.supplier === czSupplier);
    golden('batch.pohoda.xml', pohodaBatch([{ kind: 'client', clientId: 5, party: czClient }, ...docs.map((doc): ExportItem => ({ kind: 'invoice', doc })), { kind: 'slip', doc: issueSlip }]));
    const csv = csvBatch(Object.values(INVOICES));
    golden('invoices.csv', csv['invoices.csv']!);
    golden('lines.csv', csv['lines.csv']!);
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
