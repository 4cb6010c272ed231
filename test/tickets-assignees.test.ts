import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

type Detail = { path: string; code: string };
const details = (res: { json(): { error: { details?: Detail[] } } }) => (res.json().error.details ?? []).map((d) => `${d.path}:${d.code}`);

/**
 * Whom a ticket may be assigned to: someone whose ticket lists show the ticket's queue
 * (its members who work tickets, administrators and service managers). The pickers'
 * list (GET /tickets/assignees) and the check on create and change are one rule.
 */
describe.each(testEngines())('ticket assignees on %s', (engine) => {
  let t: TestApp;
  let admin: { id: number; auth: Auth };
  let manager: { id: number };
  let member: { id: number; auth: Auth };
  let memberTechnician: { id: number };
  let outsider: { id: number };
  let accountant: { id: number; auth: Auth };
  let contact: { id: number };
  let leaver: { id: number };
  let clientId: number;
  let desk: number;
  let other: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    ({ clientId } = await t.clientWithRequester('Přiřazování s.r.o.', { name: 'Eva Malá', email: 'eva@prirazovani.cz' }));
    admin = await t.userWith(['admin']);
    manager = await t.userWith(['manager']);
    member = await t.queueOperator();
    memberTechnician = await t.userWith(['technician']);
    outsider = await t.userWith(['technician']);
    accountant = await t.userWith(['accountant']);
    contact = await t.userWith(['client_contact'], { clientId });
    leaver = await t.userWith(['operator']);
    const db = t.database.db;
    desk = (await db.selectFrom('queues').select('id').where('code', '=', 'service_desk').executeTakeFirstOrThrow()).id;
    // The accountant and the client contact are listed as members too: membership alone does not let them see tickets.
    await db.insertInto('queue_members').values([memberTechnician, accountant, contact, leaver].map((u) => ({ queue_id: desk, user_id: u.id }))).execute();
    await db.updateTable('users').set({ active: 0 }).where('id', '=', leaver.id).execute();
    const created = await t.request(admin.auth, { method: 'POST', url: '/api/v1/queues', payload: { code: 'field', name: 'Field service', members: [outsider.id] } });
    expect(created.statusCode, created.body).toBe(201);
    other = created.json().id;
  });
  afterAll(() => t.close());

  const assignees = (auth: Auth, query: string) => t.request(auth, { method: 'GET', url: `/api/v1/tickets/assignees${query}` });
  const create = (payload: object) => t.request(admin.auth, { method: 'POST', url: '/api/v1/tickets', payload: { clientId, subject: 'Komu to dát', ...payload } });

  it('lists the members of the queue who work tickets, and administrators and managers, by name; no one else', async () => {
    const res = await assignees(member.auth, `?queueId=${desk}`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { id: number; name: string; queueMember: boolean }[];
    const byId = new Map(items.map((i) => [i.id, i.queueMember]));
    expect(byId.get(member.id)).toBe(true);
    expect(byId.get(memberTechnician.id)).toBe(true);
    expect(byId.get(admin.id)).toBe(false);
    expect(byId.get(manager.id)).toBe(false);
    for (const nobody of [outsider, accountant, contact, leaver]) expect(byId.has(nobody.id), String(nobody.id)).toBe(false);
    expect(items.map((i) => i.name)).toEqual([...items.map((i) => i.name)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    const field = (await assignees(member.auth, `?queueId=${other}`)).json().items.map((i: { id: number }) => i.id);
    expect(field).toContain(outsider.id);
    expect(field).not.toContain(member.id);

    expect((await assignees(member.auth, '?queueId=987654')).statusCode).toBe(404);
    expect(details(await assignees(member.auth, ''))).toEqual(['querystring.queueId:invalid_type']);
    expect((await assignees(accountant.auth, `?queueId=${desk}`)).statusCode).toBe(403);
  });

  it('creates a ticket only for someone who may be assigned it: 400 not_assignable names the field', async () => {
    for (const nobody of [accountant, outsider, contact]) {
      const res = await create({ queueId: desk, assigneeId: nobody.id });
      expect(res.statusCode, res.body).toBe(400);
      expect(details(res)).toEqual(['assigneeId:not_assignable']);
    }
    expect(details(await create({ queueId: desk, assigneeId: leaver.id }))).toEqual(['assigneeId:unknown_reference']);
    for (const ok of [memberTechnician, manager, admin]) {
      const res = await create({ queueId: desk, assigneeId: ok.id });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().assignee).toMatchObject({ id: ok.id });
    }
    expect((await create({ queueId: other, assigneeId: outsider.id })).statusCode).toBe(201);
  });

  it('changes the assignee or the queue only so that the assignee sees the ticket; an unchanged assignee passes', async () => {
    const ticket = (await create({ queueId: desk, assigneeId: memberTechnician.id })).json();
    const patch = (payload: object) => t.request(admin.auth, { method: 'PATCH', url: `/api/v1/tickets/${ticket.id}`, payload });
    const accountantAssigned = await patch({ version: 1, assigneeId: accountant.id });
    expect(accountantAssigned.statusCode).toBe(400);
    expect(details(accountantAssigned)).toEqual(['assigneeId:not_assignable']);
    // Moved to a queue its assignee does not work: refused on the assignee, unless a new one who does is named.
    expect(details(await patch({ version: 1, queueId: other }))).toEqual(['assigneeId:not_assignable']);
    expect(details(await patch({ version: 1, queueId: other, assigneeId: member.id }))).toEqual(['assigneeId:not_assignable']);
    const moved = await patch({ version: 1, queueId: other, assigneeId: outsider.id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ queue: { id: other }, assignee: { id: outsider.id }, version: 2 });
    // Someone who leaves the queue keeps the tickets they have; the same assignee sent again is no change.
    await t.database.db.deleteFrom('queue_members').where('queue_id', '=', other).where('user_id', '=', outsider.id).execute();
    const same = await patch({ version: 2, assigneeId: outsider.id, subject: 'Pořád jeho' });
    expect(same.statusCode, same.body).toBe(200);
    const unassigned = await patch({ version: 3, queueId: desk, assigneeId: null });
    expect(unassigned.statusCode, unassigned.body).toBe(200);
    expect(unassigned.json().assignee).toBeNull();
  });
});
