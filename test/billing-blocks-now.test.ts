import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billingWorld, type BillingWorld } from './billing-examples.fixture.ts';
import { invoiceableClient } from './buyer.fixture.ts';
import { testEngines } from './db.ts';

/**
 * A draft blocked because its prepaid contract's previous period was not final, read as
 * things stand now, through the API on both engines: the reasons are codes with the
 * contract and period (the English text stays as message); while the earlier period is not
 * final they name the draft to issue first; once it is issued the reason is gone
 * (holds: false) on the draft, the run and the invoice list, and issuing still answers 409
 * telling to run billing again, since the draft's figures were computed without that
 * ledger. The re-run gives a draft that is issued.
 */
describe.each(testEngines())('billing: blocked drafts read now, on %s', (engine) => {
  let w: BillingWorld;
  let client = 0;
  let contract = 0;
  let october: any;
  let septemberDraft = 0;
  beforeAll(async () => {
    w = await billingWorld(engine);
    const m = w.manager.auth;
    client = (await w.ok(m, 'POST', '/api/v1/clients', { name: 'Příklad D s.r.o.', country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14, ...invoiceableClient })).id;
    contract = (await w.ok(m, 'POST', '/api/v1/contracts', {
      clientId: client, number: 'PRIKLAD-D', name: 'Hodiny D', currency: 'CZK', validFrom: '2026-09-01', prepaidMinutes: 300,
      fee: { amountMinor: 3_000_00, vatRateBp: 2100, timing: 'in_arrears' }, scope: { workTypeIds: [w.wt.remote] },
    })).id;
    const ticket = (await w.ok(w.operator.auth, 'POST', '/api/v1/tickets', { clientId: client, subject: 'Podpora D', queueId: w.queueId })).id;
    await w.ok(m, 'PATCH', `/api/v1/tickets/${ticket}/contract`, { contractId: contract });
    const record = (await w.ok(w.tech.auth, 'POST', `/api/v1/tickets/${ticket}/records`, { kind: 'work', date: '2026-10-14', startTime: '09:00', minutes: 60, workTypeId: w.wt.remote, description: 'Podpora' })).id;
    await w.ok(w.tech.auth, 'POST', `/api/v1/records/${record}/submit`);
    await w.ok(m, 'POST', '/api/v1/records/approve', { ids: [record] });
    october = await w.runPeriod('2026-10');
  }, 120_000);
  afterAll(() => w.t.close());

  const m = () => w.manager.auth;
  const draftOf = (run: any) => run.result.drafts.find((d: { clientId: number }) => d.clientId === client);
  const runNow = () => w.ok(m(), 'GET', `/api/v1/billing-runs/${october.id}`);
  const listed = async (id: number) => (await w.ok(m(), 'GET', `/api/v1/invoices?clientId=${client}&period=2026-10`)).items.find((i: { id: number }) => i.id === id);
  const block = (over: object) => ({
    code: 'previous_prepaid_not_final', message: 'previous prepaid period not final', contractId: contract, contractNumber: 'PRIKLAD-D', period: '2026-10',
    previousPeriod: '2026-09', ...over,
  });

  it('gives the reason as a code with the contract and period, on the run, the draft and the list; the English text stays', async () => {
    const blocked = october.result.blocked.filter((b: { clientId: number }) => b.clientId === client);
    expect(blocked).toEqual([expect.objectContaining({ code: 'previous_prepaid_not_final', reason: 'previous prepaid period not final', contractId: contract, contractNumber: 'PRIKLAD-D', period: '2026-10' })]);
    const d = draftOf(october);
    expect(d.blocked).toEqual(['previous prepaid period not final']);
    // September was never run: there is no draft to issue first yet.
    const expected = [block({ holds: true, earlierDraftId: null })];
    expect(d.blocks).toEqual(expected);
    expect((await w.ok(m(), 'GET', `/api/v1/invoices/${d.invoiceId}`)).blocks).toEqual(expected);
    expect((await listed(d.invoiceId)).blocks).toEqual(expected);
  });

  it('names the earlier draft to issue first while the previous period is not final; issuing the blocked draft says so (409)', async () => {
    const september = await w.runPeriod('2026-09');
    septemberDraft = draftOf(september).invoiceId;
    const d = draftOf(await runNow());
    expect(d.blocks).toEqual([block({ holds: true, earlierDraftId: septemberDraft })]);
    const refused = await w.call(m(), 'POST', `/api/v1/invoices/${d.invoiceId}/issue`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'draft_blocked', details: [expect.objectContaining({ code: 'blocked' })] });
    expect(refused.json().error.message).toContain(`issue the invoice of 2026-09 first (draft ${septemberDraft})`);
  });

  it('once the earlier period is issued the reason is gone everywhere, and issuing still waits for the run again', async () => {
    await w.ok(m(), 'POST', `/api/v1/invoices/${septemberDraft}/issue`);
    const d = draftOf(await runNow());
    const gone = [block({ holds: false, earlierDraftId: null })];
    expect(d.blocks).toEqual(gone);
    expect((await w.ok(m(), 'GET', `/api/v1/invoices/${d.invoiceId}`)).blocks).toEqual(gone);
    expect((await listed(d.invoiceId)).blocks).toEqual(gone);
    const refused = await w.call(m(), 'POST', `/api/v1/invoices/${d.invoiceId}/issue`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'draft_blocked', details: [expect.objectContaining({ code: 'rerun_needed' })] });
    expect(refused.json().error.message).toContain('run billing for 2026-10 again');
    expect(await w.t.database.db.selectFrom('invoices').select('state').where('id', '=', d.invoiceId).executeTakeFirstOrThrow()).toEqual({ state: 'draft' });
  });

  it('the run again gives a draft without reasons, which is issued', async () => {
    const again = await w.runPeriod('2026-10');
    const d = draftOf(again);
    expect(d).toMatchObject({ blocked: [], blocks: [] });
    expect((await listed(d.invoiceId)).blocks).toEqual([]);
    expect((await w.call(m(), 'POST', `/api/v1/invoices/${d.invoiceId}/issue`)).statusCode).toBe(200);
  });

  it('blocks a prepaid contract whose previous period is not final even without covered records, so its period never goes without a ledger row', async () => {
    const quiet = (await w.ok(m(), 'POST', '/api/v1/clients', { name: 'Příklad E s.r.o.', country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14, ...invoiceableClient })).id;
    const hours = (await w.ok(m(), 'POST', '/api/v1/contracts', {
      clientId: quiet, number: 'PRIKLAD-E', name: 'Hodiny E', currency: 'CZK', validFrom: '2026-09-01', prepaidMinutes: 300,
      fee: { amountMinor: 2_000_00, vatRateBp: 2100, timing: 'in_arrears' }, scope: { workTypeIds: [w.wt.remote] },
    })).id;
    const ofQuiet = (run: any) => run.result.drafts.find((d: { clientId: number }) => d.clientId === quiet);
    const october = await w.runPeriod('2026-10');
    expect(october.result.blocked.filter((b: { clientId: number }) => b.clientId === quiet))
      .toEqual([expect.objectContaining({ code: 'previous_prepaid_not_final', contractId: hours, contractNumber: 'PRIKLAD-E', period: '2026-10', recordIds: [] })]);
    const blockedDraft = ofQuiet(october);
    expect(blockedDraft.blocks).toEqual([expect.objectContaining({ code: 'previous_prepaid_not_final', holds: true })]);
    expect((await w.call(m(), 'POST', `/api/v1/invoices/${blockedDraft.invoiceId}/issue`)).statusCode).toBe(409);
    const september = await w.runPeriod('2026-09');
    await w.ok(m(), 'POST', `/api/v1/invoices/${ofQuiet(september).invoiceId}/issue`);
    const again = await w.runPeriod('2026-10');
    expect(ofQuiet(again)).toMatchObject({ blocked: [], blocks: [], netMinor: 2_000_00 });
    await w.ok(m(), 'POST', `/api/v1/invoices/${ofQuiet(again).invoiceId}/issue`);
    const ledger = await w.t.database.db.selectFrom('prepaid_ledger').select(['period', 'final', 'lapsed']).where('contract_id', '=', hours).orderBy('period').execute();
    expect(ledger).toEqual([{ period: '2026-09', final: 1, lapsed: 300 }, { period: '2026-10', final: 1, lapsed: 300 }]);
  });
});
