// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { rowsToTry } from './listFocus';

describe('rowsToTry', () => {
  it('tries the row itself, then the one taking its place (below), then those above it, nearest first', () => {
    expect(rowsToTry([1, 2, 3, 4], 2)).toEqual([2, 3, 4, 1]);
    expect(rowsToTry([1, 2, 3, 4], 4)).toEqual([4, 3, 2, 1]);
    expect(rowsToTry([5], 5)).toEqual([5]);
  });

  it('a row the list does not show is tried alone', () => {
    expect(rowsToTry([1, 2], 9)).toEqual([9]);
  });
});
