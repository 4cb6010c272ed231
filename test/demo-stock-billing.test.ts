import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../src/cli/demo-data.ts';
import { DEMO_STOCK, DEMO_VAN_STOCK } from '../src/cli/demo-warehouse.ts';
import { createTestApp, type Auth, type TestApp } from './app.ts';

// The demo is for trying Kontor as its users would: the technician finds material in
// his van and issues it on a ticket, and the month's run gives complete tax documents
// (every customer with its address and IČO).
describe('the demo: stock in the van, complete customers on invoices', () => {
  let t: TestApp;
  let technician: Auth;
  let manager: Auth;
  const call = (auth: Auth, method: 'GET' | 'POST', url: string, payload?: object) => t.request(auth, { method, url, ...(payload ? { payload } : {}) });
  const ok = async (auth: Auth, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await call(auth, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    await seedDemo(t.services);
    technician = await t.signIn('technician@kontor.demo', DEMO_PASSWORD);
    manager = await t.signIn('manager@kontor.demo', DEMO_PASSWORD);
  }, 120_000);
  afterAll(() => t.close());

  it("fills the technician's van from the store's receipt, and he issues material from it on a ticket", async () => {
    const warehouses: Array<{ id: number; code: string }> = (await ok(technician, 'GET', '/api/v1/warehouses')).items;
    const van = warehouses.find((w) => w.code === 'VAN-TECHNIK')!;
    const levels: Array<{ itemId: number; itemCode: string; quantity: string }> = (await ok(technician, 'GET', `/api/v1/stock-levels?warehouseId=${van.id}&limit=100`)).items;
    const held = Object.fromEntries(levels.map((l) => [l.itemCode, Number(l.quantity)]));
    expect(held).toEqual(DEMO_VAN_STOCK);
    for (const code of Object.keys(DEMO_VAN_STOCK)) expect(held[code], code).toBeGreaterThan(0);
    // The store keeps the rest; no SSD, so the billing examples' own receipt sets example A's cost.
    const store = (await ok(manager, 'GET', '/api/v1/warehouses')).items.find((w: { code: string }) => w.code === 'HLAVNI');
    const inStore = Object.fromEntries(((await ok(manager, 'GET', `/api/v1/stock-levels?warehouseId=${store.id}&limit=100`)).items as Array<{ itemCode: string; quantity: string }>).map((l) => [l.itemCode, Number(l.quantity)]));
    for (const line of DEMO_STOCK) expect(inStore[line.code] ?? 0, line.code).toBe(line.received - line.toVan);

    // From the van, as a technician does on site: two RAM modules on the printer ticket.
    const tickets: Array<{ id: number; subject: string }> = (await ok(technician, 'GET', '/api/v1/tickets?limit=50')).items;
    const ticket = tickets.find((tk) => tk.subject === 'Tiskárna v účtárně netiskne')!;
    const ram = levels.find((l) => l.itemCode === 'RAM-16')!;
    const slip = await ok(technician, 'POST', '/api/v1/stock-documents', { kind: 'issue', date: '2026-11-27', warehouseId: van.id, ticketId: ticket.id, lines: [{ itemId: ram.itemId, quantity: '2' }], confirm: true });
    expect(slip).toMatchObject({ kind: 'issue', state: 'confirmed', ticket: { id: ticket.id } });
    const after = (await ok(technician, 'GET', `/api/v1/stock-levels?warehouseId=${van.id}&itemId=${ram.itemId}`)).items[0];
    expect(Number(after.quantity)).toBe(DEMO_VAN_STOCK['RAM-16']! - 2);
  });

  it('runs October with every example client a complete customer: each document names its address and IČO', async () => {
    const run = await ok(manager, 'POST', '/api/v1/billing-runs', { period: '2026-10' });
    await t.services.billing.runs.settled(run.id);
    const done = await ok(manager, 'GET', `/api/v1/billing-runs/${run.id}`);
    expect(done.state).toBe('completed');
    const drafts: Array<{ invoiceId: number; clientName: string; buyerMissing: string[] }> = done.result.drafts;
    expect(drafts.length).toBeGreaterThanOrEqual(3);
    expect(drafts.filter((d) => d.buyerMissing.length > 0)).toEqual([]);
    const issued = await ok(manager, 'POST', '/api/v1/invoices/issue', { ids: drafts.map((d) => d.invoiceId) });
    expect(issued.notIssued).toEqual([]);
    for (const { id } of issued.issued) {
      const doc = await ok(manager, 'GET', `/api/v1/invoices/${id}/document`);
      expect(doc.customer.companyId, doc.customer.name).toMatch(/^\d{8}$/);
      for (const part of ['street', 'city', 'postalCode', 'country'] as const) expect(doc.customer.address[part], `${doc.customer.name}: ${part}`).not.toBe('');
    }
  });
});
