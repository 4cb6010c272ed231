// The search over the documents an export preview lists (pure): the accountant checks
// whether a given invoice or client is in the period's export before running it.
import { foldForSearch as fold } from '../../app/textSearch';

/** The listed documents whose number or client contains what was typed (all of them for an empty search). */
export function documentsMatching<D extends { number: string; clientName?: string | null }>(documents: readonly D[], typed: string): readonly D[] {
  const q = fold(typed);
  if (!q) return documents;
  return documents.filter((d) => fold(d.number).includes(q) || fold(d.clientName ?? '').includes(q));
}
