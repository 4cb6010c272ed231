import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { idType, withId } from './lib.ts';

/**
 * Billing runs and invoices: a run for a period writes one draft invoice per
 * client and currency (its lines, the records behind them and their outcome);
 * issuing (0012_invoicing) numbers a draft and records which contract fee
 * periods it billed. Records excluded from a draft by hand stay unbilled with
 * the reason in billing_exclusions.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ref = idType(db);

  await withId(db, db.schema.createTable('billing_runs'))
    .addColumn('period', 'text', (c) => c.notNull())
    // running / completed / failed
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('started_by', ref, (c) => c.references('users.id'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    // Touched as the run goes; a running run whose heartbeat is stale was killed and is taken over.
    .addColumn('heartbeat_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('progress_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('progress_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('summary_json', 'text')
    .addColumn('error', 'text')
    .execute();
  // At most one running run per period: the second start fails on this index.
  await db.schema
    .createIndex('billing_runs_one_running')
    .on('billing_runs')
    .column('period')
    .unique()
    .where(sql.ref('state'), '=', 'running')
    .execute();
  await db.schema.createIndex('billing_runs_period').on('billing_runs').columns(['period', 'id']).execute();

  await withId(db, db.schema.createTable('invoices'))
    // invoice / credit_note
    .addColumn('kind', 'text', (c) => c.notNull())
    // draft / issued / sent / paid / credited
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('run_id', ref, (c) => c.references('billing_runs.id'))
    .addColumn('period', 'text')
    .addColumn('client_id', ref, (c) => c.notNull().references('clients.id'))
    .addColumn('contract_id', ref)
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.unique())
    .addColumn('number_year', 'integer')
    .addColumn('number_sequence', 'integer')
    .addColumn('variable_symbol', 'text')
    .addColumn('issue_date', 'text')
    .addColumn('taxable_supply_date', 'text')
    .addColumn('due_date', 'text')
    .addColumn('payment_terms_days', 'integer', (c) => c.notNull())
    .addColumn('reverse_charge', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('round_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('net_minor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('vat_minor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rounding_minor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total_minor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('paid_minor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('vat_recap_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('corrects_invoice_id', ref, (c) => c.references('invoices.id'))
    .addColumn('credit_reason', 'text')
    .addColumn('releases_records', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('supplier_json', 'text')
    .addColumn('customer_json', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    // null, or the reasons this draft cannot be issued (JSON array of strings).
    .addColumn('blocked_json', 'text')
    // Drafts of a run are written invisible and shown when the run completes, so a killed run leaves nothing half done.
    .addColumn('visible', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text')
    .addColumn('issued_by', ref, (c) => c.references('users.id'))
    .execute();
  for (const [name, cols] of [
    ['invoices_period_state', ['period', 'state', 'id']],
    ['invoices_client', ['client_id', 'id']],
    ['invoices_run', ['run_id']],
    ['invoices_state', ['state', 'id']],
  ] as const) {
    await db.schema.createIndex(name).on('invoices').columns([...cols]).execute();
  }

  await withId(db, db.schema.createTable('invoice_lines'))
    .addColumn('invoice_id', ref, (c) => c.notNull().references('invoices.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    // work / travel / unit_fee / item / contract_fee / overage / manual
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('quantity_milli', 'integer', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('unit_price_minor', 'integer', (c) => c.notNull())
    .addColumn('net_minor', 'integer', (c) => c.notNull())
    .addColumn('vat_rate_bp', 'integer', (c) => c.notNull())
    .addColumn('group_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('fee_period', 'text')
    .execute();
  await db.schema.createIndex('invoice_lines_invoice').on('invoice_lines').columns(['invoice_id', 'position']).execute();

  await db.schema
    .createTable('invoice_records')
    .addColumn('invoice_id', ref, (c) => c.notNull().references('invoices.id').onDelete('cascade'))
    .addColumn('record_id', ref, (c) => c.notNull().references('records.id'))
    .addColumn('line_id', ref)
    // covered / partly_covered / billed
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('covered_minutes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('billed_minutes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('amount_minor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('invoice_records_pk', ['invoice_id', 'record_id'])
    .execute();
  await db.schema.createIndex('invoice_records_record').on('invoice_records').column('record_id').execute();

  // Written when an invoice is issued: a fee period can be billed once only.
  await db.schema
    .createTable('invoice_fee_periods')
    .addColumn('contract_id', ref, (c) => c.notNull())
    .addColumn('fee_period', 'text', (c) => c.notNull())
    .addColumn('invoice_id', ref, (c) => c.notNull().references('invoices.id'))
    .addPrimaryKeyConstraint('invoice_fee_periods_pk', ['contract_id', 'fee_period'])
    .execute();

  // A record taken out of a draft by hand: runs for that period leave it out and say why.
  await db.schema
    .createTable('billing_exclusions')
    .addColumn('record_id', ref, (c) => c.primaryKey().references('records.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('invoice_id', ref)
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('excluded_by', ref, (c) => c.references('users.id'))
    .addColumn('excluded_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['billing_exclusions', 'invoice_fee_periods', 'invoice_records', 'invoice_lines', 'invoices', 'billing_runs']) {
    await db.schema.dropTable(t).execute();
  }
}
