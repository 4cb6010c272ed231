/**
 * Payments against issued invoices (partial ones too), refunds of overpayments
 * and marking an invoice sent. A payment never exceeds what is still due (total
 * less credit notes less earlier payments) unless the request says the client
 * paid more (allowOverpayment: a client who paid twice; the bank's money must be
 * recordable as it came): the invoice is then paid with the excess as its refund
 * due. The invoice is paid when nothing is due any more. A refund (money paid back to the client after a credit note
 * took back what they had paid) is stored as a negative payment, never more than
 * the refund due, so paid_minor is always what the client has paid net. A payment or
 * refund recorded by mistake is reversed, never deleted (domain/payment-reversal.ts):
 * the reversal is one more entry, so paid_minor stays the sum of the entries.
 */
import { recordAudit } from '../../platform/audit/index.ts';
import { uniqueViolationIndex } from '../../platform/db/index.ts';
import { invalidDate } from '../../shared/date-details.ts';
import { conflict, invalid, notFound, staleVersion, type AppError, type ErrorDetail } from '../../shared/errors.ts';
import { auditWhoOf, type RequestContext } from '../identity/index.ts';
import { requirePermission, todayOf, type InvoicingDeps } from './billing.invoices.context.ts';
import * as repo from './billing.invoices.repo.ts';
import { amountDue, refundDue, settledState } from './domain/invoice-state.ts';
import { paidOf, reversalOf, reversalRefusal, stateAfterReversal, type PaymentEntry, type ReversalRefusal } from './domain/payment-reversal.ts';

export interface PaymentInput {
  date: string;
  amountMinor: number;
  note?: string | undefined;
  /** The amount may exceed what is due (or be paid on an invoice already paid): the excess becomes the refund due. */
  allowOverpayment?: boolean | undefined;
}

export interface ReversalInput {
  reason: string;
}

/** Who recorded an entry and when. */
interface Recorded {
  createdAt: string;
  createdBy: { id: number; name: string } | null;
}

/** One entry of an invoice's payments as the detail shows it. */
export interface PaymentView extends Recorded {
  id: number;
  date: string;
  /** Negative: a refund, or a reversal. */
  amountMinor: number;
  /** The note typed with a payment or refund; a reversal's reason. */
  note: string;
  /** On a reversal: the entry it takes back. */
  reversesPaymentId: number | null;
  /** On a reversed entry: its reversal. */
  reversal: ({ id: number; date: string; reason: string } & Recorded) | null;
}

const entryOf = (row: repo.PaymentRow): PaymentEntry => ({ id: row.id, amountMinor: row.amount_minor, reversesPaymentId: row.reverses_payment_id });
const recordedOf = (row: repo.PaymentRow): Recorded => ({
  createdAt: row.created_at,
  createdBy: row.created_by === null ? null : { id: row.created_by, name: row.created_by_name ?? '' },
});

/** The detail's payments: every entry, each reversed one naming its reversal. */
export function paymentViews(rows: readonly repo.PaymentRow[]): PaymentView[] {
  const reversals = new Map(rows.filter((r) => r.reverses_payment_id !== null).map((r) => [r.reverses_payment_id!, r]));
  return rows.map((r) => {
    const reversal = reversals.get(r.id);
    return {
      id: r.id, date: r.date, amountMinor: r.amount_minor, note: r.note, ...recordedOf(r), reversesPaymentId: r.reverses_payment_id,
      reversal: reversal ? { id: reversal.id, date: reversal.date, reason: reversal.note, ...recordedOf(reversal) } : null,
    };
  });
}

const REFUSALS: Record<Exclude<ReversalRefusal, 'payment_not_found'>, (id: number) => AppError> = {
  payment_is_reversal: (id) => conflict('payment_is_reversal', `Entry ${id} is a reversal; a reversal is not reversed, record the payment again instead`),
  payment_already_reversed: (id) => conflict('payment_already_reversed', `Payment ${id} is already reversed`),
  refunds_exceed_payments: (id) => conflict('refunds_exceed_payments', `Refunds were paid out of payment ${id}; reverse them first`),
};

export function createPayments(deps: InvoicingDeps) {
  const { db, clock } = deps;

  async function issuedInvoice(id: number) {
    const row = await repo.findInvoice(db, id);
    if (!row || row.visible !== 1) throw notFound('Invoice');
    return row;
  }

  /** The checks a payment and a refund share: a date not in the future nor before issue, a positive whole amount. */
  function checkInput(invoice: repo.InvoiceRow, input: PaymentInput): void {
    const today = todayOf(clock);
    const problems: ErrorDetail[] = [];
    const notADate = invalidDate('date', input.date);
    if (notADate !== null) problems.push(notADate);
    else if (input.date > today) problems.push({ path: 'date', code: 'date_in_future', message: 'A payment cannot be dated in the future' });
    else if (invoice.issue_date !== null && input.date < invoice.issue_date) {
      problems.push({ path: 'date', code: 'before_issue_date', message: `The invoice was issued on ${invoice.issue_date}; a payment cannot be dated before it` });
    }
    if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0) problems.push({ path: 'amountMinor', code: 'not_positive', message: 'The amount must be a positive whole number of minor units' });
    if (problems.length) throw invalid(problems);
  }

  /** The invoice's money as the settlement rules read it (its blocking reasons do not matter to money received). */
  const moneyOf = (invoice: repo.InvoiceRow) => ({
    kind: 'invoice' as const, state: invoice.state, totalMinor: invoice.total_minor, paidMinor: invoice.paid_minor,
    creditedMinor: invoice.credited_minor, dueDate: invoice.due_date, blocked: [],
  });

  /**
   * Writes money received (`amountMinor` > 0) or paid back (< 0) in one transaction: the
   * invoice's new paid sum and state (version-checked), the payment row, the audit entry.
   */
  async function settle(
    ctx: RequestContext,
    invoice: repo.InvoiceRow,
    entry: {
      action: 'payment' | 'refund' | 'reverse_payment'; date: string; amountMinor: number; note: string; paidMinor: number; state: typeof invoice.state;
      before: Record<string, unknown>; reversesPaymentId?: number;
    },
  ): Promise<number> {
    const now = clock.now();
    const at = now.toISOString();
    const { action, date, amountMinor, note, paidMinor, state, reversesPaymentId } = entry;
    return db.transaction().execute(async (trx) => {
      if (!(await repo.updateSettlement(trx, invoice.id, invoice.version, { paid_minor: paidMinor, state, updated_at: at }))) throw staleVersion('The invoice');
      const paymentId = await repo.insertPayment(trx, {
        invoice_id: invoice.id, date, amount_minor: amountMinor, note, created_by: ctx.actor.userId || null, created_at: at,
        ...(reversesPaymentId === undefined ? {} : { reverses_payment_id: reversesPaymentId }),
      });
      await recordAudit(trx, now, auditWhoOf(ctx), {
        entity: 'invoice', entityId: invoice.id, action,
        before: entry.before,
        after: reversesPaymentId === undefined
          ? { state, paidMinor, paymentId, date, amountMinor, note }
          : { state, paidMinor, paymentId, reversesPaymentId, date, amountMinor, reason: note },
      });
      return paymentId;
    }).catch((error: unknown) => {
      // Two reversals of one entry at once: the second finds the invoice changed, or else the unique index refuses it.
      if (reversesPaymentId !== undefined && uniqueViolationIndex(error)) throw REFUSALS.payment_already_reversed(reversesPaymentId);
      throw error;
    });
  }

  async function recordPayment(ctx: RequestContext, invoiceId: number, input: PaymentInput): Promise<{ paymentId: number; state: string; amountDueMinor: number }> {
    requirePermission(ctx, 'invoices.payments');
    const invoice = await issuedInvoice(invoiceId);
    checkInput(invoice, input);
    if (invoice.kind !== 'invoice') throw conflict('not_an_invoice', 'Payments are recorded on invoices, not on credit notes');
    if (invoice.state === 'draft') throw conflict('not_issued', 'The invoice is a draft; issue it first');
    if (invoice.state === 'credited') throw conflict('invoice_credited', `Invoice ${invoice.number} is fully credited; nothing is due`);
    const money = moneyOf(invoice);
    const due = amountDue(money);
    if (input.allowOverpayment !== true) {
      if (due === 0) throw conflict('nothing_due', `Invoice ${invoice.number} is paid; nothing is due (send allowOverpayment: true to record money the client paid beyond it)`);
      if (input.amountMinor > due) {
        throw invalid([{
          path: 'amountMinor', code: 'exceeds_amount_due',
          message: `Only ${due} minor units are due on invoice ${invoice.number}, not ${input.amountMinor}; send allowOverpayment: true to record the overpayment (the excess becomes the refund due)`,
        }]);
      }
    }
    const paidMinor = invoice.paid_minor + input.amountMinor;
    const state = settledState({ ...money, paidMinor }, false);
    const paymentId = await settle(ctx, invoice, {
      action: 'payment', date: input.date, amountMinor: input.amountMinor, note: input.note ?? '', paidMinor, state,
      before: { state: invoice.state, paidMinor: invoice.paid_minor },
    });
    return { paymentId, state, amountDueMinor: amountDue({ ...money, paidMinor }) };
  }

  /** Records money paid back to the client (a negative payment), at most the refund due; audited like a payment. */
  async function recordRefund(ctx: RequestContext, invoiceId: number, input: PaymentInput): Promise<{ paymentId: number; state: string; refundDueMinor: number }> {
    requirePermission(ctx, 'invoices.payments');
    const invoice = await issuedInvoice(invoiceId);
    checkInput(invoice, input);
    if (invoice.kind !== 'invoice') throw conflict('not_an_invoice', 'Refunds are recorded on the invoice the client paid, not on the credit note');
    if (invoice.state === 'draft') throw conflict('not_issued', 'The invoice is a draft; nothing was paid');
    const money = moneyOf(invoice);
    const owed = refundDue(money);
    if (owed === 0) throw conflict('nothing_to_refund', `Nothing was paid on invoice ${invoice.number} beyond what is due; there is nothing to refund`);
    if (input.amountMinor > owed) {
      throw invalid([{ path: 'amountMinor', code: 'exceeds_refund_due', message: `Only ${owed} minor units are to be refunded on invoice ${invoice.number}, not ${input.amountMinor}` }]);
    }
    const paidMinor = invoice.paid_minor - input.amountMinor;
    // A fully credited invoice stays credited; otherwise the state follows the payments left.
    const state = invoice.state === 'credited' ? 'credited' : settledState({ ...money, paidMinor }, false);
    const paymentId = await settle(ctx, invoice, {
      action: 'refund', date: input.date, amountMinor: -input.amountMinor, note: input.note ?? '', paidMinor, state,
      before: { state: invoice.state, paidMinor: invoice.paid_minor, refundDueMinor: owed },
    });
    return { paymentId, state, refundDueMinor: refundDue({ ...money, paidMinor }) };
  }

  /**
   * Takes back a payment or refund recorded by mistake: a reversal entry of the opposite
   * amount naming it, dated today, with the reason; the invoice's paid sum and state
   * follow in the same transaction, audited. The entry itself stays as it was typed.
   */
  async function reversePayment(ctx: RequestContext, invoiceId: number, paymentId: number, input: ReversalInput): Promise<{ reversalId: number; state: string; paidMinor: number }> {
    requirePermission(ctx, 'invoices.payments');
    const invoice = await issuedInvoice(invoiceId);
    const reason = input.reason.trim();
    if (reason === '') throw invalid([{ path: 'reason', code: 'required', message: 'A reversal needs the reason (e.g. a mistyped amount, the wrong invoice)' }]);
    const rows = await repo.paymentsOf(db, invoiceId);
    const entries = rows.map(entryOf);
    const refusal = reversalRefusal(entries, paymentId);
    if (refusal === 'payment_not_found') throw notFound('Payment');
    if (refusal) throw REFUSALS[refusal](paymentId);
    const original = rows.find((r) => r.id === paymentId)!;
    const reversal = reversalOf(entryOf(original));
    const paidMinor = paidOf([...entries, { id: 0, ...reversal }]);
    const state = stateAfterReversal({ ...moneyOf(invoice), paidMinor }, invoice.sent_at !== null);
    const reversalId = await settle(ctx, invoice, {
      action: 'reverse_payment', date: todayOf(clock), amountMinor: reversal.amountMinor, note: reason, paidMinor, state, reversesPaymentId: paymentId,
      before: { state: invoice.state, paidMinor: invoice.paid_minor, paymentId, date: original.date, amountMinor: original.amount_minor, note: original.note },
    });
    return { reversalId, state, paidMinor };
  }

  async function markSent(ctx: RequestContext, invoiceId: number): Promise<void> {
    requirePermission(ctx, 'invoices.payments');
    const invoice = await issuedInvoice(invoiceId);
    if (invoice.state === 'draft') throw conflict('not_issued', 'A draft cannot be sent; issue it first');
    if (invoice.state !== 'issued') throw conflict('invalid_state', `The document is ${invoice.state}; only an issued one can be marked sent`);
    const now = clock.now();
    const at = now.toISOString();
    await db.transaction().execute(async (trx) => {
      if (!(await repo.updateSettlement(trx, invoiceId, invoice.version, { state: 'sent', sent_at: at, updated_at: at }))) throw staleVersion('The invoice');
      await recordAudit(trx, now, auditWhoOf(ctx), { entity: 'invoice', entityId: invoiceId, action: 'mark_sent', before: { state: 'issued' }, after: { state: 'sent', sentAt: at } });
    });
  }

  return { recordPayment, recordRefund, reversePayment, markSent };
}

export type Payments = ReturnType<typeof createPayments>;
