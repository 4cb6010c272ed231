import type { Kysely } from 'kysely';

/**
 * A client's tax id apart from its VAT id: the Slovak DIČ (10 digits). A Slovak
 * company has one whether or not it pays VAT, and Slovak invoices print it beside
 * the IČ DPH (SK + DIČ, kept in vat_id), so a non-payer's DIČ had nowhere to go.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('clients').addColumn('tax_id', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('clients').dropColumn('tax_id').execute();
}
