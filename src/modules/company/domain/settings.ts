/**
 * Company settings as the administrator enters them, and the rules that make
 * them printable on a legal invoice: valid IČO, VAT id, bank account, IBAN
 * and BIC, a VAT id for VAT payers, known countries, a Czech or Slovak PSČ
 * of the form "123 45". Normalises what it accepts (spaces out of the IBAN,
 * the Czech account in its canonical form, IBAN derived from it, "12345" as
 * "123 45"). Every field's problem is reported at once.
 */
import type { ErrorDetail } from '../../../shared/errors.ts';
import { isCountryCode, isValidIco, isValidSlovakTaxId, isValidVatId, normalizeCompanyId, normalizeTaxId, normalizeVatId } from '../../customers/index.ts';
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

/** The most characters each text may have; longer is refused as too_long with the other problems. */
export const COMPANY_TEXT_LIMITS = {
  name: 200,
  companyId: 20,
  vatId: 20,
  taxId: 20,
  street: 200,
  city: 100,
  postalCode: 20,
  email: 200,
  phone: 50,
  bankAccount: 40,
  iban: 50,
  bic: 11,
  registration: 300,
  footerText: 600,
  footerTextCs: 600,
  footerTextSk: 600,
  footerTextEn: 600,
} as const satisfies Partial<Record<keyof CompanySettingsInput, number>>;

const CZECH_OR_SLOVAK_PSC = /^(\d{3}) ?(\d{2})$/;

/** A Czech or Slovak PSČ typed as "12345" or "123 45", in its printed form "123 45"; null when it is not one. */
export function normalizeCzechOrSlovakPostalCode(text: string): string | null {
  const match = CZECH_OR_SLOVAK_PSC.exec(text.trim());
  return match ? `${match[1]} ${match[2]}` : null;
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
  // A text over its limit gets that one problem; its format is checked once it fits.
  const tooLong = new Set<string>();
  for (const [path, max] of Object.entries(COMPANY_TEXT_LIMITS)) {
    const text = value[path as keyof typeof COMPANY_TEXT_LIMITS];
    if (text !== null && text.length > max) {
      tooLong.add(path);
      problem(path, 'too_long', `At most ${max} characters`);
    }
  }
  const fits = (path: keyof typeof COMPANY_TEXT_LIMITS, text: string | null): text is string => text !== null && !tooLong.has(path);
  if (!value.name) problem('name', 'required', 'The supplier name is required');
  const knownCountry = isCountryCode(country);
  if (!knownCountry) problem('country', 'invalid_country', `'${input.country}' is not a country: a two-letter ISO 3166 code such as CZ or SK`);
  if (!isCountryCode(value.defaultCountry)) problem('defaultCountry', 'invalid_country', `'${input.defaultCountry}' is not a country: a two-letter ISO 3166 code such as CZ or SK`);
  // A country still to be corrected is taken for the usual CZ or SK, so that the IČO and PSČ
  // are checked in the same answer rather than only after the country is fixed.
  const czechOrSlovak = country === 'CZ' || country === 'SK' || !knownCountry;
  if (fits('postalCode', value.postalCode) && value.postalCode !== '' && czechOrSlovak) {
    const postalCode = normalizeCzechOrSlovakPostalCode(value.postalCode);
    if (postalCode === null) problem('postalCode', 'invalid_postal_code', `'${input.postalCode}' is not a Czech or Slovak PSČ: five digits, e.g. 120 00`);
    else value.postalCode = postalCode;
  }
  if (fits('companyId', value.companyId)) {
    value.companyId = normalizeCompanyId(value.companyId);
    if (czechOrSlovak && !isValidIco(value.companyId)) problem('companyId', 'invalid_company_id', `'${input.companyId}' is not a valid IČO (8 digits with a correct check digit)`);
  }
  if (fits('vatId', value.vatId)) {
    value.vatId = normalizeVatId(value.vatId);
    if (!isValidVatId(value.vatId)) problem('vatId', 'invalid_vat_id', `'${input.vatId}' is not a valid EU VAT id (country prefix and that country's format, e.g. CZ12345678)`);
  } else if (value.vatId === null && value.vatPayer) {
    problem('vatId', 'required', 'A VAT payer must have its VAT id (DIČ / IČ DPH)');
  }
  if (fits('taxId', value.taxId)) {
    value.taxId = normalizeTaxId(value.taxId);
    if (!isValidSlovakTaxId(value.taxId)) problem('taxId', 'invalid_tax_id', 'The Slovak DIČ is 10 digits');
  }
  if (fits('email', value.email) && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.email)) problem('email', 'invalid_email', `'${value.email}' is not an e-mail address`);
  let accountIban: string | null = null;
  if (fits('bankAccount', value.bankAccount)) {
    const account = parseCzechAccount(value.bankAccount);
    if (account === null) problem('bankAccount', 'invalid_bank_account', `'${input.bankAccount}' is not a valid Czech account: prefix-number/bank code, e.g. 19-2000145399/0800, with correct check digits`);
    else {
      value.bankAccount = formatCzechAccount(account);
      accountIban = czechAccountToIban(account);
    }
  }
  if (fits('iban', value.iban)) {
    value.iban = normalizeIban(value.iban);
    if (!isValidIban(value.iban)) problem('iban', 'invalid_iban', `'${input.iban}' is not a valid IBAN (length of its country and the mod-97 check)`);
    else if (accountIban !== null && value.iban !== accountIban) problem('iban', 'iban_mismatch', `The IBAN does not belong to the account ${value.bankAccount} (its IBAN is ${accountIban})`);
  } else if (value.iban === null && accountIban !== null) {
    // The QR payment codes need an IBAN; a Czech account determines it.
    value.iban = accountIban;
  }
  if (fits('bic', value.bic)) {
    value.bic = value.bic.replace(/\s+/g, '').toUpperCase();
    if (!isValidBic(value.bic)) problem('bic', 'invalid_bic', `'${input.bic}' is not a BIC (8 or 11 letters and digits, e.g. GIBACZPX)`);
  }
  return { value, problems };
}
