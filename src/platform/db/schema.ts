import type { Generated } from 'kysely';

import type { BillingTables } from './tables/billing.ts';
import type { CompanyTables } from './tables/company.ts';
import type { ContractsTables } from './tables/contracts.ts';
import type { ExportsTables } from './tables/exports.ts';
import type { HelpdeskTables } from './tables/helpdesk.ts';
import type { InvoicingTables } from './tables/invoicing.ts';
import type { MailTables } from './tables/mail.ts';
import type { NumberingTables } from './tables/numbering.ts';
import type { RatesTables } from './tables/rates.ts';
import type { RecordsTables } from './tables/records.ts';
import type { WarehouseTables } from './tables/warehouse.ts';

/**
 * Row types of every table, as stored. Instants are ISO-8601 UTC strings,
 * booleans 0/1, JSON as text. Repositories map rows to domain objects.
 */
export interface ClientsTable {
  id: Generated<number>;
  name: string;
  search_text: string;
  company_id: string | null;
  vat_id: string | null;
  /** Slovak DIČ (or another country's tax id), apart from the VAT id; migration 0027. */
  tax_id: string | null;
  country: string;
  registered_address: string | null;
  billing_address: string | null;
  email: string | null;
  phone: string | null;
  language: string;
  currency: string;
  payment_terms_days: number;
  notes: string | null;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
  sla_policy_id: Generated<number | null>;
  price_list_id: Generated<number | null>;
}

export interface ContactsTable {
  id: Generated<number>;
  client_id: number;
  name: string;
  email: string | null;
  phone: string | null;
  language: string;
  portal_access: number;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  search_text: string;
  language: string;
  password_hash: string | null;
  client_id: number | null;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface UserRolesTable {
  user_id: number;
  role: string;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  email: string;
  ip: string;
  at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  actor_token_id: number | null;
  actor_name: string | null;
  ip: string | null;
  entity: string;
  entity_id: string | null;
  action: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

/** Foundation tables here; each later area keeps its tables in tables/<area>.ts. */
export interface Database extends HelpdeskTables, MailTables, RecordsTables, BillingTables, ContractsTables, InvoicingTables, NumberingTables, WarehouseTables, ExportsTables, CompanyTables, RatesTables {
  clients: ClientsTable;
  contacts: ContactsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_failures: LoginFailuresTable;
  audit_log: AuditLogTable;
}
