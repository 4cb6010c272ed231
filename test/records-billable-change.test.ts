import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from './db.ts';
import { recordsWorld, type RecordsWorld } from './records.fixture.ts';

/**
 * A change of a record's work type that leaves `billable` out takes the new work type's
 * default, as logging does: work moved from a billable type to an internal one must not stay
 * billable and be invoiced. `billable` sent wins; other changes keep the record's own.
 */
describe.each(testEngines())('billable when a record changes on %s', (engine) => {
  let w: RecordsWorld;
  let ticketId: number;
  beforeAll(async () => {
    w = await recordsWorld(engine);
    ticketId = (await w.newTicket('Billable on change')).id;
  });
  afterAll(() => w.t.close());

  type Auth = RecordsWorld['tech']['auth'];
  const patch = (auth: Auth, id: number, payload: object) => w.t.request(auth, { method: 'PATCH', url: `/api/v1/records/${id}`, payload });
  const get = async (id: number) => (await w.t.request(w.manager.auth, { method: 'GET', url: `/api/v1/records/${id}` })).json();
  const logged = async (payload: object) => {
    const res = await w.log(w.tech.auth, { kind: 'work', date: '2026-10-20', startTime: '09:00', minutes: 30, workTypeId: w.wt.remote, ...payload }, ticketId);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const changed = async (auth: Auth, record: { id: number; version: number }, payload: object) => {
    const res = await patch(auth, record.id, { version: record.version, ...payload });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const audits = async (id: number) => {
    const rows = await w.t.database.db.selectFrom('audit_log').select(['action', 'before_json', 'after_json']).where('entity', '=', 'record').where('entity_id', '=', String(id)).orderBy('id').execute();
    return rows.map((r) => ({ action: r.action, before: JSON.parse(r.before_json ?? '{}'), after: JSON.parse(r.after_json ?? '{}') }));
  };

  it("follows the new work type's default when billable is left out, and the audit records the change", async () => {
    const work = await logged({});
    expect(work).toMatchObject({ billable: true, amountMinor: 400_00 });
    const internal = await changed(w.tech.auth, work, { workTypeId: w.wt.internal });
    expect(internal).toMatchObject({ workType: { id: w.wt.internal }, billable: false, amountMinor: 0, coverage: { kind: 'not_billable' } });
    const back = await changed(w.tech.auth, internal, { workTypeId: w.wt.remote });
    expect(back).toMatchObject({ workType: { id: w.wt.remote }, billable: true, amountMinor: 400_00 });

    const updates = (await audits(work.id)).filter((a) => a.action === 'update');
    expect(updates.map((a) => [a.before.workTypeId, a.before.billable, a.after.workTypeId, a.after.billable])).toEqual([
      [w.wt.remote, true, w.wt.internal, false],
      [w.wt.internal, false, w.wt.remote, true],
    ]);
  });

  it('keeps billable as sent, with or without another work type', async () => {
    const work = await logged({});
    const internal = await changed(w.tech.auth, work, { workTypeId: w.wt.internal, billable: true });
    expect(internal).toMatchObject({ workType: { id: w.wt.internal }, billable: true, amountMinor: 250_00 });
    const remote = await changed(w.tech.auth, internal, { workTypeId: w.wt.remote, billable: false });
    expect(remote).toMatchObject({ workType: { id: w.wt.remote }, billable: false, amountMinor: 0 });
  });

  it("keeps the record's own billable when the work type stays, also when it is sent unchanged", async () => {
    const ticked = await logged({ workTypeId: w.wt.internal, billable: true });
    const longer = await changed(w.tech.auth, ticked, { minutes: 60 });
    expect(longer).toMatchObject({ billable: true, minutes: 60 });
    const same = await changed(w.tech.auth, longer, { workTypeId: w.wt.internal, description: 'Oprava' });
    expect(same).toMatchObject({ workType: { id: w.wt.internal }, billable: true });
  });

  it('keeps billable of travel and fees, which have no work type, through any change', async () => {
    const travel = (await w.log(w.tech.auth, { kind: 'travel', date: '2026-10-20', km: '10', billable: false }, ticketId)).json();
    const zoned = await changed(w.tech.auth, travel, { km: '12', zoneId: w.zone.city });
    expect(zoned).toMatchObject({ km: '12', zone: { id: w.zone.city }, billable: false });
    const fee = (await w.log(w.tech.auth, { kind: 'fee', date: '2026-10-20', feeId: w.fee.callOut, billable: false }, ticketId)).json();
    expect(await changed(w.tech.auth, fee, { quantity: 2 })).toMatchObject({ quantity: '2', billable: false });
  });

  it('refuses to change a billed record or, without the right, an approved one, as before: nothing changes', async () => {
    const billed = await logged({});
    await w.t.database.db.updateTable('records').set({ state: 'billed', billed_invoice_id: 4712 }).where('id', '=', billed.id).execute();
    const locked = await patch(w.manager.auth, billed.id, { version: billed.version, workTypeId: w.wt.internal });
    expect(locked.statusCode, locked.body).toBe(409);
    expect(locked.json().error.code).toBe('record_locked');
    expect(await get(billed.id)).toMatchObject({ workType: { id: w.wt.remote }, billable: true, version: billed.version });

    const approved = await logged({});
    expect((await w.t.request(w.tech.auth, { method: 'POST', url: `/api/v1/records/${approved.id}/submit` })).statusCode).toBe(200);
    expect((await w.t.request(w.manager.auth, { method: 'POST', url: '/api/v1/records/approve', payload: { ids: [approved.id] } })).statusCode).toBe(200);
    const now = await get(approved.id);
    const refused = await patch(w.tech.auth, approved.id, { version: now.version, workTypeId: w.wt.internal });
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().error.code).toBe('record_approved');
    expect(await get(approved.id)).toMatchObject({ state: 'approved', workType: { id: w.wt.remote }, billable: true, version: now.version });
    expect((await audits(approved.id)).map((a) => a.action)).toEqual(['create', 'submit', 'approve']);
  });

  it('says so in the API description', async () => {
    const spec = (await w.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const operation = spec.paths['/api/v1/records/{id}'].patch;
    expect(operation.description).toContain("A change of workTypeId without billable sets billable as the new work type's billableDefault says");
    expect(JSON.stringify(operation.requestBody)).toContain("unless workTypeId changes the work type: then as the new work type's billableDefault says");
  });
});
