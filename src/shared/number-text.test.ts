import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from './language.ts';
import { amountText, keepUnitsWithNumbers, numberMarks, percentText, quantityText, wholeNumberText } from './number-text.ts';

const plain = (text: string) => text.replaceAll('\u00a0', ' ');

/** Reads a written number back: drop the grouping, make the decimal mark a point, scale to an integer. */
function parseBack(text: string, language: Language, decimals: number): number {
  const { group, point } = numberMarks(language);
  const canonical = text.replaceAll(group, '').replace(point, '.');
  expect(canonical).toMatch(/^-?\d+(\.\d+)?$/);
  const [whole = '', fraction = ''] = canonical.replace('-', '').split('.');
  expect(fraction.length).toBeLessThanOrEqual(decimals);
  const value = Number(whole) * 10 ** decimals + Number(fraction.padEnd(decimals, '0') || '0');
  return canonical.startsWith('-') ? -value : value;
}

/** The whole part is split into groups of three digits (the first may be shorter) by the language's separator only. */
function expectGroupsOfThree(text: string, language: Language): void {
  const { group, point } = numberMarks(language);
  const whole = text.replace(/^-/, '').split(point)[0]!;
  const groups = whole.split(group);
  expect(groups[0]).toMatch(/^[1-9]\d{0,2}$|^0$/);
  for (const g of groups.slice(1)) expect(g).toMatch(/^\d{3}$/);
  // Four or more digits are always grouped (unlike Intl's cs/sk, which leaves "1234" whole).
  if (groups.join('').length >= 4) expect(groups.length).toBeGreaterThan(1);
}

describe('number text', () => {
  it('writes amounts, quantities and whole numbers as documents do, in each language', () => {
    expect(plain(amountText(123_456, 'cs'))).toBe('1 234,56');
    expect(amountText(123_456, 'sk')).toBe('1\u00a0234,56');
    expect(amountText(123_456_789, 'en')).toBe('1,234,567.89');
    expect(amountText(123_400, 'cs')).toBe('1\u00a0234,00'); // four digits are grouped, unlike Intl's Czech
    expect(amountText(-9_500, 'cs')).toBe('-95,00');
    expect(amountText(-5, 'en')).toBe('-0.05');
    expect(amountText(0, 'sk')).toBe('0,00');
    expect(amountText(-123_456_700, 'sk')).toBe('-1\u00a0234\u00a0567,00');
    expect(amountText(1_234, 'en', 0)).toBe('1,234');
    expect(amountText(1_234_567, 'cs', 3)).toBe('1\u00a0234,567');
    expect(plain(quantityText(1_234_500, 'cs'))).toBe('1 234,5');
    expect(quantityText(1_500, 'sk')).toBe('1,5');
    expect(quantityText(36_000, 'en')).toBe('36');
    expect(quantityText(-250, 'en')).toBe('-0.25');
    expect(quantityText(125, 'cs')).toBe('0,125');
    expect(wholeNumberText(1_234, 'cs')).toBe('1\u00a0234');
    expect(wholeNumberText(-999, 'en')).toBe('-999');
    expect(wholeNumberText(1_000_000, 'en')).toBe('1,000,000');
  });

  it('writes percentages with the sign kept on the number’s line in Czech and Slovak, as English writes them in English', () => {
    expect(percentText(2100, 'cs')).toBe('21\u00a0%');
    expect(percentText(1050, 'sk')).toBe('10,5\u00a0%');
    expect(percentText(5, 'cs')).toBe('0,05\u00a0%');
    expect(percentText(5000, 'en')).toBe('50%');
    expect(percentText(-1250, 'en')).toBe('-12.5%');
    expect(percentText(1_000_000, 'cs')).toBe('10\u00a0000\u00a0%');
  });

  it('keeps a unit on its number’s line in texts written before, and changes nothing else', () => {
    expect(keepUnitsWithNumbers('Práce u zákazníka – mimo pracovní dobu (+50 %)')).toBe('Práce u zákazníka – mimo pracovní dobu (+50\u00a0%)');
    expect(keepUnitsWithNumbers('Interní náklad: 180 min × 450,00/h = 1\u00a0350,00 CZK')).toBe('Interní náklad: 180\u00a0min × 450,00/h = 1\u00a0350,00\u00a0CZK');
    expect(keepUnitsWithNumbers('1 h 45 min, 36 km, 2 ks, 100 % = 3 000,00 Kč')).toBe('1\u00a0h 45\u00a0min, 36\u00a0km, 2\u00a0ks, 100\u00a0% = 3 000,00\u00a0Kč');
    // A word that merely starts like a unit, and numbers followed by words, stay as they are.
    for (const text of ['Paušál 2026 – Předplacené hodiny', 'Servis 2 hodiny', 'Výjezd 1 km2', 'Pásmo 2 minimum', 'T2026-000005 Správa']) expect(keepUnitsWithNumbers(text)).toBe(text);
  });

  it('refuses what is not a safe integer instead of writing a wrong number', () => {
    expect(() => amountText(1.5, 'cs')).toThrow(RangeError);
    expect(() => amountText(Number.MAX_SAFE_INTEGER + 1, 'en')).toThrow(RangeError);
    expect(() => amountText(100, 'en', 7)).toThrow(RangeError);
    expect(() => quantityText(Number.NaN, 'sk')).toThrow(RangeError);
    expect(() => wholeNumberText(0.5, 'en')).toThrow(RangeError);
  });

  it('property: any amount reads back to the same value, in groups of three, keeping its sign', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LANGUAGES), fc.maxSafeInteger(), fc.integer({ min: 0, max: 4 }), (language, minor, decimals) => {
        const text = amountText(minor, language, decimals);
        expect(parseBack(text, language, decimals)).toBe(minor);
        expectGroupsOfThree(text, language);
        expect(text.startsWith('-')).toBe(minor < 0);
        if (decimals > 0) expect(text).toMatch(new RegExp(`\\${numberMarks(language).point}\\d{${decimals}}$`));
      }),
      { numRuns: 500 },
    );
  });

  it('property: any quantity reads back to the same thousandths, in groups of three, keeping its sign', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LANGUAGES), fc.maxSafeInteger(), (language, milli) => {
        const text = quantityText(milli, language);
        expect(parseBack(text, language, 3)).toBe(milli);
        expectGroupsOfThree(text, language);
        expect(text.startsWith('-')).toBe(milli < 0);
        const fraction = text.split(numberMarks(language).point)[1];
        if (fraction !== undefined) expect(fraction).toMatch(/^\d{0,2}[1-9]$/); // shortest: no trailing zeros
      }),
      { numRuns: 500 },
    );
  });

  it('property: any whole number reads back, in groups of three, keeping its sign', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LANGUAGES), fc.maxSafeInteger(), (language, value) => {
        const text = wholeNumberText(value, language);
        expect(parseBack(text, language, 0)).toBe(value);
        expectGroupsOfThree(text, language);
        expect(text.startsWith('-')).toBe(value < 0);
      }),
      { numRuns: 300 },
    );
  });
});
