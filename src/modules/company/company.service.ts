import type { Readable } from 'node:stream';
import { auditedChange } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, DbOrTx } from '../../platform/db/index.ts';
import { TooLarge, type FileStore } from '../../platform/storage.ts';
import { AppError, failIf, forbidden, staleVersion } from '../../shared/errors.ts';
import { inLanguage } from '../../shared/in-language.ts';
import type { Supplier } from '../billing/index.ts';
import { auditWhoOf, hasPermission, type RequestContext } from '../identity/index.ts';
import * as repo from './company.repo.ts';
import type { CompanySettings, CompanySettingsBody } from './company.schemas.ts';
import { checkCompanySettings } from './domain/settings.ts';

/** Logos are small pictures; anything bigger is a mistake (a photo) and would bloat every PDF. */
export const LOGO_MAX_BYTES = 512 * 1024;

export interface CompanyDeps {
  db: Db;
  clock: Clock;
  files: FileStore;
}

function toSettings(row: repo.CompanySettingsRow): CompanySettings {
  return {
    name: row.name,
    companyId: row.company_id,
    vatId: row.vat_id,
    taxId: row.tax_id,
    vatPayer: row.vat_payer === 1,
    street: row.street,
    city: row.city,
    postalCode: row.postal_code,
    country: row.country,
    email: row.email,
    phone: row.phone,
    bankAccount: row.bank_account,
    iban: row.iban,
    bic: row.bic,
    registration: row.registration,
    footerText: row.footer_text,
    footerTextCs: row.footer_text_cs,
    footerTextSk: row.footer_text_sk,
    footerTextEn: row.footer_text_en,
    roundTotalsCzk: row.round_totals_czk === 1,
    roundTotalsEur: row.round_totals_eur === 1,
    defaultCountry: row.default_country,
    logo: row.logo_sha256 && row.logo_content_type ? { sha256: row.logo_sha256, contentType: row.logo_content_type, size: row.logo_size ?? 0 } : null,
    complete: row.name !== '' && row.street !== '' && row.city !== '',
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/**
 * The supplier as billing prints it on an invoice (and snapshots at issue).
 * With the document's language, the footer is that language's (else the default
 * footer); without, the default footer.
 */
export async function loadSupplier(db: DbOrTx, language?: string): Promise<Supplier> {
  const row = await repo.settingsRow(db);
  return {
    name: row.name,
    companyId: row.company_id,
    vatId: row.vat_id,
    taxId: row.tax_id,
    vatPayer: row.vat_payer === 1,
    address: { street: row.street, city: row.city, postalCode: row.postal_code, country: row.country },
    email: row.email,
    phone: row.phone,
    bankAccount: row.bank_account || row.iban || row.bic ? { accountNumber: row.bank_account, iban: row.iban, bic: row.bic } : null,
    registration: row.registration,
    logoPath: row.logo_path,
    footerText: language === undefined ? row.footer_text : inLanguage({ cs: row.footer_text_cs, sk: row.footer_text_sk, en: row.footer_text_en }, language, row.footer_text),
  };
}

/** The country a new client starts with (the setting defaultCountry). */
export async function defaultClientCountry(db: DbOrTx): Promise<string> {
  return (await repo.settingsRow(db)).default_country;
}

/** Whether invoices in the currency round their total to whole units (company setting; off by default for every currency). */
export async function roundsTotals(db: DbOrTx, currency: string): Promise<boolean> {
  const row = await repo.settingsRow(db);
  if (currency === 'CZK') return row.round_totals_czk === 1;
  if (currency === 'EUR') return row.round_totals_eur === 1;
  return false;
}

/** PNG and JPEG by their first bytes, whatever the upload claims: pdfkit embeds only these two. */
function pictureType(head: Buffer): 'image/png' | 'image/jpeg' | null {
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  return null;
}

async function firstBytes(stream: Readable, count: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size >= count) break;
  }
  stream.destroy();
  return Buffer.concat(chunks).subarray(0, count);
}

export function createCompanyService(deps: CompanyDeps) {
  const { db, files } = deps;

  function requireRead(ctx: RequestContext): void {
    if (!hasPermission(ctx.actor, 'settings.manage') && !hasPermission(ctx.actor, 'invoices.read')) throw forbidden();
  }
  function requireManage(ctx: RequestContext): void {
    if (!hasPermission(ctx.actor, 'settings.manage')) throw forbidden('Changing the company settings needs the settings.manage permission');
  }

  async function get(ctx: RequestContext): Promise<CompanySettings> {
    requireRead(ctx);
    return toSettings(await repo.settingsRow(db));
  }

  async function update(ctx: RequestContext, body: CompanySettingsBody): Promise<CompanySettings> {
    requireManage(ctx);
    const { version, ...input } = body;
    const { value, problems } = checkCompanySettings(input);
    failIf(problems);
    return auditedChange(deps, auditWhoOf(ctx), async (trx, at) => {
      const before = await repo.settingsRow(trx);
      if (version !== undefined && version !== before.version) throw staleVersion('The company settings');
      await repo.updateSettings(trx, value, at);
      const after = await repo.settingsRow(trx);
      return { result: toSettings(after), audit: { entity: 'company_settings', entityId: 1, action: 'update', before: toSettings(before), after: toSettings(after) } };
    });
  }

  /**
   * Stores an uploaded logo. `truncated` tells whether the upload was cut at
   * the server's request size limit (which may be below the logo limit): a cut
   * picture is refused like one over the limit, never stored half.
   */
  async function uploadLogo(ctx: RequestContext, file: { stream: Readable; truncated?: () => boolean }): Promise<CompanySettings> {
    requireManage(ctx);
    const tooLarge = () => new AppError('payload_too_large', 'logo_too_large', `The logo is larger than ${LOGO_MAX_BYTES / 1024} KB (or the server's upload limit); use a smaller PNG or JPEG`, { extra: { maxBytes: LOGO_MAX_BYTES } });
    let stored: { sha256: string; size: number };
    try {
      stored = await files.put(file.stream, LOGO_MAX_BYTES);
    } catch (error) {
      if (error instanceof TooLarge) throw tooLarge();
      throw error;
    }
    if (file.truncated?.() === true) throw tooLarge();
    const contentType = pictureType(await firstBytes(files.open(stored.sha256), 8));
    if (contentType === null) {
      throw new AppError('validation', 'invalid_logo', 'The logo must be a PNG or JPEG picture', { details: [{ path: 'file', code: 'invalid_logo', message: 'Not a PNG or JPEG file' }] });
    }
    const logo = { sha256: stored.sha256, contentType, size: stored.size, path: files.pathOf(stored.sha256) };
    return auditedChange(deps, auditWhoOf(ctx), async (trx, at) => {
      const before = await repo.settingsRow(trx);
      await repo.setLogo(trx, logo, at);
      const after = await repo.settingsRow(trx);
      return { result: toSettings(after), audit: { entity: 'company_settings', entityId: 1, action: 'logo_upload', before: { logo: toSettings(before).logo }, after: { logo: toSettings(after).logo } } };
    });
  }

  async function deleteLogo(ctx: RequestContext): Promise<CompanySettings> {
    requireManage(ctx);
    return auditedChange(deps, auditWhoOf(ctx), async (trx, at) => {
      const before = await repo.settingsRow(trx);
      await repo.setLogo(trx, null, at);
      const after = await repo.settingsRow(trx);
      return { result: toSettings(after), audit: { entity: 'company_settings', entityId: 1, action: 'logo_delete', before: { logo: toSettings(before).logo }, after: { logo: null } } };
    });
  }

  /** The stored logo for display in the settings page. */
  async function logo(ctx: RequestContext): Promise<{ contentType: string; stream: Readable } | null> {
    requireRead(ctx);
    const row = await repo.settingsRow(db);
    if (!row.logo_sha256 || !row.logo_content_type || !files.exists(row.logo_sha256)) return null;
    return { contentType: row.logo_content_type, stream: files.open(row.logo_sha256) };
  }

  return { get, update, uploadLogo, deleteLogo, logo };
}

export type CompanyService = ReturnType<typeof createCompanyService>;
