/**
 * What a tax document needs of its customer (§29 of the Czech VAT act, §74 of
 * the Slovak one): the name, which every client has, and the address — the seat
 * or place of business of a company, the home of a private person. An IČO is not
 * required: a private person has none, and the law asks for the buyer's VAT id
 * only when the buyer has one (the client's VAT id is printed when it is set).
 */
import type { Party } from './invoice-document.ts';

export const BUYER_ADDRESS_FIELDS = ['street', 'city', 'postalCode', 'country'] as const;
export type BuyerAddressField = (typeof BUYER_ADDRESS_FIELDS)[number];

/** The parts of the customer's address a tax document would print empty, in the address's order; empty when the document may be issued. */
export function buyerAddressMissing(customer: Pick<Party, 'address'>): BuyerAddressField[] {
  return BUYER_ADDRESS_FIELDS.filter((field) => customer.address[field].trim() === '');
}
