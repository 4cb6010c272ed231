// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { rateText } from './rateText';

describe('an exchange rate on screen', () => {
  it('has the decimal comma in Czech and Slovak and at least three decimals, as the ČNB lists it', () => {
    expect(rateText('24.32', 'sk')).toBe('24,320');
    expect(rateText('24.305', 'cs')).toBe('24,305');
    expect(rateText('6.21', 'cs')).toBe('6,210');
    expect(rateText('25', 'sk')).toBe('25,000');
    expect(rateText('0.123456', 'sk')).toBe('0,123456');
    expect(rateText('24.32', 'en')).toBe('24.320');
  });
});
