/**
 * Rendered PDFs, read back with poppler: pdftotext proves every mandatory
 * field is printed with its diacritics intact (built-in PDF fonts would garble
 * them), pdftoppm renders page 1 to test-output/ where a person can open it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasPoppler, pdfLines, pdfText } from './pdf.ts';
import jsqrModule from 'jsqr';
import { decode as decodePayBySquare } from 'bysquare/pay';
import { invoiceHtml, type InvoiceDocument } from '../src/modules/billing/index.ts';
import { formatDate, labelsFor, paymentQr, renderInvoicePdf, renderSlipPdf, renderWorkReportPdf, type Labels } from '../src/modules/documents/index.ts';
import { czCreditNote, czInvoice, enInvoice, longInvoice, nonVatPayerInvoice, PANGRAM, skReverseChargeInvoice } from './fixtures/documents/invoices.ts';
import { eurInvoice } from './fixtures/exports/documents.ts';
import { issueSlip, workReport } from './fixtures/documents/reports.ts';

const OUT = join(import.meta.dirname, '..', 'test-output');

// jsqr is CommonJS with an ES default: depending on the loader its default import is the function or the module.
type DecodeQr = typeof jsqrModule.default;
const jsQR: DecodeQr = typeof jsqrModule === 'function' ? (jsqrModule as unknown as DecodeQr) : (jsqrModule as unknown as { default: DecodeQr }).default;


function pageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

/** Renders page 1 at 50 dpi and checks the PNG: signature, and A4 proportions from its IHDR size. */
function checkPagePng(file: string, name: string): void {
  const prefix = join(OUT, name);
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', file, prefix]);
  const png = readFileSync(`${prefix}.png`);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  // A4 is 210 × 297 mm: 413 × 585 pixels at 50 dpi.
  expect(Math.abs(height / width - 297 / 210)).toBeLessThan(0.01);
  expect(width).toBeGreaterThan(400);
  expect(png.length).toBeGreaterThan(5000);
}

/** Renders page 1 in grey at 150 dpi (a plain PGM image) and reads the QR code on it as a phone would. */
function readPageQr(file: string, name: string): string | null {
  const prefix = join(OUT, name);
  execFileSync('pdftoppm', ['-gray', '-r', '150', '-f', '1', '-l', '1', '-singlefile', file, prefix]);
  const pgm = readFileSync(`${prefix}.pgm`);
  // P5 header: "P5", width, height, maximum value, each followed by white space; then one byte a pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error(`${prefix}.pgm is not a binary PGM image`);
  const [width, height] = [Number(header[1]), Number(header[2])];
  const grey = pgm.subarray(header[0].length);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) rgba.set([grey[i]!, grey[i]!, grey[i]!, 255], i * 4);
  return jsQR(rgba, width, height)?.data ?? null;
}

async function save(name: string, pdf: Promise<Buffer>): Promise<string> {
  const file = join(OUT, `${name}.pdf`);
  const bytes = await pdf;
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  writeFileSync(file, bytes);
  return file;
}


describe.runIf(hasPoppler)('invoice and document PDFs', () => {
  beforeAll(() => mkdirSync(OUT, { recursive: true }));

  it('Czech VAT payer invoice (21 % and 12 %): every §29 field, diacritics intact, QR Platba, work report annex', async () => {
    const file = await save('invoice-cz', renderInvoicePdf(czInvoice, { workReport }));
    const text = pdfText(file);
    for (const expected of [
      'Faktura', 'Daňový doklad', 'Číslo: FV2026-0042',
      'Dodavatel'.toUpperCase(), 'Kontor Servis s.r.o.', 'IČO: 12345679', 'DIČ: CZ12345679', 'Karlovo náměstí 317/5', 'C 123456 vedená u Městského soudu v Praze',
      'Odběratel'.toUpperCase(), 'Žluťoučká pekárna a.s.', 'IČO: 25596641', 'DIČ: CZ25596641', 'Údolní 1234/56',
      'Datum vystavení', '2. 11. 2026', 'Datum uskutečnění zdanitelného plnění', '31. 10. 2026', 'Datum splatnosti', '16. 11. 2026',
      'Variabilní symbol', '20260042', 'Bankovní účet', '19-2000145399/0800', 'CZ65 0800 0000 1920 0014 5399', 'GIBACZPX',
      PANGRAM, 'Toner HP 305A černý [HP-CE410A]', 'Odborná publikace „Bezpečnost sítí“',
      'Rekapitulace DPH', '21 %', '12 %', '24 273,00 Kč', '5 097,33 Kč', '450,50 Kč', '54,06 Kč',
      'Celkem bez DPH', '24 723,50 Kč', 'DPH celkem', '5 151,39 Kč', 'Zaokrouhlení', '0,11 Kč', 'Celkem k úhradě', '29 875,00 Kč',
      'QR Platba', 'Děkujeme za spolupráci.', 'Příloha: Výkaz práce', 'Předplacené hodiny – říjen 2026',
    ]) expect(text).toContain(expected);
    expect(text).toMatch(/Strana 1 z \d/);
    checkPagePng(file, 'invoice-cz');
  });

  it('Slovak reverse-charge EUR invoice: IČ DPH and DIČ, 0 % recap, the legal note, PAY by square', async () => {
    const file = await save('invoice-sk-reverse-charge', renderInvoicePdf(skReverseChargeInvoice));
    const text = pdfText(file);
    for (const expected of ['Faktúra', 'Dodávateľ'.toUpperCase(), 'Odberateľ'.toUpperCase(), 'Ďatelinka s.r.o.', 'Štúrova 27', 'IČ DPH: SK2020317068', 'DIČ: 2020317068', 'Dátum dodania', 'Variabilný symbol',
      'Rekapitulácia DPH', '686,25 €', 'Spolu na úhradu', 'Prenesenie daňovej povinnosti', 'PAY by square']) expect(text).toContain(expected);
    expect(text).toMatch(/ 0 ?% /);
    expect(text).not.toMatch(/2[13] ?%/);
    expect(text).not.toContain('QR Platba');
    checkPagePng(file, 'invoice-sk-reverse-charge');
  });

  it('a Czech-language invoice for a Slovak buyer prints its DIČ beside the IČ DPH; a Czech buyer keeps IČO and DIČ', async () => {
    // The Slovak buyer with its DIČ (clients.tax_id) and IČ DPH, invoiced in Czech: the PDF and the HTML preview alike.
    const slovakInCzech: InvoiceDocument = { ...skReverseChargeInvoice, language: 'cs' };
    const pdf = pdfText(await save('invoice-sk-buyer-in-cs', renderInvoicePdf(slovakInCzech)));
    const html = invoiceHtml(slovakInCzech);
    for (const text of [pdf, html]) {
      expect(text).toContain('IČ DPH: SK2020317068');
      expect(text).toContain('DIČ: 2020317068');
      // The Slovak VAT id is not called DIČ beside the real DIČ.
      expect(text).not.toContain('DIČ: SK2020317068');
    }
    // A Czech buyer (no separate tax id) as before: IČO and DIČ, no IČ DPH.
    const czech = pdfText(await save('invoice-cz-buyer', renderInvoicePdf(czInvoice)));
    for (const text of [czech, invoiceHtml(czInvoice)]) {
      expect(text).toContain('IČO: 25596641');
      expect(text).toContain('DIČ: CZ25596641');
      expect(text).not.toContain('IČ DPH');
    }
  });

  it('the QR code printed on the page decodes back to the payment: QR Platba and PAY by square', async () => {
    for (const [name, doc] of [['qr-cz', czInvoice], ['qr-sk', skReverseChargeInvoice]] as const) {
      const file = await save(name, renderInvoicePdf(doc));
      const printed = readPageQr(file, name);
      expect(printed, name).toBe(paymentQr(doc)?.payload);
      if (doc === czInvoice) {
        // What a Czech banking app reads: the account, the amount, the currency and the variable symbol.
        expect(printed).toMatch(/^SPD\*1\.0\*ACC:CZ6508000000192000145399(\+GIBACZPX)?\*/);
        expect(printed).toContain(`*AM:${(doc.totalMinor / 100).toFixed(2)}*`);
        expect(printed).toContain('*CC:CZK*');
        expect(printed).toContain(`*X-VS:${doc.variableSymbol}`);
      } else {
        const payment = decodePayBySquare(printed!).payments[0]!;
        expect(payment).toMatchObject({ amount: doc.totalMinor / 100, currencyCode: 'EUR', variableSymbol: doc.variableSymbol });
      }
    }
  });

  it('credit note: corrective tax document with the corrected invoice, its date and the reason; negative totals, no QR', async () => {
    const file = await save('credit-note', renderInvoicePdf(czCreditNote));
    const text = pdfText(file);
    for (const expected of ['Opravný daňový doklad', 'Dobropis', 'DB2026-0003', 'Opravuje doklad č.', 'FV2026-0042 ze dne 2. 11. 2026', 'Důvod opravy', 'Chybně vyúčtovaná hodina práce', 'Hodnota dobropisu', '-1 150,00 Kč']) expect(text).toContain(expected);
    expect(text).not.toContain('QR Platba');
    checkPagePng(file, 'credit-note');
  });

  it('non-VAT-payer supplier: no VAT columns or recap, no taxable-supply date, "Nejsme plátci DPH"', async () => {
    const file = await save('invoice-non-vat-payer', renderInvoicePdf(nonVatPayerInvoice));
    const text = pdfText(file);
    for (const expected of ['Faktura', 'Jan Dvořák – IT služby', 'Nejsme plátci DPH.', 'Celkem k úhradě', 'QR Platba']) expect(text).toContain(expected);
    for (const absent of ['Daňový doklad', 'Rekapitulace DPH', 'DPH celkem', 'Datum uskutečnění', 'Základ']) expect(text).not.toContain(absent);
    checkPagePng(file, 'invoice-non-vat-payer');
  });

  it('English invoice labels and number formats', async () => {
    const file = await save('invoice-en', renderInvoicePdf(enInvoice));
    const text = pdfText(file);
    for (const expected of ['Invoice', 'Tax document', 'Supplier'.toUpperCase(), 'Date of taxable supply', 'VAT summary', 'Amount due', 'CZK 29,875.00', '2 Nov 2026']) expect(text).toContain(expected);
  });

  it('EUR invoice of a Czech VAT payer: its VAT also in CZK with the rate and its day, in cs, sk and en', async () => {
    const cs = pdfText(await save('invoice-eur', renderInvoicePdf(eurInvoice)));
    for (const expected of ['Rekapitulace DPH', '970,00 €', '203,70 €', 'Celkem k úhradě', '1 173,70 €',
      'DPH v Kč', 'kurz 24,335 CZK/EUR ke dni 31. 10. 2026', '23 604,95 Kč', '4 957,04 Kč']) expect(cs).toContain(expected);
    expect(cs).toContain('DPH celkem v Kč');
    const sk = pdfText(await save('invoice-eur-sk', renderInvoicePdf({ ...eurInvoice, language: 'sk' })));
    for (const expected of ['DPH v domácej mene (CZK)', 'DPH spolu v CZK', 'kurz 24,335 CZK/EUR ku dňu 31. 10. 2026', '23 604,95 Kč', '4 957,04 Kč']) expect(sk).toContain(expected);
    const en = pdfText(await save('invoice-eur-en', renderInvoicePdf({ ...eurInvoice, language: 'en' })));
    for (const expected of ['VAT in CZK', 'VAT total in CZK', 'rate 24.335 CZK/EUR as of 31 Oct 2026', 'CZK 23,604.95', 'CZK 4,957.04', 'EUR 1,173.70']) expect(en).toContain(expected);
    // Without the CZK figures (a document in the supplier's own currency) no such block is printed.
    const plain = pdfText(await save('invoice-eur-plain', renderInvoicePdf({ ...eurInvoice, homeCurrencyVat: null })));
    expect(plain).not.toContain('DPH v Kč');
    expect(plain).not.toContain('kurz');
  });

  it('the HTML preview prints the same invoice texts as the PDF, from the one dictionary', async () => {
    const cases: [string, InvoiceDocument, (keyof Labels)[]][] = [
      ['same-cz', czInvoice, ['invoice', 'taxDocument', 'issueDate', 'taxableSupplyDate', 'dueDate', 'paymentMethod', 'bankTransfer', 'variableSymbol', 'bankAccount', 'description', 'quantity', 'unitPrice', 'vatRate', 'vatRecap', 'rate', 'base', 'totalWithVat', 'totalNet', 'totalVat', 'rounding', 'amountDue']],
      ['same-credit-note', czCreditNote, ['creditNote', 'creditNoteSubtitle', 'corrects', 'correctedIssueDate', 'correctionReason', 'creditNoteValue']],
      ['same-non-vat-payer', nonVatPayerInvoice, ['invoice', 'lineTotal', 'total', 'nonVatPayer', 'amountDue']],
      ['same-sk-reverse-charge', skReverseChargeInvoice, ['invoice', 'taxDocument', 'paymentMethod', 'reverseCharge', 'reverseChargeDetail', 'amountDue']],
      ['same-en', enInvoice, ['invoice', 'taxDocument', 'issueDate', 'paymentMethod', 'variableSymbol', 'unitPrice', 'totalWithVat', 'totalNet', 'amountDue']],
    ];
    for (const [name, doc, keys] of cases) {
      const l = labelsFor(doc.language);
      const pdf = pdfText(await save(name, renderInvoicePdf(doc)));
      const html = invoiceHtml(doc);
      for (const key of keys) {
        expect(pdf, `${name} PDF: ${key}`).toContain(l[key]);
        expect(html, `${name} HTML: ${key}`).toContain(l[key]);
      }
    }
    // Neither calls a non-VAT-payer's invoice a tax document.
    for (const text of [pdfText(await save('same-non-vat-payer', renderInvoicePdf(nonVatPayerInvoice))), invoiceHtml(nonVatPayerInvoice)]) expect(text).not.toContain(labelsFor('cs').taxDocument);
  });

  it('months and countries in words of the document\'s language, in the PDF and the HTML preview alike', async () => {
    const cases = [
      ['cs', czInvoice, 'říjen 2026', ['Česká republika']],
      ['sk', { ...skReverseChargeInvoice, language: 'sk' }, 'október 2026', ['Česká republika', 'Slovenská republika']],
      ['en', enInvoice, 'October 2026', ['Czech Republic']],
      ['en-sk', { ...skReverseChargeInvoice, language: 'en' }, 'October 2026', ['Czech Republic', 'Slovak Republic']],
    ] as const;
    for (const [name, doc, month, countries] of cases) {
      const pdf = pdfText(await save(`invoice-words-${name}`, renderInvoicePdf(doc as InvoiceDocument)));
      const html = invoiceHtml(doc as InvoiceDocument).replace(/\u00a0/g, ' ');
      for (const text of [pdf, html]) {
        expect(text, name).toContain(month);
        for (const country of countries) expect(text, name).toContain(country);
        expect(text, name).not.toContain('2026-10');
        // The code is gone from the address: "602 00 Brno CZ" was printed before.
        expect(text, name).not.toMatch(/\b(CZ|SK)\b(?![0-9A-Z])/);
      }
    }
    // The work report annex names its period and its prepaid ledger's month too.
    const report = pdfText(await save('work-report-words-sk', renderWorkReportPdf({ ...workReport, language: 'sk' })));
    expect(report).toContain('Predplatené hodiny – október 2026');
    expect(report).not.toContain('2026-10');
  });

  it('a unit never starts a printed line: "(+50 %)" stays whole wherever the description wraps, and a work report row names its unit', async () => {
    // Texts stored with a plain space (as drafts were written before) wrap at every length of the words before them.
    for (let pad = 1; pad <= 24; pad++) {
      const description = `Práce u zákazníka ${'w'.repeat(pad)} – mimo pracovní dobu a o víkendu, dlouhý popis do druhého řádku (+50 %)`;
      const doc = { ...czInvoice, lines: czInvoice.lines.map((l, i) => (i === 0 ? { ...l, description } : l)) };
      const lines = pdfLines(await renderInvoicePdf(doc));
      expect(lines.filter((line) => /^%\)/.test(line) || /\(\+50$/.test(line)), `pad ${pad}`).toEqual([]);
      expect(invoiceHtml(doc)).toContain('(+50\u00a0%)');
    }
    const withUnits = { ...workReport, entries: workReport.entries.map((e, i) => (i === 0 ? { ...e, kind: 'unit_fee' as const, what: 'Výjezd', quantityMilli: 1000, unit: 'výjezd' } : e)) };
    expect(pdfText(await save('work-report-units', renderWorkReportPdf(withUnits)))).toContain('Výjezd (1 výjezd)');
  });

  it('a long invoice breaks pages cleanly and repeats the table header on each', async () => {
    const file = await save('invoice-long', renderInvoicePdf(longInvoice));
    const pages = pageCount(file);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let page = 1; page <= pages; page++) {
      const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
      expect(text).toContain(`Strana ${page} z ${pages}`);
      if (page < pages) expect(text).toContain('Cena za MJ');
    }
    expect(pdfText(file)).toContain('Záznam práce č. 120');
  });

  it('work report: entries, totals, the prepaid ledger', async () => {
    const file = await save('work-report', renderWorkReportPdf(workReport));
    const text = pdfText(file);
    for (const expected of ['Výkaz práce', 'Žluťoučká pekárna a.s.', 'SML-2026-007 – Správa sítě – předplacené hodiny', 'Jiří Šťastný', 'Lukáš Černý', PANGRAM, 'v předplatném', 'účtováno', 'dodatečně', 'Cesta – Brno (42 km)', '36:45', '17:00', '11 875,00 Kč', 'Předplacené hodiny', 'Převedeno z minula (h:mm)', '11:30']) expect(text).toContain(expected);
    expect(pageCount(file)).toBeGreaterThanOrEqual(2);
    checkPagePng(file, 'work-report');
  });

  it('columns are as wide as their content: no unit, date or amount is broken inside a word', async () => {
    // The reviewer saw "výjez/d" in the unit column and "12. 10. 202/6" in the annex's date column.
    const date = (iso: string, lang: 'cs' | 'sk' | 'en') => formatDate(iso, lang).replace(/[\s\u00a0]+/g, ' ');
    const withTrip = { ...czInvoice, lines: czInvoice.lines.map((l, i) => (i === 0 ? { ...l, unit: 'výjezd' } : l)) };
    const invoice = pdfText(await save('invoice-wide-unit', renderInvoicePdf(withTrip, { workReport })));
    expect(invoice).toMatch(/ výjezd /);
    for (const e of workReport.entries) expect(invoice, e.date).toContain(date(e.date, 'cs'));
    const report = pdfText(await save('work-report-dates', renderWorkReportPdf(workReport)));
    for (const e of workReport.entries) expect(report, e.date).toContain(date(e.date, 'cs'));
    for (const lang of ['sk', 'en'] as const) {
      const text = pdfText(await save(`work-report-dates-${lang}`, renderWorkReportPdf({ ...workReport, language: lang })));
      for (const e of workReport.entries) expect(text, `${lang} ${e.date}`).toContain(date(e.date, lang));
    }
  });

  it('issue slip: items with serials, cost and sale totals, signatures', async () => {
    const file = await save('issue-slip', renderSlipPdf(issueSlip));
    const text = pdfText(file);
    for (const expected of ['Výdejka', 'VY2026-0015', 'PRG – Hlavní sklad Praha', 'T-2026-00312 – Výměna disku v serveru', 'SSD disk 1 TB (řada Pro)', 'S4EWNX0R123456', '12,5', '3 886,25 Kč', '5 167,50 Kč', 'Převzal – Podpis', 'Jiří Šťastný']) expect(text).toContain(expected);
    // The client's address as an invoice prints it: street, postal code with city, the country by its name.
    const lines = pdfLines(await renderSlipPdf(issueSlip));
    for (const expected of ['Údolní 1234/56', '602 00 Brno', 'Česká republika']) expect(lines.some((l) => l.includes(expected)), expected).toBe(true);
    expect(text).not.toMatch(/[{}"]|street|postalCode/);
    const en = pdfText(await renderSlipPdf({ ...issueSlip, language: 'en' }));
    expect(en).toContain('Czech Republic');
    checkPagePng(file, 'issue-slip');
  });

  it('issue slip without costs: sale prices stay, no cost columns or cost total', async () => {
    const file = await save('issue-slip-no-costs', renderSlipPdf(issueSlip, { showCosts: false }));
    const text = pdfText(file);
    for (const expected of ['Výdejka', 'VY2026-0015', 'SSD disk 1 TB (řada Pro)', 'S4EWNX0R123456', '5 167,50 Kč', 'Převzal – Podpis']) expect(text).toContain(expected);
    for (const hidden of ['Nákladová cena', 'Náklad', '3 886,25']) expect(text).not.toContain(hidden);
    checkPagePng(file, 'issue-slip-no-costs');
  });

  it('issue slip with costs kept in EUR and prices in CZK: each figure in its own currency, in every language', async () => {
    const slip = { ...issueSlip, costCurrency: 'EUR' };
    const cs = pdfText(await save('issue-slip-eur-costs', renderSlipPdf(slip)));
    // Unit cost, line cost and cost total in euros; the sale prices and their total in crowns.
    for (const expected of ['1 890,00 €', '3 780,00 €', '3 886,25 €', '4 980,00 Kč', '5 167,50 Kč']) expect(cs).toContain(expected);
    for (const wrong of ['3 886,25 Kč', '3 780,00 Kč', '5 167,50 €']) expect(cs).not.toContain(wrong);
    const en = pdfText(await save('issue-slip-eur-costs-en', renderSlipPdf({ ...slip, language: 'en' })));
    for (const expected of ['EUR 3,886.25', 'CZK 5,167.50']) expect(en).toContain(expected);
    expect(en).not.toContain('CZK 3,886.25');
  });
});
