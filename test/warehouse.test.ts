import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDefaultNumbering } from '../src/modules/numbering/index.ts';
import { levelHits } from '../src/modules/warehouse/stock.repo.ts';
import type { Auth } from './app.ts';
import { testEngines } from './db.ts';
import { recordsWorld, type RecordsWorld } from './records.fixture.ts';
import { pdfText } from './pdf.ts';


/**
 * The warehouse through the API on both engines: the SSD scenario of the issue
 * (receive at two prices, transfer to the van, issue to a ticket, the material
 * record priced per the price list, refusal of more than is left, the slip PDF,
 * a return), bad input that changes nothing, and concurrent issuers of the last
 * pieces.
 */
describe.each(testEngines())('warehouse on %s', (engine) => {
  let w: RecordsWorld;
  let ssd: number;
  let cable: number;
  let phone: number;
  let store: number;
  let van: number;
  const DATE = '2026-11-02';

  const call = (auth: Auth, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    w.t.request(auth, { method, url, ...(payload ? { payload } : {}) });
  const ok = async (auth: Auth, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) => {
    const res = await call(auth, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const level = async (warehouseId: number, itemId: number) => (await ok(w.admin.auth, 'GET', `/api/v1/stock-levels?warehouseId=${warehouseId}&itemId=${itemId}`)).items[0];
  const documentCount = async () => Number((await w.t.database.db.selectFrom('stock_documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const issue = (auth: Auth, quantity: string, extra: object = {}) =>
    call(auth, 'POST', '/api/v1/stock-documents', { kind: 'issue', date: DATE, warehouseId: van, ticketId: w.ticket.id, lines: [{ itemId: ssd, quantity }], confirm: true, ...extra });

  beforeAll(async () => {
    w = await recordsWorld(engine);
    const item = async (body: object) => (await ok(w.admin.auth, 'POST', '/api/v1/items', body)).id as number;
    ssd = await item({ code: 'SSD-1TB', name: 'SSD 1 TB', unit: 'pcs', ean: '8594000000012', vatCategory: 'standard', salePriceMinor: 1_990_00 });
    cable = await item({ code: 'CAB-UTP', name: 'Kabel UTP Cat6', unit: 'm', salePriceMinor: 25_00 });
    phone = await item({ code: 'PHONE', name: 'Telefon', unit: 'pcs', salePriceMinor: 5_000_00, serialTracking: true });
    // The price list prices the SSD at 1 890.00: it wins over the item's own 1 990.00.
    const lists = await ok(w.admin.auth, 'GET', '/api/v1/price-lists');
    const listId = lists.items.find((l: { name: string }) => l.name === 'Standard 2026').id;
    const detail = await ok(w.admin.auth, 'GET', `/api/v1/price-lists/${listId}`);
    const v = detail.versions[0];
    await ok(w.admin.auth, 'PATCH', `/api/v1/price-list-versions/${v.id}`, { listVersion: detail.version, terms: { ...v.terms, itemPrices: [{ itemId: ssd, priceMinor: 1_890_00 }] } });
    store = (await ok(w.admin.auth, 'POST', '/api/v1/warehouses', { code: 'MAIN', name: 'Hlavní sklad', kind: 'store', userIds: [w.operator.id] })).id;
    van = (await ok(w.admin.auth, 'POST', '/api/v1/warehouses', { code: 'VAN-NOVAK', name: 'Van – Novák', kind: 'van', ownerUserId: w.tech.id })).id;
  });
  afterAll(() => w.t.close());

  it('searches items by code, name and EAN without diacritics', async () => {
    expect((await ok(w.tech.auth, 'GET', '/api/v1/items?q=kabel')).items.map((i: { code: string }) => i.code)).toEqual(['CAB-UTP']);
    expect((await ok(w.tech.auth, 'GET', '/api/v1/items?q=telefon')).items.map((i: { code: string }) => i.code)).toEqual(['PHONE']);
    expect((await ok(w.tech.auth, 'GET', '/api/v1/items?q=8594000000012')).items.map((i: { code: string }) => i.code)).toEqual(['SSD-1TB']);
    const dup = await call(w.admin.auth, 'POST', '/api/v1/items', { code: 'SSD-1TB', name: 'x', unit: 'pcs' });
    expect(dup.statusCode).toBe(409);
  });

  it('tells each user which warehouses they may use and keeps their default', async () => {
    const mine = (await ok(w.tech.auth, 'GET', '/api/v1/warehouses')).items as { id: number; canUse: boolean; isMyDefault: boolean }[];
    expect(mine.find((x) => x.id === van)).toMatchObject({ canUse: true, isMyDefault: false });
    expect(mine.find((x) => x.id === store)).toMatchObject({ canUse: false });
    await ok(w.tech.auth, 'PUT', '/api/v1/users/me/default-warehouse', { warehouseId: van });
    expect((await ok(w.tech.auth, 'GET', '/api/v1/warehouses')).items.find((x: { id: number }) => x.id === van).isMyDefault).toBe(true);
    expect((await call(w.tech2.auth, 'PUT', '/api/v1/users/me/default-warehouse', { warehouseId: van })).statusCode).toBe(403);
    expect((await ok(w.manager.auth, 'GET', '/api/v1/warehouses')).items.every((x: { canUse: boolean }) => x.canUse)).toBe(true);
  });

  it('runs the SSD scenario: receive, average cost, transfer, issue priced 3 780.00 at cost 3 200.00, refusal, PDF, return', async () => {
    const r1 = await ok(w.operator.auth, 'POST', '/api/v1/stock-documents', {
      kind: 'receipt', date: DATE, warehouseId: store, supplier: 'Alza.cz a.s.', supplierDocumentNumber: 'FA-1', lines: [{ itemId: ssd, quantity: '10', unitPriceMinor: 1_500_00 }], confirm: true,
    });
    expect(r1).toMatchObject({ state: 'confirmed', number: 'PR202600001' });
    expect(r1.lines[0].costMinor).toBeUndefined(); // operators do not see costs
    const draft = await ok(w.admin.auth, 'POST', '/api/v1/stock-documents', { kind: 'receipt', date: DATE, warehouseId: store, lines: [{ itemId: ssd, quantity: '10', unitPriceMinor: 1_700_00 }] });
    expect(draft).toMatchObject({ state: 'draft', number: null });
    expect((await level(store, ssd)).quantity).toBe('10');
    const r2 = await ok(w.admin.auth, 'POST', `/api/v1/stock-documents/${draft.id}/confirm`);
    expect(r2).toMatchObject({ state: 'confirmed', number: 'PR202600002', totalCostMinor: 17_000_00 });
    expect(await level(store, ssd)).toMatchObject({ quantity: '20', averageCostMinor: 1_600_00, valueMinor: 32_000_00 });
    expect((await call(w.admin.auth, 'PATCH', `/api/v1/stock-documents/${draft.id}`, { note: 'x' })).json().error.code).toBe('document_confirmed');
    expect((await call(w.admin.auth, 'DELETE', `/api/v1/stock-documents/${draft.id}`)).statusCode).toBe(409);

    const transfer = await ok(w.operator.auth, 'POST', '/api/v1/stock-documents', { kind: 'transfer', date: DATE, warehouseId: store, targetWarehouseId: van, lines: [{ itemId: ssd, quantity: '10' }], confirm: true });
    expect(transfer.number).toBe('PV202600001');
    expect(await level(van, ssd)).toMatchObject({ quantity: '10', averageCostMinor: 1_600_00, valueMinor: 16_000_00 });
    expect(await level(store, ssd)).toMatchObject({ quantity: '10', valueMinor: 16_000_00 });

    const slipRes = await issue(w.tech.auth, '2');
    expect(slipRes.statusCode, slipRes.body).toBe(201);
    const slip = slipRes.json();
    expect(slip).toMatchObject({ kind: 'issue', state: 'confirmed', number: 'VY202600001', clientId: w.clientId, ticket: { id: w.ticket.id } });
    expect(slip).toEqual(await ok(w.tech.auth, 'GET', `/api/v1/stock-documents/${slip.id}`)); // the answer built in hand is the stored document
    const recordId = slip.lines[0].recordId as number;
    const record = await ok(w.admin.auth, 'GET', `/api/v1/records/${recordId}`);
    expect(record).toMatchObject({ kind: 'material', item: { code: 'SSD-1TB', unit: 'pcs' }, quantity: '2', amountMinor: 3_780_00, costMinor: 3_200_00, state: 'submitted', price: { status: 'priced' } });
    expect(record.description).toContain('SSD 1 TB');
    expect((await ok(w.tech.auth, 'GET', `/api/v1/records/${recordId}`)).costMinor).toBeUndefined();
    // Approved like any record; never edited through the records API.
    expect((await call(w.tech.auth, 'PATCH', `/api/v1/records/${recordId}`, { version: record.version, description: 'x' })).json().error.code).toBe('material_record');
    await ok(w.manager.auth, 'POST', `/api/v1/records/${recordId}/approve`);
    // The export names the item of a material record in a column of its own (the description is free text).
    const exported = (await call(w.manager.auth, 'GET', `/api/v1/records/export.csv?ticketId=${w.ticket.id}&kind=material&lang=cs`)).body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(exported[0]).toContain(';Poplatek;Položka;Množství;');
    expect(exported[1]).toContain(';;SSD-1TB · SSD 1 TB;2;');
    expect(exported[1]).toContain(';3780,00;3200,00;CZK;naceněno');

    const refused = await issue(w.tech.auth, '9');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'insufficient_stock', message: 'Only 8 pcs of SSD 1 TB in Van – Novák (9 pcs requested)' });
    // The facts as values, for the UI to say in the user's language.
    expect(refused.json().error).toMatchObject({ item: 'SSD 1 TB', unit: 'pcs', warehouse: 'Van – Novák', available: '8', requested: '9' });
    expect(await level(van, ssd)).toMatchObject({ quantity: '8', valueMinor: 12_800_00 });

    const pdf = await call(w.admin.auth, 'GET', `/api/v1/stock-documents/${slip.id}/pdf`);
    expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The technician who issued the material prints the slip too: sale prices, but no cost columns or cost total.
    const techPdf = await call(w.tech.auth, 'GET', `/api/v1/stock-documents/${slip.id}/pdf`);
    expect(techPdf.statusCode, techPdf.body.slice(0, 300)).toBe(200);
    const techText = pdfText(techPdf.rawPayload);
    for (const expected of ['Výdejka', 'VY202600001', 'SSD 1 TB', '3 780,00 Kč']) expect(techText).toContain(expected);
    // The stored unit code prints in the slip's language, as on invoices.
    expect(techText).toMatch(/\bks\b/);
    expect(techText).not.toMatch(/\bpcs\b/);
    for (const hidden of ['Náklad', '3 200,00', '1 600,00']) expect(techText).not.toContain(hidden);
    const managerText = pdfText((await call(w.manager.auth, 'GET', `/api/v1/stock-documents/${slip.id}/pdf`)).rawPayload);
    for (const expected of ['Nákladová cena za MJ', 'Náklad', '1 600,00 Kč', '3 200,00 Kč', '3 780,00 Kč']) expect(managerText).toContain(expected);
    // The client's stored address prints as an address, never as the JSON it is kept in.
    for (const expected of ['Nádražní 5', '602 00 Brno', 'Česká republika']) expect(managerText).toContain(expected);
    expect(managerText).not.toMatch(/[{}"]|postalCode/);

    // A return: stock back at the original cost, a negative record at the original price.
    const ret = await ok(w.tech.auth, 'POST', '/api/v1/stock-documents', { kind: 'return', date: DATE, warehouseId: van, returnsDocumentId: slip.id, lines: [{ itemId: ssd, quantity: '1' }], confirm: true });
    expect(ret).toMatchObject({ number: 'VR202600001', ticket: { id: w.ticket.id } });
    expect(await level(van, ssd)).toMatchObject({ quantity: '9', valueMinor: 14_400_00 });
    const back = await ok(w.admin.auth, 'GET', `/api/v1/records/${ret.lines[0].recordId}`);
    expect(back).toMatchObject({ kind: 'material', quantity: '-1', amountMinor: -1_890_00, costMinor: -1_600_00 });
    const tooMany = await call(w.tech.auth, 'POST', '/api/v1/stock-documents', { kind: 'return', date: DATE, warehouseId: van, returnsDocumentId: slip.id, lines: [{ itemId: ssd, quantity: '2' }], confirm: true });
    expect(tooMany.json().error).toMatchObject({ code: 'return_exceeds_issue', item: 'SSD 1 TB', unit: 'pcs', slip: 'VY202600001', returnable: '1', given: '2' });
    expect((await call(w.admin.auth, 'GET', `/api/v1/stock-documents/${ret.id}/pdf`)).statusCode).toBe(200);

    // Lists carry each confirmed document's cost total (summed in one query), as the detail does; a draft has none yet.
    const pending = await ok(w.admin.auth, 'POST', '/api/v1/stock-documents', { kind: 'receipt', date: DATE, warehouseId: store, lines: [{ itemId: ssd, quantity: '1', unitPriceMinor: 1_000_00 }] });
    const totals = (list: { items: { number: string | null; totalCostMinor?: number | null }[] }) => list.items.map((d) => [d.number, d.totalCostMinor]);
    expect(totals(await ok(w.admin.auth, 'GET', '/api/v1/stock-documents?kind=receipt'))).toEqual([[null, null], ['PR202600002', 17_000_00], ['PR202600001', 15_000_00]]);
    expect(totals(await ok(w.manager.auth, 'GET', '/api/v1/stock-documents?kind=issue'))).toEqual([['VY202600001', 3_200_00]]);
    expect(totals(await ok(w.manager.auth, 'GET', '/api/v1/stock-documents?kind=return'))).toEqual([['VR202600001', 1_600_00]]);
    expect(totals(await ok(w.admin.auth, 'GET', '/api/v1/stock-documents?kind=transfer'))).toEqual([['PV202600001', 16_000_00]]);
    expect((await ok(w.operator.auth, 'GET', '/api/v1/stock-documents?kind=receipt')).items.every((d: object) => !('totalCostMinor' in d))).toBe(true);
    expect((await call(w.admin.auth, 'DELETE', `/api/v1/stock-documents/${pending.id}`)).statusCode).toBe(204);

    const onTicket = await ok(w.tech.auth, 'GET', `/api/v1/tickets/${w.ticket.id}/stock-documents`);
    expect(onTicket.items.map((d: { number: string }) => d.number).sort()).toEqual(['VR202600001', 'VY202600001']);

    // The ledger: every movement with the running balance of its warehouse.
    const ledger = await ok(w.admin.auth, 'GET', `/api/v1/items/${ssd}/ledger?warehouseId=${van}`);
    expect(ledger.items.map((m: { quantity: string; balance: string; balanceValueMinor: number }) => [m.quantity, m.balance, m.balanceValueMinor])).toEqual([
      ['10', '10', 16_000_00],
      ['-2', '8', 12_800_00],
      ['1', '9', 14_400_00],
    ]);
  });

  it("names the currency stock is valued in: the provider's, EUR once the provider is Slovak", async () => {
    expect(await ok(w.tech.auth, 'GET', '/api/v1/stock-valuation')).toEqual({ currency: 'CZK' });
    await ok(w.admin.auth, 'PUT', '/api/v1/pricing-settings', { providerCountry: 'SK' });
    try {
      expect(await ok(w.operator.auth, 'GET', '/api/v1/stock-valuation')).toEqual({ currency: 'EUR' });
    } finally {
      await ok(w.admin.auth, 'PUT', '/api/v1/pricing-settings', { providerCountry: 'CZ' });
    }
    expect(await ok(w.manager.auth, 'GET', '/api/v1/stock-valuation')).toEqual({ currency: 'CZK' });
  });

  it('refuses bad input with a clear 4xx and changes nothing', async () => {
    const before = { docs: await documentCount(), van: await level(van, ssd), store: await level(store, ssd) };
    const expectRefused = async (auth: Auth, body: object, status: number, code: string, path?: string) => {
      const res = await call(auth, 'POST', '/api/v1/stock-documents', { date: DATE, confirm: true, ...body });
      expect(res.statusCode, res.body).toBe(status);
      const error = res.json().error;
      if (path) expect(error.details.map((d: { path: string; code: string }) => `${d.path}:${d.code}`)).toContain(`${path}:${code}`);
      else expect(error.code).toBe(code);
    };
    const receipt = (line: object) => ({ kind: 'receipt', warehouseId: store, lines: [{ itemId: ssd, unitPriceMinor: 100_00, ...line }] });
    await expectRefused(w.admin.auth, receipt({ quantity: '0' }), 400, 'quantity_not_positive', 'lines.0.quantity');
    await expectRefused(w.admin.auth, receipt({ quantity: '-1' }), 400, 'quantity_not_positive', 'lines.0.quantity');
    await expectRefused(w.admin.auth, receipt({ quantity: '1.2345' }), 400, 'too_many_decimals', 'lines.0.quantity');
    await expectRefused(w.admin.auth, receipt({ quantity: 'two' }), 400, 'invalid_quantity', 'lines.0.quantity');
    await expectRefused(w.admin.auth, receipt({ quantity: '1', unitPriceMinor: -5 }), 400, 'negative_price', 'lines.0.unitPriceMinor');
    await expectRefused(w.admin.auth, receipt({ quantity: '1', itemId: 999_999 }), 400, 'unknown_reference', 'lines.0.itemId');
    await expectRefused(w.admin.auth, { ...receipt({ quantity: '1' }), warehouseId: 999_999 }, 400, 'unknown_reference', 'warehouseId');
    await expectRefused(w.admin.auth, { kind: 'receipt', warehouseId: store, lines: [{ itemId: phone, quantity: '2', unitPriceMinor: 1, serials: ['A1', 'A1'] }] }, 400, 'duplicate_serial', 'lines.0.serials.1');
    await expectRefused(w.admin.auth, { kind: 'receipt', warehouseId: store, lines: [{ itemId: phone, quantity: '2', unitPriceMinor: 1, serials: ['A1'] }] }, 400, 'serials_count', 'lines.0.serials');
    // tech2 may not use tech's van; technicians may not receive.
    await expectRefused(w.tech2.auth, { kind: 'issue', warehouseId: van, ticketId: w.ticket.id, lines: [{ itemId: ssd, quantity: '1' }] }, 403, 'forbidden');
    await expectRefused(w.tech.auth, receipt({ quantity: '1' }), 403, 'forbidden');
    await expectRefused(w.admin.auth, { kind: 'issue', warehouseId: van, lines: [{ itemId: ssd, quantity: '1' }] }, 400, 'required', 'ticketId');
    await expectRefused(w.admin.auth, { kind: 'count', warehouseId: van, lines: [{ itemId: ssd, quantity: '1' }] }, 400, 'required', 'reason');
    expect({ docs: await documentCount(), van: await level(van, ssd), store: await level(store, ssd) }).toEqual(before);
  });

  it('edits and deletes drafts, which move nothing', async () => {
    const before = await level(store, cable);
    const draft = await ok(w.operator.auth, 'POST', '/api/v1/stock-documents', { kind: 'receipt', date: DATE, warehouseId: store, lines: [{ itemId: cable, quantity: '100', unitPriceMinor: 10_00 }] });
    const edited = await ok(w.operator.auth, 'PATCH', `/api/v1/stock-documents/${draft.id}`, { supplier: 'Kabely s.r.o.', lines: [{ itemId: cable, quantity: '250.5', unitPriceMinor: 9_00 }] });
    expect(edited).toMatchObject({ state: 'draft', supplier: 'Kabely s.r.o.', version: 2, lines: [{ quantity: '250.5' }] });
    expect((await call(w.operator.auth, 'PATCH', `/api/v1/stock-documents/${draft.id}`, { lines: [{ itemId: cable, quantity: '0' }] })).statusCode).toBe(400);
    expect((await call(w.tech.auth, 'DELETE', `/api/v1/stock-documents/${draft.id}`)).statusCode).toBe(403);
    expect((await call(w.operator.auth, 'DELETE', `/api/v1/stock-documents/${draft.id}`)).statusCode).toBe(204);
    expect((await call(w.operator.auth, 'GET', `/api/v1/stock-documents/${draft.id}`)).statusCode).toBe(404);
    expect(await level(store, cable)).toEqual(before);
  });

  it('tracks serial numbers through receipt, transfer and issue', async () => {
    await ok(w.admin.auth, 'POST', '/api/v1/stock-documents', { kind: 'receipt', date: DATE, warehouseId: store, lines: [{ itemId: phone, quantity: '2', unitPriceMinor: 4_000_00, serials: ['SN1', 'SN2'] }], confirm: true });
    const again = await call(w.admin.auth, 'POST', '/api/v1/stock-documents', { kind: 'receipt', date: DATE, warehouseId: store, lines: [{ itemId: phone, quantity: '1', unitPriceMinor: 4_000_00, serials: ['SN1'] }], confirm: true });
    expect(again.json().error.code).toBe('serial_in_stock');
    const wrong = await call(w.admin.auth, 'POST', '/api/v1/stock-documents', { kind: 'transfer', date: DATE, warehouseId: store, targetWarehouseId: van, lines: [{ itemId: phone, quantity: '1', serials: ['SN9'] }], confirm: true });
    expect(wrong.json().error.code).toBe('serial_not_in_warehouse');
    await ok(w.admin.auth, 'POST', '/api/v1/stock-documents', { kind: 'transfer', date: DATE, warehouseId: store, targetWarehouseId: van, lines: [{ itemId: phone, quantity: '1', serials: ['SN2'] }], confirm: true });
    const slip = await ok(w.tech.auth, 'POST', '/api/v1/stock-documents', { kind: 'issue', date: DATE, warehouseId: van, ticketId: w.ticket.id, lines: [{ itemId: phone, quantity: '1', serials: ['SN2'] }], confirm: true });
    expect(slip.lines[0].serials).toEqual(['SN2']);
    expect(await level(van, phone)).toMatchObject({ quantity: '0', valueMinor: 0 });
  });

  it('counts stock with a reason and lists what is below its minimum', async () => {
    await ok(w.admin.auth, 'PUT', `/api/v1/stock-levels/${store}/${cable}/minimum`, { minimum: '50' });
    const count = await ok(w.admin.auth, 'POST', '/api/v1/stock-documents', { kind: 'count', date: DATE, warehouseId: store, reason: 'Inventura', lines: [{ itemId: cable, quantity: '30.5', unitPriceMinor: 10_00 }], confirm: true });
    // Five-digit sequence, like every other series of a new installation.
    expect(count).toMatchObject({ number: 'IN202600001', totalCostMinor: 305_00 });
    const below = await ok(w.admin.auth, 'GET', '/api/v1/stock-levels?belowMinimum=true');
    expect(below.items.map((l: { itemCode: string; quantity: string; minimum: string }) => [l.itemCode, l.quantity, l.minimum])).toContainEqual(['CAB-UTP', '30.5', '50']);
    // An installation from before keeps the four-digit pattern it stored: seeding never changes a series.
    await w.t.database.db.updateTable('numbering_series').set({ pattern: 'IN{YYYY}{####}' }).where('document_type', '=', 'stock_count').execute();
    await seedDefaultNumbering(w.t.database.db, new Date());
    const down = await ok(w.admin.auth, 'POST', '/api/v1/stock-documents', { kind: 'count', date: DATE, warehouseId: store, reason: 'Poškozeno', lines: [{ itemId: cable, quantity: '0' }], confirm: true });
    expect(down).toMatchObject({ number: 'IN20260002', totalCostMinor: -305_00 });
    expect(await level(store, cable)).toMatchObject({ quantity: '0', valueMinor: 0 });
  });

  it('counts what is below its minimum as the list shows it, for whoever may see the warehouse', async () => {
    // The count above left the cable at 0 m under its minimum of 50 m; the SSD gets a minimum it is far from.
    await ok(w.admin.auth, 'PUT', `/api/v1/stock-levels/${store}/${ssd}/minimum`, { minimum: '1000' });
    const count = async (auth: Auth, query: string) => ok(auth, 'GET', `/api/v1/stock-levels/count?${query}`);
    const listed = async (query: string) => (await ok(w.admin.auth, 'GET', `/api/v1/stock-levels?limit=200&${query}`)).items.length;
    const below = await listed('belowMinimum=true');
    expect(below).toBeGreaterThanOrEqual(2);
    expect(await count(w.manager.auth, 'belowMinimum=true')).toEqual({ count: below, capped: false });
    // The same filters as the list: a warehouse, an item, a search.
    expect(await count(w.operator.auth, `belowMinimum=true&warehouseId=${store}`)).toEqual({ count: await listed(`belowMinimum=true&warehouseId=${store}`), capped: false });
    expect(await count(w.tech.auth, `belowMinimum=true&itemId=${ssd}`)).toEqual({ count: 1, capped: false });
    expect(await count(w.tech.auth, 'belowMinimum=true&q=kabel')).toEqual({ count: 1, capped: false });
    expect(await count(w.admin.auth, '')).toEqual({ count: await listed(''), capped: false });
    // Without its minimum the SSD is off the count.
    await ok(w.admin.auth, 'PUT', `/api/v1/stock-levels/${store}/${ssd}/minimum`, { minimum: null });
    expect(await count(w.manager.auth, 'belowMinimum=true')).toEqual({ count: below - 1, capped: false });
    // Paging is the list's business; without warehouse.read there is nothing to count.
    expect((await call(w.admin.auth, 'GET', '/api/v1/stock-levels/count?belowMinimum=true&limit=5')).statusCode).toBe(400);
    const contact = await w.t.userWith(['client_contact'], { clientId: w.clientId });
    expect((await call(contact.auth, 'GET', '/api/v1/stock-levels/count?belowMinimum=true')).statusCode).toBe(403);
  });

  it.runIf(engine === 'sqlite')('reads the levels below their minimum from their own index, not every balance (SQLite plan)', async () => {
    const { db } = w.t.database;
    for (const filter of [{ belowMinimum: true }, { belowMinimum: true, warehouseId: store }]) {
      const query = levelHits(db, filter).compile();
      const plan = await db.executeQuery<{ detail: string }>({ ...query, sql: `EXPLAIN QUERY PLAN ${query.sql}` });
      expect(plan.rows.map((r) => r.detail), JSON.stringify(filter)).toEqual([expect.stringMatching(/USING (COVERING )?INDEX stock_balances_below_minimum/)]);
    }
  });

  it('lets exactly one of two concurrent issuers take the last pieces', async () => {
    // The van holds 9 SSDs: top it down to 2, then two technicians' requests race for them.
    await ok(w.manager.auth, 'POST', '/api/v1/stock-documents', { kind: 'transfer', date: DATE, warehouseId: van, targetWarehouseId: store, lines: [{ itemId: ssd, quantity: '7' }], confirm: true });
    await ok(w.admin.auth, 'PATCH', `/api/v1/warehouses/${van}`, { userIds: [w.tech2.id] });
    const [a, b] = await Promise.all([issue(w.tech.auth, '2'), issue(w.tech2.auth, '2')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json().error.message).toBe('Only 0 pcs of SSD 1 TB in Van – Novák (2 pcs requested)');
    expect(await level(van, ssd)).toMatchObject({ quantity: '0', valueMinor: 0 });

    // Many at once: 5 pieces, 10 requests of 1: exactly 5 succeed, stock ends at 0, numbers stay gap-free.
    await ok(w.manager.auth, 'POST', '/api/v1/stock-documents', { kind: 'transfer', date: DATE, warehouseId: store, targetWarehouseId: van, lines: [{ itemId: ssd, quantity: '5' }], confirm: true });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => issue(i % 2 ? w.tech.auth : w.tech2.auth, '1')));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(5);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(5);
    expect(await level(van, ssd)).toMatchObject({ quantity: '0', valueMinor: 0 });
    // A transfer out of the van and an issue from it race for the same 2 pieces (different numbering series, so
    // nothing but the balance row's conditional update stands between them).
    await ok(w.manager.auth, 'POST', '/api/v1/stock-documents', { kind: 'transfer', date: DATE, warehouseId: store, targetWarehouseId: van, lines: [{ itemId: ssd, quantity: '2' }], confirm: true });
    const [out, mine] = await Promise.all([
      call(w.manager.auth, 'POST', '/api/v1/stock-documents', { kind: 'transfer', date: DATE, warehouseId: van, targetWarehouseId: store, lines: [{ itemId: ssd, quantity: '2' }], confirm: true }),
      issue(w.tech.auth, '2'),
    ]);
    expect([out.statusCode, mine.statusCode].sort()).toEqual([201, 409]);
    expect(await level(van, ssd)).toMatchObject({ quantity: '0', valueMinor: 0 });
    const numbers = (await w.t.database.db.selectFrom('stock_documents').select('number_sequence').where('kind', '=', 'issue').where('state', '=', 'confirmed').execute()).map((r) => Number(r.number_sequence)).sort((x, y) => x - y);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it("puts material issued to a ticket under a contract on that contract, priced with the contract's price list", async () => {
    // Runs last: the client's contract would link every ticket created after it.
    const vip = await ok(w.admin.auth, 'POST', '/api/v1/price-lists', { name: 'VIP materiál 2026', currency: 'CZK' });
    await ok(w.admin.auth, 'POST', `/api/v1/price-lists/${vip.id}/versions`, { validFrom: '2026-01-01', terms: { itemPrices: [{ itemId: cable, priceMinor: 19_50 }] } });
    const contract = await ok(w.manager.auth, 'POST', '/api/v1/contracts', {
      clientId: w.clientId, number: 'SML-MAT-001', name: 'Paušál s vlastním ceníkem', currency: 'CZK', validFrom: '2026-11-01', periodKind: 'month',
      fee: { amountMinor: 5_000_00, vatRateBp: 2100 }, scope: { workTypeIds: [w.wt.remote], coversTravel: false, unitFeeIds: [] }, priceListId: vip.id,
    });
    const ticket = await w.newTicket('Kabeláž pod smlouvou');
    expect((await ok(w.manager.auth, 'GET', `/api/v1/tickets/${ticket.id}`)).contractId).toBe(contract.id);
    await ok(w.admin.auth, 'POST', '/api/v1/stock-documents', { kind: 'receipt', date: DATE, warehouseId: van, lines: [{ itemId: cable, quantity: '50', unitPriceMinor: 10_00 }], confirm: true });
    const slip = await ok(w.tech.auth, 'POST', '/api/v1/stock-documents', { kind: 'issue', date: DATE, warehouseId: van, ticketId: ticket.id, lines: [{ itemId: cable, quantity: '4' }], confirm: true });
    const record = await ok(w.manager.auth, 'GET', `/api/v1/records/${slip.lines[0].recordId}`);
    // 4 m × 19.50 from the contract's list, not the item's own 25.00; the cost stays the stock's 4 × 10.00.
    expect(record).toMatchObject({ kind: 'material', contractId: contract.id, amountMinor: 78_00, costMinor: 40_00, price: { status: 'priced', priceListId: vip.id } });
    // A return stays on the original's contract and price.
    const ret = await ok(w.tech.auth, 'POST', '/api/v1/stock-documents', { kind: 'return', date: DATE, warehouseId: van, returnsDocumentId: slip.id, lines: [{ itemId: cable, quantity: '1' }], confirm: true });
    expect(await ok(w.manager.auth, 'GET', `/api/v1/records/${ret.lines[0].recordId}`)).toMatchObject({ contractId: contract.id, amountMinor: -19_50 });
  });
});
