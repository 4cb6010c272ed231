/**
 * Taking back a payment recorded by mistake (pure): a mistyped amount, or money put
 * on the wrong invoice. Accounting never deletes or changes an entry: a payment is
 * reversed by an entry of the opposite amount that names it, with the reason, so what
 * was typed stays on record and the sum of all entries is still what the client has
 * paid net. A refund (a negative payment) is reversed the same way. A reversal is
 * final: it is not reversed itself (the payment is recorded again instead).
 */
import type { MinorUnits } from '../../../shared/money.ts';
import { settledState, type InvoiceMoneyState, type StoredInvoiceState } from './invoice-state.ts';

export interface PaymentEntry {
  readonly id: number;
  /** Positive: money received; negative: a refund, or a reversal of a payment. */
  readonly amountMinor: MinorUnits;
  /** Set on a reversal: the entry it takes back. */
  readonly reversesPaymentId: number | null;
}

export type ReversalRefusal = 'payment_not_found' | 'payment_is_reversal' | 'payment_already_reversed' | 'refunds_exceed_payments';

/** What the client has paid net: payments less refunds, each reversed entry cancelled by its reversal. */
export function paidOf(entries: readonly PaymentEntry[]): MinorUnits {
  return entries.reduce((sum, e) => sum + e.amountMinor, 0);
}

/** The ids of the entries that were reversed. */
export function reversedIds(entries: readonly PaymentEntry[]): Set<number> {
  return new Set(entries.flatMap((e) => (e.reversesPaymentId === null ? [] : [e.reversesPaymentId])));
}

/** Why entry `paymentId` cannot be reversed now, or null when it can. */
export function reversalRefusal(entries: readonly PaymentEntry[], paymentId: number): ReversalRefusal | null {
  const entry = entries.find((e) => e.id === paymentId);
  if (!entry) return 'payment_not_found';
  if (entry.reversesPaymentId !== null) return 'payment_is_reversal';
  if (reversedIds(entries).has(paymentId)) return 'payment_already_reversed';
  // Refunds paid out of this payment would be left standing on money never received: reverse them first.
  if (paidOf(entries) - entry.amountMinor < 0) return 'refunds_exceed_payments';
  return null;
}

/** The reversal of an entry: its amount the other way, naming it. */
export function reversalOf(entry: PaymentEntry): Omit<PaymentEntry, 'id'> {
  return { amountMinor: -entry.amountMinor, reversesPaymentId: entry.id };
}

/**
 * The invoice's state once an entry is reversed (`invoice` carries the paid sum after
 * it). A credited invoice stays credited. A paid one that owes again goes back to
 * sent when it had been sent, to issued otherwise; one that is settled again (a
 * refund reversed) is paid.
 */
export function stateAfterReversal(invoice: InvoiceMoneyState, sent: boolean): StoredInvoiceState {
  if (invoice.state === 'credited') return 'credited';
  const state = settledState(invoice, false);
  return state === 'issued' && sent ? 'sent' : state;
}
