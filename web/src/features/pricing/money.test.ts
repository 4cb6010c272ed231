// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { currencySymbol, formatMoney, formatPercentBp, majorToMinor, minorToMajor } from './money';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('money', () => {
  it('formats minor units in the user’s locale', () => {
    expect(plain(formatMoney(262500, 'CZK', 'cs-CZ'))).toBe('2 625,00 Kč');
    expect(plain(formatMoney(200000, 'CZK', 'cs-CZ'))).toBe('2 000,00 Kč');
    expect(plain(formatMoney(1250, 'EUR', 'sk-SK'))).toBe('12,50 €');
    expect(plain(formatMoney(262500, 'CZK', 'en-GB'))).toBe('CZK 2,625.00');
    expect(plain(formatMoney(0, 'CZK', 'cs-CZ'))).toBe('0,00 Kč');
  });

  it('writes the crown "Kč" in Czech and Slovak alike, as the documents do; English and the euro as Intl writes them', () => {
    const cases: [string, string, number, string][] = [
      ['cs-CZ', 'CZK', 1202377, '12 023,77 Kč'],
      ['sk-SK', 'CZK', 1202377, '12 023,77 Kč'],
      ['en-GB', 'CZK', 993700, 'CZK 9,937.00'],
      ['cs-CZ', 'EUR', 3200, '32,00 €'],
      ['sk-SK', 'EUR', 3200, '32,00 €'],
      ['en-GB', 'EUR', 3200, '€32.00'],
      ['sk-SK', 'CZK', -50, '-0,50 Kč'],
    ];
    for (const [locale, currency, minor, text] of cases) expect(plain(formatMoney(minor, currency, locale)), `${locale} ${currency}`).toBe(text);
    expect(currencySymbol('CZK', 'sk-SK')).toBe('Kč');
    expect(currencySymbol('EUR', 'cs-CZ')).toBe('€');
    expect(currencySymbol('EUR', 'en-GB')).toBe('€');
  });

  it('falls back to the code for an unknown currency', () => {
    expect(plain(formatMoney(100, 'XX1', 'cs-CZ'))).toBe('1,00 XX1');
  });

  it('names the currency as formatMoney prints it, for an input\'s suffix', () => {
    expect(currencySymbol('CZK', 'cs-CZ')).toBe('Kč');
    expect(currencySymbol('EUR', 'sk-SK')).toBe('€');
    expect(currencySymbol('CZK', 'en-GB')).toBe('CZK');
    expect(currencySymbol('XX1', 'cs-CZ')).toBe('XX1');
  });

  it('converts between major and minor units', () => {
    expect(minorToMajor(80000)).toBe(800);
    expect(majorToMinor(800)).toBe(80000);
    expect(majorToMinor(12.5)).toBe(1250);
    expect(majorToMinor('1 000,50')).toBe(100050);
    expect(majorToMinor(0.1 + 0.2)).toBe(30);
    expect(majorToMinor(1.234)).toBeNull();
    expect(majorToMinor(-1)).toBeNull();
    expect(majorToMinor('')).toBeNull();
    expect(majorToMinor(null)).toBeNull();
  });

  it('formats VAT basis points as a percentage', () => {
    expect(plain(formatPercentBp(2100, 'cs-CZ'))).toBe('21 %');
    expect(formatPercentBp(2100, 'en-GB')).toBe('21%');
  });
});
