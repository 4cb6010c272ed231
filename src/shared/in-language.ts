/**
 * Texts kept per document language beside a default (a work type's name, the
 * company's document footer): a document prints the text of its own language
 * and falls back to the default when that language has none.
 */
export type TextLanguage = 'cs' | 'sk' | 'en';

export interface TextsPerLanguage {
  readonly cs: string | null;
  readonly sk: string | null;
  readonly en: string | null;
}

/** The text of `language` (any other language code has none), else `fallback`. */
export function inLanguage<F>(texts: TextsPerLanguage, language: string, fallback: F): string | F {
  const own = language === 'cs' || language === 'sk' || language === 'en' ? texts[language] : null;
  return own ?? fallback;
}
