/**
 * ISDOC 6.0.2 (the Czech national e-invoice, isdoc.cz): one Invoice document per
 * invoice (DocumentType 1) or credit note (DocumentType 2, opravný daňový doklad
 * with OriginalDocumentReference). ISDOC states credit notes in positive amounts.
 * Validated against isdoc-invoice-6.0.2.xsd in the tests.
 */
import type { DocumentLine, InvoiceDocument, Party } from '../../billing/index.ts';
import { mulDivRound, type MinorUnits } from '../../../shared/money.ts';
import { xmlDocument, xmlFragment, type XmlElement } from './xml.ts';
import { decimal, documentUuid, percent, quantity, splitAccountNumber } from './numbers.ts';
import { countryName, documentNote, effectiveRate, lineVat, positiveSign, reverseChargeNote, splitStreet } from './tax.ts';

export const ISDOC_NAMESPACE = 'http://isdoc.cz/namespace/2013';
const ORIGINAL_REF = 'orig1';

type Xml = XmlElement;

/** The UUID an invoice carries in every export (also used for POHODA's extId). */
export function invoiceUuid(doc: InvoiceDocument): string {
  return documentUuid(doc.kind, doc.id, doc.supplier.companyId);
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
    ...(p.vatId ? { PartyTaxScheme: { CompanyID: p.vatId, TaxScheme: 'VAT' } } : {}),
    ...(Object.keys(contact).length ? { Contact: contact } : {}),
  };
}

function line(doc: InvoiceDocument, l: DocumentLine, amount: (m: MinorUnits) => string): Xml {
  const rate = effectiveRate(doc, l);
  const vat = lineVat(doc, l);
  const note = reverseChargeNote(doc);
  return {
    ID: String(l.position),
    ...(doc.corrects ? { OriginalDocumentReference: { '@ref': ORIGINAL_REF } } : {}),
    InvoicedQuantity: { '@unitCode': l.unit, '#': quantity(l.quantityMilli) },
    LineExtensionAmount: amount(l.netMinor),
    LineExtensionAmountTaxInclusive: amount(l.netMinor + vat),
    LineExtensionTaxAmount: amount(vat),
    UnitPrice: amount(l.unitPriceMinor),
    UnitPriceTaxInclusive: amount(mulDivRound(l.unitPriceMinor, 10_000 + rate, 1, 10_000)),
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
  const sign = positiveSign(doc);
  const amount = (m: MinorUnits) => decimal(m === 0 ? 0 : sign * m);
  const creditNote = doc.kind === 'credit_note';
  const note = documentNote(doc);
  const means = payment(doc, amount);
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
    LocalCurrencyCode: doc.currency,
    CurrRate: '1',
    RefCurrRate: '1',
    AccountingSupplierParty: { Party: party(doc.supplier) },
    AccountingCustomerParty: { Party: party(doc.customer) },
    ...(doc.corrects
      ? { OriginalDocumentReferences: { OriginalDocumentReference: { '@id': ORIGINAL_REF, ID: doc.corrects.number, IssueDate: doc.corrects.issueDate } } }
      : {}),
    InvoiceLines: { InvoiceLine: doc.lines.map((l) => line(doc, l, amount)) },
    TaxTotal: {
      TaxSubTotal: doc.vatRecap.map((g) => ({
        TaxableAmount: amount(g.baseMinor),
        TaxAmount: amount(g.vatMinor),
        TaxInclusiveAmount: amount(g.totalMinor),
        AlreadyClaimedTaxableAmount: '0.00',
        AlreadyClaimedTaxAmount: '0.00',
        AlreadyClaimedTaxInclusiveAmount: '0.00',
        DifferenceTaxableAmount: amount(g.baseMinor),
        DifferenceTaxAmount: amount(g.vatMinor),
        DifferenceTaxInclusiveAmount: amount(g.totalMinor),
        TaxCategory: { Percent: percent(g.vatRateBp), VATApplicable: String(doc.supplier.vatPayer) },
      })),
      TaxAmount: amount(doc.vatMinor),
    },
    LegalMonetaryTotal: {
      TaxExclusiveAmount: amount(doc.netMinor),
      TaxInclusiveAmount: amount(doc.netMinor + doc.vatMinor),
      AlreadyClaimedTaxExclusiveAmount: '0.00',
      AlreadyClaimedTaxInclusiveAmount: '0.00',
      DifferenceTaxExclusiveAmount: amount(doc.netMinor),
      DifferenceTaxInclusiveAmount: amount(doc.netMinor + doc.vatMinor),
      PayableRoundingAmount: amount(doc.roundingMinor),
      PaidDepositsAmount: '0.00',
      PayableAmount: amount(doc.totalMinor),
    },
    ...(means ? { PaymentMeans: means } : {}),
  };
  return xmlDocument({ Invoice: invoice });
}
