import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIORITY_MATRIX, LEVELS, priorityFrom, validatePriorityMatrix, type PriorityMatrix } from './priority.ts';

describe('priorityFrom', () => {
  it('follows the default ITIL-like matrix', () => {
    const table = LEVELS.map((impact) => LEVELS.map((urgency) => priorityFrom(impact, urgency)).join(' '));
    expect(table).toEqual([
      'P1 P2 P3', // impact high: urgency high, medium, low
      'P2 P3 P4', // impact medium
      'P3 P4 P4', // impact low
    ]);
  });

  it('uses a custom matrix and refuses unknown levels', () => {
    const strict: PriorityMatrix = { ...DEFAULT_PRIORITY_MATRIX, low: { high: 'P2', medium: 'P3', low: 'P4' } };
    expect(priorityFrom('low', 'high', strict)).toBe('P2');
    expect(() => priorityFrom('critical' as 'high', 'high')).toThrow(RangeError);
  });
});

describe('validatePriorityMatrix', () => {
  it('accepts the default', () => {
    expect(validatePriorityMatrix(DEFAULT_PRIORITY_MATRIX)).toEqual([]);
  });

  it('names missing or invalid cells', () => {
    const problems = validatePriorityMatrix({ high: { high: 'P0', medium: 'P2', low: 'P3' }, medium: { high: 'P2', medium: 'P3' } });
    expect(problems.map((p) => p.path)).toEqual(['high.high', 'medium.low', 'low.high', 'low.medium', 'low.low']);
    expect(validatePriorityMatrix(null)[0]?.code).toBe('invalid_matrix');
  });

  it('refuses a matrix where more impact or urgency gives a lower priority', () => {
    const swapped = { ...DEFAULT_PRIORITY_MATRIX, medium: { high: 'P4', medium: 'P3', low: 'P4' } };
    const problems = validatePriorityMatrix(swapped);
    expect(problems.map((p) => `${p.path}:${p.code}`)).toEqual(['medium.medium:not_monotonic', 'low.high:not_monotonic']);
  });
});
