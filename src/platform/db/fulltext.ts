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

// Letters that lower-casing leaves alone but Unicode case folding (and so SQLite's
// FTS5 tokenizer) turns into another: the index's words and searchTokens' must be the
// same, for the prefix expansion below and for both engines to match alike.
const CASE_FOLDED: Readonly<Record<string, string>> = {
  'µ': 'μ', 'ſ': 's', 'ς': 'σ', 'ϐ': 'β', 'ϑ': 'θ', 'ϕ': 'φ', 'ϖ': 'π', 'ϰ': 'κ', 'ϱ': 'ρ', 'ϵ': 'ε',
};

export function searchTokens(text: string): string[] {
  return foldForSearch(text)
    .replace(/[µſςϐϑϕϖϰϱϵ]/gu, (c) => CASE_FOLDED[c]!)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
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
    await addSearchTerms(db, document);
  }
}

const NEW_DOCUMENT_SQL = 'insert into ticket_search (rowid, document) values (?, ?)';

/** The first document of a ticket created in this transaction: nothing to replace. */
export async function indexNewTicketDocument(db: DbOrTx, ticketId: number, text: string): Promise<void> {
  if (isPostgres(db)) return indexTicketDocument(db, ticketId, text);
  // Every ticket created runs this: fixed statements, run directly (runCompiledQuery), not built by Kysely each time.
  const document = searchTokens(text).join(' ');
  await runCompiledQuery(db, CompiledQuery.raw(NEW_DOCUMENT_SQL, [ticketId, document]));
  await addSearchTerms(db, document);
}

// SQLite: the words of a document join the vocabulary that prefixes expand to (migration 0024).
const ADD_TERMS_SQL = "insert or ignore into search_terms (term) select value from json_each(?)";

function addSearchTerms(db: DbOrTx, document: string): Promise<unknown> {
  return runCompiledQuery(db, CompiledQuery.raw(ADD_TERMS_SQL, [JSON.stringify(document.split(' '))]));
}

/**
 * A word stands for at most this many words of the vocabulary; a shorter prefix (one or
 * two letters, say) is left to FTS5's own prefix query.
 */
const MAX_EXPANSION = 500;
const EXPANSION_SQL = `select term from search_terms where term >= ? and term < ? order by term limit ${MAX_EXPANSION + 1}`;

/** The first text after every text that starts with `prefix` (its last code point plus one). */
// SQLite compares text by its UTF-8 bytes, which sort as code points do.
function pastPrefix(prefix: string): string {
  const chars = [...prefix];
  const last = chars.pop()!;
  return chars.join('') + String.fromCodePoint(last.codePointAt(0)! + 1);
}

/** SQLite: the words of the vocabulary that start with `word`; null when there are too many to name. */
async function wordsStartingWith(db: DbOrTx, word: string): Promise<string[] | null> {
  const rows = await runCompiledQuery(db, CompiledQuery.raw(EXPANSION_SQL, [word, pastPrefix(word)]));
  return rows.length > MAX_EXPANSION ? null : rows.map((r) => (r as { term: string }).term);
}

/** The search's words as the index holds them (at most MAX_QUERY_WORDS). */
export function queryWords(query: string): string[] {
  return searchTokens(query).slice(0, MAX_QUERY_WORDS);
}

/**
 * The engine's full-text query for the words: each must be a word or the start of one.
 * Null when no ticket can match (a word that starts no word of the index).
 */
export async function fullTextQuery(db: DbOrTx, words: readonly string[]): Promise<string | null> {
  if (isPostgres(db)) return words.map((w) => `${w}:*`).join(' & ');
  const parts: string[] = [];
  for (const word of words) {
    // The words a prefix stands for, by name (see migration 0024 for why).
    const named = await wordsStartingWith(db, word);
    if (named === null) parts.push(`"${word}"*`);
    else if (named.length === 0) return null;
    else parts.push(named.length === 1 ? `"${named[0]}"` : `(${named.map((t) => `"${t}"`).join(' OR ')})`);
  }
  return parts.join(' AND ');
}

/** `tickets.id` is among the matches of a full-text query (a bound value: fullTextQuery()'s result). */
export function matchesFullText(db: DbOrTx, ftsQuery: string): Expression<SqlBool> {
  return isPostgres(db)
    ? sql<SqlBool>`tickets.id in (select ticket_id from ticket_search where document @@ to_tsquery('simple', ${ftsQuery}))`
    : sql<SqlBool>`tickets.id in (select rowid from ticket_search where ticket_search match ${ftsQuery})`;
}

/** A condition on `tickets.id` matching the query; null when the query has no words. */
export async function ticketMatches(db: DbOrTx, query: string): Promise<Expression<SqlBool> | null> {
  const words = queryWords(query);
  if (words.length === 0) return null;
  const fts = await fullTextQuery(db, words);
  return fts === null ? sql<SqlBool>`1 = 0` : matchesFullText(db, fts);
}
