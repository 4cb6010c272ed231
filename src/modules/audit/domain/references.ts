// Which rows an audit entry refers to. The log keeps what a change wrote: the id of
// the thing changed and, in its before/after snapshots, ids of other things (a
// ticket's queueId, a record's technicianId, a queue's members). Readers want names,
// so a page of entries is read with the names looked up: this says which ids to look
// up and in which table (kind); audit.names.ts looks them up, one query per kind.

/** The kinds of rows the log can name, each looked up by id in its own table. */
export const REFERENCE_KINDS = [
  'api_token', 'billing_run', 'calendar', 'category', 'client', 'contact', 'contract', 'cost_rate', 'custom_field',
  'dimension', 'dimension_value', 'export_batch', 'invoice', 'item', 'mail', 'price_list', 'price_list_version', 'queue',
  'record', 'saved_view', 'sla_policy', 'stock_document', 'team', 'technician_level', 'ticket', 'ticket_state',
  'ticket_type', 'travel_zone', 'unit_fee', 'user', 'vat_rate', 'warehouse', 'work_type',
] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

const isKind = (value: string): value is ReferenceKind => (REFERENCE_KINDS as readonly string[]).includes(value);

/**
 * The kind of row an entry's entity id names. Most entities are their own kind; a
 * timer and technician settings are kept per user (their id is the user's). Entities
 * whose id is a code or nothing (a setting's key, a mail template's key/language, a
 * seed) have no kind: the code is their name.
 */
const ENTITY_KIND_EXCEPTIONS: Record<string, ReferenceKind> = { timer: 'user', technician_settings: 'user' };

export function entityKind(entity: string): ReferenceKind | null {
  return ENTITY_KIND_EXCEPTIONS[entity] ?? (isKind(entity) ? entity : null);
}

/**
 * Fields of snapshots that hold ids, by name (snake_case names count as their
 * camelCase: record_id is recordId), and what they refer to. A single id or a list of
 * ids (members, workTypeIds). `id` itself is the entry's own row and never listed.
 */
const FIELD_KINDS: Record<string, ReferenceKind> = {
  userId: 'user', assigneeId: 'user', technicianId: 'user', leadUserId: 'user', ownerUserId: 'user', userIds: 'user',
  members: 'user', watcherUserIds: 'user', createdBy: 'user', approvedBy: 'user', confirmedBy: 'user', issuedBy: 'user',
  clientId: 'client',
  contactId: 'contact', requesterContactId: 'contact', watcherContactIds: 'contact',
  ticketId: 'ticket', linkedTicketId: 'ticket',
  typeId: 'ticket_type',
  stateId: 'ticket_state', fromStateId: 'ticket_state', toStateId: 'ticket_state',
  queueId: 'queue', escalateToQueueId: 'queue',
  teamId: 'team',
  categoryId: 'category',
  dimensionId: 'dimension', valueId: 'dimension_value',
  calendarId: 'calendar',
  slaPolicyId: 'sla_policy', effectiveSlaPolicyId: 'sla_policy',
  contractId: 'contract',
  priceListId: 'price_list', effectivePriceListId: 'price_list',
  copiedFrom: 'price_list_version',
  workTypeId: 'work_type', workTypeIds: 'work_type',
  feeId: 'unit_fee', unitFeeIds: 'unit_fee',
  zoneId: 'travel_zone',
  levelId: 'technician_level', technicianLevel: 'technician_level',
  itemId: 'item',
  warehouseId: 'warehouse', targetWarehouseId: 'warehouse',
  returnsDocumentId: 'stock_document',
  recordId: 'record',
  invoiceId: 'invoice', correctsInvoiceId: 'invoice',
  runId: 'billing_run',
  outboxId: 'mail',
};

/** Field names that mean another kind in one entity: a category's parent is a category, a ticket's a ticket. */
const FIELD_KINDS_BY_ENTITY: Record<string, Record<string, ReferenceKind>> = {
  category: { parentId: 'category' },
  ticket: { parentId: 'ticket' },
};

/** Every field name whose ids the log names (the web app has a label for each). */
export const REFERENCE_FIELDS: readonly string[] = [...new Set([...Object.keys(FIELD_KINDS), ...Object.values(FIELD_KINDS_BY_ENTITY).flatMap(Object.keys)])];

const camelCase = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** What a snapshot field of an entity refers to, if it holds ids. */
export function fieldKind(entity: string, field: string): ReferenceKind | null {
  const name = camelCase(field);
  return FIELD_KINDS_BY_ENTITY[entity]?.[name] ?? FIELD_KINDS[name] ?? null;
}

/** Ids are stored as numbers, or as text in an entity id; only whole positive numbers can be a row's id. */
export function rowId(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : null;
  return typeof value === 'string' && /^[1-9]\d{0,14}$/.test(value) ? Number(value) : null;
}

export interface FieldReference {
  /** The field's name as the snapshot has it (its last part: lines.0.itemId → itemId). */
  field: string;
  kind: ReferenceKind;
  id: number;
}

/** Every id in an entry's before/after snapshots that names a row, at any depth (lines of a document too). */
export function snapshotReferences(entity: string, ...snapshots: unknown[]): FieldReference[] {
  const found: FieldReference[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const element of value) walk(element);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [field, child] of Object.entries(value)) {
      const kind = fieldKind(entity, field);
      if (kind) {
        for (const candidate of Array.isArray(child) ? child : [child]) {
          const id = rowId(candidate);
          if (id !== null) found.push({ field, kind, id });
        }
      }
      if (typeof child === 'object') walk(child);
    }
  };
  for (const snapshot of snapshots) walk(snapshot);
  return found;
}

/** A stock minimum is kept per warehouse and item: its entity id is `warehouseId:itemId`. */
export function stockMinimumIds(entityId: string | null): { warehouseId: number; itemId: number } | null {
  const match = /^([1-9]\d{0,14}):([1-9]\d{0,14})$/.exec(entityId ?? '');
  return match ? { warehouseId: Number(match[1]), itemId: Number(match[2]) } : null;
}
