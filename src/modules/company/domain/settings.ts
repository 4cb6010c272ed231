/**
 * Company settings as the administrator enters them, and the rules that make
 * them printable on a legal invoice: valid IČO, VAT id, bank account, IBAN
 * and BIC, a VAT id for VAT payers. Normalises what it accepts (spaces out of
 * the IBAN, the Czech account in its canonical form, IBAN derived from it).
 */
import type { ErrorDetail } from '../../../shared/errors.ts';
import { isValidIco, isValidSlovakTaxId, isValidVatId, normalizeCompanyId, normalizeTaxId, normalizeVatId } from '../../customers/index.ts';
import { czechAccountToIban, formatCzechAccount, isValidBic, isValidIban, normalizeIban, parseCzechAccount } from './bank-account.ts';

export interface CompanySettingsInput {
  name: string;
  companyId: string | null;
  vatId: string | null;
  taxId: string | null;
  vatPayer: boolean;
  street: string;
  city: string;
  postalCode: string;
  country: string;
  email: string | null;
  phone: string | null;
  bankAccount: string | null;
  iban: string | null;
  bic: string | null;
  registration: string | null;
  footerText: string | null;
  /** The footer of documents in that language; null: `footerText` prints. */
  footerTextCs: string | null;
  footerTextSk: string | null;
  footerTextEn: string | null;
  roundTotalsCzk: boolean;
  roundTotalsEur: boolean;
  defaultCountry: string;
}

const blank = (value: string | null): string | null => (value === null || value.trim() === '' ? null : value.trim());

/** Checks and normalises the input; the problems name each field and why. */
export function checkCompanySettings(input: CompanySettingsInput): { value: CompanySettingsInput; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const problem = (path: string, code: string, message: string) => problems.push({ path, code, message });
  const country = input.country.trim().toUpperCase();
  const value: CompanySettingsInput = {
    ...input,
    name: input.name.trim(),
    country,
    defaultCountry: input.defaultCountry.trim().toUpperCase(),
    companyId: blank(input.companyId),
    vatId: blank(input.vatId),
    taxId: blank(input.taxId),
    email: blank(input.email),
    phone: blank(input.phone),
    bankAccount: blank(input.bankAccount),
    iban: blank(input.iban),
    bic: blank(input.bic),
    registration: blank(input.registration),
    footerText: blank(input.footerText),
    footerTextCs: blank(input.footerTextCs),
    footerTextSk: blank(input.footerTextSk),
    footerTextEn: blank(input.footerTextEn),
    street: input.street.trim(),
    city: input.city.trim(),
    postalCode: input.postalCode.trim(),
  };
  if (!value.name) problem('name', 'required', 'The supplier name is required');
  if (!/^[A-Z]{2}$/.test(country)) problem('country', 'invalid_country', 'The country must be a two-letter ISO code such as CZ or SK');
  if (!/^[A-Z]{2}$/.test(value.defaultCountry)) problem('defaultCountry', 'invalid_country', 'The default country must be a two-letter ISO code such as CZ or SK');
  if (value.companyId !== null) {
    value.companyId = normalizeCompanyId(value.companyId);
    if ((country === 'CZ' || country === 'SK') && !isValidIco(value.companyId)) problem('companyId', 'invalid_company_id', `'${input.companyId}' is not a valid IČO (8 digits with a correct check digit)`);
  }
  if (value.vatId !== null) {
    value.vatId = normalizeVatId(value.vatId);
    if (!isValidVatId(value.vatId)) problem('vatId', 'invalid_vat_id', `'${input.vatId}' is not a valid EU VAT id (country prefix and that country's format, e.g. CZ12345678)`);
  } else if (value.vatPayer) {
    problem('vatId', 'required', 'A VAT payer must have its VAT id (DIČ / IČ DPH)');
  }
  if (value.taxId !== null) {
    value.taxId = normalizeTaxId(value.taxId);
    if (!isValidSlovakTaxId(value.taxId)) problem('taxId', 'invalid_tax_id', 'The Slovak DIČ is 10 digits');
  }
  if (value.email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.email)) problem('email', 'invalid_email', `'${value.email}' is not an e-mail address`);
  let accountIban: string | null = null;
  if (value.bankAccount !== null) {
    const account = parseCzechAccount(value.bankAccount);
    if (account === null) problem('bankAccount', 'invalid_bank_account', `'${input.bankAccount}' is not a valid Czech account: prefix-number/bank code, e.g. 19-2000145399/0800, with correct check digits`);
    else {
      value.bankAccount = formatCzechAccount(account);
      accountIban = czechAccountToIban(account);
    }
  }
  if (value.iban !== null) {
    value.iban = normalizeIban(value.iban);
    if (!isValidIban(value.iban)) problem('iban', 'invalid_iban', `'${input.iban}' is not a valid IBAN (length of its country and the mod-97 check)`);
    else if (accountIban !== null && value.iban !== accountIban) problem('iban', 'iban_mismatch', `The IBAN does not belong to the account ${value.bankAccount} (its IBAN is ${accountIban})`);
  } else if (accountIban !== null) {
    // The QR payment codes need an IBAN; a Czech account determines it.
    value.iban = accountIban;
  }
  if (value.bic !== null) {
    value.bic = value.bic.replace(/\s+/g, '').toUpperCase();
    if (!isValidBic(value.bic)) problem('bic', 'invalid_bic', `'${input.bic}' is not a BIC (8 or 11 letters and digits, e.g. GIBACZPX)`);
  }
  for (const [path, text, max] of [['name', value.name, 200], ['registration', value.registration, 300], ['footerText', value.footerText, 600], ['footerTextCs', value.footerTextCs, 600], ['footerTextSk', value.footerTextSk, 600], ['footerTextEn', value.footerTextEn, 600], ['street', value.street, 200], ['city', value.city, 100], ['postalCode', value.postalCode, 20]] as const) {
    if (text !== null && text.length > max) problem(path, 'too_long', `At most ${max} characters`);
  }
  return { value, problems };
}
