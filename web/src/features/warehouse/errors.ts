// Refusals of the warehouse API in the user's language. When stock is short (or more is
// returned than was issued) the server sends the facts as values beside its English
// message: what is there, what was asked, of which item, where. They are said here in
// the user's language beside the translated headline, so the technician sees at once
// how much can be issued. Every other refusal is a code translated by the app's error
// texts, on its field where it has one.
import type { TFunction } from 'i18next';
import { isApiError } from '../../app/api/client';
import { detailMessage, errorMessage } from '../../app/api/errors';
import { quantityLabel } from './units';

/** Codes whose refusal carries its facts as values (documents.confirm.ts), each with a text under warehouse.facts. */
const FACTUAL = new Set(['insufficient_stock', 'return_exceeds_issue']);

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/** The facts of a stock shortage or an over-return in the user's language; null for any other refusal. */
export function factualMessage(t: TFunction, error: unknown): string | null {
  if (!isApiError(error) || !FACTUAL.has(error.code)) return null;
  const x = error.extra;
  const unit = text(x.unit);
  if (error.code === 'insufficient_stock') {
    if (!text(x.available)) return null;
    return t('warehouse.facts.insufficient_stock', {
      available: quantityLabel(t, text(x.available), unit), requested: quantityLabel(t, text(x.requested), unit),
      item: text(x.item), warehouse: text(x.warehouse),
    });
  }
  if (!text(x.returnable)) return null;
  return t('warehouse.facts.return_exceeds_issue', {
    returnable: quantityLabel(t, text(x.returnable), unit), given: quantityLabel(t, text(x.given), unit),
    item: text(x.item), slip: text(x.slip),
  });
}

/** The whole refusal in one line: the headline, the facts, the field problems (factsOnly: the facts alone). */
export function stockError(t: TFunction, error: unknown, factsOnly = false): string {
  const facts = factualMessage(t, error);
  if (factsOnly) return facts ?? '';
  if (!isApiError(error)) return errorMessage(t, error);
  // A factual refusal's line detail repeats its headline: the facts say it once.
  const details = error.details.filter((d) => !FACTUAL.has(d.code)).map((d) => detailMessage(t, d));
  return [errorMessage(t, error), facts, ...details].filter(Boolean).join(' · ');
}

/**
 * A refusal said on one field (the stock minimum's): the server's problem with that path
 * (a fraction of a piece, too large) in the user's language, else the refusal's headline.
 */
export function fieldRefusal(t: TFunction, error: unknown, path: string): string {
  const detail = isApiError(error) ? error.details.find((d) => d.path === path) : undefined;
  return detail ? detailMessage(t, detail) : errorMessage(t, error);
}
