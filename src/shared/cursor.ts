import { invalid } from './errors.ts';

/**
 * Opaque keyset-paging cursors: the sort key of the last row, base64url JSON.
 * Keyset paging stays fast on any page, unlike OFFSET.
 */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, shape: readonly ('string' | 'number')[]): (string | number)[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== shape.length ||
    parsed.some((v, i) => typeof v !== shape[i])
  ) {
    throw invalid([{ path: 'cursor', code: 'invalid_cursor', message: 'The paging cursor is not valid' }]);
  }
  return parsed as (string | number)[];
}

/**
 * Cuts one page from rows read with `limit + 1`: the extra row only tells that
 * more follow, and the cursor is the sort key of the page's last row.
 */
export function pageOf<R, T>(
  rows: readonly R[],
  limit: number,
  keyOf: (row: R) => readonly (string | number)[],
  map: (row: R) => T,
): { items: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(map), nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
