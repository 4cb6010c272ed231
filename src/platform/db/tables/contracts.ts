import type { Generated } from 'kysely';

/** Tables of service contracts: see migrations/0010_contracts.ts. */

export interface ContractsTable {
  id: Generated<number>;
  client_id: number;
  number: string;
  name: string;
  currency: string;
  valid_from: string;
  valid_to: string | null;
  period_kind: string;
  price_list_id: number | null;
  fee_minor: number | null;
  fee_vat_rate_bp: number;
  fee_timing: string;
  fee_prorate: number;
  scope_json: string;
  prepaid_minutes: number;
  carry_over_json: string;
  multipliers_json: string;
  overage_json: string;
  own_invoice: number;
  alert_client: number;
  sla_policy_id: number | null;
  note: string;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
  /** When the terms billing computes with last changed (migrations/0021); null before it. */
  terms_changed_at: string | null;
}

export interface PrepaidLedgerTable {
  id: Generated<number>;
  contract_id: number;
  period: string;
  opening_carried: number;
  allocated: number;
  consumed: number;
  carried_out: number;
  lapsed: number;
  lots_json: string;
  final: number;
  invoice_id: number | null;
  run_id: number | null;
  updated_at: string;
}

export interface ContractAlertsTable {
  contract_id: number;
  period: string;
  threshold_pct: number;
  sent_at: string;
  /** 1: the threshold's own mail was queued; 0: not (a higher one was mailed instead, or nobody to mail); null: before 0021. */
  mailed: number | null;
}

export interface ContractsTables {
  contracts: ContractsTable;
  prepaid_ledger: PrepaidLedgerTable;
  contract_alerts: ContractAlertsTable;
}
