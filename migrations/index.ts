import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_helpdesk.ts';
import * as m0003 from './0003_mail.ts';
import * as m0004 from './0004_sla_watch.ts';
import * as m0005 from './0005_ticket_indexes.ts';
import * as m0006 from './0006_pricing_records.ts';
import * as m0007 from './0007_records_indexes.ts';
import * as m0008 from './0008_numbering.ts';
import * as m0009 from './0009_warehouse.ts';
import * as m0010 from './0010_contracts.ts';
import * as m0011 from './0011_billing.ts';
import * as m0012 from './0012_invoicing.ts';
import * as m0013 from './0013_company.ts';
import * as m0014 from './0014_exports.ts';
import * as m0015 from './0015_records_cost_currency.ts';
import * as m0016 from './0016_pricing_config_version.ts';
import * as m0017 from './0017_invoice_exchange_rate.ts';
import * as m0018 from './0018_records_drop_technician_index.ts';
import * as m0019 from './0019_records_return_reason.ts';
import * as m0020 from './0020_invoices_variable_symbol.ts';
import * as m0021 from './0021_contract_terms_changed_and_alert_mails.ts';
import * as m0022 from './0022_money_columns_bigint.ts';
import * as m0023 from './0023_audit_chain_head_function.ts';
import * as m0024 from './0024_search_terms.ts';
import * as m0025 from './0025_sla_versions.ts';
import * as m0026 from './0026_ticket_row_rev.ts';
import * as m0027 from './0027_client_tax_id.ts';
import * as m0028 from './0028_records_timesheet_km.ts';
import * as m0029 from './0029_slip_issue_snapshot.ts';
import * as m0030 from './0030_slip_cost_currency_and_vat_country.ts';
import * as m0031 from './0031_payment_reversals.ts';
import * as m0032 from './0032_exchange_rates.ts';
import * as m0033 from './0033_names_per_language.ts';
import * as m0034 from './0034_stock_below_minimum_index.ts';

/** Every migration in order. Append only; never edit one that has shipped. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_helpdesk': m0002,
  '0003_mail': m0003,
  '0004_sla_watch': m0004,
  '0005_ticket_indexes': m0005,
  '0006_pricing_records': m0006,
  '0007_records_indexes': m0007,
  '0008_numbering': m0008,
  '0009_warehouse': m0009,
  '0010_contracts': m0010,
  '0011_billing': m0011,
  '0012_invoicing': m0012,
  '0013_company': m0013,
  '0014_exports': m0014,
  '0015_records_cost_currency': m0015,
  '0016_pricing_config_version': m0016,
  '0017_invoice_exchange_rate': m0017,
  '0018_records_drop_technician_index': m0018,
  '0019_records_return_reason': m0019,
  '0020_invoices_variable_symbol': m0020,
  '0021_contract_terms_changed_and_alert_mails': m0021,
  '0022_money_columns_bigint': m0022,
  '0023_audit_chain_head_function': m0023,
  '0024_search_terms': m0024,
  '0025_sla_versions': m0025,
  '0026_ticket_row_rev': m0026,
  '0027_client_tax_id': m0027,
  '0028_records_timesheet_km': m0028,
  '0029_slip_issue_snapshot': m0029,
  '0030_slip_cost_currency_and_vat_country': m0030,
  '0031_payment_reversals': m0031,
  '0032_exchange_rates': m0032,
  '0033_names_per_language': m0033,
  '0034_stock_below_minimum_index': m0034,
};
