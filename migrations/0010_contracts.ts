import { sql, type Kysely } from 'kysely';
import { idType, withId } from './lib.ts';

/**
 * Service contracts (BILLING.md §3): the terms of each contract, the link of a
 * ticket to its contract, the prepaid ledger period by period (written by
 * billing runs) and the prepaid-usage alerts sent (once per contract, period
 * and threshold).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ref = idType(db);

  await withId(db, db.schema.createTable('contracts'))
    .addColumn('client_id', ref, (c) => c.notNull().references('clients.id'))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    // month / quarter / year
    .addColumn('period_kind', 'text', (c) => c.notNull())
    .addColumn('price_list_id', ref, (c) => c.references('price_lists.id'))
    // null: no fee
    .addColumn('fee_minor', 'bigint')
    .addColumn('fee_vat_rate_bp', 'integer', (c) => c.notNull().defaultTo(0))
    // in_arrears / in_advance
    .addColumn('fee_timing', 'text', (c) => c.notNull().defaultTo('in_arrears'))
    .addColumn('fee_prorate', 'integer', (c) => c.notNull().defaultTo(1))
    // {workTypeIds:number[], coversTravel, unitFeeIds:number[]}
    .addColumn('scope_json', 'text', (c) => c.notNull())
    .addColumn('prepaid_minutes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('carry_over_json', 'text', (c) => c.notNull())
    .addColumn('multipliers_json', 'text', (c) => c.notNull())
    .addColumn('overage_json', 'text', (c) => c.notNull())
    .addColumn('own_invoice', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('alert_client', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sla_policy_id', ref, (c) => c.references('sla_policies.id'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contracts_client').on('contracts').columns(['client_id', 'active', 'valid_from']).execute();

  await db.schema.alterTable('tickets').addColumn('contract_id', ref, (c) => c.references('contracts.id')).execute();
  await db.schema.createIndex('tickets_contract').on('tickets').column('contract_id').execute();
  await db.schema.createIndex('records_contract_date').on('records').columns(['contract_id', 'date']).execute();

  await withId(db, db.schema.createTable('prepaid_ledger'))
    .addColumn('contract_id', ref, (c) => c.notNull().references('contracts.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('opening_carried', 'integer', (c) => c.notNull())
    .addColumn('allocated', 'integer', (c) => c.notNull())
    .addColumn('consumed', 'integer', (c) => c.notNull())
    .addColumn('carried_out', 'integer', (c) => c.notNull())
    .addColumn('lapsed', 'integer', (c) => c.notNull())
    // CarriedLot[] alive after the close
    .addColumn('lots_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('final', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('invoice_id', ref)
    .addColumn('run_id', ref)
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('prepaid_ledger_contract_period', ['contract_id', 'period'])
    .execute();

  await db.schema
    .createTable('contract_alerts')
    .addColumn('contract_id', ref, (c) => c.notNull().references('contracts.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    // 80 / 100
    .addColumn('threshold_pct', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contract_alerts_pk', ['contract_id', 'period', 'threshold_pct'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('contract_alerts').execute();
  await db.schema.dropTable('prepaid_ledger').execute();
  await sql`drop index records_contract_date`.execute(db);
  await sql`drop index tickets_contract`.execute(db);
  await db.schema.alterTable('tickets').dropColumn('contract_id').execute();
  await db.schema.dropTable('contracts').execute();
}
