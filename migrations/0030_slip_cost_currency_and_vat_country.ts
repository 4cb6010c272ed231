import { sql, type Kysely } from 'kysely';
import { isPostgres } from './lib.ts';

/**
 * An issue slip or return keeps two more facts from its confirmation, beside its VAT
 * rates and currency (0029):
 * - stock_documents.cost_currency: the currency its costs (stock_document_lines.cost_minor)
 *   are kept in, that of its material records' costs. It need not be the slip's currency
 *   (stock_documents.currency, the sale prices'): a Slovak provider keeps costs in EUR and
 *   may sell from a price list in CZK. The printed slip showed its costs in the sale
 *   currency.
 * - stock_documents.vat_country: the country whose VAT rates its lines carry (the
 *   provider's country at confirmation, where 0029's rates come from). The POHODA export
 *   named the rates by the company's country instead, so a Slovak provider's 23 % slip was
 *   refused when the company's address said CZ, or a rate known to both countries was
 *   named by the other country's rules.
 * Both are null on drafts and on other kinds of documents.
 *
 * A return's material record also gets the cost currency of the record it takes back:
 * returns copied the original's pricing_json (which names costCurrency) but not the
 * records.cost_currency column, so the team timesheet left the returned cost out and
 * an issue and its full return did not net to zero there. Issue records always had it
 * (every material record is priced with a cost currency), so the records missing it
 * take it from their own pricing_json, as 0015 filled the column.
 *
 * Slips issued before this migration get the provider's country as it stands when the
 * migration runs (0029 filled the rates of slips issued before it from that same
 * setting; the country at each slip's confirmation was not stored), and the cost
 * currency of their first material record that has one, else the currency of that
 * country. As with 0029, the database refuses to change either once set
 * ('issued_slip_immutable'), through a trigger function of its own so that 0029 can be
 * undone apart.
 */
const FROZEN = [['stock_documents', 'cost_currency'], ['stock_documents', 'vat_country']] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('stock_documents').addColumn('cost_currency', 'text').execute();
  await db.schema.alterTable('stock_documents').addColumn('vat_country', 'text').execute();

  const costCurrencyInJson = isPostgres(db) ? sql`(pricing_json::json ->> 'costCurrency')` : sql`json_extract(pricing_json, '$.costCurrency')`;
  await sql`update records set cost_currency = ${costCurrencyInJson}
    where kind = 'material' and cost_currency is null and cost_minor is not null and pricing_json is not null`.execute(db);

  // The provider's country as pricing reads it (settings 'provider_country'; CZ until set).
  const setting = await db.selectFrom('settings').select('value_json').where('key', '=', 'provider_country').executeTakeFirst();
  const stored = setting ? (JSON.parse(setting.value_json as string) as unknown) : null;
  const country = stored === 'SK' ? 'SK' : 'CZ';
  const providerCurrency = country === 'SK' ? 'EUR' : 'CZK';
  await sql`
    update stock_documents set vat_country = ${country}, cost_currency = coalesce((
      select r.cost_currency
      from stock_document_lines l, records r
      where l.document_id = stock_documents.id and r.id = l.record_id and r.cost_currency is not null
      order by l.position
      limit 1
    ), ${providerCurrency})
    where state = 'confirmed' and kind in ('issue', 'return')`.execute(db);

  if (isPostgres(db)) {
    await sql.raw(`CREATE FUNCTION kontor_issued_slip_facts_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'issued_slip_immutable'; END $$`).execute(db);
    for (const [table, column] of FROZEN) {
      await sql.raw(`CREATE TRIGGER ${table}_${column}_frozen BEFORE UPDATE OF ${column} ON ${table} FOR EACH ROW
        WHEN (OLD.${column} IS NOT NULL AND NEW.${column} IS DISTINCT FROM OLD.${column}) EXECUTE FUNCTION kontor_issued_slip_facts_frozen()`).execute(db);
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
  if (isPostgres(db)) await sql`DROP FUNCTION IF EXISTS kontor_issued_slip_facts_frozen()`.execute(db);
  await db.schema.alterTable('stock_documents').dropColumn('vat_country').execute();
  await db.schema.alterTable('stock_documents').dropColumn('cost_currency').execute();
  // The return records' cost currency stays: it is what their pricing_json says, and what they should have had.
}
