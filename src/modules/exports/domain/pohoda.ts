/**
 * POHODA XML import (Stormware dataPack, schema version 2): issued invoices,
 * corrective tax documents (credit notes, linked to the invoice they correct),
 * issue slips (výdejky) and address-book entries, in Windows-1250 as POHODA
 * expects. Rounding is stated explicitly so POHODA recomputes nothing: VAT is
 * not rounded further (Kontor rounds it once per rate to the minor unit) and the
 * document is rounded only when Kontor rounded it, by exactly that amount.
 * Validated against data.xsd in the tests.
 */
import type { DocumentLine, InvoiceDocument, Party, Supplier } from '../../billing/index.ts';
import type { SlipDocument } from '../../warehouse/index.ts';
import type { MinorUnits } from '../../../shared/money.ts';
import type { ExportItem, UnmappedVatRateFact } from './exporter.ts';
import { xmlDocument, xmlFragment, type XmlElement } from './xml.ts';
import { decimal, quantity, splitAccountNumber } from './numbers.ts';
import { documentNote, effectiveRate } from './tax.ts';
import { invoiceUuid } from './isdoc.ts';
import { homeCurrencyOf } from './home-currency.ts';

const NS = {
  dat: 'http://www.stormware.cz/schema/version_2/data.xsd',
  inv: 'http://www.stormware.cz/schema/version_2/invoice.xsd',
  vyd: 'http://www.stormware.cz/schema/version_2/vydejka.xsd',
  adb: 'http://www.stormware.cz/schema/version_2/addressbook.xsd',
  typ: 'http://www.stormware.cz/schema/version_2/type.xsd',
};
const SYSTEM_NAME = 'Kontor';

type Xml = XmlElement;
export type PohodaRate = 'high' | 'low' | 'third' | 'none';

/** POHODA's rate names per the supplier's country (the rates its VAT settings hold). */
const RATES: Record<string, Record<number, PohodaRate>> = {
  CZ: { 2100: 'high', 1200: 'low', 0: 'none' },
  SK: { 2300: 'high', 1900: 'low', 500: 'third', 0: 'none' },
};
/** Home currency of a POHODA installation per country: other currencies go as foreign currency. */
const HOME_CURRENCY: Record<string, string> = { CZ: 'CZK', SK: 'EUR' };

export class UnmappedVatRate extends Error {
  constructor(
    readonly country: string,
    readonly vatRateBp: number,
    readonly documentNumber: string,
  ) {
    super(`VAT rate ${vatRateBp / 100} % of ${documentNumber} has no POHODA rate for ${country}`);
  }
}

/** POHODA's name of a rate for a supplier's country, or null when it has none: the one place that decides, for the writer and the preview alike. */
export function pohodaRateName(country: string, vatRateBp: number): PohodaRate | null {
  return RATES[country]?.[vatRateBp] ?? null;
}

export function pohodaRate(country: string, vatRateBp: number, documentNumber: string): PohodaRate {
  const rate = pohodaRateName(country, vatRateBp);
  if (rate === null) throw new UnmappedVatRate(country, vatRateBp, documentNumber);
  return rate;
}

/** Whether POHODA takes the document in the supplier's home currency (else as a foreign-currency document). */
function inHomeCurrency(doc: InvoiceDocument): boolean {
  return (HOME_CURRENCY[doc.supplier.address.country] ?? doc.currency) === doc.currency;
}

/**
 * Every rate a POHODA invoice names: its VAT recap (the home-currency summary),
 * the supplier's-currency groups of a foreign-currency one, and each line's rate.
 */
function ratesNamedBy(doc: InvoiceDocument): number[] {
  const foreignGroups = inHomeCurrency(doc) ? [] : (homeCurrencyOf(doc)?.hcv.groups ?? []);
  return [...doc.vatRecap, ...foreignGroups].map((g) => g.vatRateBp).concat(doc.lines.map((l) => effectiveRate(doc, l)));
}

/**
 * Every VAT rate of an item POHODA has no name for, each once: what would stop
 * its export (the writer refuses at the first of them). Empty for an address-book
 * entry and for an item whose rates all have names. A rate is named by the rules
 * of the country it was taken from: an invoice's supplier's, a slip's own VAT
 * country (the provider's when it was issued, kept with it), not the company's
 * address of today.
 */
export function unmappedPohodaRates(item: ExportItem): UnmappedVatRateFact[] {
  if (item.kind === 'client') return [];
  const { country, number, rates } =
    item.kind === 'invoice'
      ? { country: item.doc.supplier.address.country, number: item.doc.number, rates: ratesNamedBy(item.doc) }
      : { country: item.doc.vatCountry, number: item.doc.number, rates: item.doc.lines.map((l) => l.vatRateBp) };
  const unmapped = [...new Set(rates)].filter((rate) => pohodaRateName(country, rate) === null);
  return unmapped.map((vatRateBp) => ({ documentNumber: number, vatRateBp, country }));
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max);
}

/** Party as POHODA's typ:address; Slovak parties carry DIČ and IČ DPH separately. */
function address(p: Party): Xml {
  const slovak = p.address.country === 'SK';
  const dic = slovak ? p.taxId : p.vatId;
  return {
    'typ:company': cut(p.name, 255),
    'typ:city': cut(p.address.city, 45),
    'typ:street': cut(p.address.street, 64),
    'typ:zip': cut(p.address.postalCode, 15),
    ...(p.companyId ? { 'typ:ico': cut(p.companyId, 15) } : {}),
    ...(dic ? { 'typ:dic': cut(dic, 18) } : {}),
    ...(slovak && p.vatId ? { 'typ:icDph': cut(p.vatId, 18) } : {}),
    'typ:country': { 'typ:ids': p.address.country },
  };
}

function invoiceItem(doc: InvoiceDocument, l: DocumentLine, home: boolean): Xml {
  const rate = effectiveRate(doc, l);
  return {
    'inv:text': cut(l.description, 90),
    'inv:quantity': quantity(l.quantityMilli),
    // No unit (a credit note's amount correction): the element is left out rather than sent empty.
    ...(l.unit ? { 'inv:unit': cut(l.unit, 10) } : {}),
    'inv:payVAT': 'false',
    'inv:rateVAT': pohodaRate(doc.supplier.address.country, rate, doc.number),
    // price is the line's net as issued: POHODA takes it instead of quantity × unit price.
    [home ? 'inv:homeCurrency' : 'inv:foreignCurrency']: { 'typ:unitPrice': decimal(l.unitPriceMinor), 'typ:price': decimal(l.netMinor) },
    ...(l.itemCode ? { 'inv:code': cut(l.itemCode, 64) } : {}),
  };
}

type SummaryGroup = { vatRateBp: number; baseMinor: MinorUnits; vatMinor: MinorUnits; totalMinor: MinorUnits };

/**
 * The summary per POHODA rate: base, VAT (with its percent) and total, in the
 * document's currency or (foreign-currency documents) the converted figures.
 */
function summaryAmounts(doc: InvoiceDocument, groups: readonly SummaryGroup[] = doc.vatRecap, roundingMinor: MinorUnits = doc.roundingMinor): Xml {
  const byName: Partial<Record<PohodaRate, { base: MinorUnits; vat: MinorUnits; total: MinorUnits; rateBp: number }>> = {};
  for (const g of groups) {
    const name = pohodaRate(doc.supplier.address.country, g.vatRateBp, doc.number);
    const prev = byName[name] ?? { base: 0, vat: 0, total: 0, rateBp: g.vatRateBp };
    byName[name] = { base: prev.base + g.baseMinor, vat: prev.vat + g.vatMinor, total: prev.total + g.totalMinor, rateBp: g.vatRateBp };
  }
  const out: Xml = {};
  if (byName.none) out['typ:priceNone'] = decimal(byName.none.base);
  const put = (name: 'low' | 'high' | 'third', prefix: string) => {
    const v = byName[name];
    if (!v) return;
    out[`typ:${prefix}`] = decimal(v.base);
    out[`typ:${prefix}VAT`] = { '@rate': String(v.rateBp / 100), '#': decimal(v.vat) };
    out[`typ:${prefix}Sum`] = decimal(v.total);
  };
  put('low', 'priceLow');
  put('high', 'priceHigh');
  put('third', 'price3');
  if (roundingMinor !== 0) out['typ:round'] = { 'typ:priceRound': decimal(roundingMinor) };
  return out;
}

/**
 * A foreign-currency document with its VAT stated in the supplier's currency:
 * the home-currency summary carries exactly those figures, and the rate fixed at
 * issue goes with the foreign block so POHODA does not take its own for the day.
 */
function foreignSummary(doc: InvoiceDocument): Xml {
  const home = homeCurrencyOf(doc);
  if (home === null) {
    // No rate: POHODA applies its own exchange-rate list for the day, as for any foreign invoice.
    return { 'inv:foreignCurrency': { 'typ:currency': { 'typ:ids': doc.currency }, 'typ:priceSum': decimal(doc.totalMinor) } };
  }
  const groups = home.hcv.groups.map((g) => ({ ...g, totalMinor: g.baseMinor + g.vatMinor }));
  return {
    'inv:homeCurrency': summaryAmounts(doc, groups, home.toHome(doc.roundingMinor)),
    'inv:foreignCurrency': {
      'typ:currency': { 'typ:ids': doc.currency },
      'typ:rate': home.hcv.rate,
      'typ:amount': '1',
      'typ:priceSum': decimal(doc.totalMinor),
    },
  };
}

function account(supplier: Supplier): Xml | null {
  const domestic = splitAccountNumber(supplier.bankAccount?.accountNumber ?? null);
  return domestic ? { 'typ:accountNo': domestic.number, 'typ:bankCode': domestic.bankCode } : null;
}

function invoiceText(doc: InvoiceDocument): string {
  if (doc.corrects) return `${doc.number}: ${doc.corrects.number} – ${doc.corrects.reason}`;
  return doc.period ? `${doc.number} (${doc.period})` : doc.number;
}

export function pohodaInvoice(doc: InvoiceDocument): Xml {
  const home = inHomeCurrency(doc);
  const creditNote = doc.kind === 'credit_note';
  const acc = account(doc.supplier);
  const note = documentNote(doc);
  const classification = !doc.supplier.vatPayer ? 'nonSubsume' : doc.reverseCharge ? null : 'inland';
  const amounts = summaryAmounts(doc);
  return {
    'dat:dataPackItem': {
      '@version': '2.0',
      '@id': `INV-${doc.id}`,
      'inv:invoice': {
        '@version': '2.0',
        ...(doc.corrects ? { 'inv:correctiveDocument': { 'typ:sourceDocument': { 'typ:number': cut(doc.corrects.number, 32) } } } : {}),
        'inv:invoiceHeader': {
          'inv:extId': { 'typ:ids': invoiceUuid(doc), 'typ:exSystemName': SYSTEM_NAME },
          'inv:invoiceType': creditNote ? 'issuedCorrectiveTax' : 'issuedInvoice',
          'inv:number': { 'typ:numberRequested': cut(doc.number, 32) },
          'inv:symVar': cut(doc.variableSymbol, 20),
          'inv:date': doc.issueDate,
          ...(doc.supplier.vatPayer ? { 'inv:dateTax': doc.taxableSupplyDate } : {}),
          'inv:dateAccounting': doc.issueDate,
          'inv:dateDue': doc.dueDate,
          ...(classification ? { 'inv:classificationVAT': { 'typ:classificationVATType': classification } } : {}),
          'inv:text': cut(invoiceText(doc), 240),
          'inv:partnerIdentity': { 'typ:address': address(doc.customer) },
          ...(doc.contractNumber ? { 'inv:numberOrder': cut(doc.contractNumber, 32) } : {}),
          'inv:paymentType': { 'typ:paymentType': 'draft' },
          ...(acc ? { 'inv:account': acc } : {}),
          ...(note ? { 'inv:note': note } : {}),
        },
        'inv:invoiceDetail': { 'inv:invoiceItem': doc.lines.map((l) => invoiceItem(doc, l, home)) },
        'inv:invoiceSummary': {
          'inv:roundingDocument': doc.roundingMinor !== 0 ? 'math2one' : 'none',
          'inv:roundingVAT': 'none',
          ...(home ? { 'inv:homeCurrency': amounts } : foreignSummary(doc)),
        },
      },
    },
  };
}

/**
 * A slip whose lines are valued in two currencies: its sale prices in one and the cost
 * of its unpriced lines in another. A POHODA document has one currency, and a slip keeps
 * no exchange rate to bring the two together, so it cannot be written.
 */
export class SlipCurrenciesMixed extends Error {
  constructor(
    readonly documentNumber: string,
    readonly currencies: readonly string[],
  ) {
    super(
      `Issue slip ${documentNumber} values its material in ${currencies.join(' and ')} (sale prices in one, the cost of material not priced on the ticket in the other): ` +
        'a POHODA document has one currency and the slip keeps no exchange rate between them; price all its material on the ticket',
    );
  }
}

/**
 * What a slip's line goes to POHODA at: the sale price when the material was priced on the
 * ticket (in the slip's currency), else the cost it left the stock at (in the cost currency).
 */
function slipLineValue(slip: SlipDocument, l: SlipDocument['lines'][number]): { unitMinor: MinorUnits; totalMinor: MinorUnits; currency: string } {
  return l.unitPriceMinor !== null
    ? { unitMinor: l.unitPriceMinor, totalMinor: l.priceMinor ?? 0, currency: slip.currency }
    : { unitMinor: l.unitCostMinor, totalMinor: l.costMinor, currency: slip.costCurrency };
}

/** The one currency a slip's lines are valued in, or why there is none (SlipCurrenciesMixed); the writer and the export's check alike. */
export function slipCurrencyOf(slip: SlipDocument): { currency: string } | { mixed: SlipCurrenciesMixed } {
  const currencies = [...new Set(slip.lines.map((l) => slipLineValue(slip, l).currency))];
  if (currencies.length > 1) return { mixed: new SlipCurrenciesMixed(slip.number, currencies) };
  return { currency: currencies[0] ?? slip.currency };
}

/**
 * An issue slip (výdejka); its rates are named by the rules of the country they were taken
 * from (slip.vatCountry), and so is its home currency. A slip in another currency goes as a
 * foreign-currency document, like an invoice: the currency in the summary, the prices in the
 * items' foreign-currency block. A slip keeps no exchange rate, so none is written and POHODA
 * takes the rate of its own list for the slip's date, as for an invoice issued without one.
 */
export function pohodaSlip(slip: SlipDocument): Xml {
  const client = slip.client;
  const valued = slipCurrencyOf(slip);
  if ('mixed' in valued) throw valued.mixed;
  const home = (HOME_CURRENCY[slip.vatCountry] ?? valued.currency) === valued.currency;
  return {
    'dat:dataPackItem': {
      '@version': '2.0',
      '@id': `SLIP-${slip.id}`,
      'vyd:vydejka': {
        '@version': '2.0',
        'vyd:vydejkaHeader': {
          'vyd:number': { 'typ:numberRequested': cut(slip.number, 32) },
          'vyd:date': slip.date,
          ...(slip.ticket ? { 'vyd:numberOrder': cut(slip.ticket.number, 32) } : {}),
          'vyd:text': cut(slip.ticket ? `${slip.number}: ${slip.ticket.number} ${slip.ticket.subject}` : slip.number, 240),
          ...(client
            ? {
                'vyd:partnerIdentity': {
                  'typ:address': {
                    'typ:company': cut(client.name, 255),
                    ...(client.address.city ? { 'typ:city': cut(client.address.city, 45) } : {}),
                    ...(client.address.street ? { 'typ:street': cut(client.address.street, 64) } : {}),
                    ...(client.address.postalCode ? { 'typ:zip': cut(client.address.postalCode, 15) } : {}),
                    ...(client.companyId ? { 'typ:ico': cut(client.companyId, 15) } : {}),
                    ...(client.vatId ? { 'typ:dic': cut(client.vatId, 18) } : {}),
                  },
                },
              }
            : {}),
          ...(slip.note ? { 'vyd:note': slip.note } : {}),
        },
        'vyd:vydejkaDetail': {
          'vyd:vydejkaItem': slip.lines.map((l): Xml => ({
            'vyd:quantity': quantity(l.quantityMilli),
            'vyd:payVAT': 'false',
            'vyd:rateVAT': pohodaRate(slip.vatCountry, l.vatRateBp, slip.number),
            [home ? 'vyd:homeCurrency' : 'vyd:foreignCurrency']: { 'typ:unitPrice': decimal(slipLineValue(slip, l).unitMinor) },
            'vyd:stockItem': { 'typ:store': { 'typ:ids': slip.warehouse.code }, 'typ:stockItem': { 'typ:ids': cut(l.itemCode, 64) } },
          })),
        },
        'vyd:vydejkaSummary': {
          'vyd:roundingDocument': 'none',
          ...(home
            ? {}
            : {
                'vyd:foreignCurrency': {
                  'typ:currency': { 'typ:ids': valued.currency },
                  'typ:priceSum': decimal(slip.lines.reduce((sum, l) => sum + slipLineValue(slip, l).totalMinor, 0)),
                },
              }),
        },
      },
    },
  };
}

export function pohodaAddressBook(clientId: number, party: Party): Xml {
  return {
    'dat:dataPackItem': {
      '@version': '2.0',
      '@id': `ADB-${clientId}`,
      'adb:addressbook': {
        '@version': '2.0',
        'adb:addressbookHeader': {
          'adb:identity': {
            'typ:extId': { 'typ:ids': `client-${clientId}`, 'typ:exSystemName': SYSTEM_NAME },
            'typ:address': address(party),
          },
          ...(party.phone ? { 'adb:phone': cut(party.phone, 40) } : {}),
          ...(party.email ? { 'adb:email': cut(party.email, 98) } : {}),
        },
      },
    },
  };
}

/** One dataPackItem as XML text (no declaration; the dataPack element declares the prefixes). */
export function pohodaItemXml(item: ExportItem): string {
  const xml =
    item.kind === 'invoice' ? pohodaInvoice(item.doc) : item.kind === 'slip' ? pohodaSlip(item.doc) : pohodaAddressBook(item.clientId, item.party);
  return xmlFragment(xml, '  ');
}

function attr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

export function pohodaHead(supplier: Supplier, packId: string, note: string): string {
  const ns = Object.entries(NS).map(([p, uri]) => `xmlns:${p}="${uri}"`).join(' ');
  return (
    `<?xml version="1.0" encoding="Windows-1250"?>\n` +
    `<dat:dataPack version="2.0" id="${attr(packId)}" ico="${attr(supplier.companyId ?? '')}" application="Kontor" note="${attr(note)}" ${ns}>\n`
  );
}

export const POHODA_TAIL = '</dat:dataPack>\n';
