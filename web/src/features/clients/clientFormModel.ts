// Converts between a Client from the API and the values of the client form.
import { typedNotANumber } from '../../app/components/numberFieldText';
import type { Language } from '../../i18n';
import { type Address, type Client, type ClientInput } from './api';
import { COUNTRIES, defaultCurrency } from './reference';

export interface AddressValues {
  street: string;
  city: string;
  postalCode: string;
  country: string;
}

export interface ClientFormValues {
  name: string;
  companyId: string;
  vatId: string;
  taxId: string;
  country: string;
  language: Language;
  email: string;
  phone: string;
  registeredAddress: AddressValues;
  /** UI only: bill to the registered address (sent as billingAddress: null). */
  billingSameAsRegistered: boolean;
  billingAddress: AddressValues;
  currency: string;
  /** Days as a number; '' when emptied, other text as typed when it is no number (NumberField): both refused. */
  paymentTermsDays: number | string;
  notes: string;
  active: boolean;
}

function addressValues(address: Address | null, country: string): AddressValues {
  return {
    street: address?.street ?? '',
    city: address?.city ?? '',
    postalCode: address?.postalCode ?? '',
    country: address?.country ?? country,
  };
}

function sameAddress(a: Address | null, b: Address | null): boolean {
  if (!a || !b) return false;
  return a.street === b.street && a.city === b.city && a.postalCode === b.postalCode && a.country === b.country;
}

/**
 * A new client's form: in the company's default country (the setting "Default country of new
 * clients") when it is one the form offers, else the user's (SK for Slovak, CZ otherwise).
 */
export function emptyClientValues(language: Language, companyCountry: string | null = null): ClientFormValues {
  const country = companyCountry !== null && COUNTRIES.includes(companyCountry) ? companyCountry : language === 'sk' ? 'SK' : 'CZ';
  return {
    name: '',
    companyId: '',
    vatId: '',
    taxId: '',
    country,
    language,
    email: '',
    phone: '',
    registeredAddress: addressValues(null, country),
    billingSameAsRegistered: true,
    billingAddress: addressValues(null, country),
    currency: defaultCurrency(country),
    paymentTermsDays: 14,
    notes: '',
    active: true,
  };
}

export function clientToValues(client: Client): ClientFormValues {
  return {
    name: client.name,
    companyId: client.companyId ?? '',
    vatId: client.vatId ?? '',
    taxId: client.taxId ?? '',
    country: client.country,
    language: client.language,
    email: client.email ?? '',
    phone: client.phone ?? '',
    registeredAddress: addressValues(client.registeredAddress, client.country),
    billingSameAsRegistered: client.billingAddress === null || sameAddress(client.billingAddress, client.registeredAddress),
    billingAddress: addressValues(client.billingAddress, client.country),
    currency: client.currency,
    paymentTermsDays: client.paymentTermsDays,
    notes: client.notes ?? '',
    active: client.active,
  };
}

function text(value: string): string | null {
  const v = value.trim();
  return v === '' ? null : v;
}

function addressPayload(a: AddressValues): Address | null {
  const street = a.street.trim();
  const city = a.city.trim();
  const postalCode = a.postalCode.trim();
  // An address with nothing but its country is no address.
  if (!street && !city && !postalCode) return null;
  return { street, city, postalCode, country: a.country };
}

/**
 * A VAT id typed without its country prefix, e.g. the Slovak DIČ "2020317068":
 * the suggestion is the same digits with the client's country prefix (a Slovak VAT
 * payer's IČ DPH is SK + its DIČ), else null. The form asks rather than adding the
 * prefix itself, because a non-payer's DIČ is no VAT id and must not be stored as one.
 */
export function vatIdWithoutPrefix(vatId: string, country: string): string | null {
  const v = vatId.replace(/[\s.-]+/g, '');
  return /^\d+$/.test(v) ? `${country === 'GR' ? 'EL' : country}${v}` : null;
}

/**
 * How the client's tax ids are shown: a Slovak client has a DIČ beside its IČ DPH,
 * so the VAT id is labelled IČ DPH and the DIČ gets its own field. Other clients keep
 * the VAT id's usual label and see a tax id only when one is stored (so it can be
 * read and cleared, never sent unseen).
 */
export function taxIdFields(country: string, taxId: string | null): { vatIdKey: 'vatId' | 'vatIdSk'; showTaxId: boolean } {
  const slovak = country === 'SK';
  return { vatIdKey: slovak ? 'vatIdSk' : 'vatId', showTaxId: slovak || Boolean(taxId?.trim()) };
}

/**
 * Why the payment terms cannot be sent: left empty (not sent as 0 days), or text that is no
 * number ("14 dní" with a typo). The range (0–365) is the field's and the server's to say.
 */
export function paymentTermsDaysProblem(value: number | string): 'required' | 'notNumber' | null {
  if (typedNotANumber(value)) return 'notNumber';
  return typeof value === 'number' ? null : 'required';
}

/** The API body; the payment terms are a number by now (paymentTermsDaysProblem refused the rest). */
export function valuesToPayload(v: ClientFormValues): ClientInput {
  if (typeof v.paymentTermsDays !== 'number') throw new Error(`Payment terms "${v.paymentTermsDays}" are no number: the form refuses them before sending`);
  return {
    name: v.name.trim(),
    companyId: text(v.companyId.replace(/\s+/g, '')),
    vatId: text(v.vatId.replace(/\s+/g, '').toUpperCase()),
    taxId: text(v.taxId.replace(/\s+/g, '')),
    country: v.country,
    language: v.language,
    email: text(v.email),
    phone: text(v.phone),
    registeredAddress: addressPayload(v.registeredAddress),
    billingAddress: v.billingSameAsRegistered ? null : addressPayload(v.billingAddress),
    currency: v.currency,
    paymentTermsDays: v.paymentTermsDays,
    notes: text(v.notes),
    active: v.active,
  };
}
