import { sql, type Kysely } from 'kysely';
import { isPostgres } from './lib.ts';

/**
 * An issue slip or return keeps what it was issued with. Its VAT rate per line was
 * looked up each time the slip was read (the rate in force on the slip's date for the
 * item's VAT category in the provider's country), and so was its currency when no line
 * was priced (the provider's country); entering a VAT rate or changing those settings
 * later changed what an issued slip printed and exported. Confirming now stores both:
 * stock_document_lines.vat_rate_bp and stock_documents.currency, null on drafts and on
 * other kinds of documents.
 *
 * Slips issued before this migration get them from the settings as they stand at
 * migration time, exactly as the slip was read until now: the rate that applies to the
 * slip's date today, the category of the line's material record or else of its item
 * (standard without either), 0 when no rate applies; the currency of its first priced
 * record, else of the provider's country. What the settings were when such a slip was
 * issued was never stored, so this is the best that can be known.
 *
 * As with issued invoices (0012), the database itself refuses to change them once set,
 * whatever code path tries ('issued_slip_immutable').
 */
/** The columns an issued slip keeps: set once (on confirm, or by this migration), never changed after. */
const FROZEN = [['stock_document_lines', 'vat_rate_bp'], ['stock_documents', 'currency']] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('stock_document_lines').addColumn('vat_rate_bp', 'integer').execute();
  await db.schema.alterTable('stock_documents').addColumn('currency', 'text').execute();

  // The provider's country as pricing reads it (settings 'provider_country'; CZ until set).
  const setting = await db.selectFrom('settings').select('value_json').where('key', '=', 'provider_country').executeTakeFirst();
  const stored = setting ? (JSON.parse(setting.value_json as string) as unknown) : null;
  const country = stored === 'SK' ? 'SK' : 'CZ';
  const providerCurrency = country === 'SK' ? 'EUR' : 'CZK';
  const issuedSlips = sql`select id from stock_documents where state = 'confirmed' and kind in ('issue', 'return')`;

  // The newest rate from on or before the slip's date, unless it ended before that date (as vatRateOn decides).
  await sql`
    update stock_document_lines set vat_rate_bp = coalesce((
      select case when v.valid_to is not null and v.valid_to < d.date then null else v.rate_bp end
      from vat_rates v, stock_documents d
      where d.id = stock_document_lines.document_id
        and v.country = ${country}
        and v.category = coalesce(
          (select r.vat_category from records r where r.id = stock_document_lines.record_id),
          (select i.vat_category from items i where i.id = stock_document_lines.item_id),
          'standard')
        and v.valid_from <= d.date
      order by v.valid_from desc
      limit 1
    ), 0)
    where document_id in (${issuedSlips})`.execute(db);

  await sql`
    update stock_documents set currency = coalesce((
      select r.currency
      from stock_document_lines l, records r
      where l.document_id = stock_documents.id and r.id = l.record_id and r.currency is not null
      order by l.position
      limit 1
    ), ${providerCurrency})
    where id in (${issuedSlips})`.execute(db);

  if (isPostgres(db)) {
    await sql.raw(`CREATE FUNCTION kontor_issued_slip_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'issued_slip_immutable'; END $$`).execute(db);
    for (const [table, column] of FROZEN) {
      await sql.raw(`CREATE TRIGGER ${table}_${column}_frozen BEFORE UPDATE OF ${column} ON ${table} FOR EACH ROW
        WHEN (OLD.${column} IS NOT NULL AND NEW.${column} IS DISTINCT FROM OLD.${column}) EXECUTE FUNCTION kontor_issued_slip_frozen()`).execute(db);
    }
  } else {
    for (const [table, column] of FROZEN) {
      await sql.raw(`CREATE TRIGGER ${table}_${column}_frozen BEFORE UPDATE OF ${column} ON ${table}
        WHEN OLD.${column} IS NOT NULL AND NEW.${column} IS NOT OLD.${column} BEGIN SELECT RAISE(ABORT, 'issued_slip_immutable'); END`).execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [table, column] of FROZEN) await sql.raw(`DROP TRIGGER IF EXISTS ${table}_${column}_frozen${isPostgres(db) ? ` ON ${table}` : ''}`).execute(db);
  if (isPostgres(db)) await sql`DROP FUNCTION IF EXISTS kontor_issued_slip_frozen()`.execute(db);
  await db.schema.alterTable('stock_documents').dropColumn('currency').execute();
  await db.schema.alterTable('stock_document_lines').dropColumn('vat_rate_bp').execute();
}
