// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseTimeField } from './timeFieldText';

describe('time field text', () => {
  it('reads a time typed short or long as HH:MM in 24 hours', () => {
    for (const typed of ['9', '09', '900', '0900', '9:00', '09:00', '9.00', '09.00', '9,00', ' 9 : 00 ']) expect(parseTimeField(typed), typed).toBe('09:00');
    expect(parseTimeField('930')).toBe('09:30');
    expect(parseTimeField('1745')).toBe('17:45');
    expect(parseTimeField('17.45')).toBe('17:45');
    expect(parseTimeField('0')).toBe('00:00');
    expect(parseTimeField('23:59')).toBe('23:59');
  });

  it('reads nothing it cannot be sure of: the field then says so instead of dropping it', () => {
    for (const typed of ['', ' ', '24', '2400', '24:00', '9:60', '960', '12345', '9:5', '9.5', '9 am', '9:00 PM', '09:00 --', 'abc', '-9', '18:30:00']) {
      expect(parseTimeField(typed), typed).toBeNull();
    }
  });
});
