import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvoiceMoneyState } from './invoice-state.ts';
import { paidOf, reversalOf, reversalRefusal, reversedIds, stateAfterReversal, type PaymentEntry } from './payment-reversal.ts';

const entry = (id: number, amountMinor: number, reversesPaymentId: number | null = null): PaymentEntry => ({ id, amountMinor, reversesPaymentId });

describe('reversing a payment', () => {
  it('is an entry of the opposite amount naming the original; the two cancel out', () => {
    const payment = entry(1, 5_000_50);
    const entries = [payment, entry(2, 1_000_00), { id: 3, ...reversalOf(payment) }];
    expect(entries[2]).toEqual({ id: 3, amountMinor: -5_000_50, reversesPaymentId: 1 });
    expect(paidOf(entries)).toBe(1_000_00);
    expect([...reversedIds(entries)]).toEqual([1]);
  });

  it('is refused for an unknown entry, a reversal, an entry reversed already, and a payment refunds were paid out of', () => {
    const entries = [entry(1, 100_00), entry(2, -100_00), entry(3, 50_00), entry(4, -50_00, 3)];
    expect(reversalRefusal(entries, 9)).toBe('payment_not_found');
    expect(reversalRefusal(entries, 4)).toBe('payment_is_reversal');
    expect(reversalRefusal(entries, 3)).toBe('payment_already_reversed');
    expect(reversalRefusal(entries, 1)).toBe('refunds_exceed_payments');
    // The refund is reversed first, then the payment can be.
    expect(reversalRefusal(entries, 2)).toBeNull();
    expect(reversalRefusal([...entries, entry(5, 100_00, 2)], 1)).toBeNull();
  });

  it('leaves an invoice that owes again sent if it had been sent, issued otherwise; credited stays credited; settled again is paid', () => {
    const invoice: InvoiceMoneyState = { kind: 'invoice', state: 'paid', totalMinor: 968_00, paidMinor: 0, creditedMinor: 0, dueDate: '2026-11-16', blocked: [] };
    expect(stateAfterReversal(invoice, true)).toBe('sent');
    expect(stateAfterReversal(invoice, false)).toBe('issued');
    expect(stateAfterReversal({ ...invoice, state: 'sent', paidMinor: 500_00 }, true)).toBe('sent');
    expect(stateAfterReversal({ ...invoice, state: 'credited', creditedMinor: 968_00, paidMinor: 100_00 }, true)).toBe('credited');
    expect(stateAfterReversal({ ...invoice, paidMinor: 968_00 }, true)).toBe('paid');
  });

  it('any sequence of payments, refunds and reversals: paid = the sum of the entries neither reversed nor reversals (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -50_000_00, max: 50_000_00 }).filter((a) => a !== 0).map((amount) => ({ amount })), fc.nat(30).map((pick) => ({ pick }))), { maxLength: 40 }), (ops) => {
        const entries: PaymentEntry[] = [];
        for (const op of ops) {
          if ('amount' in op) {
            // A refund is never more than what was paid (the service checks it against the refund due).
            if (paidOf(entries) + op.amount >= 0) entries.push(entry(entries.length + 1, op.amount));
          } else if (entries.length > 0) {
            const target = entries[op.pick % entries.length]!;
            if (reversalRefusal(entries, target.id) === null) entries.push({ id: entries.length + 1, ...reversalOf(target) });
          }
          const reversed = reversedIds(entries);
          const standing = entries.filter((e) => e.reversesPaymentId === null && !reversed.has(e.id));
          expect(paidOf(entries)).toBe(standing.reduce((s, e) => s + e.amountMinor, 0));
          expect(paidOf(entries)).toBeGreaterThanOrEqual(0);
          // At most one reversal per entry.
          expect(reversed.size).toBe(entries.filter((e) => e.reversesPaymentId !== null).length);
        }
      }),
    );
  });
});
