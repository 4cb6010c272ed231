import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nulPath } from './text-guard.ts';

describe('nulPath', () => {
  it('finds NUL exactly when the value holds one, in a key or a text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const holds = JSON.stringify(value).includes('\\u0000');
        expect(nulPath(value, '') !== null).toBe(holds);
      }),
      { numRuns: 2000 },
    );
  });

  it('names where it is', () => {
    expect(nulPath({ lines: [{ note: 'ok' }, { note: 'a\u0000b' }] }, '')).toBe('lines.1.note');
    expect(nulPath({ ['k\u0000']: 1 }, '')).toBe('k\u0000');
    expect(nulPath('x\u0000', 'q')).toBe('q');
    expect(nulPath(Buffer.from([0]), '')).toBeNull();
  });
});

describe('nulPath on parsed queries', () => {
  it('reads objects without the Object prototype, as the query parser makes them', () => {
    // Fastify's query parser builds its objects on a prototype that has none itself.
    const query = Object.assign(Object.create(Object.create(null)) as Record<string, string>, { q: 'x', period: '\u0000' });
    expect(nulPath(query, '')).toBe('period');
  });
});
