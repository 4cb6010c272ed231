import { describe, expect, it } from 'vitest';
import { progressPace } from './progress-pace.ts';

/** The counts reported when document k is written at k × `msEach`. */
function reported(total: number, msEach: number): number[] {
  const pace = progressPace(total, 0);
  const out: number[] = [];
  for (let done = 1; done <= total; done++) if (pace.due(done, done * msEach)) out.push(done);
  return out;
}

describe('the pace of export progress lines', () => {
  it('a fast big export: at most one line per 1 % of the documents, and the last one', () => {
    // 10 000 documents at 0.4 ms each (4 s): 250 ms passes every 625 documents, rarer than 1 % (100).
    const lines = reported(10_000, 0.4);
    expect(lines.length).toBeLessThanOrEqual(17);
    expect(lines.at(-1)).toBe(10_000);
    expect(lines[0]).toBe(625);
    for (let i = 1; i < lines.length - 1; i++) expect(lines[i]! - lines[i - 1]!).toBeGreaterThanOrEqual(100);
  });

  it('a slow big export (PDFs): every 1 % at most, never 10 000 lines', () => {
    // 10 000 documents at 30 ms each: 250 ms passes every 9 documents, 1 % is the rarer.
    const lines = reported(10_000, 30);
    expect(lines).toHaveLength(100);
    expect(lines.slice(0, 3)).toEqual([100, 200, 300]);
    expect(lines.at(-1)).toBe(10_000);
  });

  it('a small slow export reports each document once 250 ms have passed', () => {
    expect(reported(5, 300)).toEqual([1, 2, 3, 4, 5]);
    // Quick ones: only the last.
    expect(reported(5, 1)).toEqual([5]);
  });

  it('with no time passing (a frozen clock) only the last document is reported', () => {
    const pace = progressPace(400, 0);
    expect([1, 4, 100, 399].map((d) => pace.due(d, 0))).toEqual([false, false, false, false]);
    expect(pace.due(400, 0)).toBe(true);
  });
});
