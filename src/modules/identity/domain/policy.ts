import type { Language } from '../../../shared/language.ts';
import { ROLE_DEFINITIONS, type FieldScope, type Permission, type Role } from './roles.ts';

/** Who is acting: a signed-in user (session) or an API token of a user. */
export interface Actor {
  userId: number;
  name: string;
  roles: readonly Role[];
  /** Set for client contacts: the organisation they belong to. */
  clientId: number | null;
  tokenId: number | null;
  /** The user's language (the UI's): what the API words for this user (a price's explanation) is worded in; none (the system): English. */
  language?: Language;
}

export function permissionsOf(roles: readonly Role[]): Permission[] {
  const set = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_DEFINITIONS[role].permissions) set.add(p);
  return [...set].sort();
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.roles.some((role) => ROLE_DEFINITIONS[role].permissions.includes(permission));
}

export function fieldScopeOf(roles: readonly Role[]): FieldScope {
  const scope: FieldScope = { prices: false, costs: false, margins: false };
  for (const role of roles) {
    const s = ROLE_DEFINITIONS[role].fieldScope;
    scope.prices ||= s.prices;
    scope.costs ||= s.costs;
    scope.margins ||= s.margins;
  }
  return scope;
}

/**
 * Record scope over clients. Staff see every client; a user who is only a
 * client contact sees the own organisation and nothing else. Records outside
 * the scope answer "not found", never "forbidden", so their existence leaks not.
 */
export type ClientScope = { kind: 'all' } | { kind: 'only'; clientIds: readonly number[] };

export function clientScopeOf(actor: Pick<Actor, 'roles' | 'clientId'>): ClientScope {
  const staff = actor.roles.some((r) => r !== 'client_contact');
  if (staff) return { kind: 'all' };
  return { kind: 'only', clientIds: actor.clientId === null ? [] : [actor.clientId] };
}

/** The organisation a user who is only a client contact acts for (their client scope); null for staff, who see every client. */
export function ownClientOf(user: Pick<Actor, 'roles' | 'clientId'>): number | null {
  const scope = clientScopeOf(user);
  return scope.kind === 'only' ? (scope.clientIds[0] ?? null) : null;
}

export function canSeeClient(actor: Actor, clientId: number): boolean {
  const scope = clientScopeOf(actor);
  return scope.kind === 'all' || scope.clientIds.includes(clientId);
}

/**
 * Record scope over tickets: administrators and service managers see every
 * ticket; operators and technicians the tickets of the queues they belong to;
 * others none (client contacts will see their own through the portal).
 */
export type TicketScope = { kind: 'all' } | { kind: 'member_queues'; userId: number } | { kind: 'none' };

/** Of the one acting, or of any user by their id and roles (whom a ticket may be assigned to). */
export function ticketScopeOf(actor: Pick<Actor, 'userId' | 'roles'>): TicketScope {
  if (actor.roles.some((r) => r === 'admin' || r === 'manager')) return { kind: 'all' };
  if (actor.roles.some((r) => r === 'operator' || r === 'technician')) return { kind: 'member_queues', userId: actor.userId };
  return { kind: 'none' };
}
