import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/platform/db/index.ts';
import { testEngines } from './db.ts';
import { recordsWorld, type RecordsWorld } from './records.fixture.ts';
import { invoiceableClient } from './buyer.fixture.ts';

/**
 * Profitability over real databases. The records of BILLING.md example B are
 * logged through the API (priced with their internal costs); the invoice that
 * bills them is written to the tables as an issued billing run leaves it.
 */
const NOW = '2026-11-02T09:00:00.000Z';

interface SeedLine {
  kind: 'work' | 'travel' | 'contract_fee' | 'manual' | 'overage';
  net: number;
  feePeriod?: string;
  groupKey?: string;
  /** Records billed on this line (amount each). */
  records?: { id: number; amount: number }[];
  correctsLine?: number;
}

interface SeedInvoice {
  clientId: number;
  contractId?: number | null;
  period: string | null;
  state?: 'draft' | 'issued' | 'paid';
  kind?: 'invoice' | 'credit_note';
  correctsInvoiceId?: number;
  releasesRecords?: boolean;
  lines: SeedLine[];
  /** Records covered by the allowance or flat fee: on the invoice, on no line. */
  covered?: number[];
  feeContract?: { contractId: number; period: string };
}

let numberSeq = 0;

/** An invoice as a billing run writes it (a draft with lines and records), then issued unless it stays a draft. */
async function seedInvoice(db: Db, s: SeedInvoice): Promise<{ id: number; lineIds: number[] }> {
  const net = s.lines.reduce((sum, l) => sum + l.net, 0);
  const inv = await db
    .insertInto('invoices')
    .values({
      kind: s.kind ?? 'invoice', state: 'draft', period: s.period, client_id: s.clientId, contract_id: s.contractId ?? null, currency: 'CZK', language: 'cs',
      payment_terms_days: 14, net_minor: net, vat_minor: Math.round(net * 0.21), total_minor: net + Math.round(net * 0.21),
      corrects_invoice_id: s.correctsInvoiceId ?? null, releases_records: s.releasesRecords ? 1 : 0, created_at: NOW, updated_at: NOW,
      taxable_supply_date: s.period ? `${s.period}-28` : '2026-11-02',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const lineIds: number[] = [];
  for (const [i, l] of s.lines.entries()) {
    const line = await db
      .insertInto('invoice_lines')
      .values({
        invoice_id: inv.id, position: i + 1, kind: l.kind, description: l.kind, quantity_milli: 1000, unit: 'ks', unit_price_minor: l.net, net_minor: l.net,
        vat_rate_bp: 2100, group_key: l.groupKey ?? '', fee_period: l.feePeriod ?? null, corrects_line_id: l.correctsLine ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    lineIds.push(line.id);
    for (const r of l.records ?? []) {
      await db.insertInto('invoice_records').values({ invoice_id: inv.id, record_id: r.id, line_id: line.id, outcome: 'billed', amount_minor: r.amount }).execute();
    }
  }
  for (const id of s.covered ?? []) {
    await db.insertInto('invoice_records').values({ invoice_id: inv.id, record_id: id, line_id: null, outcome: 'covered', amount_minor: 0 }).execute();
  }
  if ((s.state ?? 'issued') !== 'draft') {
    const n = ++numberSeq;
    await db.updateTable('invoices').set({ state: s.state ?? 'issued', number: `T2026${String(n).padStart(4, '0')}`, number_year: 2026, number_sequence: n, issue_date: '2026-11-02', issued_at: NOW }).where('id', '=', inv.id).execute();
    if (s.feeContract) await db.insertInto('invoice_fee_periods').values({ contract_id: s.feeContract.contractId, fee_period: s.feeContract.period, invoice_id: inv.id }).execute();
  }
  return { id: inv.id, lineIds };
}

async function seedContract(db: Db, clientId: number, number: string, extra: { prepaidMinutes?: number; validFrom?: string } = {}): Promise<number> {
  const row = await db
    .insertInto('contracts')
    .values({
      client_id: clientId, number, name: `Smlouva ${number}`, currency: 'CZK', valid_from: extra.validFrom ?? '2026-10-01', valid_to: null, period_kind: 'month', price_list_id: null,
      fee_minor: 5_000_00, fee_vat_rate_bp: 2100, fee_timing: 'in_arrears', fee_prorate: 1, prepaid_minutes: extra.prepaidMinutes ?? 0,
      scope_json: '{"workTypeIds":[],"coversTravel":false,"unitFeeIds":[]}', carry_over_json: '{"enabled":false}', multipliers_json: '{}', overage_json: '{"method":"entry_rate"}',
      own_invoice: 0, alert_client: 0, sla_policy_id: null, note: '', active: 1, version: 1, created_at: NOW, updated_at: NOW,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

type Row = { key: string; label: string; revenueMinor: number; costMinor: number; labourCostMinor: number; travelCostMinor: number; materialCostMinor: number; marginMinor: number; marginPct: number | null; marginPctTenths: number | null; prepaidUtilisationBp: number | null };

describe.each(testEngines())('profitability on %s', (engine) => {
  let w: RecordsWorld;
  let db: Db;
  let contractB = 0;
  let invoiceB = { id: 0, lineIds: [] as number[] };
  const rec = { remote: 0, onSite: 0, dev: 0, travel: 0 };

  const get = (url: string, auth = w.manager.auth) => w.t.request(auth, { method: 'GET', url });
  const report = async (query: string) => {
    const res = await get(`/api/v1/profitability?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { rows: Row[]; totals: (Row & { currency: string })[]; series: (Row & { period: string })[]; periods: string[] };
  };
  const row = (rows: Row[], key: string | number) => rows.find((r) => r.key === String(key));

  beforeAll(async () => {
    w = await recordsWorld(engine);
    db = w.t.database.db;
    // Example B: flat fee from 1 October 2026; the ticket falls under the contract.
    contractB = await seedContract(db, w.clientId, 'SML-B');
    await db.updateTable('tickets').set({ contract_id: contractB }).where('id', '=', w.ticket.id).execute();
    const log = async (body: object) => {
      const res = await w.log(w.tech.auth, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    rec.remote = await log({ kind: 'work', date: '2026-10-06', startTime: '09:00', minutes: 120, workTypeId: w.wt.remote, description: 'Vzdálená správa' });
    rec.onSite = await log({ kind: 'work', date: '2026-10-07', startTime: '09:00', minutes: 180, workTypeId: w.wt.onSite, description: 'U zákazníka' });
    rec.dev = await log({ kind: 'work', date: '2026-10-08', startTime: '09:00', minutes: 60, workTypeId: w.wt.development, description: 'Skript' });
    rec.travel = await log({ kind: 'travel', date: '2026-10-07', km: '20' });
    invoiceB = await seedInvoice(db, {
      clientId: w.clientId, period: '2026-10',
      lines: [
        { kind: 'contract_fee', net: 5_000_00, feePeriod: '2026-10', groupKey: JSON.stringify(['contract_fee', String(contractB), '2026-10']) },
        { kind: 'work', net: 1_200_00, records: [{ id: rec.dev, amount: 1_200_00 }] },
        { kind: 'travel', net: 240_00, records: [{ id: rec.travel, amount: 240_00 }] },
      ],
      covered: [rec.remote, rec.onSite],
      feeContract: { contractId: contractB, period: '2026-10' },
    });
  });
  afterAll(() => w.t.close());

  it('gives example B: revenue 6 440.00, cost 2 800.00, margin 3 640.00 (56.5 %)', async () => {
    const costs = await db.selectFrom('records').select(['id', 'cost_minor']).where('id', 'in', Object.values(rec)).execute();
    expect(Object.fromEntries(costs.map((c) => [c.id, c.cost_minor]))).toEqual({ [rec.remote]: 900_00, [rec.onSite]: 1_350_00, [rec.dev]: 450_00, [rec.travel]: 100_00 });
    const r = await report('from=2026-10&to=2026-10&groupBy=contract');
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({
      key: String(contractB), label: 'SML-B Smlouva SML-B', currency: 'CZK', revenueMinor: 6_440_00, labourCostMinor: 2_700_00, travelCostMinor: 100_00, materialCostMinor: 0,
      costMinor: 2_800_00, marginMinor: 3_640_00, marginPct: 5652, marginPctTenths: 565, prepaidUtilisationBp: null,
    });
    expect(r.totals).toEqual([expect.objectContaining({ currency: 'CZK', revenueMinor: 6_440_00, costMinor: 2_800_00, marginMinor: 3_640_00 })]);
    expect(r.series).toEqual([expect.objectContaining({ period: '2026-10', revenueMinor: 6_440_00, marginMinor: 3_640_00 })]);
    // A quarter and a year hold the same October.
    expect((await report('from=2026-Q4&to=2026-Q4')).totals[0]).toMatchObject({ revenueMinor: 6_440_00, costMinor: 2_800_00 });
    expect((await report('from=2026&to=2026')).series).toEqual([expect.objectContaining({ period: '2026', marginMinor: 3_640_00 })]);
    // September and November are empty.
    expect((await report('from=2026-09&to=2026-09')).rows).toEqual([]);
  });

  it('splits example B by technician and work type, and every grouping adds up to the same total', async () => {
    const byTech = (await report('from=2026-10&to=2026-10&groupBy=technician')).rows;
    expect(row(byTech, w.tech.id)).toMatchObject({ revenueMinor: 1_440_00, costMinor: 2_800_00, marginMinor: -1_360_00 });
    expect(row(byTech, 'none')).toMatchObject({ revenueMinor: 5_000_00, costMinor: 0 });
    const byType = (await report('from=2026-10&to=2026-10&groupBy=work_type')).rows;
    expect(row(byType, w.wt.remote)).toMatchObject({ label: 'Vzdálená podpora', revenueMinor: 0, labourCostMinor: 900_00, marginPct: null });
    expect(row(byType, w.wt.onSite)).toMatchObject({ revenueMinor: 0, labourCostMinor: 1_350_00 });
    expect(row(byType, w.wt.development)).toMatchObject({ revenueMinor: 1_200_00, costMinor: 450_00, marginMinor: 750_00 });
    expect(row(byType, 'travel')).toMatchObject({ revenueMinor: 240_00, travelCostMinor: 100_00 });
    expect(row(byType, 'contract_fee')).toMatchObject({ revenueMinor: 5_000_00, costMinor: 0 });
    const byClient = (await report('from=2026-10&to=2026-10&groupBy=client')).rows;
    expect(row(byClient, w.clientId)).toMatchObject({ revenueMinor: 6_440_00, costMinor: 2_800_00 });
    for (const rows of [byTech, byType, byClient]) {
      expect(rows.reduce((s, r) => s + r.revenueMinor, 0)).toBe(6_440_00);
      expect(rows.reduce((s, r) => s + r.costMinor, 0)).toBe(2_800_00);
    }
  });

  it("answers one contract's profitability, period by period", async () => {
    const res = await get(`/api/v1/contracts/${contractB}/profitability?from=2026-09&to=2026-11`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.contract).toMatchObject({ id: contractB, number: 'SML-B', clientId: w.clientId });
    expect(body.periods).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(body.series).toEqual([expect.objectContaining({ period: '2026-10', revenueMinor: 6_440_00, costMinor: 2_800_00, marginPctTenths: 565 })]);
    expect((await get(`/api/v1/contracts/987654/profitability?from=2026-10&to=2026-10`)).statusCode).toBe(404);
  });

  it('counts drafts only when asked, and filters by client and contract', async () => {
    const other = await w.t.services.customers.create({ actor: { userId: 0, name: 'system', roles: ['admin'], clientId: null, tokenId: null }, ip: null }, { name: 'Jiný klient a.s.', country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14, ...invoiceableClient });
    await seedInvoice(db, { clientId: other.id, period: '2026-10', state: 'draft', lines: [{ kind: 'manual', net: 1_000_00 }] });
    expect((await report('from=2026-10&to=2026-10&groupBy=client')).rows.map((r) => r.key)).toEqual([String(w.clientId)]);
    const preview = await report('from=2026-10&to=2026-10&groupBy=client&includeDrafts=true');
    expect(row(preview.rows, other.id)).toMatchObject({ revenueMinor: 1_000_00, costMinor: 0, marginPct: 10_000 });
    expect(preview.totals[0]!.revenueMinor).toBe(7_440_00);
    expect((await report(`from=2026-10&to=2026-10&groupBy=client&includeDrafts=true&clientId=${other.id}`)).rows).toHaveLength(1);
    const onlyB = await report(`from=2026-10&to=2026-10&groupBy=work_type&includeDrafts=true&contractId=${contractB}`);
    expect(onlyB.totals[0]).toMatchObject({ revenueMinor: 6_440_00, costMinor: 2_800_00 });
  });

  it('subtracts a partial credit note from the line it corrects, in the period it corrects', async () => {
    await seedInvoice(db, {
      kind: 'credit_note', clientId: w.clientId, period: null, correctsInvoiceId: invoiceB.id,
      lines: [{ kind: 'work', net: -300_00, correctsLine: invoiceB.lineIds[1]! }],
    });
    const r = await report('from=2026-10&to=2026-10&groupBy=work_type');
    expect(row(r.rows, w.wt.development)).toMatchObject({ revenueMinor: 900_00, costMinor: 450_00 });
    expect(r.totals[0]).toMatchObject({ revenueMinor: 6_140_00, costMinor: 2_800_00, marginMinor: 3_340_00 });
    // Nothing moves into November, the month the credit note was issued.
    expect((await report('from=2026-11&to=2026-11')).rows).toEqual([]);
  });

  it('takes the cost away with a full credit note that releases the records', async () => {
    // A separate time-and-material invoice in December, fully credited with its records released.
    const ticket = await w.newTicket('Prosinec');
    const res = await w.log(w.tech.auth, { kind: 'work', date: '2026-10-20', startTime: '10:00', minutes: 60, workTypeId: w.wt.development, description: 'Opravy' }, ticket.id);
    const recordId = res.json().id as number;
    const inv = await seedInvoice(db, { clientId: w.clientId, period: '2026-12', lines: [{ kind: 'work', net: 1_200_00, records: [{ id: recordId, amount: 1_200_00 }] }] });
    const before = await report('from=2026-12&to=2026-12&groupBy=technician');
    expect(before.totals[0]).toMatchObject({ revenueMinor: 1_200_00, costMinor: 450_00 });
    await seedInvoice(db, {
      kind: 'credit_note', clientId: w.clientId, period: null, correctsInvoiceId: inv.id, releasesRecords: true,
      lines: [{ kind: 'work', net: 1_200_00, correctsLine: inv.lineIds[0]! }],
    });
    const after = await report('from=2026-12&to=2026-12&groupBy=technician');
    expect(after.totals[0]).toMatchObject({ revenueMinor: 0, costMinor: 0, marginMinor: 0, marginPct: null });
  });

  it('reports prepaid utilisation from the ledger: consumed / (opening carried + allocated)', async () => {
    const c = await seedContract(db, w.clientId, 'SML-C', { prepaidMinutes: 600, validFrom: '2026-09-01' });
    const ledger = (period: string, opening: number, consumed: number, carried: number) => db.insertInto('prepaid_ledger').values({
      contract_id: c, period, opening_carried: opening, allocated: 600, consumed, carried_out: carried, lapsed: opening + 600 - consumed - carried, lots_json: '[]', final: 1, updated_at: NOW,
    }).execute();
    await ledger('2026-10', 180, 780, 0);
    await ledger('2026-11', 0, 360, 240);
    await seedInvoice(db, { clientId: w.clientId, contractId: c, period: '2026-10', lines: [{ kind: 'contract_fee', net: 8_000_00, feePeriod: '2026-10' }], feeContract: { contractId: c, period: '2026-10' } });
    const october = await report(`from=2026-10&to=2026-10&contractId=${c}`);
    expect(october.rows).toEqual([expect.objectContaining({ key: String(c), revenueMinor: 8_000_00, prepaidUtilisationBp: 10_000 })]);
    // Two months: 1 140 of 180 + 600 + 600 minutes (November's opening is October's, not new minutes).
    const both = await report(`from=2026-10&to=2026-11&contractId=${c}`);
    expect(both.rows[0]!.prepaidUtilisationBp).toBe(8261);
    const byTech = await report(`from=2026-10&to=2026-11&contractId=${c}&groupBy=technician`);
    expect(byTech.rows.every((r) => r.prepaidUtilisationBp === null)).toBe(true);
    expect(byTech.totals[0]!.prepaidUtilisationBp).toBeNull(); // the table shows no prepaid use, so neither does its total
    // A contract with a ledger but nothing billed in the range has no row: the total is of the rows shown only.
    const idle = await seedContract(db, w.clientId, 'SML-IDLE', { prepaidMinutes: 600, validFrom: '2026-09-01' });
    await db.insertInto('prepaid_ledger').values({ contract_id: idle, period: '2026-10', opening_carried: 0, allocated: 600, consumed: 0, carried_out: 0, lapsed: 600, lots_json: '[]', final: 1, updated_at: NOW }).execute();
    const all = await report('from=2026-10&to=2026-10&groupBy=contract');
    expect(row(all.rows, idle)).toBeUndefined();
    expect(all.rows.filter((r) => r.prepaidUtilisationBp !== null).map((r) => [r.key, r.prepaidUtilisationBp])).toEqual([[String(c), 10_000]]);
    expect(all.totals[0]!.prepaidUtilisationBp).toBe(10_000);
  });

  it("counts a draft's provisional ledger row in the prepaid use only with the drafts, as its revenue", async () => {
    const c = await seedContract(db, w.clientId, 'SML-DRAFT', { prepaidMinutes: 600, validFrom: '2026-10-01' });
    const ledger = (period: string, consumed: number, final: 0 | 1) => db.insertInto('prepaid_ledger').values({
      contract_id: c, period, opening_carried: 0, allocated: 600, consumed, carried_out: 0, lapsed: 600 - consumed, lots_json: '[]', final, updated_at: NOW,
    }).execute();
    await ledger('2026-10', 420, 1);
    await seedInvoice(db, { clientId: w.clientId, contractId: c, period: '2026-10', lines: [{ kind: 'contract_fee', net: 5_000_00, feePeriod: '2026-10' }], feeContract: { contractId: c, period: '2026-10' } });
    // November is billed by a draft: its row is provisional until the draft is issued.
    await ledger('2026-11', 600, 0);
    await seedInvoice(db, { clientId: w.clientId, contractId: c, period: '2026-11', state: 'draft', lines: [{ kind: 'contract_fee', net: 5_000_00, feePeriod: '2026-11' }] });
    const issued = await report(`from=2026-10&to=2026-11&contractId=${c}`);
    expect(issued.rows).toEqual([expect.objectContaining({ revenueMinor: 5_000_00, prepaidUtilisationBp: 7_000 })]);
    expect(issued.totals[0]!.prepaidUtilisationBp).toBe(7_000);
    const withDrafts = await report(`from=2026-10&to=2026-11&contractId=${c}&includeDrafts=true`);
    expect(withDrafts.rows).toEqual([expect.objectContaining({ revenueMinor: 10_000_00, prepaidUtilisationBp: 8_500 })]);
  });

  it('exports the rows and totals as CSV in the language asked for and as XLSX', async () => {
    const en = await get(`/api/v1/profitability.csv?from=2026-10&to=2026-10&groupBy=work_type&lang=en&contractId=${contractB}`);
    expect(en.statusCode, en.body).toBe(200);
    expect(en.headers['content-type']).toMatch(/text\/csv/);
    expect(en.headers['content-disposition']).toContain('profitability-2026-10-2026-10.csv');
    const lines = en.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Work type,Currency,Revenue,Labour cost,Travel cost,Material cost,Cost,Margin,Margin %,Prepaid used %');
    expect(lines).toContain('Contract fees,CZK,5000.00,0.00,0.00,0.00,0.00,5000.00,100.0,');
    expect(lines.at(-1)).toMatch(/^Total,CZK,/);
    const cs = await get(`/api/v1/profitability.csv?from=2026-10&to=2026-10&groupBy=contract&lang=cs&contractId=${contractB}`);
    expect(cs.body).toContain('Smlouva;Měna;Výnos');
    // Margin % with one decimal, rounded once, as the UI shows it (54,4 %, not 54,39).
    expect(cs.body).toContain(';CZK;6140,00;2700,00;100,00;0,00;2800,00;3340,00;54,4;');
    const x = await get(`/api/v1/profitability.xlsx?from=2026-10&to=2026-10&groupBy=contract&lang=en&contractId=${contractB}`);
    expect(x.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Profitability')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Contract');
    const values = sheet.getRow(2).values as unknown[];
    expect(values.slice(1, 10)).toEqual(['SML-B Smlouva SML-B', 'CZK', 6140, 2700, 100, 0, 2800, 3340, 0.544]);
    expect(sheet.getColumn(9).numFmt).toBe('0.0%');
  });

  it('refuses bad ranges and groupings with the field and the reason', async () => {
    const cases: [string, string, string][] = [
      ['from=2026-13&to=2026-12', 'querystring.from', 'invalid_period'],
      ['from=2026-10&to=2026-09', 'to', 'invalid_range'],
      ['from=2026-10&to=2026-Q4', 'to', 'period_kind_mismatch'],
      ['from=2000-01&to=2026-12', 'to', 'range_too_long'],
    ];
    for (const [query, path, code] of cases) {
      const res = await get(`/api/v1/profitability?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.details, query).toEqual([expect.objectContaining({ path, code })]);
    }
    for (const query of ['from=2026-10', 'from=2026-10&to=2026-10&groupBy=ticket', 'from=2026-10&to=2026-10&clientId=x', 'from=2026-10&to=2026-10&bogus=1']) {
      expect((await get(`/api/v1/profitability?${query}`)).statusCode, query).toBe(400);
    }
  });

  it('shows margins to nobody without profitability.read and the margins field scope', async () => {
    for (const who of [w.operator, w.tech]) {
      for (const url of ['/api/v1/profitability?from=2026-10&to=2026-10', '/api/v1/profitability.csv?from=2026-10&to=2026-10', `/api/v1/contracts/${contractB}/profitability?from=2026-10&to=2026-10`]) {
        expect((await get(url, who.auth)).statusCode, url).toBe(403);
      }
    }
    const accountant = await w.t.userWith(['accountant']);
    expect((await get('/api/v1/profitability?from=2026-10&to=2026-10', accountant.auth)).statusCode).toBe(403);
    expect((await get('/api/v1/profitability?from=2026-10&to=2026-10', w.admin.auth)).statusCode).toBe(200);
  });
});
