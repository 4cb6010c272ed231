import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { idType, isPostgres, withId } from './lib.ts';

/**
 * Invoicing: payments against issued invoices, what credit notes correct line
 * by line, when an invoice was sent, and the database's own guard that an
 * issued document never changes (BILLING.md §4: "issued invoices never
 * change") — whatever code path tries, the trigger refuses.
 */

/** What identifies and prices an issued document; once issued these never change. */
const FROZEN_INVOICE_COLUMNS = [
  'kind', 'run_id', 'period', 'client_id', 'contract_id', 'currency', 'language', 'number', 'number_year', 'number_sequence',
  'variable_symbol', 'issue_date', 'taxable_supply_date', 'due_date', 'payment_terms_days', 'reverse_charge', 'round_total',
  'net_minor', 'vat_minor', 'rounding_minor', 'total_minor', 'vat_recap_json', 'corrects_invoice_id', 'credit_reason',
  'releases_records', 'supplier_json', 'customer_json', 'note', 'issued_at', 'issued_by',
];

export async function up(db: Kysely<any>): Promise<void> {
  const ref = idType(db);

  await withId(db, db.schema.createTable('invoice_payments'))
    .addColumn('invoice_id', ref, (c) => c.notNull().references('invoices.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', ref, (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('invoice_payments_invoice').on('invoice_payments').columns(['invoice_id', 'id']).execute();

  // A credit note's line names the invoice line it corrects, so "what is left to credit" is exact per line.
  await db.schema.alterTable('invoice_lines').addColumn('corrects_line_id', ref).execute();
  await db.schema.createIndex('invoice_lines_corrects').on('invoice_lines').column('corrects_line_id').execute();
  // Gross amount credited so far by credit notes (positive), kept with the invoice for lists and states.
  await db.schema.alterTable('invoices').addColumn('credited_minor', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('invoices').addColumn('sent_at', 'text').execute();
  await db.schema.createIndex('invoices_corrects').on('invoices').column('corrects_invoice_id').execute();
  // Lists by kind/state/due date (overdue is derived from the due date).
  await db.schema.createIndex('invoices_kind_state_due').on('invoices').columns(['kind', 'state', 'due_date']).execute();

  // Issuing finds the prepaid ledger rows a run linked to the draft it issues.
  await db.schema.createIndex('prepaid_ledger_invoice').on('prepaid_ledger').column('invoice_id').execute();

  if (isPostgres(db)) await postgresGuards(db);
  else await sqliteGuards(db);
}

async function sqliteGuards(db: Kysely<any>): Promise<void> {
  const frozen = sql.raw(FROZEN_INVOICE_COLUMNS.join(', '));
  await sql`CREATE TRIGGER invoices_issued_frozen BEFORE UPDATE OF ${frozen} ON invoices
    WHEN OLD.state <> 'draft' BEGIN SELECT RAISE(ABORT, 'issued_invoice_immutable'); END`.execute(db);
  await sql`CREATE TRIGGER invoices_issued_no_draft BEFORE UPDATE OF state ON invoices
    WHEN OLD.state <> 'draft' AND NEW.state = 'draft' BEGIN SELECT RAISE(ABORT, 'issued_invoice_immutable'); END`.execute(db);
  await sql`CREATE TRIGGER invoices_issued_no_delete BEFORE DELETE ON invoices
    WHEN OLD.state <> 'draft' BEGIN SELECT RAISE(ABORT, 'issued_invoice_immutable'); END`.execute(db);
  for (const table of ['invoice_lines', 'invoice_records']) {
    for (const [op, row] of [['INSERT', 'NEW'], ['UPDATE', 'OLD'], ['DELETE', 'OLD']] as const) {
      await sql`CREATE TRIGGER ${sql.raw(`${table}_issued_${op.toLowerCase()}`)} BEFORE ${sql.raw(op)} ON ${sql.raw(table)}
        WHEN (SELECT state FROM invoices WHERE id = ${sql.raw(row)}.invoice_id) <> 'draft'
        BEGIN SELECT RAISE(ABORT, 'issued_invoice_immutable'); END`.execute(db);
    }
  }
}

async function postgresGuards(db: Kysely<any>): Promise<void> {
  const changed = FROZEN_INVOICE_COLUMNS.map((c) => `NEW.${c} IS DISTINCT FROM OLD.${c}`).join(' OR ');
  await sql.raw(`CREATE FUNCTION kontor_invoice_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        IF OLD.state <> 'draft' THEN RAISE EXCEPTION 'issued_invoice_immutable'; END IF;
        RETURN OLD;
      END IF;
      IF OLD.state <> 'draft' AND (NEW.state = 'draft' OR ${changed}) THEN
        RAISE EXCEPTION 'issued_invoice_immutable';
      END IF;
      RETURN NEW;
    END $$`).execute(db);
  await sql`CREATE TRIGGER invoices_issued_frozen BEFORE UPDATE OR DELETE ON invoices FOR EACH ROW EXECUTE FUNCTION kontor_invoice_frozen()`.execute(db);
  // Lines and records of a document may change only while it is a draft (a cascade from a deleted draft finds no invoice).
  await sql.raw(`CREATE FUNCTION kontor_invoice_part_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE s text;
    BEGIN
      IF TG_OP = 'INSERT' THEN SELECT state INTO s FROM invoices WHERE id = NEW.invoice_id;
      ELSE SELECT state INTO s FROM invoices WHERE id = OLD.invoice_id; END IF;
      IF s IS NOT NULL AND s <> 'draft' THEN RAISE EXCEPTION 'issued_invoice_immutable'; END IF;
      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
      RETURN NEW;
    END $$`).execute(db);
  for (const table of ['invoice_lines', 'invoice_records']) {
    await sql`CREATE TRIGGER ${sql.raw(`${table}_issued_frozen`)} BEFORE INSERT OR UPDATE OR DELETE ON ${sql.raw(table)}
      FOR EACH ROW EXECUTE FUNCTION kontor_invoice_part_frozen()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const table of ['invoices', 'invoice_lines', 'invoice_records']) await sql.raw(`DROP TRIGGER IF EXISTS ${table}_issued_frozen ON ${table}`).execute(db);
    await sql`DROP FUNCTION IF EXISTS kontor_invoice_frozen()`.execute(db);
    await sql`DROP FUNCTION IF EXISTS kontor_invoice_part_frozen()`.execute(db);
  } else {
    const names = ['invoices_issued_frozen', 'invoices_issued_no_draft', 'invoices_issued_no_delete'];
    for (const table of ['invoice_lines', 'invoice_records']) for (const op of ['insert', 'update', 'delete']) names.push(`${table}_issued_${op}`);
    for (const name of names) await sql.raw(`DROP TRIGGER IF EXISTS ${name}`).execute(db);
  }
  await db.schema.dropTable('invoice_payments').execute();
  await db.schema.dropIndex('invoices_corrects').execute();
  await db.schema.dropIndex('invoices_kind_state_due').execute();
  await db.schema.dropIndex('invoice_lines_corrects').execute();
  await db.schema.dropIndex('prepaid_ledger_invoice').execute();
  await db.schema.alterTable('invoice_lines').dropColumn('corrects_line_id').execute();
  await db.schema.alterTable('invoices').dropColumn('credited_minor').execute();
  await db.schema.alterTable('invoices').dropColumn('sent_at').execute();
}
