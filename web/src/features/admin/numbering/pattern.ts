// A live preview of a numbering pattern as the administrator types it ({YYYY}, {YY}, {#…#}).
// The server decides (and explains a refusal); this only shows what the next number would look like.

export type PatternProblem = 'empty' | 'too_long' | 'invalid_character' | 'unknown_token' | 'missing_sequence' | 'multiple_sequences' | 'missing_year' | 'too_narrow';

export type Preview = { ok: true; number: string } | { ok: false; problem: PatternProblem };

const MAX_LENGTH = 40;
const LITERAL = /^[A-Za-z0-9\-/_.]$/;
const TOKEN = /^\{(YYYY|YY|#{1,10})\}/;

/** 'VY{YYYY}{#####}', 2026, 42 → 'VY202600042'. */
export function previewNumber(pattern: string, year: number, sequence: number): Preview {
  if (pattern.length === 0) return { ok: false, problem: 'empty' };
  if (pattern.length > MAX_LENGTH) return { ok: false, problem: 'too_long' };
  let out = '';
  let width = 0;
  let hasYear = false;
  for (let i = 0; i < pattern.length; ) {
    const char = pattern[i] ?? '';
    if (char === '{') {
      const token = TOKEN.exec(pattern.slice(i));
      if (!token) return { ok: false, problem: 'unknown_token' };
      const name = token[1] ?? '';
      if (name === 'YYYY') out += String(year).padStart(4, '0');
      else if (name === 'YY') out += String(year % 100).padStart(2, '0');
      else {
        if (width > 0) return { ok: false, problem: 'multiple_sequences' };
        width = name.length;
        out += '\u0000';
      }
      if (name.startsWith('Y')) hasYear = true;
      i += token[0].length;
      continue;
    }
    if (!LITERAL.test(char)) return { ok: false, problem: 'invalid_character' };
    out += char;
    i++;
  }
  if (width === 0) return { ok: false, problem: 'missing_sequence' };
  if (!hasYear) return { ok: false, problem: 'missing_year' };
  if (sequence > 10 ** width - 1) return { ok: false, problem: 'too_narrow' };
  return { ok: true, number: out.replace('\u0000', String(sequence).padStart(width, '0')) };
}
