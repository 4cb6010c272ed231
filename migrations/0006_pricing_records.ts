import type { Kysely } from 'kysely';
import { idType, withId } from './lib.ts';

/**
 * Pricing and service records: the catalogue (VAT rates, work types, technician
 * levels, unit fees, travel zones), internal cost rates, price lists with dated
 * versions, and the records technicians log on tickets (work, travel, unit fees;
 * material joins with the warehouse), with their approval and priced amounts.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ref = idType(db);
  const stamps = <T extends { addColumn: any }>(t: T): T =>
    t.addColumn('created_at', 'text', (c: any) => c.notNull()).addColumn('updated_at', 'text', (c: any) => c.notNull());

  await withId(db, db.schema.createTable('vat_rates'))
    .addColumn('country', 'text', (c) => c.notNull())
    // standard / reduced / second_reduced / zero …: what a priced thing names, so a rate change does not rewrite it.
    .addColumn('category', 'text', (c) => c.notNull())
    // basis points: 2100 = 21 %
    .addColumn('rate_bp', 'integer', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addUniqueConstraint('vat_rates_country_category_from', ['country', 'category', 'valid_from'])
    .execute();

  await stamps(
    withId(db, db.schema.createTable('work_types'))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('vat_category', 'text', (c) => c.notNull().defaultTo('standard'))
      .addColumn('billable_default', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('minimum_minutes', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();

  await stamps(
    withId(db, db.schema.createTable('technician_levels'))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();

  await stamps(
    withId(db, db.schema.createTable('unit_fees'))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('vat_category', 'text', (c) => c.notNull().defaultTo('standard'))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();

  await stamps(
    withId(db, db.schema.createTable('travel_zones'))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();

  // Per technician: level, whether their records are approved on submit, and their default warehouse later.
  await db.schema
    .createTable('technician_settings')
    .addColumn('user_id', ref, (c) => c.primaryKey().references('users.id'))
    .addColumn('level_id', ref, (c) => c.references('technician_levels.id'))
    .addColumn('auto_approve', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('cost_rates'))
    // null user: the internal cost per km (one per date); else a technician's hourly cost.
    .addColumn('user_id', ref, (c) => c.references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cost_rates_lookup').on('cost_rates').columns(['kind', 'user_id', 'valid_from']).execute();

  await stamps(
    withId(db, db.schema.createTable('price_lists'))
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();
  await stamps(
    withId(db, db.schema.createTable('price_list_versions'))
      .addColumn('price_list_id', ref, (c) => c.notNull().references('price_lists.id'))
      .addColumn('valid_from', 'text', (c) => c.notNull())
      // The version's terms (rates, hours, surcharges, rounding, minimums, travel, fees, items) as validated JSON.
      .addColumn('terms_json', 'text', (c) => c.notNull())
      .addUniqueConstraint('price_list_versions_from', ['price_list_id', 'valid_from']),
  ).execute();
  await db.schema.alterTable('clients').addColumn('price_list_id', ref, (c) => c.references('price_lists.id')).execute();

  await stamps(
    withId(db, db.schema.createTable('records'))
      // work / travel / fee / material
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('ticket_id', ref, (c) => c.notNull().references('tickets.id'))
      .addColumn('client_id', ref, (c) => c.notNull().references('clients.id'))
      .addColumn('contract_id', ref)
      .addColumn('technician_id', ref, (c) => c.notNull().references('users.id'))
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('start_time', 'text')
      .addColumn('minutes', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('work_type_id', ref, (c) => c.references('work_types.id'))
      .addColumn('time_class', 'text')
      .addColumn('time_class_overridden', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('km_milli', 'integer')
      .addColumn('zone_id', ref, (c) => c.references('travel_zones.id'))
      .addColumn('vehicle', 'text')
      .addColumn('fee_id', ref, (c) => c.references('unit_fees.id'))
      .addColumn('item_id', ref)
      .addColumn('quantity_milli', 'integer')
      .addColumn('billable', 'integer', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('internal_note', 'text', (c) => c.notNull().defaultTo(''))
      // draft / submitted / approved / billed
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('approved_by', ref, (c) => c.references('users.id'))
      .addColumn('approved_at', 'text')
      .addColumn('billed_invoice_id', ref)
      // The price at the time of recording: list, version, amounts and why (or why not).
      .addColumn('price_list_id', ref, (c) => c.references('price_lists.id'))
      .addColumn('price_valid_from', 'text')
      .addColumn('currency', 'text')
      .addColumn('billable_minutes', 'integer')
      .addColumn('amount_minor', 'integer')
      .addColumn('cost_minor', 'integer')
      .addColumn('vat_category', 'text')
      .addColumn('price_error', 'text')
      .addColumn('pricing_json', 'text')
      .addColumn('dimensions_json', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('created_by', ref, (c) => c.references('users.id'))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute();
  for (const [name, cols] of [
    ['records_technician_date', ['technician_id', 'date', 'id']],
    ['records_ticket', ['ticket_id', 'date', 'id']],
    ['records_state_date', ['state', 'date', 'id']],
    ['records_client_date', ['client_id', 'date', 'id']],
  ] as const) {
    await db.schema.createIndex(name).on('records').columns([...cols]).execute();
  }

  // One running timer per technician: the primary key says so.
  await db.schema
    .createTable('timers')
    .addColumn('user_id', ref, (c) => c.primaryKey().references('users.id'))
    .addColumn('ticket_id', ref, (c) => c.notNull().references('tickets.id'))
    .addColumn('work_type_id', ref, (c) => c.references('work_types.id'))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('timers').execute();
  await db.schema.dropTable('records').execute();
  await db.schema.alterTable('clients').dropColumn('price_list_id').execute();
  for (const t of ['price_list_versions', 'price_lists', 'cost_rates', 'technician_settings', 'travel_zones', 'unit_fees', 'technician_levels', 'work_types', 'vat_rates']) {
    await db.schema.dropTable(t).execute();
  }
}
