// What the reply box says above the editor of a resolved or closed ticket. The server
// takes the reply as on any other ticket (added to the timeline; a public one mailed to
// the requester and the watching contacts) and leaves the state and the SLA clocks as
// they are: the ticket is not reopened. The notice says exactly that.
import type { StateCategory } from './types';
import type { ReplyVisibility } from './replyDraft';

/** The i18n key of the notice (tickets.reply.finished.*), or null on a ticket still being worked on. */
export function finishedTicketNotice(category: StateCategory, visibility: ReplyVisibility, mailed: boolean): string | null {
  if (category !== 'resolved' && category !== 'closed') return null;
  return `tickets.reply.finished.${category}.${visibility === 'public' && mailed ? 'mailed' : 'kept'}`;
}
