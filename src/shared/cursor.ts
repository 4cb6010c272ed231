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
