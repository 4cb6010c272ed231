/**
 * The issue slip (výdejka) and return slip PDF: material handed out for a
 * ticket (or taken back), valued at weighted-average cost, with sale prices
 * where the ticket priced them, and lines for both signatures. Without
 * `showCosts` (a reader without the costs field scope, e.g. the technician
 * who hands the material over) the cost columns and the cost total are left out.
 * Costs print in the currency they are kept in, sale prices in the slip's: the
 * two differ when, say, costs are kept in EUR and the material is sold in CZK.
 */
import type { SlipDocument } from '../warehouse/index.ts';
import { addressLines, formatDate, formatMoney, formatQuantityText } from './domain/format.ts';
import { COLOR_MUTED, createPdf, ensureSpace, footers, MARGIN, pairs, pdfBuffer, rule, table, textAt } from './pdf/layout.ts';
import { loadPdfKit } from './pdf/pdfkit.ts';

export interface SlipPdfOptions {
  /** Print unit cost, cost and the cost total; true unless the reader may not see costs. */
  readonly showCosts?: boolean;
}

export async function renderSlipPdf(slip: SlipDocument, options: SlipPdfOptions = {}): Promise<Buffer> {
  await loadPdfKit();
  const showCosts = options.showCosts ?? true;
  const pdf = createPdf({ title: slip.number, language: slip.language, date: slip.date });
  const l = pdf.labels;
  const lang = pdf.language;
  const price = (minor: number) => formatMoney(minor, slip.currency, lang);
  const cost = (minor: number) => formatMoney(minor, slip.costCurrency, lang);
  const title = slip.kind === 'issue' ? l.issueSlip : l.returnSlip;
  textAt(pdf, slip.supplierName, pdf.left, MARGIN, pdf.width / 2, { bold: true, size: 11 });
  let y = textAt(pdf, title, pdf.left + pdf.width / 2, MARGIN, pdf.width / 2, { bold: true, size: 18, align: 'right' });
  y = textAt(pdf, `${l.number}: ${slip.number}`, pdf.left + pdf.width / 2, y, pdf.width / 2, { bold: true, size: 11, align: 'right' }) + 12;

  const facts: [string, string][] = [[l.date, formatDate(slip.date, lang)], [l.warehouse, `${slip.warehouse.code} – ${slip.warehouse.name}`]];
  if (slip.ticket) facts.push([l.ticket, `${slip.ticket.number} – ${slip.ticket.subject}`]);
  if (slip.client) {
    const ids = [slip.client.companyId ? `${l.companyId} ${slip.client.companyId}` : '', slip.client.vatId ? `${l.vatId} ${slip.client.vatId}` : ''].filter(Boolean).join(', ');
    facts.push([l.client, [slip.client.name, ...addressLines(slip.client.address, lang), ids].filter(Boolean).join('\n')]);
  }
  facts.push([l.issuedBy, slip.issuedBy]);
  if (slip.returnsSlipNumber) facts.push([l.returnsSlip, slip.returnsSlipNumber]);
  y = pairs(pdf, facts, pdf.left, y, pdf.width, 0.2) + 10;

  const priced = slip.totalPriceMinor !== null;
  const rows = slip.lines.map((line) => ({
    cells: [
      String(line.position),
      line.itemCode,
      line.serials.length ? `${line.itemName}\n${l.serials}: ${line.serials.join(', ')}` : line.itemName,
      formatQuantityText(line.quantityMilli, lang),
      line.unit,
      ...(showCosts ? [cost(line.unitCostMinor), cost(line.costMinor)] : []),
      ...(priced ? [line.priceMinor === null ? '' : price(line.priceMinor)] : []),
    ],
  }));
  rows.push({ cells: ['', '', l.total, '', '', ...(showCosts ? ['', cost(slip.totalCostMinor)] : []), ...(priced ? [price(slip.totalPriceMinor ?? 0)] : [])], bold: true } as (typeof rows)[number]);
  y = table(pdf, [
    { header: l.position, share: 4 },
    { header: l.itemCode, share: 10 },
    { header: l.itemName, share: (priced ? 29 : 43) + (showCosts ? 0 : 27) },
    { header: l.quantity, share: 9, align: 'right' },
    { header: l.unit, share: 5 },
    ...(showCosts ? [{ header: l.unitCost, share: 13, align: 'right' as const }, { header: l.cost, share: 14, align: 'right' as const }] : []),
    ...(priced ? [{ header: l.price, share: 14, align: 'right' as const }] : []),
  ], rows, y) + 10;

  if (slip.note) y = textAt(pdf, `${l.note}: ${slip.note}`, pdf.left, ensureSpace(pdf, y, 30), pdf.width, { size: 9 }) + 10;

  y = ensureSpace(pdf, y + 30, 50);
  const half = (pdf.width - 40) / 2;
  for (const [i, caption] of [l.issuedBy, l.received].entries()) {
    const x = pdf.left + i * (half + 40);
    rule(pdf, y + 24, x, x + half, '#888888');
    textAt(pdf, `${caption} – ${l.signature}`, x, y + 27, half, { size: 8, color: COLOR_MUTED });
  }
  footers(pdf, slip.supplierName);
  return pdfBuffer(pdf.doc);
}
