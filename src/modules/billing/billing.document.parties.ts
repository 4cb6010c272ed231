/**
 * The customer of a document as the client is stored now: snapshotted at issue
 * (customer_json, so an issued document keeps the ids it was issued with), live for drafts.
 */
import type { ClientsTable } from '../../platform/db/index.ts';
import type { Selectable } from 'kysely';
import { AppError } from '../../shared/errors.ts';
import { buyerAddressMissing, type BuyerAddressField } from './domain/buyer.ts';
import type { Party, PostalAddress, Supplier } from './domain/invoice-document.ts';

/** The country whose VAT rates a document's lines are taxed at: the supplier's (company settings), CZ while none is set. */
export function vatCountryOf(supplier: Pick<Supplier, 'address'>): string {
  return supplier.address.country || 'CZ';
}

function addressOf(json: string | null): PostalAddress | null {
  if (json === null) return null;
  const a = JSON.parse(json) as Partial<PostalAddress>;
  return { street: a.street ?? '', city: a.city ?? '', postalCode: a.postalCode ?? '', country: a.country ?? '' };
}

export function customerOf(client: Selectable<ClientsTable>): Party {
  // The billing address when the client has one, else the registered one (the law wants the seat or the place of business).
  const address = addressOf(client.billing_address) ?? addressOf(client.registered_address) ?? { street: '', city: '', postalCode: '', country: client.country };
  return {
    name: client.name,
    companyId: client.company_id,
    vatId: client.vat_id,
    // The Slovak DIČ, printed beside the IČ DPH (vatId); a non-payer has only the DIČ.
    taxId: client.tax_id,
    vatPayer: client.vat_id !== null && client.vat_id !== '',
    address: { ...address, country: address.country || client.country },
    email: client.email,
    phone: client.phone,
  };
}

const FIELD_WORDS: Record<BuyerAddressField, string> = { street: 'street', city: 'city', postalCode: 'postal code', country: 'country' };

/** What the client's address lacks for a tax document (empty: it may be issued). */
export function buyerMissingOf(client: Selectable<ClientsTable>): BuyerAddressField[] {
  return buyerAddressMissing(customerOf(client));
}

/**
 * The refusal to issue a document to a client without a complete address (409
 * buyer_address_missing), naming the client and each missing part; null when
 * the address is complete. Credit notes are not held to it: they correct a
 * document issued already, whatever its customer lacked.
 */
export function buyerRefusal(client: Selectable<ClientsTable>): AppError | null {
  const missing = buyerMissingOf(client);
  if (missing.length === 0) return null;
  const words = missing.map((field) => FIELD_WORDS[field]);
  return new AppError(
    'conflict',
    'buyer_address_missing',
    `The client "${client.name}" has no complete address (missing: ${words.join(', ')}); a tax document must name the customer's address. ` +
      `Fill in the client's billing or registered address (PATCH /api/v1/clients/${client.id}), then issue the draft`,
    {
      details: missing.map((field) => ({ path: `client.address.${field}`, code: 'required', message: `The client's address has no ${FIELD_WORDS[field]}` })),
      extra: { clientId: Number(client.id), clientName: client.name, missing },
    },
  );
}
