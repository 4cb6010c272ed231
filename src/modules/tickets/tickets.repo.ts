import type { Insertable, Updateable } from 'kysely';
import { preparedQuery, type DbOrTx, type TicketsTable } from '../../platform/db/index.ts';

/** Writing tickets and their parts. Reading for the API is in tickets.read.ts. */

/** Stored in sla_due_at when no deadline runs, so the column is never NULL and sorts last on both engines. */
export const NO_DUE = '9999-12-31T23:59:59.999Z';

export async function nextTicketSeq(db: DbOrTx, year: number): Promise<number> {
  const row = await db
    .insertInto('ticket_counters')
    .values({ year, last_seq: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet((eb) => ({ last_seq: eb('ticket_counters.last_seq', '+', 1) })))
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return row.last_seq;
}

export async function insertTicket(db: DbOrTx, values: Insertable<TicketsTable>): Promise<number> {
  const row = await db.insertInto('tickets').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/*
 * Creating a ticket runs these on every request: compiled once (preparedQuery), the
 * statements of a new ticket in its transaction, inserts only (nothing to replace yet).
 */

const nextSeqQuery = preparedQuery((db, p: { year: number; one: number }) =>
  db
    .insertInto('ticket_counters')
    .values({ year: p.year, last_seq: p.one })
    .onConflict((oc) => oc.column('year').doUpdateSet((eb) => ({ last_seq: eb('ticket_counters.last_seq', '+', p.one) })))
    .returning('last_seq'));

/** nextTicketSeq() through a prepared statement. */
export async function nextTicketSeqFast(db: DbOrTx, year: number): Promise<number> {
  const [row] = await nextSeqQuery(db, { year, one: 1 });
  return row!.last_seq;
}

/** A new ticket row: every column given (the key set is the statement). */
export type NewTicketRow = Required<Omit<Insertable<TicketsTable>, 'id'>>;
const insertTicketQuery = preparedQuery((db, row: NewTicketRow) => db.insertInto('tickets').values(row).returning('id'));

export async function insertNewTicket(db: DbOrTx, row: NewTicketRow): Promise<number> {
  const [inserted] = await insertTicketQuery(db, row);
  return inserted!.id;
}

const insertEventQuery = preparedQuery((db, e: { ticket_id: number; at: string; actor_user_id: number | null; actor_name: string | null; kind: string; field: string | null; before_json: string | null; after_json: string | null }) =>
  db.insertInto('ticket_events').values(e));
const insertSlaEventQuery = preparedQuery((db, e: { ticket_id: number; at: string; kind: string; priority: string | null }) =>
  db.insertInto('ticket_sla_events').values(e));

/** One timeline event (insertEvents() for a single event, prepared). */
export async function insertEvent(db: DbOrTx, ticketId: number, at: string, actor: { userId: number | null; name: string | null }, e: TicketEvent): Promise<void> {
  await insertEventQuery(db, {
    ticket_id: ticketId, at, actor_user_id: actor.userId, actor_name: actor.name, kind: e.kind, field: e.field ?? null,
    before_json: e.before === undefined ? null : JSON.stringify(e.before), after_json: e.after === undefined ? null : JSON.stringify(e.after),
  });
}

/** insertSlaEvent(), prepared. */
export async function insertSlaEventFast(db: DbOrTx, ticketId: number, at: string, kind: string, priority: string | null = null): Promise<void> {
  await insertSlaEventQuery(db, { ticket_id: ticketId, at, kind, priority });
}

const insertTagsQuery = preparedQuery((db, p: Record<string, string | number>) => {
  const count = Object.keys(p).length - 1;
  return db.insertInto('ticket_tags').values(Array.from({ length: count }, (_, i) => ({ ticket_id: p.ticketId as number, tag: p[`tag${i}`] as string })));
});

/** A new ticket's tags (prepared per number of tags). */
export async function insertTags(db: DbOrTx, ticketId: number, tags: readonly string[]): Promise<void> {
  if (!tags.length) return;
  const p: Record<string, string | number> = { ticketId };
  tags.forEach((tag, i) => (p[`tag${i}`] = tag));
  await insertTagsQuery(db, p);
}

/**
 * What a new ticket needs from its client and requester in one query: the client's
 * own SLA policy, and the requester contact (absent when not given or not found).
 */
const newTicketRefsQuery = preparedQuery((db, p: { clientId: number; contactId: number | null }) =>
  db
    .selectFrom('clients as c')
    .leftJoin('contacts as rc', (j) => j.on('rc.id', '=', p.contactId))
    .select([
      'c.sla_policy_id as client_policy_id', 'rc.id as contact_id', 'rc.client_id as contact_client_id', 'rc.active as contact_active',
      'rc.name as contact_name', 'rc.email as contact_email', 'rc.language as contact_language',
    ])
    .where('c.id', '=', p.clientId));

export async function newTicketRefs(db: DbOrTx, clientId: number, contactId: number | null) {
  const [row] = await newTicketRefsQuery(db, { clientId, contactId });
  return {
    clientPolicyId: row?.client_policy_id ?? null,
    contact: row?.contact_id == null
      ? null
      : { id: row.contact_id, clientId: row.contact_client_id as number, active: row.contact_active as number, name: row.contact_name as string, email: row.contact_email ?? null, language: row.contact_language as string },
  };
}

/** Writes only over the version the caller read; false when someone else changed it first. */
export async function updateTicket(db: DbOrTx, id: number, version: number, values: Updateable<TicketsTable>): Promise<boolean> {
  const r = await db
    .updateTable('tickets')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function updateTicketSla(db: DbOrTx, id: number, values: Updateable<TicketsTable>): Promise<void> {
  await db.updateTable('tickets').set(values).where('id', '=', id).execute();
}

export function findTicketRow(db: DbOrTx, id: number) {
  return db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function replaceTags(db: DbOrTx, ticketId: number, tags: readonly string[]): Promise<void> {
  await db.deleteFrom('ticket_tags').where('ticket_id', '=', ticketId).execute();
  if (tags.length) await db.insertInto('ticket_tags').values(tags.map((tag) => ({ ticket_id: ticketId, tag }))).execute();
}

export async function replaceDimensions(db: DbOrTx, ticketId: number, values: readonly { dimensionId: number; valueId: number }[]): Promise<void> {
  await db.deleteFrom('ticket_dimension_values').where('ticket_id', '=', ticketId).execute();
  if (values.length) {
    await db
      .insertInto('ticket_dimension_values')
      .values(values.map((v) => ({ ticket_id: ticketId, dimension_id: v.dimensionId, value_id: v.valueId })))
      .execute();
  }
}

export async function replaceWatchers(db: DbOrTx, ticketId: number, userIds: readonly number[], contactIds: readonly number[]): Promise<void> {
  await db.deleteFrom('ticket_watchers').where('ticket_id', '=', ticketId).execute();
  const rows = [
    ...userIds.map((user_id) => ({ ticket_id: ticketId, user_id, contact_id: null })),
    ...contactIds.map((contact_id) => ({ ticket_id: ticketId, user_id: null, contact_id })),
  ];
  if (rows.length) await db.insertInto('ticket_watchers').values(rows).execute();
}

export async function addLink(db: DbOrTx, a: number, b: number): Promise<void> {
  // Stored both ways, so either ticket lists the other with one indexed lookup.
  await db
    .insertInto('ticket_links')
    .values([
      { ticket_id: a, linked_ticket_id: b },
      { ticket_id: b, linked_ticket_id: a },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function removeLink(db: DbOrTx, a: number, b: number): Promise<void> {
  await db
    .deleteFrom('ticket_links')
    .where((eb) => eb.or([eb.and([eb('ticket_id', '=', a), eb('linked_ticket_id', '=', b)]), eb.and([eb('ticket_id', '=', b), eb('linked_ticket_id', '=', a)])]))
    .execute();
}

export interface TicketEvent {
  kind: string;
  field?: string | null;
  before?: unknown;
  after?: unknown;
}

export async function insertEvents(
  db: DbOrTx,
  ticketId: number,
  at: string,
  actor: { userId: number | null; name: string | null },
  events: readonly TicketEvent[],
): Promise<void> {
  if (!events.length) return;
  await db
    .insertInto('ticket_events')
    .values(
      events.map((e) => ({
        ticket_id: ticketId,
        at,
        actor_user_id: actor.userId,
        actor_name: actor.name,
        kind: e.kind,
        field: e.field ?? null,
        before_json: e.before === undefined ? null : JSON.stringify(e.before),
        after_json: e.after === undefined ? null : JSON.stringify(e.after),
      })),
    )
    .execute();
}

export async function insertComment(
  db: DbOrTx,
  c: { ticketId: number; authorUserId: number | null; authorContactId: number | null; visibility: 'public' | 'internal'; body: string; at: string },
): Promise<number> {
  const row = await db
    .insertInto('ticket_comments')
    .values({
      ticket_id: c.ticketId,
      author_user_id: c.authorUserId,
      author_contact_id: c.authorContactId,
      visibility: c.visibility,
      body_md: c.body,
      created_at: c.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertSlaEvent(db: DbOrTx, ticketId: number, at: string, kind: string, priority: string | null = null): Promise<void> {
  await db.insertInto('ticket_sla_events').values({ ticket_id: ticketId, at, kind, priority }).execute();
}

export function listSlaEvents(db: DbOrTx, ticketId: number) {
  return db.selectFrom('ticket_sla_events').select(['at', 'kind', 'priority']).where('ticket_id', '=', ticketId).orderBy('id').execute();
}

/** Everything the search index holds for a ticket: subject, description and every comment. */
export async function searchDocumentText(db: DbOrTx, ticketId: number): Promise<string> {
  const t = await db.selectFrom('tickets').select(['number', 'subject', 'description_md']).where('id', '=', ticketId).executeTakeFirstOrThrow();
  const comments = await db.selectFrom('ticket_comments').select('body_md').where('ticket_id', '=', ticketId).orderBy('id').execute();
  return [t.number, t.subject, t.description_md, ...comments.map((c) => c.body_md)].join('\n');
}
