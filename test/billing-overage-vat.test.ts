import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeClient } from '../src/modules/billing/billing.run.compute.ts';
import type { PlannedLine, RunContract, RunRecord } from '../src/modules/billing/billing.run.types.ts';
import { overageLinesWithout, overageOfRecords, type StoredOverageLine, type StoredOverageRecord } from '../src/modules/billing/billing.overage.ts';
import { vatRecap } from '../src/modules/billing/domain/index.ts';
import type { ContractTerms } from '../src/modules/contracts/index.ts';
import { workAmount } from '../src/modules/pricing/index.ts';
import { billingWorld, type BillingWorld } from './billing-examples.fixture.ts';
import { invoiceableClient } from './buyer.fixture.ts';
import { testEngines } from './db.ts';

/**
 * Every overage minute is taxed at the VAT rate that applies to it (BILLING.md
 * §3–4): where a prepaid contract's overage line is taxed by its records
 * (entry_rate always; flat rate and tiered without a contract fee), records of
 * two VAT rates on one band or flat-rate line make a line per rate, each with
 * its own minutes, records and net. Under a contract fee, flat-rate and tiered
 * overage keeps the fee's rate. Named examples first (the run's pure core), then
 * the same through the API on both engines: stored lines, VAT recapitulation,
 * work report, re-run, taking a record out, issue and credit note.
 */

const WT_STANDARD = 1; // a work type in the standard VAT category, 800,00/h
const WT_REDUCED = 2; // a work type in the reduced category, 600,00/h
const RATE: Readonly<Record<number, number>> = { [WT_STANDARD]: 800_00, [WT_REDUCED]: 600_00 };
const names = { workType: (id: number | null) => `WT${id}`, fee: (id: number | null) => ({ name: `Fee${id}`, unit: 'pcs' }), item: (id: number | null) => `Item${id}` };

function prepaidContract(terms: Pick<ContractTerms, 'fee' | 'overage' | 'prepaidMinutes'>, billedFeePeriods: string[] = []): RunContract {
  return {
    id: 1, number: 'C-1', name: 'Support', ownInvoice: false, feeProrate: true, billedFeePeriods,
    terms: {
      contractId: '1', clientId: '1', currency: 'CZK', validFrom: '2026-09-01', validTo: null, periodKind: 'month', priceListId: null,
      scope: { workTypeIds: [String(WT_STANDARD), String(WT_REDUCED)], coversTravel: false, unitFeeIds: [] }, carryOver: { enabled: false }, multipliers: {}, ...terms,
    },
    openingLots: [], ledgerPeriod: '2026-10', consumeNow: true, prepaidActive: true, ledgerFinal: false,
  };
}

/** Approved work under the contract, in business hours, already billable minutes; its VAT rate as the run found it for its category and date. */
function work(id: number, date: string, startTime: string, workTypeId: number, billableMinutes: number, vatRateBp: number): RunRecord {
  return {
    id, kind: 'work', clientId: 1, contractId: 1, ticketId: 1, ticketNumber: 'T-1', ticketSubject: 'Support', technicianName: 'Tech', date, startTime,
    createdAt: `2026-11-01T00:00:${String(id).padStart(2, '0')}Z`, minutes: billableMinutes, billableMinutes, workTypeId, timeClass: 'normal', kmMilli: null,
    feeId: null, itemId: null, quantityMilli: null, billable: true, amountMinor: workAmount(billableMinutes, RATE[workTypeId]!, 0), costMinor: 0, priceError: null,
    currency: 'CZK', rateMinor: RATE[workTypeId]!, surchargePct: 0, unitPriceMinor: null, vatCategory: vatRateBp === 2100 ? 'standard' : 'reduced', vatRateBp,
    description: '', late: date < '2026-10-01', exclusionNote: null,
  };
}

const runOctober = (contract: RunContract, records: RunRecord[], reverseCharge = false) => {
  const plan = computeClient({
    period: '2026-10', client: { id: 1, name: 'Client', country: 'CZ', vatId: null, language: 'en', paymentTermsDays: 14, currency: 'CZK' },
    records, contracts: [contract], names, reverseCharge,
  });
  expect(plan.blocked).toEqual([]);
  expect(plan.drafts).toHaveLength(1);
  return plan.drafts[0]!;
};

const lineView = (l: PlannedLine) => ({ key: JSON.parse(l.key) as unknown, description: l.description, quantityMilli: l.quantityMilli, unitPriceMinor: l.unitPriceMinor, netMinor: l.netMinor, vatRateBp: l.vatRateBp, recordIds: l.recordIds });
const recapView = (lines: readonly PlannedLine[]) => {
  const recap = vatRecap(lines);
  return { groups: recap.groups.map((g) => [g.vatRateBp, g.baseMinor, g.vatMinor]), net: recap.netMinor, vat: recap.vatMinor, total: recap.totalMinor };
};

/** The draft's overage lines and records as the work report reads them back from storage (a line's id is its key here). */
function stored(draft: ReturnType<typeof runOctober>, records: readonly RunRecord[]): { lines: StoredOverageLine[]; records: StoredOverageRecord[] } {
  const source = new Map(records.map((r) => [r.id, r]));
  const lines = draft.lines.filter((l) => l.kind === 'overage').map((l) => ({ id: l.key, groupKey: l.key, quantityMilli: l.quantityMilli, unitPriceMinor: l.unitPriceMinor, netMinor: l.netMinor }));
  const onOverage = draft.records.filter((r) => r.lineKey !== null && lines.some((l) => l.id === r.lineKey)).map((r) => {
    const x = source.get(r.recordId)!;
    return { recordId: String(r.recordId), lineId: r.lineKey!, billedMinutes: r.billedMinutes, amountMinor: r.amountMinor, date: x.date, startTime: x.startTime, createdAt: x.createdAt, rateMinor: x.rateMinor, surchargePct: x.surchargePct };
  });
  return { lines, records: onOverage };
}

describe('overage lines of records taxed at two VAT rates (named examples)', () => {
  it('tiered, no fee: band 1 and band 2 each become a 12 % and a 21 % line, each net rounded on its own; the work report and taking a record out replay them', () => {
    // 60 prepaid; then band 1 (60 min at 1 111,11/h) takes 30 min at 12 %, 15 at 21 % and 15 at 12 %; band 2 (1 200,00/h) 15 at 12 % and 30 at 21 %.
    const contract = prepaidContract({ fee: null, prepaidMinutes: 60, overage: { kind: 'tiered', bands: [{ minutes: 60, ratePerHourMinor: 1_111_11 }, { minutes: null, ratePerHourMinor: 1_200_00 }] } });
    const records = [
      work(1, '2026-10-05', '08:00', WT_STANDARD, 60, 2100), // covered
      work(2, '2026-10-05', '09:00', WT_REDUCED, 30, 1200), // band 1: 30
      work(3, '2026-10-05', '10:00', WT_STANDARD, 15, 2100), // band 1: 15
      work(4, '2026-10-05', '11:00', WT_REDUCED, 30, 1200), // band 1: 15, band 2: 15
      work(5, '2026-10-05', '13:00', WT_STANDARD, 30, 2100), // band 2: 30
    ];
    const draft = runOctober(contract, records);
    expect(draft.lines.map(lineView)).toEqual([
      // 45 × 1 111,11 / 60 = 833,3325 → 833,33 and 15 × 1 111,11 / 60 = 277,7775 → 277,78 (together the band's 1 111,11).
      { key: ['overage', '1', 'tiered', 0, 1200], description: 'Beyond prepaid hours (C-1) – band 1', quantityMilli: 750, unitPriceMinor: 1_111_11, netMinor: 833_33, vatRateBp: 1200, recordIds: [2, 4] },
      { key: ['overage', '1', 'tiered', 0, 2100], description: 'Beyond prepaid hours (C-1) – band 1', quantityMilli: 250, unitPriceMinor: 1_111_11, netMinor: 277_78, vatRateBp: 2100, recordIds: [3] },
      { key: ['overage', '1', 'tiered', 1, 1200], description: 'Beyond prepaid hours (C-1) – band 2', quantityMilli: 250, unitPriceMinor: 1_200_00, netMinor: 300_00, vatRateBp: 1200, recordIds: [4] },
      { key: ['overage', '1', 'tiered', 1, 2100], description: 'Beyond prepaid hours (C-1) – band 2', quantityMilli: 500, unitPriceMinor: 1_200_00, netMinor: 600_00, vatRateBp: 2100, recordIds: [5] },
    ]);
    // 21 %: 877,78 → VAT 184,33; 12 %: 1 133,33 → VAT 136,00.
    expect(recapView(draft.lines)).toEqual({ groups: [[2100, 877_78, 184_33], [1200, 1_133_33, 136_00]], net: 2_011_11, vat: 320_33, total: 2_331_44 });
    // Record 4 is the last on the 12 % part of band 1: 15 min would be 277,78, it bears the line's rest, 833,33 − 555,56 = 277,77.
    expect(draft.records.map((r) => [r.recordId, r.outcome, r.billedMinutes, r.amountMinor, r.lineKey && JSON.parse(r.lineKey)])).toEqual([
      [1, 'covered', 0, 0, null],
      [2, 'billed', 30, 555_56, ['overage', '1', 'tiered', 0, 1200]],
      [3, 'billed', 15, 277_78, ['overage', '1', 'tiered', 0, 2100]],
      [4, 'billed', 30, 277_77 + 300_00, ['overage', '1', 'tiered', 0, 1200]],
      [5, 'billed', 30, 600_00, ['overage', '1', 'tiered', 1, 2100]],
    ]);

    // The work report: each record's parts on the lines of its own rate, adding up to its amount.
    const s = stored(draft, records);
    const parts = overageOfRecords(s.lines, s.records);
    const view = (id: number) => parts.get(String(id))!.parts.map((p) => [p.band, p.minutes, p.rateMinor, p.amountMinor, p.roundingMinor]);
    expect([2, 3, 4, 5].map(view)).toEqual([
      [[1, 30, 1_111_11, 555_56, 0]],
      [[1, 15, 1_111_11, 277_78, 0]],
      [[1, 15, 1_111_11, 277_77, -1], [2, 15, 1_200_00, 300_00, 0]],
      [[2, 30, 1_200_00, 600_00, 0]],
    ]);

    // Taken out, record 4 leaves the 12 % part of band 1 by its 15 min and 277,77, and the 12 % part of band 2 whole; the rest still explain records 2, 3 and 5.
    expect(overageLinesWithout(s.lines, s.records, '4')).toEqual([
      { lineId: draft.lines[0]!.key, minutes: 30, netMinor: 555_56 },
      { lineId: draft.lines[2]!.key, minutes: 0, netMinor: 0 },
    ]);
    const left = [{ ...s.lines[0]!, quantityMilli: 500, netMinor: 555_56 }, s.lines[1]!, s.lines[3]!];
    const rest = overageOfRecords(left, s.records.filter((r) => r.recordId !== '4'));
    expect(['2', '3', '5'].map((id) => rest.get(id)!.parts.map((p) => p.amountMinor))).toEqual([[555_56], [277_78], [600_00]]);

    // Under the reverse charge every line is at 0 %, the keys (and so the replay) keep the rates.
    const reverse = runOctober(contract, records, true);
    expect(reverse.lines.map((l) => [l.key, l.vatRateBp])).toEqual(draft.lines.map((l) => [l.key, 0]));
  });

  it('lines stored before overage lines were split by VAT (no rate in the key) still replay as one group', () => {
    const lines = [
      { id: '10', groupKey: '["overage","1","tiered",0]', quantityMilli: 1000, unitPriceMinor: 1_000_00, netMinor: 1_000_00 },
      { id: '11', groupKey: '["overage","1","tiered",1]', quantityMilli: 500, unitPriceMinor: 1_200_00, netMinor: 600_00 },
    ];
    const record = (recordId: string, lineId: string, billedMinutes: number, amountMinor: number, startTime: string) =>
      ({ recordId, lineId, billedMinutes, amountMinor, date: '2026-10-05', startTime, createdAt: '2026-11-01T00:00:00Z', rateMinor: 800_00, surchargePct: 0 });
    const parts = overageOfRecords(lines, [record('1', '10', 30, 500_00, '09:00'), record('2', '10', 60, 500_00 + 600_00, '10:00')]);
    expect(parts.get('2')!.parts.map((p) => [p.band, p.minutes, p.amountMinor])).toEqual([[1, 30, 500_00], [2, 30, 600_00]]);
  });

  it('entry rate, under a fee: records of one work type and rate at 10 % (a late one, before a change of rate) and 12 % stay on lines of their own rates', () => {
    // 30 prepaid: the late September record has 30 covered and 30 over; October's are over whole.
    const contract = prepaidContract({ fee: { amountMinor: 1_000_00, vatRateBp: 2100, timing: 'in_arrears' }, prepaidMinutes: 30, overage: { kind: 'entry_rate' } }, ['2026-09']);
    const records = [
      work(1, '2026-09-30', '08:00', WT_REDUCED, 60, 1000),
      work(2, '2026-10-05', '08:00', WT_REDUCED, 45, 1200),
      work(3, '2026-10-05', '10:00', WT_STANDARD, 30, 2100),
    ];
    const draft = runOctober(contract, records);
    expect(draft.lines.map(lineView)).toEqual([
      { key: ['contract_fee', '1', '2026-10'], description: expect.stringMatching(/^Fee October\s2026 – Support \(C-1\)$/), quantityMilli: 1000, unitPriceMinor: 1_000_00, netMinor: 1_000_00, vatRateBp: 2100, recordIds: [] },
      { key: ['overage', '1', 'entry_rate', 0, 1000], description: 'Beyond prepaid hours (C-1) – WT2', quantityMilli: 500, unitPriceMinor: 600_00, netMinor: 300_00, vatRateBp: 1000, recordIds: [1] },
      { key: ['overage', '1', 'entry_rate', 1, 1200], description: 'Beyond prepaid hours (C-1) – WT2', quantityMilli: 750, unitPriceMinor: 600_00, netMinor: 450_00, vatRateBp: 1200, recordIds: [2] },
      { key: ['overage', '1', 'entry_rate', 2, 2100], description: 'Beyond prepaid hours (C-1) – WT1', quantityMilli: 500, unitPriceMinor: 800_00, netMinor: 400_00, vatRateBp: 2100, recordIds: [3] },
    ]);
    expect(recapView(draft.lines)).toEqual({ groups: [[2100, 1_400_00, 294_00], [1200, 450_00, 54_00], [1000, 300_00, 30_00]], net: 2_150_00, vat: 378_00, total: 2_528_00 });
    expect(draft.records.map((r) => [r.recordId, r.outcome, r.coveredMinutes, r.billedMinutes, r.amountMinor, r.late])).toEqual([
      [1, 'partly_covered', 30, 30, 300_00, true],
      [2, 'billed', 0, 45, 450_00, false],
      [3, 'billed', 0, 30, 400_00, false],
    ]);
    const s = stored(draft, records);
    const parts = overageOfRecords(s.lines, s.records);
    expect([1, 2, 3].map((id) => parts.get(String(id))!.parts.map((p) => [p.method, p.minutes, p.rateMinor, p.amountMinor]))).toEqual([
      [['entry_rate', 30, 600_00, 300_00]], [['entry_rate', 45, 600_00, 450_00]], [['entry_rate', 30, 800_00, 400_00]],
    ]);
  });

  it('flat rate, no fee: a late record from before a change of rate and a current one split the flat line by rate', () => {
    const contract = prepaidContract({ fee: null, prepaidMinutes: 60, overage: { kind: 'flat_rate', ratePerHourMinor: 999_99 } });
    const records = [work(1, '2026-09-30', '08:00', WT_REDUCED, 90, 1000), work(2, '2026-10-05', '08:00', WT_REDUCED, 60, 1200)];
    const draft = runOctober(contract, records);
    // 30 min × 999,99/h = 499,995 → 500,00; 60 min = 999,99.
    expect(draft.lines.map((l) => [JSON.parse(l.key), l.quantityMilli, l.netMinor, l.vatRateBp, l.recordIds])).toEqual([
      [['overage', '1', 'flat_rate', 0, 1000], 500, 500_00, 1000, [1]],
      [['overage', '1', 'flat_rate', 0, 1200], 1000, 999_99, 1200, [2]],
    ]);
    expect(recapView(draft.lines)).toEqual({ groups: [[1200, 999_99, 120_00], [1000, 500_00, 50_00]], net: 1_499_99, vat: 170_00, total: 1_669_99 });
    expect(draft.records.map((r) => r.amountMinor)).toEqual([500_00, 999_99]);
  });

  it('flat rate under a fee keeps the fee\'s VAT rate for all its minutes: the overage is more of the contract\'s service', () => {
    const contract = prepaidContract({ fee: { amountMinor: 1_000_00, vatRateBp: 2100, timing: 'in_arrears' }, prepaidMinutes: 60, overage: { kind: 'flat_rate', ratePerHourMinor: 900_00 } }, ['2026-09']);
    const records = [work(1, '2026-10-05', '08:00', WT_REDUCED, 90, 1200), work(2, '2026-10-05', '10:00', WT_STANDARD, 30, 2100)];
    const draft = runOctober(contract, records);
    expect(draft.lines.map((l) => [JSON.parse(l.key), l.quantityMilli, l.netMinor, l.vatRateBp, l.recordIds])).toEqual([
      [['contract_fee', '1', '2026-10'], 1000, 1_000_00, 2100, []],
      [['overage', '1', 'flat_rate', 0, 2100], 1000, 900_00, 2100, [1, 2]],
    ]);
    expect(recapView(draft.lines)).toEqual({ groups: [[2100, 1_900_00, 399_00]], net: 1_900_00, vat: 399_00, total: 2_299_00 });
  });
});

describe.each(testEngines())('overage lines split by VAT rate through the API on %s', (engine) => {
  let w: BillingWorld;
  let priceListId: number;
  let reduced: number;
  beforeAll(async () => {
    w = await billingWorld(engine);
    // Documentation in the reduced VAT category (12 % in CZ), and a contract price list that prices it.
    reduced = (await w.ok(w.admin.auth, 'POST', '/api/v1/work-types', { code: 'docs', name: 'Dokumentace', vatCategory: 'reduced' })).id as number;
    priceListId = (await w.ok(w.admin.auth, 'POST', '/api/v1/price-lists', { name: 'Smluvní 2026', currency: 'CZK' })).id as number;
    await w.ok(w.admin.auth, 'POST', `/api/v1/price-lists/${priceListId}/versions`, {
      validFrom: '2026-01-01',
      terms: {
        workRates: [{ workTypeId: w.wt.remote, hourlyRateMinor: 800_00 }, { workTypeId: reduced, hourlyRateMinor: 600_00 }],
        businessHours: { weekdays: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' }, surchargePct: { normal: 0, out_of_hours: 50, weekend_holiday: 100 }, incrementMinutes: 15,
      },
    });
  }, 120_000);
  afterAll(() => w.t.close());

  const db = () => w.t.database.db;
  const draftIdOf = (run: any, clientId: number): number => run.result.drafts.find((d: { clientId: number }) => d.clientId === clientId).invoiceId;
  const linesOf = async (invoiceId: number) =>
    (await db().selectFrom('invoice_lines').select(['kind', 'group_key', 'quantity_milli', 'unit_price_minor', 'net_minor', 'vat_rate_bp']).where('invoice_id', '=', invoiceId).orderBy('position').execute())
      .map((l) => ({ ...l, group_key: JSON.parse(l.group_key) as unknown }));
  const invoiceOf = (invoiceId: number) => db().selectFrom('invoices').selectAll().where('id', '=', invoiceId).executeTakeFirstOrThrow();
  const partsOf = async (invoiceId: number) => {
    const report = await w.ok(w.manager.auth, 'GET', `/api/v1/invoices/${invoiceId}/work-report`);
    return new Map((report.entries as { recordId: string; amountMinor: number; overage: { parts: { band: number | null; minutes: number; rateMinor: number; amountMinor: number }[] } | null }[])
      .map((e) => [Number(e.recordId), { amount: e.amountMinor, parts: e.overage?.parts.map((p) => [p.band, p.minutes, p.rateMinor, p.amountMinor]) ?? null }]));
  };

  /** A client whose contract (from 1 Nov, prepaid hour) covers remote support (21 %) and documentation (12 %); work on Monday 2 Nov, 'key@start' → [work type, minutes]. */
  async function client(name: string, number: string, terms: { fee: object | null; overage: object }, work: Record<string, ['remote' | 'docs', number]>) {
    const m = w.manager.auth;
    const clientId = (await w.ok(m, 'POST', '/api/v1/clients', { name, country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14, ...invoiceableClient })).id as number;
    const contractId = (await w.ok(m, 'POST', '/api/v1/contracts', {
      clientId, number, name: 'Předplacená hodina', currency: 'CZK', validFrom: '2026-11-01', validTo: null, periodKind: 'month', priceListId, ...terms,
      scope: { workTypeIds: [w.wt.remote, reduced], coversTravel: false, unitFeeIds: [] }, prepaidMinutes: 60, carryOver: { enabled: false },
      multipliers: { byWorkType: {}, byTimeClass: {} }, ownInvoice: false, alertClient: false, slaPolicyId: null, note: '', active: true,
    })).id as number;
    const ticket = await w.ok(w.operator.auth, 'POST', '/api/v1/tickets', { clientId, subject: 'Správa', queueId: w.queueId });
    await w.ok(m, 'PATCH', `/api/v1/tickets/${ticket.id}/contract`, { contractId });
    const ids: Record<string, number> = {};
    for (const [key, [kind, minutes]] of Object.entries(work)) {
      const [label, startTime] = key.split('@') as [string, string];
      ids[label] = (await w.ok(w.tech.auth, 'POST', `/api/v1/tickets/${ticket.id}/records`, {
        kind: 'work', date: '2026-11-02', startTime, minutes, workTypeId: kind === 'remote' ? w.wt.remote : reduced, description: 'Správa',
      })).id as number;
    }
    for (const id of Object.values(ids)) await w.ok(w.tech.auth, 'POST', `/api/v1/records/${id}/submit`);
    await w.ok(m, 'POST', '/api/v1/records/approve', { ids: Object.values(ids) });
    return { clientId, ids };
  }

  it('tiered without a fee: each band a line per VAT rate, the recap by rate, the work report per record; a re-run gives the same keys; a record taken out leaves its own lines', async () => {
    const c = await client('Dvě sazby s.r.o.', 'DPH-PASMA', {
      fee: null, overage: { kind: 'tiered', bands: [{ minutes: 60, ratePerHourMinor: 1_000_00 }, { minutes: null, ratePerHourMinor: 1_200_00 }] },
    }, { 'covered@08:00': ['remote', 60], 'a@09:00': ['docs', 30], 'b@10:00': ['remote', 15], 'c@11:00': ['docs', 30], 'd@13:00': ['remote', 30] });
    const invoiceId = draftIdOf(await w.runPeriod('2026-11'), c.clientId);
    const contractId = String((await invoiceOf(invoiceId)).contract_id);
    const expected = [
      { kind: 'overage', group_key: ['overage', contractId, 'tiered', 0, 1200], quantity_milli: 750, unit_price_minor: 1_000_00, net_minor: 750_00, vat_rate_bp: 1200 }, // band 1: 30 min of a, 15 of c
      { kind: 'overage', group_key: ['overage', contractId, 'tiered', 0, 2100], quantity_milli: 250, unit_price_minor: 1_000_00, net_minor: 250_00, vat_rate_bp: 2100 }, // band 1: 15 min of b
      { kind: 'overage', group_key: ['overage', contractId, 'tiered', 1, 1200], quantity_milli: 250, unit_price_minor: 1_200_00, net_minor: 300_00, vat_rate_bp: 1200 }, // band 2: 15 min of c
      { kind: 'overage', group_key: ['overage', contractId, 'tiered', 1, 2100], quantity_milli: 500, unit_price_minor: 1_200_00, net_minor: 600_00, vat_rate_bp: 2100 }, // band 2: 30 min of d
    ];
    expect(await linesOf(invoiceId)).toEqual(expected);
    const invoice = await invoiceOf(invoiceId);
    expect(JSON.parse(invoice.vat_recap_json)).toEqual([
      { vatRateBp: 2100, baseMinor: 850_00, vatMinor: 178_50, totalMinor: 1_028_50 },
      { vatRateBp: 1200, baseMinor: 1_050_00, vatMinor: 126_00, totalMinor: 1_176_00 },
    ]);
    expect([invoice.net_minor, invoice.vat_minor, invoice.total_minor]).toEqual([1_900_00, 304_50, 2_204_50]);
    const split = new Map([
      [c.ids.covered, { amount: 0, parts: null }],
      [c.ids.a, { amount: 500_00, parts: [[1, 30, 1_000_00, 500_00]] }],
      [c.ids.b, { amount: 250_00, parts: [[1, 15, 1_000_00, 250_00]] }],
      [c.ids.c, { amount: 550_00, parts: [[1, 15, 1_000_00, 250_00], [2, 15, 1_200_00, 300_00]] }],
      [c.ids.d, { amount: 600_00, parts: [[2, 30, 1_200_00, 600_00]] }],
    ]);
    expect(await partsOf(invoiceId)).toEqual(split);

    // Running the month again makes the same lines under the same keys.
    const rerunId = draftIdOf(await w.runPeriod('2026-11'), c.clientId);
    expect(await linesOf(rerunId)).toEqual(expected);

    // c taken out leaves the 12 % part of band 1 by its 15 min and the 12 % part of band 2 whole; the others keep their split.
    const res = await w.ok(w.manager.auth, 'POST', `/api/v1/invoices/${rerunId}/exclude-record`, { version: (await invoiceOf(rerunId)).version, recordId: c.ids.c, note: 'Reklamace' });
    expect(await linesOf(rerunId)).toEqual([{ ...expected[0], quantity_milli: 500, net_minor: 500_00 }, expected[1], expected[3]]);
    expect(res).toMatchObject({ netMinor: 1_350_00, vatMinor: 238_50, totalMinor: 1_588_50 });
    const after = await partsOf(rerunId);
    expect([c.ids.a, c.ids.b, c.ids.d].map((id) => after.get(id!))).toEqual([c.ids.a, c.ids.b, c.ids.d].map((id) => split.get(id!)));
  });

  it('entry rate under a fee: each record at its own rate; issued and fully credited, the credit note corrects each line at its rate and releases the records', async () => {
    const c = await client('Sazby záznamů s.r.o.', 'DPH-ZAZNAM', {
      fee: { amountMinor: 1_000_00, vatRateBp: 2100, timing: 'in_arrears', prorate: true }, overage: { kind: 'entry_rate' },
    }, { 'covered@08:00': ['remote', 60], 'a@09:00': ['docs', 45], 'b@10:00': ['remote', 30], 'c@13:00': ['docs', 30] });
    const invoiceId = draftIdOf(await w.runPeriod('2026-11'), c.clientId);
    expect((await linesOf(invoiceId)).map((l) => [l.kind, l.quantity_milli, l.net_minor, l.vat_rate_bp])).toEqual([
      ['contract_fee', 1000, 1_000_00, 2100],
      ['overage', 750, 450_00, 1200], // a: 45 min × 600,00
      ['overage', 500, 400_00, 2100], // b: 30 min × 800,00
      ['overage', 500, 300_00, 1200], // c: 30 min × 600,00
    ]);
    expect(JSON.parse((await invoiceOf(invoiceId)).vat_recap_json)).toEqual([
      { vatRateBp: 2100, baseMinor: 1_400_00, vatMinor: 294_00, totalMinor: 1_694_00 },
      { vatRateBp: 1200, baseMinor: 750_00, vatMinor: 90_00, totalMinor: 840_00 },
    ]);
    const parts = await partsOf(invoiceId);
    expect([c.ids.a, c.ids.b, c.ids.c].map((id) => parts.get(id!))).toEqual([
      { amount: 450_00, parts: [[null, 45, 600_00, 450_00]] }, { amount: 400_00, parts: [[null, 30, 800_00, 400_00]] }, { amount: 300_00, parts: [[null, 30, 600_00, 300_00]] },
    ]);

    await w.ok(w.manager.auth, 'POST', `/api/v1/invoices/${invoiceId}/issue`);
    const note = await w.ok(w.manager.auth, 'POST', `/api/v1/invoices/${invoiceId}/credit-notes`, { reason: 'Storno', full: true, releaseRecords: true });
    expect(note).toMatchObject({ totalMinor: -2_534_00 });
    expect(JSON.parse((await invoiceOf(note.id)).vat_recap_json)).toEqual([
      { vatRateBp: 2100, baseMinor: -1_400_00, vatMinor: -294_00, totalMinor: -1_694_00 },
      { vatRateBp: 1200, baseMinor: -750_00, vatMinor: -90_00, totalMinor: -840_00 },
    ]);
    const released = await db().selectFrom('records').select(['state', 'billed_invoice_id']).where('id', 'in', Object.values(c.ids)).execute();
    expect(released.map((r) => ({ ...r }))).toEqual(Object.values(c.ids).map(() => ({ state: 'approved', billed_invoice_id: null })));
  });
});
