import { currencyProblem, isIsoCurrencyCode, isSupportedCurrency, UNSUPPORTED_CURRENCY } from '../../../shared/currencies.ts';
import type { ErrorDetail } from '../../../shared/errors.ts';
import { isValidIco, isValidSlovakTaxId, isValidVatId, normalizeCompanyId, normalizeTaxId, normalizeVatId } from './company-ids.ts';

// ISO 3166-1 alpha-2, officially assigned codes (ICU's region names also accept unassigned ones).
const COUNTRIES = new Set(
  ('AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW').split(' '),
);

/** ISO 3166-1 alpha-2 code known to the platform's ICU data. */
export function isCountryCode(code: string): boolean {
  return COUNTRIES.has(code);
}

export interface ClientIdentity {
  country: string;
  companyId: string | null;
  vatId: string | null;
  /** Slovak DIČ; other countries' tax ids are kept as typed. */
  taxId: string | null;
  currency: string;
  registeredAddressCountry?: string | null | undefined;
  billingAddressCountry?: string | null | undefined;
}

/** Normalises identifiers the way users type them (spaces, lower case). */
export function normalizeIdentity<T extends ClientIdentity>(input: T): T {
  return {
    ...input,
    country: input.country.toUpperCase(),
    currency: input.currency.toUpperCase(),
    companyId: input.companyId ? normalizeCompanyId(input.companyId) : null,
    vatId: input.vatId ? normalizeVatId(input.vatId) : null,
    taxId: input.taxId ? normalizeTaxId(input.taxId) : null,
  };
}

/** Checks that need the whole client: an IČO is checked by its country's rule. */
export function clientProblems(c: ClientIdentity): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (!isCountryCode(c.country)) {
    problems.push({ path: 'country', code: 'invalid_country', message: `"${c.country}" is not an ISO country code` });
  }
  if (!isIsoCurrencyCode(c.currency)) {
    problems.push({ path: 'currency', code: 'invalid_currency', message: `"${c.currency}" is not an ISO 4217 currency code` });
  } else if (!isSupportedCurrency(c.currency)) {
    // A real code Kontor does not bill in: refused as a contract's or a price list's would be.
    problems.push({ path: 'currency', code: UNSUPPORTED_CURRENCY, message: currencyProblem(c.currency)! });
  }
  if (c.companyId !== null) {
    if ((c.country === 'CZ' || c.country === 'SK') && !isValidIco(c.companyId)) {
      problems.push({
        path: 'companyId',
        code: 'invalid_company_id',
        message: 'The company id (IČO) must have 8 digits and a valid check digit',
      });
    } else if (!/^[A-Z0-9-]{2,20}$/i.test(c.companyId)) {
      problems.push({ path: 'companyId', code: 'invalid_company_id', message: 'The company id has an unexpected format' });
    }
  }
  if (c.vatId !== null && !isValidVatId(c.vatId)) {
    problems.push({
      path: 'vatId',
      code: 'invalid_vat_id',
      message: 'The VAT id must start with an EU country prefix and follow that country’s format (e.g. CZ12345678)',
    });
  }
  if (c.taxId !== null) {
    // A Slovak client's DIČ by the same rule as the supplier's; elsewhere a tax id is only kept printable.
    if (c.country === 'SK' && !isValidSlovakTaxId(c.taxId)) {
      problems.push({
        path: 'taxId',
        code: 'invalid_tax_id',
        message: 'The Slovak DIČ is 10 digits without a country prefix (SK + DIČ is the IČ DPH, which goes in vatId)',
      });
    } else if (!/^[A-Z0-9./-]{2,20}$/i.test(c.taxId)) {
      problems.push({ path: 'taxId', code: 'invalid_format', message: 'The tax id has an unexpected format (2–20 letters, digits, dots, dashes or slashes)' });
    }
  }
  for (const [path, country] of [
    ['registeredAddress.country', c.registeredAddressCountry],
    ['billingAddress.country', c.billingAddressCountry],
  ] as const) {
    if (country && !isCountryCode(country)) {
      problems.push({ path, code: 'invalid_country', message: `"${country}" is not an ISO country code` });
    }
  }
  return problems;
}

/** A contact with portal access signs in with its e-mail address, so it must have one. */
export function contactProblems(c: { email: string | null; portalAccess: boolean }): ErrorDetail[] {
  return c.portalAccess && !c.email
    ? [{ path: 'email', code: 'required', message: 'A contact with portal access needs an e-mail address to sign in with' }]
    : [];
}
