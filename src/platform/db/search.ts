import { sql, type RawBuilder } from 'kysely';
import { escapeLike, foldForSearch } from '../../shared/text.ts';

/**
 * `column LIKE '%text%'` over a folded (lower-case, no diacritics) column,
 * with the wildcard escape spelled out: SQLite has no default LIKE escape.
 */
export function containsFolded(column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${escapeLike(foldForSearch(text))}%`;
  return sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
}
