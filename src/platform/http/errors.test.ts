import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { addMinor, type MinorUnits } from '../../shared/money.ts';
import { registerErrorHandler } from './errors.ts';

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
