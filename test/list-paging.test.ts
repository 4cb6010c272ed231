import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../src/modules/identity/index.ts';
import type { Auth } from './app.ts';
import { testEngines } from './db.ts';
import { recordsWorld, type RecordsWorld } from './records.fixture.ts';

/**
 * Keyset paging of the lists outside the tickets (items, stock documents, stock levels,
 * users, clients) on both engines: following `nextCursor` page by page, with pages of
 * every size from 1 to 4, gives exactly the rows of one big page, in the list's order,
 * also where rows tie on the leading sort key (same name, same date).
 */
describe.each(testEngines())('list paging on %s', (engine) => {
  let w: RecordsWorld;
  const DATES = ['2026-11-02', '2026-11-03', '2026-11-03', '2026-11-03', '2026-11-05', '2026-11-05', '2026-11-06'];

  const ok = async (auth: Auth, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await w.t.request(auth, { method, url, ...(payload ? { payload } : {}) });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };

  /** Every page of `url` with `limit`, following the cursor; the ids in order. */
  async function paged(url: string, limit: number, idOf: (row: Record<string, unknown>) => string | number): Promise<(string | number)[]> {
    const ids: (string | number)[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const body = await ok(w.admin.auth, 'GET', `${url}${url.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      ids.push(...(body.items as Record<string, unknown>[]).map(idOf));
      cursor = body.nextCursor;
      expect(++pages, `${url}: the cursor keeps going`).toBeLessThan(100);
    } while (cursor);
    return ids;
  }

  async function expectPagesMatchOnePage(url: string, idOf: (row: Record<string, unknown>) => string | number, atLeast: number) {
    const whole: (string | number)[] = (await ok(w.admin.auth, 'GET', `${url}${url.includes('?') ? '&' : '?'}limit=200`)).items.map(idOf);
    expect(whole.length).toBeGreaterThanOrEqual(atLeast);
    for (const limit of [1, 2, 3, 4]) expect(await paged(url, limit, idOf), `${url} by ${limit}`).toEqual(whole);
    return whole;
  }

  beforeAll(async () => {
    w = await recordsWorld(engine);
    const items: number[] = [];
    // Three items share a name: the id breaks the tie.
    for (const [code, name] of [['K1', 'Kabel'], ['A1', 'Adaptér'], ['K2', 'Kabel'], ['M1', 'Myš'], ['K3', 'Kabel'], ['Z1', 'Zdroj']] as const) {
      items.push((await ok(w.admin.auth, 'POST', '/api/v1/items', { code, name, unit: 'pcs', salePriceMinor: 100_00 })).id);
    }
    const store = (await ok(w.admin.auth, 'POST', '/api/v1/warehouses', { code: 'MAIN', name: 'Hlavní sklad', kind: 'store', userIds: [w.operator.id] })).id;
    const second = (await ok(w.admin.auth, 'POST', '/api/v1/warehouses', { code: 'BRNO', name: 'Sklad Brno', kind: 'store', userIds: [w.operator.id] })).id;
    // Receipts on tied dates, into two warehouses, each item somewhere: documents and stock levels to page.
    for (const [i, date] of DATES.entries()) {
      await ok(w.admin.auth, 'POST', '/api/v1/stock-documents', {
        kind: 'receipt', date, warehouseId: i % 2 ? second : store, lines: [{ itemId: items[i % items.length], quantity: '2', unitPriceMinor: 50_00 }], confirm: true,
      });
    }
    for (const email of ['zdenek@test.kontor', 'adam@test.kontor', 'marie@test.kontor']) await w.t.userWith(['technician'], { email });
    // Clients of the same name sort by id among themselves.
    for (const name of ['Strojírny Brno', 'Alfa servis', 'Strojírny Brno', 'Strojírny Brno']) {
      await w.t.services.customers.create(systemContext, { name, country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14 });
    }
  });
  afterAll(() => w.t.close());

  it('items: by name, then id', async () => {
    const rows = (await ok(w.admin.auth, 'GET', '/api/v1/items?limit=200')).items as { id: number; name: string }[];
    const sorted = [...rows].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
    expect(rows.map((r) => r.id)).toEqual(sorted.map((r) => r.id));
    expect(rows.filter((r) => r.name === 'Kabel')).toHaveLength(3);
    await expectPagesMatchOnePage('/api/v1/items', (r) => r.id as number, 6);
  });

  it('stock documents: newest date first, then the higher id', async () => {
    const rows = (await ok(w.admin.auth, 'GET', '/api/v1/stock-documents?limit=200')).items as { id: number; date: string }[];
    expect(rows.map((r) => r.date)).toEqual([...DATES].reverse());
    for (let i = 1; i < rows.length; i++) if (rows[i]!.date === rows[i - 1]!.date) expect(rows[i]!.id).toBeLessThan(rows[i - 1]!.id);
    await expectPagesMatchOnePage('/api/v1/stock-documents', (r) => r.id as number, DATES.length);
  });

  it('stock levels: by warehouse, then item', async () => {
    const key = (r: Record<string, unknown>) => `${r.warehouseId}:${r.itemId}`;
    const whole = await expectPagesMatchOnePage('/api/v1/stock-levels', key, 6);
    const pairs = whole.map((k) => String(k).split(':').map(Number) as [number, number]);
    expect(pairs).toEqual([...pairs].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
  });

  it('users: by e-mail, then id', async () => {
    const rows = (await ok(w.admin.auth, 'GET', '/api/v1/users?active=all&limit=200')).items as { id: number; email: string }[];
    expect(rows.map((r) => r.email)).toEqual([...rows.map((r) => r.email)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    await expectPagesMatchOnePage('/api/v1/users?active=all', (r) => r.id as number, 8);
  });

  it('clients: by name as searched (without diacritics), then id', async () => {
    const rows = (await ok(w.admin.auth, 'GET', '/api/v1/clients?active=all&limit=200')).items as { id: number; name: string }[];
    const brno = rows.filter((r) => r.name === 'Strojírny Brno').map((r) => r.id);
    expect(brno).toHaveLength(3);
    expect(brno).toEqual([...brno].sort((a, b) => a - b));
    await expectPagesMatchOnePage('/api/v1/clients?active=all', (r) => r.id as number, 5);
  });
});
