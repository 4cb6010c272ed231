// Refusals of the records API in the user's language; a billed record names its invoice.
import type { TFunction } from 'i18next';
import { type ApiErrorDetail, isApiError } from '../../app/api/client';
import { detailMessage, errorMessage } from '../../app/api/errors';

/** The invoice a "record_locked" refusal names (extra.invoiceId, or "invoice 42" in a detail's message). */
function invoiceOf(extra: unknown, message: string): string | null {
  if (typeof extra === 'number') return String(extra);
  return /invoice (\S+)/.exec(message)?.[1] ?? null;
}

export function recordDetail(t: TFunction, d: ApiErrorDetail): string {
  const invoice = d.code === 'record_locked' ? invoiceOf(null, d.message) : null;
  return invoice ? t('records.lockedOnInvoice', { invoice }) : detailMessage(t, d);
}

/** The whole refusal: its headline and any field details. */
export function recordError(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return errorMessage(t, error);
  if (error.code === 'record_locked') {
    const invoice = invoiceOf(error.extra.invoiceId, error.message);
    if (invoice) return t('records.lockedOnInvoice', { invoice });
  }
  const details = error.code === 'approval_refused' ? [] : error.details.map((d) => recordDetail(t, d));
  return [errorMessage(t, error), ...details].join(' · ');
}
