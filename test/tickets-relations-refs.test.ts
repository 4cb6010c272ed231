import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

/**
 * Who may watch a ticket and which ticket may be its parent are checked like every other
 * reference: an unknown or inactive colleague, a client's contact given as a colleague, a
 * contact of another client, or a parent that is the ticket's own sub-ticket (at any depth)
 * is a 400 naming the field, never a stored oddity or a 500.
 */
describe.each(testEngines())('ticket watchers and parents on %s', (engine) => {
  let t: TestApp;
  let operator: Auth;
  let clientId: number;
  let contactId: number;
  let otherContactId: number;
  let colleague: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    ({ clientId, contactId } = await t.clientWithRequester('Sledující s.r.o.', { name: 'Petr Sledující', email: 'petr@sledujici.cz' }));
    ({ contactId: otherContactId } = await t.clientWithRequester('Jiný klient s.r.o.', { name: 'Eva Jiná', email: 'eva@jiny.cz' }));
    operator = (await t.queueOperator()).auth;
    colleague = (await t.userWith(['technician'])).id;
  });
  afterAll(() => t.close());

  const create = (payload: object) =>
    t.request(operator, { method: 'POST', url: '/api/v1/tickets', payload: { clientId, subject: 'Kdo sleduje', impact: 'medium', urgency: 'medium', ...payload } });
  const created = async (payload: object = {}) => {
    const res = await create(payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; version: number };
  };
  const patch = (id: number, payload: object) => t.request(operator, { method: 'PATCH', url: `/api/v1/tickets/${id}`, payload });
  const details = (body: string) => (JSON.parse(body) as { error: { details: { path: string; code: string }[] } }).error.details.map((d) => `${d.path}:${d.code}`);

  it('takes active colleagues and the client\'s own contacts as watchers', async () => {
    const ticket = await created({ watcherUserIds: [colleague], watcherContactIds: [contactId] });
    const read = (await t.request(operator, { method: 'GET', url: `/api/v1/tickets/${ticket.id}` })).json();
    expect(read.watchers.users.map((u: { id: number }) => u.id)).toEqual([colleague]);
    expect(read.watchers.contacts.map((c: { id: number }) => c.id)).toEqual([contactId]);
  });

  it('refuses an unknown colleague, a client contact\'s account and a contact of another client, naming each', async () => {
    const clientUser = (await t.userWith(['client_contact'], { clientId })).id;
    const res = await create({ watcherUserIds: [colleague, 999_999, clientUser], watcherContactIds: [contactId, otherContactId] });
    expect(res.statusCode, res.body).toBe(400);
    expect(details(res.body)).toEqual(['watcherUserIds.1:unknown_reference', 'watcherUserIds.2:unknown_reference', 'watcherContactIds.1:unknown_reference']);
    const ticket = await created();
    const changed = await patch(ticket.id, { version: ticket.version, watcherContactIds: [otherContactId] });
    expect(changed.statusCode, changed.body).toBe(400);
    expect(details(changed.body)).toEqual(['watcherContactIds.0:unknown_reference']);
  });

  it('keeps a colleague who has left among the watchers until removed, but does not take one anew', async () => {
    const leaving = await t.userWith(['technician']);
    const ticket = await created({ watcherUserIds: [leaving.id] });
    await t.database.db.updateTable('users').set({ active: 0 }).where('id', '=', leaving.id).execute();
    const kept = await patch(ticket.id, { version: ticket.version, watcherUserIds: [leaving.id, colleague] });
    expect(kept.statusCode, kept.body).toBe(200);
    const fresh = await created();
    const refused = await patch(fresh.id, { version: fresh.version, watcherUserIds: [leaving.id] });
    expect(refused.statusCode, refused.body).toBe(400);
  });

  it('refuses a parent that is the ticket\'s own sub-ticket, directly or further down; a real parent is taken', async () => {
    const a = await created();
    const b = await created({ parentId: a.id });
    const c = await created({ parentId: b.id });
    for (const loop of [b, c]) {
      const res = await patch(a.id, { version: a.version, parentId: loop.id });
      expect(res.statusCode, res.body).toBe(400);
      expect(details(res.body)).toEqual(['parentId:parent_loop']);
    }
    const d = await created();
    const ok = await patch(a.id, { version: a.version, parentId: d.id });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().parentId).toBe(d.id);
  });
});
