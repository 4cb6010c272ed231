import { describe, expect, it } from 'vitest';
import { countryName, formatAmount, formatDate, formatMinutes, formatMoney, formatPeriodText, formatQuantityText, formatRate } from './format.ts';

const plain = (text: string) => text.replace(/\u00a0/g, ' ');

describe('document number formats', () => {
  it('money per language', () => {
    expect(plain(formatMoney(123_456, 'CZK', 'cs'))).toBe('1 234,56 Kč');
    expect(plain(formatMoney(123_456, 'EUR', 'sk'))).toBe('1 234,56 €');
    expect(plain(formatMoney(123_456_789, 'CZK', 'en'))).toBe('CZK 1,234,567.89');
    expect(plain(formatMoney(-9_500, 'CZK', 'cs'))).toBe('-95,00 Kč');
    expect(plain(formatMoney(5, 'EUR', 'cs'))).toBe('0,05 €');
    expect(formatAmount(0, 'en')).toBe('0.00');
  });
  it('quantities, rates, dates and minutes', () => {
    expect(plain(formatQuantityText(1_234_500, 'cs'))).toBe('1 234,5');
    expect(formatQuantityText(-250, 'en')).toBe('-0.25');
    expect(plain(formatRate(2100, 'cs'))).toBe('21 %');
    expect(formatRate(1050, 'en')).toBe('10.5%');
    expect(plain(formatDate('2026-11-02', 'cs'))).toBe('2. 11. 2026');
    expect(formatDate('2026-11-02', 'en')).toBe('2 Nov 2026');
    expect(formatMinutes(135)).toBe('2:15');
  });
  it('periods in words', () => {
    expect(plain(formatPeriodText('2026-10', 'cs'))).toBe('říjen 2026');
    expect(plain(formatPeriodText('2026-01', 'sk'))).toBe('január 2026');
    expect(plain(formatPeriodText('2026-12', 'en'))).toBe('December 2026');
    expect(plain(formatPeriodText('2026-Q4', 'cs'))).toBe('4. čtvrtletí 2026');
    expect(plain(formatPeriodText('2026-Q2', 'sk'))).toBe('2. štvrťrok 2026');
    expect(plain(formatPeriodText('2026-Q3', 'en'))).toBe('Q3 2026');
    expect(formatPeriodText('2026', 'cs')).toBe('2026');
    expect(formatPeriodText('not a period', 'cs')).toBe('not a period');
    // The month stays on one line with its year.
    expect(formatPeriodText('2026-10', 'cs')).toBe('říjen\u00a02026');
  });
  it('countries by name in the document language', () => {
    expect(countryName('CZ', 'cs')).toBe('Česká republika');
    expect(countryName('SK', 'cs')).toBe('Slovenská republika');
    expect(countryName('cz', 'sk')).toBe('Česká republika');
    expect(countryName('SK', 'en')).toBe('Slovak Republic');
    expect(countryName('DE', 'cs')).toBe('Německo');
    expect(countryName('AT', 'en')).toBe('Austria');
    // Not a known code: as it was typed.
    expect(countryName('Česko', 'cs')).toBe('Česko');
    expect(countryName('XX', 'en')).toBe('XX');
  });
});
