import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Auth } from './app.ts';
import { testEngines } from './db.ts';
import { recordsWorld, type RecordsWorld } from './records.fixture.ts';

/**
 * Travel km in the week timesheets, on both engines: per day beside the minutes, on a
 * day of km-only travel, not on a day of material only (its quantity is pieces, not
 * km), summed exactly (0.1 + 0.2 km is 0.3), in every state the timesheet counts, and
 * only the technician's own.
 */
describe.each(testEngines())('km in the week timesheets on %s', (engine) => {
  let w: RecordsWorld;
  let teamId: number;
  const START = '2026-10-19'; // Monday

  const ok = async (auth: Auth, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await w.t.request(auth, { method, url, ...(payload ? { payload } : {}) });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const log = async (auth: Auth, payload: object) => (await ok(auth, 'POST', `/api/v1/tickets/${w.ticket.id}/records`, payload)).id as number;

  beforeAll(async () => {
    w = await recordsWorld(engine);
    const { tech, tech2, manager, admin } = w;
    // Monday: work and travel with km.
    await log(tech.auth, { kind: 'work', date: '2026-10-19', startTime: '09:00', minutes: 60, workTypeId: w.wt.remote });
    await log(tech.auth, { kind: 'travel', date: '2026-10-19', minutes: 30, km: '36.5' });
    // Tuesday: km-only travel, twice: 0.1 + 0.2 km.
    await log(tech.auth, { kind: 'travel', date: '2026-10-20', km: '0.1' });
    await log(tech.auth, { kind: 'travel', date: '2026-10-20', km: 0.2 });
    // Wednesday: material only (2 pieces), issued from the technician's van.
    const item = (await ok(admin.auth, 'POST', '/api/v1/items', { code: 'SSD', name: 'SSD 1 TB', unit: 'pcs', salePriceMinor: 1_990_00 })).id;
    const van = (await ok(admin.auth, 'POST', '/api/v1/warehouses', { code: 'VAN', name: 'Van', kind: 'van', ownerUserId: tech.id })).id;
    await ok(admin.auth, 'POST', '/api/v1/stock-documents', { kind: 'receipt', date: '2026-10-01', warehouseId: van, lines: [{ itemId: item, quantity: '5', unitPriceMinor: 1_500_00 }], confirm: true });
    await ok(tech.auth, 'POST', '/api/v1/stock-documents', { kind: 'issue', date: '2026-10-21', warehouseId: van, ticketId: w.ticket.id, lines: [{ itemId: item, quantity: '2' }], confirm: true });
    // Thursday submitted, Friday approved: the timesheet counts every state.
    const submitted = await log(tech.auth, { kind: 'travel', date: '2026-10-22', km: '12' });
    await ok(tech.auth, 'POST', `/api/v1/records/${submitted}/submit`);
    const approved = await log(tech.auth, { kind: 'travel', date: '2026-10-23', minutes: 20, km: '7.25' });
    await ok(tech.auth, 'POST', `/api/v1/records/${approved}/submit`);
    await ok(manager.auth, 'POST', `/api/v1/records/${approved}/approve`);
    // Another technician's travel on Monday, and travel of the week after.
    await log(tech2.auth, { kind: 'travel', date: '2026-10-19', km: '1000' });
    await log(tech.auth, { kind: 'travel', date: '2026-10-26', km: '5' });
    teamId = (await ok(admin.auth, 'POST', '/api/v1/teams', { name: 'Výjezdy', members: [tech.id, tech2.id] })).id;
  });
  afterAll(() => w.t.close());

  const kmOf = (days: ({ km: string } | null)[]) => days.map((d) => d?.km ?? null);

  it("gives a technician's own week km per day and in total, exactly, every state counted", async () => {
    const sheet = await ok(w.tech.auth, 'GET', `/api/v1/timesheets/week?start=${START}`);
    const row = sheet.byTechnician[0];
    expect(row.technician.id).toBe(w.tech.id);
    expect(kmOf(row.days)).toEqual(['36.5', '0.3', '0', '12', '7.25', null, null]);
    // Travel time is its own figure, never billable work (a trip is billed by km unless the price list has a travel time rate).
    expect(row.days[0]).toMatchObject({ billableMinutes: 60, travelMinutes: 30, records: 2 });
    expect(row.total).toMatchObject({ billableMinutes: 60, nonBillableMinutes: 0, travelMinutes: 50 });
    expect(row.days[1]).toMatchObject({ billableMinutes: 0, nonBillableMinutes: 0, km: '0.3', records: 2 });
    // Material only: a record, no minutes, no km (its 2 pieces are not km).
    expect(row.days[2]).toMatchObject({ billableMinutes: 0, nonBillableMinutes: 0, km: '0', records: 1 });
    expect(row.total.km).toBe('56.05');
    expect(sheet.total).toMatchObject({ km: '56.05', records: 7 });
    expect(sheet.byTicket.map((r: { total: { km: string } }) => r.total.km)).toEqual(['56.05']);
    // An approver sees the same week of someone else.
    const seen = await ok(w.manager.auth, 'GET', `/api/v1/timesheets/week?start=${START}&technicianId=${w.tech.id}`);
    expect(kmOf(seen.byTechnician[0].days)).toEqual(kmOf(row.days));
    expect(seen.total.km).toBe('56.05');
  });

  it("sums km in a team's week per technician, ticket and day, the same as each own week", async () => {
    const sheet = await ok(w.manager.auth, 'GET', `/api/v1/timesheets/team-week?start=${START}&teamId=${teamId}`);
    const rowOf = (id: number) => sheet.byTechnician.find((r: { technician: { id: number } }) => r.technician.id === id);
    expect(kmOf(rowOf(w.tech.id).days)).toEqual(['36.5', '0.3', '0', '12', '7.25', null, null]);
    expect(rowOf(w.tech.id).total.km).toBe('56.05');
    // Summed by the database: travel minutes apart there too.
    expect(rowOf(w.tech.id).total).toMatchObject({ billableMinutes: 60, nonBillableMinutes: 0, travelMinutes: 50 });
    expect(rowOf(w.tech.id).days[0]).toMatchObject({ billableMinutes: 60, travelMinutes: 30 });
    expect(kmOf(rowOf(w.tech2.id).days)).toEqual(['1000', null, null, null, null, null, null]);
    expect(sheet.total.km).toBe('1056.05');
    expect(sheet.byTicket[0].days[0].km).toBe('1036.5');
    const own = await ok(w.tech2.auth, 'GET', `/api/v1/timesheets/week?start=${START}`);
    expect(own.total).toMatchObject({ km: '1000', records: 1 });
  });

  it('documents travel time apart and the amount as list prices in OpenAPI', async () => {
    const spec = JSON.stringify((await w.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths['/api/v1/timesheets/week'].get.responses['200']);
    expect(spec).toContain('travelMinutes');
    expect(spec).toContain('travel time is not in it');
    expect(spec).toContain('list prices');
  });
});
