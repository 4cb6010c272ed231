/**
 * A complete, printable HTML page of an InvoiceDocument in its language
 * (cs/sk/en), for the preview in the browser (pure). Every text that comes
 * from data is escaped; the page loads nothing from elsewhere (no scripts,
 * no external styles or fonts), so it prints and archives as it is.
 */
import { formatQuantity } from '../../../shared/quantity.ts';
import type { DocumentLanguage, InvoiceDocument, Party, Supplier } from './invoice-document.ts';

const LABELS = {
  cs: {
    invoice: 'Faktura – daňový doklad', creditNote: 'Opravný daňový doklad (dobropis)', draft: 'KONCEPT – není daňovým dokladem', number: 'Číslo',
    supplier: 'Dodavatel', customer: 'Odběratel', companyId: 'IČO', vatId: 'DIČ', taxId: 'DIČ', notVatPayer: 'Neplátce DPH',
    issueDate: 'Datum vystavení', taxableSupplyDate: 'Datum uskutečnění zdanitelného plnění', dueDate: 'Datum splatnosti', variableSymbol: 'Variabilní symbol',
    period: 'Období', contract: 'Smlouva', account: 'Bankovní účet', iban: 'IBAN', bic: 'BIC/SWIFT', paymentMethod: 'Způsob úhrady', transfer: 'Převodem',
    description: 'Popis', quantity: 'Množství', unit: 'Jedn.', unitPrice: 'Cena za jedn.', vatRate: 'Sazba DPH', net: 'Základ',
    recap: 'Rekapitulace DPH', base: 'Základ daně', vat: 'DPH', total: 'Celkem', rounding: 'Zaokrouhlení', toPay: 'Celkem k úhradě', toRefund: 'Celkem k vrácení',
    corrects: 'Opravuje doklad', correctsDates: 'vystavený', reason: 'Důvod opravy', email: 'E-mail', phone: 'Telefon', note: 'Poznámka',

    homeVat: 'DPH v', exchangeRate: 'Kurz', rateOf: 'ke dni',
  },
  sk: {
    invoice: 'Faktúra – daňový doklad', creditNote: 'Opravná faktúra (dobropis)', draft: 'KONCEPT – nie je daňovým dokladom', number: 'Číslo',
    supplier: 'Dodávateľ', customer: 'Odberateľ', companyId: 'IČO', vatId: 'IČ DPH', taxId: 'DIČ', notVatPayer: 'Neplatiteľ DPH',
    issueDate: 'Dátum vyhotovenia', taxableSupplyDate: 'Dátum dodania', dueDate: 'Dátum splatnosti', variableSymbol: 'Variabilný symbol',
    period: 'Obdobie', contract: 'Zmluva', account: 'Bankový účet', iban: 'IBAN', bic: 'BIC/SWIFT', paymentMethod: 'Spôsob úhrady', transfer: 'Prevodom',
    description: 'Popis', quantity: 'Množstvo', unit: 'MJ', unitPrice: 'Cena za MJ', vatRate: 'Sadzba DPH', net: 'Základ',
    recap: 'Rekapitulácia DPH', base: 'Základ dane', vat: 'DPH', total: 'Spolu', rounding: 'Zaokrúhlenie', toPay: 'Spolu na úhradu', toRefund: 'Spolu na vrátenie',
    corrects: 'Opravuje doklad', correctsDates: 'vyhotovený', reason: 'Dôvod opravy', email: 'E-mail', phone: 'Telefón', note: 'Poznámka',

    homeVat: 'DPH v', exchangeRate: 'Kurz', rateOf: 'ku dňu',
  },
  en: {
    invoice: 'Invoice – tax document', creditNote: 'Credit note (corrective tax document)', draft: 'DRAFT – not a tax document', number: 'Number',
    supplier: 'Supplier', customer: 'Customer', companyId: 'Company ID', vatId: 'VAT ID', taxId: 'Tax ID', notVatPayer: 'Not registered for VAT',
    issueDate: 'Date of issue', taxableSupplyDate: 'Date of taxable supply', dueDate: 'Due date', variableSymbol: 'Payment reference',
    period: 'Period', contract: 'Contract', account: 'Bank account', iban: 'IBAN', bic: 'BIC/SWIFT', paymentMethod: 'Payment', transfer: 'Bank transfer',
    description: 'Description', quantity: 'Quantity', unit: 'Unit', unitPrice: 'Unit price', vatRate: 'VAT rate', net: 'Net',
    recap: 'VAT summary', base: 'Tax base', vat: 'VAT', total: 'Total', rounding: 'Rounding', toPay: 'Total due', toRefund: 'Total to refund',
    corrects: 'Corrects document', correctsDates: 'issued', reason: 'Reason for correction', email: 'E-mail', phone: 'Phone', note: 'Note',

    homeVat: 'VAT in', exchangeRate: 'Exchange rate', rateOf: 'of',
  },
} as const satisfies Record<DocumentLanguage, Record<string, string>>;

type Labels = (typeof LABELS)[DocumentLanguage];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const NBSP = '\u00a0';
const separators = (lang: DocumentLanguage) => (lang === 'en' ? { group: ',', point: '.' } : { group: NBSP, point: ',' });
const grouped = (digits: string, group: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, group);

/** Minor units as "1 234,56" or "1,234.56", from integers only. */
function amount(minor: number, lang: DocumentLanguage): string {
  const { group, point } = separators(lang);
  const abs = Math.abs(minor);
  return `${minor < 0 ? '-' : ''}${grouped(String(Math.trunc(abs / 100)), group)}${point}${String(abs % 100).padStart(2, '0')}`;
}

function quantity(milli: number, lang: DocumentLanguage): string {
  const [whole = '', fraction] = formatQuantity(milli).split('.');
  const { group, point } = separators(lang);
  const sign = whole.startsWith('-') ? '-' : '';
  return `${sign}${grouped(whole.replace('-', ''), group)}${fraction === undefined ? '' : point + fraction}`;
}

function rate(bp: number, lang: DocumentLanguage): string {
  const fraction = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  const text = fraction ? `${Math.trunc(bp / 100)}${separators(lang).point}${fraction}` : String(Math.trunc(bp / 100));
  return `${text}${NBSP}%`;
}

function date(iso: string, lang: DocumentLanguage): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return lang === 'en' ? `${m[1]}-${m[2]}-${m[3]}` : `${Number(m[3])}.${NBSP}${Number(m[2])}.${NBSP}${m[1]}`;
}

const e = escapeHtml;

function partyHtml(title: string, p: Party | Supplier, l: Labels): string {
  const rows: string[] = [`<strong>${e(p.name)}</strong>`];
  if (p.address.street) rows.push(e(p.address.street));
  const city = [p.address.postalCode, p.address.city].filter(Boolean).join(' ');
  if (city) rows.push(e(city));
  if (p.address.country) rows.push(e(p.address.country));
  if (p.companyId) rows.push(`${l.companyId}: ${e(p.companyId)}`);
  if (p.taxId) rows.push(`${l.taxId}: ${e(p.taxId)}`);
  if (p.vatId) rows.push(`${l.vatId}: ${e(p.vatId)}`);
  if (!p.vatPayer && 'bankAccount' in p) rows.push(l.notVatPayer);
  if ('registration' in p && p.registration) rows.push(`<small>${e(p.registration)}</small>`);
  if (p.email) rows.push(`${l.email}: ${e(p.email)}`);
  if (p.phone) rows.push(`${l.phone}: ${e(p.phone)}`);
  return `<section class="party"><h2>${title}</h2><p>${rows.join('<br>')}</p></section>`;
}

/** An amount with its currency code, in the order the language writes it. */
const moneyText = (minor: number, currency: string, lang: DocumentLanguage) =>
  lang === 'en' ? `${escapeHtml(currency)}${NBSP}${amount(minor, lang)}` : `${amount(minor, lang)}${NBSP}${escapeHtml(currency)}`;

const row = (label: string, value: string) => `<tr><th>${label}</th><td>${value}</td></tr>`;

/** How a home currency is named in a heading: 'Kč' in Czech; 'domácej mene' for a Slovak document whose home currency is not the euro. */
function homeCurrencyName(currency: string, lang: DocumentLanguage): string {
  if (lang === 'cs' && currency === 'CZK') return 'Kč';
  if (lang === 'sk' && currency !== 'EUR') return 'domácej mene';
  return e(currency);
}

/** The VAT in the supplier's currency (§29 / §71): rate, its day, and base and VAT per rate, converted. */
function homeCurrencyVatHtml(doc: InvoiceDocument, l: Labels): string {
  const home = doc.homeCurrencyVat;
  if (!home) return '';
  const lang = doc.language;
  const money = (minor: number) => moneyText(minor, home.currency, lang);
  const rateText = lang === 'en' ? home.rate : home.rate.replace('.', ',');
  const rows = home.groups
    .map((g) => `<tr><td class="num">${rate(g.vatRateBp, lang)}</td><td class="num">${money(g.baseMinor)}</td><td class="num">${money(g.vatMinor)}</td></tr>`)
    .join('');
  return `<table class="recap home-vat"><caption>${l.homeVat} ${homeCurrencyName(home.currency, lang)} – ${l.exchangeRate} ${e(rateText)} ${e(home.currency)}/${e(doc.currency)} ${l.rateOf} ${date(home.rateDate, lang)}</caption>`
    + `<thead><tr><th>${l.vatRate}</th><th>${l.base}</th><th>${l.vat}</th></tr></thead><tbody>${rows}`
    + `<tr class="grand"><td class="num">${l.total}</td><td class="num">${money(home.baseMinor)}</td><td class="num">${money(home.vatMinor)}</td></tr></tbody></table>`;
}

/** `logoDataUri`: the supplier's logo as a data: URI (the page loads nothing from elsewhere). */
export function invoiceHtml(doc: InvoiceDocument, options: { logoDataUri?: string | null } = {}): string {
  const lang = doc.language;
  const l = LABELS[lang];
  const money = (minor: number) => moneyText(minor, doc.currency, lang);
  const title = doc.kind === 'credit_note' ? l.creditNote : l.invoice;
  const heading = doc.number ? `${title} ${e(doc.number)}` : title;
  const info = [
    row(l.issueDate, date(doc.issueDate, lang)),
    row(l.taxableSupplyDate, date(doc.taxableSupplyDate, lang)),
    row(l.dueDate, date(doc.dueDate, lang)),
    doc.variableSymbol ? row(l.variableSymbol, e(doc.variableSymbol)) : '',
    doc.period ? row(l.period, e(doc.period)) : '',
    doc.contractNumber ? row(l.contract, e(doc.contractNumber)) : '',
  ].join('');
  const bank = doc.supplier.bankAccount;
  const payment = bank
    ? [row(l.paymentMethod, l.transfer), bank.accountNumber ? row(l.account, e(bank.accountNumber)) : '', bank.iban ? row(l.iban, e(bank.iban)) : '', bank.bic ? row(l.bic, e(bank.bic)) : ''].join('')
    : '';
  const corrects = doc.corrects
    ? `<section class="corrects"><p>${l.corrects} <strong>${e(doc.corrects.number)}</strong> (${l.correctsDates} ${date(doc.corrects.issueDate, lang)}; ${l.taxableSupplyDate.toLowerCase()} ${date(doc.corrects.taxableSupplyDate, lang)})<br>${l.reason}: ${e(doc.corrects.reason)}</p></section>`
    : '';
  const lines = doc.lines
    .map((line) => `<tr><td>${line.position}</td><td>${e(line.description)}</td><td class="num">${quantity(line.quantityMilli, lang)}</td><td>${e(line.unit)}</td><td class="num">${amount(line.unitPriceMinor, lang)}</td><td class="num">${rate(line.vatRateBp, lang)}</td><td class="num">${amount(line.netMinor, lang)}</td></tr>`)
    .join('');
  const recap = doc.vatRecap
    .map((g) => `<tr><td class="num">${rate(g.vatRateBp, lang)}</td><td class="num">${amount(g.baseMinor, lang)}</td><td class="num">${amount(g.vatMinor, lang)}</td><td class="num">${amount(g.totalMinor, lang)}</td></tr>`)
    .join('');
  const totals = [
    row(l.base, money(doc.netMinor)),
    row(l.vat, money(doc.vatMinor)),
    doc.roundingMinor !== 0 ? row(l.rounding, money(doc.roundingMinor)) : '',
    `<tr class="grand"><th>${doc.totalMinor < 0 ? l.toRefund : l.toPay}</th><td>${money(doc.totalMinor)}</td></tr>`,
  ].join('');
  const notes = [doc.legalNote ? `<p class="legal">${e(doc.legalNote)}</p>` : '', doc.note ? `<p>${l.note}: ${e(doc.note)}</p>` : '', doc.supplier.footerText ? `<footer>${e(doc.supplier.footerText)}</footer>` : ''].join('');
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
.logo { max-height: 20mm; max-width: 60mm; float: right; }
.legal { font-weight: bold; } footer { margin-top: 6mm; color: #555; font-size: 8pt; }
@media print { body { padding: 0; } .draft { border-color: #000; color: #000; } }
</style>
</head>
<body>
${doc.draft ? `<div class="draft">${l.draft}</div>` : ''}${options.logoDataUri ? `<img class="logo" alt="" src="${e(options.logoDataUri)}">` : ''}<h1>${heading}</h1>
<div class="parties">${partyHtml(l.supplier, doc.supplier, l)}${partyHtml(l.customer, doc.customer, l)}</div>
<div class="meta"><table>${info}</table><table>${payment}</table></div>
${corrects}<table class="lines"><thead><tr><th>#</th><th>${l.description}</th><th class="num">${l.quantity}</th><th>${l.unit}</th><th class="num">${l.unitPrice}</th><th class="num">${l.vatRate}</th><th class="num">${l.net}</th></tr></thead><tbody>${lines}</tbody></table>
<table class="recap"><caption>${l.recap}</caption><thead><tr><th>${l.vatRate}</th><th>${l.base}</th><th>${l.vat}</th><th>${l.total}</th></tr></thead><tbody>${recap}</tbody></table>
<table class="totals">${totals}</table>
${homeCurrencyVatHtml(doc, l)}
${notes}
</body>
</html>
`;
}
