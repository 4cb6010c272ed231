import type { DbOrTx } from '../../platform/db/index.ts';
import { invalid, type ErrorDetail } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';
import { isMessageId, type TemplateKey } from './domain/index.ts';
import { insertAttachments, insertMessage, type Recipient } from './outbox.repo.ts';

export interface MailRecipient {
  email: string;
  name?: string | null | undefined;
}

/** A message for the outbox, as other modules hand it over. */
export interface OutgoingMail {
  to: readonly MailRecipient[];
  cc?: readonly MailRecipient[] | undefined;
  subject: string;
  text: string;
  html?: string | null | undefined;
  /** `<id@domain>`: from threadHeaders() for ticket mail, else newMessageId(config.mailFrom). Kept for every retry. */
  messageId: string;
  inReplyTo?: string | null | undefined;
  references?: readonly string[] | undefined;
  ticketId?: number | null | undefined;
  template?: { key: TemplateKey; language: Language } | null | undefined;
  /** The same key twice enqueues once, e.g. `ticket:42:created:contact:7`. */
  idempotencyKey?: string | null | undefined;
  /** Files sent with the message (e.g. an invoice PDF), stored with it in the outbox. */
  attachments?: readonly MailAttachment[] | undefined;
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

/** Attachments together may not exceed this: mail servers commonly refuse messages over 10 MB once encoded. */
export const MAX_ATTACHMENT_BYTES = 7 * 1024 * 1024;

const EMAIL = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;

function problemsOf(message: OutgoingMail): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (message.to.length === 0) problems.push({ path: 'to', code: 'required', message: 'A mail needs at least one recipient' });
  for (const [field, list] of [['to', message.to], ['cc', message.cc ?? []]] as const) {
    list.forEach((r, i) => {
      if (!EMAIL.test(r.email)) problems.push({ path: `${field}.${i}.email`, code: 'invalid_email', message: `Not an e-mail address: ${r.email}` });
    });
  }
  if (!message.subject.trim()) problems.push({ path: 'subject', code: 'required', message: 'A mail needs a subject' });
  for (const [path, id] of [['messageId', message.messageId], ['inReplyTo', message.inReplyTo], ...(message.references ?? []).map((r, i) => [`references.${i}`, r])]) {
    if (id && !isMessageId(id)) problems.push({ path: path as string, code: 'invalid_message_id', message: `Not a Message-ID: ${id}` });
  }
  if (!message.messageId) problems.push({ path: 'messageId', code: 'required', message: 'A mail needs its Message-ID' });
  const attached = (message.attachments ?? []).reduce((sum, a) => sum + a.content.length, 0);
  if (attached > MAX_ATTACHMENT_BYTES) problems.push({ path: 'attachments', code: 'too_large', message: `Attachments of ${attached} bytes exceed ${MAX_ATTACHMENT_BYTES}` });
  (message.attachments ?? []).forEach((a, i) => {
    if (!a.filename.trim() || /[\\/\r\n]/.test(a.filename)) problems.push({ path: `attachments.${i}.filename`, code: 'invalid_filename', message: `Not a file name: ${a.filename}` });
  });
  return problems;
}

const recipients = (list: readonly MailRecipient[]): string =>
  JSON.stringify(list.map((r): Recipient => ({ email: r.email.trim(), name: r.name?.trim() || null })));

/**
 * Puts a message in the outbox inside the caller's transaction, so it exists
 * exactly when the change it announces does (the ticket and its notification
 * commit together, or neither). The sender job delivers it later. Returns the
 * outbox id; with an idempotency key already used, the first message's id and
 * nothing new.
 */
export async function enqueueMail(trx: DbOrTx, at: Date, message: OutgoingMail): Promise<number> {
  const problems = problemsOf(message);
  if (problems.length) throw invalid(problems, 'The mail cannot be queued');
  const now = at.toISOString();
  const id = await insertMessage(trx, {
    to_json: recipients(message.to),
    cc_json: recipients(message.cc ?? []),
    // A line break in a header is never wanted (nodemailer encodes it anyway).
    subject: message.subject.replace(/\s+/g, ' ').trim(),
    body_text: message.text,
    body_html: message.html ?? null,
    message_id: message.messageId,
    in_reply_to: message.inReplyTo ?? null,
    references_header: message.references?.length ? message.references.join(' ') : null,
    ticket_id: message.ticketId ?? null,
    template_key: message.template?.key ?? null,
    template_language: message.template?.language ?? null,
    status: 'pending',
    next_attempt_at: now,
    idempotency_key: message.idempotencyKey ?? null,
    created_at: now,
    updated_at: now,
  });
  if (message.attachments?.length) await insertAttachments(trx, id, message.attachments);
  return id;
}
