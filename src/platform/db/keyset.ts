import { sql, type Expression, type SqlBool } from 'kysely';

/**
 * Keyset paging over a multi-column sort: the condition "row comes after the
 * cursor" for ORDER BY c1 d1, c2 d2, …, written out as
 * (c1 > v1) OR (c1 = v1 AND c2 > v2) … with > or < per direction.
 */
export type SortKey = readonly [column: string, direction: 'asc' | 'desc'];

export function afterCursor(keys: readonly SortKey[], values: readonly (string | number)[]): Expression<SqlBool> {
  const ors = keys.map((_, i) => {
    const parts = keys.slice(0, i + 1).map(([column, dir], j) => {
      const op = j < i ? '=' : dir === 'asc' ? '>' : '<';
      return sql`${sql.ref(column)} ${sql.raw(op)} ${values[j]}`;
    });
    return sql`(${sql.join(parts, sql` and `)})`;
  });
  return sql<SqlBool>`(${sql.join(ors, sql` or `)})`;
}
