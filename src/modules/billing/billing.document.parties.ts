/**
 * The customer of a document as the client is stored now: snapshotted at issue
 * (customer_json, so an issued document keeps the ids it was issued with), live for drafts.
 */
import type { ClientsTable } from '../../platform/db/index.ts';
import type { Selectable } from 'kysely';
import type { Party, PostalAddress } from './domain/invoice-document.ts';

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
