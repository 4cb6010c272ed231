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
  /** Read what the provider keeps about a client for itself (its internal notes); staff only, never a client contact. */
  'clients.read_internal',
  'audit.read',
  'tokens.own',
  'tickets.read',
  'tickets.write',
  /** Override the priority that impact × urgency gives. */
  'tickets.prioritize',
  /** Share saved ticket views with everyone, and change or delete shared ones. */
  'tickets.share_views',
  'helpdesk.configure',
  'mail.manage',
  /** Read price lists, rates and the pricing catalogue; costs also need the `costs` field scope. */
  'pricing.read',
  /** Change the pricing catalogue, price lists, cost rates and clients' price lists. */
  'pricing.manage',
  /** Log one's own service records (work, travel, unit fees) and run a timer. */
  'records.write',
  /** Approve or return records, and log or change records of other technicians. */
  'records.approve',
  /** Override the time class that pricing derives from a record's start time. */
  'records.override_time_class',
  /** Change or delete a record that is already approved (never a billed one). */
  'records.edit_approved',
  /** Read items, warehouses, stock levels, the movement ledger and stock documents. */
  'warehouse.read',
  /** Manage items, warehouses, minimum levels and who may use which warehouse. */
  'warehouse.manage',
  /** Receive stock, transfer between warehouses, count stock (adjustments). */
  'stock.receive',
  /** Issue material to tickets from the warehouses one may use, and return it. */
  'stock.issue',
  /** Define numbering series (patterns per document type) for invoices, credit notes and stock documents. */
  'numbering.manage',
  /** Read contracts, their prepaid ledger and consumption. */
  'contracts.read',
  /** Create and change contracts. */
  'contracts.manage',
  /** Change which contract a ticket (and its unbilled records) falls under, for tickets in one's scope. */
  'tickets.set_contract',
  /** Start billing runs and review and adjust their drafts. */
  'billing.run',
  /** Issue drafts as invoices (gap-free numbers, records locked). */
  'billing.issue',
  /** Read invoices, credit notes and work reports. */
  'invoices.read',
  /** Record payments and mark invoices sent. */
  'invoices.payments',
  /** Issue credit notes against issued invoices. */
  'invoices.credit',
  /** Profitability per contract, client, technician and work type; also needs the `margins` field scope. */
  'profitability.read',
  /** Company settings: supplier identity, bank account, logo and document footer. */
  'settings.manage',
  /** Read the daily exchange-rate list (and the rate it suggests when issuing in a foreign currency). */
  'rates.read',
  /** Enter rates by hand and import or fetch the ČNB's daily rates. */
  'rates.manage',
  /** Export issued documents to accounting programs (ISDOC, POHODA, UBL, CSV) and see export batches. */
  'exports.run',
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
    permissions: [...everyone, 'users.read', 'clients.read', 'clients.write', 'clients.read_internal', 'tickets.read', 'tickets.write', 'tickets.prioritize', 'tickets.share_views', 'pricing.read', 'pricing.manage',
      'records.write', 'records.approve', 'records.override_time_class', 'records.edit_approved',
      'warehouse.read', 'warehouse.manage', 'stock.receive', 'stock.issue',
      'contracts.read', 'contracts.manage', 'tickets.set_contract', 'billing.run', 'billing.issue', 'invoices.read', 'invoices.payments', 'invoices.credit', 'profitability.read', 'rates.read', 'rates.manage'],
    fieldScope: { prices: true, costs: true, margins: true },
  },
  operator: {
    permissions: [...everyone, 'clients.read', 'clients.write', 'clients.read_internal', 'tickets.read', 'tickets.write', 'tickets.prioritize', 'pricing.read', 'records.write',
      'warehouse.read', 'stock.receive', 'stock.issue', 'contracts.read', 'tickets.set_contract'],
    fieldScope: { prices: true, costs: false, margins: false },
  },
  technician: {
    permissions: [...everyone, 'clients.read', 'clients.read_internal', 'tickets.read', 'tickets.write', 'records.write', 'warehouse.read', 'stock.issue'],
    // Technicians see what their work is billed at (they explain it to clients on site), never costs or margins.
    fieldScope: { prices: true, costs: false, margins: false },
  },
  accountant: {
    permissions: [...everyone, 'clients.read', 'clients.read_internal', 'pricing.read', 'warehouse.read', 'contracts.read', 'invoices.read', 'invoices.payments', 'invoices.credit', 'exports.run', 'rates.read', 'rates.manage'],
    fieldScope: { prices: true, costs: true, margins: false },
  },
  client_contact: {
    // Sees only the own organisation (record scope in policy.ts narrows it), and not what the
    // provider keeps about it for itself (no clients.read_internal).
    permissions: [...everyone, 'clients.read'],
    fieldScope: { prices: true, costs: false, margins: false },
  },
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
