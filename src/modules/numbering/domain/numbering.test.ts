import { describe, it, expect } from 'vitest';
import { formatInvoiceNumber, parseNumberingPattern, patternCapacity, variableSymbol } from './numbering.ts';

describe('numbering patterns', () => {
  it('formats year and zero-padded sequence', () => {
    expect(formatInvoiceNumber('FV{YYYY}{#####}', 2026, 42)).toBe('FV202600042');
    expect(formatInvoiceNumber('{YY}-{####}', 2026, 7)).toBe('26-0007');
    expect(formatInvoiceNumber('{YY}-{####}', 2009, 7)).toBe('09-0007');
    expect(formatInvoiceNumber('DD/{YYYY}/{#}', 2026, 9)).toBe('DD/2026/9');
  });

  it('refuses a sequence that outgrows its width', () => {
    expect(patternCapacity('{YY}-{####}')).toBe(9999);
    expect(() => formatInvoiceNumber('{YY}-{####}', 2026, 10_000)).toThrow(/does not fit/);
    expect(() => formatInvoiceNumber('{YY}-{####}', 2026, 0)).toThrow(RangeError);
  });

  it('validates patterns', () => {
    const problem = (pattern: string) => {
      const result = parseNumberingPattern(pattern);
      return result.ok ? 'ok' : result.problem;
    };
    expect(problem('FV{YYYY}{#####}')).toBe('ok');
    expect(problem('')).toBe('empty');
    expect(problem('FV{#####}')).toBe('missing_year');
    expect(problem('FV{YYYY}')).toBe('missing_sequence');
    expect(problem('{YYYY}{##}{##}')).toBe('multiple_sequences');
    expect(problem('{YYYY}{MM}{###}')).toBe('unknown_token');
    expect(problem('{YYYY}{###########}')).toBe('unknown_token'); // 11 digits
    expect(problem('FV {YYYY}{###}')).toBe('invalid_character');
    expect(problem('Ř{YYYY}{###}')).toBe('invalid_character');
    expect(problem(`${'A'.repeat(40)}{YY}{#}`)).toBe('too_long');
    expect(() => formatInvoiceNumber('FV{#####}', 2026, 1)).toThrow(/missing_year/);
  });
});

describe('variableSymbol', () => {
  it('takes the digits of the number, at most the last 10', () => {
    expect(variableSymbol('FV202600042')).toBe('202600042');
    expect(variableSymbol('26-0007')).toBe('260007');
    expect(variableSymbol('FV2026-000000042')).toBe('6000000042');
    expect(variableSymbol('ABC')).toBeNull();
  });
  it("never gives a credit note of the default series its invoice's symbol", () => {
    // Same sequence number in both default series: FV202600001 and DB202600001.
    expect(variableSymbol(formatInvoiceNumber('FV{YYYY}{#####}', 2026, 1), 'invoice')).toBe('202600001');
    expect(variableSymbol(formatInvoiceNumber('DB{YYYY}{#####}', 2026, 1), 'credit_note')).toBe('9202600001');
    expect(variableSymbol('DB2026-000000042', 'credit_note')).toBe('9000000042');
    expect(variableSymbol('DB', 'credit_note')).toBeNull();
  });
});
