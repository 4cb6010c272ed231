// What the home page offers whom: staff get the working shortcuts, a client contact
// (who has no staff screens and no portal yet) gets their organisation and account.

import { BELOW_MINIMUM_PATH } from '../warehouse/model';

export type ShortcutKey = 'clients' | 'approvals' | 'stock' | 'invoices' | 'exports' | 'organisation' | 'users' | 'audit' | 'tokens' | 'password';

export interface Shortcut {
  key: ShortcutKey;
  to: string;
  permission?: string;
}

export interface Home {
  audience: 'staff' | 'client';
  /** Text keys under dashboard.* said below the greeting / at the foot of the page. */
  intro: string | null;
  note: string;
  shortcuts: Shortcut[];
}

// The day's work first (an accountant without tickets has no counts above the cards),
// then administration and the own account.
const STAFF: Shortcut[] = [
  { key: 'clients', to: '/clients', permission: 'clients.read' },
  { key: 'approvals', to: '/approvals', permission: 'records.approve' },
  // What is below its minimum: straight to the stock table filtered so.
  { key: 'stock', to: BELOW_MINIMUM_PATH, permission: 'warehouse.read' },
  { key: 'invoices', to: '/invoices', permission: 'invoices.read' },
  { key: 'exports', to: '/exports', permission: 'exports.run' },
  { key: 'users', to: '/admin/users', permission: 'users.read' },
  { key: 'audit', to: '/admin/audit', permission: 'audit.read' },
  { key: 'tokens', to: '/account/tokens', permission: 'tokens.own' },
  { key: 'password', to: '/account/password' },
];

/** A client contact's own organisation: its page, straight (the client list forwards there too, should the id be missing). */
export function organisationPath(clientId: number | null): string {
  return clientId === null ? '/clients' : `/clients/${clientId}`;
}

const clientShortcuts = (clientId: number | null): Shortcut[] => [
  { key: 'organisation', to: organisationPath(clientId), permission: 'clients.read' },
  { key: 'password', to: '/account/password' },
];

/** A user whose only role is client contact: no staff screens, and the client portal is not built yet. */
export function isClientContactOnly(roles: readonly string[]): boolean {
  return roles.length > 0 && roles.every((r) => r === 'client_contact');
}

/** A client contact sees the client home (their organisation by the session's clientId); anyone with a staff role, the staff home. */
export function homeOf(roles: readonly string[], can: (permission: string) => boolean, clientId: number | null = null): Home {
  const client = isClientContactOnly(roles);
  const shortcuts = (client ? clientShortcuts(clientId) : STAFF).filter((s) => !s.permission || can(s.permission));
  return client
    ? { audience: 'client', intro: 'dashboard.clientIntro', note: 'dashboard.clientPortalNote', shortcuts }
    : { audience: 'staff', intro: null, note: 'dashboard.portalNote', shortcuts };
}
