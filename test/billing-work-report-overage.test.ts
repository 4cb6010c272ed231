import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billingWorld, type BillingWorld } from './billing-examples.fixture.ts';
import { testEngines } from './db.ts';
import { invoiceableClient } from './buyer.fixture.ts';

/**
 * The work report tells how a row billed outside the prepaid allowance got its
 * amount: minutes × the contract's overage rate (band by band) or the record's own
 * rate, the parts adding up to the row's amount to the minor unit, each naming the
 * invoice line it is on (so that line's ⓘ lists the record) and the parts on a line
 * adding up to it; BILLING.md examples A, B and C, a tiered contract, a draft changed
 * after its run, and bands split by VAT rate.
 */
describe.each(testEngines())('work report overage on %s', (engine) => {
  let w: BillingWorld;
  let october: any;
  beforeAll(async () => {
    w = await billingWorld(engine);
    october = await w.runPeriod('2026-10');
  }, 120_000);
  afterAll(() => w.t.close());

  type Part = { lineId: string; method: string; band: number | null; minutes: number; rateMinor: number; surchargePct: number; amountMinor: number; roundingMinor: number };
  type Entry = { recordId: string; outcome: string; amountMinor: number; lineId: string | null; overage: { parts: Part[] } | null };
  type Line = { id: number; kind: string; description: string; quantityMilli: number; netMinor: number; vatRateBp: number };
  const reportOf = async (invoiceId: number): Promise<{ entries: Entry[] }> => w.ok(w.manager.auth, 'GET', `/api/v1/invoices/${invoiceId}/work-report`);
  const draftIdOf = (run: any, clientId: number): number => run.result.drafts.find((d: { clientId: number }) => d.clientId === clientId).invoiceId;
  const overageLinesOf = async (invoiceId: number): Promise<Line[]> =>
    ((await w.ok(w.manager.auth, 'GET', `/api/v1/invoices/${invoiceId}`)).lines as Line[]).filter((l) => l.kind === 'overage');
  /** Each part is minutes × rate (× surcharge) plus the line's rounding that fell on it; the parts add up to the row. */
  const expectPartsAddUp = (e: Entry) => {
    const parts = e.overage!.parts;
    expect(parts.length, `record ${e.recordId}`).toBeGreaterThan(0);
    expect(parts.reduce((s, p) => s + p.amountMinor, 0), `record ${e.recordId}`).toBe(e.amountMinor);
    for (const p of parts) expect(p.amountMinor - p.roundingMinor).toBe(Math.round((p.minutes * p.rateMinor * (100 + p.surchargePct)) / 6000));
  };
  /** Every overage line is exactly the parts on it: its minutes and net are theirs summed, so its ⓘ can list each record with its part. */
  const expectPartsMakeLines = (lines: readonly Line[], entries: readonly Entry[]) => {
    const parts = entries.flatMap((e) => e.overage?.parts ?? []);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const on = parts.filter((p) => p.lineId === String(line.id));
      expect(on.reduce((s, p) => s + p.minutes, 0) * 1000, `line ${line.id}`).toBe(line.quantityMilli * 60);
      expect(on.reduce((s, p) => s + p.amountMinor, 0), `line ${line.id}`).toBe(line.netMinor);
    }
    expect(parts.every((p) => lines.some((l) => String(l.id) === p.lineId))).toBe(true);
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
        expect(e.overage!.parts).toEqual([{ lineId: e.lineId, method: 'entry_rate', band: null, minutes: 120, rateMinor: 1_000_00, surchargePct: 0, amountMinor: 2_000_00, roundingMinor: 0 }]);
        expectPartsAddUp(e);
        expectPartsMakeLines(await overageLinesOf(draftIdOf(october, w.ex.clients.c)), [e]);
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
    // Band 1 (1 h: all of "across") and band 2 (2 h: 30 min of "across", 90 of "band2"), each its own line.
    const [band1Line, band2Line] = (await overageLinesOf(invoiceId)).map((l) => String(l.id));
    const across = byId.get(String(ids.across))!;
    expect(across).toMatchObject({ outcome: 'billed', amountMinor: 1_600_00, lineId: band1Line });
    // Each part names the line it is on: the record's tail is on band 2's line, though its lineId is band 1's.
    expect(across.overage!.parts).toEqual([
      { lineId: band1Line, method: 'tiered', band: 1, minutes: 60, rateMinor: 1_000_00, surchargePct: 0, amountMinor: 1_000_00, roundingMinor: 0 },
      { lineId: band2Line, method: 'tiered', band: 2, minutes: 30, rateMinor: 1_200_00, surchargePct: 0, amountMinor: 600_00, roundingMinor: 0 },
    ]);
    const band2 = byId.get(String(ids.band2))!;
    expect(band2).toMatchObject({ outcome: 'billed', amountMinor: 1_800_00, lineId: band2Line });
    expect(band2.overage!.parts).toEqual([{ lineId: band2Line, method: 'tiered', band: 2, minutes: 90, rateMinor: 1_200_00, surchargePct: 0, amountMinor: 1_800_00, roundingMinor: 0 }]);
    for (const e of [across, band2]) expectPartsAddUp(e);
    expectPartsMakeLines(await overageLinesOf(invoiceId), [...byId.values()]);

    // Taken out after the run, the record leaves both bands by its parts: the record left still tells its split.
    const { version } = await w.ok(m, 'GET', `/api/v1/invoices/${invoiceId}`);
    await w.ok(m, 'POST', `/api/v1/invoices/${invoiceId}/exclude-record`, { version, recordId: ids.across, note: 'Reklamace' });
    const after = (await reportOf(invoiceId)).entries.find((e) => e.recordId === String(ids.band2))!;
    expect(after).toMatchObject({ outcome: 'billed', amountMinor: 1_800_00, overage: { parts: band2.overage!.parts } });
    expectPartsMakeLines(await overageLinesOf(invoiceId), [after]);

    // Lines changed after the run otherwise (here by hand) no longer add up to the records: the report says overage without a made-up split.
    await w.t.database.db.updateTable('invoice_lines').set({ quantity_milli: 2000 }).where('invoice_id', '=', invoiceId).where('kind', '=', 'overage').execute();
    const changed = (await reportOf(invoiceId)).entries.find((e) => e.recordId === String(ids.band2))!;
    expect(changed).toMatchObject({ outcome: 'billed', amountMinor: 1_800_00, overage: { parts: [] } });
  });

  it('a band split by VAT rate: a record across both bands has its tail on the 12 % line of band 2, which holds nothing else', async () => {
    const m = w.manager.auth;
    // Documentation in the reduced VAT category (12 % in CZ), priced by the contract's price list beside remote support (21 %).
    const docs = (await w.ok(w.admin.auth, 'POST', '/api/v1/work-types', { code: 'docs', name: 'Dokumentace', vatCategory: 'reduced' })).id as number;
    const priceListId = (await w.ok(w.admin.auth, 'POST', '/api/v1/price-lists', { name: 'Dokumentace 2026', currency: 'CZK' })).id as number;
    await w.ok(w.admin.auth, 'POST', `/api/v1/price-lists/${priceListId}/versions`, {
      validFrom: '2026-01-01',
      terms: {
        workRates: [{ workTypeId: w.wt.remote, hourlyRateMinor: 800_00 }, { workTypeId: docs, hourlyRateMinor: 600_00 }],
        businessHours: { weekdays: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' }, surchargePct: { normal: 0, out_of_hours: 50, weekend_holiday: 100 }, incrementMinutes: 15,
      },
    });
    const clientId = (await w.ok(m, 'POST', '/api/v1/clients', { name: 'Dvě sazby DPH s.r.o.', country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14, ...invoiceableClient })).id as number;
    // No contract fee: the overage is taxed by its records, so each band is a line per VAT rate.
    const contractId = (await w.ok(m, 'POST', '/api/v1/contracts', {
      clientId, number: 'PASMA-DPH', name: 'Předplacená hodina', currency: 'CZK', validFrom: '2026-11-01', validTo: null, periodKind: 'month', priceListId, fee: null,
      scope: { workTypeIds: [w.wt.remote, docs], coversTravel: false, unitFeeIds: [] }, prepaidMinutes: 60, carryOver: { enabled: false },
      multipliers: { byWorkType: {}, byTimeClass: {} }, overage: { kind: 'tiered', bands: [{ minutes: 60, ratePerHourMinor: 1_000_00 }, { minutes: null, ratePerHourMinor: 1_200_00 }] },
      ownInvoice: false, alertClient: false, slaPolicyId: null, note: '', active: true,
    })).id as number;
    const ticket = await w.ok(w.operator.auth, 'POST', '/api/v1/tickets', { clientId, subject: 'Správa', queueId: w.queueId });
    await w.ok(m, 'PATCH', `/api/v1/tickets/${ticket.id}/contract`, { contractId });
    const work = async (startTime: string, minutes: number, workTypeId: number) =>
      (await w.ok(w.tech.auth, 'POST', `/api/v1/tickets/${ticket.id}/records`, { kind: 'work', date: '2026-11-02', startTime, minutes, workTypeId, description: 'Správa' })).id as number;
    const ids = { covered: await work('08:00', 60, w.wt.remote), a: await work('09:00', 30, docs), b: await work('10:00', 15, w.wt.remote), c: await work('11:00', 30, docs), d: await work('13:00', 30, w.wt.remote) };
    for (const id of Object.values(ids)) await w.ok(w.tech.auth, 'POST', `/api/v1/records/${id}/submit`);
    await w.ok(m, 'POST', '/api/v1/records/approve', { ids: Object.values(ids) });
    const invoiceId = draftIdOf(await w.runPeriod('2026-11'), clientId);

    const lines = await overageLinesOf(invoiceId);
    // Band 1 at 12 % (30 min of a, 15 of c) and at 21 % (15 of b); band 2 at 12 % (15 of c) and at 21 % (30 of d).
    expect(lines.map((l) => [l.quantityMilli, l.netMinor, l.vatRateBp])).toEqual([[750, 750_00, 1200], [250, 250_00, 2100], [250, 300_00, 1200], [500, 600_00, 2100]]);
    const [band1Reduced, band1Standard, band2Reduced, band2Standard] = lines.map((l) => String(l.id));
    const entries = (await reportOf(invoiceId)).entries;
    const partsOf = (id: number) => entries.find((e) => e.recordId === String(id))!.overage!.parts.map((p) => [p.lineId, p.band, p.minutes, p.amountMinor]);
    expect([ids.a, ids.b, ids.c, ids.d].map(partsOf)).toEqual([
      [[band1Reduced, 1, 30, 500_00]],
      [[band1Standard, 1, 15, 250_00]],
      [[band1Reduced, 1, 15, 250_00], [band2Reduced, 2, 15, 300_00]],
      [[band2Standard, 2, 30, 600_00]],
    ]);
    // The record's own line is its first; no record names band 2's 12 % line but c, by its part.
    expect(entries.find((e) => e.recordId === String(ids.c))!.lineId).toBe(band1Reduced);
    expect(entries.some((e) => e.lineId === band2Reduced)).toBe(false);
    expectPartsMakeLines(lines, entries);
  });
});
