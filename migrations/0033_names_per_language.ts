import type { Kysely } from 'kysely';

/**
 * Texts printed on client documents in the document's language: a work type's
 * name and the company's document footer in Czech, Slovak and English. Each is
 * optional; the existing `name` / `footer_text` stays the default that prints
 * when the document's language has none. One column per language (not JSON),
 * like every other printed text, so both engines store and compare them alike.
 */
const COLUMNS = [
  ['work_types', 'name_cs'], ['work_types', 'name_sk'], ['work_types', 'name_en'],
  ['company_settings', 'footer_text_cs'], ['company_settings', 'footer_text_sk'], ['company_settings', 'footer_text_en'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  // One column per statement: SQLite adds a single column per ALTER TABLE.
  for (const [table, column] of COLUMNS) await db.schema.alterTable(table).addColumn(column, 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [table, column] of [...COLUMNS].reverse()) await db.schema.alterTable(table).dropColumn(column).execute();
}
