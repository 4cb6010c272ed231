import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Auth } from './app.ts';
import { testEngines } from './db.ts';
import { recordsWorld, type RecordsWorld } from './records.fixture.ts';

/**
 * Quantities through the API on both engines: items counted in pieces take whole
 * numbers on every kind of stock document (a draft with a fraction is checked
 * again when confirmed), quantities and prices have an upper bound, and a stock
 * value too large for exact arithmetic is a 400 naming the line, never a 500.
 */
describe.each(testEngines())('warehouse quantities on %s', (engine) => {
  let w: RecordsWorld;
  let toner: number;
  let cable: number;
  let bags: number;
  let store: number;
  let van: number;
  const DATE = '2026-11-02';

  const call = (auth: Auth, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) => w.t.request(auth, { method, url, ...(payload ? { payload } : {}) });
  const ok = async (auth: Auth, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) => {
    const res = await call(auth, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const level = async (warehouseId: number, itemId: number) => (await ok(w.admin.auth, 'GET', `/api/v1/stock-levels?warehouseId=${warehouseId}&itemId=${itemId}`)).items[0] ?? null;
  /** Sends a document and expects one 400 naming `path` with `code`; returns the detail. */
  const refused = async (body: object, path: string, code: string, url = '/api/v1/stock-documents') => {
    const res = await call(w.admin.auth, 'POST', url, { date: DATE, ...body });
    expect(res.statusCode, res.body).toBe(400);
    const detail = (res.json().error.details as { path: string; code: string; message: string }[]).find((d) => d.path === path);
    expect(detail, res.body).toMatchObject({ code });
    return detail!;
  };

  beforeAll(async () => {
    w = await recordsWorld(engine);
    const item = async (body: object) => (await ok(w.admin.auth, 'POST', '/api/v1/items', body)).id as number;
    toner = await item({ code: 'TONER-305A', name: 'Toner HP 305A', unit: 'pcs', salePriceMinor: 1_990_00 });
    cable = await item({ code: 'CAB-UTP', name: 'Kabel UTP Cat6', unit: 'm', salePriceMinor: 25_00 });
    bags = await item({ code: 'BAG', name: 'Sáček', unit: 'ks', salePriceMinor: 1_00 });
    store = (await ok(w.admin.auth, 'POST', '/api/v1/warehouses', { code: 'MAIN', name: 'Hlavní sklad', kind: 'store' })).id;
    van = (await ok(w.admin.auth, 'POST', '/api/v1/warehouses', { code: 'VAN', name: 'Van', kind: 'van', ownerUserId: w.tech.id })).id;
    await ok(w.admin.auth, 'POST', '/api/v1/stock-documents', {
      kind: 'receipt', date: DATE, warehouseId: store, confirm: true,
      lines: [{ itemId: toner, quantity: '5', unitPriceMinor: 1_790_00 }, { itemId: cable, quantity: '100', unitPriceMinor: 14_50 }, { itemId: bags, quantity: '10', unitPriceMinor: 50 }],
    });
  });
  afterAll(() => w.t.close());

  it('refuses a fraction of an item counted in pieces on every kind of document, and moves nothing', async () => {
    const before = await level(store, toner);
    const half = { itemId: toner, quantity: '1.5' };
    const detail = await refused({ kind: 'receipt', warehouseId: store, lines: [{ ...half, unitPriceMinor: 1_790_00 }] }, 'lines.0.quantity', 'not_whole_units');
    expect(detail.message).toBe('1.5 is not a whole number: Toner HP 305A is counted in pieces');
    await refused({ kind: 'transfer', warehouseId: store, targetWarehouseId: van, lines: [half], confirm: true }, 'lines.0.quantity', 'not_whole_units');
    await refused({ kind: 'issue', warehouseId: store, ticketId: w.ticket.id, lines: [half], confirm: true }, 'lines.0.quantity', 'not_whole_units');
    await refused({ kind: 'count', warehouseId: store, reason: 'Inventura', lines: [half], confirm: true }, 'lines.0.quantity', 'not_whole_units');
    // A unit the user typed ("ks") counts pieces too; the second line is named.
    await refused({ kind: 'issue', warehouseId: store, ticketId: w.ticket.id, lines: [{ itemId: toner, quantity: '1' }, { itemId: bags, quantity: '0.5' }] }, 'lines.1.quantity', 'not_whole_units');
    expect(await level(store, toner)).toEqual(before);
  });

  it('lets measured units keep up to 3 decimal places', async () => {
    const slip = await ok(w.admin.auth, 'POST', '/api/v1/stock-documents', {
      kind: 'issue', date: DATE, warehouseId: store, ticketId: w.ticket.id, confirm: true, lines: [{ itemId: cable, quantity: '2.125' }, { itemId: toner, quantity: '1' }],
    });
    expect(slip.lines.map((l: { quantity: string }) => l.quantity)).toEqual(['2.125', '1']);
  });

  it('checks a draft again when it is confirmed', async () => {
    const draft = await ok(w.admin.auth, 'POST', '/api/v1/stock-documents', { kind: 'transfer', date: DATE, warehouseId: store, targetWarehouseId: van, lines: [{ itemId: cable, quantity: '1.5' }] });
    // The item is now counted in pieces: the stored 1.5 stays, but it cannot be confirmed.
    await ok(w.admin.auth, 'PATCH', `/api/v1/items/${cable}`, { unit: 'pcs' });
    const res = await call(w.admin.auth, 'POST', `/api/v1/stock-documents/${draft.id}/confirm`);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ path: 'lines.0.quantity', code: 'not_whole_units' })]);
    await ok(w.admin.auth, 'PATCH', `/api/v1/items/${cable}`, { unit: 'm' });
  });

  it('bounds quantities and prices where they enter', async () => {
    await refused({ kind: 'receipt', warehouseId: store, lines: [{ itemId: toner, quantity: '99999999999', unitPriceMinor: 1_790_00 }] }, 'lines.0.quantity', 'quantity_too_large');
    await refused({ kind: 'receipt', warehouseId: store, lines: [{ itemId: toner, quantity: '1', unitPriceMinor: 1_000_000_000_001 }] }, 'lines.0.unitPriceMinor', 'too_big');
    const res = await call(w.admin.auth, 'POST', '/api/v1/items', { code: 'GOLD', name: 'Zlato', unit: 'kg', salePriceMinor: 1_000_000_001 });
    expect(res.statusCode, res.body).toBe(400);
    const minimum = await call(w.admin.auth, 'PUT', `/api/v1/stock-levels/${store}/${cable}/minimum`, { minimum: '1000000.001' });
    expect(minimum.statusCode, minimum.body).toBe(400);
  });

  it('takes a minimum by the rule of the documents: whole pieces, within the bound, said on the field', async () => {
    const minimum = async (itemId: number, value: string) => call(w.admin.auth, 'PUT', `/api/v1/stock-levels/${store}/${itemId}/minimum`, { minimum: value });
    const refusedMinimum = async (itemId: number, value: string, code: string) => {
      const res = await minimum(itemId, value);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details, res.body).toEqual([expect.objectContaining({ path: 'minimum', code })]);
      return res.json().error.details[0].message as string;
    };
    expect(await refusedMinimum(toner, '2.5', 'not_whole_units')).toBe('2.5 is not a whole number: Toner HP 305A is counted in pieces');
    await refusedMinimum(bags, '0.5', 'not_whole_units');
    // Far past the bound (more digits than thousandths can hold exactly): too large, not "not a quantity".
    expect(await refusedMinimum(toner, '99999999999999', 'quantity_too_large')).toBe('99999999999999 is more than 1000000 units');
    await refusedMinimum(toner, '-1', 'quantity_not_positive');
    expect((await level(store, toner)).minimum).toBeNull();
    // Whole pieces and measured fractions are kept.
    expect((await minimum(toner, '3')).json()).toMatchObject({ minimum: '3' });
    expect((await minimum(cable, '2.5')).json()).toMatchObject({ minimum: '2.5' });
  });

  it('answers 400 amount_too_large, not 500, when the stock value would outgrow exact arithmetic', async () => {
    const gold = (await ok(w.admin.auth, 'POST', '/api/v1/items', { code: 'GOLD', name: 'Zlato', unit: 'kg' })).id as number;
    // Each line is within the bounds (10^15 minor units); ten of them are past 2^53.
    const line = { itemId: gold, quantity: '1000000', unitPriceMinor: 1_000_000_000 };
    const draft = await ok(w.admin.auth, 'POST', '/api/v1/stock-documents', { kind: 'receipt', date: DATE, warehouseId: store, lines: Array.from({ length: 10 }, () => line) });
    const res = await call(w.admin.auth, 'POST', `/api/v1/stock-documents/${draft.id}/confirm`);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'amount_too_large', details: [expect.objectContaining({ path: 'lines.9.quantity', code: 'amount_too_large' })] });
    expect(await level(store, gold)).toBeNull();
    expect((await ok(w.admin.auth, 'GET', `/api/v1/stock-documents/${draft.id}`)).state).toBe('draft');
  });
});
