/**
 * Every text printed on an invoice or credit note, in the three document
 * languages, and the few choices of which text a document carries (pure). The
 * PDF here and billing's HTML preview both print from it, so the two always
 * say the same (billing already calls on this module at run time; this module
 * knows billing's document only by its types). Legal wording follows §29 of the Czech VAT act (zákon č. 235/2004 Sb.)
 * and §74 and §71 of the Slovak one (zákon č. 222/2004 Z. z.).
 */
import type { Language } from '../../../shared/language.ts';
import type { InvoiceDocument, Party, Supplier } from '../../billing/index.ts';

const cs = {
  invoice: 'Faktura',
  taxDocument: 'Daňový doklad',
  creditNote: 'Opravný daňový doklad',
  creditNoteSubtitle: 'Dobropis',
  creditNotePlain: 'Dobropis',
  // "Koncept" is what the application calls a document not issued yet.
  draft: 'KONCEPT – není daňovým dokladem',
  number: 'Číslo',
  supplier: 'Dodavatel',
  customer: 'Odběratel',
  companyId: 'IČO',
  vatId: 'DIČ',
  taxId: 'DIČ',
  // Beside a separate DIČ (a Slovak party's), Czech calls the VAT id by its Slovak name.
  vatIdBesideTaxId: 'IČ DPH',
  email: 'E-mail',
  phone: 'Telefon',
  issueDate: 'Datum vystavení',
  taxableSupplyDate: 'Datum uskutečnění zdanitelného plnění',
  dueDate: 'Datum splatnosti',
  paymentMethod: 'Forma úhrady',
  bankTransfer: 'Převodem',
  variableSymbol: 'Variabilní symbol',
  bankAccount: 'Bankovní účet',
  iban: 'IBAN',
  bic: 'BIC/SWIFT',
  period: 'Období',
  contract: 'Smlouva',
  position: '#',
  description: 'Popis',
  quantity: 'Množství',
  unit: 'MJ',
  unitPrice: 'Cena za MJ',
  vatRate: 'DPH',
  net: 'Základ',
  lineTotal: 'Celkem',
  vatRecap: 'Rekapitulace DPH',
  // A foreign-currency document states its VAT in the supplier's currency too (§ 29 of the Czech VAT act, § 71 of the Slovak one).
  homeCurrencyVat: 'DPH v {currency}',
  exchangeRate: 'kurz {rate} {home}/{foreign} ke dni {date}',
  homeCurrencyVatTotal: 'DPH celkem v {currency}',
  rate: 'Sazba',
  base: 'Základ daně',
  vat: 'DPH',
  totalWithVat: 'Celkem s DPH',
  totalNet: 'Celkem bez DPH',
  totalVat: 'DPH celkem',
  rounding: 'Zaokrouhlení',
  amountDue: 'Celkem k úhradě',
  creditNoteValue: 'Hodnota dobropisu',
  total: 'Celkem',
  reverseCharge: 'Daň odvede zákazník',
  /** The legal sentence of a reverse-charge document (billing stores it as the document's legalNote). */
  reverseChargeDetail: 'Daň odvede zákazník (přenesení daňové povinnosti, § 92a a § 24 zákona č. 235/2004 Sb., čl. 196 směrnice 2006/112/ES).',
  nonVatPayer: 'Nejsme plátci DPH.',
  corrects: 'Opravuje doklad č.',
  correctedIssueDate: 'ze dne',
  correctionReason: 'Důvod opravy',
  /** A credit line that takes back an amount of a line, not a quantity of its unit (credit-note.ts). */
  amountCorrection: 'Oprava částky řádku {position}: {description}',
  note: 'Poznámka',
  qrSpayd: 'QR Platba',
  qrPayBySquare: 'PAY by square',
};

export type InvoiceLabels = { readonly [K in keyof typeof cs]: string };

const sk = {
  invoice: 'Faktúra',
  taxDocument: 'Daňový doklad',
  creditNote: 'Opravná faktúra',
  creditNoteSubtitle: 'Dobropis',
  creditNotePlain: 'Dobropis',
  draft: 'KONCEPT – nie je daňovým dokladom',
  number: 'Číslo',
  supplier: 'Dodávateľ',
  customer: 'Odberateľ',
  companyId: 'IČO',
  vatId: 'IČ DPH',
  taxId: 'DIČ',
  vatIdBesideTaxId: 'IČ DPH',
  email: 'E-mail',
  phone: 'Telefón',
  issueDate: 'Dátum vyhotovenia',
  taxableSupplyDate: 'Dátum dodania',
  dueDate: 'Dátum splatnosti',
  paymentMethod: 'Forma úhrady',
  bankTransfer: 'Prevodom',
  variableSymbol: 'Variabilný symbol',
  bankAccount: 'Bankový účet',
  iban: 'IBAN',
  bic: 'BIC/SWIFT',
  period: 'Obdobie',
  contract: 'Zmluva',
  position: '#',
  description: 'Popis',
  quantity: 'Množstvo',
  unit: 'MJ',
  unitPrice: 'Cena za MJ',
  vatRate: 'DPH',
  net: 'Základ',
  lineTotal: 'Spolu',
  vatRecap: 'Rekapitulácia DPH',
  homeCurrencyVat: 'DPH v domácej mene ({currency})',
  exchangeRate: 'kurz {rate} {home}/{foreign} ku dňu {date}',
  homeCurrencyVatTotal: 'DPH spolu v {currency}',
  rate: 'Sadzba',
  base: 'Základ dane',
  vat: 'DPH',
  totalWithVat: 'Spolu s DPH',
  totalNet: 'Spolu bez DPH',
  totalVat: 'DPH spolu',
  rounding: 'Zaokrúhlenie',
  amountDue: 'Spolu na úhradu',
  creditNoteValue: 'Hodnota dobropisu',
  total: 'Spolu',
  reverseCharge: 'Prenesenie daňovej povinnosti',
  reverseChargeDetail: 'Prenesenie daňovej povinnosti – daň odvedie odberateľ (§ 69 ods. 3 zákona č. 222/2004 Z. z., čl. 196 smernice 2006/112/ES).',
  nonVatPayer: 'Nie sme platiteľmi DPH.',
  corrects: 'Opravuje faktúru č.',
  correctedIssueDate: 'zo dňa',
  correctionReason: 'Dôvod opravy',
  amountCorrection: 'Oprava sumy riadku {position}: {description}',
  note: 'Poznámka',
  qrSpayd: 'QR Platba',
  qrPayBySquare: 'PAY by square',
} satisfies InvoiceLabels;

const en = {
  invoice: 'Invoice',
  taxDocument: 'Tax document',
  creditNote: 'Credit note',
  creditNoteSubtitle: 'Corrective tax document',
  creditNotePlain: 'Credit note',
  draft: 'DRAFT – not a tax document',
  number: 'Number',
  supplier: 'Supplier',
  customer: 'Customer',
  companyId: 'Company ID',
  vatId: 'VAT ID',
  taxId: 'Tax ID',
  vatIdBesideTaxId: 'VAT ID',
  email: 'E-mail',
  phone: 'Phone',
  issueDate: 'Issue date',
  taxableSupplyDate: 'Date of taxable supply',
  dueDate: 'Due date',
  paymentMethod: 'Payment method',
  bankTransfer: 'Bank transfer',
  variableSymbol: 'Payment reference (VS)',
  bankAccount: 'Bank account',
  iban: 'IBAN',
  bic: 'BIC/SWIFT',
  period: 'Period',
  contract: 'Contract',
  position: '#',
  description: 'Description',
  quantity: 'Quantity',
  unit: 'Unit',
  unitPrice: 'Unit price',
  vatRate: 'VAT',
  net: 'Net',
  lineTotal: 'Total',
  vatRecap: 'VAT summary',
  homeCurrencyVat: 'VAT in {currency}',
  exchangeRate: 'rate {rate} {home}/{foreign} as of {date}',
  homeCurrencyVatTotal: 'VAT total in {currency}',
  rate: 'Rate',
  base: 'Tax base',
  vat: 'VAT',
  totalWithVat: 'Total incl. VAT',
  totalNet: 'Total excl. VAT',
  totalVat: 'VAT total',
  rounding: 'Rounding',
  amountDue: 'Amount due',
  creditNoteValue: 'Credit note value',
  total: 'Total',
  reverseCharge: 'Reverse charge',
  reverseChargeDetail: 'Reverse charge: VAT to be accounted for by the customer (Article 196 of Council Directive 2006/112/EC).',
  nonVatPayer: 'Not registered for VAT.',
  corrects: 'Corrects invoice No.',
  correctedIssueDate: 'of',
  correctionReason: 'Reason for correction',
  amountCorrection: 'Amount correction of line {position}: {description}',
  note: 'Note',
  qrSpayd: 'QR payment (QR Platba)',
  qrPayBySquare: 'PAY by square',
} satisfies InvoiceLabels;

const INVOICE_LABELS: Readonly<Record<Language, InvoiceLabels>> = { cs, sk, en };

/** The invoice texts of a language; unknown languages fall back to English. */
export function invoiceLabels(language: string): InvoiceLabels {
  return INVOICE_LABELS[language as Language] ?? en;
}

/**
 * Title and subtitle: a tax document only when the supplier is a VAT payer.
 * A draft is not a tax document yet and says so where the subtitle would call it one.
 */
export function documentTitle(doc: Pick<InvoiceDocument, 'kind' | 'draft'> & { readonly supplier: Pick<Supplier, 'vatPayer'> }, l: InvoiceLabels): { title: string; subtitle: string | null } {
  const payer = doc.supplier.vatPayer;
  const credit = doc.kind === 'credit_note';
  const title = credit && payer ? l.creditNote : credit ? l.creditNotePlain : l.invoice;
  if (doc.draft) return { title, subtitle: l.draft };
  return { title, subtitle: payer ? (credit ? l.creditNoteSubtitle : l.taxDocument) : null };
}

/** The label of the amount in the end: what the client pays, or a credit note's value (negative; what goes back, if anything, is settled on its invoice). */
export function amountDueLabel(doc: Pick<InvoiceDocument, 'kind'>, l: InvoiceLabels): string {
  return doc.kind === 'credit_note' ? l.creditNoteValue : l.amountDue;
}

/** The reverse-charge note: its heading and the legal sentence (the document's own legalNote when it carries one). */
export function reverseChargeNote(doc: Pick<InvoiceDocument, 'reverseCharge' | 'legalNote'>, l: InvoiceLabels): { heading: string; detail: string } | null {
  if (!doc.reverseCharge) return null;
  return { heading: l.reverseCharge, detail: doc.legalNote && doc.legalNote !== l.reverseCharge ? doc.legalNote : l.reverseChargeDetail };
}

/**
 * Company ids of a party as its language labels them: IČO, the separate tax id
 * when the party has one (a Slovak party's DIČ) and the VAT id. Czech calls the
 * VAT id "DIČ", so beside a separate DIČ it prints it as "IČ DPH", its Slovak
 * name; a party without one (a Czech party) keeps IČO and DIČ. The labels `l`
 * are already those of `_language`.
 */
export function partyIds(party: Pick<Party, 'companyId' | 'taxId' | 'vatId'>, _language: Language, l: InvoiceLabels): [label: string, value: string][] {
  const ids: [string, string | null][] = [
    [l.companyId, party.companyId],
    [l.taxId, party.taxId],
    [party.taxId ? l.vatIdBesideTaxId : l.vatId, party.vatId],
  ];
  return ids.filter((id): id is [string, string] => Boolean(id[1]));
}

/** How the supplier's currency is named in the home-currency VAT texts: "Kč" in Czech, its ISO code elsewhere. */
export function homeCurrencyName(currency: string, language: Language): string {
  return language === 'cs' && currency === 'CZK' ? 'Kč' : currency;
}

/** A label with its {placeholders} filled in ("DPH v {currency}" → "DPH v Kč"); unknown ones stay as written. */
export function fillLabel(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
