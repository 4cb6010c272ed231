import { describe, expect, it } from 'vitest';
import { formatInvoiceNumber } from './numbering.ts';
import { DEFAULT_PATTERNS, DOCUMENT_TYPES, patternChangeProblem } from './series.ts';

describe('numbering series', () => {
  it('has a valid default pattern for every document type', () => {
    for (const type of DOCUMENT_TYPES) expect(patternChangeProblem(DEFAULT_PATTERNS[type], 0)).toBeNull();
    expect(formatInvoiceNumber(DEFAULT_PATTERNS.issue_slip, 2026, 1)).toBe('VY202600001');
    expect(formatInvoiceNumber(DEFAULT_PATTERNS.return_slip, 2026, 12)).toBe('VR202600012');
    // Every series of a new installation has the same five-digit sequence (VY202600001, VR202600001, IN202600001 …).
    for (const type of DOCUMENT_TYPES) expect(DEFAULT_PATTERNS[type], type).toMatch(/^[A-Z]{2}\{YYYY\}\{#####\}$/);
  });

  it('refuses a pattern without room for the rest of the started year', () => {
    expect(patternChangeProblem('VY{YYYY}{##}', 98)).toBeNull();
    expect(patternChangeProblem('VY{YYYY}{##}', 99)?.code).toBe('pattern_too_narrow');
    expect(patternChangeProblem('VY{#####}', 0)?.code).toBe('pattern_missing_year');
  });
});
