import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billingWorld, type BillingWorld } from './billing-examples.fixture.ts';
import { BUYER_ADDRESS } from './buyer.fixture.ts';
import { testEngines } from './db.ts';

/**
 * What issuing checks and what a run tells before it, through the API on both
 * engines, on BILLING.md's examples for October 2026: a client without an
 * address gets no tax document (refused alone, the others issued), records still
 * waiting for approval — a material return among them — are shown with their kind
 * and amount, per draft and on the draft, and a draft of an earlier month left
 * unissued is listed by the later months.
 */
describe.each(testEngines())('billing: what issuing checks and what a run tells before it, on %s', (engine) => {
  let w: BillingWorld;
  let october: any;
  /** Example A's SSD returned: the return's record, still submitted. */
  let returnRecordId = 0;
  beforeAll(async () => {
    w = await billingWorld(engine);
    const m = w.manager.auth;
    // One of example A's two SSDs comes back to the store; the return's record waits for approval.
    const ssdRecord = await w.ok(m, 'GET', `/api/v1/records/${w.ex.records.a.ssd[0]}`);
    const slip = (await w.ok(m, 'GET', `/api/v1/stock-documents?kind=issue&ticketId=${ssdRecord.ticket.id}`)).items[0];
    const ret = await w.ok(m, 'POST', '/api/v1/stock-documents', {
      kind: 'return', date: '2026-10-20', warehouseId: slip.warehouse.id, returnsDocumentId: slip.id, lines: [{ itemId: ssdRecord.item.id, quantity: '1' }], confirm: true,
    });
    returnRecordId = ret.lines[0].recordId;
    expect((await w.ok(m, 'GET', `/api/v1/records/${returnRecordId}`)).state).toBe('submitted');
    october = await w.runPeriod('2026-10');
  }, 120_000);
  afterAll(() => w.t.close());

  const m = () => w.manager.auth;
  const draftOf = (run: any, clientId: number) => run.result.drafts.find((d: { clientId: number }) => d.clientId === clientId);
  const counter = async () =>
    (await w.t.database.db.selectFrom('numbering_counters').select('last_sequence').where('document_type', '=', 'invoice').where('year', '=', 2026).executeTakeFirst())?.last_sequence ?? 0;
  const client = (id: number) => w.ok(m(), 'GET', `/api/v1/clients/${id}`);
  const patchClient = async (id: number, change: object) => w.ok(m(), 'PATCH', `/api/v1/clients/${id}`, { ...change, version: (await client(id)).version });

  it('lists each waiting record with its kind and amount, and each draft with what of its client still waits', async () => {
    const waiting = october.result.waiting.find((r: { recordId: number }) => r.recordId === returnRecordId);
    expect(waiting).toMatchObject({ kind: 'return', amountMinor: -1_890_00, currency: 'CZK', clientId: w.ex.clients.a, state: 'submitted' });
    expect(draftOf(october, w.ex.clients.a).waiting).toEqual({ count: 1, amountMinor: -1_890_00 });
    expect(draftOf(october, w.ex.clients.b).waiting).toEqual({ count: 0, amountMinor: 0 });
    // The draft itself says so: the single Issue names it.
    const a = await w.ok(m(), 'GET', `/api/v1/invoices/${draftOf(october, w.ex.clients.a).invoiceId}`);
    expect(a.waitingRecords).toEqual({ count: 1, amountMinor: -1_890_00 });
    // Approved, it waits no more: the figures are read now, not as the run wrote them.
    await w.ok(m(), 'POST', '/api/v1/records/approve', { ids: [returnRecordId] });
    const now = await w.ok(m(), 'GET', `/api/v1/billing-runs/${october.id}`);
    expect(draftOf(now, w.ex.clients.a).waiting).toEqual({ count: 0, amountMinor: 0 });
    expect((await w.ok(m(), 'GET', `/api/v1/invoices/${a.id}`)).waitingRecords).toEqual({ count: 0, amountMinor: 0 });
  });

  it('refuses to issue a draft whose client has no address, naming the client and what is missing; issues the rest', async () => {
    const b = draftOf(october, w.ex.clients.b).invoiceId as number;
    const c = draftOf(october, w.ex.clients.c).invoiceId as number;
    const bName = (await client(w.ex.clients.b)).name as string;
    await patchClient(w.ex.clients.b, { registeredAddress: null, billingAddress: null });
    // Before Issue is pressed: the run and the draft say what is missing.
    expect(draftOf(await w.ok(m(), 'GET', `/api/v1/billing-runs/${october.id}`), w.ex.clients.b).buyerMissing).toEqual(['street', 'city', 'postalCode']);
    expect(draftOf(await w.ok(m(), 'GET', `/api/v1/billing-runs/${october.id}`), w.ex.clients.c).buyerMissing).toEqual([]);
    expect((await w.ok(m(), 'GET', `/api/v1/invoices/${b}`)).buyerMissing).toEqual(['street', 'city', 'postalCode']);

    const before = await counter();
    const refused = await w.call(m(), 'POST', `/api/v1/invoices/${b}/issue`);
    expect(refused.statusCode, refused.body).toBe(409);
    const error = refused.json().error;
    expect(error).toMatchObject({ code: 'buyer_address_missing', clientId: w.ex.clients.b, clientName: bName, missing: ['street', 'city', 'postalCode'] });
    expect(error.message).toContain(bName);
    expect(error.message).toContain('street, city, postal code');
    expect(error.details.map((d: { path: string }) => d.path)).toEqual(['client.address.street', 'client.address.city', 'client.address.postalCode']);
    // Nothing happened: no number taken, the draft and its records as they were.
    expect(await counter()).toBe(before);
    expect((await w.ok(m(), 'GET', `/api/v1/invoices/${b}`)).state).toBe('draft');
    expect((await w.ok(m(), 'GET', `/api/v1/records/${w.ex.records.b.development}`)).state).toBe('approved');

    // "Issue all": the others are issued, the refused one is listed with the reason and where to fix it.
    const all = await w.ok(m(), 'POST', '/api/v1/invoices/issue', { ids: [b, c] });
    expect(all.issued.map((i: { id: number }) => i.id)).toEqual([c]);
    expect(all.notIssued).toEqual([{
      id: b, clientId: w.ex.clients.b, clientName: bName, number: null, code: 'buyer_address_missing', reason: expect.stringContaining('street, city, postal code'),
      details: [expect.objectContaining({ path: 'client.address.street' }), expect.objectContaining({ path: 'client.address.city' }), expect.objectContaining({ path: 'client.address.postalCode' })],
    }]);
    expect(await counter()).toBe(before + 1);

    // A private person (no IČO, no VAT id) with an address is a complete customer: the draft is issued and names the address.
    await patchClient(w.ex.clients.b, { companyId: null, vatId: null, billingAddress: { ...BUYER_ADDRESS } });
    expect((await w.ok(m(), 'GET', `/api/v1/invoices/${b}`)).buyerMissing).toEqual([]);
    const issued = await w.ok(m(), 'POST', `/api/v1/invoices/${b}/issue`);
    expect(issued).toMatchObject({ state: 'issued', buyerMissing: [], waitingRecords: null });
    const doc = await w.ok(m(), 'GET', `/api/v1/invoices/${b}/document`);
    expect(doc.customer).toMatchObject({ name: bName, companyId: null, vatId: null, address: BUYER_ADDRESS });
    // Once issued, the run no longer reads the client for it.
    expect(draftOf(await w.ok(m(), 'GET', `/api/v1/billing-runs/${october.id}`), w.ex.clients.b)).not.toHaveProperty('buyerMissing');
  });

  it("lists drafts of earlier months left unissued: later months' runs do not bill their records", async () => {
    const m2 = m();
    const ticket = await w.ok(w.operator.auth, 'POST', '/api/v1/tickets', { clientId: w.ex.clients.a, subject: 'Zapomenutý zásah v září', queueId: w.queueId });
    const record = await w.ok(w.tech.auth, 'POST', `/api/v1/tickets/${ticket.id}/records`, { kind: 'work', date: '2026-09-21', startTime: '09:00', minutes: 60, workTypeId: w.wt.remote, description: 'Oprava tiskárny' });
    await w.ok(w.tech.auth, 'POST', `/api/v1/records/${record.id}/submit`);
    await w.ok(m2, 'POST', '/api/v1/records/approve', { ids: [record.id] });
    const september = await w.runPeriod('2026-09');
    const left = draftOf(september, w.ex.clients.a);
    expect(left).toMatchObject({ state: 'draft', totalMinor: 968_00 });

    const res = await w.ok(m2, 'GET', '/api/v1/billing-runs/earlier-drafts?period=2026-10');
    expect(res).toEqual({
      items: [{ invoiceId: left.invoiceId, clientId: w.ex.clients.a, clientName: left.clientName, period: '2026-09', currency: 'CZK', netMinor: 800_00, totalMinor: 968_00, createdAt: expect.any(String) }],
      total: 1,
    });
    // Later months list October's drafts still open too (A's and the others not issued above), oldest month first.
    const openOctober = october.result.drafts.filter((d: { clientId: number }) => d.clientId !== w.ex.clients.b && d.clientId !== w.ex.clients.c).map((d: { invoiceId: number }) => d.invoiceId);
    for (const period of ['2026-11', '2027-01']) {
      const later = await w.ok(m2, 'GET', `/api/v1/billing-runs/earlier-drafts?period=${period}`);
      expect(later.items.map((d: { invoiceId: number; period: string }) => [d.invoiceId, d.period]), period).toEqual([[left.invoiceId, '2026-09'], ...openOctober.map((id: number) => [id, '2026-10'])]);
      expect(later.total, period).toBe(1 + openOctober.length);
    }
    expect(await w.ok(m2, 'GET', '/api/v1/billing-runs/earlier-drafts?period=2026-09')).toEqual({ items: [], total: 0 });
    // A later month's run leaves the record to the September draft.
    const november = await w.runPeriod('2026-11');
    expect(november.state).toBe('completed');
    const onDrafts = await w.t.database.db.selectFrom('invoice_records as ir').innerJoin('invoices as i', 'i.id', 'ir.invoice_id').select('i.period').where('ir.record_id', '=', record.id).where('i.visible', '=', 1).execute();
    expect(onDrafts).toEqual([{ period: '2026-09' }]);

    for (const bad of ['2026-13', '2026', 'zari']) {
      const res = await w.call(m2, 'GET', `/api/v1/billing-runs/earlier-drafts?period=${bad}`);
      expect([bad, res.statusCode, res.json().error.details?.[0]?.code]).toEqual([bad, 400, 'invalid_period']);
    }
    // Billing runs are the manager's: an accountant may not read them.
    const accountant = await w.t.tokenFor((await w.t.userWith(['accountant'])).id);
    expect((await w.call(accountant, 'GET', '/api/v1/billing-runs/earlier-drafts?period=2026-10')).statusCode).toBe(403);
  });
});
