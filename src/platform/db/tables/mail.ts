import type { Generated } from 'kysely';

/** Tables of outgoing mail (outbox, templates): see migrations/0003_mail.ts. */

export type MailStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface MailOutboxTable {
  id: Generated<number>;
  to_json: string;
  cc_json: Generated<string>;
  subject: string;
  body_text: string;
  body_html: string | null;
  message_id: string;
  in_reply_to: string | null;
  references_header: string | null;
  ticket_id: number | null;
  template_key: string | null;
  template_language: string | null;
  status: MailStatus;
  attempts: Generated<number>;
  next_attempt_at: string;
  lease_until: string | null;
  last_error: string | null;
  smtp_response: string | null;
  sent_at: string | null;
  idempotency_key: string | null;
  created_at: string;
  updated_at: string;
}

export interface MailTemplatesTable {
  key: string;
  language: string;
  subject: string;
  body: string;
  updated_at: string;
}

export interface MailTables {
  mail_outbox: MailOutboxTable;
  mail_templates: MailTemplatesTable;
}
