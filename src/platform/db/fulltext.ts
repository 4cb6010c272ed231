import { CompiledQuery, PostgresAdapter, sql, type Expression, type SqlBool } from 'kysely';
import { foldForSearch } from '../../shared/text.ts';
import type { DbOrTx } from './database.ts';
import { runCompiledQuery } from './prepared.ts';

/**
 * Ticket full-text search on both engines: SQLite FTS5 and PostgreSQL
 * tsvector. The application folds and tokenises the text itself (lower case,
 * no diacritics, letters and digits only), so both engines index the same
 * words and a query finds the same tickets on either: every query word must
 * appear as a word or the start of one.
 */
export function isPostgres(db: DbOrTx): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export function searchTokens(text: string): string[] {
  return foldForSearch(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

const MAX_QUERY_WORDS = 8;

export async function indexTicketDocument(db: DbOrTx, ticketId: number, text: string): Promise<void> {
  const document = searchTokens(text).join(' ');
  if (isPostgres(db)) {
    await sql`insert into ticket_search (ticket_id, document) values (${ticketId}, to_tsvector('simple', ${document}))
      on conflict (ticket_id) do update set document = excluded.document`.execute(db);
  } else {
    await sql`delete from ticket_search where rowid = ${ticketId}`.execute(db);
    await sql`insert into ticket_search (rowid, document) values (${ticketId}, ${document})`.execute(db);
  }
}

const NEW_DOCUMENT_SQL = 'insert into ticket_search (rowid, document) values (?, ?)';

/** The first document of a ticket created in this transaction: nothing to replace. */
export async function indexNewTicketDocument(db: DbOrTx, ticketId: number, text: string): Promise<void> {
  if (isPostgres(db)) return indexTicketDocument(db, ticketId, text);
  // Every ticket created runs this: a fixed statement, run directly (runCompiledQuery), not built by Kysely each time.
  await runCompiledQuery(db, CompiledQuery.raw(NEW_DOCUMENT_SQL, [ticketId, searchTokens(text).join(' ')]));
}

/** The search's words as the index holds them (at most MAX_QUERY_WORDS). */
export function queryWords(query: string): string[] {
  return searchTokens(query).slice(0, MAX_QUERY_WORDS);
}

/** The engine's full-text query for the words: each must be a word or the start of one. */
export function fullTextQuery(db: DbOrTx, words: readonly string[]): string {
  return isPostgres(db) ? words.map((w) => `${w}:*`).join(' & ') : words.map((w) => `"${w}"*`).join(' AND ');
}

/** `tickets.id` is among the matches of a full-text query (a bound value: fullTextQuery()'s result). */
export function matchesFullText(db: DbOrTx, ftsQuery: string): Expression<SqlBool> {
  return isPostgres(db)
    ? sql<SqlBool>`tickets.id in (select ticket_id from ticket_search where document @@ to_tsquery('simple', ${ftsQuery}))`
    : sql<SqlBool>`tickets.id in (select rowid from ticket_search where ticket_search match ${ftsQuery})`;
}

/** A condition on `tickets.id` matching the query; null when the query has no words. */
export function ticketMatches(db: DbOrTx, query: string): Expression<SqlBool> | null {
  const words = queryWords(query);
  return words.length === 0 ? null : matchesFullText(db, fullTextQuery(db, words));
}
