// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatNumberText, readNumberText } from './numberFieldText';

const cs = { decimalSeparator: ',', thousandSeparator: ' ' };
const en = { decimalSeparator: '.', thousandSeparator: ',' };
const money = { decimals: 2, allowNegative: false };
const quantity = { decimals: 3, allowNegative: false };
const sortOrder = { decimals: 0, allowNegative: false, min: 0 };

describe('number field text', () => {
  it('reads numbers as they are typed in the language: decimal comma, spaces between thousands', () => {
    expect(readNumberText('12 023,77', money, cs)).toEqual({ value: 12023.77, problem: null });
    expect(readNumberText('12\u00a0023,7', money, cs)).toEqual({ value: 12023.7, problem: null });
    expect(readNumberText('12023.77', money, cs)).toEqual({ value: 12023.77, problem: null });
    expect(readNumberText('12,023.77', money, en)).toEqual({ value: 12023.77, problem: null });
    expect(readNumberText('0,5', quantity, cs)).toEqual({ value: 0.5, problem: null });
    expect(readNumberText(',5', quantity, cs)).toEqual({ value: 0.5, problem: null });
    expect(readNumberText('-250', { decimals: 2, allowNegative: true }, cs)).toEqual({ value: -250, problem: null });
    expect(readNumberText('  ', money, cs)).toEqual({ value: null, problem: null });
  });

  it('refuses what it cannot take with its reason, never cutting, erasing or flipping it', () => {
    // A third decimal of money is not dropped: nothing is rounded.
    expect(readNumberText('12023,775', money, cs)).toEqual({ value: null, problem: 'decimals' });
    expect(readNumberText('1,2345', quantity, cs)).toEqual({ value: null, problem: 'decimals' });
    for (const typed of ['abc', '-5x', '1,2,3', '12 023,77 Kč', '1e3', '--5', '5-', ',']) {
      expect(readNumberText(typed, money, cs).problem, typed).toBe('notNumber');
    }
    expect(readNumberText('-5x', sortOrder, cs).problem).toBe('notNumber');
    // English groups thousands with commas, so "12,5" is no 125 (nor 12.5): it is refused, not read as either.
    expect(readNumberText('12,5', money, en).problem).toBe('notNumber');
    expect(readNumberText('1,234,567.5', money, en)).toEqual({ value: 1234567.5, problem: null });
    expect(readNumberText('-5', sortOrder, cs).problem).toBe('negative');
    expect(readNumberText('-5', quantity, cs).problem).toBe('negative');
    expect(readNumberText('2,5', sortOrder, cs).problem).toBe('whole');
    expect(readNumberText('5', { decimals: 0, allowNegative: true, min: 10 }, cs).problem).toBe('belowMin');
    expect(readNumberText('1441', { decimals: 0, allowNegative: false, max: 1440 }, cs).problem).toBe('aboveMax');
  });

  it('writes a number it holds in the language, with fixed decimals where asked', () => {
    expect(formatNumberText(12023.7, 2, true, cs)).toBe('12 023,70');
    expect(formatNumberText(12023.7, 2, false, cs)).toBe('12 023,7');
    expect(formatNumberText(1234567.5, 3, false, en)).toBe('1,234,567.5');
    expect(formatNumberText(-5, 0, false, cs)).toBe('-5');
    expect(formatNumberText(0, 2, false, cs)).toBe('0');
  });
});
