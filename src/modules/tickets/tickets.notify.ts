import type { DbOrTx, Tx } from '../../platform/db/index.ts';
import type { Language } from '../../shared/language.ts';
import {
  enqueueMail, mailLanguageOf, PLACEHOLDERS, renderTemplate, threadHeaders, withSubjectToken, type ClientNoticeKey, type TemplateKey, type TemplateVars,
} from '../mail/index.ts';
import type { StateCategory } from './domain/process.ts';

/**
 * Who hears about a ticket, and what: the requester and the watching contacts
 * get the templated mail in their own language, queued in the same transaction
 * as the change it announces.
 */
export interface NotifyConfig {
  publicUrl: string;
  mailFrom: string;
}

/** The notices a move between states may send the client. */
export type StateNotice = Extract<TemplateKey, 'ticket_waiting_for_client' | 'ticket_resolved' | 'ticket_closed'>;

/** Which notice the client gets when the ticket enters a state (none for most). */
export function clientNoticeFor(from: { category: StateCategory }, to: { code: string; category: StateCategory }): StateNotice | null {
  if (to.category === 'waiting' && to.code === 'waiting_for_client') return 'ticket_waiting_for_client';
  if (to.category === 'resolved' && from.category !== 'resolved') return 'ticket_resolved';
  if (to.category === 'closed' && from.category !== 'closed') return 'ticket_closed';
  return null;
}

/**
 * Whether a notice carries the public message written with the move (its template
 * quotes {{comment.body}}). When it does not, the message goes out as a reply of its
 * own: a public message is never kept from the client.
 */
export function noticeQuotesComment(key: TemplateKey | null): boolean {
  return key !== null && PLACEHOLDERS[key].includes('comment.body');
}

/** What a notice says about its ticket, whoever it goes to. */
export interface NoticeContent {
  ticketId: number;
  number: string;
  subject: string;
  clientName: string;
  commentBody?: string | null;
  resolutionNote?: string | null;
}

export interface TicketNotice extends NoticeContent {
  key: ClientNoticeKey;
  /** What makes this notice unique (e.g. the comment id), so a retried request never mails twice. */
  eventKey: string;
}

/**
 * The values of a notice's placeholders for one recipient: the one mapping for the mail
 * sent and for the template preview filled from a real ticket (noticePreviewVars).
 */
export function noticeVars(publicUrl: string, notice: NoticeContent, recipientName: string): TemplateVars {
  return {
    ticket: { number: notice.number, subject: notice.subject, url: `${publicUrl.replace(/\/$/, '')}/tickets/${notice.ticketId}` },
    client: { name: notice.clientName },
    recipient: { name: recipientName },
    comment: { body: notice.commentBody ?? '' },
    resolution_note: notice.resolutionNote ?? '',
  };
}

/**
 * The values a notice about the ticket would carry now, for the template preview: the
 * requester as the recipient, the latest public comment (what a reply or a request for
 * information quotes) and the resolution note.
 */
export async function noticePreviewVars(db: DbOrTx, publicUrl: string, ticketId: number): Promise<TemplateVars> {
  const t = await db
    .selectFrom('tickets')
    .innerJoin('clients', 'clients.id', 'tickets.client_id')
    .leftJoin('contacts', 'contacts.id', 'tickets.requester_contact_id')
    .select((eb) => [
      'tickets.number', 'tickets.subject', 'tickets.resolution_note', 'clients.name as clientName', 'contacts.name as requesterName',
      eb.selectFrom('ticket_comments').select('ticket_comments.body_md')
        .whereRef('ticket_comments.ticket_id', '=', 'tickets.id').where('ticket_comments.visibility', '=', 'public')
        .orderBy('ticket_comments.id', 'desc').limit(1)
        .as('latestPublicComment'),
    ])
    .where('tickets.id', '=', ticketId)
    .executeTakeFirstOrThrow();
  const content = { ticketId, number: t.number, subject: t.subject, clientName: t.clientName, commentBody: t.latestPublicComment, resolutionNote: t.resolution_note };
  return noticeVars(publicUrl, content, t.requesterName ?? '');
}

/** A contact the notice goes to (active, with an e-mail). */
export interface NoticeRecipient {
  id: number;
  name: string;
  email: string | null;
  language: string;
}

/**
 * Who the ticket's mail goes to: its requester and its watching contacts, each once, if
 * active and with an e-mail address, in contact id order. The ticket's detail
 * (`mailRecipients`) reads the same list, so what the reply box promises is what is sent.
 */
export async function mailRecipientsOf(db: DbOrTx, ticketId: number): Promise<NoticeRecipient[]> {
  return db
    .selectFrom('contacts')
    .select(['contacts.id', 'contacts.name', 'contacts.email', 'contacts.language'])
    .where((eb) => eb.or([
      eb('contacts.id', '=', eb.selectFrom('tickets').select('tickets.requester_contact_id').where('tickets.id', '=', ticketId)),
      eb('contacts.id', 'in', eb.selectFrom('ticket_watchers').select('ticket_watchers.contact_id').where('ticket_watchers.ticket_id', '=', ticketId)),
    ]))
    .where('contacts.active', '=', 1)
    .where('contacts.email', 'is not', null)
    .orderBy('contacts.id')
    .execute();
}

/**
 * Queues the notice for the ticket's requester and watching contacts. A caller that
 * has just written those (a new ticket) may pass them, in contact id order, instead
 * of having them read back.
 */
export async function notifyClient(trx: Tx, at: Date, config: NotifyConfig, notice: TicketNotice, known?: readonly NoticeRecipient[]): Promise<number> {
  const recipients = known ?? (await mailRecipientsOf(trx, notice.ticketId));
  for (const [i, r] of recipients.entries()) {
    const language = mailLanguageOf(r.language);
    await mailAboutTicket(trx, at, config, {
      to: { email: r.email as string, name: r.name }, key: notice.key, language, vars: noticeVars(config.publicUrl, notice, r.name),
      ticketId: notice.ticketId, number: notice.number,
      // Only one message can carry the thread's root Message-ID: the first recipient's "created" mail.
      first: notice.key === 'ticket_created' && i === 0,
      idempotencyKey: `ticket:${notice.ticketId}:${notice.eventKey}:contact:${r.id}`,
    });
  }
  return recipients.length;
}

/** One mail about a ticket to one person: a template in their language, on the ticket's thread, in the caller's transaction. */
export async function mailAboutTicket(trx: Tx, at: Date, config: NotifyConfig, m: {
  to: { email: string; name: string }; key: TemplateKey; language: Language; vars: TemplateVars;
  ticketId: number; number: string; first: boolean; idempotencyKey: string;
}): Promise<void> {
  const rendered = await renderTemplate(trx, m.key, m.language, m.vars);
  await enqueueMail(trx, at, {
    to: [m.to],
    subject: withSubjectToken(rendered.subject, m.number),
    text: rendered.text,
    html: rendered.html,
    ...threadHeaders({ ticketNumber: m.number, mailFrom: config.mailFrom, first: m.first }),
    ticketId: m.ticketId,
    template: { key: m.key, language: m.language },
    idempotencyKey: m.idempotencyKey,
  });
}
