// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { previewNumber } from './pattern';

describe('numbering pattern preview', () => {
  it('fills the year and the zero-padded sequence', () => {
    expect(previewNumber('VY{YYYY}{#####}', 2026, 42)).toEqual({ ok: true, number: 'VY202600042' });
    expect(previewNumber('{YY}-{####}', 2026, 7)).toEqual({ ok: true, number: '26-0007' });
    expect(previewNumber('PR/{YYYY}/{###}', 2027, 1)).toEqual({ ok: true, number: 'PR/2027/001' });
  });

  it('names what is wrong, like the server', () => {
    expect(previewNumber('', 2026, 1)).toEqual({ ok: false, problem: 'empty' });
    expect(previewNumber('VY{YYYY}', 2026, 1)).toEqual({ ok: false, problem: 'missing_sequence' });
    expect(previewNumber('VY{#####}', 2026, 1)).toEqual({ ok: false, problem: 'missing_year' });
    expect(previewNumber('VY{YYYY}{##}{##}', 2026, 1)).toEqual({ ok: false, problem: 'multiple_sequences' });
    expect(previewNumber('VY {YYYY}{##}', 2026, 1)).toEqual({ ok: false, problem: 'invalid_character' });
    expect(previewNumber('VY{MM}{YYYY}{##}', 2026, 1)).toEqual({ ok: false, problem: 'unknown_token' });
    expect(previewNumber(`${'A'.repeat(35)}{YYYY}{#}`, 2026, 1)).toEqual({ ok: false, problem: 'too_long' });
  });

  it('refuses a sequence that does not fit the width', () => {
    expect(previewNumber('VY{YYYY}{##}', 2026, 99)).toEqual({ ok: true, number: 'VY202699' });
    expect(previewNumber('VY{YYYY}{##}', 2026, 100)).toEqual({ ok: false, problem: 'too_narrow' });
  });
});
