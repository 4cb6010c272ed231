/**
 * CSV for any other program: one table of documents, one of their lines and one
 * of their VAT recapitulation per rate (what a VAT return needs: the VAT is
 * rounded once per rate, so it cannot be summed from the lines), UTF-8 with a byte-order mark, ';' between fields and a decimal comma (how
 * Czech and Slovak Excel read it), CRLF line ends. Rows are produced one
 * document at a time so a batch streams.
 */
import type { InvoiceDocument } from '../../billing/index.ts';
import type { MinorUnits } from '../../../shared/money.ts';
import { decimal, percent, quantity } from './numbers.ts';
import { effectiveRate, taxCategory } from './tax.ts';

export const CSV_BOM = '\uFEFF';

export const INVOICE_COLUMNS = [
  'number', 'kind', 'issue_date', 'taxable_supply_date', 'due_date', 'variable_symbol', 'period', 'contract',
  'customer', 'customer_company_id', 'customer_vat_id', 'customer_country', 'currency', 'reverse_charge',
  'net', 'vat', 'rounding', 'total', 'corrects',
  // A foreign-currency document's VAT in the supplier's currency and the rate it was converted at; empty otherwise.
  'home_currency', 'exchange_rate', 'exchange_rate_date', 'home_net', 'home_vat',
] as const;

export const LINE_COLUMNS = [
  'invoice_number', 'position', 'kind', 'description', 'item_code', 'quantity', 'unit', 'unit_price', 'net', 'vat_rate', 'currency',
] as const;

export const VAT_COLUMNS = [
  'invoice_number', 'vat_rate', 'tax_category', 'base', 'vat', 'total', 'currency',
  // A foreign-currency document's base and VAT of the rate in the supplier's currency; empty otherwise.
  'home_currency', 'home_base', 'home_vat',
] as const;

type Cell = string | number | null;

// Text a spreadsheet would run as a formula is prefixed with an apostrophe (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(,\d+)?$/;

function field(value: Cell): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly Cell[]): string {
  return `${cells.map(field).join(';')}\r\n`;
}

/** Amount with a decimal comma; a number cell, so never prefixed as a formula. */
function money(minor: MinorUnits): string {
  return decimal(minor).replace('.', ',');
}

export function invoiceCsvRow(doc: InvoiceDocument): string {
  return csvRow([
    doc.number, doc.kind, doc.issueDate, doc.taxableSupplyDate, doc.dueDate, doc.variableSymbol, doc.period, doc.contractNumber,
    doc.customer.name, doc.customer.companyId, doc.customer.vatId, doc.customer.address.country, doc.currency, doc.reverseCharge ? 1 : 0,
    money(doc.netMinor), money(doc.vatMinor), money(doc.roundingMinor), money(doc.totalMinor), doc.corrects?.number ?? null,
    ...homeCurrencyCells(doc),
  ]);
}

function homeCurrencyCells(doc: InvoiceDocument): Cell[] {
  const hcv = doc.homeCurrencyVat ?? null;
  if (hcv === null) return [null, null, null, null, null];
  return [hcv.currency, hcv.rate.replace('.', ','), hcv.rateDate, money(hcv.baseMinor), money(hcv.vatMinor)];
}

export function lineCsvRows(doc: InvoiceDocument): string {
  return doc.lines
    .map((l) =>
      csvRow([
        doc.number, l.position, l.kind, l.description, l.itemCode, quantity(l.quantityMilli).replace('.', ','), l.unit,
        money(l.unitPriceMinor), money(l.netMinor), percent(effectiveRate(doc, l)).replace('.', ','), doc.currency,
      ]),
    )
    .join('');
}

/** One row per VAT rate of the document, as its recapitulation states it (credit notes negative). */
export function vatCsvRows(doc: InvoiceDocument): string {
  const hcv = doc.homeCurrencyVat ?? null;
  return doc.vatRecap
    .map((g) => {
      const home = hcv?.groups.find((h) => h.vatRateBp === g.vatRateBp) ?? null;
      return csvRow([
        doc.number, percent(effectiveRate(doc, g)).replace('.', ','), taxCategory(doc, g.vatRateBp), money(g.baseMinor), money(g.vatMinor), money(g.totalMinor), doc.currency,
        home ? hcv!.currency : null, home ? money(home.baseMinor) : null, home ? money(home.vatMinor) : null,
      ]);
    })
    .join('');
}

export function csvHeader(columns: readonly string[]): string {
  return CSV_BOM + csvRow(columns);
}
