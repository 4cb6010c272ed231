import type { Generated } from 'kysely';

/** Tables of pricing and service records: see migrations/0006_pricing_records.ts. */

interface Stamps {
  created_at: string;
  updated_at: string;
}

export interface VatRatesTable {
  id: Generated<number>;
  country: string;
  category: string;
  rate_bp: number;
  valid_from: string;
  valid_to: string | null;
}

export interface WorkTypesTable extends Stamps {
  id: Generated<number>;
  code: string;
  name: string;
  /** The name on documents in that language (migration 0033); null prints `name`. */
  name_cs: string | null;
  name_sk: string | null;
  name_en: string | null;
  vat_category: Generated<string>;
  billable_default: Generated<number>;
  minimum_minutes: Generated<number>;
  active: Generated<number>;
}

export interface TechnicianLevelsTable extends Stamps {
  id: Generated<number>;
  code: string;
  name: string;
  active: Generated<number>;
}

export interface UnitFeesTable extends Stamps {
  id: Generated<number>;
  code: string;
  name: string;
  unit: string;
  vat_category: Generated<string>;
  active: Generated<number>;
}

export interface TravelZonesTable extends Stamps {
  id: Generated<number>;
  code: string;
  name: string;
  active: Generated<number>;
}

export interface TechnicianSettingsTable {
  user_id: number;
  level_id: number | null;
  auto_approve: Generated<number>;
  updated_at: string;
}

export interface CostRatesTable {
  id: Generated<number>;
  user_id: number | null;
  /** hourly (per technician) / per_km (user_id null) */
  kind: string;
  amount_minor: number;
  currency: string;
  valid_from: string;
  created_at: string;
}

export interface PriceListsTable extends Stamps {
  id: Generated<number>;
  name: string;
  currency: string;
  is_default: Generated<number>;
  active: Generated<number>;
  version: Generated<number>;
}

export interface PriceListVersionsTable extends Stamps {
  id: Generated<number>;
  price_list_id: number;
  valid_from: string;
  terms_json: string;
}

export type RecordKind = 'work' | 'travel' | 'fee' | 'material';
export type RecordState = 'draft' | 'submitted' | 'approved' | 'billed';

export interface RecordsTable extends Stamps {
  id: Generated<number>;
  kind: RecordKind;
  ticket_id: number;
  client_id: number;
  contract_id: number | null;
  technician_id: number;
  date: string;
  start_time: string | null;
  minutes: Generated<number>;
  work_type_id: number | null;
  time_class: string | null;
  time_class_overridden: Generated<number>;
  km_milli: number | null;
  zone_id: number | null;
  vehicle: string | null;
  fee_id: number | null;
  item_id: number | null;
  quantity_milli: number | null;
  billable: number;
  description: Generated<string>;
  internal_note: Generated<string>;
  state: RecordState;
  approved_by: number | null;
  approved_at: string | null;
  billed_invoice_id: number | null;
  price_list_id: number | null;
  price_valid_from: string | null;
  currency: string | null;
  billable_minutes: number | null;
  amount_minor: number | null;
  cost_minor: number | null;
  vat_category: string | null;
  price_error: string | null;
  pricing_json: string | null;
  /** Currency of cost_minor (also in pricing_json); a column so that timesheet sums read the index alone. */
  cost_currency: Generated<string | null>;
  dimensions_json: Generated<string>;
  /** Why an approver returned the record to draft; cleared when it is changed or submitted again (0019). */
  return_reason: Generated<string | null>;
  created_by: number | null;
  version: Generated<number>;
}

export interface TimersTable {
  user_id: number;
  ticket_id: number;
  work_type_id: number | null;
  description: Generated<string>;
  started_at: string;
}

export interface RecordsTables {
  vat_rates: VatRatesTable;
  work_types: WorkTypesTable;
  technician_levels: TechnicianLevelsTable;
  unit_fees: UnitFeesTable;
  travel_zones: TravelZonesTable;
  technician_settings: TechnicianSettingsTable;
  cost_rates: CostRatesTable;
  price_lists: PriceListsTable;
  price_list_versions: PriceListVersionsTable;
  records: RecordsTable;
  timers: TimersTable;
}
