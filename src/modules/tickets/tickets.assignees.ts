// Whom a ticket may be assigned to: one rule for the check when a ticket is created or
// changed and for the people the web app's assignee pickers offer (GET /tickets/assignees).
import type { DbOrTx } from '../../platform/db/index.ts';
import type { ErrorDetail } from '../../shared/errors.ts';
import { queueInTicketScope } from '../helpdesk/index.ts';
import { isRole, ticketScopeOf, type Role } from '../identity/index.ts';
import type { Assignee } from './tickets.schemas.ts';

interface Person {
  id: number;
  name: string;
  roles: Role[];
}

/**
 * Whether someone may be assigned a ticket of the queue: only if their ticket lists
 * show the queue's tickets (the list's own scope rule), i.e. a member of the queue who
 * works tickets, or an administrator or service manager, who see every queue. Anyone
 * else could not open the ticket they were given.
 */
export function mayBeAssigned(person: { id: number; roles: readonly Role[] }, queue: { members: readonly number[] }): boolean {
  return queueInTicketScope(ticketScopeOf({ userId: person.id, roles: person.roles }), queue);
}

/** Active users with their roles, by name (all of them, or the ones given). */
async function activePeople(db: DbOrTx, ids?: readonly number[]): Promise<Person[]> {
  let query = db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.name', 'user_roles.role'])
    .where('users.active', '=', 1);
  if (ids) query = query.where('users.id', 'in', [...ids]);
  const rows = await query.orderBy('users.name').orderBy('users.id').execute();
  const byId = new Map<number, Person>();
  for (const r of rows) {
    const person = byId.get(r.id) ?? { id: r.id, name: r.name, roles: [] };
    if (isRole(r.role)) person.roles.push(r.role);
    byId.set(r.id, person);
  }
  return [...byId.values()];
}

/** Everyone a ticket of the queue may be assigned to, by name; `queueMember` tells the queue's members from those who see every queue. */
export async function assigneesOf(db: DbOrTx, queue: { members: readonly number[] }): Promise<Assignee[]> {
  return (await activePeople(db))
    .filter((person) => mayBeAssigned(person, queue))
    .map((person) => ({ id: person.id, name: person.name, queueMember: queue.members.includes(person.id) }));
}

/**
 * The assignee named for a ticket of the queue, or why they cannot be (path `assigneeId`).
 * Without a queue (the one named does not exist) only that the user is active is checked.
 */
export async function checkAssignee(
  db: DbOrTx,
  userId: number,
  queue: { name: string; members: readonly number[] } | null,
): Promise<{ assignee: { id: number; name: string } } | { problem: ErrorDetail }> {
  const [person] = await activePeople(db, [userId]);
  if (!person) return { problem: { path: 'assigneeId', code: 'unknown_reference', message: 'No active user with this id' } };
  if (queue && !mayBeAssigned(person, queue)) {
    return {
      problem: {
        path: 'assigneeId',
        code: 'not_assignable',
        message: `${person.name} cannot see the tickets of the queue "${queue.name}": assign a member of the queue, an administrator or a service manager`,
      },
    };
  }
  return { assignee: { id: person.id, name: person.name } };
}

/**
 * Someone who may take over tickets at all, whatever their queues: an active user who works
 * tickets (an operator, technician, service manager or administrator), else why not (path `assigneeId`).
 */
export async function checkTicketWorker(db: DbOrTx, userId: number): Promise<{ assignee: { id: number; name: string } } | { problem: ErrorDetail }> {
  const [person] = await activePeople(db, [userId]);
  if (!person) return { problem: { path: 'assigneeId', code: 'unknown_reference', message: 'No active user with this id' } };
  if (ticketScopeOf({ userId: person.id, roles: person.roles }).kind === 'none') {
    return {
      problem: {
        path: 'assigneeId',
        code: 'not_assignable',
        message: `${person.name} does not work tickets: choose an operator, a technician, a service manager or an administrator`,
      },
    };
  }
  return { assignee: { id: person.id, name: person.name } };
}
