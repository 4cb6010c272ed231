import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { czechAccountToIban, formatCzechAccount, isValidBic, isValidIban, normalizeIban, parseCzechAccount } from './bank-account.ts';

describe('IBAN', () => {
  it('accepts published valid IBANs and refuses a changed digit', () => {
    for (const iban of ['CZ6508000000192000145399', 'SK9611000000002918599669', 'AT611904300234573201', 'DE89370400440532013000', 'GB82WEST12345698765432']) {
      expect([iban, isValidIban(iban)]).toEqual([iban, true]);
    }
    expect(isValidIban('CZ6508000000192000145398')).toBe(false);
    expect(isValidIban('SK961100000000291859966')).toBe(false); // one digit short for SK
    expect(isValidIban(normalizeIban('cz65 0800 0000 1920 0014 5399'))).toBe(true);
  });

  it('any single changed digit breaks the check', () => {
    fc.assert(fc.property(fc.integer({ min: 4, max: 23 }), fc.integer({ min: 1, max: 9 }), (position, delta) => {
      const iban = 'CZ6508000000192000145399';
      const digit = (Number(iban[position]) + delta) % 10;
      return !isValidIban(iban.slice(0, position) + digit + iban.slice(position + 1));
    }));
  });
});

describe('Czech domestic account', () => {
  it('parses the account of the Czech Banking Association example and converts it to its IBAN', () => {
    const account = parseCzechAccount('19-2000145399/0800');
    expect(account).toEqual({ prefix: '19', number: '2000145399', bankCode: '0800' });
    expect(czechAccountToIban(account!)).toBe('CZ6508000000192000145399');
    expect(formatCzechAccount(account!)).toBe('19-2000145399/0800');
  });

  it('refuses wrong check digits and malformed text', () => {
    expect(parseCzechAccount('19-2000145398/0800')).toBeNull();
    expect(parseCzechAccount('18-2000145399/0800')).toBeNull();
    expect(parseCzechAccount('2000145399/080')).toBeNull();
    expect(parseCzechAccount('abc')).toBeNull();
  });

  it('every IBAN made from a valid account passes the mod-97 check', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 9_999_999_999 }), fc.integer({ min: 0, max: 9999 }), (n, bank) => {
      const account = parseCzechAccount(`${n}/${String(bank).padStart(4, '0')}`);
      return account === null || isValidIban(czechAccountToIban(account));
    }));
  });
});

describe('BIC', () => {
  it('accepts 8 and 11 characters', () => {
    expect(isValidBic('GIBACZPX')).toBe(true);
    expect(isValidBic('DEUTDEFF500')).toBe(true);
    expect(isValidBic('GIBACZP')).toBe(false);
  });
});
