/**
 * The languages Kontor speaks: users, contacts and clients choose one, and every
 * document, mail and export it writes is in one of them.
 */
export const LANGUAGES = ['cs', 'sk', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Whether a stored or received code (a user's, a client's, a query's) is one of Kontor's languages. */
export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}
