/**
 * Threading of a ticket's mail, pure parts. Every mail about a ticket names the
 * ticket's thread root `<ticket-T2026-000123@domain>`: the first mail (ticket
 * created) carries it as its own Message-ID, every later one sets In-Reply-To
 * and References to it, so mail clients show one conversation per ticket even
 * when the first mail never reached this recipient. The subject carries the
 * token `[T2026-000123]` too, which is how replies find their ticket again.
 */

/** `[T2026-000123]`: what the subject of every ticket mail carries. */
export function ticketSubjectToken(ticketNumber: string): string {
  return `[${ticketNumber}]`;
}

/** The subject with the ticket token in front, unless it already carries it. */
export function withSubjectToken(subject: string, ticketNumber: string): string {
  const token = ticketSubjectToken(ticketNumber);
  return subject.includes(token) ? subject : `${token} ${subject}`.trim();
}

/** The domain of the sender address ("Helpdesk <helpdesk@example.cz>" → example.cz), for Message-IDs. */
export function mailDomain(mailFrom: string): string {
  const address = /<([^<>]+)>\s*$/.exec(mailFrom)?.[1] ?? mailFrom;
  const domain = address.slice(address.lastIndexOf('@') + 1).trim().toLowerCase();
  return address.includes('@') && /^[a-z0-9.-]+$/.test(domain) ? domain : 'kontor.invalid';
}

/** The Message-ID that roots a ticket's thread. */
export function ticketRootMessageId(ticketNumber: string, domain: string): string {
  return `<ticket-${ticketNumber.replace(/[^A-Za-z0-9._-]/g, '_')}@${domain}>`;
}

const MESSAGE_ID = /^<[^<>\s@]+@[^<>\s@]+>$/;
export function isMessageId(value: string): boolean {
  return MESSAGE_ID.test(value);
}

/** Attempts before a message is given up as failed. */
export const MAX_ATTEMPTS = 10;

/** Wait after the n-th failed attempt: 1 min, 2, 4, 8, … at most 1 hour. */
export function retryDelayMs(attempt: number): number {
  const minutes = Math.min(2 ** Math.max(0, attempt - 1), 60);
  return minutes * 60_000;
}
