import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billingWorld, type BillingWorld } from './billing-examples.fixture.ts';
import { testEngines } from './db.ts';
import { invoiceableClient } from './buyer.fixture.ts';

/**
 * The work report tells how a row billed outside the prepaid allowance got its
 * amount: minutes × the contract's overage rate (band by band) or the record's own
 * rate, the parts adding up to the row's amount to the minor unit; BILLING.md
 * examples A, B and C, a tiered contract, and a draft changed after its run.
 */
describe.each(testEngines())('work report overage on %s', (engine) => {
  let w: BillingWorld;
  let october: any;
  beforeAll(async () => {
    w = await billingWorld(engine);
    october = await w.runPeriod('2026-10');
  }, 120_000);
  afterAll(() => w.t.close());

  type Part = { method: string; band: number | null; minutes: number; rateMinor: number; surchargePct: number; amountMinor: number; roundingMinor: number };
  type Entry = { recordId: string; outcome: string; amountMinor: number; overage: { parts: Part[] } | null };
  const reportOf = async (invoiceId: number): Promise<{ entries: Entry[] }> => w.ok(w.manager.auth, 'GET', `/api/v1/invoices/${invoiceId}/work-report`);
  const draftIdOf = (run: any, clientId: number): number => run.result.drafts.find((d: { clientId: number }) => d.clientId === clientId).invoiceId;
  /** Each part is minutes × rate (× surcharge) plus the line's rounding that fell on it; the parts add up to the row. */
  const expectPartsAddUp = (e: Entry) => {
    const parts = e.overage!.parts;
    expect(parts.length, `record ${e.recordId}`).toBeGreaterThan(0);
    expect(parts.reduce((s, p) => s + p.amountMinor, 0), `record ${e.recordId}`).toBe(e.amountMinor);
    for (const p of parts) expect(p.amountMinor - p.roundingMinor).toBe(Math.round((p.minutes * p.rateMinor * (100 + p.surchargePct)) / 6000));
  };

  it('examples A, B and C: only the split 27 Oct entry of C is overage, at its own on-site rate, 120 min × 1 000,00/h = 2 000,00', async () => {
    for (const client of [w.ex.clients.a, w.ex.clients.b]) {
      const report = await reportOf(draftIdOf(october, client));
      expect(report.entries.length).toBeGreaterThan(0);
      expect(report.entries.every((e) => e.overage === null)).toBe(true); // time and material or covered: the price list explains them
    }
    const c = await reportOf(draftIdOf(october, w.ex.clients.c));
    for (const e of c.entries) {
      if (e.recordId === String(w.ex.records.c.o4)) {
        expect(e).toMatchObject({ outcome: 'partly_covered', amountMinor: 2_000_00 });
        expect(e.overage!.parts).toEqual([{ method: 'entry_rate', band: null, minutes: 120, rateMinor: 1_000_00, surchargePct: 0, amountMinor: 2_000_00, roundingMinor: 0 }]);
        expectPartsAddUp(e);
      } else {
        expect(e).toMatchObject({ outcome: 'covered', amountMinor: 0, overage: null });
      }
    }
  });

  it('a tiered contract: a record across two bands gets two parts, one in band 2 reads 90 min × 1 200,00 = 1 800,00; lines changed after the run, no split is made up', async () => {
    const m = w.manager.auth;
    const clientId = (await w.ok(m, 'POST', '/api/v1/clients', { name: 'Pásma s.r.o.', country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14, ...invoiceableClient })).id as number;
    const contractId = (await w.ok(m, 'POST', '/api/v1/contracts', {
      clientId, number: 'PASMA-1', name: 'Předplacená hodina', currency: 'CZK', validFrom: '2026-11-01', validTo: null, periodKind: 'month', priceListId: null,
      fee: { amountMinor: 1_000_00, vatRateBp: 2100, timing: 'in_arrears', prorate: true },
      scope: { workTypeIds: [w.wt.remote, w.wt.onSite], coversTravel: false, unitFeeIds: [] }, prepaidMinutes: 60, carryOver: { enabled: false },
      multipliers: { byWorkType: {}, byTimeClass: {} }, overage: { kind: 'tiered', bands: [{ minutes: 60, ratePerHourMinor: 1_000_00 }, { minutes: null, ratePerHourMinor: 1_200_00 }] },
      ownInvoice: false, alertClient: false, slaPolicyId: null, note: '', active: true,
    })).id as number;
    const ticket = await w.ok(w.operator.auth, 'POST', '/api/v1/tickets', { clientId, subject: 'Správa', queueId: w.queueId });
    await w.ok(m, 'PATCH', `/api/v1/tickets/${ticket.id}/contract`, { contractId });
    // Monday 2 November (the test clock's today), in business hours; bands fill in the order of the start times.
    const work = async (startTime: string, minutes: number) =>
      (await w.ok(w.tech.auth, 'POST', `/api/v1/tickets/${ticket.id}/records`, { kind: 'work', date: '2026-11-02', startTime, minutes, workTypeId: w.wt.remote, description: 'Správa' })).id as number;
    const ids = { covered: await work('08:00', 60), across: await work('10:00', 90), band2: await work('13:00', 90) };
    for (const id of Object.values(ids)) await w.ok(w.tech.auth, 'POST', `/api/v1/records/${id}/submit`);
    await w.ok(m, 'POST', '/api/v1/records/approve', { ids: Object.values(ids) });
    const november = await w.runPeriod('2026-11');
    const invoiceId = draftIdOf(november, clientId);
    const byId = new Map((await reportOf(invoiceId)).entries.map((e) => [e.recordId, e]));
    expect(byId.get(String(ids.covered))).toMatchObject({ outcome: 'covered', overage: null });
    const across = byId.get(String(ids.across))!;
    expect(across).toMatchObject({ outcome: 'billed', amountMinor: 1_600_00 });
    expect(across.overage!.parts).toEqual([
      { method: 'tiered', band: 1, minutes: 60, rateMinor: 1_000_00, surchargePct: 0, amountMinor: 1_000_00, roundingMinor: 0 },
      { method: 'tiered', band: 2, minutes: 30, rateMinor: 1_200_00, surchargePct: 0, amountMinor: 600_00, roundingMinor: 0 },
    ]);
    const band2 = byId.get(String(ids.band2))!;
    expect(band2).toMatchObject({ outcome: 'billed', amountMinor: 1_800_00 });
    expect(band2.overage!.parts).toEqual([{ method: 'tiered', band: 2, minutes: 90, rateMinor: 1_200_00, surchargePct: 0, amountMinor: 1_800_00, roundingMinor: 0 }]);
    for (const e of [across, band2]) expectPartsAddUp(e);

    // Taken out after the run, the record leaves both bands by its parts: the record left still tells its split.
    const { version } = await w.ok(m, 'GET', `/api/v1/invoices/${invoiceId}`);
    await w.ok(m, 'POST', `/api/v1/invoices/${invoiceId}/exclude-record`, { version, recordId: ids.across, note: 'Reklamace' });
    const after = (await reportOf(invoiceId)).entries.find((e) => e.recordId === String(ids.band2))!;
    expect(after).toMatchObject({ outcome: 'billed', amountMinor: 1_800_00, overage: { parts: band2.overage!.parts } });

    // Lines changed after the run otherwise (here by hand) no longer add up to the records: the report says overage without a made-up split.
    await w.t.database.db.updateTable('invoice_lines').set({ quantity_milli: 2000 }).where('invoice_id', '=', invoiceId).where('kind', '=', 'overage').execute();
    const changed = (await reportOf(invoiceId)).entries.find((e) => e.recordId === String(ids.band2))!;
    expect(changed).toMatchObject({ outcome: 'billed', amountMinor: 1_800_00, overage: { parts: [] } });
  });
});
