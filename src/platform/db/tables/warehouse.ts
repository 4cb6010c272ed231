import type { Generated } from 'kysely';

/** Tables of the warehouse: see migrations/0009_warehouse.ts. */

interface Stamps {
  created_at: string;
  updated_at: string;
}

export interface ItemsTable extends Stamps {
  id: Generated<number>;
  code: string;
  name: string;
  search_text: string;
  unit: string;
  ean: string | null;
  vat_category: Generated<string>;
  /** In the provider's currency (as stock is valued); only a price list in that currency falls back to it. */
  sale_price_minor: number | null;
  serial_tracking: Generated<number>;
  active: Generated<number>;
  version: Generated<number>;
}

export type WarehouseKind = 'store' | 'van';

export interface WarehousesTable extends Stamps {
  id: Generated<number>;
  code: string;
  name: string;
  kind: WarehouseKind;
  owner_user_id: number | null;
  active: Generated<number>;
  version: Generated<number>;
}

export interface WarehouseUsersTable {
  warehouse_id: number;
  user_id: number;
}

export interface WarehouseUserDefaultsTable {
  user_id: number;
  warehouse_id: number;
  updated_at: string;
}

export interface StockBalancesTable {
  warehouse_id: number;
  item_id: number;
  quantity_milli: Generated<number>;
  value_minor: Generated<number>;
  minimum_milli: number | null;
  updated_at: string;
}

export type StockDocumentKind = 'receipt' | 'transfer' | 'issue' | 'return' | 'count';
export type StockDocumentState = 'draft' | 'confirmed';

export interface StockDocumentsTable extends Stamps {
  id: Generated<number>;
  kind: StockDocumentKind;
  state: StockDocumentState;
  number: string | null;
  number_year: number | null;
  number_sequence: number | null;
  date: string;
  warehouse_id: number;
  target_warehouse_id: number | null;
  ticket_id: number | null;
  client_id: number | null;
  supplier: string | null;
  supplier_document_number: string | null;
  returns_document_id: number | null;
  reason: string | null;
  note: string | null;
  created_by: number | null;
  confirmed_by: number | null;
  confirmed_at: string | null;
  version: Generated<number>;
  /** Issue slips and returns: the currency they were issued in, set on confirm (migration 0029); null otherwise. */
  currency: string | null;
  /** Issue slips and returns: the currency their costs are kept in (their material records' cost currency), set on confirm (migration 0030); null otherwise. */
  cost_currency: string | null;
  /** Issue slips and returns: the country whose VAT rates their lines carry (the provider's at confirmation), set on confirm (migration 0030); null otherwise. */
  vat_country: string | null;
}

export interface StockDocumentLinesTable {
  id: Generated<number>;
  document_id: number;
  position: number;
  item_id: number;
  quantity_milli: number;
  unit_price_minor: number | null;
  cost_minor: number | null;
  serials_json: Generated<string>;
  record_id: number | null;
  /** Issue slips and returns: the VAT rate the line was issued with, set on confirm (migration 0029); null otherwise. */
  vat_rate_bp: number | null;
}

export interface StockMovementsTable {
  id: Generated<number>;
  warehouse_id: number;
  item_id: number;
  document_id: number;
  line_id: number;
  date: string;
  quantity_milli: number;
  value_minor: number;
  balance_milli: number;
  balance_value_minor: number;
  created_at: string;
}

export interface StockSerialsTable {
  item_id: number;
  serial: string;
  warehouse_id: number | null;
  document_id: number;
}

export interface WarehouseTables {
  items: ItemsTable;
  warehouses: WarehousesTable;
  warehouse_users: WarehouseUsersTable;
  warehouse_user_defaults: WarehouseUserDefaultsTable;
  stock_balances: StockBalancesTable;
  stock_documents: StockDocumentsTable;
  stock_document_lines: StockDocumentLinesTable;
  stock_movements: StockMovementsTable;
  stock_serials: StockSerialsTable;
}
