import { describe, expect, it } from 'vitest';
import { formatAmount, formatDate, formatMinutes, formatMoney, formatQuantityText, formatRate } from './format.ts';

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
});
