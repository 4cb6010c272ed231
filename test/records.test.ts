import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from './db.ts';
import { recordCount, recordsWorld, type RecordsWorld } from './records.fixture.ts';

describe.each(testEngines())('service records on %s', (engine) => {
  let w: RecordsWorld;
  beforeAll(async () => {
    w = await recordsWorld(engine);
  });
  afterAll(() => w.t.close());

  const get = (auth: RecordsWorld['tech']['auth'], id: number) => w.t.request(auth, { method: 'GET', url: `/api/v1/records/${id}` });
  const patch = (auth: RecordsWorld['tech']['auth'], id: number, payload: object) => w.t.request(auth, { method: 'PATCH', url: `/api/v1/records/${id}`, payload });
  const act = (auth: RecordsWorld['tech']['auth'], id: number, action: 'submit' | 'approve' | 'return') => w.t.request(auth, { method: 'POST', url: `/api/v1/records/${id}/${action}` });
  const work = (extra: object = {}) => ({ kind: 'work', date: '2026-10-20', startTime: '09:00', minutes: 30, workTypeId: w.wt.remote, description: 'Práce', ...extra });

  it('prices BILLING.md example A recorded through the API, with costs, and hides costs from a technician', async () => {
    const ticket = await w.newTicket('Example A');
    const entries = [
      { body: { kind: 'work', date: '2026-10-05', startTime: '09:00', minutes: 50, workTypeId: w.wt.remote, description: 'Vzdálená správa' }, amount: 800_00, billable: 60, timeClass: 'normal', cost: 375_00 },
      { body: { kind: 'work', date: '2026-10-12', startTime: '18:30', endTime: '20:10', workTypeId: w.wt.onSite, description: 'Výměna disku' }, amount: 2_625_00, billable: 105, timeClass: 'out_of_hours', cost: 750_00 },
      { body: { kind: 'travel', date: '2026-10-12', km: '36', vehicle: '1AB 2345' }, amount: 432_00, billable: null, timeClass: null, cost: 180_00 },
      { body: { kind: 'fee', date: '2026-10-12', feeId: w.fee.callOut, quantity: 1 }, amount: 300_00, billable: null, timeClass: null, cost: 0 },
      { body: { kind: 'work', date: '2026-10-28', startTime: '10:00', minutes: 45, workTypeId: w.wt.onSite, description: 'Svátek' }, amount: 2_000_00, billable: 60, timeClass: 'weekend_holiday', cost: 337_50 },
    ];
    let total = 0;
    for (const e of entries) {
      const res = await w.log(w.tech.auth, e.body, ticket.id);
      expect(res.statusCode, res.body).toBe(201);
      const mine = res.json();
      // Field scope: a technician sees the price of the work, never its internal cost.
      expect(mine.amountMinor).toBe(e.amount);
      expect(mine).not.toHaveProperty('costMinor');
      expect((mine.price.explanation ?? []).some((l: string) => l.startsWith('Internal cost'))).toBe(false);
      expect(mine).toMatchObject({ state: 'draft', technician: { id: w.tech.id }, client: { id: w.clientId }, price: { status: 'priced', currency: 'CZK', billableMinutes: e.billable }, timeClass: e.timeClass });
      const seen = (await get(w.manager.auth, mine.id)).json();
      expect(seen).toMatchObject({ amountMinor: e.amount, costMinor: e.cost, price: { status: 'priced', vatCategory: 'standard', costCurrency: 'CZK' } });
      expect(seen.price.explanation.length).toBeGreaterThan(0);
      // The client's own list (also the default here): pricing names where it took it from.
      expect(seen.price.explanation[0]).toContain("(the client's)");
      const operatorView = (await get(w.operator.auth, mine.id)).json();
      expect(operatorView.amountMinor).toBe(e.amount);
      expect(operatorView).not.toHaveProperty('costMinor');
      expect(operatorView.price.explanation.some((l: string) => l.startsWith('Internal cost'))).toBe(false);
      total += seen.amountMinor;
    }
    expect(total).toBe(6_157_00); // 9 937.00 less the SSD (the warehouse's)
    const list = (await w.t.request(w.manager.auth, { method: 'GET', url: `/api/v1/tickets/${ticket.id}/records` })).json().items;
    expect(list.map((r: { kind: string }) => r.kind)).toEqual(['work', 'work', 'travel', 'fee', 'work']);
    expect(list[2]).toMatchObject({ km: '36', vehicle: '1AB 2345' });
  });

  it('logs a work entry through POST /work-entries, the ticket named in the body; refuses a body without one', async () => {
    const ticket = await w.newTicket('Work entries');
    const res = await w.t.request(w.tech.auth, { method: 'POST', url: '/api/v1/work-entries', payload: { ticketId: ticket.id, date: '2026-10-05', startTime: '09:00', minutes: 50, workTypeId: w.wt.remote, description: 'Vzdálená správa' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'work', ticket: { id: ticket.id }, amountMinor: 800_00, price: { status: 'priced', billableMinutes: 60 } });
    const before = await recordCount(w.t);
    const missing = await w.t.request(w.tech.auth, { method: 'POST', url: '/api/v1/work-entries', payload: { date: '2026-10-05', minutes: 50, workTypeId: w.wt.remote } });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('ticketId');
    const travel = await w.t.request(w.tech.auth, { method: 'POST', url: '/api/v1/work-entries', payload: { ticketId: ticket.id, kind: 'travel', date: '2026-10-05', km: '3' } });
    expect(travel.statusCode).toBe(400);
    expect(await recordCount(w.t)).toBe(before);
  });

  it('prices from memory, and a change of the price list is seen by the next record', async () => {
    const ticket = await w.newTicket('Pricing memory');
    // Saturday 31 October (weekend +100 %), after every other record of these tests.
    const first = (await w.log(w.tech.auth, work({ date: '2026-10-31', minutes: 60 }), ticket.id)).json();
    expect(first.amountMinor).toBe(1_600_00);
    // The Standard list's current version: raise the remote rate and log again.
    const lists = (await w.t.request(w.manager.auth, { method: 'GET', url: '/api/v1/price-lists' })).json();
    const list = lists.items.find((l: { isDefault: boolean }) => l.isDefault);
    const detail = (await w.t.request(w.manager.auth, { method: 'GET', url: `/api/v1/price-lists/${list.id}` })).json();
    const version = detail.versions.at(-1);
    const workRates = version.terms.workRates.map((r: { workTypeId: number; hourlyRateMinor: number }) => (r.workTypeId === w.wt.remote ? { ...r, hourlyRateMinor: 900_00 } : r));
    const added = await w.t.request(w.manager.auth, { method: 'POST', url: `/api/v1/price-lists/${list.id}/versions`, payload: { validFrom: '2026-10-31', terms: { ...version.terms, workRates } } });
    expect(added.statusCode, added.body).toBe(201);
    const second = (await w.log(w.tech.auth, work({ date: '2026-10-31', minutes: 60 }), ticket.id)).json();
    expect(second.amountMinor).toBe(1_800_00);
  });

  it('stores a record whose work type has no rate as "no price" with the reason, never as 0', async () => {
    const res = await w.log(w.tech.auth, work({ workTypeId: w.wt.unpriced }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().price).toMatchObject({ status: 'no_price', reason: 'no_rate' });
    expect(res.json().price.message).toMatch(/rate/i);
    const seen = (await get(w.manager.auth, res.json().id)).json();
    expect(seen.amountMinor).toBeNull();
    expect(seen.costMinor).toBe(225_00);
    // Billable follows the work type unless given; a non-billable entry is priced 0 on purpose.
    const internal = (await w.log(w.manager.auth, work({ workTypeId: w.wt.internal }))).json();
    expect(internal).toMatchObject({ billable: false, amountMinor: 0, price: { status: 'priced' } });
  });

  it("logs billable as the work type's default when it is left out, on every way in; billable sent wins", async () => {
    const ticket = await w.newTicket('Billable default');
    const logged = async (payload: object) => {
      const res = await w.log(w.tech.auth, payload, ticket.id);
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    const internal = await logged(work({ workTypeId: w.wt.internal }));
    expect(internal).toMatchObject({ billable: false, amountMinor: 0, coverage: { kind: 'not_billable' } });
    expect(await logged(work({ workTypeId: w.wt.internal, billable: true }))).toMatchObject({ billable: true, amountMinor: 250_00 });
    expect(await logged(work())).toMatchObject({ billable: true, amountMinor: 400_00 });
    expect(await logged(work({ billable: false }))).toMatchObject({ billable: false, amountMinor: 0 });
    // Travel and fees have no work type: billable unless sent otherwise.
    expect(await logged({ kind: 'travel', date: '2026-10-20', km: '10' })).toMatchObject({ billable: true });
    expect(await logged({ kind: 'fee', date: '2026-10-20', feeId: w.fee.callOut })).toMatchObject({ billable: true });

    const entry = await w.t.request(w.tech.auth, { method: 'POST', url: '/api/v1/work-entries', payload: { ticketId: ticket.id, date: '2026-10-20', minutes: 30, workTypeId: w.wt.internal } });
    expect(entry.statusCode, entry.body).toBe(201);
    expect(entry.json()).toMatchObject({ billable: false });

    // A stopped timer: billable as the work type it is logged with, not the timer's start.
    expect((await w.t.request(w.tech.auth, { method: 'POST', url: '/api/v1/timers', payload: { ticketId: ticket.id, workTypeId: w.wt.remote } })).statusCode).toBe(201);
    const stopped = await w.t.request(w.tech.auth, { method: 'POST', url: '/api/v1/timers/me/stop', payload: { minutes: 30, workTypeId: w.wt.internal } });
    expect(stopped.statusCode, stopped.body).toBe(201);
    expect(stopped.json()).toMatchObject({ workType: { id: w.wt.internal }, billable: false });

    // A change that moves it to another work type takes that type's default unless billable is sent
    // (records-billable-change.test.ts); billable alone changes it.
    const moved = await patch(w.tech.auth, internal.id, { version: internal.version, workTypeId: w.wt.remote, billable: false });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ workType: { id: w.wt.remote }, billable: false });
    const billed = await patch(w.tech.auth, internal.id, { version: moved.json().version, billable: true });
    expect(billed.json()).toMatchObject({ billable: true, amountMinor: 400_00 });

    // The API description says so.
    const spec = JSON.stringify((await w.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths['/api/v1/tickets/{id}/records'].post.requestBody);
    expect(spec).toContain("left out: a work entry as its work type's billableDefault says");
  });

  it('refuses bad input with a 4xx naming the field, and changes nothing', async () => {
    const before = await recordCount(w.t);
    const cases: [object, string, string][] = [
      [work({ minutes: 0 }), 'minutes', 'minutes_not_positive'],
      [work({ minutes: -15 }), 'minutes', 'minutes_not_positive'],
      [work({ minutes: 24 * 60 + 1 }), 'minutes', 'too_long'],
      [work({ date: '2026-11-04' }), 'date', 'date_in_future'],
      [work({ date: '1999-12-31' }), 'date', 'date_too_early'],
      [work({ date: '2026-02-30' }), 'date', 'invalid_date'],
      [work({ minutes: 30, endTime: '10:00' }), 'minutes', 'minutes_mismatch'],
      // An end before the start is refused, never read as 23 hours across midnight.
      [work({ startTime: '14:00', endTime: '13:00', minutes: undefined }), 'endTime', 'end_before_start'],
      [work({ minutes: undefined }), 'minutes', 'required'],
      [work({ workTypeId: 999999 }), 'workTypeId', 'unknown_reference'],
      [work({ timeClass: 'weekend_holiday' }), 'timeClass', 'not_allowed'],
      [work({ technicianId: w.tech2.id }), 'technicianId', 'not_allowed'],
      [work({ dimensions: { NOPE: 'X' } }), 'dimensions.NOPE', 'unknown_dimension'],
      [{ kind: 'travel', date: '2026-10-20', km: '1.2345' }, 'km', 'invalid_decimal'],
      [{ kind: 'travel', date: '2026-10-20', km: -3 }, 'km', 'not_positive'],
      [{ kind: 'travel', date: '2026-10-20' }, 'km', 'required'],
      // 0 km with neither a zone nor travel time would log a trip that bills nothing.
      [{ kind: 'travel', date: '2026-10-20', km: '0' }, 'km', 'travel_empty'],
      [{ kind: 'fee', date: '2026-10-20', feeId: w.fee.callOut, quantity: 0 }, 'quantity', 'not_positive'],
      // Beyond any real trip or count (and beyond a 32-bit column on PostgreSQL): a typing slip, named.
      [{ kind: 'travel', date: '2026-10-20', km: '1000000.5' }, 'km', 'too_large'],
      [{ kind: 'fee', date: '2026-10-20', feeId: w.fee.callOut, quantity: 3_000_000 }, 'quantity', 'too_large'],
    ];
    for (const [payload, path, code] of cases) {
      const res = await w.log(w.tech.auth, payload);
      expect([path, res.statusCode]).toEqual([path, 400]);
      expect(res.json().error.details, res.body).toEqual(expect.arrayContaining([expect.objectContaining({ path, code })]));
    }
    expect((await w.log(w.tech.auth, { ...work(), km: 5 })).statusCode).toBe(400);
    // Far too many minutes: the refusal names the limit, in minutes and hours.
    const tooLong = (await w.log(w.tech.auth, work({ minutes: 99999 }))).json().error.details[0];
    expect(tooLong).toMatchObject({ path: 'minutes', code: 'too_long' });
    expect(tooLong.message).toContain('at most 1440 minutes (24 hours)');
    expect(await recordCount(w.t)).toBe(before);
    // 2026-11-03 is tomorrow for the pinned clock: allowed. Approvers may override the time class and log for others.
    expect((await w.log(w.tech.auth, work({ date: '2026-11-03' }))).statusCode).toBe(201);
    const overridden = await w.log(w.manager.auth, work({ timeClass: 'weekend_holiday', technicianId: w.tech2.id }));
    expect(overridden.json()).toMatchObject({ timeClass: 'weekend_holiday', timeClassOverridden: true, technician: { id: w.tech2.id }, amountMinor: 800_00 });
  });

  it('inherits the ticket’s dimensions, re-prices on edit, and keeps records inside the ticket scope', async () => {
    const dim = await w.t.request(w.admin.auth, { method: 'POST', url: '/api/v1/dimensions', payload: { code: 'service', name: 'Služba', values: [{ code: 'email', name: 'E-mail' }, { code: 'print', name: 'Tisk' }] } });
    expect(dim.statusCode, dim.body).toBe(201);
    const tagged = (await w.t.request(w.operator.auth, { method: 'POST', url: '/api/v1/tickets', payload: { clientId: w.clientId, subject: 'Dims', queueId: w.queueId, dimensions: { service: 'email' } } })).json();
    expect((await w.log(w.tech.auth, work(), tagged.id)).json().dimensions).toEqual({ service: 'email' });
    expect((await w.log(w.tech.auth, work({ dimensions: { service: 'print' } }), tagged.id)).json().dimensions).toEqual({ service: 'print' });
    expect((await w.log(w.tech.auth, work({ dimensions: { service: null } }), tagged.id)).json().dimensions).toEqual({});

    const rec = (await w.log(w.tech.auth, work({ minutes: 20 }))).json();
    expect((await get(w.manager.auth, rec.id)).json().amountMinor).toBe(400_00);
    const edited = await patch(w.tech.auth, rec.id, { version: rec.version, minutes: 70, workTypeId: w.wt.development });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ minutes: 70, workType: { id: w.wt.development }, price: { billableMinutes: 75 }, version: 2 });
    expect((await get(w.manager.auth, rec.id)).json().amountMinor).toBe(1_500_00);
    expect((await patch(w.tech.auth, rec.id, { version: 1, minutes: 10 })).json().error.code).toBe('stale_version');
    expect((await patch(w.tech.auth, rec.id, { version: 2, km: 5 })).json().error.details[0]).toMatchObject({ path: 'km', code: 'not_applicable' });
    // Someone else's record: only approvers may change it; outside one's queues it does not exist.
    expect((await patch(w.tech2.auth, rec.id, { version: 2, minutes: 5 })).json().error.code).toBe('not_own_record');
    const outsider = await w.t.userWith(['technician']);
    const token = await w.t.tokenFor(outsider.id);
    expect((await get(token, rec.id)).statusCode).toBe(404);
    expect((await w.log(token, work())).statusCode).toBe(404);
    const audit = await w.t.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'record').where('entity_id', '=', String(rec.id)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('runs draft → submitted → approved, bulk approval all or nothing, returns, and auto-approval', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push((await w.log(w.tech.auth, work({ date: `2026-10-0${i + 1}` }))).json().id);
    expect((await act(w.tech.auth, ids[0]!, 'submit')).json().state).toBe('submitted');
    expect((await act(w.tech.auth, ids[1]!, 'submit')).statusCode).toBe(200);
    expect((await act(w.tech.auth, ids[0]!, 'submit')).json().error.code).toBe('invalid_state');
    expect((await act(w.tech.auth, ids[0]!, 'approve')).statusCode).toBe(403);
    // The approval queue, paged one by one.
    const queue: number[] = [];
    let cursor: string | null = null;
    do {
      const body = (await w.t.request(w.manager.auth, { method: 'GET', url: `/api/v1/records?state=submitted&technicianId=${w.tech.id}&limit=1${cursor ? `&cursor=${cursor}` : ''}` })).json() as { items: { id: number }[]; nextCursor: string | null };
      queue.push(...body.items.map((r) => r.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(queue).toEqual([ids[0], ids[1]]);

    const refused = await w.t.request(w.manager.auth, { method: 'POST', url: '/api/v1/records/approve', payload: { ids: [ids[0], ids[2], 987654] } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'approval_refused' });
    expect(refused.json().error.rejected).toEqual([
      { id: ids[2], reasons: [expect.objectContaining({ code: 'not_submitted' })] },
      { id: 987654, reasons: [expect.objectContaining({ code: 'not_found' })] },
    ]);
    expect((await get(w.tech.auth, ids[0]!)).json().state).toBe('submitted');

    await act(w.tech.auth, ids[2]!, 'submit');
    const approved = await w.t.request(w.manager.auth, { method: 'POST', url: '/api/v1/records/approve', payload: { ids } });
    expect(approved.json()).toEqual({ approved: ids });
    const rec = (await get(w.tech.auth, ids[0]!)).json();
    expect(rec).toMatchObject({ state: 'approved', approvedBy: { id: w.manager.id } });
    const denied = await patch(w.tech.auth, rec.id, { version: rec.version, minutes: 45 });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('record_approved');
    expect((await w.t.request(w.tech.auth, { method: 'DELETE', url: `/api/v1/records/${rec.id}` })).statusCode).toBe(403);
    expect((await patch(w.manager.auth, rec.id, { version: rec.version, minutes: 45 })).json()).toMatchObject({ state: 'approved', minutes: 45 });
    const returned = await w.t.request(w.manager.auth, { method: 'POST', url: `/api/v1/records/${rec.id}/return`, payload: { reason: 'Doplň popis' } });
    expect(returned.json()).toMatchObject({ state: 'draft', approvedBy: null, approvedAt: null, returnReason: 'Doplň popis' });

    await w.t.request(w.admin.auth, { method: 'PUT', url: `/api/v1/users/${w.tech2.id}/technician-settings`, payload: { levelId: null, autoApprove: true } });
    const auto = (await w.log(w.tech2.auth, work())).json();
    expect((await act(w.tech2.auth, auto.id, 'submit')).json()).toMatchObject({ state: 'approved', approvedBy: null });
    expect((await get(w.tech2.auth, auto.id)).json().approvedAt).not.toBeNull();
    const audit = await w.t.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'record').where('entity_id', '=', String(ids[0])).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'submit', 'approve', 'update', 'return']);
  });

  it('returns a record only with a reason, which its technician sees until changing or submitting it again', async () => {
    const rec = (await w.log(w.tech.auth, work())).json();
    expect(rec.returnReason).toBeNull();
    await act(w.tech.auth, rec.id, 'submit');
    const back = (payload?: object) => w.t.request(w.manager.auth, { method: 'POST', url: `/api/v1/records/${rec.id}/return`, ...(payload ? { payload } : {}) });
    for (const payload of [undefined, {}, { reason: '   ' }]) {
      const refused = await back(payload);
      expect(refused.statusCode, JSON.stringify(payload)).toBe(400);
      expect(refused.json().error.details).toEqual([expect.objectContaining({ path: 'reason', code: 'required' })]);
    }
    expect((await get(w.tech.auth, rec.id)).json()).toMatchObject({ state: 'submitted', returnReason: null });

    expect((await back({ reason: ' Doplň popis práce ' })).json()).toMatchObject({ state: 'draft', returnReason: 'Doplň popis práce' });
    // The technician sees it on the record, in its ticket's list and in the list of their records.
    expect((await get(w.tech.auth, rec.id)).json().returnReason).toBe('Doplň popis práce');
    const listed = (await w.t.request(w.tech.auth, { method: 'GET', url: `/api/v1/tickets/${w.ticket.id}/records` })).json().items.find((r: { id: number }) => r.id === rec.id);
    expect(listed.returnReason).toBe('Doplň popis práce');
    const drafts = (await w.t.request(w.tech.auth, { method: 'GET', url: `/api/v1/records?technicianId=${w.tech.id}&state=draft&limit=500` })).json().items;
    expect(drafts.find((r: { id: number }) => r.id === rec.id).returnReason).toBe('Doplň popis práce');

    // Submitted again: the reason is gone from the record, the audit keeps it.
    expect((await act(w.tech.auth, rec.id, 'submit')).json()).toMatchObject({ state: 'submitted', returnReason: null });
    await back({ reason: 'Špatný typ práce' });
    const current = (await get(w.tech.auth, rec.id)).json();
    expect((await patch(w.tech.auth, rec.id, { version: current.version, workTypeId: w.wt.development })).json()).toMatchObject({ state: 'draft', returnReason: null });
    const audit = await w.t.database.db.selectFrom('audit_log').select(['action', 'after_json']).where('entity', '=', 'record').where('entity_id', '=', String(rec.id)).where('action', '=', 'return').orderBy('id').execute();
    expect(audit.map((a) => JSON.parse(a.after_json ?? '{}').reason)).toEqual(['Doplň popis práce', 'Špatný typ práce']);
  });

  it('locks a billed record: change, delete and return answer 409 record_locked naming the invoice', async () => {
    const rec = (await w.log(w.tech.auth, work())).json();
    await w.t.database.db.updateTable('records').set({ state: 'billed', billed_invoice_id: 4711 }).where('id', '=', rec.id).execute();
    for (const res of [
      await patch(w.manager.auth, rec.id, { version: rec.version, minutes: 10 }),
      await w.t.request(w.admin.auth, { method: 'DELETE', url: `/api/v1/records/${rec.id}` }),
      await act(w.manager.auth, rec.id, 'return'),
      await w.t.request(w.manager.auth, { method: 'POST', url: '/api/v1/records/approve', payload: { ids: [rec.id] } }),
    ]) {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error.code).toBe('record_locked');
      expect(res.json().error.message).toContain('invoice 4711');
    }
    expect((await get(w.manager.auth, rec.id)).json()).toMatchObject({ state: 'billed', billedInvoiceId: 4711, minutes: 30 });
    const draft = (await w.log(w.tech.auth, work())).json();
    expect((await w.t.request(w.tech.auth, { method: 'DELETE', url: `/api/v1/records/${draft.id}` })).statusCode).toBe(204);
    expect((await get(w.tech.auth, draft.id)).statusCode).toBe(404);
  });

  it('property: billable minutes ≥ minutes, amount ≥ 0, and never a silent 0 where a rate exists', async () => {
    const rated = [w.wt.remote, w.wt.onSite, w.wt.development];
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          workTypeId: fc.constantFrom(...rated, w.wt.unpriced),
          minutes: fc.integer({ min: 1, max: 24 * 60 }),
          day: fc.integer({ min: 1, max: 31 }),
          start: fc.option(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })), { nil: null }),
        }),
        async ({ workTypeId, minutes, day, start }) => {
          const startTime = start === null ? null : `${String(start[0]).padStart(2, '0')}:${String(start[1]).padStart(2, '0')}`;
          const res = await w.log(w.manager.auth, { kind: 'work', date: `2026-10-${String(day).padStart(2, '0')}`, startTime, minutes, workTypeId });
          expect(res.statusCode, res.body).toBe(201);
          const r = res.json();
          if (workTypeId === w.wt.unpriced) {
            expect(r.price.status).toBe('no_price');
            expect(r.amountMinor).toBeNull();
            return;
          }
          expect(r.price.status).toBe('priced');
          expect(r.price.billableMinutes).toBeGreaterThanOrEqual(minutes);
          expect(r.amountMinor).toBeGreaterThan(0);
          expect(r.costMinor).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('property: a new record’s answer is the record as reading it back shows it, for every kind and actor', async () => {
    // The answer is built from the stored row and the names found while checking the
    // input, not read back: it must not differ from a read in any field.
    const ticket = await w.newTicket('Answer equals read');
    const kindBody = fc.oneof(
      fc.record({
        kind: fc.constant('work'),
        workTypeId: fc.constantFrom(w.wt.remote, w.wt.onSite, w.wt.unpriced, w.wt.internal),
        startTime: fc.constantFrom('07:30', '09:00', '18:30', null),
        minutes: fc.integer({ min: 1, max: 600 }),
      }),
      fc.record({ kind: fc.constant('travel'), km: fc.constantFrom('0.5', '36', '120.25'), zoneId: fc.constantFrom(w.zone.city, null), vehicle: fc.constantFrom('1AB 2345', null) }),
      fc.record({ kind: fc.constant('fee'), feeId: fc.constant(w.fee.callOut), quantity: fc.constantFrom('1', '2') }),
    );
    await fc.assert(
      fc.asyncProperty(
        kindBody,
        fc.constantFrom('tech', 'manager', 'manager-for-tech2'),
        fc.integer({ min: 1, max: 31 }),
        fc.option(fc.boolean(), { nil: undefined }),
        async (body, who, day, billable) => {
          const auth = who === 'tech' ? w.tech.auth : w.manager.auth;
          const payload = { ...body, date: `2026-10-${String(day).padStart(2, '0')}`, description: 'Odpověď = čtení', billable, ...(who === 'manager-for-tech2' ? { technicianId: w.tech2.id } : {}) };
          const res = await w.log(auth, payload, ticket.id);
          expect(res.statusCode, res.body).toBe(201);
          const answer = res.json();
          expect(answer).toEqual((await get(auth, answer.id)).json());
        },
      ),
      { numRuns: 40 },
    );
  });
});
