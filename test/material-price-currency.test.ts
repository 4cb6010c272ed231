/**
 * Material for a client whose price list is in another currency than the items' own
 * sale prices, on SQLite and PostgreSQL. An item's own sale price is in the provider's
 * currency (CZK for a Czech provider, as stock is valued): a list in EUR that has no
 * price of its own for the item leaves the material unpriced, with the reason, and the
 * billing run blocks it as any record without a price, never billing 1 290,00 CZK as
 * 1 290,00 EUR. The list's own item price still applies, and a CZK list still falls
 * back to the item's own price.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Auth } from './app.ts';
import { invoiceableClient } from './buyer.fixture.ts';
import { testEngines } from './db.ts';
import { recordsWorld, type RecordsWorld } from './records.fixture.ts';

describe.each(testEngines())('an item’s own sale price in another currency than the list’s, on %s', (engine) => {
  let w: RecordsWorld;
  let ram = 0;
  let ssd = 0;
  let store = 0;
  let eurClient = 0;
  let eurTicket = 0;

  const ok = async (auth: Auth, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const res = await w.t.request(auth, { method, url, ...(payload ? { payload } : {}) });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const issue = (ticketId: number, itemIds: number[]) =>
    ok(w.manager.auth, 'POST', '/api/v1/stock-documents', { kind: 'issue', date: '2026-10-14', warehouseId: store, ticketId, lines: itemIds.map((itemId) => ({ itemId, quantity: '1' })), confirm: true });
  const record = (id: number) => ok(w.manager.auth, 'GET', `/api/v1/records/${id}`);

  beforeAll(async () => {
    w = await recordsWorld(engine);
    await w.t.database.db.updateTable('company_settings').set({
      name: 'Servis Kontor s.r.o.', company_id: '27074358', vat_id: 'CZ27074358', vat_payer: 1, street: 'Dlouhá 1', city: 'Praha', postal_code: '110 00', country: 'CZ',
    }).where('id', '=', 1).execute();
    // A Czech provider: the items' own sale prices are in CZK.
    ram = (await ok(w.admin.auth, 'POST', '/api/v1/items', { code: 'RAM-16', name: 'Paměť RAM 16 GB DDR4', unit: 'pcs', salePriceMinor: 1_290_00 })).id;
    ssd = (await ok(w.admin.auth, 'POST', '/api/v1/items', { code: 'SSD-1TB', name: 'SSD 1 TB', unit: 'pcs', salePriceMinor: 1_890_00 })).id;
    store = (await ok(w.admin.auth, 'POST', '/api/v1/warehouses', { code: 'MAIN', name: 'Hlavní sklad', kind: 'store' })).id;
    await ok(w.admin.auth, 'POST', '/api/v1/stock-documents', {
      kind: 'receipt', date: '2026-10-01', warehouseId: store, lines: [{ itemId: ram, quantity: '10', unitPriceMinor: 980_00 }, { itemId: ssd, quantity: '10', unitPriceMinor: 1_500_00 }], confirm: true,
    });
    // The client bills in EUR from a list of its own that prices the SSD, not the RAM.
    eurClient = (await ok(w.manager.auth, 'POST', '/api/v1/clients', { name: 'Tatra Logistik s.r.o.', country: 'CZ', language: 'cs', currency: 'EUR', paymentTermsDays: 14, ...invoiceableClient })).id;
    const eurList = await ok(w.admin.auth, 'POST', '/api/v1/price-lists', { name: 'Standard 2026 EUR', currency: 'EUR' });
    await ok(w.admin.auth, 'POST', `/api/v1/price-lists/${eurList.id}/versions`, { validFrom: '2026-01-01', terms: { itemPrices: [{ itemId: ssd, priceMinor: 76_00 }] } });
    await ok(w.admin.auth, 'PUT', `/api/v1/clients/${eurClient}/price-list`, { priceListId: eurList.id });
    eurTicket = (await ok(w.operator.auth, 'POST', '/api/v1/tickets', { clientId: eurClient, subject: 'Rozšíření paměti', queueId: w.queueId })).id;
  }, 120_000);
  afterAll(() => w.t.close());

  it('leaves RAM unpriced on the EUR list (its own price is CZK), prices the SSD from the list, and the run blocks the RAM instead of billing 1 290,00 as EUR', async () => {
    const slip = await issue(eurTicket, [ram, ssd]);
    const [ramRecord, ssdRecord] = [await record(slip.lines[0].recordId), await record(slip.lines[1].recordId)];
    expect(ramRecord).toMatchObject({ amountMinor: null, price: { status: 'no_price', reason: 'no_item_price', currency: null } });
    expect(ramRecord.price.message).toBe(
      'The price list (prices in EUR) has no price for Paměť RAM 16 GB DDR4, and the item’s own sale price 1,290.00\u00a0CZK is in another currency, so it does not apply',
    );
    // The explanation names the item's own price in its own currency, in the reader's words.
    expect(ramRecord.price.explanation.join('\n')).toMatch(/1[\s,]290[.,]00\sCZK/);
    expect(ssdRecord).toMatchObject({ amountMinor: 76_00, price: { status: 'priced', currency: 'EUR' } });

    // The approval queue says the same before anyone approves it.
    const waiting = await ok(w.manager.auth, 'GET', '/api/v1/records?state=submitted');
    expect(waiting.items.find((r: { id: number }) => r.id === ramRecord.id)).toMatchObject({ amountMinor: null, price: { status: 'no_price', reason: 'no_item_price' } });

    await ok(w.manager.auth, 'POST', '/api/v1/records/approve', { ids: [ramRecord.id, ssdRecord.id] });
    const started = await ok(w.manager.auth, 'POST', '/api/v1/billing-runs', { period: '2026-10' });
    await w.t.services.billing.runs.settled(started.id);
    const run = await ok(w.manager.auth, 'GET', `/api/v1/billing-runs/${started.id}`);
    expect(run.state).toBe('completed');
    expect(run.result.blocked).toEqual(expect.arrayContaining([expect.objectContaining({ clientId: eurClient, code: 'missing_rate', recordIds: [ramRecord.id] })]));
    const draft = run.result.drafts.find((d: { clientId: number }) => d.clientId === eurClient);
    expect(draft).toMatchObject({ currency: 'EUR', netMinor: 76_00, blocked: ['missing rate'] });
    const lines = (await ok(w.manager.auth, 'GET', `/api/v1/invoices/${draft.invoiceId}`)).lines as { unitPriceMinor: number }[];
    expect(lines.map((l) => l.unitPriceMinor)).toEqual([76_00]);
  });

  it('still takes the item’s own price on a list in its currency (CZK)', async () => {
    const slip = await issue(w.ticket.id, [ram]);
    expect(await record(slip.lines[0].recordId)).toMatchObject({ amountMinor: 1_290_00, price: { status: 'priced', currency: 'CZK' } });
  });
});
