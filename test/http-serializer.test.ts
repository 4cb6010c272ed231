import fc from 'fast-check';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { clientSchema } from '../src/modules/customers/customers.schemas.ts';
import { jsonWriterFor, serializerCompiler } from '../src/platform/http/serializer.ts';

// The fast response writer must write exactly what zod's serializer writes, and
// refuse (hand over to zod) exactly the values zod refuses.
const viaZod = (schema: z.ZodType) => zodSerializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never);
const viaFast = (schema: z.ZodType) => serializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never);

function outcome(serialize: (data: unknown) => string, value: unknown): string {
  try {
    return serialize(value);
  } catch (err) {
    return `refused: ${(err as Error).name}`;
  }
}

const plain = z.object({
  id: z.number(),
  name: z.string(),
  note: z.string().nullable(),
  kind: z.enum(['a', 'b']),
  flag: z.boolean(),
  fixed: z.literal('x'),
  extra: z.string().optional(),
  address: z.object({ street: z.string(), city: z.string() }).nullable(),
  tags: z.array(z.object({ k: z.string(), v: z.number().nullable() })),
});

// Values near the schema: right and wrong types, extra keys, missing keys, keys out of order.
const anyScalar = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constantFrom('a', 'b', 'x', Number.NaN, Infinity, -0));
// Mostly right, sometimes anything: each wrong field alone must be caught.
const mostly = <T,>(right: fc.Arbitrary<T>) => fc.oneof({ arbitrary: right, weight: 12 }, { arbitrary: anyScalar, weight: 1 });
const nearObject = fc
  .record(
    {
      id: mostly(fc.oneof(fc.integer(), fc.double())),
      name: mostly(fc.string()),
      note: mostly(fc.oneof(fc.string(), fc.constant(null))),
      kind: mostly(fc.constantFrom('a', 'b')),
      flag: mostly(fc.boolean()),
      fixed: mostly(fc.constant('x')),
      extra: fc.oneof(fc.string(), fc.constant(undefined)),
      address: mostly(fc.oneof(fc.constant(null), fc.record({ street: fc.string(), city: mostly(fc.string()), more: fc.string() }, { requiredKeys: ['street', 'city'] }))),
      tags: mostly(fc.array(fc.record({ k: fc.string(), v: mostly(fc.oneof(fc.double(), fc.constant(null))) }))),
      unknown: fc.string(),
    },
    { requiredKeys: ['id', 'name', 'note', 'kind', 'flag', 'fixed', 'address', 'tags'] },
  )
  .chain((o) => fc.shuffledSubarray(Object.keys(o), { minLength: Object.keys(o).length - 1 }).map((keys) => Object.fromEntries(keys.map((k) => [k, o[k as keyof typeof o]]))));

describe('response serializer', () => {
  it('writes exactly what zod writes, and refuses what zod refuses', () => {
    fc.assert(
      fc.property(nearObject, (value) => {
        expect(outcome(viaFast(plain), value)).toBe(outcome(viaZod(plain), value));
      }),
      { numRuns: 3000 },
    );
  });

  it('writes a client as zod does, whatever the key order or extra keys', () => {
    const client = {
      id: 7, name: 'Strojírny "Brno" a.s.', companyId: null, vatId: 'CZ1', taxId: '2020317068', country: 'CZ',
      registeredAddress: { street: 'Hybešova 12', city: 'Brno', postalCode: '602 00', country: 'CZ' }, billingAddress: null,
      email: null, phone: null, language: 'cs', currency: 'CZK', paymentTermsDays: 14, notes: 'a\nb', active: true, version: 3,
      createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z',
    };
    const reordered = { ...Object.fromEntries(Object.entries(client).reverse()), secret: 'never shown' };
    for (const value of [client, reordered, { ...client, language: 'de' }, { ...client, version: Number.NaN }]) {
      expect(outcome(viaFast(clientSchema), value)).toBe(outcome(viaZod(clientSchema), value));
    }
    expect(viaFast(clientSchema)(reordered)).not.toContain('secret');
  });

  it('writes records (string keys) as zod does, and refuses what zod refuses', () => {
    const withRecord = z.object({ id: z.number(), dimensions: z.record(z.string(), z.string()), custom: z.record(z.string(), z.string().nullable()).nullable() });
    const values = fc.record({
      id: fc.integer(),
      dimensions: mostly(fc.dictionary(fc.string(), mostly(fc.string()))),
      custom: mostly(fc.oneof(fc.constant(null), fc.dictionary(fc.string(), mostly(fc.oneof(fc.string(), fc.constant(null)))))),
    });
    fc.assert(
      fc.property(values, (value) => {
        expect(outcome(viaFast(withRecord), value)).toBe(outcome(viaZod(withRecord), value));
      }),
      { numRuns: 2000 },
    );
    expect(jsonWriterFor(withRecord)).not.toBeNull();
    const withUnion = z.object({ custom: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string()), z.null()])) });
    const unionValues = fc.record({ custom: fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.double(), fc.array(mostly(fc.string())), fc.constant(null), anyScalar)) });
    fc.assert(
      fc.property(unionValues, (value) => {
        expect(outcome(viaFast(withUnion), value)).toBe(outcome(viaZod(withUnion), value));
      }),
      { numRuns: 2000 },
    );
    expect(jsonWriterFor(withUnion)).not.toBeNull();
    // An enum key makes zod require every key: left to zod.
    expect(jsonWriterFor(z.record(z.enum(['a', 'b']), z.string()))).toBeNull();
  });

  it('leaves schemas with checks, transforms or catchalls to zod', () => {
    expect(jsonWriterFor(z.object({ n: z.number().int() }))).toBeNull();
    expect(jsonWriterFor(z.object({ e: z.email() }))).toBeNull();
    expect(jsonWriterFor(z.looseObject({ a: z.string() }))).toBeNull();
    expect(jsonWriterFor(z.string().transform((s) => s.length))).toBeNull();
    expect(jsonWriterFor(clientSchema)).not.toBeNull();
  });
});
