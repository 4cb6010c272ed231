import { sql, type ExpressionBuilder, type Insertable, type Selectable } from 'kysely';
import { isPostgres, preparedQuery, type Database, type Db, type DbOrTx, type MailOutboxTable } from '../../platform/db/index.ts';
import type { OutboxAttachmentInfo, OutboxItem, OutboxMessage, OutboxStatus } from './mail.schemas.ts';

/** The outbox as stored; maps rows to the API's shapes. */

export type OutboxRow = Selectable<MailOutboxTable>;
export interface Recipient {
  email: string;
  name: string | null;
}

const SUMMARY = [
  'id', 'to_json', 'cc_json', 'subject', 'message_id', 'ticket_id', 'template_key', 'template_language', 'status',
  'attempts', 'next_attempt_at', 'lease_until', 'last_error', 'sent_at', 'created_at',
] as const;
type SummaryRow = Pick<OutboxRow, (typeof SUMMARY)[number]>;

export function toItem(row: SummaryRow): OutboxItem {
  return {
    id: row.id,
    to: JSON.parse(row.to_json) as Recipient[],
    cc: JSON.parse(row.cc_json) as Recipient[],
    subject: row.subject,
    messageId: row.message_id,
    ticketId: row.ticket_id,
    templateKey: row.template_key,
    language: row.template_language,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    leaseUntil: row.lease_until,
    lastError: row.last_error,
    sentAt: row.sent_at,
    createdAt: row.created_at,
  };
}

export function toMessage(row: OutboxRow, attachments: OutboxAttachmentInfo[]): OutboxMessage {
  return {
    ...toItem(row),
    text: row.body_text,
    html: row.body_html,
    inReplyTo: row.in_reply_to,
    references: row.references_header ? row.references_header.split(/\s+/) : [],
    smtpResponse: row.smtp_response,
    idempotencyKey: row.idempotency_key,
    updatedAt: row.updated_at,
    attachments,
  };
}

/** Inserts a message; with an idempotency key already used, inserts nothing and returns the first message's id. */
// Every ticket created queues a mail: compiled once per set of columns.
const insertMessageQuery = preparedQuery((db, values: Insertable<MailOutboxTable>) =>
  db.insertInto('mail_outbox').values(values).onConflict((oc) => oc.column('idempotency_key').doNothing()).returning('id'));

export async function insertMessage(db: DbOrTx, values: Insertable<MailOutboxTable>): Promise<number> {
  const [row] = await insertMessageQuery(db, values);
  if (row) return row.id;
  const existing = await db
    .selectFrom('mail_outbox')
    .select('id')
    .where('idempotency_key', '=', values.idempotency_key ?? '')
    .executeTakeFirstOrThrow();
  return existing.id;
}

/** Stores a message's attachments; a message enqueued again under its idempotency key keeps its first ones. */
export async function insertAttachments(db: DbOrTx, outboxId: number, attachments: readonly { filename: string; contentType: string; content: Uint8Array }[]): Promise<void> {
  await db
    .insertInto('mail_attachments')
    .values(attachments.map((a, position) => ({ outbox_id: outboxId, position, filename: a.filename, content_type: a.contentType, content_base64: Buffer.from(a.content).toString('base64') })))
    .onConflict((oc) => oc.columns(['outbox_id', 'position']).doNothing())
    .execute();
}

/** A message's attachments in order, as nodemailer takes them. */
export async function attachmentsOf(db: DbOrTx, outboxId: number): Promise<{ filename: string; contentType: string; content: Buffer }[]> {
  const rows = await db.selectFrom('mail_attachments').select(['filename', 'content_type', 'content_base64']).where('outbox_id', '=', outboxId).orderBy('position').execute();
  return rows.map((r) => ({ filename: r.filename, contentType: r.content_type, content: Buffer.from(r.content_base64, 'base64') }));
}

/**
 * What a message carries, without the files themselves (the outbox view lists them): the size
 * is worked out from the stored base64's length and its padding, so no file is read whole.
 */
export async function attachmentInfoOf(db: DbOrTx, outboxId: number): Promise<OutboxAttachmentInfo[]> {
  const rows = await db
    .selectFrom('mail_attachments')
    .select([
      'filename', 'content_type',
      sql<number>`length(content_base64)`.as('encoded_length'),
      // substr(text, start, count) reads the same in SQLite and PostgreSQL; the last two characters hold any padding.
      sql<string>`substr(content_base64, length(content_base64) - 1, 2)`.as('tail'),
    ])
    .where('outbox_id', '=', outboxId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ filename: r.filename, contentType: r.content_type, sizeBytes: decodedSize(Number(r.encoded_length), r.tail ?? '') }));
}

/** Bytes encoded by unbroken base64 of this length ending in `tail` ("=" or "==" is padding). */
export function decodedSize(encodedLength: number, tail: string): number {
  const padding = tail.endsWith('==') ? 2 : tail.endsWith('=') ? 1 : 0;
  return (encodedLength / 4) * 3 - padding;
}

/** Due: pending and its time has come, or claimed by a sender whose lease ran out (it crashed or hung). */
function due(now: string) {
  return (eb: ExpressionBuilder<Database, 'mail_outbox'>) =>
    eb.or([
      eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
      eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', now)]),
    ]);
}

/**
 * Claims up to `limit` due messages for one sender until `leaseUntil`. Each
 * claim adds an attempt, so a message that crashes its sender still runs out
 * of attempts, and the attempt count fences the later update (see below).
 * PostgreSQL: rows locked with FOR UPDATE SKIP LOCKED in one transaction, so
 * concurrent senders take different messages without waiting. SQLite: writes
 * are serialised; each candidate is taken by one conditional UPDATE that
 * re-checks it is still due, so two processes never claim the same message.
 */
export async function claimDue(db: Db, now: Date, leaseUntil: Date, limit: number): Promise<OutboxRow[]> {
  const at = now.toISOString();
  const claim = {
    status: 'sending' as const,
    lease_until: leaseUntil.toISOString(),
    attempts: (eb: ExpressionBuilder<Database, 'mail_outbox'>) => eb('attempts', '+', 1),
    updated_at: at,
  };
  if (isPostgres(db)) {
    const rows = await db.transaction().execute(async (trx) => {
      const ids = await trx
        .selectFrom('mail_outbox')
        .select('id')
        .where(due(at))
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
      if (ids.length === 0) return [];
      return trx.updateTable('mail_outbox').set(claim).where('id', 'in', ids.map((r) => r.id)).returningAll().execute();
    });
    return rows.sort((a, b) => a.id - b.id);
  }
  const candidates = await db.selectFrom('mail_outbox').select('id').where(due(at)).orderBy('next_attempt_at').orderBy('id').limit(limit).execute();
  const claimed: OutboxRow[] = [];
  for (const { id } of candidates) {
    const row = await db.updateTable('mail_outbox').set(claim).where('id', '=', id).where(due(at)).returningAll().executeTakeFirst();
    if (row) claimed.push(row);
  }
  return claimed;
}

/** Delivered. Written whatever the lease: the server has the message, that is the truth to keep. */
export async function markSent(db: Db, id: number, at: Date, smtpResponse: string, rejected: string | null): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ status: 'sent', sent_at: at.toISOString(), smtp_response: smtpResponse.slice(0, 1000), last_error: rejected, lease_until: null, updated_at: at.toISOString() })
    .where('id', '=', id)
    .where('status', '<>', 'sent')
    .execute();
}

/**
 * Not delivered: back to pending at `nextAttemptAt`, or failed for good. Only
 * the claim that made this attempt may write it (status sending, same attempt
 * count); a sender whose lease ran out and whose message another sender took
 * over writes nothing. Returns whether it wrote.
 */
export async function markAttemptFailed(
  db: Db,
  claimed: { id: number; attempts: number },
  at: Date,
  outcome: { status: 'pending'; nextAttemptAt: Date } | { status: 'failed' },
  error: string,
): Promise<boolean> {
  const result = await db
    .updateTable('mail_outbox')
    .set({
      status: outcome.status,
      next_attempt_at: outcome.status === 'pending' ? outcome.nextAttemptAt.toISOString() : at.toISOString(),
      lease_until: null,
      last_error: error.slice(0, 2000),
      updated_at: at.toISOString(),
    })
    .where('id', '=', claimed.id)
    .where('status', '=', 'sending')
    .where('attempts', '=', claimed.attempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A failed message back in the queue, due now, with a fresh set of attempts. Null when it is not failed. */
export async function requeueFailed(db: DbOrTx, id: number, at: Date): Promise<OutboxRow | null> {
  const row = await db
    .updateTable('mail_outbox')
    .set({ status: 'pending', attempts: 0, next_attempt_at: at.toISOString(), lease_until: null, updated_at: at.toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}

export async function findMessage(db: DbOrTx, id: number): Promise<OutboxRow | null> {
  return (await db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

/** Newest first, keyset by id. */
export async function listMessages(db: DbOrTx, q: { status?: OutboxStatus | undefined; beforeId?: number | undefined; limit: number }): Promise<SummaryRow[]> {
  let sel = db.selectFrom('mail_outbox').select(SUMMARY);
  if (q.status) sel = sel.where('status', '=', q.status);
  if (q.beforeId !== undefined) sel = sel.where('id', '<', q.beforeId);
  return sel.orderBy('id', 'desc').limit(q.limit).execute();
}

export async function countUnsent(db: DbOrTx): Promise<Record<Exclude<OutboxStatus, 'sent'>, number>> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select((eb) => ['status', eb.fn.countAll().as('n')])
    .where('status', 'in', ['pending', 'sending', 'failed'])
    .groupBy('status')
    .execute();
  // Sent mail is not counted: it only grows, and nobody needs the figure on every status check.
  const counts: Record<Exclude<OutboxStatus, 'sent'>, number> = { pending: 0, sending: 0, failed: 0 };
  for (const r of rows) if (r.status !== 'sent') counts[r.status] = Number(r.n);
  return counts;
}
