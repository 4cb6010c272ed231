/**
 * Invoice states after issuing (pure). Stored states: draft → issued → sent →
 * paid, or credited when credit notes took back everything. Overdue is never
 * stored: it is an issued or sent invoice whose due date has passed with an
 * amount still due, so it is always true "today" without a job to keep it so.
 */
import type { IsoDate } from '../../../shared/calendar/index.ts';
import type { MinorUnits } from '../../../shared/money.ts';

export type StoredInvoiceState = 'draft' | 'issued' | 'sent' | 'paid' | 'credited';
export type InvoiceStatus = StoredInvoiceState | 'overdue';
export type InvoiceAction = 'issue' | 'markSent' | 'recordPayment' | 'recordRefund' | 'creditNote';

export interface InvoiceMoneyState {
  readonly kind: 'invoice' | 'credit_note';
  readonly state: StoredInvoiceState;
  readonly totalMinor: MinorUnits;
  readonly paidMinor: MinorUnits;
  /** Gross taken back by credit notes so far (positive). */
  readonly creditedMinor: MinorUnits;
  readonly dueDate: IsoDate | null;
  /** Draft only: why it cannot be issued. */
  readonly blocked: readonly string[];
}

/** What the client still owes: total less credit notes less payments, never below 0. */
export function amountDue(i: Pick<InvoiceMoneyState, 'kind' | 'totalMinor' | 'paidMinor' | 'creditedMinor'>): MinorUnits {
  if (i.kind !== 'invoice') return 0;
  return Math.max(0, i.totalMinor - i.creditedMinor - i.paidMinor);
}

/**
 * The amount a document stands at for settling, as its foot states it: on an
 * invoice what is still due (amountDue, never below 0: "Celkem k úhradě" less
 * what was paid or credited since); on a credit note its total, negative: the
 * credit note's value ("Hodnota dobropisu"). A credit note is settled against the
 * invoice it corrects (that invoice's amount due drops by it, and money the client
 * paid beyond what is left there is refunded from it: refundDue), so it has no
 * payments of its own and its figure never changes.
 */
export function amountToSettle(i: Pick<InvoiceMoneyState, 'kind' | 'totalMinor' | 'paidMinor' | 'creditedMinor'>): MinorUnits {
  return i.kind === 'credit_note' ? i.totalMinor : amountDue(i);
}

/**
 * What the supplier owes back: payments (net of refunds already made) beyond
 * what the invoice still asks for after its credit notes. A full credit note
 * on a paid invoice turns every payment into a refund due.
 */
export function refundDue(i: Pick<InvoiceMoneyState, 'kind' | 'totalMinor' | 'paidMinor' | 'creditedMinor'>): MinorUnits {
  if (i.kind !== 'invoice') return 0;
  return Math.max(0, i.paidMinor - (i.totalMinor - i.creditedMinor));
}

export function isOverdue(i: InvoiceMoneyState, today: IsoDate): boolean {
  return (i.state === 'issued' || i.state === 'sent') && i.dueDate !== null && i.dueDate < today && amountDue(i) > 0;
}

export function statusOf(i: InvoiceMoneyState, today: IsoDate): InvoiceStatus {
  return isOverdue(i, today) ? 'overdue' : i.state;
}

/** The state after payments or credit notes changed the amounts (issued/sent stay as they are while something is due). */
export function settledState(i: InvoiceMoneyState, everyLineCredited: boolean): StoredInvoiceState {
  if (i.kind !== 'invoice' || i.state === 'draft') return i.state;
  if (everyLineCredited) return 'credited';
  if (amountDue(i) === 0 && i.paidMinor > 0) return 'paid';
  return i.state === 'paid' ? 'issued' : i.state;
}

/** What can be done with the document now (before permissions). */
export function possibleActions(i: InvoiceMoneyState): InvoiceAction[] {
  if (i.state === 'draft') return i.blocked.length === 0 ? ['issue'] : [];
  if (i.kind === 'credit_note') return i.state === 'issued' ? ['markSent'] : [];
  const actions: InvoiceAction[] = [];
  if (i.state === 'issued') actions.push('markSent');
  if ((i.state === 'issued' || i.state === 'sent') && amountDue(i) > 0) actions.push('recordPayment');
  if (refundDue(i) > 0) actions.push('recordRefund');
  if (i.state !== 'credited') actions.push('creditNote');
  return actions;
}
