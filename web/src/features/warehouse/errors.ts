// Refusals of the warehouse API in the user's language. When stock is short the server
// says what is there ("2 left in Van Novák"): that text is shown as it comes, beside
// the translated headline, so the technician sees at once how much can be issued.
import type { TFunction } from 'i18next';
import { isApiError } from '../../app/api/client';
import { detailMessage, errorMessage } from '../../app/api/errors';

/** Codes whose server message carries the facts (quantities, serials, warehouse names). */
const FACTUAL = new Set(['insufficient_stock', 'return_exceeds_issue', 'serials_count', 'duplicate_serial', 'count_needs_cost']);

/** The server's own words when they carry facts the translation cannot (what is in stock). */
export function factualMessage(error: unknown): string | null {
  if (!isApiError(error)) return null;
  const texts = [FACTUAL.has(error.code) ? error.message : '', ...error.details.filter((d) => FACTUAL.has(d.code)).map((d) => d.message)];
  // The headline often repeats its line's detail word for word: each fact once.
  const unique = [...new Set(texts.filter(Boolean))];
  return unique.length ? unique.join(' · ') : null;
}

/** The whole refusal in one line: the headline, the facts, the field problems. */
export function stockError(t: TFunction, error: unknown, factsOnly = false): string {
  const facts = factualMessage(error);
  if (factsOnly) return facts ?? '';
  if (!isApiError(error)) return errorMessage(t, error);
  const details = error.details.filter((d) => !FACTUAL.has(d.code)).map((d) => detailMessage(t, d));
  return [errorMessage(t, error), facts, ...details].filter(Boolean).join(' · ');
}
