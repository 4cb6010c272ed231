import type { Db } from '../../platform/db/index.ts';
import { entityKind, rowId, snapshotReferences, stockMinimumIds, type ReferenceKind } from './domain/references.ts';

/** A row's name as people know it now; `code` for the kinds whose default names the web app words in each language (states, types). */
export interface RowName {
  name: string;
  code?: string;
}

type Named = { id: number | string | bigint; name: string; code?: string };
type NameQuery = (db: Db, ids: number[]) => Promise<Named[]>;

/** Parts of a name joined as they read: `PRIKLAD-C · Předplacené hodiny`; missing parts are left out. */
const joined = (...parts: Array<string | null | undefined>) => parts.filter((p): p is string => !!p).join(' · ');

/**
 * How each kind is named: what its screens show (a ticket's or document's number, a
 * contract's number and name, a work entry's day, technician and ticket).
 */
const NAME_QUERIES: Record<ReferenceKind, NameQuery> = {
  user: (db, ids) => db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute(),
  client: (db, ids) => db.selectFrom('clients').select(['id', 'name']).where('id', 'in', ids).execute(),
  ticket: (db, ids) => db.selectFrom('tickets').select(['id', 'number as name']).where('id', 'in', ids).execute(),
  queue: (db, ids) => db.selectFrom('queues').select(['id', 'name']).where('id', 'in', ids).execute(),
  team: (db, ids) => db.selectFrom('teams').select(['id', 'name']).where('id', 'in', ids).execute(),
  calendar: (db, ids) => db.selectFrom('calendars').select(['id', 'name']).where('id', 'in', ids).execute(),
  sla_policy: (db, ids) => db.selectFrom('sla_policies').select(['id', 'name']).where('id', 'in', ids).execute(),
  dimension: (db, ids) => db.selectFrom('dimensions').select(['id', 'name']).where('id', 'in', ids).execute(),
  price_list: (db, ids) => db.selectFrom('price_lists').select(['id', 'name']).where('id', 'in', ids).execute(),
  work_type: (db, ids) => db.selectFrom('work_types').select(['id', 'name']).where('id', 'in', ids).execute(),
  unit_fee: (db, ids) => db.selectFrom('unit_fees').select(['id', 'name']).where('id', 'in', ids).execute(),
  technician_level: (db, ids) => db.selectFrom('technician_levels').select(['id', 'name']).where('id', 'in', ids).execute(),
  travel_zone: (db, ids) => db.selectFrom('travel_zones').select(['id', 'name']).where('id', 'in', ids).execute(),
  item: (db, ids) => db.selectFrom('items').select(['id', 'name']).where('id', 'in', ids).execute(),
  warehouse: (db, ids) => db.selectFrom('warehouses').select(['id', 'name']).where('id', 'in', ids).execute(),
  saved_view: (db, ids) => db.selectFrom('saved_views').select(['id', 'name']).where('id', 'in', ids).execute(),
  billing_run: (db, ids) => db.selectFrom('billing_runs').select(['id', 'period as name']).where('id', 'in', ids).execute(),
  export_batch: (db, ids) => db.selectFrom('export_batches').select(['id', 'file_name as name']).where('id', 'in', ids).execute(),
  mail: (db, ids) => db.selectFrom('mail_outbox').select(['id', 'subject as name']).where('id', 'in', ids).execute(),
  category: (db, ids) => db.selectFrom('categories').select(['id', 'path as name']).where('id', 'in', ids).execute(),
  custom_field: (db, ids) => db.selectFrom('custom_fields').select(['id', 'label as name']).where('id', 'in', ids).execute(),
  ticket_type: (db, ids) => db.selectFrom('ticket_types').select(['id', 'name', 'code']).where('id', 'in', ids).execute(),
  ticket_state: (db, ids) => db.selectFrom('ticket_states').select(['id', 'name', 'code']).where('id', 'in', ids).execute(),
  contact: async (db, ids) =>
    (await db.selectFrom('contacts').innerJoin('clients', 'clients.id', 'contacts.client_id').select(['contacts.id', 'contacts.name', 'clients.name as client']).where('contacts.id', 'in', ids).execute())
      .map((r) => ({ id: r.id, name: joined(r.name, r.client) })),
  dimension_value: async (db, ids) =>
    (await db.selectFrom('dimension_values').innerJoin('dimensions', 'dimensions.id', 'dimension_values.dimension_id').select(['dimension_values.id', 'dimension_values.name', 'dimensions.name as dimension']).where('dimension_values.id', 'in', ids).execute())
      .map((r) => ({ id: r.id, name: joined(r.dimension, r.name) })),
  contract: async (db, ids) =>
    (await db.selectFrom('contracts').select(['id', 'number', 'name']).where('id', 'in', ids).execute()).map((r) => ({ id: r.id, name: joined(r.number, r.name) })),
  price_list_version: async (db, ids) =>
    (await db.selectFrom('price_list_versions').innerJoin('price_lists', 'price_lists.id', 'price_list_versions.price_list_id').select(['price_list_versions.id', 'price_lists.name', 'price_list_versions.valid_from']).where('price_list_versions.id', 'in', ids).execute())
      .map((r) => ({ id: r.id, name: joined(r.name, r.valid_from) })),
  vat_rate: async (db, ids) =>
    (await db.selectFrom('vat_rates').select(['id', 'country', 'rate_bp', 'valid_from']).where('id', 'in', ids).execute())
      .map((r) => ({ id: r.id, name: joined(r.country, `${Number(r.rate_bp) / 100} %`, r.valid_from) })),
  cost_rate: async (db, ids) =>
    (await db.selectFrom('cost_rates').leftJoin('users', 'users.id', 'cost_rates.user_id').select(['cost_rates.id', 'users.name', 'cost_rates.valid_from']).where('cost_rates.id', 'in', ids).execute())
      .map((r) => ({ id: r.id, name: joined(r.name, r.valid_from) })),
  api_token: async (db, ids) =>
    (await db.selectFrom('api_tokens').innerJoin('users', 'users.id', 'api_tokens.user_id').select(['api_tokens.id', 'api_tokens.name', 'users.name as user']).where('api_tokens.id', 'in', ids).execute())
      .map((r) => ({ id: r.id, name: joined(r.name, r.user) })),
  // A draft has no number yet: its client and period tell it apart.
  invoice: async (db, ids) =>
    (await db.selectFrom('invoices').innerJoin('clients', 'clients.id', 'invoices.client_id').select(['invoices.id', 'invoices.number', 'clients.name as client', 'invoices.period']).where('invoices.id', 'in', ids).execute())
      .map((r) => ({ id: r.id, name: r.number ?? joined(r.client, r.period) })),
  stock_document: async (db, ids) =>
    (await db.selectFrom('stock_documents').innerJoin('warehouses', 'warehouses.id', 'stock_documents.warehouse_id').select(['stock_documents.id', 'stock_documents.number', 'stock_documents.date', 'warehouses.name as warehouse']).where('stock_documents.id', 'in', ids).execute())
      .map((r) => ({ id: r.id, name: r.number ?? joined(r.date, r.warehouse) })),
  record: async (db, ids) =>
    (await db.selectFrom('records').innerJoin('users', 'users.id', 'records.technician_id').innerJoin('tickets', 'tickets.id', 'records.ticket_id').select(['records.id', 'records.date', 'users.name as technician', 'tickets.number as ticket']).where('records.id', 'in', ids).execute())
      .map((r) => ({ id: r.id, name: joined(r.date, r.technician, r.ticket) })),
};

/** Ids per query: far below either engine's limit on bound parameters, and a page seldom needs more. */
const CHUNK = 500;

/**
 * The names of the rows asked for, one query per kind (per 500 ids), all kinds at
 * once. An id whose row no longer exists is simply absent from the answer.
 */
async function namesOf(db: Db, wanted: ReadonlyMap<ReferenceKind, ReadonlySet<number>>): Promise<Map<ReferenceKind, Map<number, RowName>>> {
  const lookups = [...wanted].filter(([, ids]) => ids.size > 0).flatMap(([kind, ids]) => {
    const all = [...ids];
    return Array.from({ length: Math.ceil(all.length / CHUNK) }, (_, i) => ({ kind, ids: all.slice(i * CHUNK, (i + 1) * CHUNK) }));
  });
  const answers = await Promise.all(lookups.map(async ({ kind, ids }) => ({ kind, rows: await NAME_QUERIES[kind](db, ids) })));
  const names = new Map<ReferenceKind, Map<number, RowName>>();
  for (const { kind, rows } of answers) {
    const byId = names.get(kind) ?? new Map<number, RowName>();
    // PostgreSQL returns a bigint id as text.
    for (const r of rows) byId.set(Number(r.id), r.code === undefined ? { name: r.name } : { name: r.name, code: r.code });
    names.set(kind, byId);
  }
  return names;
}

/** What an entry refers to, named as it is now. */
export interface EntryNames {
  /** The acting user's name: names the user of an entry that recorded only the id, e.g. a failed sign-in. */
  actorUserName: string | null;
  /** How people name the entity: a ticket's number, a contract's number and name, a user's name…; null if it has no such name or no longer exists. */
  entityLabel: string | null;
  /** The entity id names a row that no longer exists (deleted since). */
  entityDeleted: boolean;
  /** The ids in before/after that name other rows, by field name: what they refer to and each one's name (null: deleted since). */
  references: Record<string, FieldNames>;
}

export interface FieldNames {
  entity: ReferenceKind;
  names: Record<string, string | null>;
  /** For states and types: their codes, by which the web app words default names in the reader's language. */
  codes?: Record<string, string>;
}

interface RecordedEntry {
  entity: string;
  entityId: string | null;
  actorUserId: number | null;
  before: unknown;
  after: unknown;
}

/**
 * The names of what a page of entries refers to (their entities, actors and the ids
 * in their snapshots). Every id of one kind on the page is looked up in one query,
 * so a page costs one query per kind it mentions, however many entries it has.
 */
export async function namesOfEntries(db: Db, entries: readonly RecordedEntry[]): Promise<EntryNames[]> {
  const wanted = new Map<ReferenceKind, Set<number>>();
  const want = (kind: ReferenceKind, id: number) => (wanted.get(kind) ?? wanted.set(kind, new Set()).get(kind)!).add(id);
  const planned = entries.map((e) => {
    const kind = entityKind(e.entity);
    const id = kind ? rowId(e.entityId) : null;
    if (kind && id !== null) want(kind, id);
    const minimum = e.entity === 'stock_minimum' ? stockMinimumIds(e.entityId) : null;
    if (minimum) {
      want('warehouse', minimum.warehouseId);
      want('item', minimum.itemId);
    }
    if (e.actorUserId !== null) want('user', e.actorUserId);
    const refs = snapshotReferences(e.entity, e.before, e.after);
    for (const ref of refs) want(ref.kind, ref.id);
    return { entry: e, kind, id, minimum, refs };
  });

  const names = await namesOf(db, wanted);
  const nameOf = (kind: ReferenceKind, id: number) => names.get(kind)?.get(id);

  return planned.map(({ entry, kind, id, minimum, refs }) => {
    let entityLabel: string | null = null;
    let entityDeleted = false;
    if (kind && id !== null) {
      entityLabel = nameOf(kind, id)?.name ?? null;
      entityDeleted = entityLabel === null;
    } else if (minimum) {
      const item = nameOf('item', minimum.itemId);
      const warehouse = nameOf('warehouse', minimum.warehouseId);
      entityLabel = item && warehouse ? joined(item.name, warehouse.name) : null;
      entityDeleted = entityLabel === null;
    }
    const references: Record<string, FieldNames> = {};
    for (const ref of refs) {
      const field = (references[ref.field] ??= { entity: ref.kind, names: {} });
      const found = nameOf(ref.kind, ref.id);
      field.names[ref.id] = found?.name ?? null;
      if (found?.code !== undefined) (field.codes ??= {})[ref.id] = found.code;
    }
    return {
      actorUserName: entry.actorUserId === null ? null : nameOf('user', entry.actorUserId)?.name ?? null,
      entityLabel,
      entityDeleted,
      references,
    };
  });
}
