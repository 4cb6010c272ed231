/**
 * Builds the InvoiceDocument (invoice-document.ts) from a stored invoice or
 * credit note, its lines and the party snapshots taken at issue (pure). The
 * totals of an issued document are the stored ones — computed once at issue
 * from the same lines by vatRecap — so a re-render never re-rounds. A draft is
 * built with the dates and totals it would get if issued today, and marked.
 */
import type { IsoDate } from '../../../shared/calendar/index.ts';
import { invoiceLabels } from '../../documents/index.ts';
import { isLanguage, type Language } from '../../../shared/language.ts';
import type { MinorUnits } from '../../../shared/money.ts';
import { isPeriod, lastDayOf } from '../../../shared/period.ts';
import { printedUnit } from '../../../shared/units.ts';
import type { CorrectedDocument, DocumentLine, DocumentLineKind, InvoiceDocument, Party, Supplier } from './invoice-document.ts';
import { homeCurrencyOf, homeCurrencyVat, parseExchangeRate } from './home-currency.ts';
import { vatRecap, type VatGroup, type VatRecap } from './vat.ts';

export interface StoredDocument {
  readonly id: number;
  readonly kind: 'invoice' | 'credit_note';
  readonly state: string;
  readonly number: string | null;
  readonly variableSymbol: string | null;
  readonly issueDate: IsoDate | null;
  readonly taxableSupplyDate: IsoDate | null;
  readonly dueDate: IsoDate | null;
  readonly currency: string;
  readonly language: string;
  readonly period: string | null;
  readonly contractNumber: string | null;
  readonly reverseCharge: boolean;
  readonly roundTotal: boolean;
  readonly netMinor: MinorUnits;
  readonly vatMinor: MinorUnits;
  readonly roundingMinor: MinorUnits;
  readonly totalMinor: MinorUnits;
  readonly vatRecap: readonly VatGroup[];
  readonly note: string;
  /** The rate fixed at issue (foreign currency with VAT), or null; a credit note carries its invoice's. */
  readonly exchangeRate?: string | null;
  readonly exchangeRateDate?: IsoDate | null;
}

export interface StoredLine {
  readonly kind: string;
  readonly description: string;
  readonly quantityMilli: number;
  readonly unit: string;
  readonly unitPriceMinor: MinorUnits;
  readonly netMinor: MinorUnits;
  readonly vatRateBp: number;
}

export function documentLanguage(language: string): Language {
  return isLanguage(language) ? language : 'en';
}

const LINE_KINDS: readonly DocumentLineKind[] = ['work', 'travel', 'unit_fee', 'item', 'contract_fee', 'overage', 'manual'];
const lineKind = (kind: string): DocumentLineKind => (LINE_KINDS as readonly string[]).includes(kind) ? (kind as DocumentLineKind) : 'manual';

/** The totals of a set of lines as issuing computes (and stores) them. */
export function totalsOfLines(lines: readonly Pick<StoredLine, 'netMinor' | 'vatRateBp'>[], options: { reverseCharge: boolean; roundTotal: boolean }): VatRecap {
  return vatRecap(lines, { reverseCharge: options.reverseCharge, roundTotal: options.roundTotal });
}

/**
 * The date of taxable supply a draft gets when issued `today`: the one set on it, else the
 * last day of its period (BILLING.md §4), else the issue date. Its VAT rates are those of this day.
 */
export function draftTaxableSupplyDate(draft: { readonly taxableSupplyDate: IsoDate | null; readonly period: string | null }, today: IsoDate): IsoDate {
  return draft.taxableSupplyDate ?? (draft.period && isPeriod(draft.period) ? lastDayOf(draft.period) : today);
}

export interface DraftDates {
  readonly issueDate: IsoDate;
  readonly taxableSupplyDate: IsoDate;
  readonly dueDate: IsoDate;
}

export function buildInvoiceDocument(input: {
  readonly stored: StoredDocument;
  readonly lines: readonly StoredLine[];
  readonly supplier: Supplier;
  readonly customer: Party;
  readonly corrects: CorrectedDocument | null;
  /** Drafts only: the dates issuing today would give. */
  readonly draftDates?: DraftDates;
}): InvoiceDocument {
  const { stored, supplier, customer, corrects } = input;
  const language = documentLanguage(stored.language);
  const draft = stored.state === 'draft';
  const lines: DocumentLine[] = input.lines.map((line, i) => ({
    position: i + 1,
    kind: lineKind(line.kind),
    description: line.description,
    quantityMilli: line.quantityMilli,
    unit: printedUnit(line.unit, language),
    unitPriceMinor: line.unitPriceMinor,
    netMinor: line.netMinor,
    vatRateBp: stored.reverseCharge ? 0 : line.vatRateBp,
    itemCode: null,
  }));
  const totals = draft
    ? totalsOfLines(input.lines, { reverseCharge: stored.reverseCharge, roundTotal: stored.roundTotal })
    : { groups: stored.vatRecap, netMinor: stored.netMinor, vatMinor: stored.vatMinor, roundingMinor: stored.roundingMinor, totalMinor: stored.totalMinor };
  const dates = draft && input.draftDates ? input.draftDates : null;
  const number = stored.number ?? '';
  return {
    kind: stored.kind,
    id: String(stored.id),
    number,
    variableSymbol: stored.variableSymbol ?? '',
    issueDate: dates?.issueDate ?? stored.issueDate ?? '',
    taxableSupplyDate: dates?.taxableSupplyDate ?? stored.taxableSupplyDate ?? '',
    dueDate: dates?.dueDate ?? stored.dueDate ?? '',
    currency: stored.currency,
    language,
    period: stored.period,
    contractNumber: stored.contractNumber,
    supplier,
    customer,
    lines,
    vatRecap: totals.groups,
    netMinor: totals.netMinor,
    vatMinor: totals.vatMinor,
    roundingMinor: totals.roundingMinor,
    totalMinor: totals.totalMinor,
    reverseCharge: stored.reverseCharge,
    corrects,
    note: stored.note === '' ? null : stored.note,
    draft,
    legalNote: stored.reverseCharge ? invoiceLabels(language).reverseChargeDetail : null,
    homeCurrencyVat: homeCurrencyVatOf(stored, totals.groups, supplier),
  };
}

/** The VAT in the supplier's currency when a rate was fixed at issue for a foreign currency; null otherwise (drafts have no rate yet). */
function homeCurrencyVatOf(stored: StoredDocument, groups: readonly VatGroup[], supplier: Supplier) {
  const home = homeCurrencyOf(supplier.address.country);
  const rate = stored.exchangeRate ? parseExchangeRate(stored.exchangeRate) : null;
  if (rate === null || home === null || home === stored.currency || !stored.exchangeRateDate) return null;
  return homeCurrencyVat(groups, home, rate, stored.exchangeRateDate);
}
