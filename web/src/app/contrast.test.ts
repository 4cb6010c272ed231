import { describe, expect, test } from 'vitest';
import { AA_TEXT, contrastRatio, luminance, readableOn, readableOnDark } from './contrast';

describe('contrast', () => {
  test('ratios follow WCAG 2: black on white is 21, a colour on itself 1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#fff', '#ffffff')).toBeCloseTo(1, 5);
    expect(luminance('#ffffff')).toBeCloseTo(1, 5);
    // Mantine's gray-6 (its default "dimmed" text) on white: below AA.
    expect(contrastRatio('#868e96', '#ffffff')).toBeCloseTo(3.32, 2);
  });

  test('readableOn keeps a colour that already passes and darkens one that does not, only as far as needed', () => {
    expect(readableOn('#1971c2', ['#ffffff'])).toBe('#1971c2');
    const dimmed = readableOn('#868e96', ['#ffffff', '#f1f3f5']);
    expect(dimmed).not.toBe('#868e96');
    expect(contrastRatio(dimmed, '#f1f3f5')).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrastRatio(dimmed, '#f1f3f5')).toBeLessThan(AA_TEXT + 0.5);
    // Yellow text on a light yellow badge.
    const yellow = readableOn('#e67700', ['#fff3bf']);
    expect(contrastRatio(yellow, '#fff3bf')).toBeGreaterThanOrEqual(AA_TEXT);
  });

  test('readableOnDark lightens, only as far as needed, for dark panels', () => {
    // Mantine's dimmed grey of the dark scheme on its page: 4.03, below AA.
    expect(contrastRatio('#828282', '#242424')).toBeCloseTo(4.04, 2);
    const dimmed = readableOnDark('#828282', ['#242424', '#2e2e2e']);
    expect(contrastRatio(dimmed, '#2e2e2e')).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrastRatio(dimmed, '#2e2e2e')).toBeLessThan(AA_TEXT + 0.5);
    expect(luminance(dimmed)).toBeGreaterThan(luminance('#828282'));
    expect(readableOnDark('#ffffff', ['#242424'])).toBe('#ffffff');
  });

  test('bad input is refused, not guessed', () => {
    expect(() => readableOn('blue', ['#fff'])).toThrow(/hex/);
  });
});
