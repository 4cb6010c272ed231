import type { Kysely } from 'kysely';

/**
 * Issuing an invoice or a credit note checks that no document of the other kind
 * carries the same variable symbol (bank payments are matched by it); this index
 * keeps that check a lookup instead of a scan of every invoice.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('invoices_variable_symbol').on('invoices').column('variable_symbol').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('invoices_variable_symbol').execute();
}
