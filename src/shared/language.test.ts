import { describe, expect, it } from 'vitest';
import { isLanguage, LANGUAGES } from './language.ts';

describe('languages', () => {
  it('knows Czech, Slovak and English, Czech first', () => {
    expect(LANGUAGES).toEqual(['cs', 'sk', 'en']);
  });

  it('accepts only their exact codes', () => {
    for (const language of LANGUAGES) expect(isLanguage(language)).toBe(true);
    for (const other of ['de', 'CS', ' en', '', 'toString', null, undefined, 0]) expect(isLanguage(other), String(other)).toBe(false);
  });
});
