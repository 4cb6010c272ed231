import type { Insertable, Selectable } from 'kysely';
import { afterCursor, containsFolded, type ClientsTable, type ContactsTable, type DbOrTx } from '../../platform/db/index.ts';
import { preparedQuery } from '../../platform/db/prepared.ts';
import { foldForSearch } from '../../shared/text.ts';
import type { Address, Client, Contact } from './customers.schemas.ts';

/** Clients and contacts as stored; maps rows to the API's shapes. */

type ClientRow = Selectable<ClientsTable>;

function parseAddress(text: string | null): Address | null {
  return text === null ? null : (JSON.parse(text) as Address);
}

export function toClient(row: ClientRow): Client {
  return {
    id: row.id,
    name: row.name,
    companyId: row.company_id,
    vatId: row.vat_id,
    taxId: row.tax_id,
    country: row.country,
    registeredAddress: parseAddress(row.registered_address),
    billingAddress: parseAddress(row.billing_address),
    email: row.email,
    phone: row.phone,
    language: row.language as Client['language'],
    currency: row.currency,
    paymentTermsDays: row.payment_terms_days,
    notes: row.notes,
    active: row.active === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The stored form of a client's editable fields (the notes always: the store holds them for everyone). */
export type ClientValues = Omit<Client, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'notes'> & { notes: string | null };

function toColumns(c: ClientValues) {
  return {
    name: c.name,
    // The sort key and search target: folded name, then ids and e-mail for lookup by them.
    search_text: foldForSearch([c.name, c.companyId, c.vatId, c.taxId, c.email].filter(Boolean).join(' ')),
    company_id: c.companyId,
    vat_id: c.vatId,
    tax_id: c.taxId,
    country: c.country,
    registered_address: c.registeredAddress ? JSON.stringify(c.registeredAddress) : null,
    billing_address: c.billingAddress ? JSON.stringify(c.billingAddress) : null,
    email: c.email,
    phone: c.phone,
    language: c.language,
    currency: c.currency,
    payment_terms_days: c.paymentTermsDays,
    notes: c.notes,
    active: c.active ? 1 : 0,
  };
}

// The two statements of GET and POST /clients are compiled once (preparedQuery):
// rebuilding them in Kysely on every request cost more than SQLite runs them.
const selectClient = preparedQuery((db, p: { id: number }) => db.selectFrom('clients').selectAll().where('id', '=', p.id));
const insertClientRow = preparedQuery((db, row: Insertable<ClientsTable>) => db.insertInto('clients').values(row).returningAll());

export async function findClient(db: DbOrTx, id: number): Promise<Client | null> {
  const [row] = await selectClient(db, { id });
  return row ? toClient(row) : null;
}

export async function insertClient(db: DbOrTx, c: ClientValues, at: string): Promise<Client> {
  // Object.assign onto the fresh columns, not a spread with more keys (docs/ARCHITECTURE.md, “Hot paths”).
  const [row] = await insertClientRow(db, Object.assign(toColumns(c), { version: 1, created_at: at, updated_at: at }));
  if (!row) throw new Error('insert into clients returned no row');
  return toClient(row);
}

/** Writes only when the stored version is the one the caller read; null when it was not. */
export async function updateClient(db: DbOrTx, id: number, version: number, c: ClientValues, at: string): Promise<Client | null> {
  const row = await db
    .updateTable('clients')
    .set({ ...toColumns(c), version: version + 1, updated_at: at })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  return row ? toClient(row) : null;
}

export interface ClientListQuery {
  q?: string | undefined;
  active: 'true' | 'false' | 'all';
  limit: number;
  after?: { key: string; id: number } | undefined;
  /** Record scope: null = every client. */
  onlyIds: readonly number[] | null;
}

export async function listClients(db: DbOrTx, query: ClientListQuery): Promise<ClientRow[]> {
  let sel = db.selectFrom('clients').selectAll();
  if (query.onlyIds) sel = query.onlyIds.length ? sel.where('id', 'in', query.onlyIds) : sel.where((eb) => eb.val(false));
  if (query.active !== 'all') sel = sel.where('active', '=', query.active === 'true' ? 1 : 0);
  if (query.q) {
    sel = sel.where(containsFolded('search_text', query.q));
  }
  if (query.after) {
    const { key, id } = query.after;
    sel = sel.where(afterCursor([['search_text', 'asc'], ['id', 'asc']], [key, id]));
  }
  return sel.orderBy('search_text').orderBy('id').limit(query.limit).execute();
}

function toContact(row: Selectable<ContactsTable>): Contact {
  return {
    id: row.id,
    clientId: row.client_id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    language: row.language as Contact['language'],
    portalAccess: row.portal_access === 1,
    active: row.active === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type ContactValues = Omit<Contact, 'id' | 'clientId' | 'version' | 'createdAt' | 'updatedAt'>;

function contactColumns(c: ContactValues) {
  return {
    name: c.name,
    email: c.email,
    phone: c.phone,
    language: c.language,
    portal_access: c.portalAccess ? 1 : 0,
    active: c.active ? 1 : 0,
  };
}

export async function listContacts(db: DbOrTx, clientId: number): Promise<Contact[]> {
  const rows = await db.selectFrom('contacts').selectAll().where('client_id', '=', clientId).orderBy('name').orderBy('id').execute();
  return rows.map(toContact);
}

export async function findContact(db: DbOrTx, id: number): Promise<Contact | null> {
  const row = await db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toContact(row) : null;
}

export async function insertContact(db: DbOrTx, clientId: number, c: ContactValues, at: string): Promise<Contact> {
  const row = await db
    .insertInto('contacts')
    .values({ ...contactColumns(c), client_id: clientId, version: 1, created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toContact(row);
}

export async function updateContact(db: DbOrTx, id: number, version: number, c: ContactValues, at: string): Promise<Contact | null> {
  const row = await db
    .updateTable('contacts')
    .set({ ...contactColumns(c), version: version + 1, updated_at: at })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  return row ? toContact(row) : null;
}
