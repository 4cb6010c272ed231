import { describe, expect, it } from 'vitest';
import { isReverseCharge } from './reverse-charge.ts';

describe('reverse charge', () => {
  it('applies to an EU business with a VAT id in another member state only', () => {
    expect(isReverseCharge('CZ', { country: 'SK', vatId: 'SK2020123456' })).toBe(true);
    expect(isReverseCharge('CZ', { country: 'DE', vatId: 'DE123456789' })).toBe(true);
    expect(isReverseCharge('CZ', { country: 'CZ', vatId: 'CZ12345678' })).toBe(false); // same state
    expect(isReverseCharge('CZ', { country: 'SK', vatId: null })).toBe(false); // not a VAT-registered business
    expect(isReverseCharge('CZ', { country: 'SK', vatId: '  ' })).toBe(false);
    expect(isReverseCharge('CZ', { country: 'US', vatId: 'US123' })).toBe(false); // outside the EU
  });
});
