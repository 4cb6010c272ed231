// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api/client';
import { unitPriceMinor } from '../records/format';
import { factualMessage } from './errors';

describe('the facts of a refusal', () => {
  it('keeps the server words of a stock shortage once, however often they repeat', () => {
    const message = 'Only 3 ks of SSD in Van (10 ks requested)';
    const error = new ApiError(409, 'insufficient_stock', message, [{ path: 'lines.0.quantity', code: 'insufficient_stock', message }], { available: '3' });
    expect(factualMessage(error)).toBe(message);
  });
  it('collects factual details under a generic headline and ignores the rest', () => {
    const error = new ApiError(400, 'validation_failed', 'Invalid', [
      { path: 'lines.0.serials', code: 'serials_count', message: 'give 2 serial number(s) (1 given)' },
      { path: 'date', code: 'required', message: 'Date missing' },
    ]);
    expect(factualMessage(error)).toBe('give 2 serial number(s) (1 given)');
    expect(factualMessage(new ApiError(404, 'not_found', 'Not found'))).toBeNull();
    expect(factualMessage(new Error('x'))).toBeNull();
  });
});

describe('a material record per unit', () => {
  it('divides the amount by the quantity, negative on a return', () => {
    expect(unitPriceMinor(378000, '2')).toBe(189000);
    expect(unitPriceMinor(-189000, '-1')).toBe(189000);
    expect(unitPriceMinor(null, '2')).toBeNull();
    expect(unitPriceMinor(100, '0')).toBeNull();
  });
});
