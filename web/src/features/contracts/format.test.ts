// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatMinutes, minuteAxisLabels, minuteAxisTicks, periodAxisLabel } from './format';

describe('the prepaid-minutes chart speaks in hours, as the ledger table beside it', () => {
  it('puts its axis ticks on whole hours, at most 5 gaps apart', () => {
    expect(minuteAxisTicks(600)).toEqual([0, 120, 240, 360, 480, 600]);
    expect(minuteAxisTicks(780)).toEqual([0, 180, 360, 540, 720, 900]);
    expect(minuteAxisTicks(61)).toEqual([0, 60, 120]);
    expect(minuteAxisTicks(6000)).toEqual([0, 1200, 2400, 3600, 4800, 6000]);
    expect(minuteAxisTicks(6001)).toEqual([0, 1800, 3600, 5400, 7200]);
    for (const max of [61, 150, 420, 600, 780, 1000, 2500, 60_000]) {
      const ticks = minuteAxisTicks(max);
      expect(ticks.every((m) => m % 60 === 0), `${max}: ${ticks}`).toBe(true);
      expect(ticks.at(-1)!, String(max)).toBeGreaterThanOrEqual(max);
      expect(ticks.length, String(max)).toBeLessThanOrEqual(6);
    }
  });

  it('uses minute ticks up to an hour, and has a scale with nothing used', () => {
    expect(minuteAxisTicks(45)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(minuteAxisTicks(60)).toEqual([0, 15, 30, 45, 60]);
    expect(minuteAxisTicks(20)).toEqual([0, 5, 10, 15, 20]);
    expect(minuteAxisTicks(0)).toEqual([0, 60]);
  });

  it('labels them as the table does: "10 h", not 600', () => {
    // The unit is joined to its number by a no-break space.
    expect(formatMinutes(420, 'cs-CZ')).toBe('7\u00a0h');
    expect(formatMinutes(750, 'en-GB')).toBe('12\u00a0h 30\u00a0min');
    expect(formatMinutes(60_000, 'cs-CZ').replace(/\s/g, ' ')).toBe('1 000 h');
    expect(formatMinutes(60_000, 'en-GB')).toBe('1,000\u00a0h');
  });

  it('labels an axis in one unit: the zero too in hours, an hour in minutes among minutes', () => {
    const labels = (max: number, locale = 'cs-CZ') => {
      const ticks = minuteAxisTicks(max);
      return ticks.map(minuteAxisLabels(ticks, locale)).map((l) => l.replace(/\s/g, ' '));
    };
    expect(labels(600)).toEqual(['0 h', '2 h', '4 h', '6 h', '8 h', '10 h']);
    expect(labels(60)).toEqual(['0 min', '15 min', '30 min', '45 min', '60 min']);
    expect(labels(0)).toEqual(['0 h', '1 h']);
    expect(labels(60_000)).toEqual(['0 h', '200 h', '400 h', '600 h', '800 h', '1 000 h']);
    expect(labels(60_000, 'en-GB')).toEqual(['0 h', '200 h', '400 h', '600 h', '800 h', '1,000 h']);
  });
});

describe('the periods under the chart', () => {
  it('name a month in words, and in figures on a narrow chart; quarters keep their names', () => {
    expect(periodAxisLabel('2026-09', false, 'cs-CZ')).toBe('září 2026');
    expect(periodAxisLabel('2026-09', true, 'cs-CZ')).toBe('9/2026');
    expect(periodAxisLabel('2026-11', true, 'sk-SK')).toBe('11/2026');
    expect(periodAxisLabel('2026-11', true, 'en-GB')).toBe('11/2026');
    expect(periodAxisLabel('2026-Q3', true, 'cs-CZ')).toBe(periodAxisLabel('2026-Q3', false, 'cs-CZ'));
  });
});
