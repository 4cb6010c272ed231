/**
 * Column widths of a printed table: each column's share of the width, but
 * never narrower than its content needs (its longest word, or its longest line
 * where a cell must stay on one line, such as a date). pdfkit breaks a word
 * that does not fit its box between letters ("výjez/d", "202/6"), so a column
 * below its minimum is widened and the others give up width in proportion to
 * what they have to spare. Pure: measured widths come in, widths go out.
 */

/**
 * @param shares each column's share of the width (normalised here)
 * @param minimums the narrowest width each column's content allows, in points
 * @param total the table's width
 * @returns widths adding up to total; each at least its minimum when the minimums fit at all
 */
export function fitColumns(shares: readonly number[], minimums: readonly number[], total: number): number[] {
  if (shares.length !== minimums.length) throw new RangeError('one minimum per column');
  const needed = minimums.reduce((sum, m) => sum + m, 0);
  // Content wider than the page: the minimums scaled down are the fairest we can do.
  if (needed >= total) return minimums.map((m) => (needed === 0 ? total / minimums.length : (m / needed) * total));
  const fixed = new Set<number>();
  for (;;) {
    const freeShare = shares.reduce((sum, s, i) => (fixed.has(i) ? sum : sum + s), 0);
    const freeWidth = total - [...fixed].reduce((sum, i) => sum + minimums[i]!, 0);
    const widths = shares.map((s, i) => (fixed.has(i) ? minimums[i]! : freeShare > 0 ? (s / freeShare) * freeWidth : freeWidth / (shares.length - fixed.size)));
    const tooNarrow = widths.map((w, i) => (!fixed.has(i) && w < minimums[i]! ? i : -1)).filter((i) => i >= 0);
    if (!tooNarrow.length) return widths;
    for (const i of tooNarrow) fixed.add(i);
  }
}

/**
 * The pieces of a cell that must not be broken: its lines when it stays whole,
 * else its words (a no-break space joins). A piece that ends a line keeps its
 * "\n": pdfkit's line wrapper counts the break character's width with it.
 */
export function unbreakablePieces(text: string, keepWhole: boolean): string[] {
  const lines = text.split('\n');
  return lines.flatMap((line, i) => {
    const pieces = keepWhole ? [line] : line.split(/[ \t]+/).filter((piece) => piece.length > 0);
    if (i < lines.length - 1 && pieces.length) pieces[pieces.length - 1] += '\n';
    return pieces;
  });
}
