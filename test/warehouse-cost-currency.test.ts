/**
 * Costs kept in another currency than the material is sold in, on SQLite and PostgreSQL:
 * a Slovak provider keeps its stock costs in EUR and sells from a price list in CZK.
 * - A return's material record carries the cost currency of the record it takes back,
 *   so an issue and its return net to zero in quantity and in cost, in that currency:
 *   on the ticket's records, in the stock, and in the team's timesheet (property test).
 * - The slip (its API document and its PDF) states its costs in EUR and its prices in CZK.
 * - Its VAT rates are the Slovak ones (23 %), and the POHODA export names them by the
 *   Slovak rules, whatever the company's address says (here: CZ).
 * - Migration 0030 gives slips and return records issued before it what they lacked.
 */
import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as m0030 from '../migrations/0030_slip_cost_currency_and_vat_country.ts';
import { buildSlipDocument } from '../src/modules/warehouse/index.ts';
import { formatQuantity } from '../src/shared/quantity.ts';
import type { Auth } from './app.ts';
import { testEngines } from './db.ts';
import { invoicingWorld, type InvoicingWorld } from './invoicing.fixture.ts';
import { pdfText } from './pdf.ts';

describe.each(testEngines())('costs kept in EUR, material sold in CZK, on %s', (engine) => {
  let w: InvoicingWorld;
  let filter: number;
  let van: number;
  let teamId: number;
  const db = () => w.t.database.db;

  const ok = async (auth: Auth, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const res = await w.t.request(auth, { method, url, ...(payload ? { payload } : {}) });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const issue = async (date: string, quantityMilli: number) =>
    ok(w.tech.auth, 'POST', '/api/v1/stock-documents', { kind: 'issue', date, warehouseId: van, ticketId: w.ticket.id, lines: [{ itemId: filter, quantity: formatQuantity(quantityMilli) }], confirm: true });
  const giveBack = async (date: string, slipId: number, quantityMilli: number) =>
    ok(w.tech.auth, 'POST', '/api/v1/stock-documents', { kind: 'return', date, warehouseId: van, returnsDocumentId: slipId, lines: [{ itemId: filter, quantity: formatQuantity(quantityMilli) }], confirm: true });
  const recordRow = (id: number) =>
    db().selectFrom('records').select(['quantity_milli', 'amount_minor', 'currency', 'cost_minor', 'cost_currency']).where('id', '=', id).executeTakeFirstOrThrow();
  /** The value a stock document moved (what its lines' costs add up to). */
  const movedValue = async (id: number) =>
    (await db().selectFrom('stock_document_lines').select('cost_minor').where('document_id', '=', id).execute()).reduce((s, l) => s + Number(l.cost_minor), 0);
  const balance = async () => {
    const row = await db().selectFrom('stock_balances').select(['quantity_milli', 'value_minor']).where('warehouse_id', '=', van).where('item_id', '=', filter).executeTakeFirstOrThrow();
    return { quantityMilli: Number(row.quantity_milli), valueMinor: Number(row.value_minor) };
  };
  const pdf = async (auth: Auth, id: number) => {
    const res = await w.t.request(auth, { method: 'GET', url: `/api/v1/stock-documents/${id}/pdf` });
    expect(res.statusCode).toBe(200);
    return pdfText(res.rawPayload);
  };

  beforeAll(async () => {
    w = await invoicingWorld(engine);
    // The provider is Slovak: stock costs in EUR, Slovak VAT rates. The client's list "Standard 2026" sells in CZK.
    await ok(w.admin.auth, 'PUT', '/api/v1/pricing-settings', { providerCountry: 'SK' });
    // Measured in litres, so the property below may issue and return any thousandth (pieces move whole only).
    filter = (await ok(w.admin.auth, 'POST', '/api/v1/items', { code: 'FILTR', name: 'Filtrační kapalina F-01', unit: 'l', vatCategory: 'standard', salePriceMinor: 250_00 })).id;
    // The item's own price is the provider's, in EUR, which a CZK list never takes: the list prices it in CZK.
    const listId = (await ok(w.admin.auth, 'GET', `/api/v1/clients/${w.clientId}/price-list`)).priceListId;
    const [version] = (await ok(w.admin.auth, 'GET', `/api/v1/price-lists/${listId}`)).versions;
    const priced = await w.t.request(w.admin.auth, {
      method: 'PATCH', url: `/api/v1/price-list-versions/${version.id}`,
      payload: { terms: { ...version.terms, itemPrices: [{ itemId: filter, priceMinor: 250_00 }] }, listVersion: version.listVersion },
    });
    expect(priced.statusCode, priced.body).toBe(200);
    van = (await ok(w.admin.auth, 'POST', '/api/v1/warehouses', { code: 'VAN', name: 'Dodávka', kind: 'van', ownerUserId: w.tech.id })).id;
    // Two purchase prices, so the average cost has remainders to round.
    for (const [quantity, unitPriceMinor] of [['300', 15_37], ['700', 12_11]] as const) {
      await ok(w.admin.auth, 'POST', '/api/v1/stock-documents', { kind: 'receipt', date: '2026-10-01', warehouseId: van, lines: [{ itemId: filter, quantity, unitPriceMinor }], confirm: true });
    }
    teamId = (await ok(w.admin.auth, 'POST', '/api/v1/teams', { name: 'Technici', members: [w.tech.id] })).id;
  });
  afterAll(() => w.t.close());

  it('a return carries the original’s cost and cost currency; the slip states costs in EUR and prices in CZK; the timesheet nets them', async () => {
    const slip = await issue('2026-10-20', 4000);
    const ret = await giveBack('2026-10-21', slip.id, 4000);
    const issued = await recordRow(slip.lines[0].recordId);
    const returned = await recordRow(ret.lines[0].recordId);
    expect(issued).toMatchObject({ quantity_milli: 4000, currency: 'CZK', amount_minor: 1_000_00, cost_currency: 'EUR' });
    expect(returned).toEqual({ quantity_milli: -4000, currency: 'CZK', amount_minor: -1_000_00, cost_minor: -Number(issued.cost_minor), cost_currency: 'EUR' });
    // The API says the same to whoever sees costs.
    expect((await ok(w.admin.auth, 'GET', `/api/v1/records/${ret.lines[0].recordId}`)).price).toMatchObject({ currency: 'CZK', costCurrency: 'EUR' });

    // The slip and its return keep the currency of their costs apart from that of their prices.
    for (const doc of [slip, ret]) {
      expect(await ok(w.manager.auth, 'GET', `/api/v1/stock-documents/${doc.id}`)).toMatchObject({ costCurrency: 'EUR', totalCostMinor: expect.any(Number) });
      expect(await buildSlipDocument(db(), doc.id)).toMatchObject({ currency: 'CZK', costCurrency: 'EUR', vatCountry: 'SK', lines: [{ vatRateBp: 2300 }] });
    }
    expect((await ok(w.tech.auth, 'GET', `/api/v1/stock-documents/${slip.id}`)).costCurrency).toBeUndefined(); // no costs scope, no costs
    const cost = Number(issued.cost_minor);
    const costText = `${(cost / 100).toFixed(2).replace('.', ',')} €`;
    const unitCostText = `${(cost / 400).toFixed(2).replace('.', ',')} €`;
    const printed = await pdf(w.manager.auth, slip.id);
    for (const expected of [costText, unitCostText, '1 000,00 Kč']) expect(printed).toContain(expected);
    expect(printed).not.toContain(costText.replace('€', 'Kč'));
    expect(await pdf(w.manager.auth, ret.id)).toContain(`-${costText}`);
    // Without the costs scope only the CZK prices print.
    const techText = await pdf(w.tech.auth, slip.id);
    expect(techText).toContain('1 000,00 Kč');
    expect(techText).not.toContain('€');

    // The team's week and the technician's own week net the issue and the return alike: nothing, in each currency.
    const own = await ok(w.manager.auth, 'GET', `/api/v1/timesheets/week?start=2026-10-19&technicianId=${w.tech.id}`);
    const team = await ok(w.manager.auth, 'GET', `/api/v1/timesheets/team-week?start=2026-10-19&teamId=${teamId}`);
    const zero = [{ currency: 'CZK', amountMinor: 0, costMinor: 0 }, { currency: 'EUR', amountMinor: 0, costMinor: 0 }];
    expect(own.total.money).toEqual(zero);
    expect(team.total.money).toEqual(zero);
    expect(team.byTechnician[0].days[1].money).toEqual([{ currency: 'CZK', amountMinor: 1_000_00, costMinor: 0 }, { currency: 'EUR', amountMinor: 0, costMinor: cost }]);
  });

  it('issued and returned in any parts, the ticket’s records and the stock net to what is still out, in EUR; returned in full, to nothing (property)', async () => {
    const quantity = fc.integer({ min: 1, max: 9_999 });
    await fc.assert(
      fc.asyncProperty(quantity, fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 3 }), fc.boolean(), async (issuedMilli, weights, whole) => {
        const before = await balance();
        const slip = await issue('2026-10-22', issuedMilli);
        // Parts of what was issued, in proportion to the weights: all of it when `whole`, else what they come to (at least one thousandth).
        const total = weights.reduce((s, x) => s + x, 0);
        const parts = weights.map((x) => Math.floor((issuedMilli * x) / total));
        if (whole) parts[parts.length - 1]! += issuedMilli - parts.reduce((s, x) => s + x, 0);
        const returns = [];
        for (const part of parts.filter((p) => p > 0)) returns.push(await giveBack('2026-10-23', slip.id, part));
        const returnedMilli = parts.reduce((s, x) => s + x, 0);

        const rows = await Promise.all([slip, ...returns].map((d) => recordRow(d.lines[0].recordId)));
        for (const r of rows) expect([r.currency, r.cost_currency]).toEqual(['CZK', 'EUR']);
        const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0);
        const slipCost = await movedValue(slip.id);
        expect(Number(rows[0]!.cost_minor)).toBe(slipCost);
        let returnedCost = 0;
        for (const d of returns) returnedCost += await movedValue(d.id);
        expect(sum((r) => Number(r.quantity_milli))).toBe(issuedMilli - returnedMilli);
        // The records' costs are the slips' costs: what left the stock less what came back.
        expect(sum((r) => Number(r.cost_minor))).toBe(slipCost - returnedCost);
        expect(await balance()).toEqual({ quantityMilli: before.quantityMilli - issuedMilli + returnedMilli, valueMinor: before.valueMinor - slipCost + returnedCost });
        for (const d of returns) expect(await buildSlipDocument(db(), d.id)).toMatchObject({ costCurrency: 'EUR', totalCostMinor: -(await movedValue(d.id)) });
        if (returnedMilli === issuedMilli) {
          expect([sum((r) => Number(r.quantity_milli)), sum((r) => Number(r.cost_minor)), sum((r) => Number(r.amount_minor))]).toEqual([0, 0, 0]);
          expect(await balance()).toEqual(before);
        }
      }),
      { numRuns: engine === 'sqlite' ? 40 : 15 },
    );
  });

  it('POHODA names the Slovak provider’s 23 % as high, though the company’s address says CZ', async () => {
    const slip = await issue('2026-10-24', 1000);
    const preview = await ok(w.accountant.auth, 'GET', '/api/v1/exports/preview?format=pohoda&period=2026-10');
    expect(preview.vatRatesNotMapped).toEqual([]);
    const batch = await ok(w.accountant.auth, 'POST', '/api/v1/exports', { format: 'pohoda', period: '2026-10', includeExported: false });
    const xml = (await w.t.request(w.accountant.auth, { method: 'GET', url: batch.downloadUrl })).rawPayload.toString('latin1');
    const item = xml.match(new RegExp(`<dat:dataPackItem [^>]*id="SLIP-${slip.id}"[\\s\\S]*?</dat:dataPackItem>`))?.[0];
    expect(item).toMatch(/<vyd:rateVAT>high</);
    // Every slip of the period went, each by the Slovak rules.
    expect([...xml.matchAll(/<vyd:rateVAT>(\w+)</g)].map((m) => m[1]).every((name) => name === 'high')).toBe(true);
  });

  it('migration 0030 gives slips issued before it their cost currency and VAT country, and returns their cost currency; drafts and other documents none', async () => {
    const slip = await issue('2026-10-26', 2000);
    const ret = await giveBack('2026-10-27', slip.id, 1000);
    const draft = await ok(w.tech.auth, 'POST', '/api/v1/stock-documents', { kind: 'issue', date: '2026-10-27', warehouseId: van, ticketId: w.ticket.id, lines: [{ itemId: filter, quantity: '1' }] });
    // As before the migration: the columns missing, and returns' records without the cost currency.
    await m0030.down(db() as unknown as Kysely<any>);
    const returnRecords = (await db().selectFrom('stock_document_lines as l').innerJoin('stock_documents as d', 'd.id', 'l.document_id').select('l.record_id').where('d.kind', '=', 'return').execute()).map((r) => r.record_id!);
    await db().updateTable('records').set({ cost_currency: null }).where('id', 'in', returnRecords).execute();
    await m0030.up(db() as unknown as Kysely<any>);

    const records = await db().selectFrom('records').select(['id', 'kind', 'cost_currency']).where('kind', '=', 'material').execute();
    expect(records.length).toBeGreaterThan(2);
    for (const r of records) expect(r.cost_currency, `record ${r.id}`).toBe('EUR');
    const docs = await db().selectFrom('stock_documents').select(['id', 'kind', 'state', 'cost_currency', 'vat_country']).execute();
    for (const d of docs) {
      const slipIssued = d.state === 'confirmed' && (d.kind === 'issue' || d.kind === 'return');
      expect([d.cost_currency, d.vat_country], `${d.kind} ${d.id}`).toEqual(slipIssued ? ['EUR', 'SK'] : [null, null]);
    }
    expect(docs.find((d) => d.id === draft.id)).toMatchObject({ state: 'draft', cost_currency: null });
    expect(await buildSlipDocument(db(), ret.id)).toMatchObject({ costCurrency: 'EUR', vatCountry: 'SK' });
    // Whatever code path tries, the database refuses to change them once set.
    await expect(db().updateTable('stock_documents').set({ cost_currency: 'CZK' }).where('id', '=', slip.id).execute()).rejects.toThrow(/issued_slip_immutable/);
    await expect(db().updateTable('stock_documents').set({ vat_country: 'CZ' }).where('id', '=', slip.id).execute()).rejects.toThrow(/issued_slip_immutable/);
    // A draft's stay open until it is confirmed, and then take what confirming gives them.
    await ok(w.tech.auth, 'POST', `/api/v1/stock-documents/${draft.id}/confirm`);
    expect(await buildSlipDocument(db(), draft.id)).toMatchObject({ currency: 'CZK', costCurrency: 'EUR', vatCountry: 'SK' });
  });
});
