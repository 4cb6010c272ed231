// What the reply box says about where a reply goes. A public reply is mailed to the
// ticket's mailRecipients (the requester and the watching contacts that are active and
// have an e-mail: the server names them by the rule it mails by), an internal note to
// nobody. On a resolved or closed ticket the server takes the reply as on any other and
// leaves the state and the SLA clocks as they are: the ticket is not reopened. The
// notice says exactly that.
import type { StateCategory, Ticket } from './types';
import type { ReplyVisibility } from './replyDraft';

/** Who a public reply is e-mailed to, as the hint names them; '' when nobody gets it. */
export function replyMailedTo(ticket: Pick<Ticket, 'mailRecipients'>): string {
  return ticket.mailRecipients.map((r) => `${r.name} <${r.email}>`).join(', ');
}

/** The i18n key of the notice (tickets.reply.finished.*), or null on a ticket still being worked on. */
export function finishedTicketNotice(category: StateCategory, visibility: ReplyVisibility, mailed: boolean): string | null {
  if (category !== 'resolved' && category !== 'closed') return null;
  return `tickets.reply.finished.${category}.${visibility === 'public' && mailed ? 'mailed' : 'kept'}`;
}
