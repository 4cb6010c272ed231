import { sql, type Kysely } from 'kysely';
import { idType, isPostgres } from './lib.ts';

/**
 * A payment recorded by mistake (a mistyped amount, money put on the wrong invoice) is
 * taken back the way accounting does it: never deleted or changed, but reversed by an
 * entry of the opposite amount that names it (invoice_payments.reverses_payment_id),
 * its note holding the required reason, created_by and created_at saying who and when.
 * The sum of an invoice's entries stays what the client has paid net (paid_minor).
 *
 * The database keeps both promises whatever code path tries: an entry is reversed at
 * most once (a unique index), and no entry is ever changed or deleted
 * ('payment_immutable').
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('invoice_payments').addColumn('reverses_payment_id', idType(db), (c) => c.references('invoice_payments.id')).execute();
  await db.schema.createIndex('invoice_payments_reverses_unique').on('invoice_payments').column('reverses_payment_id').unique().execute();

  if (isPostgres(db)) {
    await sql.raw(`CREATE FUNCTION kontor_payment_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'payment_immutable'; END $$`).execute(db);
    await sql`CREATE TRIGGER invoice_payments_immutable BEFORE UPDATE OR DELETE ON invoice_payments FOR EACH ROW EXECUTE FUNCTION kontor_payment_immutable()`.execute(db);
  } else {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql.raw(`CREATE TRIGGER invoice_payments_no_${op.toLowerCase()} BEFORE ${op} ON invoice_payments BEGIN SELECT RAISE(ABORT, 'payment_immutable'); END`).execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`DROP TRIGGER IF EXISTS invoice_payments_immutable ON invoice_payments`.execute(db);
    await sql`DROP FUNCTION IF EXISTS kontor_payment_immutable()`.execute(db);
  } else {
    for (const name of ['invoice_payments_no_update', 'invoice_payments_no_delete']) await sql.raw(`DROP TRIGGER IF EXISTS ${name}`).execute(db);
  }
  await db.schema.dropIndex('invoice_payments_reverses_unique').execute();
  await db.schema.alterTable('invoice_payments').dropColumn('reverses_payment_id').execute();
}
