/**
 * A complete, printable HTML page of an InvoiceDocument in its language
 * (cs/sk/en), for the preview in the browser (pure). Every text that comes
 * from data is escaped; the page loads nothing from elsewhere (no scripts,
 * no external styles or fonts), so it prints and archives as it is. Amounts and
 * quantities are written by the shared formatter (shared/number-text.ts), so the
 * preview shows the digits the PDF and the price explanations show.
 */
import type { Language } from '../../../shared/language.ts';
import { amountText, keepUnitsWithNumbers, percentText, quantityText } from '../../../shared/number-text.ts';
import type { InvoiceDocument, Party, Supplier } from './invoice-document.ts';
import {
  amountDueLabel, countryName, documentTitle, fillLabel, formatDate, formatMoney, groupIban, formatPeriodText, homeCurrencyName, invoiceLabels, partyIds, reverseChargeNote, type InvoiceLabels as Labels,
} from '../../documents/index.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A VAT rate as the PDF writes it: "21 %" (cs, sk), "21%" (en). */
const rate = percentText;

/** A date as the PDF writes it: "2. 11. 2026" (cs, sk), "2 Nov 2026" (en). */
const date = formatDate;

const e = escapeHtml;

function partyHtml(title: string, p: Party | Supplier, lang: Language, l: Labels): string {
  const rows: string[] = [`<strong>${e(p.name)}</strong>`];
  if (p.address.street) rows.push(e(p.address.street));
  const city = [p.address.postalCode, p.address.city].filter(Boolean).join(' ');
  if (city) rows.push(e(city));
  if (p.address.country) rows.push(e(countryName(p.address.country, lang)));
  for (const [label, value] of partyIds(p, lang, l)) rows.push(`${label}: ${e(value)}`);
  if ('registration' in p && p.registration) rows.push(`<small>${e(p.registration)}</small>`);
  if (p.email) rows.push(`${l.email}: ${e(p.email)}`);
  if (p.phone) rows.push(`${l.phone}: ${e(p.phone)}`);
  return `<section class="party"><h2>${title}</h2><p>${rows.join('<br>')}</p></section>`;
}

/** An amount with its currency as the PDF writes it ("1 234,56 Kč", "EUR 1,234.56"): one formatter for both. */
const moneyText = (minor: number, currency: string, lang: Language) => escapeHtml(formatMoney(minor, currency, lang));

const row = (label: string, value: string) => `<tr><th>${label}</th><td>${value}</td></tr>`;

/** The VAT in the supplier's currency (§29 / §71): rate, its day, and base and VAT per rate, converted. */
function homeCurrencyVatHtml(doc: InvoiceDocument, l: Labels): string {
  const home = doc.supplier.vatPayer ? doc.homeCurrencyVat : null;
  if (!home) return '';
  const lang = doc.language;
  const money = (minor: number) => moneyText(minor, home.currency, lang);
  const currency = e(homeCurrencyName(home.currency, lang));
  const rateText = fillLabel(l.exchangeRate, { rate: e(lang === 'en' ? home.rate : home.rate.replace('.', ',')), home: e(home.currency), foreign: e(doc.currency), date: date(home.rateDate, lang) });
  const rows = home.groups
    .map((g) => `<tr><td class="num">${rate(g.vatRateBp, lang)}</td><td class="num">${money(g.baseMinor)}</td><td class="num">${money(g.vatMinor)}</td></tr>`)
    .join('');
  return `<table class="recap home-vat"><caption>${fillLabel(l.homeCurrencyVat, { currency })}<br><small>${rateText}</small></caption>`
    + `<thead><tr><th>${l.rate}</th><th>${l.base}</th><th>${l.vat}</th></tr></thead><tbody>${rows}</tbody></table>`
    + `<table class="totals">${row(fillLabel(l.homeCurrencyVatTotal, { currency }), money(home.vatMinor))}</table>`;
}

/** `logoDataUri`: the supplier's logo as a data: URI (the page loads nothing from elsewhere). */
export function invoiceHtml(doc: InvoiceDocument, options: { logoDataUri?: string | null } = {}): string {
  const lang = doc.language;
  const l = invoiceLabels(lang);
  const payer = doc.supplier.vatPayer;
  const money = (minor: number) => moneyText(minor, doc.currency, lang);
  const { title, subtitle } = documentTitle(doc, l);
  const heading = doc.number ? `${title} ${e(doc.number)}` : title;
  // As on the PDF: the taxable-supply date only on a VAT payer's document, the due date only on an invoice.
  const info = [
    row(l.issueDate, date(doc.issueDate, lang)),
    payer ? row(l.taxableSupplyDate, date(doc.taxableSupplyDate, lang)) : '',
    doc.kind === 'invoice' ? row(l.dueDate, date(doc.dueDate, lang)) : '',
    doc.period ? row(l.period, e(formatPeriodText(doc.period, lang))) : '',
    doc.contractNumber ? row(l.contract, e(doc.contractNumber)) : '',
  ].join('');
  const bank = doc.supplier.bankAccount;
  const payment = [
    row(l.paymentMethod, l.bankTransfer),
    bank?.accountNumber ? row(l.bankAccount, e(bank.accountNumber)) : '',
    bank?.iban ? row(l.iban, e(groupIban(bank.iban))) : '',
    bank?.bic ? row(l.bic, e(bank.bic)) : '',
    doc.variableSymbol ? row(l.variableSymbol, e(doc.variableSymbol)) : '',
  ].join('');
  const c = doc.corrects;
  const corrects = c
    ? `<section class="corrects"><p>${l.corrects} <strong>${e(c.number)}</strong> ${l.correctedIssueDate} ${date(c.issueDate, lang)}<br>${l.taxableSupplyDate}: ${date(c.taxableSupplyDate, lang)}<br>${l.correctionReason}: ${e(c.reason)}</p></section>`
    : '';
  const rateCell = (bp: number) => (payer ? `<td class="num">${rate(bp, lang)}</td>` : '');
  const lines = doc.lines
    .map((line) => `<tr><td>${line.position}</td><td>${e(keepUnitsWithNumbers(line.description))}</td><td class="num">${quantityText(line.quantityMilli, lang)}</td><td>${e(line.unit)}</td><td class="num">${moneyText(line.unitPriceMinor, doc.currency, lang)}</td>${rateCell(line.vatRateBp)}<td class="num">${moneyText(line.netMinor, doc.currency, lang)}</td></tr>`)
    .join('');
  const recap = payer
    ? `<table class="recap"><caption>${l.vatRecap}</caption><thead><tr><th>${l.rate}</th><th>${l.base}</th><th>${l.vat}</th><th>${l.totalWithVat}</th></tr></thead><tbody>${doc.vatRecap
      .map((g) => `<tr><td class="num">${rate(g.vatRateBp, lang)}</td><td class="num">${amountText(g.baseMinor, lang)}</td><td class="num">${amountText(g.vatMinor, lang)}</td><td class="num">${amountText(g.totalMinor, lang)}</td></tr>`)
      .join('')}</tbody></table>`
    : '';
  const totals = [
    ...(payer ? [row(l.totalNet, money(doc.netMinor)), row(l.totalVat, money(doc.vatMinor))] : [row(l.total, money(doc.netMinor))]),
    doc.roundingMinor !== 0 ? row(l.rounding, money(doc.roundingMinor)) : '',
    `<tr class="grand"><th>${amountDueLabel(doc, l)}</th><td>${money(doc.totalMinor)}</td></tr>`,
  ].join('');
  const reverseCharge = reverseChargeNote(doc, l);
  const notes = [
    reverseCharge ? `<p class="legal">${reverseCharge.heading}</p><p>${e(reverseCharge.detail)}</p>` : '',
    payer ? '' : `<p class="legal">${l.nonVatPayer}</p>`,
    doc.note ? `<p>${l.note}: ${e(doc.note)}</p>` : '',
    doc.supplier.footerText ? `<footer>${e(doc.supplier.footerText)}</footer>` : '',
  ].join('');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${heading}</title>
<style>
@page { size: A4; margin: 15mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #111; max-width: 190mm; margin: 0 auto; padding: 8mm; }
h1 { font-size: 16pt; margin: 0 0 4mm; }
h2 { font-size: 9pt; text-transform: uppercase; color: #555; margin: 0 0 1mm; }
.draft { border: 2px solid #b00; color: #b00; padding: 2mm; text-align: center; font-weight: bold; margin-bottom: 4mm; }
.parties { display: flex; gap: 8mm; } .party { flex: 1; border: 1px solid #ccc; padding: 3mm; }
.meta { display: flex; gap: 8mm; margin: 4mm 0; } .meta table { flex: 1; }
table { border-collapse: collapse; width: 100%; } th, td { padding: 1mm 2mm; text-align: left; vertical-align: top; }
.meta th { font-weight: normal; color: #555; width: 55%; }
.lines th { border-bottom: 1px solid #111; font-size: 9pt; } .lines td { border-bottom: 1px solid #ddd; }
.num { text-align: right; white-space: nowrap; }
.recap { width: 60%; margin: 4mm 0 0 auto; } .recap th { border-bottom: 1px solid #111; text-align: right; }
.totals { width: 50%; margin: 2mm 0 0 auto; } .totals td { text-align: right; } .grand th, .grand td { font-size: 12pt; font-weight: bold; border-top: 2px solid #111; }
.subtitle { margin: -3mm 0 4mm; color: #555; }
.logo { max-height: 20mm; max-width: 60mm; float: right; }
.legal { font-weight: bold; } footer { margin-top: 6mm; color: #555; font-size: 8pt; }
@media print { body { padding: 0; } .draft { border-color: #000; color: #000; } }
</style>
</head>
<body>
${doc.draft ? `<div class="draft">${subtitle}</div>` : ''}${options.logoDataUri ? `<img class="logo" alt="" src="${e(options.logoDataUri)}">` : ''}<h1>${heading}</h1>${!doc.draft && subtitle ? `<p class="subtitle">${subtitle}</p>` : ''}
<div class="parties">${partyHtml(l.supplier, doc.supplier, lang, l)}${partyHtml(l.customer, doc.customer, lang, l)}</div>
<div class="meta"><table>${info}</table><table>${payment}</table></div>
${corrects}<table class="lines"><thead><tr><th>${l.position}</th><th>${l.description}</th><th class="num">${l.quantity}</th><th>${l.unit}</th><th class="num">${l.unitPrice}</th>${payer ? `<th class="num">${l.vatRate}</th>` : ''}<th class="num">${payer ? l.net : l.lineTotal}</th></tr></thead><tbody>${lines}</tbody></table>
${recap}<table class="totals">${totals}</table>
${homeCurrencyVatHtml(doc, l)}
${notes}
</body>
</html>
`;
}
