import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addMinor, type MinorUnits } from '../../shared/money.ts';
import { detailsFromIssues, registerErrorHandler } from './errors.ts';

describe('the error handler', () => {
  it('answers an overflow of money arithmetic that no input bound caught as 400 amount_too_large, not 500', async () => {
    const app = Fastify();
    registerErrorHandler(app);
    app.get('/sum', async () => ({ total: addMinor(Number.MAX_SAFE_INTEGER as MinorUnits, 1 as MinorUnits) }));
    const res = await app.inject({ method: 'GET', url: '/sum' });
    await app.close();
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('amount_too_large');
    expect(res.json().error.message).toMatch(/larger than Kontor can keep exactly/);
  });
});

describe('detailsFromIssues', () => {
  const detailsOf = (schema: z.ZodType, input: unknown) => {
    const parsed = schema.safeParse(input);
    if (parsed.success) throw new Error('expected a refusal');
    return detailsFromIssues(parsed.error.issues);
  };

  it('sends the inclusive limit a text, number or list broke, next to the unchanged path, code and message', () => {
    const schema = z.object({
      name: z.string().max(200),
      code: z.string().min(3),
      percent: z.number().int().min(1).max(99),
      tags: z.array(z.string()).max(2),
      big: z.bigint().max(5n),
    });
    expect(detailsOf(schema, { name: 'x'.repeat(201), code: 'ab', percent: 100, tags: ['a', 'b', 'c'], big: 9n })).toEqual([
      { path: 'name', code: 'too_long', message: 'Too big: expected string to have <=200 characters', maximum: 200 },
      { path: 'code', code: 'too_short', message: 'Too small: expected string to have >=3 characters', minimum: 3 },
      { path: 'percent', code: 'too_big', message: 'Too big: expected number to be <=99', maximum: 99 },
      { path: 'tags', code: 'too_big', message: 'Too big: expected array to have <=2 items', maximum: 2 },
      { path: 'big', code: 'too_big', message: 'Too big: expected bigint to be <=5', maximum: 5 },
    ]);
    expect(detailsOf(schema.shape.percent, 0)).toEqual([{ path: '', code: 'too_small', message: 'Too small: expected number to be >=1', minimum: 1 }]);
  });

  it('sends no limit for an exclusive bound ("more than 0" is no "at least") nor on other problems', () => {
    expect(detailsOf(z.object({ rate: z.number().gt(0) }), { rate: 0 })).toEqual([{ path: 'rate', code: 'too_small', message: 'Too small: expected number to be >0' }]);
    expect(detailsOf(z.object({ rate: z.number() }), { rate: 'x' })).toEqual([{ path: 'rate', code: 'invalid_type', message: 'Invalid input: expected number, received string' }]);
    expect(detailsOf(z.strictObject({}), { extra: 1 })).toEqual([{ path: 'extra', code: 'unknown_field', message: 'Unknown field "extra"' }]);
  });
});
