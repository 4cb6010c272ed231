import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billingWorld, type BillingWorld } from './billing-examples.fixture.ts';
import { testEngines } from './db.ts';

/**
 * What a record says the client will pay (its coverage) on both engines, over
 * BILLING.md examples A, B and C: time and material at its amount, flat-fee work
 * covered by its contract, prepaid work split as the October run then splits it;
 * the list price stays beside it for those who see prices.
 */
describe.each(testEngines())('record coverage on %s', (engine) => {
  let w: BillingWorld;
  beforeAll(async () => {
    w = await billingWorld(engine);
  }, 120_000);
  afterAll(() => w.t.close());

  const recordsOf = async (clientId: number, auth = w.tech.auth) =>
    new Map(((await w.ok(auth, 'GET', `/api/v1/records?clientId=${clientId}&from=2026-10-01&to=2026-10-31`)).items as any[]).map((r) => [r.id as number, r]));

  it('bills work without a contract at its amount (example A)', async () => {
    const a = await recordsOf(w.ex.clients.a);
    const onSite = a.get(w.ex.records.a.onSite);
    expect(onSite.coverage).toEqual({ kind: 'billable', contract: null, prepaid: null, clientAmountMinor: 2_625_00 });
    expect(onSite.amountMinor).toBe(2_625_00);
  });

  it('shows flat-fee work as covered by the contract, with its list price beside it (example B)', async () => {
    const b = await recordsOf(w.ex.clients.b);
    const contract = { id: w.ex.contracts.b, number: 'PRIKLAD-B' };
    // 180 min on-site would be 3 000.00 at the list price; the fee covers it.
    expect(b.get(w.ex.records.b.onSite)).toMatchObject({ amountMinor: 3_000_00, coverage: { kind: 'flat_fee', contract, prepaid: null, clientAmountMinor: 0 } });
    expect(b.get(w.ex.records.b.remote).coverage).toMatchObject({ kind: 'flat_fee', clientAmountMinor: 0 });
    // Outside the scope: billed at the amount, still under the contract.
    expect(b.get(w.ex.records.b.development).coverage).toEqual({ kind: 'billable', contract, prepaid: null, clientAmountMinor: 1_200_00 });
    expect(b.get(w.ex.records.b.travel).coverage).toEqual({ kind: 'billable', contract, prepaid: null, clientAmountMinor: 240_00 });
  });

  it('splits prepaid work as things stand: 780 minutes of allowance, the 27 Oct entry 60 covered and 120 overage (example C)', async () => {
    const c = await recordsOf(w.ex.clients.c);
    const contract = { id: w.ex.contracts.c, number: 'PRIKLAD-C' };
    const prepaid = (covered: number, overage: number) => ({ period: '2026-10', status: 'estimate', counted: true, coveredMinutes: covered, overageMinutes: overage, leftMinutes: 0 });
    expect(c.get(w.ex.records.c.o1).coverage).toEqual({ kind: 'prepaid', contract, prepaid: prepaid(240, 0), clientAmountMinor: null });
    expect(c.get(w.ex.records.c.o3).coverage.prepaid).toEqual(prepaid(180, 0));
    expect(c.get(w.ex.records.c.o4).coverage.prepaid).toEqual(prepaid(60, 120));
    // The list price of the whole entry stays for those who see prices: 180 min on-site.
    expect(c.get(w.ex.records.c.o4).amountMinor).toBe(3_000_00);
    // The one-record answer says the same.
    expect((await w.ok(w.tech.auth, 'GET', `/api/v1/records/${w.ex.records.c.o4}`)).coverage.prepaid).toEqual(prepaid(60, 120));
  });

  it('shows a new draft as if it were submitted, not yet counted; non-billable work at 0', async () => {
    const ticketId = (await w.ok(w.manager.auth, 'GET', `/api/v1/records/${w.ex.records.c.o1}`)).ticket.id as number;
    const draft = await w.ok(w.tech.auth, 'POST', `/api/v1/tickets/${ticketId}/records`, { kind: 'work', date: '2026-10-29', startTime: '09:00', minutes: 30, workTypeId: w.wt.remote });
    expect(draft.coverage).toMatchObject({ kind: 'prepaid', prepaid: { status: 'estimate', counted: false, coveredMinutes: 0, overageMinutes: 30, leftMinutes: 0 } });
    // The submitted records stand as they did: a draft draws on nothing.
    expect((await recordsOf(w.ex.clients.c)).get(w.ex.records.c.o4).coverage.prepaid).toMatchObject({ coveredMinutes: 60, overageMinutes: 120 });
    const unbilled = await w.ok(w.tech.auth, 'POST', `/api/v1/tickets/${ticketId}/records`, { kind: 'work', date: '2026-10-29', minutes: 30, workTypeId: w.wt.remote, billable: false });
    expect(unbilled.coverage).toEqual({ kind: 'not_billable', contract: { id: w.ex.contracts.c, number: 'PRIKLAD-C' }, prepaid: null, clientAmountMinor: 0 });
    await w.ok(w.tech.auth, 'DELETE', `/api/v1/records/${draft.id}`);
    await w.ok(w.tech.auth, 'DELETE', `/api/v1/records/${unbilled.id}`);
  });

  it('agrees with what the October run then bills, record by record', async () => {
    const shown = new Map([...(await recordsOf(w.ex.clients.a, w.manager.auth)), ...(await recordsOf(w.ex.clients.b, w.manager.auth)), ...(await recordsOf(w.ex.clients.c, w.manager.auth))]);
    const run = await w.runPeriod('2026-10');
    expect(run.state).toBe('completed');
    const invoiceIds = run.result.drafts.map((d: { invoiceId: number }) => d.invoiceId);
    const billed = await w.t.database.db.selectFrom('invoice_records').select(['record_id', 'outcome', 'covered_minutes', 'billed_minutes', 'amount_minor']).where('invoice_id', 'in', invoiceIds).execute();
    const byRecord = new Map(billed.map((r) => [Number(r.record_id), r]));
    for (const [id, record] of shown) {
      const taken = byRecord.get(id);
      expect(taken, `record ${id}`).toBeDefined();
      const { kind, prepaid, clientAmountMinor } = record.coverage;
      if (kind === 'billable') expect([taken!.outcome, Number(taken!.amount_minor)], `record ${id}`).toEqual(['billed', clientAmountMinor]);
      if (kind === 'flat_fee' || kind === 'not_billable') expect([taken!.outcome, Number(taken!.amount_minor)], `record ${id}`).toEqual(['covered', 0]);
      if (kind === 'prepaid') {
        // The multipliers are 1 here: allowance minutes are billable minutes.
        expect([Number(taken!.covered_minutes), Number(taken!.billed_minutes)], `record ${id}`).toEqual([prepaid.coveredMinutes, prepaid.overageMinutes]);
      }
    }
    expect(byRecord.get(w.ex.records.c.o4)).toMatchObject({ outcome: 'partly_covered' });
  });
});
