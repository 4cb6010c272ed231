import type { Generated } from 'kysely';

/** Tables of billing runs and invoices: see migrations/0011_billing.ts. */

export type BillingRunState = 'running' | 'completed' | 'failed';

export interface BillingRunsTable {
  id: Generated<number>;
  period: string;
  state: BillingRunState;
  started_by: number | null;
  started_at: string;
  heartbeat_at: string;
  finished_at: string | null;
  progress_done: Generated<number>;
  progress_total: Generated<number>;
  summary_json: string | null;
  error: string | null;
}

export type InvoiceKind = 'invoice' | 'credit_note';
export type InvoiceState = 'draft' | 'issued' | 'sent' | 'paid' | 'credited';

export interface InvoicesTable {
  id: Generated<number>;
  kind: InvoiceKind;
  state: InvoiceState;
  run_id: number | null;
  period: string | null;
  client_id: number;
  contract_id: number | null;
  currency: string;
  language: string;
  number: string | null;
  number_year: number | null;
  number_sequence: number | null;
  variable_symbol: string | null;
  issue_date: string | null;
  taxable_supply_date: string | null;
  due_date: string | null;
  payment_terms_days: number;
  reverse_charge: Generated<number>;
  round_total: Generated<number>;
  net_minor: Generated<number>;
  vat_minor: Generated<number>;
  rounding_minor: Generated<number>;
  total_minor: Generated<number>;
  paid_minor: Generated<number>;
  vat_recap_json: Generated<string>;
  corrects_invoice_id: number | null;
  credit_reason: string | null;
  releases_records: Generated<number>;
  supplier_json: string | null;
  customer_json: string | null;
  note: Generated<string>;
  /** null, or a JSON array of the reasons this draft cannot be issued */
  blocked_json: string | null;
  visible: Generated<number>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  issued_at: string | null;
  issued_by: number | null;
  /** Foreign-currency invoices with VAT: units of the supplier's currency per one unit of the invoice's, exact decimal text fixed at issue (e.g. '24.335'). */
  exchange_rate: string | null;
  /** The day that rate is of ('YYYY-MM-DD'). */
  exchange_rate_date: string | null;
}

export type InvoiceLineKind = 'work' | 'travel' | 'unit_fee' | 'item' | 'contract_fee' | 'overage' | 'manual';

export interface InvoiceLinesTable {
  id: Generated<number>;
  invoice_id: number;
  position: number;
  kind: InvoiceLineKind;
  description: string;
  quantity_milli: number;
  unit: string;
  unit_price_minor: number;
  net_minor: number;
  vat_rate_bp: number;
  group_key: Generated<string>;
  fee_period: string | null;
}

export type InvoiceRecordOutcome = 'covered' | 'partly_covered' | 'billed';

export interface InvoiceRecordsTable {
  invoice_id: number;
  record_id: number;
  line_id: number | null;
  outcome: InvoiceRecordOutcome;
  covered_minutes: Generated<number>;
  billed_minutes: Generated<number>;
  amount_minor: Generated<number>;
  late: Generated<number>;
}

/** Written when an invoice is issued (only then): each contract fee period is billed once. */
export interface InvoiceFeePeriodsTable {
  contract_id: number;
  fee_period: string;
  invoice_id: number;
}

export interface BillingExclusionsTable {
  record_id: number;
  period: string;
  invoice_id: number | null;
  note: string;
  excluded_by: number | null;
  excluded_at: string;
}

export interface BillingTables {
  billing_runs: BillingRunsTable;
  invoices: InvoicesTable;
  invoice_lines: InvoiceLinesTable;
  invoice_records: InvoiceRecordsTable;
  invoice_fee_periods: InvoiceFeePeriodsTable;
  billing_exclusions: BillingExclusionsTable;
}
