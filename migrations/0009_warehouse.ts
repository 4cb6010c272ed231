import type { Kysely } from 'kysely';
import { idType, withId } from './lib.ts';

/**
 * The warehouse: items (with serial-number tracking), warehouses (the main store
 * and technicians' vans) and who may use them, stock documents (receipts,
 * transfers, issue slips for tickets, returns, stock counts) with their lines,
 * the append-only movement ledger, and the maintained balance per warehouse and
 * item (quantity and value at weighted-average cost) that issuing decrements with
 * a conditional UPDATE, so stock never goes below zero.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ref = idType(db);
  const stamps = <T extends { addColumn: any }>(t: T): T =>
    t.addColumn('created_at', 'text', (c: any) => c.notNull()).addColumn('updated_at', 'text', (c: any) => c.notNull());

  await stamps(
    withId(db, db.schema.createTable('items'))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      // code, name and EAN folded (lower case, no diacritics) for search
      .addColumn('search_text', 'text', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('ean', 'text')
      .addColumn('vat_category', 'text', (c) => c.notNull().defaultTo('standard'))
      // the item's own sale price, used when the price list has none; null = none
      .addColumn('sale_price_minor', 'integer')
      .addColumn('serial_tracking', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();

  await stamps(
    withId(db, db.schema.createTable('warehouses'))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      // store / van
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('owner_user_id', ref, (c) => c.references('users.id'))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();

  // Who may use a warehouse besides its owner (managers and administrators may use all).
  await db.schema
    .createTable('warehouse_users')
    .addColumn('warehouse_id', ref, (c) => c.notNull().references('warehouses.id'))
    .addColumn('user_id', ref, (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('warehouse_users_pk', ['warehouse_id', 'user_id'])
    .execute();
  await db.schema.createIndex('warehouse_users_user').on('warehouse_users').columns(['user_id']).execute();

  await db.schema
    .createTable('warehouse_user_defaults')
    .addColumn('user_id', ref, (c) => c.primaryKey().references('users.id'))
    .addColumn('warehouse_id', ref, (c) => c.notNull().references('warehouses.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // The maintained balance: every confirmed movement updates it in the same transaction.
  await db.schema
    .createTable('stock_balances')
    .addColumn('warehouse_id', ref, (c) => c.notNull().references('warehouses.id'))
    .addColumn('item_id', ref, (c) => c.notNull().references('items.id'))
    .addColumn('quantity_milli', 'bigint', (c) => c.notNull().defaultTo(0))
    // stock value at weighted-average cost; average cost = value / quantity
    .addColumn('value_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('minimum_milli', 'bigint')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stock_balances_pk', ['warehouse_id', 'item_id'])
    .execute();
  await db.schema.createIndex('stock_balances_item').on('stock_balances').columns(['item_id']).execute();

  await stamps(
    withId(db, db.schema.createTable('stock_documents'))
      // receipt / transfer / issue / return / count
      .addColumn('kind', 'text', (c) => c.notNull())
      // draft / confirmed
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('number', 'text')
      .addColumn('number_year', 'integer')
      .addColumn('number_sequence', 'integer')
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('warehouse_id', ref, (c) => c.notNull().references('warehouses.id'))
      .addColumn('target_warehouse_id', ref, (c) => c.references('warehouses.id'))
      .addColumn('ticket_id', ref, (c) => c.references('tickets.id'))
      .addColumn('client_id', ref, (c) => c.references('clients.id'))
      .addColumn('supplier', 'text')
      .addColumn('supplier_document_number', 'text')
      .addColumn('returns_document_id', ref, (c) => c.references('stock_documents.id'))
      .addColumn('reason', 'text')
      .addColumn('note', 'text')
      .addColumn('created_by', ref, (c) => c.references('users.id'))
      .addColumn('confirmed_by', ref, (c) => c.references('users.id'))
      .addColumn('confirmed_at', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addUniqueConstraint('stock_documents_number', ['kind', 'number']),
  ).execute();
  for (const [name, cols] of [
    ['stock_documents_kind_date', ['kind', 'date', 'id']],
    ['stock_documents_ticket', ['ticket_id', 'id']],
    ['stock_documents_warehouse', ['warehouse_id', 'date', 'id']],
    ['stock_documents_returns', ['returns_document_id']],
  ] as const) {
    await db.schema.createIndex(name).on('stock_documents').columns([...cols]).execute();
  }

  await withId(db, db.schema.createTable('stock_document_lines'))
    .addColumn('document_id', ref, (c) => c.notNull().references('stock_documents.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('item_id', ref, (c) => c.notNull().references('items.id'))
    // counts: the quantity found; every other kind: the quantity moved (> 0)
    .addColumn('quantity_milli', 'bigint', (c) => c.notNull())
    // receipts: purchase price per unit; counts: the unit cost of stock found where none was
    .addColumn('unit_price_minor', 'bigint')
    // set on confirm: the value moved (at weighted-average cost, or the receipt's price)
    .addColumn('cost_minor', 'bigint')
    .addColumn('serials_json', 'text', (c) => c.notNull().defaultTo('[]'))
    // issue slips and returns: the material record on the ticket
    .addColumn('record_id', ref, (c) => c.references('records.id'))
    .execute();
  await db.schema.createIndex('stock_document_lines_document').on('stock_document_lines').columns(['document_id', 'position']).execute();

  // Append-only: one row per warehouse and item a confirmed document moved, with the balance after it.
  await withId(db, db.schema.createTable('stock_movements'))
    .addColumn('warehouse_id', ref, (c) => c.notNull().references('warehouses.id'))
    .addColumn('item_id', ref, (c) => c.notNull().references('items.id'))
    .addColumn('document_id', ref, (c) => c.notNull().references('stock_documents.id'))
    .addColumn('line_id', ref, (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('quantity_milli', 'bigint', (c) => c.notNull())
    .addColumn('value_minor', 'bigint', (c) => c.notNull())
    .addColumn('balance_milli', 'bigint', (c) => c.notNull())
    .addColumn('balance_value_minor', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stock_movements_item_warehouse').on('stock_movements').columns(['item_id', 'warehouse_id', 'id']).execute();

  // Where each tracked serial number is now (warehouse null: issued to a client).
  await db.schema
    .createTable('stock_serials')
    .addColumn('item_id', ref, (c) => c.notNull().references('items.id'))
    .addColumn('serial', 'text', (c) => c.notNull())
    .addColumn('warehouse_id', ref, (c) => c.references('warehouses.id'))
    .addColumn('document_id', ref, (c) => c.notNull().references('stock_documents.id'))
    .addPrimaryKeyConstraint('stock_serials_pk', ['item_id', 'serial'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['stock_serials', 'stock_movements', 'stock_document_lines', 'stock_documents', 'stock_balances', 'warehouse_user_defaults', 'warehouse_users', 'warehouses', 'items']) {
    await db.schema.dropTable(t).execute();
  }
}
