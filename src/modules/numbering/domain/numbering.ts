/**
 * Invoice numbers from a series pattern, and the variable symbol (BILLING.md §4).
 *
 * A pattern mixes literal text with tokens:
 *   {YYYY}  the four-digit year     {YY}  its last two digits
 *   {#…#}   the sequence, zero-padded to the number of '#' (1–10)
 * e.g. 'FV{YYYY}{#####}' → 'FV202600042', '{YY}-{####}' → '26-0042'.
 * Numbering is gap-free per series AND year, so a pattern must contain a year
 * token (otherwise January's 0001 would repeat last year's) and exactly one
 * sequence token. A sequence that outgrows its width is an error, not a
 * silently longer number: the series is full and someone must widen it.
 */

export type PatternProblem =
  | 'empty'
  | 'too_long'
  | 'invalid_character'
  | 'unknown_token'
  | 'missing_sequence'
  | 'multiple_sequences'
  | 'missing_year';

type Part = { readonly kind: 'literal'; readonly text: string } | { readonly kind: 'year4' | 'year2' } | { readonly kind: 'sequence'; readonly width: number };

export interface NumberingPattern {
  readonly source: string;
  readonly parts: readonly Part[];
  readonly sequenceWidth: number;
}

export type PatternParseResult = { readonly ok: true; readonly pattern: NumberingPattern } | { readonly ok: false; readonly problem: PatternProblem; readonly at?: number };

/** Longest pattern accepted; invoice numbers go into bank and XML fields of limited size. */
export const MAX_PATTERN_LENGTH = 40;

const LITERAL = /^[A-Za-z0-9\-/_.]$/;
const TOKEN = /^\{(YYYY|YY|#{1,10})\}/;

export function parseNumberingPattern(source: string): PatternParseResult {
  if (source.length === 0) return { ok: false, problem: 'empty' };
  if (source.length > MAX_PATTERN_LENGTH) return { ok: false, problem: 'too_long' };
  const parts: Part[] = [];
  let sequenceWidth = 0;
  let hasYear = false;
  let literal = '';
  for (let i = 0; i < source.length; ) {
    const char = source[i]!;
    if (char === '{') {
      const token = TOKEN.exec(source.slice(i));
      if (token === null) return { ok: false, problem: 'unknown_token', at: i };
      if (literal !== '') parts.push({ kind: 'literal', text: literal });
      literal = '';
      const name = token[1]!;
      if (name === 'YYYY' || name === 'YY') {
        parts.push({ kind: name === 'YYYY' ? 'year4' : 'year2' });
        hasYear = true;
      } else {
        if (sequenceWidth > 0) return { ok: false, problem: 'multiple_sequences', at: i };
        sequenceWidth = name.length;
        parts.push({ kind: 'sequence', width: sequenceWidth });
      }
      i += token[0].length;
      continue;
    }
    if (!LITERAL.test(char)) return { ok: false, problem: 'invalid_character', at: i };
    literal += char;
    i++;
  }
  if (literal !== '') parts.push({ kind: 'literal', text: literal });
  if (sequenceWidth === 0) return { ok: false, problem: 'missing_sequence' };
  if (!hasYear) return { ok: false, problem: 'missing_year' };
  return { ok: true, pattern: { source, parts, sequenceWidth } };
}

/** The largest sequence number the pattern can hold (9999 for {####}). */
export function patternCapacity(pattern: string | NumberingPattern): number {
  return 10 ** compile(pattern).sequenceWidth - 1;
}

function compile(pattern: string | NumberingPattern): NumberingPattern {
  if (typeof pattern !== 'string') return pattern;
  const parsed = parseNumberingPattern(pattern);
  if (!parsed.ok) throw new RangeError(`invalid numbering pattern '${pattern}': ${parsed.problem}`);
  return parsed.pattern;
}

/** formatInvoiceNumber('FV{YYYY}{#####}', 2026, 42) → 'FV202600042'. */
export function formatInvoiceNumber(pattern: string | NumberingPattern, year: number, sequence: number): string {
  const compiled = compile(pattern);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`year out of range: ${year}`);
  const capacity = 10 ** compiled.sequenceWidth - 1;
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`sequence must be a positive integer, got ${sequence}`);
  if (sequence > capacity) throw new RangeError(`sequence ${sequence} does not fit the pattern '${compiled.source}' (at most ${capacity})`);
  return compiled.parts
    .map((part) => {
      switch (part.kind) {
        case 'literal':
          return part.text;
        case 'year4':
          return String(year);
        case 'year2':
          return String(year % 100).padStart(2, '0');
        case 'sequence':
          return String(sequence).padStart(part.width, '0');
      }
    })
    .join('');
}

/** The digit a credit note's variable symbol starts with (see variableSymbol). */
export const CREDIT_NOTE_VS_PREFIX = '9';

/**
 * The variable symbol for a payment: the document number's digits, at most 10
 * (the last 10, which keep the sequence); null when it has no digits.
 *
 * A credit note's is CREDIT_NOTE_VS_PREFIX followed by its last 9 digits: the
 * default series FV{YYYY}{#####} and DB{YYYY}{#####} have the same digits
 * (FV202600001 and DB202600001 would both be 202600001), which makes a bank
 * payment ambiguous; with the prefix DB202600001 is 9202600001, one digit longer
 * than any default invoice's. Custom patterns could still meet (an invoice
 * pattern with ten digits starting with 9): issuing checks that no document of
 * the other kind holds the symbol already.
 */
export function variableSymbol(documentNumber: string, documentType: string = 'invoice'): string | null {
  const digits = documentNumber.replace(/\D/g, '');
  if (digits === '') return null;
  return documentType === 'credit_note' ? CREDIT_NOTE_VS_PREFIX + digits.slice(-9) : digits.slice(-10);
}
