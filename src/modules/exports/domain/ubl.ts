/**
 * UBL 2.1 invoices and credit notes per Peppol BIS Billing 3.0 (EN 16931), ready
 * for the Slovak CIUS: tax point date, due date, both parties' VAT ids, full
 * addresses, electronic addresses (endpoint ids). Credit notes are stated in
 * positive amounts; a line's price is never negative (BR-27), its quantity
 * carries the sign. Validated against the OASIS UBL 2.1 XSDs in the tests.
 */
import type { DocumentLine, InvoiceDocument, Party } from '../../billing/index.ts';
import type { MinorUnits } from '../../../shared/money.ts';
import { xmlDocument, xmlFragment, type XmlElement } from './xml.ts';
import { decimal, percent, quantity } from './numbers.ts';
import { documentNote, effectiveRate, exemption, positiveSign, taxCategory } from './tax.ts';

export const PEPPOL_CUSTOMIZATION = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const PEPPOL_PROFILE = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';
const NS = {
  invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  creditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
};

type Xml = XmlElement;

/** Peppol electronic address schemes (EAS) by the VAT id's country. */
const VAT_ENDPOINT_SCHEME: Record<string, string> = { CZ: '9929', SK: '9950', AT: '9914', DE: '9930', HU: '9910', PL: '9945' };

/** UN/ECE Recommendation 20 unit codes for the units Kontor prints (any language). */
const UNIT_CODES: Record<string, string> = {
  h: 'HUR', hod: 'HUR', 'hod.': 'HUR', hodina: 'HUR', hour: 'HUR',
  km: 'KMT',
  ks: 'H87', pcs: 'H87', pc: 'H87', kus: 'H87',
  month: 'MON', 'měs.': 'MON', měsíc: 'MON', 'mes.': 'MON', mesiac: 'MON',
  min: 'MIN', kg: 'KGM', m: 'MTR', l: 'LTR', bal: 'XPK',
};
export function unitCode(unit: string): string {
  return UNIT_CODES[unit.trim().toLowerCase()] ?? 'C62';
}

function endpoint(p: Party): Xml | null {
  const scheme = p.vatId ? VAT_ENDPOINT_SCHEME[p.vatId.slice(0, 2).toUpperCase()] : undefined;
  if (p.vatId && scheme) return { '@schemeID': scheme, '#': p.vatId };
  if (p.email) return { '@schemeID': 'EM', '#': p.email };
  return null;
}

function party(p: Party, role: 'supplier' | 'customer'): Xml {
  const end = endpoint(p);
  const taxSchemes: Xml[] = [];
  if (p.vatId) taxSchemes.push({ 'cbc:CompanyID': p.vatId, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } });
  // The seller's tax registration id (Slovak DIČ) beside the VAT id (BT-32).
  if (role === 'supplier' && p.taxId) taxSchemes.push({ 'cbc:CompanyID': p.taxId, 'cac:TaxScheme': { 'cbc:ID': 'TAX' } });
  const contact: Xml = {};
  if (p.phone) contact['cbc:Telephone'] = p.phone;
  if (p.email) contact['cbc:ElectronicMail'] = p.email;
  return {
    ...(end ? { 'cbc:EndpointID': end } : {}),
    ...(p.companyId ? { 'cac:PartyIdentification': { 'cbc:ID': p.companyId } } : {}),
    'cac:PartyName': { 'cbc:Name': p.name },
    'cac:PostalAddress': {
      'cbc:StreetName': p.address.street,
      'cbc:CityName': p.address.city,
      'cbc:PostalZone': p.address.postalCode,
      'cac:Country': { 'cbc:IdentificationCode': p.address.country },
    },
    ...(taxSchemes.length ? { 'cac:PartyTaxScheme': taxSchemes } : {}),
    'cac:PartyLegalEntity': { 'cbc:RegistrationName': p.name, ...(p.companyId ? { 'cbc:CompanyID': p.companyId } : {}) },
    ...(Object.keys(contact).length ? { 'cac:Contact': contact } : {}),
  };
}

function category(doc: InvoiceDocument, rateBp: number, element: 'cac:TaxCategory' | 'cac:ClassifiedTaxCategory'): Xml {
  const code = taxCategory(doc, rateBp);
  const reason = element === 'cac:TaxCategory' ? exemption(code) : null;
  return {
    'cbc:ID': code,
    // Not subject to VAT (O) states no rate at all (BR-O-05).
    ...(code === 'O' ? {} : { 'cbc:Percent': percent(rateBp) }),
    ...(reason ? { 'cbc:TaxExemptionReasonCode': reason.code, 'cbc:TaxExemptionReason': reason.reason } : {}),
    'cac:TaxScheme': { 'cbc:ID': 'VAT' },
  };
}

function line(doc: InvoiceDocument, l: DocumentLine, creditNote: boolean, amount: (m: MinorUnits) => Xml): Xml {
  const net = positiveSign(doc) * l.netMinor;
  // The price is stated positive and the quantity carries the direction of the line.
  const direction = net < 0 || (net === 0 && l.quantityMilli * l.unitPriceMinor < 0) ? -1 : 1;
  const qty = direction * Math.abs(l.quantityMilli);
  return {
    'cbc:ID': String(l.position),
    [creditNote ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity']: { '@unitCode': unitCode(l.unit), '#': quantity(qty) },
    'cbc:LineExtensionAmount': amount(l.netMinor),
    'cac:Item': {
      'cbc:Name': l.description,
      ...(l.itemCode ? { 'cac:SellersItemIdentification': { 'cbc:ID': l.itemCode } } : {}),
      'cac:ClassifiedTaxCategory': category(doc, effectiveRate(doc, l), 'cac:ClassifiedTaxCategory'),
    },
    'cac:Price': { 'cbc:PriceAmount': { '@currencyID': doc.currency, '#': decimal(Math.abs(l.unitPriceMinor)) } },
  };
}

function paymentMeans(doc: InvoiceDocument, creditNote: boolean): Xml | null {
  const bank = doc.supplier.bankAccount;
  if (bank === null) return null;
  const account = bank.iban ?? bank.accountNumber;
  return {
    // 58 SEPA credit transfer with an IBAN, 30 credit transfer otherwise.
    'cbc:PaymentMeansCode': bank.iban ? '58' : '30',
    // A credit note has no DueDate element; EN 16931 carries it here.
    ...(creditNote ? { 'cbc:PaymentDueDate': doc.dueDate } : {}),
    'cbc:PaymentID': doc.variableSymbol,
    ...(account
      ? { 'cac:PayeeFinancialAccount': { 'cbc:ID': account, ...(bank.bic ? { 'cac:FinancialInstitutionBranch': { 'cbc:ID': bank.bic } } : {}) } }
      : {}),
  };
}

/** The UBL XML text of one invoice (Invoice) or credit note (CreditNote), UTF-8. */
export function ublXml(doc: InvoiceDocument): string {
  const creditNote = doc.kind === 'credit_note';
  const sign = positiveSign(doc);
  const amount = (m: MinorUnits): Xml => ({ '@currencyID': doc.currency, '#': decimal(m === 0 ? 0 : sign * m) });
  const note = documentNote(doc);
  const means = paymentMeans(doc, creditNote);
  const hcv = doc.homeCurrencyVat ?? null;
  const root: Xml = {
    '@xmlns': creditNote ? NS.creditNote : NS.invoice,
    '@xmlns:cac': NS.cac,
    '@xmlns:cbc': NS.cbc,
    'cbc:CustomizationID': PEPPOL_CUSTOMIZATION,
    'cbc:ProfileID': PEPPOL_PROFILE,
    'cbc:ID': doc.number,
    'cbc:IssueDate': doc.issueDate,
    ...(creditNote ? { 'cbc:TaxPointDate': doc.taxableSupplyDate } : { 'cbc:DueDate': doc.dueDate }),
    [creditNote ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode']: creditNote ? '381' : '380',
    ...(note ? { 'cbc:Note': note } : {}),
    ...(creditNote ? {} : { 'cbc:TaxPointDate': doc.taxableSupplyDate }),
    'cbc:DocumentCurrencyCode': doc.currency,
    // BT-6: the VAT is also stated in the supplier's currency (BT-111, the second TaxTotal).
    ...(hcv ? { 'cbc:TaxCurrencyCode': hcv.currency } : {}),
    'cbc:BuyerReference': doc.contractNumber ?? doc.variableSymbol,
    ...(doc.corrects
      ? { 'cac:BillingReference': { 'cac:InvoiceDocumentReference': { 'cbc:ID': doc.corrects.number, 'cbc:IssueDate': doc.corrects.issueDate } } }
      : {}),
    'cac:AccountingSupplierParty': { 'cac:Party': party(doc.supplier, 'supplier') },
    'cac:AccountingCustomerParty': { 'cac:Party': party(doc.customer, 'customer') },
    ...(means ? { 'cac:PaymentMeans': means } : {}),
    'cac:TaxTotal': [
      {
        'cbc:TaxAmount': amount(doc.vatMinor),
        'cac:TaxSubtotal': doc.vatRecap.map((g) => ({
          'cbc:TaxableAmount': amount(g.baseMinor),
          'cbc:TaxAmount': amount(g.vatMinor),
          'cac:TaxCategory': category(doc, g.vatRateBp, 'cac:TaxCategory'),
        })),
      },
      // BT-111: only the total, in the tax currency, without subtotals (BR-CO-14 applies to the first).
      ...(hcv ? [{ 'cbc:TaxAmount': { '@currencyID': hcv.currency, '#': decimal(hcv.vatMinor === 0 ? 0 : sign * hcv.vatMinor) } }] : []),
    ],
    'cac:LegalMonetaryTotal': {
      'cbc:LineExtensionAmount': amount(doc.netMinor),
      'cbc:TaxExclusiveAmount': amount(doc.netMinor),
      'cbc:TaxInclusiveAmount': amount(doc.netMinor + doc.vatMinor),
      ...(doc.roundingMinor !== 0 ? { 'cbc:PayableRoundingAmount': amount(doc.roundingMinor) } : {}),
      'cbc:PayableAmount': amount(doc.totalMinor),
    },
    [creditNote ? 'cac:CreditNoteLine' : 'cac:InvoiceLine']: doc.lines.map((l) => line(doc, l, creditNote, amount)),
  };
  return xmlDocument({ [creditNote ? 'CreditNote' : 'Invoice']: root });
}
