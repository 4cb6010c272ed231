import { describe, it, expect } from 'vitest';
import { assertMinutes, ceilDiv, floorDiv, formatTimeOfDay, minuteOfDay, roundUpToIncrement, tryMinuteOfDay } from './minutes.ts';

describe('minutes', () => {
  it('guards whole non-negative minutes', () => {
    expect(assertMinutes(0)).toBe(0);
    expect(() => assertMinutes(-1)).toThrow(RangeError);
    expect(() => assertMinutes(1.5)).toThrow(RangeError);
  });

  it('divides and rounds to increments in integers', () => {
    expect(ceilDiv(100, 15)).toBe(7);
    expect(ceilDiv(105, 15)).toBe(7);
    expect(ceilDiv(0, 15)).toBe(0);
    expect(floorDiv(104, 15)).toBe(6);
    expect(roundUpToIncrement(50, 15)).toBe(60);
    expect(roundUpToIncrement(50, 1)).toBe(50);
  });

  it('parses and formats times of day', () => {
    expect(minuteOfDay('00:00')).toBe(0);
    expect(minuteOfDay('18:30')).toBe(1110);
    expect(minuteOfDay('23:59')).toBe(1439);
    expect(tryMinuteOfDay('24:00')).toBe(-1);
    expect(minuteOfDay('24:00', true)).toBe(1440);
    for (const bad of ['8:00', '08:60', '25:00', '0800', '08-00', 'ab:cd', '']) expect(tryMinuteOfDay(bad), bad).toBe(-1);
    expect(() => minuteOfDay('8:00')).toThrow(RangeError);
    expect(formatTimeOfDay(1110)).toBe('18:30');
    expect(formatTimeOfDay(1440)).toBe('24:00');
  });
});
