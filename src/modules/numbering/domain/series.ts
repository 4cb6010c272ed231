/**
 * The numbering series Kontor keeps, one per document type, and their default
 * patterns (what a fresh install numbers with until an administrator changes them).
 */
import { parseNumberingPattern, patternCapacity, type PatternProblem } from './numbering.ts';

export const DOCUMENT_TYPES = ['invoice', 'credit_note', 'issue_slip', 'return_slip', 'receipt', 'transfer', 'stock_count'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DEFAULT_PATTERNS: Readonly<Record<DocumentType, string>> = {
  invoice: 'FV{YYYY}{#####}',
  credit_note: 'DB{YYYY}{#####}',
  issue_slip: 'VY{YYYY}{#####}',
  return_slip: 'VR{YYYY}{#####}',
  receipt: 'PR{YYYY}{#####}',
  transfer: 'PV{YYYY}{#####}',
  stock_count: 'IN{YYYY}{#####}',
};

export function isDocumentType(value: string): value is DocumentType {
  return (DOCUMENT_TYPES as readonly string[]).includes(value);
}

const PROBLEM_TEXT: Record<PatternProblem, string> = {
  empty: 'The pattern is empty',
  too_long: 'The pattern is longer than 40 characters',
  invalid_character: 'The pattern may contain only letters A–Z, digits, - / _ . and the tokens {YYYY}, {YY}, {#…#}',
  unknown_token: 'Unknown token: use {YYYY}, {YY} or {#} to {##########}',
  missing_sequence: 'The pattern needs a sequence token such as {#####}',
  multiple_sequences: 'The pattern may contain only one sequence token',
  missing_year: 'The pattern needs a year token {YYYY} or {YY}: numbers restart every year',
};

/**
 * Why a new pattern cannot replace the current one, or null. A change applies
 * from the next number on and the year's sequence continues where it stands
 * (it never restarts, so no number is issued twice and none is skipped); the new
 * pattern must therefore have room for the sequences still to come this year.
 */
export function patternChangeProblem(pattern: string, highestSequenceUsed: number): { code: string; message: string } | null {
  const parsed = parseNumberingPattern(pattern);
  if (!parsed.ok) return { code: `pattern_${parsed.problem}`, message: PROBLEM_TEXT[parsed.problem] };
  const capacity = patternCapacity(parsed.pattern);
  if (capacity <= highestSequenceUsed) {
    return {
      code: 'pattern_too_narrow',
      message: `The sequence of this year is already at ${highestSequenceUsed}; the pattern holds at most ${capacity}: add digits to the sequence token`,
    };
  }
  return null;
}
