// Which queues' tickets a user's ticket lists can show: the one rule behind the
// list's queue scope and the queue filter the web app offers (pure).
import type { TicketScope } from '../../identity/index.ts';

/**
 * Whether the tickets of a queue are within a ticket scope: every queue for
 * administrators and managers, the queues one is a member of for operators and
 * technicians, none for anyone else.
 */
export function queueInTicketScope(scope: TicketScope, queue: { members: readonly number[] }): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'none') return false;
  return queue.members.includes(scope.userId);
}
