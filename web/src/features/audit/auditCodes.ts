// The codes the server writes into the audit log (entity, action, system actor), so
// that the log and its filters show words in the user's language instead of codes.
// test/audit-texts.test.ts checks that every code the server writes is listed here
// and has a text in cs, sk and en.

/** audit.entities.<code> */
export const AUDIT_ENTITIES = [
  'api_token', 'billing_run', 'calendar', 'category', 'client', 'company_settings', 'contact', 'contract', 'cost_rate',
  'custom_field', 'dimension', 'dimension_value', 'exchange_rate', 'export_batch', 'helpdesk_config', 'invoice', 'item', 'mail',
  'mail_template', 'numbering_series', 'price_list', 'price_list_version', 'pricing_config', 'queue', 'record',
  'saved_view', 'session', 'setting', 'sla_policy', 'stock_document', 'stock_minimum', 'team', 'technician_level',
  'technician_settings', 'ticket', 'ticket_type', 'timer', 'travel_zone', 'unit_fee', 'user', 'vat_rate', 'warehouse',
  'work_type',
] as const;

/** audit.actions.<code>; a dotted code (draft.change_line) is a nested text. */
export const AUDIT_ACTIONS = [
  'approve', 'attach', 'change', 'complete', 'confirm', 'copy', 'create', 'create_confirm', 'credit', 'deactivate',
  'default_warehouse', 'delete', 'discard', 'draft.add_line', 'draft.change_line', 'draft.delete_line', 'draft.exclude_record', 'email', 'escalate', 'issue',
  'import', 'issue_credit_note', 'link', 'logo_delete', 'logo_upload', 'mark_sent', 'note', 'password_changed', 'password_reset',
  'payment', 'prepaid_alert', 'reactivate', 'refund', 'replace_process', 'reply', 'reset', 'retry', 'return', 'reverse_payment', 'revoke', 'seed',
  'set_contract', 'set_price_list', 'set_sla_policy', 'sign_in', 'sign_in_failed', 'sign_out', 'sla_breach',
  'sla_warning', 'start', 'stop', 'submit', 'transition', 'unlink', 'update', 'update_own_profile',
] as const;

/** The names background jobs sign their entries with (no user behind them) → audit.systemActors.<key>. */
export const SYSTEM_ACTORS: Record<string, string> = {
  'system (CLI)': 'cli',
  'system (seed)': 'seed',
  'system (SLA watcher)': 'slaWatcher',
  'system (prepaid alerts)': 'prepaidAlerts',
};

export interface CodeOption {
  value: string;
  label: string;
}

/**
 * Options for a filter: every known code with its text, sorted by the text in the
 * user's language; a chosen code the list does not know (typed into the address)
 * stays selectable under its own name.
 */
export function codeOptions(codes: readonly string[], label: (code: string) => string, chosen = '', locale = 'cs'): CodeOption[] {
  const options = codes.map((value) => ({ value, label: label(value) }));
  if (chosen && !codes.includes(chosen)) options.push({ value: chosen, label: chosen });
  return options.sort((a, b) => a.label.localeCompare(b.label, locale));
}
