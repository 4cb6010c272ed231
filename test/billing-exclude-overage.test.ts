import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billingWorld, type BillingWorld } from './billing-examples.fixture.ts';
import { testEngines } from './db.ts';
import { invoiceableClient } from './buyer.fixture.ts';

/**
 * Taking a record out of a draft under a prepaid contract with tiered overage
 * (BILLING.md §3): a record whose overage spans bands 1 and 2 leaves both band
 * lines by exactly its part of each, the totals follow the lines, the draft waits
 * for a re-run, and the re-run gives the draft of the same contract without the
 * record. A draft whose lines no longer tell the split is refused, unchanged.
 */
describe.each(testEngines())('taking an overage record out of a draft on %s', (engine) => {
  let w: BillingWorld;
  beforeAll(async () => {
    w = await billingWorld(engine);
  }, 120_000);
  afterAll(() => w.t.close());

  const db = () => w.t.database.db;
  const linesOf = async (invoiceId: number) =>
    (await db().selectFrom('invoice_lines').select(['kind', 'quantity_milli', 'unit_price_minor', 'net_minor', 'vat_rate_bp']).where('invoice_id', '=', invoiceId).orderBy('position').execute())
      .map((l) => ({ ...l }));
  const invoiceOf = (invoiceId: number) => db().selectFrom('invoices').selectAll().where('id', '=', invoiceId).executeTakeFirstOrThrow();
  const draftIdOf = (run: any, clientId: number): number => run.result.drafts.find((d: { clientId: number }) => d.clientId === clientId).invoiceId;

  /** A client with a prepaid hour and tiered overage (60 min at band1 per hour, 1 000,00 unless told, then 1 200,00/h); remote work on 2 Nov, 'key@start' → minutes. */
  async function tieredClient(name: string, number: string, starts: Record<string, number>, band1 = 1_000_00): Promise<{ clientId: number; ids: Record<string, number> }> {
    const m = w.manager.auth;
    const clientId = (await w.ok(m, 'POST', '/api/v1/clients', { name, country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14, ...invoiceableClient })).id as number;
    const contractId = (await w.ok(m, 'POST', '/api/v1/contracts', {
      clientId, number, name: 'Předplacená hodina', currency: 'CZK', validFrom: '2026-11-01', validTo: null, periodKind: 'month', priceListId: null,
      fee: { amountMinor: 1_000_00, vatRateBp: 2100, timing: 'in_arrears', prorate: true },
      scope: { workTypeIds: [w.wt.remote, w.wt.onSite], coversTravel: false, unitFeeIds: [] }, prepaidMinutes: 60, carryOver: { enabled: false },
      multipliers: { byWorkType: {}, byTimeClass: {} }, overage: { kind: 'tiered', bands: [{ minutes: 60, ratePerHourMinor: band1 }, { minutes: null, ratePerHourMinor: 1_200_00 }] },
      ownInvoice: false, alertClient: false, slaPolicyId: null, note: '', active: true,
    })).id as number;
    const ticket = await w.ok(w.operator.auth, 'POST', '/api/v1/tickets', { clientId, subject: 'Správa', queueId: w.queueId });
    await w.ok(m, 'PATCH', `/api/v1/tickets/${ticket.id}/contract`, { contractId });
    const ids: Record<string, number> = {};
    for (const [key, startMinutes] of Object.entries(starts)) {
      const [startTime, minutes] = [key.split('@')[1]!, startMinutes];
      ids[key.split('@')[0]!] = (await w.ok(w.tech.auth, 'POST', `/api/v1/tickets/${ticket.id}/records`, { kind: 'work', date: '2026-11-02', startTime, minutes, workTypeId: w.wt.remote, description: 'Správa' })).id as number;
    }
    for (const id of Object.values(ids)) await w.ok(w.tech.auth, 'POST', `/api/v1/records/${id}/submit`);
    await w.ok(m, 'POST', '/api/v1/records/approve', { ids: Object.values(ids) });
    return { clientId, ids };
  }

  it('a record across bands 1 and 2 leaves both lines by its part; the re-run gives the draft of the contract without it', async () => {
    const m = w.manager.auth;
    // covered: the prepaid hour; across: 60 min in band 1 and 30 in band 2; band2: 90 min in band 2. twin: the same without "across".
    const main = await tieredClient('Pásma s.r.o.', 'PASMA-1', { 'covered@08:00': 60, 'across@10:00': 90, 'band2@13:00': 90 });
    const twin = await tieredClient('Pásma dvojče s.r.o.', 'PASMA-2', { 'covered@08:00': 60, 'band2@13:00': 90 });
    const november = await w.runPeriod('2026-11');
    const invoiceId = draftIdOf(november, main.clientId);
    expect(await linesOf(invoiceId)).toEqual([
      { kind: 'contract_fee', quantity_milli: 1000, unit_price_minor: 1_000_00, net_minor: 1_000_00, vat_rate_bp: 2100 },
      { kind: 'overage', quantity_milli: 1000, unit_price_minor: 1_000_00, net_minor: 1_000_00, vat_rate_bp: 2100 }, // band 1: 60 min of "across"
      { kind: 'overage', quantity_milli: 2000, unit_price_minor: 1_200_00, net_minor: 2_400_00, vat_rate_bp: 2100 }, // band 2: 30 of "across" + 90 of "band2"
    ]);

    const { version } = await invoiceOf(invoiceId);
    const res = await w.ok(m, 'POST', `/api/v1/invoices/${invoiceId}/exclude-record`, { version, recordId: main.ids.across, note: 'Reklamace' });
    // Band 1 bore only "across" and goes; band 2 keeps the 90 min of "band2": 1 000,00 + 1 800,00, VAT 21 % 588,00.
    const lines = await linesOf(invoiceId);
    expect(lines).toEqual([
      { kind: 'contract_fee', quantity_milli: 1000, unit_price_minor: 1_000_00, net_minor: 1_000_00, vat_rate_bp: 2100 },
      { kind: 'overage', quantity_milli: 1500, unit_price_minor: 1_200_00, net_minor: 1_800_00, vat_rate_bp: 2100 },
    ]);
    expect(res).toMatchObject({ netMinor: 2_800_00, vatMinor: 588_00, totalMinor: 3_388_00 });
    const invoice = await invoiceOf(invoiceId);
    expect(invoice.net_minor).toBe(lines.reduce((sum, l) => sum + l.net_minor, 0));
    expect(JSON.parse(invoice.vat_recap_json)).toEqual([{ vatRateBp: 2100, baseMinor: 2_800_00, vatMinor: 588_00, totalMinor: 3_388_00 }]);
    // The bands would fill differently without the record: the draft waits for the re-run.
    expect(JSON.parse(invoice.blocked_json!)).toEqual([expect.objectContaining({ code: 'prepaid_rerun', message: 'prepaid minutes changed: re-run the period' })]);
    // The record left tells its split again from the reduced lines.
    const report = await w.ok(m, 'GET', `/api/v1/invoices/${invoiceId}/work-report`);
    const band2Line = String((await w.ok(m, 'GET', `/api/v1/invoices/${invoiceId}`)).lines.find((l: { kind: string }) => l.kind === 'overage').id);
    expect(report.entries.find((e: { recordId: string }) => e.recordId === String(main.ids.band2)).overage.parts).toEqual([
      { lineId: band2Line, method: 'tiered', band: 2, minutes: 90, rateMinor: 1_200_00, surchargePct: 0, amountMinor: 1_800_00, roundingMinor: 0 },
    ]);

    const rerun = await w.runPeriod('2026-11');
    const rerunId = draftIdOf(rerun, main.clientId);
    expect(await linesOf(rerunId)).toEqual(await linesOf(draftIdOf(rerun, twin.clientId)));
    expect(await linesOf(rerunId)).toEqual([
      { kind: 'contract_fee', quantity_milli: 1000, unit_price_minor: 1_000_00, net_minor: 1_000_00, vat_rate_bp: 2100 },
      { kind: 'overage', quantity_milli: 1000, unit_price_minor: 1_000_00, net_minor: 1_000_00, vat_rate_bp: 2100 },
      { kind: 'overage', quantity_milli: 500, unit_price_minor: 1_200_00, net_minor: 600_00, vat_rate_bp: 2100 },
    ]);
    expect(await invoiceOf(rerunId)).toMatchObject({ net_minor: 2_600_00, blocked_json: null });
  });

  it('taking out records one after another leaves lines that add up to the records left, the rounding remainder leaving with its record', async () => {
    const m = w.manager.auth;
    // Band 1 at 999,99/h: 15 min is 249,9975 → 250,00 for a, b and c; d, the band's last, bears its 15 min as the rest of 999,99: 249,99.
    // d spans into band 2 with 30 min (600,00), e has the other 30 (600,00).
    const c = await tieredClient('Zbytky s.r.o.', 'ZBYTKY-1', { 'covered@07:00': 60, 'a@08:00': 15, 'b@09:00': 15, 'c@10:00': 15, 'd@11:00': 45, 'e@12:00': 30 }, 999_99);
    const invoiceId = draftIdOf(await w.runPeriod('2026-11'), c.clientId);
    const overage = async () => (await linesOf(invoiceId)).filter((l) => l.kind === 'overage').map((l) => [l.quantity_milli, l.net_minor]);
    const amounts = async () => Object.fromEntries(await Promise.all(Object.entries(c.ids).map(async ([key, id]) =>
      [key, (await db().selectFrom('invoice_records').select('amount_minor').where('invoice_id', '=', invoiceId).where('record_id', '=', id).executeTakeFirst())?.amount_minor ?? null])));
    const takeOut = async (recordId: number) => w.ok(m, 'POST', `/api/v1/invoices/${invoiceId}/exclude-record`, { version: (await invoiceOf(invoiceId)).version, recordId, note: 'x' });
    const partsAddUp = async () => {
      const report = await w.ok(m, 'GET', `/api/v1/invoices/${invoiceId}/work-report`);
      for (const e of report.entries.filter((x: { overage: unknown }) => x.overage !== null)) {
        expect(e.overage.parts.length, `record ${e.recordId}`).toBeGreaterThan(0);
        expect(e.overage.parts.reduce((sum: number, p: { amountMinor: number }) => sum + p.amountMinor, 0)).toBe(e.amountMinor);
      }
    };
    expect(await overage()).toEqual([[1000, 999_99], [1000, 1_200_00]]);
    expect(await amounts()).toEqual({ covered: 0, a: 250_00, b: 250_00, c: 250_00, d: 249_99 + 600_00, e: 600_00 });

    await takeOut(c.ids.d!);
    expect(await overage()).toEqual([[750, 750_00], [500, 600_00]]);
    await partsAddUp();
    await takeOut(c.ids.a!);
    expect(await overage()).toEqual([[500, 500_00], [500, 600_00]]);
    await partsAddUp();
    await takeOut(c.ids.e!);
    expect(await overage()).toEqual([[500, 500_00]]);
    await partsAddUp();
    const invoice = await invoiceOf(invoiceId);
    expect(invoice.net_minor).toBe(1_000_00 + 500_00);
    expect(invoice.net_minor).toBe((await linesOf(invoiceId)).reduce((sum, l) => sum + l.net_minor, 0));
  });

  it('refuses with 409 overage_split_unknown when the lines no longer tell the split, changing nothing', async () => {
    const c = await tieredClient('Rozbité s.r.o.', 'ROZBITE-1', { 'covered@07:00': 60, 'across@10:00': 90, 'band2@13:00': 90 });
    const invoiceId = draftIdOf(await w.runPeriod('2026-11'), c.clientId);
    // As a draft left by an older version that reduced only the first band: band 2 still carries minutes no record has.
    const band1 = await db().selectFrom('invoice_lines').select('id').where('invoice_id', '=', invoiceId).where('kind', '=', 'overage').orderBy('position').executeTakeFirstOrThrow();
    await db().updateTable('invoice_lines').set({ quantity_milli: 500, net_minor: 500_00 }).where('id', '=', band1.id).execute();
    const before = { invoice: await invoiceOf(invoiceId), lines: await linesOf(invoiceId) };
    const res = await w.call(w.manager.auth, 'POST', `/api/v1/invoices/${invoiceId}/exclude-record`, { version: before.invoice.version, recordId: c.ids.band2, note: 'x' });
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'overage_split_unknown']);
    expect(res.json().error.message).toMatch(/run the billing period again/);
    expect({ invoice: await invoiceOf(invoiceId), lines: await linesOf(invoiceId) }).toEqual(before);
    const still = await db().selectFrom('invoice_records').select('record_id').where('invoice_id', '=', invoiceId).where('record_id', '=', c.ids.band2!).executeTakeFirst();
    expect(still).toBeDefined();
  });
});
