/**
 * Folds text for case- and diacritics-insensitive matching, so that "cesky"
 * finds "Český". The same function fills the stored search columns and
 * normalises the user's query, which keeps SQLite and PostgreSQL identical.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escapes LIKE wildcards so a user's `%` or `_` matches literally (used with ESCAPE '\'). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A text someone sent, as an error message quotes it: in double quotes, cut to
 * `max` characters, so a long or odd value cannot fill or garble the message.
 */
export function quotedInput(text: string, max = 40): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}
