// Words of a document's state and of its work report rows as the pages show them (pure).
import type { TFunction } from 'i18next';
import { formatMilli } from './format';
import { formatMinutes } from '../records/format';
import { formatMoney } from '../pricing/money';
import type { InvoiceStatus, InvoiceSummary, WorkReportEntry } from './api';

/** A status agreeing with the document's kind where the language wants it: "Vystavená" faktura, "Vystavený" dobropis. */
export function statusLabel(t: TFunction, status: InvoiceStatus, kind: 'invoice' | 'credit_note' = 'invoice'): string {
  return t(`billing.status.${status}`, { context: kind === 'credit_note' ? 'credit_note' : undefined });
}

/**
 * Beside an invoice's status, money owed back to the client (its refundDueMinor: paid beyond what
 * is left after credit notes): "Přeplaceno · k vrácení 263,13 Kč". Null when nothing is owed back,
 * for a role without prices, and on a credit note, whose figure is its invoice's and shows there.
 */
export function overpaidLabel(t: TFunction, invoice: Pick<InvoiceSummary, 'kind' | 'refundDueMinor' | 'currency'>, locale?: string): string | null {
  const due = invoice.refundDueMinor;
  if (invoice.kind !== 'invoice' || due === undefined || due <= 0) return null;
  return t('billing.status.overpaidToRefund', { amount: formatMoney(due, invoice.currency, locale) });
}

/**
 * What is already settled on an invoice, naming only what happened, as the mail lists it:
 * "Uhrazeno: 10 000,00 Kč.", "Dobropisy: -2 286,90 Kč." or both; empty when neither.
 */
export function settledSoFarText(t: TFunction, invoice: { currency: string; paidMinor: number; creditedMinor: number }, locale?: string): string {
  const parts: string[] = [];
  if (invoice.paidMinor !== 0) parts.push(t('billing.send.settledPaid', { amount: formatMoney(invoice.paidMinor, invoice.currency, locale) }));
  if (invoice.creditedMinor !== 0) parts.push(t('billing.send.settledCredited', { amount: formatMoney(-invoice.creditedMinor, invoice.currency, locale) }));
  return parts.join(' ');
}

/**
 * A credit note settled against the invoice it corrects (every credit note that corrects one):
 * it lowered that invoice's amount due, and money to go back is that invoice's refund due. A
 * list's "K úhradě / k vrácení" column shows it as settled (nothing), not its value (the API's
 * amountDueMinor, which stays in the total column), so nothing there is counted twice.
 */
export function settledAgainstInvoice(invoice: Pick<InvoiceSummary, 'kind' | 'correctsInvoiceId'>): boolean {
  return invoice.kind === 'credit_note' && invoice.correctsInvoiceId !== null;
}

/**
 * The label of what a document stands at (the API's amountDueMinor), worded as its PDF words its
 * foot: "K úhradě" on an invoice; "K vrácení" on a credit note, whose figure is its negative total.
 */
export function amountDueLabel(t: TFunction, kind: 'invoice' | 'credit_note'): string {
  return t(kind === 'credit_note' ? 'billing.fields.toRefund' : 'billing.fields.due');
}

/**
 * The header of a list's amount-due column for the documents it shows: "K úhradě" over invoices
 * only, "K vrácení" over credit notes only, "K úhradě / k vrácení" over both, whose sign (and the
 * credit note's badge) then tells one from the other. The cells keep only their figures: a word
 * in every row would push the column's figures out of line for someone reading it down.
 */
export function amountDueColumnLabel(t: TFunction, kinds: Iterable<'invoice' | 'credit_note'>): string {
  const shown = new Set(kinds);
  if (shown.size === 1) return amountDueLabel(t, shown.has('credit_note') ? 'credit_note' : 'invoice');
  return shown.size === 0 ? amountDueLabel(t, 'invoice') : t('billing.fields.dueOrRefund');
}

/** A work report row's outcome: on a draft nothing is invoiced yet, so what it bills is "to be billed". */
export function outcomeLabel(t: TFunction, outcome: WorkReportEntry['outcome'], draft: boolean): string {
  return t(`billing.workReport.outcomes.${outcome}`, { context: draft ? 'draft' : undefined });
}

/** A row's quantity with its unit, as the invoice's lines write it ("36 km", "1 výjezd", "2 ks"); minutes for work. */
export function entryQuantity(e: Pick<WorkReportEntry, 'kind' | 'minutes' | 'quantityMilli' | 'unit'>, locale?: string): string {
  if (e.kind === 'work') return formatMinutes(e.minutes, locale);
  if (e.quantityMilli === null) return '—';
  const unit = e.unit ?? (e.kind === 'travel' ? 'km' : '');
  // The unit stays on its number's line.
  return unit ? `${formatMilli(e.quantityMilli, locale)}\u00a0${unit}` : formatMilli(e.quantityMilli, locale);
}
