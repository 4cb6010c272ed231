import type { Kysely } from 'kysely';
import { idType, withId } from './lib.ts';

/**
 * Outgoing mail: a durable outbox written in the same transaction as the
 * change it announces, drained by the sender job with leases and retries;
 * and the administrators' overrides of the built-in mail templates.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ref = idType(db);

  await withId(db, db.schema.createTable('mail_outbox'))
    // [{"email":"…","name":"…"|null}]
    .addColumn('to_json', 'text', (c) => c.notNull())
    .addColumn('cc_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text')
    // Fixed at enqueue, with the angle brackets: every retry sends the same id, so clients can dedupe.
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('in_reply_to', 'text')
    // The References header as sent: message ids separated by spaces.
    .addColumn('references_header', 'text')
    // The ticket the mail is about; no foreign key: the outbox outlives whatever it reports on.
    .addColumn('ticket_id', ref)
    .addColumn('template_key', 'text')
    .addColumn('template_language', 'text')
    // pending / sending / sent / failed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    // While status = sending: the claim holds until then; after it, another sender may claim again.
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('smtp_response', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('idempotency_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  for (const [name, cols] of [
    ['mail_outbox_due', ['status', 'next_attempt_at', 'id']],
    ['mail_outbox_status_id', ['status', 'id']],
    ['mail_outbox_ticket', ['ticket_id', 'id']],
    ['mail_outbox_message_id', ['message_id']],
  ] as const) {
    await db.schema.createIndex(name).on('mail_outbox').columns([...cols]).execute();
  }

  await db.schema
    .createTable('mail_templates')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    // Markdown with {{placeholders}}.
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mail_templates_pk', ['key', 'language'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mail_templates').execute();
  await db.schema.dropTable('mail_outbox').execute();
}
