import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billingWorld, type BillingWorld } from './billing-examples.fixture.ts';
import { invoiceableClient } from './buyer.fixture.ts';
import { testEngines } from './db.ts';

/**
 * The warnings issuing does not refuse for, through the API on both engines, on
 * BILLING.md's examples for October 2026: a client whose currency is EUR with its
 * work priced from the CZK list gets a CZK draft that says so (on the run and on the
 * draft) unless a contract of the client in CZK explains it, and is still issued;
 * a tax document issued more than 15 days after its date of taxable supply
 * (31 October) is late under Czech and Slovak VAT law, a day sooner is not.
 */
describe.each(testEngines())('billing: warnings before issuing, on %s', (engine) => {
  let w: BillingWorld;
  let october: any;
  let euroClient = 0;
  beforeAll(async () => {
    w = await billingWorld(engine);
    const m = w.manager.auth;
    euroClient = (await w.ok(m, 'POST', '/api/v1/clients', {
      name: 'Eurový klient s.r.o.', country: 'CZ', language: 'cs', currency: 'EUR', paymentTermsDays: 14, ...invoiceableClient,
    })).id;
    const ticket = await w.ok(w.operator.auth, 'POST', '/api/v1/tickets', { clientId: euroClient, subject: 'Síť v pobočce', queueId: w.queueId });
    const record = await w.ok(w.tech.auth, 'POST', `/api/v1/tickets/${ticket.id}/records`, { kind: 'work', date: '2026-10-06', startTime: '09:00', minutes: 60, workTypeId: w.wt.remote, description: 'Nastavení sítě' });
    await w.ok(w.tech.auth, 'POST', `/api/v1/records/${record.id}/submit`);
    await w.ok(m, 'POST', '/api/v1/records/approve', { ids: [record.id] });
    october = await w.runPeriod('2026-10');
  }, 120_000);
  afterAll(() => w.t.close());

  const m = () => w.manager.auth;
  const draftOf = (run: any, clientId: number) => run.result.drafts.find((d: { clientId: number }) => d.clientId === clientId);
  const runNow = () => w.ok(m(), 'GET', `/api/v1/billing-runs/${october.id}`);
  const invoice = (id: number) => w.ok(m(), 'GET', `/api/v1/invoices/${id}`);
  const codes = (warnings: { code: string }[]) => warnings.map((x) => x.code);
  const at = (day: string) => w.t.clock.set(`${day}T10:00:00.000Z`);

  it('says a CZK draft of a client in EUR was priced from the CZK list, on the run and on the draft; a contract in CZK explains it; issuing stays possible', async () => {
    at('2026-11-02');
    const draft = draftOf(october, euroClient);
    expect(draft.currency).toBe('CZK');
    const warning = { code: 'currency_differs', clientCurrency: 'EUR', currency: 'CZK', priceLists: [{ name: 'Standard 2026', currency: 'CZK' }] };
    expect(draftOf(await runNow(), euroClient).issueWarnings).toEqual([warning]);
    expect((await invoice(draft.invoiceId)).issueWarnings).toEqual([warning]);
    // The examples' clients are in CZK, as their drafts: nothing to say.
    for (const client of [w.ex.clients.a, w.ex.clients.b, w.ex.clients.c]) expect(draftOf(await runNow(), client).issueWarnings, String(client)).toEqual([]);

    // A contract of the client in CZK valid in October bills in CZK: that explains the draft's currency.
    const contract = await w.ok(m(), 'POST', '/api/v1/contracts', {
      clientId: euroClient, number: 'EUR-CZK', name: 'Podpora v korunách', currency: 'CZK', validFrom: '2026-10-01', periodKind: 'month',
      scope: { workTypeIds: [w.wt.onSite], coversTravel: false, unitFeeIds: [] },
    });
    expect((await invoice(draft.invoiceId)).issueWarnings).toEqual([]);
    // One that ended before October explains nothing.
    await w.ok(m(), 'PATCH', `/api/v1/contracts/${contract.id}`, { validFrom: '2026-01-01', validTo: '2026-09-30', version: contract.version });
    expect((await invoice(draft.invoiceId)).issueWarnings).toEqual([warning]);

    // A warning, not a refusal: the draft is issued in CZK, and issued it says nothing more.
    const issued = await w.ok(m(), 'POST', `/api/v1/invoices/${draft.invoiceId}/issue`);
    expect(issued).toMatchObject({ state: 'issued', currency: 'CZK', issueWarnings: [] });
    expect(draftOf(await runNow(), euroClient)).not.toHaveProperty('issueWarnings');
  });

  it('warns of a late tax document from the 16th day after the date of taxable supply, not on the 15th; by the supplier\'s law', async () => {
    const a = draftOf(october, w.ex.clients.a).invoiceId as number;
    at('2026-11-15');
    expect(codes((await invoice(a)).issueWarnings)).toEqual([]);
    expect(codes(draftOf(await runNow(), w.ex.clients.a).issueWarnings)).toEqual([]);
    at('2026-11-16');
    const late = { code: 'late_tax_document', country: 'CZ', rule: 'supply_day', taxableSupplyDate: '2026-10-31', issueDate: '2026-11-16', deadline: '2026-11-15', daysLate: 1 };
    expect((await invoice(a)).issueWarnings).toEqual([late]);
    expect(draftOf(await runNow(), w.ex.clients.a).issueWarnings).toEqual([late]);
    at('2026-11-28');
    expect((await invoice(a)).issueWarnings).toEqual([{ ...late, issueDate: '2026-11-28', daysLate: 13 }]);
    // At 23:30 UTC it is already the next day in Prague: the run and the draft both count from the provider's day.
    w.t.clock.set('2026-11-28T23:30:00.000Z');
    const midnight = { ...late, issueDate: '2026-11-29', daysLate: 14 };
    expect((await invoice(a)).issueWarnings).toEqual([midnight]);
    expect(draftOf(await runNow(), w.ex.clients.a).issueWarnings).toEqual([midnight]);

    // A date of taxable supply set on the draft counts from that day.
    await w.t.database.db.updateTable('invoices').set({ taxable_supply_date: '2026-10-20' }).where('id', '=', a).execute();
    at('2026-11-04');
    expect(codes((await invoice(a)).issueWarnings)).toEqual([]);
    at('2026-11-05');
    expect((await invoice(a)).issueWarnings).toEqual([{ ...late, taxableSupplyDate: '2026-10-20', issueDate: '2026-11-05', deadline: '2026-11-04', daysLate: 1 }]);

    // A Slovak supplier: 15 days from the day of supply too, but from the end of the month for a service to
    // a business in another member state (the reverse charge).
    await w.t.database.db.updateTable('company_settings').set({ country: 'SK' }).where('id', '=', 1).execute();
    try {
      expect((await invoice(a)).issueWarnings).toEqual([{ ...late, country: 'SK', taxableSupplyDate: '2026-10-20', issueDate: '2026-11-05', deadline: '2026-11-04', daysLate: 1 }]);
      await w.t.database.db.updateTable('invoices').set({ reverse_charge: 1 }).where('id', '=', a).execute();
      at('2026-11-15');
      expect(codes((await invoice(a)).issueWarnings)).toEqual([]);
      at('2026-11-16');
      expect((await invoice(a)).issueWarnings).toEqual([{ ...late, country: 'SK', rule: 'month_end', taxableSupplyDate: '2026-10-20', issueDate: '2026-11-16', deadline: '2026-11-15', daysLate: 1 }]);
      // A supplier elsewhere: Kontor knows no deadline of its law, so it says nothing.
      await w.t.database.db.updateTable('company_settings').set({ country: 'AT' }).where('id', '=', 1).execute();
      at('2026-12-20');
      expect(codes((await invoice(a)).issueWarnings)).toEqual([]);
    } finally {
      await w.t.database.db.updateTable('company_settings').set({ country: 'CZ' }).where('id', '=', 1).execute();
      await w.t.database.db.updateTable('invoices').set({ reverse_charge: 0, taxable_supply_date: '2026-10-31' }).where('id', '=', a).execute();
      at('2026-11-02');
    }
  });

  it('takes a run of the month that has begun in Prague, though not yet in UTC', async () => {
    w.t.clock.set('2026-11-30T23:30:00.000Z');
    const december = await w.runPeriod('2026-12');
    expect(december).toMatchObject({ period: '2026-12' });
    w.t.clock.set('2026-11-30T22:30:00.000Z');
    const early = await w.call(m(), 'POST', '/api/v1/billing-runs', { period: '2027-01' });
    expect(early.json().error.details[0]).toMatchObject({ path: 'period', code: 'period_in_future' });
  });
});
