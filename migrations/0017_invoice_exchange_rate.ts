import { sql, type Kysely } from 'kysely';
import { isPostgres } from './lib.ts';

/**
 * The exchange rate fixed when an invoice in a foreign currency is issued: its VAT
 * must be stated in the supplier's own currency too (§29 of the Czech VAT act, §71
 * of the Slovak one). Exact decimal text (units of the home currency per one unit
 * of the invoice's currency, e.g. '24.335') and the day the rate is of. Both are
 * written in the same update that issues the draft (while it is still a draft) and
 * are frozen afterwards like the other numbered fields (the guards of 0012).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('invoices').addColumn('exchange_rate', 'text').execute();
  await db.schema.alterTable('invoices').addColumn('exchange_rate_date', 'text').execute();
  if (isPostgres(db)) {
    await sql.raw(`CREATE FUNCTION kontor_invoice_rate_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.state <> 'draft' AND (NEW.exchange_rate IS DISTINCT FROM OLD.exchange_rate OR NEW.exchange_rate_date IS DISTINCT FROM OLD.exchange_rate_date) THEN
          RAISE EXCEPTION 'issued_invoice_immutable';
        END IF;
        RETURN NEW;
      END $$`).execute(db);
    await sql`CREATE TRIGGER invoices_issued_rate_frozen BEFORE UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION kontor_invoice_rate_frozen()`.execute(db);
  } else {
    await sql`CREATE TRIGGER invoices_issued_rate_frozen BEFORE UPDATE OF exchange_rate, exchange_rate_date ON invoices
      WHEN OLD.state <> 'draft' BEGIN SELECT RAISE(ABORT, 'issued_invoice_immutable'); END`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`DROP TRIGGER IF EXISTS invoices_issued_rate_frozen ON invoices`.execute(db);
    await sql`DROP FUNCTION IF EXISTS kontor_invoice_rate_frozen()`.execute(db);
  } else {
    await sql`DROP TRIGGER IF EXISTS invoices_issued_rate_frozen`.execute(db);
  }
  await db.schema.alterTable('invoices').dropColumn('exchange_rate_date').execute();
  await db.schema.alterTable('invoices').dropColumn('exchange_rate').execute();
}
