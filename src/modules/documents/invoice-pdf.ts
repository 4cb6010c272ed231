/**
 * The invoice and credit-note PDF: every field §29 of the Czech VAT act (and
 * §74 of the Slovak one) asks for — both parties with their ids, number,
 * dates, payment details, lines, VAT recapitulation per rate, totals with
 * the rounding line, the reverse-charge note, the corrected document of a
 * credit note — plus the supplier's logo, footer and a payment QR code.
 */
import { existsSync } from 'node:fs';
import type { HomeCurrencyVat, InvoiceDocument, Party, Supplier, WorkReport } from '../billing/index.ts';
import { keepUnitsWithNumbers } from '../../shared/number-text.ts';
import { addressLines, formatDate, formatDecimalText, formatMoney, formatPeriodText, formatQuantityText, formatRate, groupIban } from './domain/format.ts';
import { amountDueLabel, documentTitle, fillLabel, homeCurrencyName, partyIds, reverseChargeNote } from './domain/invoice-labels.ts';
import { labelsFor } from './domain/labels.ts';
import { paymentQrFor } from './domain/payment-qr.ts';
import { COLOR_MUTED, createPdf, footers, heading, pairs, pdfBuffer, rule, table, textAt, ensureSpace, MARGIN, type Column, type Pdf } from './pdf/layout.ts';
import { drawQr } from './pdf/qr.ts';
import { drawWorkReport } from './work-report-pdf.ts';
import { loadPdfKit } from './pdf/pdfkit.ts';

/**
 * `qrAmountMinor`: what the payment QR code asks for when that is less than the total
 * (the copy mailed after a part payment); no code when it is 0. The document itself is
 * the one issued.
 */
export async function renderInvoicePdf(doc: InvoiceDocument, options: { workReport?: WorkReport; qrAmountMinor?: number } = {}): Promise<Buffer> {
  await loadPdfKit();
  const pdf = createPdf({ title: `${documentTitle(doc, labelsFor(doc.language)).title} ${doc.number}`, language: doc.language, date: doc.issueDate });
  let y = drawHeader(pdf, doc);
  y = drawParties(pdf, doc, y);
  y = drawDatesAndPayment(pdf, doc, y);
  if (doc.corrects) y = drawCorrection(pdf, doc, y);
  y = drawLines(pdf, doc, y + 6);
  y = drawSummary(pdf, doc, y + 10, options.qrAmountMinor);
  drawNotes(pdf, doc, y + 8);
  if (options.workReport) {
    pdf.doc.addPage();
    drawWorkReport(pdf, options.workReport, MARGIN, `${pdf.labels.annex}: ${pdf.labels.workReport}`);
  }
  footers(pdf, doc.supplier.footerText);
  return pdfBuffer(pdf.doc);
}

function drawHeader(pdf: Pdf, doc: InvoiceDocument): number {
  const { title, subtitle } = documentTitle(doc, pdf.labels);
  const logo = doc.supplier.logoPath;
  if (logo && existsSync(logo)) {
    try {
      pdf.doc.image(logo, pdf.left, MARGIN, { fit: [170, 56] });
    } catch {
      // A logo pdfkit cannot read (damaged file) must not stop the invoice: it is printed without it.
    }
  }
  const x = pdf.left + pdf.width / 2;
  const w = pdf.width / 2;
  let y = textAt(pdf, title, x, MARGIN, w, { bold: true, size: 18, align: 'right' });
  if (subtitle) y = textAt(pdf, subtitle, x, y, w, { size: 10, align: 'right', color: doc.draft ? '#b3261e' : COLOR_MUTED, bold: doc.draft ?? false });
  if (doc.number) y = textAt(pdf, `${pdf.labels.number}: ${doc.number}`, x, y + 2, w, { bold: true, size: 11, align: 'right' });
  return Math.max(y, MARGIN + 60) + 10;
}

function drawParty(pdf: Pdf, caption: string, party: Party, extra: string[], x: number, y: number, width: number): number {
  let top = textAt(pdf, caption.toUpperCase(), x, y, width, { bold: true, size: 7.5, color: COLOR_MUTED });
  top = textAt(pdf, party.name, x, top + 2, width, { bold: true, size: 11 });
  top = textAt(pdf, addressLines(party.address, pdf.language).join('\n'), x, top + 1, width, { size: 9 });
  const ids = partyIds(party, pdf.language, pdf.labels).map(([label, value]) => `${label}: ${value}`);
  if (ids.length) top = textAt(pdf, ids.join('\n'), x, top + 3, width, { size: 9 });
  if (extra.length) top = textAt(pdf, extra.join('\n'), x, top + 3, width, { size: 8, color: COLOR_MUTED });
  return top;
}

function drawParties(pdf: Pdf, doc: InvoiceDocument, y: number): number {
  const l = pdf.labels;
  const gap = 24;
  const width = (pdf.width - gap) / 2;
  const s: Supplier = doc.supplier;
  const supplierExtra = [s.email ? `${l.email}: ${s.email}` : '', s.phone ? `${l.phone}: ${s.phone}` : '', s.registration ?? ''].filter(Boolean);
  const c = doc.customer;
  const customerExtra = [c.email ? `${l.email}: ${c.email}` : ''].filter(Boolean);
  const left = drawParty(pdf, l.supplier, s, supplierExtra, pdf.left, y, width);
  const right = drawParty(pdf, l.customer, c, customerExtra, pdf.left + width + gap, y, width);
  const bottom = Math.max(left, right) + 8;
  rule(pdf, bottom);
  return bottom + 8;
}

function drawDatesAndPayment(pdf: Pdf, doc: InvoiceDocument, y: number): number {
  const l = pdf.labels;
  const lang = pdf.language;
  const gap = 24;
  const width = (pdf.width - gap) / 2;
  const dates: [string, string][] = [[l.issueDate, formatDate(doc.issueDate, lang)]];
  if (doc.supplier.vatPayer) dates.push([l.taxableSupplyDate, formatDate(doc.taxableSupplyDate, lang)]);
  if (doc.kind === 'invoice') dates.push([l.dueDate, formatDate(doc.dueDate, lang)]);
  if (doc.period) dates.push([l.period, formatPeriodText(doc.period, lang)]);
  if (doc.contractNumber) dates.push([l.contract, doc.contractNumber]);
  const bank = doc.supplier.bankAccount;
  const payment: [string, string][] = [[l.paymentMethod, l.bankTransfer]];
  if (bank?.accountNumber) payment.push([l.bankAccount, bank.accountNumber]);
  if (bank?.iban) payment.push([l.iban, groupIban(bank.iban)]);
  if (bank?.bic) payment.push([l.bic, bank.bic]);
  payment.push([l.variableSymbol, doc.variableSymbol]);
  const left = pairs(pdf, dates, pdf.left, y, width, 0.6);
  const right = pairs(pdf, payment, pdf.left + width + gap, y, width, 0.34);
  return Math.max(left, right) + 6;
}

function drawCorrection(pdf: Pdf, doc: InvoiceDocument, y: number): number {
  const c = doc.corrects!;
  const l = pdf.labels;
  const lines = [[l.corrects, `${c.number} ${l.correctedIssueDate} ${formatDate(c.issueDate, pdf.language)}`], [l.taxableSupplyDate, formatDate(c.taxableSupplyDate, pdf.language)], [l.correctionReason, c.reason]] as const;
  return pairs(pdf, lines, pdf.left, y, pdf.width, 0.29) + 4;
}

function drawLines(pdf: Pdf, doc: InvoiceDocument, y: number): number {
  const l = pdf.labels;
  const lang = pdf.language;
  const payer = doc.supplier.vatPayer;
  const columns: Column[] = [
    { header: l.position, share: 4 },
    { header: l.description, share: payer ? 40 : 48 },
    { header: l.quantity, share: 10, align: 'right', keepWhole: true },
    { header: l.unit, share: 6, keepWhole: true },
    { header: l.unitPrice, share: 14, align: 'right', keepWhole: true },
    ...(payer ? [{ header: l.vatRate, share: 8, align: 'right' as const, keepWhole: true }] : []),
    { header: payer ? l.net : l.lineTotal, share: 16, align: 'right', keepWhole: true },
  ];
  const rows = doc.lines.map((line) => ({
    cells: [
      String(line.position),
      // Texts stored before numbers and units were joined by no-break spaces still keep "50 %" on one line.
      keepUnitsWithNumbers(line.itemCode ? `${line.description} [${line.itemCode}]` : line.description),
      formatQuantityText(line.quantityMilli, lang),
      line.unit,
      formatMoney(line.unitPriceMinor, doc.currency, lang),
      ...(payer ? [formatRate(doc.reverseCharge ? 0 : line.vatRateBp, lang)] : []),
      formatMoney(line.netMinor, doc.currency, lang),
    ],
  }));
  return table(pdf, columns, rows, y);
}

const QR_SIDE = 112;

function drawSummary(pdf: Pdf, doc: InvoiceDocument, y: number, qrAmountMinor: number | undefined): number {
  const l = pdf.labels;
  const lang = pdf.language;
  const money = (minor: number) => formatMoney(minor, doc.currency, lang);
  // Nobody should pay a draft: no QR code until the invoice is issued.
  const qr = doc.draft ? null : paymentQrFor(doc, qrAmountMinor);
  const home = doc.supplier.vatPayer ? (doc.homeCurrencyVat ?? null) : null;
  const recapRows = (doc.supplier.vatPayer ? doc.vatRecap.length + 2 : 0) + (home ? home.groups.length + 5 : 0);
  let top = ensureSpace(pdf, y, Math.max(QR_SIDE + 20, recapRows * 14 + 90));
  const start = top;
  const boxWidth = 300;
  const x = pdf.right - boxWidth;
  if (doc.supplier.vatPayer) {
    top = textAt(pdf, l.vatRecap, x, top, boxWidth, { bold: true, size: 9 });
    const sub: Pdf = { ...pdf, left: x, width: boxWidth, right: pdf.right };
    top = table(sub, [
      { header: l.rate, share: 16, align: 'right' },
      { header: l.base, share: 28, align: 'right' },
      { header: l.vat, share: 26, align: 'right' },
      { header: l.totalWithVat, share: 30, align: 'right' },
    ], doc.vatRecap.map((g) => ({ cells: [formatRate(g.vatRateBp, lang), money(g.baseMinor), money(g.vatMinor), money(g.totalMinor)] })), top + 2, { size: 8 });
    top += 6;
    if (home) top = drawHomeCurrencyVat(pdf, doc, home, x, top, boxWidth) + 6;
  }
  const totals: [string, string][] = doc.supplier.vatPayer ? [[l.totalNet, money(doc.netMinor)], [l.totalVat, money(doc.vatMinor)]] : [[l.total, money(doc.netMinor)]];
  if (doc.roundingMinor !== 0) totals.push([l.rounding, money(doc.roundingMinor)]);
  top = pairs(pdf, totals, x, top, boxWidth, 0.55, 9, 'right');
  rule(pdf, top + 1, x, pdf.right);
  textAt(pdf, amountDueLabel(doc, l), x, top + 6, boxWidth * 0.5, { bold: true, size: 11 });
  top = textAt(pdf, money(doc.totalMinor), x + boxWidth * 0.45, top + 5, boxWidth * 0.55, { bold: true, size: 13, align: 'right' });
  if (qr) {
    drawQr(pdf, qr.payload, pdf.left, start, QR_SIDE);
    textAt(pdf, qr.kind === 'spayd' ? l.qrSpayd : l.qrPayBySquare, pdf.left, start + QR_SIDE + 2, QR_SIDE, { size: 7.5, color: COLOR_MUTED, align: 'center' });
    top = Math.max(top, start + QR_SIDE + 14);
  }
  return top;
}

/**
 * The VAT of a foreign-currency document in the supplier's currency, with the
 * rate and its day: the figures billing converted at issue, printed as they are.
 */
function drawHomeCurrencyVat(pdf: Pdf, doc: InvoiceDocument, home: HomeCurrencyVat, x: number, y: number, width: number): number {
  const l = pdf.labels;
  const lang = pdf.language;
  const money = (minor: number) => formatMoney(minor, home.currency, lang);
  const currency = homeCurrencyName(home.currency, lang);
  let top = textAt(pdf, fillLabel(l.homeCurrencyVat, { currency }), x, y, width, { bold: true, size: 9 });
  const rate = fillLabel(l.exchangeRate, { rate: formatDecimalText(home.rate, lang), home: home.currency, foreign: doc.currency, date: formatDate(home.rateDate, lang) });
  top = textAt(pdf, rate, x, top, width, { size: 8, color: COLOR_MUTED });
  const sub: Pdf = { ...pdf, left: x, width, right: x + width };
  top = table(sub, [
    { header: l.rate, share: 16, align: 'right' },
    { header: l.base, share: 42, align: 'right' },
    { header: l.vat, share: 42, align: 'right' },
  ], home.groups.map((g) => ({ cells: [formatRate(g.vatRateBp, lang), money(g.baseMinor), money(g.vatMinor)] })), top + 2, { size: 8 });
  return pairs(pdf, [[fillLabel(l.homeCurrencyVatTotal, { currency }), money(home.vatMinor)]], x, top + 2, width, 0.55, 9, 'right');
}

function drawNotes(pdf: Pdf, doc: InvoiceDocument, y: number): number {
  const l = pdf.labels;
  let top = y;
  const reverseCharge = reverseChargeNote(doc, l);
  if (reverseCharge) {
    top = ensureSpace(pdf, top, 40);
    top = textAt(pdf, reverseCharge.heading, pdf.left, top, pdf.width, { bold: true, size: 10 });
    top = textAt(pdf, reverseCharge.detail, pdf.left, top + 1, pdf.width, { size: 8, color: COLOR_MUTED }) + 6;
  }
  if (!doc.supplier.vatPayer) {
    top = ensureSpace(pdf, top, 20);
    top = textAt(pdf, l.nonVatPayer, pdf.left, top, pdf.width, { bold: true, size: 9.5 }) + 6;
  }
  if (doc.note) {
    top = heading(pdf, l.note, top);
    top = ensureSpace(pdf, top, 20);
    top = textAt(pdf, doc.note, pdf.left, top, pdf.width, { size: 9 }) + 6;
  }
  return top;
}
