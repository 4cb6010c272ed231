import type { Kysely } from 'kysely';

/**
 * Numbering series: one per document type (invoice, credit note, issue slip,
 * return slip, receipt, transfer, stock count) with the pattern an administrator
 * chose, and a counter per series and year. Numbers are gap-free per series and
 * year: the counter moves in the same transaction as the document that takes the
 * number, so a rolled-back document gives its number back.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('numbering_series')
    .addColumn('document_type', 'text', (c) => c.primaryKey())
    .addColumn('pattern', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('numbering_counters')
    .addColumn('document_type', 'text', (c) => c.notNull().references('numbering_series.document_type'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_sequence', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('numbering_counters_pk', ['document_type', 'year'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('numbering_counters').execute();
  await db.schema.dropTable('numbering_series').execute();
}
