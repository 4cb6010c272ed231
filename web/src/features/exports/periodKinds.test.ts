// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isPeriod } from './api';
import { composePeriod, convertPeriod, periodKindOf, periodParts, PERIOD_KINDS } from './periodKinds';

describe('the export period as a month, a quarter or a year', () => {
  it('knows the kind of a period and its parts', () => {
    expect(periodKindOf('2026-10')).toBe('month');
    expect(periodKindOf('2026-Q4')).toBe('quarter');
    expect(periodKindOf('2026')).toBe('year');
    for (const bad of ['', '2026-13', '2026-Q5', '26', '2026-1']) expect(periodKindOf(bad), bad).toBeNull();
    expect(periodParts('2026-Q3')).toEqual({ year: 2026, quarter: 3 });
    expect(periodParts('2026-10')).toEqual({ year: 2026, quarter: null });
    expect(periodParts('')).toEqual({ year: null, quarter: null });
  });

  it('builds a quarter or a year only from whole parts', () => {
    expect(composePeriod('quarter', 2026, 4)).toBe('2026-Q4');
    expect(composePeriod('year', 2026, null)).toBe('2026');
    expect(composePeriod('quarter', 2026, null)).toBe('');
    expect(composePeriod('quarter', null, 2)).toBe('');
    expect(composePeriod('year', 26, null)).toBe('');
    // Text the year field could not read is no year: not 2026, not 26.
    expect(composePeriod('year', '2O26', null)).toBe('');
    expect(composePeriod('quarter', '2026x', 1)).toBe('');
    expect(composePeriod('year', '2026', null)).toBe('');
  });

  it('keeps what was picked when the kind changes', () => {
    expect(convertPeriod('2026-10', 'quarter')).toBe('2026-Q4');
    expect(convertPeriod('2026-10', 'year')).toBe('2026');
    expect(convertPeriod('2026-Q2', 'month')).toBe('2026-04');
    expect(convertPeriod('2026', 'quarter')).toBe('2026-Q1');
    expect(convertPeriod('2026-Q3', 'quarter')).toBe('2026-Q3');
    expect(convertPeriod('', 'month')).toBe('');
    // Whatever it gives is a period the server takes, of the kind asked for.
    for (const p of ['2026-01', '2026-12', '2026-Q1', '2026-Q4', '2026']) {
      for (const kind of PERIOD_KINDS) {
        expect(isPeriod(convertPeriod(p, kind)), `${p} → ${kind}`).toBe(true);
        expect(periodKindOf(convertPeriod(p, kind))).toBe(kind);
      }
    }
  });
});
