import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonBytes } from './json-text.ts';

describe('jsonBytes', () => {
  it('property: is the UTF-8 of before, the items joined by commas, and after', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.array(fc.jsonValue().map((v) => JSON.stringify(v))), fc.string({ unit: 'grapheme' }), (before, items, after) => {
        const bytes = jsonBytes(before, items.map((item) => Buffer.from(item)), after);
        expect(bytes.equals(Buffer.from(`${before}${items.join(',')}${after}`))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('writes a page that parses back to its items', () => {
    const items = [{ id: 1, subject: 'Tiskárna 😀 "hlásí" \\ chybu' }, { id: 2, subject: '\u2028' }];
    const page = jsonBytes('{"items":[', items.map((i) => Buffer.from(JSON.stringify(i))), '],"nextCursor":null}');
    expect(JSON.parse(page.toString('utf8'))).toEqual({ items, nextCursor: null });
    expect(jsonBytes('[', [], ']').toString()).toBe('[]');
  });
});
