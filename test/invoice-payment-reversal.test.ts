// A payment recorded by mistake (a mistyped amount, money put on the wrong invoice) is
// reversed, never deleted: a reversal entry of the opposite amount names it, with the
// reason, who and when; the invoice's paid amount and state follow in the same
// transaction, and the reversal is audited. An entry is reversed at most once (409).
import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as m0031 from '../migrations/0031_payment_reversals.ts';
import { testEngines } from './db.ts';
import { invoicingWorld, type InvoicingWorld } from './invoicing.fixture.ts';

interface Entry {
  id: number;
  amountMinor: number;
  note: string;
  reversesPaymentId: number | null;
  reversal: { id: number; reason: string; date: string; createdBy: { id: number; name: string } | null } | null;
}

describe.each(testEngines())('reversing payments on %s', (engine) => {
  let w: InvoicingWorld;
  beforeAll(async () => {
    w = await invoicingWorld(engine);
  });
  afterAll(() => w.t.close());

  const db = () => w.t.database.db;
  const get = (id: number) => w.req(w.accountant.auth, 'GET', `/api/v1/invoices/${id}`);
  const pay = (id: number, amountMinor: number, note?: string) => w.req(w.accountant.auth, 'POST', `/api/v1/invoices/${id}/payments`, { date: '2026-11-02', amountMinor, ...(note ? { note } : {}) });
  const reverse = (id: number, paymentId: number | string, body: object = { reason: 'Překlep v částce' }, auth = w.accountant.auth) =>
    w.req(auth, 'POST', `/api/v1/invoices/${id}/payments/${paymentId}/reversal`, body);
  /** An issued invoice of one record: 800.00 + 21 % = 968.00. */
  async function issuedInvoice(): Promise<number> {
    const id = await w.draft({ records: await w.approvedRecords(1) });
    const res = await w.req(w.manager.auth, 'POST', `/api/v1/invoices/${id}/issue`);
    expect(res.statusCode, res.body).toBe(200);
    return id;
  }
  const lastPaymentId = async (id: number): Promise<number> => ((await get(id)).json().payments as Entry[]).at(-1)!.id;

  it('reverses a mistyped payment: the invoice owes again and is sent as before, the entry stays struck with who, when and why, audited', async () => {
    const id = await issuedInvoice();
    expect((await w.req(w.accountant.auth, 'POST', `/api/v1/invoices/${id}/mark-sent`)).statusCode).toBe(200);
    const paid = await pay(id, 968_00, 'výpis 11/2026');
    expect(paid.json()).toMatchObject({ state: 'paid', paidMinor: 968_00, amountDueMinor: 0 });
    const paymentId = await lastPaymentId(id);

    const res = await reverse(id, paymentId, { reason: '  Patří k jiné faktuře  ' });
    expect(res.statusCode, res.body).toBe(201);
    const inv = res.json();
    expect(inv).toMatchObject({ state: 'sent', status: 'sent', paidMinor: 0, amountDueMinor: 968_00, refundDueMinor: 0 });
    expect(inv.allowedActions).toContain('recordPayment');
    const [original, reversal] = inv.payments as Entry[];
    expect(inv.payments).toHaveLength(2);
    const accountant = { id: w.accountant.id, name: expect.any(String) };
    expect(original).toMatchObject({ id: paymentId, amountMinor: 968_00, note: 'výpis 11/2026', reversesPaymentId: null, createdBy: accountant });
    expect(original!.reversal).toMatchObject({ id: reversal!.id, date: '2026-11-02', reason: 'Patří k jiné faktuře', createdBy: accountant, createdAt: w.t.clock.now().toISOString() });
    expect(reversal).toMatchObject({ amountMinor: -968_00, note: 'Patří k jiné faktuře', reversesPaymentId: paymentId, reversal: null, createdBy: accountant });
    // The entry typed by mistake is still on record exactly as it was typed.
    const rows = await db().selectFrom('invoice_payments').select(['id', 'amount_minor', 'note', 'reverses_payment_id']).where('invoice_id', '=', id).orderBy('id').execute();
    expect(rows).toEqual([
      { id: paymentId, amount_minor: 968_00, note: 'výpis 11/2026', reverses_payment_id: null },
      { id: reversal!.id, amount_minor: -968_00, note: 'Patří k jiné faktuře', reverses_payment_id: paymentId },
    ]);
    expect(await db().selectFrom('invoices').select(['state', 'paid_minor']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ state: 'sent', paid_minor: 0 });

    const audit = await db().selectFrom('audit_log').select(['action', 'actor_user_id', 'before_json', 'after_json']).where('entity', '=', 'invoice').where('entity_id', '=', String(id)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['issue', 'mark_sent', 'payment', 'reverse_payment']);
    const entry = audit.at(-1)!;
    expect(entry.actor_user_id).toBe(w.accountant.id);
    expect(JSON.parse(entry.before_json!)).toEqual({ state: 'paid', paidMinor: 968_00, paymentId, date: '2026-11-02', amountMinor: 968_00, note: 'výpis 11/2026' });
    expect(JSON.parse(entry.after_json!)).toEqual({ state: 'sent', paidMinor: 0, paymentId: reversal!.id, reversesPaymentId: paymentId, date: '2026-11-02', amountMinor: -968_00, reason: 'Patří k jiné faktuře' });

    // The correct payment is recorded again and settles the invoice.
    expect((await pay(id, 968_00)).json()).toMatchObject({ state: 'paid', paidMinor: 968_00, amountDueMinor: 0 });
  });

  it('refuses to reverse twice, to reverse a reversal, and leaves the invoice as it was', async () => {
    const id = await issuedInvoice();
    await pay(id, 500_00);
    const paymentId = await lastPaymentId(id);
    expect((await reverse(id, paymentId)).statusCode).toBe(201);
    const before = (await get(id)).json();

    const twice = await reverse(id, paymentId);
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'payment_already_reversed']);
    const reversalId = await lastPaymentId(id);
    const ofReversal = await reverse(id, reversalId);
    expect([ofReversal.statusCode, ofReversal.json().error.code]).toEqual([409, 'payment_is_reversal']);

    const after = (await get(id)).json();
    expect(after).toMatchObject({ state: 'issued', paidMinor: 0, amountDueMinor: 968_00, version: before.version });
    expect(after.payments).toHaveLength(2);
    const reversals = await db().selectFrom('audit_log').select('id').where('entity', '=', 'invoice').where('entity_id', '=', String(id)).where('action', '=', 'reverse_payment').execute();
    expect(reversals).toHaveLength(1);
  });

  it('a partial payment reversed: the invoice that was never sent stays issued with the amount due back', async () => {
    const id = await issuedInvoice();
    await pay(id, 500_00);
    const first = await lastPaymentId(id);
    expect((await pay(id, 468_00)).json()).toMatchObject({ state: 'paid' });
    const second = await lastPaymentId(id);
    const res = await reverse(id, second, { reason: 'Zapsáno dvakrát' });
    expect(res.json()).toMatchObject({ state: 'issued', paidMinor: 500_00, amountDueMinor: 468_00 });
    expect((await reverse(id, first)).json()).toMatchObject({ state: 'issued', paidMinor: 0, amountDueMinor: 968_00 });
  });

  it('only roles that record payments may reverse them', async () => {
    const id = await issuedInvoice();
    await pay(id, 100_00);
    const paymentId = await lastPaymentId(id);
    for (const auth of [w.operator.auth, w.tech.auth]) {
      const refused = await reverse(id, paymentId, { reason: 'Omyl' }, auth);
      expect(refused.statusCode, refused.body).toBe(403);
    }
    expect((await get(id)).json()).toMatchObject({ paidMinor: 100_00 });
    const byManager = await reverse(id, paymentId, { reason: 'Omyl' }, w.manager.auth);
    expect(byManager.statusCode, byManager.body).toBe(201);
    expect(byManager.json().payments[0].reversal.createdBy.id).toBe(w.manager.id);
  });

  it('bad input gets a clear 400 or 404, and nothing changes', async () => {
    const id = await issuedInvoice();
    const other = await issuedInvoice();
    await pay(id, 100_00);
    const paymentId = await lastPaymentId(id);
    for (const body of [{ reason: '   ' }, { reason: '' }]) {
      const res = await reverse(id, paymentId, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toContainEqual(expect.objectContaining({ path: 'reason', code: 'required' }));
    }
    for (const body of [{}, { reason: 'x'.repeat(501) }, { reason: 'Omyl', amountMinor: 5 }, { reason: 42 }]) {
      expect([JSON.stringify(body).slice(0, 40), (await reverse(id, paymentId, body)).statusCode]).toEqual([JSON.stringify(body).slice(0, 40), 400]);
    }
    expect((await reverse(id, 'abc')).statusCode).toBe(400);
    expect((await reverse(id, 0)).statusCode).toBe(400);
    for (const [invoiceId, pid] of [[id, 987_654], [other, paymentId], [987_654, paymentId]] as const) {
      const res = await reverse(invoiceId, pid);
      expect([invoiceId, pid, res.statusCode, res.json().error.code]).toEqual([invoiceId, pid, 404, 'not_found']);
    }
    expect((await get(id)).json()).toMatchObject({ paidMinor: 100_00, payments: [{ id: paymentId, reversal: null }] });
  });

  it('a refund paid out of a payment is reversed first; a reversed refund owes the client again; a credited invoice stays credited', async () => {
    const id = await issuedInvoice();
    await pay(id, 100_50);
    const paymentId = await lastPaymentId(id);
    expect((await w.req(w.accountant.auth, 'POST', `/api/v1/invoices/${id}/credit-notes`, { reason: 'Storno', full: true })).statusCode).toBe(201);
    const refunded = await w.req(w.accountant.auth, 'POST', `/api/v1/invoices/${id}/refunds`, { date: '2026-11-02', amountMinor: 100_50 });
    expect(refunded.json()).toMatchObject({ state: 'credited', paidMinor: 0, refundDueMinor: 0 });
    const refundId = await lastPaymentId(id);

    const refused = await reverse(id, paymentId);
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'refunds_exceed_payments']);
    const refundReversed = await reverse(id, refundId, { reason: 'Vrácení neodešlo' });
    expect(refundReversed.statusCode, refundReversed.body).toBe(201);
    expect(refundReversed.json()).toMatchObject({ state: 'credited', paidMinor: 100_50, refundDueMinor: 100_50, allowedActions: ['recordRefund'] });
    const paymentReversed = await reverse(id, paymentId);
    expect(paymentReversed.json()).toMatchObject({ state: 'credited', paidMinor: 0, refundDueMinor: 0, amountDueMinor: 0 });
  });

  it('the database refuses to change or delete an entry, and to reverse one twice, whatever code path tries', async () => {
    const id = await issuedInvoice();
    await pay(id, 10_00);
    const paymentId = await lastPaymentId(id);
    await expect(db().updateTable('invoice_payments').set({ amount_minor: 20_00 }).where('id', '=', paymentId).execute()).rejects.toThrow(/payment_immutable/);
    await expect(db().updateTable('invoice_payments').set({ note: 'jinak' }).where('id', '=', paymentId).execute()).rejects.toThrow(/payment_immutable/);
    await expect(db().deleteFrom('invoice_payments').where('id', '=', paymentId).execute()).rejects.toThrow(/payment_immutable/);
    await expect(sql`delete from invoice_payments where invoice_id = ${id}`.execute(db())).rejects.toThrow(/payment_immutable/);
    expect((await reverse(id, paymentId)).statusCode).toBe(201);
    const at = w.t.clock.now().toISOString();
    await expect(db().insertInto('invoice_payments').values({ invoice_id: id, date: '2026-11-02', amount_minor: -10_00, note: 'znovu', created_by: null, created_at: at, reverses_payment_id: paymentId }).execute())
      .rejects.toThrow();
    expect((await get(id)).json().payments).toHaveLength(2);
  });

  it('any sequence of payments, overpayments, refunds and reversals leaves paid = the sum of the entries standing, and due − refund due = total − credited − paid (property)', async () => {
    let reversals = 0;
    let overpayments = 0;
    type Op = { kind: 'pay'; amount: number } | { kind: 'overpay'; amount: number } | { kind: 'refund'; amount: number } | { kind: 'credit'; amount: number } | { kind: 'reverse'; pick: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('pay' as const), amount: fc.integer({ min: 1, max: 600_00 }) }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('overpay' as const), amount: fc.integer({ min: 1, max: 1200_00 }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('refund' as const), amount: fc.integer({ min: 1, max: 300_00 }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('credit' as const), amount: fc.integer({ min: 1, max: 400_00 }) }) },
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat(20) }) },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const id = await issuedInvoice();
        const lineId = (await get(id)).json().lines[0].id as number;
        for (const o of ops) {
          let res: Awaited<ReturnType<typeof pay>>;
          if (o.kind === 'pay') {
            const due = (await get(id)).json().amountDueMinor as number;
            res = await pay(id, o.amount);
            // Without the flag, never more than is due.
            if (o.amount > due && due > 0) expect(res.json().error?.details?.[0]?.code).toBe('exceeds_amount_due');
          } else if (o.kind === 'overpay') {
            res = await w.req(w.accountant.auth, 'POST', `/api/v1/invoices/${id}/payments`, { date: '2026-11-02', amountMinor: o.amount, allowOverpayment: true });
            if (res.statusCode === 201 && res.json().refundDueMinor > 0) overpayments++;
          } else if (o.kind === 'refund') res = await w.req(w.accountant.auth, 'POST', `/api/v1/invoices/${id}/refunds`, { date: '2026-11-02', amountMinor: o.amount });
          else if (o.kind === 'credit') res = await w.req(w.accountant.auth, 'POST', `/api/v1/invoices/${id}/credit-notes`, { reason: 'Sleva', lines: [{ lineId, amountMinor: o.amount }] });
          else {
            const entries = (await get(id)).json().payments as Entry[];
            if (entries.length === 0) continue;
            const target = entries[o.pick % entries.length]!;
            res = await reverse(id, target.id);
            // Reversals are refused exactly when the entry is one, was reversed, or funded a refund still standing.
            if (target.reversesPaymentId !== null) expect(res.json().error?.code).toBe('payment_is_reversal');
            else if (target.reversal !== null) expect(res.json().error?.code).toBe('payment_already_reversed');
            else if (entries.reduce((s, e) => s + e.amountMinor, 0) - target.amountMinor < 0) expect(res.json().error?.code).toBe('refunds_exceed_payments');
            else expect(res.statusCode, res.body).toBe(201);
            if (res.statusCode === 201) reversals++;
          }
          expect([201, 400, 409]).toContain(res.statusCode);

          const inv = (await get(id)).json();
          const entries = inv.payments as Entry[];
          const reversed = new Set(entries.flatMap((e) => (e.reversesPaymentId === null ? [] : [e.reversesPaymentId])));
          const standing = entries.filter((e) => e.reversesPaymentId === null && !reversed.has(e.id));
          const sumStanding = standing.reduce((s, e) => s + e.amountMinor, 0);
          // paid = the sum of payments and refunds not reversed = the sum of every entry (a reversal cancels its original).
          expect(inv.paidMinor).toBe(sumStanding);
          expect(entries.reduce((s, e) => s + e.amountMinor, 0)).toBe(sumStanding);
          expect(Number((await db().selectFrom('invoices').select('paid_minor').where('id', '=', id).executeTakeFirstOrThrow()).paid_minor)).toBe(sumStanding);
          expect(inv.paidMinor).toBeGreaterThanOrEqual(0);
          for (const e of entries) expect([e.id, e.reversal !== null]).toEqual([e.id, reversed.has(e.id)]);
          // The state follows the money.
          const due = inv.totalMinor - inv.creditedMinor - inv.paidMinor;
          expect(inv.amountDueMinor).toBe(Math.max(0, due));
          expect(inv.refundDueMinor).toBe(Math.max(0, -due));
          // What is due, less what is owed back, is the total less credit notes less what was paid (an overpayment included).
          expect(inv.amountDueMinor - inv.refundDueMinor).toBe(inv.totalMinor - inv.creditedMinor - inv.paidMinor);
          if (inv.state !== 'credited') expect(inv.state === 'paid').toBe(due <= 0 && inv.paidMinor > 0);
        }
      }),
      // A fixed seed: the check below, that the sequences reversed entries, must not depend on the draw (10 unseeded runs
      // sometimes made only 4 reversals), and a failure can be run again.
      { numRuns: engine === 'postgres' ? 10 : 25, seed: 20261128 },
    );
    // The sequences did reverse entries (not only refuse), and did overpay.
    expect(reversals).toBeGreaterThan(5);
    expect(overpayments).toBeGreaterThan(2);
  });

  it('migration 0031 rolls back and forward over recorded payments, keeping every entry', async () => {
    const id = await issuedInvoice();
    await pay(id, 300_00);
    const paymentId = await lastPaymentId(id);
    expect((await reverse(id, paymentId)).statusCode).toBe(201);
    const count = async () => Number((await db().selectFrom('invoice_payments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    await m0031.down(db() as unknown as Kysely<any>);
    expect(await count()).toBe(before);
    await m0031.up(db() as unknown as Kysely<any>);
    expect(await count()).toBe(before);
    // The guard is back: an entry is never deleted.
    await expect(db().deleteFrom('invoice_payments').where('id', '=', paymentId).execute()).rejects.toThrow(/payment_immutable/);
    expect((await pay(id, 1_00)).statusCode).toBe(201);
  });
});
