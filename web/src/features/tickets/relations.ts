// How a ticket is tied to another: a link both ways ("related"), or parent and sub-ticket
// (one ticket's parentId). What the ticket page offers, and what it refuses before asking the server.
import type { Ticket } from './types';

export const RELATION_KINDS = ['related', 'parent', 'child'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/** Why the ticket cannot be tied to `otherId` this way; null when it can. */
export type RelationProblem = 'self' | 'already' | 'cycle';

export function relationProblem(ticket: Pick<Ticket, 'id' | 'parentId' | 'childIds' | 'linkedIds'>, kind: RelationKind, otherId: number): RelationProblem | null {
  if (otherId === ticket.id) return 'self';
  if (kind === 'related') return ticket.linkedIds.includes(otherId) ? 'already' : null;
  if (kind === 'parent') {
    if (ticket.parentId === otherId) return 'already';
    // A sub-ticket made the parent would make each the other's parent.
    return ticket.childIds.includes(otherId) ? 'cycle' : null;
  }
  if (ticket.childIds.includes(otherId)) return 'already';
  return ticket.parentId === otherId ? 'cycle' : null;
}

