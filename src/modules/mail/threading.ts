import { randomUUID } from 'node:crypto';
import { mailDomain, ticketRootMessageId } from './domain/index.ts';

/**
 * Message-IDs and thread headers for outgoing mail. Ids are made once, before
 * the message enters the outbox, so every retry sends the same id.
 */

/** A new Message-ID `<uuid@domain-of-the-sender>`. */
export function newMessageId(mailFrom: string): string {
  return `<${randomUUID()}@${mailDomain(mailFrom)}>`;
}

export interface ThreadHeaders {
  messageId: string;
  inReplyTo: string | null;
  references: string[];
}

/**
 * Headers that keep a ticket's mail in one thread. The first mail of a ticket
 * (`first: true`, i.e. "ticket created") gets the thread root
 * `<ticket-{number}@domain>` as its Message-ID; every later mail gets a new
 * Message-ID and names the root in In-Reply-To and References. Spread the
 * result into the message given to enqueueMail().
 */
export function threadHeaders(input: { ticketNumber: string; mailFrom: string; first: boolean }): ThreadHeaders {
  const root = ticketRootMessageId(input.ticketNumber, mailDomain(input.mailFrom));
  if (input.first) return { messageId: root, inReplyTo: null, references: [] };
  return { messageId: newMessageId(input.mailFrom), inReplyTo: root, references: [root] };
}
