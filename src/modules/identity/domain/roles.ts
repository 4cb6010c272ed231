/**
 * Roles and what each may do. This table is the single source of truth for
 * permissions; every module checks them through the policy functions in
 * policy.ts, for API, UI, CLI and portal alike.
 */
export const ROLES = ['admin', 'manager', 'operator', 'technician', 'accountant', 'client_contact'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'users.read',
  'users.manage',
  'clients.read',
  'clients.write',
  'audit.read',
  'tokens.own',
  'tickets.read',
  'tickets.write',
  /** Override the priority that impact × urgency gives. */
  'tickets.prioritize',
  'helpdesk.configure',
  'mail.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Field scope: which money figures a role may see anywhere in Kontor. */
export interface FieldScope {
  prices: boolean;
  costs: boolean;
  margins: boolean;
}

interface RoleDefinition {
  permissions: readonly Permission[];
  fieldScope: FieldScope;
}

const everyone: Permission[] = ['tokens.own'];

export const ROLE_DEFINITIONS: Readonly<Record<Role, RoleDefinition>> = {
  admin: {
    permissions: [...PERMISSIONS],
    fieldScope: { prices: true, costs: true, margins: true },
  },
  manager: {
    permissions: [...everyone, 'users.read', 'clients.read', 'clients.write', 'tickets.read', 'tickets.write', 'tickets.prioritize'],
    fieldScope: { prices: true, costs: true, margins: true },
  },
  operator: {
    permissions: [...everyone, 'clients.read', 'clients.write', 'tickets.read', 'tickets.write', 'tickets.prioritize'],
    fieldScope: { prices: true, costs: false, margins: false },
  },
  technician: {
    permissions: [...everyone, 'clients.read', 'tickets.read', 'tickets.write'],
    fieldScope: { prices: false, costs: false, margins: false },
  },
  accountant: {
    permissions: [...everyone, 'clients.read'],
    fieldScope: { prices: true, costs: true, margins: false },
  },
  client_contact: {
    // Sees only the own organisation: record scope in policy.ts narrows it.
    permissions: [...everyone, 'clients.read'],
    fieldScope: { prices: true, costs: false, margins: false },
  },
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
