import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';

/**
 * Keyset paging over a multi-column sort: the condition "row comes after the cursor"
 * for ORDER BY c1 d1, c2 d2, …, written so that an index in the sort's order can start
 * reading at the cursor on SQLite and PostgreSQL alike.
 *
 * Keys of one direction are compared as a row value, `(c1, c2) > (v1, v2)`: both engines
 * read that as a range of an index on (…, c1, c2) and seek straight to the cursor. The
 * plain `c1 > v1 OR (c1 = v1 AND c2 > v2)` means the same, but SQLite cannot bound an
 * index read by an OR: it reads the index from its start (or, worse, reads each arm of
 * the OR from its own index and sorts the union), so every page costs more than the one
 * before it. A sort that changes direction cannot be one row value; it is written as
 * `(leading keys) >= (values) AND ((leading keys) > (values) OR <the rest after theirs>)`,
 * whose first conjunct still bounds the index read where the cursor is.
 *
 * The columns must never be NULL (a comparison with NULL is neither true nor false, and
 * the engines sort NULLs at different ends): the tickets' due time, for one, stores a
 * far-future sentinel (NO_DUE) when no deadline runs.
 */
export type SortKey = readonly [column: string, direction: 'asc' | 'desc'];

export function afterCursor(keys: readonly SortKey[], values: readonly (string | number)[]): Expression<SqlBool> {
  if (keys.length === 0 || keys.length !== values.length) throw new Error(`afterCursor: ${keys.length} sort keys, ${values.length} cursor values`);
  return after(keys, values);
}

function after(keys: readonly SortKey[], values: readonly (string | number)[]): RawBuilder<SqlBool> {
  const direction = keys[0]![1];
  const run = keys.findIndex(([, dir]) => dir !== direction);
  const leading = run === -1 ? keys.length : run;
  const strictly = compare(keys.slice(0, leading), values.slice(0, leading), direction === 'asc' ? '>' : '<');
  if (leading === keys.length) return strictly;
  const from = compare(keys.slice(0, leading), values.slice(0, leading), direction === 'asc' ? '>=' : '<=');
  return sql<SqlBool>`(${from} and (${strictly} or ${after(keys.slice(leading), values.slice(leading))}))`;
}

/** `c op v` for one key, `(c1, c2, …) op (v1, v2, …)` for several: a row value comparison, one index range on both engines. */
function compare(keys: readonly SortKey[], values: readonly (string | number)[], op: '>' | '<' | '>=' | '<='): RawBuilder<SqlBool> {
  const columns = keys.map(([column]) => sql.ref(column));
  if (keys.length === 1) return sql<SqlBool>`${columns[0]} ${sql.raw(op)} ${values[0]}`;
  return sql<SqlBool>`(${sql.join(columns)}) ${sql.raw(op)} (${sql.join(values)})`;
}
