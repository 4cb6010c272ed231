// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { documentTitle } from './documentTitle';

describe('documentTitle', () => {
  it('puts the page before the product name', () => {
    expect(documentTitle('Faktury')).toBe('Faktury · Kontor');
    expect(documentTitle('T2026-000001 Tiskárna netiskne')).toBe('T2026-000001 Tiskárna netiskne · Kontor');
  });

  it('folds the whitespace of a heading read from the page', () => {
    expect(documentTitle('  Faktura\n   FV2026-0001 ')).toBe('Faktura FV2026-0001 · Kontor');
  });

  it('is the product name alone for a page without a name yet', () => {
    expect(documentTitle('')).toBe('Kontor');
    expect(documentTitle('   ')).toBe('Kontor');
    expect(documentTitle(null)).toBe('Kontor');
    expect(documentTitle(undefined)).toBe('Kontor');
  });
});
