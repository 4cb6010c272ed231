/**
 * ISDOC 6.0.2 (the Czech national e-invoice, isdoc.cz): one Invoice document per
 * invoice (DocumentType 1) or credit note (DocumentType 2, opravný daňový doklad
 * with OriginalDocumentReference). ISDOC states credit notes in positive amounts.
 * A document in a foreign currency (homeCurrencyVat present) states the supplier's
 * currency as LocalCurrencyCode with the rate: the plain amounts are local, the
 * *Curr ones the document's own. Validated against isdoc-invoice-6.0.2.xsd in the tests.
 */
import type { DocumentLine, InvoiceDocument, Party } from '../../billing/index.ts';
import { mulDivRound, type MinorUnits } from '../../../shared/money.ts';
import { xmlDocument, xmlFragment, type XmlElement } from './xml.ts';
import { decimal, documentUuid, percent, quantity, splitAccountNumber } from './numbers.ts';
import { countryName, documentNote, effectiveRate, lineVat, positiveSign, reverseChargeNote, splitStreet } from './tax.ts';
import { homeConverter, homeCurrencyOf } from './home-currency.ts';

export const ISDOC_NAMESPACE = 'http://isdoc.cz/namespace/2013';
const ORIGINAL_REF = 'orig1';

type Xml = XmlElement;

/**
 * How amounts are written: `local` in the local (supplier's) currency, and `pair`
 * the element with its *Curr twin when the document is in a foreign currency
 * (the twin carries the document's amount; `currFirst` follows the schema's order).
 */
interface Amounts {
  amount: (m: MinorUnits) => string;
  local: (m: MinorUnits) => string;
  /** localMinor defaults to foreignMinor converted. */
  pair: (name: string, foreignMinor: MinorUnits, localMinor?: MinorUnits, currFirst?: boolean) => Xml;
}

function amounts(doc: InvoiceDocument): Amounts {
  const sign = positiveSign(doc);
  const amount = (m: MinorUnits) => decimal(m === 0 ? 0 : sign * m);
  const home = homeCurrencyOf(doc);
  if (home === null) return { amount, local: amount, pair: (name, foreignMinor) => ({ [name]: amount(foreignMinor) }) };
  return {
    amount,
    local: (m) => amount(home.toHome(m)),
    pair: (name, foreignMinor, localMinor = home.toHome(foreignMinor), currFirst = true) =>
      currFirst
        ? { [`${name}Curr`]: amount(foreignMinor), [name]: amount(localMinor) }
        : { [name]: amount(localMinor), [`${name}Curr`]: amount(foreignMinor) },
  };
}

/** The UUID an invoice carries in every export (also used for POHODA's extId). */
export function invoiceUuid(doc: InvoiceDocument): string {
  return documentUuid(doc.kind, doc.id, doc.supplier.companyId);
}

/**
 * The party's tax ids: the VAT id (scheme VAT; the Slovak IČ DPH) first, as readers
 * that take one expect, then the tax id (scheme TIN; the Slovak DIČ), as ISDOC's
 * PartyTaxScheme documents it for Slovak parties.
 */
function taxSchemes(p: Party): Xml[] {
  const schemes: Xml[] = [];
  if (p.vatId) schemes.push({ CompanyID: p.vatId, TaxScheme: 'VAT' });
  if (p.taxId) schemes.push({ CompanyID: p.taxId, TaxScheme: 'TIN' });
  return schemes;
}

function party(p: Party): Xml {
  const street = splitStreet(p.address.street);
  const contact: Xml = {};
  if (p.phone) contact.Telephone = p.phone;
  if (p.email) contact.ElectronicMail = p.email;
  return {
    PartyIdentification: { ID: p.companyId ?? '' },
    PartyName: { Name: p.name },
    PostalAddress: {
      StreetName: street.name,
      BuildingNumber: street.number,
      CityName: p.address.city,
      PostalZone: p.address.postalCode,
      Country: { IdentificationCode: p.address.country, Name: countryName(p.address.country) },
    },
    ...(taxSchemes(p).length ? { PartyTaxScheme: taxSchemes(p) } : {}),
    ...(Object.keys(contact).length ? { Contact: contact } : {}),
  };
}

function line(doc: InvoiceDocument, l: DocumentLine, a: Amounts): Xml {
  const rate = effectiveRate(doc, l);
  const vat = lineVat(doc, l);
  const note = reverseChargeNote(doc);
  const local = a.local;
  return {
    ID: String(l.position),
    ...(doc.corrects ? { OriginalDocumentReference: { '@ref': ORIGINAL_REF } } : {}),
    // A line counting no unit (a credit note's amount correction) has no unit code: the attribute is optional.
    InvoicedQuantity: l.unit ? { '@unitCode': l.unit, '#': quantity(l.quantityMilli) } : quantity(l.quantityMilli),
    ...a.pair('LineExtensionAmount', l.netMinor),
    ...a.pair('LineExtensionAmountTaxInclusive', l.netMinor + vat),
    LineExtensionTaxAmount: local(vat),
    // ISDOC states unit prices in the local currency only.
    UnitPrice: local(l.unitPriceMinor),
    UnitPriceTaxInclusive: local(mulDivRound(l.unitPriceMinor, 10_000 + rate, 1, 10_000)),
    ClassifiedTaxCategory: { Percent: percent(rate), VATCalculationMethod: '0', VATApplicable: String(doc.supplier.vatPayer) },
    ...(note ? { VATNote: note } : {}),
    Item: { Description: l.description, ...(l.itemCode ? { SellersItemIdentification: { ID: l.itemCode } } : {}) },
  };
}

function payment(doc: InvoiceDocument, amount: (m: MinorUnits) => string): Xml | null {
  const bank = doc.supplier.bankAccount;
  if (bank === null) return null;
  const domestic = splitAccountNumber(bank.accountNumber);
  const details: Xml = { PaymentDueDate: doc.dueDate };
  details.ID = domestic?.number ?? bank.iban ?? '';
  details.BankCode = domestic?.bankCode ?? '';
  details.Name = '';
  details.IBAN = bank.iban ?? '';
  details.BIC = bank.bic ?? '';
  details.VariableSymbol = doc.variableSymbol;
  return { Payment: { PaidAmount: amount(doc.totalMinor), PaymentMeansCode: '42', Details: details } };
}

/** The ISDOC XML text of one invoice or credit note (UTF-8). */
export function isdocXml(doc: InvoiceDocument): string {
  const a = amounts(doc);
  const { amount, pair } = a;
  const hcv = doc.homeCurrencyVat ?? null;
  const creditNote = doc.kind === 'credit_note';
  const note = documentNote(doc);
  // What the client pays, in the document's currency: the payment instruction is not converted.
  const means = payment(doc, amount);
  // The VAT figures in the local currency are exactly the document's own (converted once per rate at issue).
  const homeGroup = (vatRateBp: number) => hcv?.groups.find((g) => g.vatRateBp === vatRateBp) ?? null;
  const taxSubTotal = (g: InvoiceDocument['vatRecap'][number]): Xml => {
    const home = homeGroup(g.vatRateBp);
    const base = home?.baseMinor;
    const vat = home?.vatMinor;
    const total = home ? home.baseMinor + home.vatMinor : undefined;
    return {
      ...pair('TaxableAmount', g.baseMinor, base),
      ...pair('TaxAmount', g.vatMinor, vat),
      ...pair('TaxInclusiveAmount', g.totalMinor, total),
      ...pair('AlreadyClaimedTaxableAmount', 0),
      ...pair('AlreadyClaimedTaxAmount', 0),
      ...pair('AlreadyClaimedTaxInclusiveAmount', 0),
      ...pair('DifferenceTaxableAmount', g.baseMinor, base),
      ...pair('DifferenceTaxAmount', g.vatMinor, vat),
      ...pair('DifferenceTaxInclusiveAmount', g.totalMinor, total),
      TaxCategory: { Percent: percent(g.vatRateBp), VATApplicable: String(doc.supplier.vatPayer) },
    };
  };
  const localNet = hcv?.baseMinor;
  const localGross = hcv ? hcv.baseMinor + hcv.vatMinor : undefined;
  const localRounding = hcv ? homeConverter(hcv)(doc.roundingMinor) : undefined;
  const localPayable = hcv ? hcv.baseMinor + hcv.vatMinor + localRounding! : undefined;
  const invoice: Xml = {
    '@xmlns': ISDOC_NAMESPACE,
    '@version': '6.0.2',
    DocumentType: creditNote ? '2' : '1',
    ID: doc.number,
    UUID: invoiceUuid(doc),
    IssuingSystem: 'Kontor',
    IssueDate: doc.issueDate,
    // A corrective document states no tax point of its own (ISDOC rules); a non-payer has none.
    ...(!creditNote && doc.supplier.vatPayer ? { TaxPointDate: doc.taxableSupplyDate } : {}),
    VATApplicable: String(doc.supplier.vatPayer),
    ElectronicPossibilityAgreementReference: '',
    ...(note ? { Note: note } : {}),
    ...(hcv
      ? { LocalCurrencyCode: hcv.currency, ForeignCurrencyCode: doc.currency, CurrRate: hcv.rate, RefCurrRate: '1' }
      : { LocalCurrencyCode: doc.currency, CurrRate: '1', RefCurrRate: '1' }),
    AccountingSupplierParty: { Party: party(doc.supplier) },
    AccountingCustomerParty: { Party: party(doc.customer) },
    ...(doc.corrects
      ? { OriginalDocumentReferences: { OriginalDocumentReference: { '@id': ORIGINAL_REF, ID: doc.corrects.number, IssueDate: doc.corrects.issueDate } } }
      : {}),
    InvoiceLines: { InvoiceLine: doc.lines.map((l) => line(doc, l, a)) },
    TaxTotal: {
      TaxSubTotal: doc.vatRecap.map(taxSubTotal),
      ...pair('TaxAmount', doc.vatMinor, hcv?.vatMinor),
    },
    LegalMonetaryTotal: {
      ...pair('TaxExclusiveAmount', doc.netMinor, localNet, false),
      ...pair('TaxInclusiveAmount', doc.netMinor + doc.vatMinor, localGross, false),
      ...pair('AlreadyClaimedTaxExclusiveAmount', 0, 0, false),
      ...pair('AlreadyClaimedTaxInclusiveAmount', 0, 0, false),
      ...pair('DifferenceTaxExclusiveAmount', doc.netMinor, localNet, false),
      ...pair('DifferenceTaxInclusiveAmount', doc.netMinor + doc.vatMinor, localGross, false),
      ...pair('PayableRoundingAmount', doc.roundingMinor, localRounding, false),
      ...pair('PaidDepositsAmount', 0, 0, false),
      ...pair('PayableAmount', doc.totalMinor, localPayable, false),
    },
    ...(means ? { PaymentMeans: means } : {}),
  };
  return xmlDocument({ Invoice: invoice });
}
