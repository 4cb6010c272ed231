import { describe, expect, it } from 'vitest';
import { fitColumns, unbreakablePieces } from './columns.ts';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('fitColumns', () => {
  it('keeps the shares when every column has room for its content', () => {
    expect(fitColumns([1, 3], [10, 10], 400)).toEqual([100, 300]);
  });

  it('widens a column to its content and takes the width from the others in proportion', () => {
    const widths = fitColumns([10, 40, 50], [30, 0, 0], 100);
    expect(widths[0]).toBe(30);
    expect(widths[1]).toBeCloseTo(70 * 40 / 90);
    expect(sum(widths)).toBeCloseTo(100);
  });

  it('settles columns that become too narrow only after others were widened', () => {
    const widths = fitColumns([10, 10, 80], [40, 15, 0], 100);
    expect(widths.slice(0, 2)).toEqual([40, 15]);
    expect(sum(widths)).toBeCloseTo(100);
  });

  it('scales the minimums down when the content cannot fit the page at all', () => {
    expect(fitColumns([1, 1], [150, 50], 100)).toEqual([75, 25]);
  });
});

describe('unbreakablePieces', () => {
  it('splits at spaces and lines, but not at no-break spaces; a whole cell keeps its lines; a line end stays with its piece', () => {
    expect(unbreakablePieces('výjezd', false)).toEqual(['výjezd']);
    expect(unbreakablePieces('Oprava tiskárny\nT-12', false)).toEqual(['Oprava', 'tiskárny\n', 'T-12']);
    expect(unbreakablePieces('1\u00a0250,00 Kč', false)).toEqual(['1\u00a0250,00', 'Kč']);
    expect(unbreakablePieces('12. 10. 2026\n09:00', true)).toEqual(['12. 10. 2026\n', '09:00']);
  });
});
