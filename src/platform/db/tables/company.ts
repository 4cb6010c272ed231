import type { Generated } from 'kysely';

/** Company settings (one row, id = 1): see migrations/0013_company.ts. */
export interface CompanySettingsTable {
  id: number;
  name: Generated<string>;
  company_id: string | null;
  vat_id: string | null;
  tax_id: string | null;
  vat_payer: Generated<number>;
  street: Generated<string>;
  city: Generated<string>;
  postal_code: Generated<string>;
  country: Generated<string>;
  email: string | null;
  phone: string | null;
  bank_account: string | null;
  iban: string | null;
  bic: string | null;
  registration: string | null;
  logo_sha256: string | null;
  logo_content_type: string | null;
  logo_size: number | null;
  logo_path: string | null;
  footer_text: string | null;
  /** The footer on documents in that language (migration 0033); null prints `footer_text`. */
  footer_text_cs: string | null;
  footer_text_sk: string | null;
  footer_text_en: string | null;
  round_totals_czk: Generated<number>;
  round_totals_eur: Generated<number>;
  default_country: Generated<string>;
  version: Generated<number>;
  updated_at: string;
}

/** Files attached to an outgoing mail (migration 0013); the mail module reads and writes them. */
export interface MailAttachmentsTable {
  id: Generated<number>;
  outbox_id: number;
  position: number;
  filename: string;
  content_type: string;
  content_base64: string;
}

export interface CompanyTables {
  company_settings: CompanySettingsTable;
  mail_attachments: MailAttachmentsTable;
}
