import type { Kysely } from 'kysely';
import { idType, withId } from './lib.ts';

/**
 * Accounting exports: every batch the accountant downloaded (format, period,
 * who, when, how many documents, the file's name and SHA-256) and which
 * documents it carried, so documents already exported in a format are left out
 * of the next batch unless exported again on purpose.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ref = idType(db);

  await withId(db, db.schema.createTable('export_batches'))
    // isdoc | pohoda | ubl | csv
    .addColumn('format', 'text', (c) => c.notNull())
    // '2026-10', '2026-Q4' or '2026'
    .addColumn('period', 'text', (c) => c.notNull())
    // null: run from the command line as the system.
    .addColumn('created_by', ref, (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Invoices and credit notes plus issue slips; address-book entries are not counted.
    .addColumn('document_count', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    // Hex SHA-256 of the file as downloaded.
    .addColumn('sha256', 'text', (c) => c.notNull())
    // 1 when documents exported before were included on purpose.
    .addColumn('include_exported', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('export_batches_period').on('export_batches').columns(['period', 'format']).execute();

  await db.schema
    .createTable('export_batch_documents')
    .addColumn('batch_id', ref, (c) => c.notNull().references('export_batches.id'))
    // invoice (invoices and credit notes) | slip (issue slips) | client (address-book entries)
    .addColumn('document_kind', 'text', (c) => c.notNull())
    .addColumn('document_id', ref, (c) => c.notNull())
    .addPrimaryKeyConstraint('export_batch_documents_pk', ['batch_id', 'document_kind', 'document_id'])
    .execute();
  await db.schema.createIndex('export_batch_documents_document').on('export_batch_documents').columns(['document_kind', 'document_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('export_batch_documents').execute();
  await db.schema.dropTable('export_batches').execute();
}
