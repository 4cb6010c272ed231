import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact } from './chain.ts';

const SECRET = /pass(word)?|secret|token|hash|otp/i;

/** The rule in its plainest form: every object copied, every secret key's value replaced. */
function redactedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactedCopy);
  if (value && typeof value === 'object') {
    // fromEntries keeps every key as an own property, "__proto__" too (assignment would set the prototype).
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET.test(k) ? '[redacted]' : redactedCopy(v)]));
  }
  return value;
}

// Keys drawn partly from secret-looking words, so that both paths are taken often.
const key = fc.oneof(fc.constantFrom('password', 'newPassword', 'apiToken', 'hash', 'otpSecret', 'name', 'minutes', 'items', 'Secret'), fc.string({ maxLength: 8 }));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(key, tie('node'), { maxKeys: 5 })),
})).node;

describe('audit redaction', () => {
  it('property: writes the same JSON as redacting a full copy, and never changes its input', () => {
    fc.assert(
      fc.property(value, (v) => {
        const before = JSON.stringify(v);
        const out = redact(v);
        expect(JSON.stringify(out)).toBe(JSON.stringify(redactedCopy(v)));
        expect(JSON.stringify(v)).toBe(before);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a key named "__proto__" as data, with or without a secret beside it', () => {
    const own = (o: object) => JSON.parse(`{"__proto__":"x",${JSON.stringify(o).slice(1)}`) as object;
    expect(JSON.stringify(redact(own({ keep: 1 })))).toBe('{"__proto__":"x","keep":1}');
    expect(JSON.stringify(redact(own({ password: 'p' })))).toBe('{"__proto__":"x","password":"[redacted]"}');
  });

  it('returns an entry without secrets as it is, and copies one with a secret', () => {
    const clean = { minutes: 30, dimensions: { service: 'email' }, lines: [{ qty: 1 }] };
    expect(redact(clean)).toBe(clean);
    const secret = { name: 'Jana', nested: { password: 'x', keep: 1 } };
    expect(redact(secret)).toEqual({ name: 'Jana', nested: { password: '[redacted]', keep: 1 } });
    expect(secret.nested.password).toBe('x');
  });
});
