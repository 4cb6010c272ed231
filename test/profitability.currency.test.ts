import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/platform/db/index.ts';
import { testEngines } from './db.ts';
import { recordsWorld, type RecordsWorld } from './records.fixture.ts';

/**
 * Profitability of a CZK contract whose material cost arose in EUR: each cost is
 * converted with the exchange rate of the record's date, once, half away from
 * zero; a cost whose day has no known rate is named, never counted as CZK.
 */
const NOW = '2026-11-02T09:00:00.000Z';
const SUPPLIER_CZ = JSON.stringify({ name: 'Dodavatel s.r.o.', address: { street: 'Hlavní 1', city: 'Praha', postalCode: '11000', country: 'CZ' } });

let numberSeq = 0;

/** An issued document with lines carrying records (all cost lines are material: the kind does not matter to the test). */
async function issuedInvoice(db: Db, v: { clientId: number; contractId: number; period: string; currency?: string; records: { id: number; amount: number }[]; rate?: { rate: string; date: string } }) {
  const net = v.records.reduce((s, r) => s + r.amount, 0);
  const n = ++numberSeq;
  const inv = await db
    .insertInto('invoices')
    .values({
      kind: 'invoice', state: 'draft', period: v.period, client_id: v.clientId, contract_id: v.contractId, currency: v.currency ?? 'CZK', language: 'cs',
      payment_terms_days: 14, net_minor: net, vat_minor: 0, total_minor: net, created_at: NOW, updated_at: NOW, taxable_supply_date: `${v.period}-28`,
      supplier_json: SUPPLIER_CZ,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const line = await db
    .insertInto('invoice_lines')
    .values({ invoice_id: inv.id, position: 1, kind: 'item', description: 'item', quantity_milli: 1000, unit: 'ks', unit_price_minor: net, net_minor: net, vat_rate_bp: 2100, group_key: '', fee_period: null, corrects_line_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const r of v.records) {
    await db.insertInto('invoice_records').values({ invoice_id: inv.id, record_id: r.id, line_id: line.id, outcome: 'billed', amount_minor: r.amount }).execute();
  }
  await db
    .updateTable('invoices')
    .set({
      state: 'issued', number: `FX2026${String(n).padStart(4, '0')}`, number_year: 2026, number_sequence: n, issue_date: `${v.period}-28`, issued_at: NOW,
      exchange_rate: v.rate?.rate ?? null, exchange_rate_date: v.rate?.date ?? null,
    })
    .where('id', '=', inv.id)
    .execute();
  return inv.id;
}

type Missing = { currency: string; toCurrency: string; date: string; costMinor: number };
type Figures = { key: string; currency: string; revenueMinor: number; materialCostMinor: number; costMinor: number; marginMinor: number; missingRates: Missing[] };

describe.each(testEngines())('profitability of costs in another currency on %s', (engine) => {
  let w: RecordsWorld;
  let db: Db;
  let contractId = 0;
  let otherClientId = 0;
  const rec = { eurOct5: 0, eurOct6: 0, czk: 0, eurNoRate: 0 };

  const report = async (query: string) => {
    const res = await w.t.request(w.manager.auth, { method: 'GET', url: `/api/v1/profitability?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { rows: Figures[]; totals: Figures[]; series: Figures[] };
  };

  beforeAll(async () => {
    w = await recordsWorld(engine);
    db = w.t.database.db;
    contractId = (await db
      .insertInto('contracts')
      .values({
        client_id: w.clientId, number: 'SML-FX', name: 'Materiál z eurozóny', currency: 'CZK', valid_from: '2026-10-01', valid_to: null, period_kind: 'month', price_list_id: null,
        fee_minor: 0, fee_vat_rate_bp: 2100, fee_timing: 'in_arrears', fee_prorate: 1, prepaid_minutes: 0,
        scope_json: '{"workTypeIds":[],"coversTravel":false,"unitFeeIds":[]}', carry_over_json: '{"enabled":false}', multipliers_json: '{}', overage_json: '{"method":"entry_rate"}',
        own_invoice: 0, alert_client: 0, sla_policy_id: null, note: '', active: 1, version: 1, created_at: NOW, updated_at: NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow()).id;
    await db.updateTable('tickets').set({ contract_id: contractId }).where('id', '=', w.ticket.id).execute();
    // Material whose cost arose in EUR (the slip's cost currency), and one in CZK.
    const material = async (date: string, costMinor: number, costCurrency: string) => {
      const res = await w.log(w.tech.auth, { kind: 'fee', date, feeId: w.fee.callOut, quantity: '1' });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id as number;
      await db.updateTable('records').set({ kind: 'material', cost_minor: costMinor, cost_currency: costCurrency }).where('id', '=', id).execute();
      return id;
    };
    rec.eurOct5 = await material('2026-10-05', 52_35, 'EUR');
    rec.eurOct6 = await material('2026-10-06', 10_01, 'EUR');
    rec.czk = await material('2026-10-05', 100_00, 'CZK');
    rec.eurNoRate = await material('2026-10-09', 20_00, 'EUR');

    // The rates Kontor knows: fixed on EUR invoices issued to another client.
    otherClientId = (await db.selectFrom('clients').select('id').where('id', '!=', w.clientId).executeTakeFirst())?.id ?? w.clientId;
    const other = await w.newTicket('EUR zákazník');
    const eurRecord = async (date: string) => {
      const res = await w.log(w.tech.auth, { kind: 'fee', date, feeId: w.fee.callOut, quantity: '1' }, other.id);
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    await issuedInvoice(db, { clientId: otherClientId, contractId, period: '2026-09', currency: 'EUR', records: [{ id: await eurRecord('2026-09-10'), amount: 10_00 }], rate: { rate: '24.335', date: '2026-10-05' } });
    await issuedInvoice(db, { clientId: otherClientId, contractId, period: '2026-09', currency: 'EUR', records: [{ id: await eurRecord('2026-09-11'), amount: 10_00 }], rate: { rate: '24.355', date: '2026-10-06' } });
  });
  afterAll(() => w.t.close());

  it('converts each EUR cost with the rate of its day and names the day without a rate', async () => {
    await issuedInvoice(db, {
      clientId: w.clientId, contractId, period: '2026-10',
      records: [{ id: rec.eurOct5, amount: 2_000_00 }, { id: rec.eurOct6, amount: 500_00 }, { id: rec.czk, amount: 300_00 }, { id: rec.eurNoRate, amount: 700_00 }],
    });
    const r = await report(`from=2026-10&to=2026-10&groupBy=contract&contractId=${contractId}`);
    // 52.35 EUR × 24.335 = 1 273.937… → 1 273.94; 10.01 EUR × 24.355 = 243.79355 → 243.79; 100.00 CZK as it is.
    const material = 1_273_94 + 243_79 + 100_00;
    const missing = [{ currency: 'EUR', toCurrency: 'CZK', date: '2026-10-09', costMinor: 20_00 }];
    expect(r.rows).toEqual([expect.objectContaining({ key: String(contractId), currency: 'CZK', revenueMinor: 3_500_00, materialCostMinor: material, costMinor: material, marginMinor: 3_500_00 - material, missingRates: missing })]);
    expect(r.totals).toEqual([expect.objectContaining({ currency: 'CZK', costMinor: material, missingRates: missing })]);
    expect(r.series).toEqual([expect.objectContaining({ period: '2026-10', costMinor: material, missingRates: missing })]);
    // Never 52.35 counted as CZK.
    expect(r.rows[0]!.costMinor).not.toBe(52_35 + 10_01 + 100_00 + 20_00);

    const res = await w.t.request(w.manager.auth, { method: 'GET', url: `/api/v1/contracts/${contractId}/profitability?from=2026-10&to=2026-10` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().totals).toEqual([expect.objectContaining({ costMinor: material, missingRates: missing })]);

    const csv = await w.t.request(w.manager.auth, { method: 'GET', url: `/api/v1/profitability.csv?from=2026-10&to=2026-10&contractId=${contractId}&lang=en` });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Costs not counted: no exchange rate of the day');
    expect(csv.body).toContain('EUR 20.00 (2026-10-09)');
  });

  it('counts the cost once the rate of its day is known', async () => {
    const other = await w.newTicket('EUR zákazník 2');
    const res = await w.log(w.tech.auth, { kind: 'fee', date: '2026-09-12', feeId: w.fee.callOut, quantity: '1' }, other.id);
    expect(res.statusCode, res.body).toBe(201);
    await issuedInvoice(db, { clientId: otherClientId, contractId, period: '2026-09', currency: 'EUR', records: [{ id: res.json().id as number, amount: 10_00 }], rate: { rate: '24.4', date: '2026-10-09' } });
    const r = await report(`from=2026-10&to=2026-10&groupBy=contract&contractId=${contractId}`);
    // 20.00 EUR × 24.4 = 488.00.
    expect(r.rows[0]).toMatchObject({ materialCostMinor: 1_273_94 + 243_79 + 100_00 + 488_00, missingRates: [] });
  });

  it("takes the daily rate list's rate first, a weekend's from the Friday before, and names a day more than a week after the list's last", async () => {
    const material = async (date: string, costMinor: number) => {
      const res = await w.log(w.tech.auth, { kind: 'fee', date, feeId: w.fee.callOut, quantity: '1' });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id as number;
      await db.updateTable('records').set({ kind: 'material', cost_minor: costMinor, cost_currency: 'EUR' }).where('id', '=', id).execute();
      return id;
    };
    const sunday = await material('2026-10-11', 10_00);
    const late = await material('2026-10-20', 1_00);
    await issuedInvoice(db, { clientId: w.clientId, contractId, period: '2026-10', records: [{ id: sunday, amount: 400_00 }, { id: late, amount: 100_00 }] });
    // The list's Friday rate (25.000) wins over the 24.4 fixed on an invoice of that day.
    const put = await w.t.request(w.manager.auth, { method: 'PUT', url: '/api/v1/exchange-rates/EUR/2026-10-09', payload: { amount: 1, rate: '25' } });
    expect(put.statusCode, put.body).toBe(200);
    const r = await report(`from=2026-10&to=2026-10&groupBy=contract&contractId=${contractId}`);
    // 20.00 EUR of 10-09 × 25 = 500.00; 10.00 EUR of Sunday 10-11 × Friday's 25 = 250.00; 10-20 is 11 days after: not counted.
    expect(r.rows[0]).toMatchObject({
      materialCostMinor: 1_273_94 + 243_79 + 100_00 + 500_00 + 250_00,
      missingRates: [{ currency: 'EUR', toCurrency: 'CZK', date: '2026-10-20', costMinor: 1_00 }],
    });
  });
});
