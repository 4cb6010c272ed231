/** What becomes of a deactivated user's open tickets: back to their queues, unassigned, or left with them. */
export type OpenTicketsChoice = 'return' | 'keep';

/** Whether a save turns an active user inactive (the only change that asks about their open tickets). */
export function deactivates(before: { active: boolean }, activeAfter: boolean): boolean {
  return before.active && !activeAfter;
}

/**
 * The part of a deactivating change (PATCH /users/{id} with active: false) that says what becomes of the
 * user's open tickets, and whether it hands them back. Without open tickets (or without knowing them,
 * count 0) nothing is said of them and they stay as they are: the server refuses the choice on any other change.
 */
export function openTicketsPlan(openTicketCount: number, choice: OpenTicketsChoice): { patch: { openTickets?: OpenTicketsChoice }; returning: boolean } {
  if (openTicketCount <= 0) return { patch: {}, returning: false };
  return { patch: { openTickets: choice }, returning: choice === 'return' };
}
