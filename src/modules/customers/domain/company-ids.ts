/**
 * Company and VAT identifiers. Czech and Slovak IČO share one checksum
 * (weights 8..2, mod 11); VAT ids follow the formats of the EU VIES service.
 */

/** Normalises an IČO: digits only, left-padded to 8 (older 6- and 7-digit ones are valid). */
export function normalizeCompanyId(raw: string): string {
  const digits = raw.replace(/\s+/g, '');
  return /^\d{6,8}$/.test(digits) ? digits.padStart(8, '0') : digits;
}

export function isValidIco(ico: string): boolean {
  if (!/^\d{8}$/.test(ico)) return false;
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(ico[i]) * (8 - i);
  const check = (11 - (sum % 11)) % 10;
  return check === Number(ico[7]);
}

// Formats of VAT ids by country prefix (after the prefix), per the EU VIES documentation.
const VAT_FORMATS: Record<string, RegExp> = {
  AT: /^U\d{8}$/,
  BE: /^[01]\d{9}$/,
  BG: /^\d{9,10}$/,
  CY: /^\d{8}[A-Z]$/,
  CZ: /^\d{8,10}$/,
  DE: /^\d{9}$/,
  DK: /^\d{8}$/,
  EE: /^\d{9}$/,
  EL: /^\d{9}$/,
  ES: /^[A-Z0-9]\d{7}[A-Z0-9]$/,
  FI: /^\d{8}$/,
  FR: /^[A-HJ-NP-Z0-9]{2}\d{9}$/,
  HR: /^\d{11}$/,
  HU: /^\d{8}$/,
  IE: /^\d[A-Z0-9+*]\d{5}[A-Z]{1,2}$/,
  IT: /^\d{11}$/,
  LT: /^(\d{9}|\d{12})$/,
  LU: /^\d{8}$/,
  LV: /^\d{11}$/,
  MT: /^\d{8}$/,
  NL: /^\d{9}B\d{2}$/,
  PL: /^\d{10}$/,
  PT: /^\d{9}$/,
  RO: /^\d{2,10}$/,
  SE: /^\d{12}$/,
  SI: /^\d{8}$/,
  SK: /^\d{10}$/,
  XI: /^(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/,
};

export function normalizeVatId(raw: string): string {
  return raw.replace(/[\s.-]+/g, '').toUpperCase();
}

/** True when the VAT id has a known EU prefix and the format of that country (Slovak ones also divisible by 11). */
export function isValidVatId(vatId: string): boolean {
  const prefix = vatId.slice(0, 2);
  const rest = vatId.slice(2);
  const format = VAT_FORMATS[prefix];
  if (!format || !format.test(rest)) return false;
  if (prefix === 'SK') return BigInt(rest) % 11n === 0n;
  return true;
}

/** Normalises a tax id (DIČ) the way users type it: without spaces. */
export function normalizeTaxId(raw: string): string {
  return raw.replace(/\s+/g, '');
}

/**
 * A Slovak DIČ: 10 digits, no country prefix. It is not the VAT id: a Slovak VAT
 * payer's IČ DPH is SK + its DIČ, and a non-payer has a DIČ but no IČ DPH.
 */
export function isValidSlovakTaxId(taxId: string): boolean {
  return /^\d{10}$/.test(taxId);
}

/** Country prefix of a VAT id; Greece uses EL rather than its ISO code GR. */
export function vatCountry(vatId: string): string {
  const prefix = vatId.slice(0, 2);
  return prefix === 'EL' ? 'GR' : prefix;
}
