/**
 * Texts kept per document language beside a default (a work type's name, the
 * company's document footer): a document prints the text of its own language
 * and falls back to the default when that language has none.
 */
import { isLanguage, type Language } from './language.ts';

export type TextsPerLanguage = Readonly<Record<Language, string | null>>;

/** The text of `language` (any other language code has none), else `fallback`. */
export function inLanguage<F>(texts: TextsPerLanguage, language: string, fallback: F): string | F {
  const own = isLanguage(language) ? texts[language] : null;
  return own ?? fallback;
}
