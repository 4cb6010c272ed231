import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoCurrencyCode } from '../../../shared/currencies.ts';
import { clientProblems, isCountryCode, isValidIco, isValidSlovakTaxId, isValidVatId, normalizeCompanyId, normalizeIdentity } from './index.ts';

function checkDigit(seven: string): number {
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(seven[i]) * (8 - i);
  return (11 - (sum % 11)) % 10;
}

describe('IČO', () => {
  it('accepts real company ids', () => {
    for (const ico of ['25596641', '00006947', '45274649', '27082440', '35757442', '00151742']) expect(isValidIco(ico)).toBe(true);
  });
  it('refuses a wrong check digit, wrong length or letters', () => {
    for (const ico of ['25596642', '2559664', '255966411', 'abcdefgh', '']) expect(isValidIco(ico)).toBe(false);
  });
  it('pads older short ids', () => {
    expect(normalizeCompanyId(' 6947 ')).toBe('6947');
    expect(normalizeCompanyId('006947')).toBe('00006947');
  });
  it('exactly one check digit fits any seven digits (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{7}$/), (seven) => {
        const valid = [...'0123456789'].filter((d) => isValidIco(seven + d));
        expect(valid).toEqual([String(checkDigit(seven))]);
      }),
    );
  });
});

describe('VAT id', () => {
  it('knows Czech, Slovak and other EU formats', () => {
    for (const v of ['CZ25596641', 'CZ7103192745', 'SK2020317068', 'DE123456789', 'ATU12345678']) expect(isValidVatId(v)).toBe(true);
    for (const v of ['CZ123', 'SK2020317069', 'XX12345678', '25596641', 'DE12345678']) expect(isValidVatId(v)).toBe(false);
  });
});

describe('client rules', () => {
  it('names every problem with its field', () => {
    const problems = clientProblems({ country: 'CZ', companyId: '12345678', vatId: 'CZ1', taxId: 'x', currency: 'XYZ', billingAddressCountry: 'QQ' });
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['currency', 'invalid_currency'],
      ['companyId', 'invalid_company_id'],
      ['vatId', 'invalid_vat_id'],
      ['taxId', 'invalid_format'],
      ['billingAddress.country', 'invalid_country'],
    ]);
  });
  it('refuses a real ISO currency Kontor does not support, naming the ones it does', () => {
    const [problem] = clientProblems({ country: 'JP', companyId: null, vatId: null, taxId: null, currency: 'JPY' });
    expect(problem).toMatchObject({ path: 'currency', code: 'unsupported_currency' });
    expect(problem!.message).toContain('CZK, EUR');
  });
  it('accepts a valid Czech client', () => {
    expect(clientProblems({ country: 'CZ', companyId: '25596641', vatId: 'CZ25596641', taxId: null, currency: 'CZK' })).toEqual([]);
  });
  it('checks a Slovak client\'s DIČ by the Slovak rule, and other countries\' tax ids only for a printable format', () => {
    const slovak = { country: 'SK', companyId: '35697270', vatId: 'SK2020317068', currency: 'EUR' };
    expect(clientProblems(normalizeIdentity({ ...slovak, taxId: '2020 317 068' }))).toEqual([]);
    // A non-payer: DIČ, no IČ DPH.
    expect(clientProblems({ ...slovak, vatId: null, taxId: '2020317068' })).toEqual([]);
    for (const taxId of ['SK2020317068', '202031706', '20203170680', '202031706x']) {
      expect(clientProblems({ ...slovak, taxId }).map((p) => [p.path, p.code]), taxId).toEqual([['taxId', 'invalid_tax_id']]);
    }
    // The same digits a Slovak client may not have with a prefix are a tax id elsewhere, as typed.
    expect(clientProblems({ country: 'CZ', companyId: null, vatId: null, taxId: 'SK2020317068', currency: 'CZK' })).toEqual([]);
    expect(clientProblems({ country: 'HU', companyId: null, vatId: null, taxId: '12345678-1-42', currency: 'HUF' })).toEqual([]);
    expect(clientProblems({ country: 'DE', companyId: null, vatId: null, taxId: '21/815/08150', currency: 'EUR' })).toEqual([]);
    expect(clientProblems({ country: 'DE', companyId: null, vatId: null, taxId: '<b>', currency: 'EUR' }).map((p) => p.code)).toEqual(['invalid_format']);
  });
  it('knows a Slovak DIČ: 10 digits, no prefix', () => {
    expect(isValidSlovakTaxId('2020317068')).toBe(true);
    for (const v of ['SK2020317068', '202031706', '', '2020 317068']) expect(isValidSlovakTaxId(v), v).toBe(false);
  });
  it('knows ISO codes', () => {
    expect(isCountryCode('SK')).toBe(true);
    expect(isCountryCode('ZZ')).toBe(false);
    expect(isIsoCurrencyCode('EUR')).toBe(true);
    expect(isIsoCurrencyCode('EURO')).toBe(false);
    expect(isIsoCurrencyCode('XYZ')).toBe(false);
  });
});
