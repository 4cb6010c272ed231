import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billingWorld, type BillingWorld } from './billing-examples.fixture.ts';
import { testEngines } from './db.ts';

/**
 * Records approved after a billing run (BILLING.md §4), through the API on both engines, on
 * the examples' October 2026: the run's draft does not hold them, so the draft, the run and
 * the issue dialog warn `records_after_run` with how many, their minutes and tickets, and for
 * prepaid example C how much of it the next period's allowance would cover instead. Records
 * the run saw, records dated after the period and records of another client do not count; a
 * re-run takes the record in and the warning goes; issuing stays possible (a warning, as the
 * rules bill such a record late), and the record is then the next run's late record. A record
 * taken out of the draft's period by hand is not counted (one taken out of another period is).
 */
describe.each(testEngines())('billing: records approved after the run, on %s', (engine) => {
  let w: BillingWorld;
  let october: any;
  let ticketC = { id: 0, number: '' };
  let ticketA = { id: 0, number: '' };
  beforeAll(async () => {
    w = await billingWorld(engine);
    w.t.clock.set('2026-11-02T09:00:00.000Z');
    october = await w.runPeriod('2026-10');
    ticketC = await w.ok(w.operator.auth, 'POST', '/api/v1/tickets', { clientId: w.ex.clients.c, subject: 'Tiskárna C', queueId: w.queueId });
    await w.ok(w.manager.auth, 'PATCH', `/api/v1/tickets/${ticketC.id}/contract`, { contractId: w.ex.contracts.c });
    ticketA = await w.ok(w.operator.auth, 'POST', '/api/v1/tickets', { clientId: w.ex.clients.a, subject: 'Server A', queueId: w.queueId });
  }, 120_000);
  afterAll(() => w.t.close());

  const m = () => w.manager.auth;
  const draftOf = (run: any, clientId: number) => run.result.drafts.find((d: { clientId: number }) => d.clientId === clientId);
  const invoice = (id: number) => w.ok(m(), 'GET', `/api/v1/invoices/${id}`);
  const afterRun = (warnings: { code: string }[]) => warnings.filter((x) => x.code === 'records_after_run');
  /** Logs, submits and approves a remote-support record; the clock moves on a minute first, as time does after a run. */
  const approved = async (ticketId: number, date: string, minutes: number) => {
    w.t.clock.advance(60_000);
    const id = (await w.ok(w.tech.auth, 'POST', `/api/v1/tickets/${ticketId}/records`, { kind: 'work', date, startTime: '09:00', minutes, workTypeId: w.wt.remote, description: 'Vzdálená podpora' })).id as number;
    await w.ok(w.tech.auth, 'POST', `/api/v1/records/${id}/submit`);
    await w.ok(m(), 'POST', '/api/v1/records/approve', { ids: [id] });
    return id;
  };

  it('warns on the prepaid draft when a record of its period is approved after the run, naming the count, time, ticket and prepaid minutes', async () => {
    const c = draftOf(october, w.ex.clients.c);
    expect(afterRun((await invoice(c.invoiceId)).issueWarnings)).toEqual([]);
    await approved(ticketC.id, '2026-10-30', 60);
    await approved(ticketC.id, '2026-11-01', 45); // after the period: November's run bills it, not October's
    const expected = { code: 'records_after_run', period: '2026-10', count: 1, minutes: 60, tickets: [ticketC.number], prepaidMinutes: 60 };
    expect(afterRun((await invoice(c.invoiceId)).issueWarnings)).toEqual([expected]);
    const run = await w.ok(m(), 'GET', `/api/v1/billing-runs/${october.id}`);
    expect(afterRun(draftOf(run, w.ex.clients.c).issueWarnings)).toEqual([expected]);
    // Other clients' drafts are not told about it.
    expect(afterRun(draftOf(run, w.ex.clients.a).issueWarnings)).toEqual([]);
    expect(afterRun(draftOf(run, w.ex.clients.b).issueWarnings)).toEqual([]);
  });

  it('runs the period again: the record is on the new draft and the warning is gone', async () => {
    october = await w.runPeriod('2026-10');
    const c = draftOf(october, w.ex.clients.c);
    expect(afterRun(c.issueWarnings)).toEqual([]);
    const taken = await w.t.database.db.selectFrom('invoice_records').select('record_id').where('invoice_id', '=', c.invoiceId).execute();
    expect(taken.length).toBe(5); // the four October records of example C and the one approved after the first run
  });

  it('warns a time-and-material draft too (no prepaid minutes), and issuing it is not refused: the record is billed by the next run as late', async () => {
    const a = draftOf(october, w.ex.clients.a);
    const late = await approved(ticketA.id, '2026-10-20', 30);
    const detail = await invoice(a.invoiceId);
    expect(afterRun(detail.issueWarnings)).toEqual([{ code: 'records_after_run', period: '2026-10', count: 1, minutes: 30, tickets: [ticketA.number], prepaidMinutes: 0 }]);
    const issued = await w.call(m(), 'POST', `/api/v1/invoices/${a.invoiceId}/issue`);
    expect(issued.statusCode, issued.body).toBe(200);
    const record = await w.t.database.db.selectFrom('records').select(['state', 'billed_invoice_id']).where('id', '=', late).executeTakeFirstOrThrow();
    expect(record).toEqual({ state: 'approved', billed_invoice_id: null });
    w.t.clock.set('2026-12-01T09:00:00.000Z');
    const november = await w.runPeriod('2026-11');
    expect(november.result.late).toEqual(expect.arrayContaining([expect.objectContaining({ recordId: late, date: '2026-10-20', invoiceId: draftOf(november, w.ex.clients.a).invoiceId })]));
    // The November draft was computed after the approval: nothing to warn about there.
    expect(afterRun(draftOf(november, w.ex.clients.a).issueWarnings)).toEqual([]);
  });

  it('leaves out a record taken out of the draft\'s period by hand, and counts one taken out of another period', async () => {
    const b = draftOf(october, w.ex.clients.b);
    const ticketB = await w.ok(w.operator.auth, 'POST', '/api/v1/tickets', { clientId: w.ex.clients.b, subject: 'Síť B', queueId: w.queueId });
    const record = await approved(ticketB.id, '2026-10-25', 20);
    const expected = [{ code: 'records_after_run', period: '2026-10', count: 1, minutes: 20, tickets: [ticketB.number], prepaidMinutes: 0 }];
    expect(afterRun((await invoice(b.invoiceId)).issueWarnings)).toEqual(expected);
    const { db } = w.t.database;
    const at = w.t.clock.now().toISOString();
    await db.insertInto('billing_exclusions').values({ record_id: record, period: '2026-09', invoice_id: null, note: 'Jiné období', excluded_by: w.manager.id, excluded_at: at }).execute();
    expect(afterRun((await invoice(b.invoiceId)).issueWarnings)).toEqual(expected);
    await db.updateTable('billing_exclusions').set({ period: '2026-10' }).where('record_id', '=', record).execute();
    expect(afterRun((await invoice(b.invoiceId)).issueWarnings)).toEqual([]);
    const run = await w.ok(m(), 'GET', `/api/v1/billing-runs/${october.id}`);
    expect(afterRun(draftOf(run, w.ex.clients.b).issueWarnings)).toEqual([]);
  });
});
