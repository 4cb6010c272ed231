/** What becomes of a deactivated user's open tickets: back to their queues, unassigned, handed to one colleague, or left with them. */
export type OpenTicketsChoice = 'return' | 'handTo' | 'keep';

/** What a deactivating change says of the open tickets (PATCH /users/{id} openTickets). */
export type OpenTicketsAnswer = 'return' | 'keep' | { handTo: number };

/** Where the server names a refused colleague (400/409 details of PATCH /users/{id}). */
export const HAND_TO_PATH = 'openTickets.handTo';

/** Whether a save turns an active user inactive (the only change that asks about their open tickets). */
export function deactivates(before: { active: boolean }, activeAfter: boolean): boolean {
  return before.active && !activeAfter;
}

/**
 * The part of a deactivating change (PATCH /users/{id} with active: false) that says what becomes of the
 * user's open tickets, whether it hands them back, and to whom it hands them. Without open tickets (or without
 * knowing them, count 0) nothing is said of them and they stay as they are: the server refuses the choice on any
 * other change. Handing them over without a colleague chosen is no plan yet (null): the dialog asks for one first.
 */
export function openTicketsPlan(
  openTicketCount: number,
  choice: OpenTicketsChoice,
  colleagueId: number | null = null,
): { patch: { openTickets?: OpenTicketsAnswer }; returning: boolean; handedTo: number | null } | null {
  if (openTicketCount <= 0) return { patch: {}, returning: false, handedTo: null };
  if (choice === 'handTo') return colleagueId === null ? null : { patch: { openTickets: { handTo: colleagueId } }, returning: false, handedTo: colleagueId };
  return { patch: { openTickets: choice }, returning: choice === 'return', handedTo: null };
}

/**
 * The success notice of a deactivating save: what was done (`done`, e.g. "Jana Nováková deactivated."),
 * then what became of the open tickets when the plan moved them.
 */
export function deactivationNotice(done: string, plan: { returning: boolean; handedTo: number | null }, t: (key: string) => string): string {
  const tickets = plan.returning ? t('users.openTicketsReturned') : plan.handedTo !== null ? t('users.openTicketsHandedOver') : null;
  return tickets ? `${done} ${tickets}` : done;
}

/**
 * Who may take over all the open tickets: those whom every one of their queues allows (one list per queue,
 * each the server's answer for its queue, GET /tickets/assignees), never the user leaving. In the first
 * list's order (by name); no queues, no one.
 */
export function colleaguesForAll<P extends { id: number }>(perQueue: readonly (readonly P[])[], leavingUserId: number): P[] {
  const [first, ...rest] = perQueue;
  if (!first) return [];
  return first.filter((p) => p.id !== leavingUserId && rest.every((list) => list.some((other) => other.id === p.id)));
}

/** The server's refusals of the chosen colleague, to show at the picker rather than above the form. */
export function colleagueRefusals<D extends { path: string }>(details: readonly D[]): D[] {
  return details.filter((d) => d.path === HAND_TO_PATH);
}
