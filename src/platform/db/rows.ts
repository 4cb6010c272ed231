import { sql, type RawBuilder } from 'kysely';
import { ARRAY_ROWS_MARK } from './sqlite.ts';

/**
 * Rows as arrays, for wide result sets on hot paths (a list page): add
 * `.modifyFront(arrayRows)` to the select and read the rows through rowArrays().
 * SQLite then returns arrays (columns in select order), which is much cheaper than
 * an object per row; PostgreSQL returns objects as ever, turned into the same arrays.
 */
export const arrayRows: RawBuilder<unknown> = sql.raw(ARRAY_ROWS_MARK);

export function rowArrays(rows: readonly unknown[]): unknown[][] {
  return rows.map((row) => (Array.isArray(row) ? row : Object.values(row as Record<string, unknown>)));
}
