/**
 * Bank account identifiers: IBAN (ISO 13616, mod-97 check), BIC (ISO 9362)
 * and the Czech domestic account form `prefix-number/bank code`, whose prefix
 * and number each carry a mod-11 check (Czech National Bank decree 169/2011).
 */

/** IBAN lengths of the countries Kontor's clients bank in; others are checked by the mod-97 rule alone. */
const IBAN_LENGTHS: Record<string, number> = {
  AT: 20, BE: 16, CH: 21, CZ: 24, DE: 22, DK: 18, ES: 24, FR: 27, GB: 22, HU: 28, IE: 22, IT: 27, LU: 20, NL: 18, PL: 28, SI: 19, SK: 24,
};

export function normalizeIban(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** ISO 7064 mod 97-10 over the rearranged IBAN (letters as 10..35), computed in chunks to stay in safe integers. */
function ibanRemainder(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

export function isValidIban(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const length = IBAN_LENGTHS[iban.slice(0, 2)];
  if (length !== undefined && iban.length !== length) return false;
  return ibanRemainder(iban) === 1;
}

export function isValidBic(bic: string): boolean {
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic);
}

export interface CzechAccount {
  readonly prefix: string;
  readonly number: string;
  readonly bankCode: string;
}

const PREFIX_WEIGHTS = [10, 5, 8, 4, 2, 1];
const NUMBER_WEIGHTS = [6, 3, 7, 9, 10, 5, 8, 4, 2, 1];

function mod11(digits: string, weights: readonly number[]): boolean {
  const padded = digits.padStart(weights.length, '0');
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(padded[i]) * weights[i]!;
  return sum % 11 === 0;
}

/** Parses '19-2000145399/0800' or '2000145399/0800'; null when the form or a check digit is wrong. */
export function parseCzechAccount(raw: string): CzechAccount | null {
  const match = /^(?:(\d{1,6})-)?(\d{2,10})\/(\d{4})$/.exec(raw.replace(/\s+/g, ''));
  if (!match) return null;
  const [, prefix = '', number = '', bankCode = ''] = match;
  if (prefix && !mod11(prefix, PREFIX_WEIGHTS)) return null;
  if (!mod11(number, NUMBER_WEIGHTS) || /^0+$/.test(number)) return null;
  return { prefix, number, bankCode };
}

export function formatCzechAccount(account: CzechAccount): string {
  return `${account.prefix && !/^0+$/.test(account.prefix) ? `${account.prefix.replace(/^0+/, '')}-` : ''}${account.number.replace(/^0+/, '')}/${account.bankCode}`;
}

/** The IBAN of a Czech account: CZ, check digits, bank code, prefix (6) and number (10) zero-padded. */
export function czechAccountToIban(account: CzechAccount): string {
  const bban = account.bankCode + account.prefix.padStart(6, '0') + account.number.padStart(10, '0');
  const check = 98 - ibanRemainder(`CZ00${bban}`);
  return `CZ${String(check).padStart(2, '0')}${bban}`;
}
