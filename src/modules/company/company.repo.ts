import type { Selectable } from 'kysely';
import type { DbOrTx } from '../../platform/db/index.ts';
import type { CompanySettingsTable } from '../../platform/db/tables/company.ts';
import type { CompanySettingsInput } from './domain/settings.ts';

export type CompanySettingsRow = Selectable<CompanySettingsTable>;

/** The single settings row (created by the migration). */
export async function settingsRow(db: DbOrTx): Promise<CompanySettingsRow> {
  return db.selectFrom('company_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}

export async function updateSettings(db: DbOrTx, input: CompanySettingsInput, at: string): Promise<void> {
  await db
    .updateTable('company_settings')
    .set({
      name: input.name,
      company_id: input.companyId,
      vat_id: input.vatId,
      tax_id: input.taxId,
      vat_payer: input.vatPayer ? 1 : 0,
      street: input.street,
      city: input.city,
      postal_code: input.postalCode,
      country: input.country,
      email: input.email,
      phone: input.phone,
      bank_account: input.bankAccount,
      iban: input.iban,
      bic: input.bic,
      registration: input.registration,
      footer_text: input.footerText,
      footer_text_cs: input.footerTextCs,
      footer_text_sk: input.footerTextSk,
      footer_text_en: input.footerTextEn,
      round_totals_czk: input.roundTotalsCzk ? 1 : 0,
      round_totals_eur: input.roundTotalsEur ? 1 : 0,
      default_country: input.defaultCountry,
      version: (eb) => eb('version', '+', 1),
      updated_at: at,
    })
    .where('id', '=', 1)
    .execute();
}

export async function setLogo(db: DbOrTx, logo: { sha256: string; contentType: string; size: number; path: string } | null, at: string): Promise<void> {
  await db
    .updateTable('company_settings')
    .set({
      logo_sha256: logo?.sha256 ?? null,
      logo_content_type: logo?.contentType ?? null,
      logo_size: logo?.size ?? null,
      logo_path: logo?.path ?? null,
      version: (eb) => eb('version', '+', 1),
      updated_at: at,
    })
    .where('id', '=', 1)
    .execute();
}
