import { sql, type Kysely } from 'kysely';
import { idType, withId } from './lib.ts';

/**
 * Company settings: the supplier printed on every invoice (name, ids, VAT
 * payer flag, address, bank account, IBAN, BIC, register entry), its logo in
 * the file store, the document footer and whether totals are rounded. One row
 * (id = 1), created here empty so reads never have to handle its absence.
 *
 * Also files attached to outgoing mail (the invoice PDF e-mailed to a client):
 * stored with the outbox message in the same transaction, so the sender job
 * delivers exactly what was queued, however late it runs.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('company_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('company_id', 'text')
    // DIČ / IČ DPH with its country prefix.
    .addColumn('vat_id', 'text')
    // Slovak DIČ (tax id without prefix).
    .addColumn('tax_id', 'text')
    .addColumn('vat_payer', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('street', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('city', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('postal_code', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('country', 'text', (c) => c.notNull().defaultTo('CZ'))
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    // Czech domestic form 'prefix-number/bank code'.
    .addColumn('bank_account', 'text')
    .addColumn('iban', 'text')
    .addColumn('bic', 'text')
    .addColumn('registration', 'text')
    // The logo in the content-addressed file store: its hash, type, size and absolute path there.
    .addColumn('logo_sha256', 'text')
    .addColumn('logo_content_type', 'text')
    .addColumn('logo_size', 'integer')
    .addColumn('logo_path', 'text')
    .addColumn('footer_text', 'text')
    // Off by default: BILLING.md §4 makes rounding the total optional and its examples are unrounded.
    .addColumn('round_totals_czk', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('round_totals_eur', 'integer', (c) => c.notNull().defaultTo(0))
    // Country new clients get by default (ISO 3166-1 alpha-2).
    .addColumn('default_country', 'text', (c) => c.notNull().defaultTo('CZ'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('company_settings').values({ id: 1, updated_at: new Date(0).toISOString() }).execute();

  await withId(db, db.schema.createTable('mail_attachments'))
    .addColumn('outbox_id', idType(db), (c) => c.notNull().references('mail_outbox.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    // Base64 text: the same column type on both engines, and small files (PDF and XML of one invoice).
    .addColumn('content_base64', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mail_attachments_outbox').on('mail_attachments').columns(['outbox_id', 'position']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mail_attachments').execute();
  await db.schema.dropTable('company_settings').execute();
}
