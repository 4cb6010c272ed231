import { describe, expect, it } from 'vitest';
import { projectUse } from './projection.ts';

describe('projectUse', () => {
  it('projects all the work at the pace so far, overage included (the reviewer\'s case: 300 allowed, 390 worked, day 27 of 30)', () => {
    // 390 × 30 / 27 = 433.3: not 300 × 30 / 27 = 333, which is below the 390 already worked.
    expect(projectUse(390, 300, 27, 30)).toEqual({ projectedWork: 433, projectedOverage: 133 });
  });

  it('never projects less than the work so far and reports no overage while it fits', () => {
    expect(projectUse(100, 300, 10, 30)).toEqual({ projectedWork: 300, projectedOverage: 0 });
    expect(projectUse(150, 150, 30, 30)).toEqual({ projectedWork: 150, projectedOverage: 0 });
    expect(projectUse(0, 300, 1, 31)).toEqual({ projectedWork: 0, projectedOverage: 0 });
    for (const [work, elapsed, total] of [[1, 3, 31], [7, 29, 30], [999, 30, 31]] as const) {
      expect(projectUse(work, 0, elapsed, total).projectedWork).toBeGreaterThanOrEqual(work);
    }
  });

  it('rounds half up to whole minutes', () => {
    expect(projectUse(1, 0, 2, 3).projectedWork).toBe(2); // 1.5
    expect(projectUse(1, 0, 3, 4).projectedWork).toBe(1); // 1.33
  });

  it('rejects days that are not a part of a period', () => {
    expect(() => projectUse(10, 0, 0, 30)).toThrow(RangeError);
    expect(() => projectUse(10, 0, 31, 30)).toThrow(RangeError);
    expect(() => projectUse(-1, 0, 1, 30)).toThrow(RangeError);
  });
});
