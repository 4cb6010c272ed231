import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

type Detail = { path: string; code: string };
type TimelineItem = { kind: string; id: number; at: string; actor: string | null; event: string | null; field: string | null; before: unknown; after: unknown };

/**
 * Deactivating a user who is assigned open tickets: the dialog asks how many there are
 * (GET /users/{id}/open-tickets), and the deactivation may hand them back to their queues
 * (PATCH /users/{id} { active: false, openTickets: 'return' }) in the same change, each as
 * if someone had unassigned it by hand: a timeline event and an audit entry; or hand them
 * all to one colleague ({ handTo }), each as if assigned by hand (event, audit entry, mail),
 * only to an active colleague whom every one of the tickets' queues allows.
 */
describe.each(testEngines())('deactivating a user with open tickets on %s', (engine) => {
  let t: TestApp;
  let admin: { id: number; auth: Auth };
  let operator: { id: number; auth: Auth };
  let clientId: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    ({ clientId } = await t.clientWithRequester('Odchody s.r.o.', { name: 'Jana Malá', email: 'jana@odchody.cz' }));
    admin = await t.userWith(['admin']);
    operator = await t.queueOperator();
  });
  afterAll(() => t.close());

  const request = (auth: Auth, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => t.request(auth, { method, url, ...(payload ? { payload } : {}) });

  /** A queue member of the service desk who may be assigned its tickets, renamed so their name is their own. */
  async function member(name: string) {
    const m = await t.queueOperator();
    const renamed = await request(admin.auth, 'PATCH', `/api/v1/users/${m.id}`, { name });
    expect(renamed.statusCode, renamed.body).toBe(200);
    return { id: m.id, name };
  }

  /** A ticket of the service desk (or the queue given) assigned to the user, moved through the given states. */
  async function ticketOf(assigneeId: number | null, moves: string[] = [], queueId?: number) {
    const created = await request(admin.auth, 'POST', '/api/v1/tickets', { clientId, subject: 'Práce po odchodu', ...(assigneeId ? { assigneeId } : {}), ...(queueId ? { queueId } : {}) });
    expect(created.statusCode, created.body).toBe(201);
    let version = created.json().version as number;
    for (const toState of moves) {
      const moved = await request(admin.auth, 'POST', `/api/v1/tickets/${created.json().id}/transition`, { toState, version, resolutionNote: 'Hotovo' });
      expect(moved.statusCode, moved.body).toBe(200);
      version = moved.json().version;
    }
    return { id: created.json().id as number, number: created.json().number as string };
  }

  const ticket = async (id: number) => (await request(admin.auth, 'GET', `/api/v1/tickets/${id}`)).json() as { assignee: { id: number; name: string } | null; version: number };
  const timeline = async (id: number) => (await request(admin.auth, 'GET', `/api/v1/tickets/${id}/timeline`)).json().items as TimelineItem[];
  const audit = async (id: number) => (await request(admin.auth, 'GET', `/api/v1/audit?entity=ticket&entityId=${id}`)).json().items as { action: string; actorUserId: number; before: unknown; after: unknown }[];
  const unassignedIds = async () => ((await request(admin.auth, 'GET', '/api/v1/tickets?view=unassigned&limit=200')).json().items as { id: number }[]).map((i) => i.id);

  it('names the open tickets the user is assigned: how many, and the first ten by number; for administrators only', async () => {
    const busy = await member('Vytížený Technik');
    const open = [];
    for (let i = 0; i < 12; i++) open.push(await ticketOf(busy.id, i % 3 === 1 ? ['in_progress'] : i % 3 === 2 ? ['in_progress', 'waiting_for_client'] : []));
    await ticketOf(busy.id, ['resolved']);

    const res = await request(admin.auth, 'GET', `/api/v1/users/${busy.id}/open-tickets`);
    expect(res.statusCode, res.body).toBe(200);
    const desk = { id: (await t.database.db.selectFrom('queues').select('id').where('code', '=', 'service_desk').executeTakeFirstOrThrow()).id, name: 'Service desk' };
    expect(res.json()).toEqual({ count: 12, items: open.slice(0, 10).map((x) => ({ id: x.id, number: x.number })), queues: [desk] });

    const idle = await member('Volný Technik');
    expect((await request(admin.auth, 'GET', `/api/v1/users/${idle.id}/open-tickets`)).json()).toEqual({ count: 0, items: [], queues: [] });
    expect((await request(admin.auth, 'GET', '/api/v1/users/987654/open-tickets')).statusCode).toBe(404);
    expect((await request(operator.auth, 'GET', `/api/v1/users/${busy.id}/open-tickets`)).statusCode).toBe(403);
  });

  it('returns the open tickets to their queues with the deactivation: unassigned, with the events and audit entries of an unassignment by hand', async () => {
    const leaver = await member('Petr Nový');
    const colleague = await member('Eva Stálá');
    const fresh = await ticketOf(leaver.id);
    const working = await ticketOf(leaver.id, ['in_progress']);
    const waiting = await ticketOf(leaver.id, ['in_progress', 'waiting_for_client']);
    const done = await ticketOf(leaver.id, ['resolved']);
    const colleagues = await ticketOf(colleague.id);
    const returned = [fresh, working, waiting];
    const versions = new Map(await Promise.all(returned.map(async (x) => [x.id, (await ticket(x.id)).version] as const)));

    // The same unassignment by hand, for comparison.
    const byHand = await ticketOf(colleague.id);
    const unassigned = await request(admin.auth, 'PATCH', `/api/v1/tickets/${byHand.id}`, { assigneeId: null, version: (await ticket(byHand.id)).version });
    expect(unassigned.statusCode, unassigned.body).toBe(200);
    const handEvent = (await timeline(byHand.id)).at(-1)!;
    const handAudit = (await audit(byHand.id))[0]!;
    expect(handEvent).toMatchObject({ event: 'field', field: 'assignee', before: { id: colleague.id, name: colleague.name }, after: null });

    const res = await request(admin.auth, 'PATCH', `/api/v1/users/${leaver.id}`, { active: false, openTickets: 'return' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().active).toBe(false);

    for (const x of returned) {
      const now = await ticket(x.id);
      expect([x.number, now.assignee, now.version]).toEqual([x.number, null, versions.get(x.id)! + 1]);
      const event = (await timeline(x.id)).at(-1)!;
      expect(event).toEqual({ ...handEvent, id: event.id, at: event.at, before: { id: leaver.id, name: leaver.name } });
      const entry = (await audit(x.id))[0]!;
      expect(entry).toMatchObject({ action: handAudit.action, actorUserId: admin.id, before: { assignee: { id: leaver.id, name: leaver.name } }, after: { assignee: null } });
    }
    expect((await ticket(done.id)).assignee).toEqual({ id: leaver.id, name: leaver.name });
    expect((await ticket(colleagues.id)).assignee).toEqual({ id: colleague.id, name: colleague.name });
    expect(await unassignedIds()).toEqual(expect.arrayContaining(returned.map((x) => x.id)));
    expect((await request(admin.auth, 'GET', `/api/v1/users/${leaver.id}/open-tickets`)).json()).toEqual({ count: 0, items: [], queues: [] });
  });

  /** The colleague mails about the ticket, by recipient name. */
  const colleagueMails = async (ticketId: number) => {
    const rows = await t.database.db.selectFrom('mail_outbox').selectAll().where('ticket_id', '=', ticketId).where('template_key', '=', 'ticket_colleague_update').orderBy('id').execute();
    return rows.map((r) => ({ to: (JSON.parse(r.to_json) as { name: string }[]).map((x) => x.name).join(), text: r.body_text }));
  };
  /** Everything a refused hand-over must leave as it was. */
  const snapshotOf = async (userId: number, ticketIds: number[]) => ({
    user: (await request(admin.auth, 'GET', `/api/v1/users/${userId}`)).json() as { active: boolean; version: number },
    tickets: await Promise.all(ticketIds.map(async (id) => ({ ticket: await ticket(id), events: (await timeline(id)).length, audit: (await audit(id)).length, mails: (await colleagueMails(id)).length }))),
  });

  it('hands the open tickets to a colleague with the deactivation: assigned to them, with the event, audit entry and mail of an assignment by hand', async () => {
    const leaver = await member('Adam Odchází');
    const colleague = await member('Bára Přebírá');
    const watcher = await member('Cyril Sleduje');
    const fresh = await ticketOf(leaver.id);
    const waiting = await ticketOf(leaver.id, ['in_progress', 'waiting_for_client']);
    const done = await ticketOf(leaver.id, ['resolved']);
    const watched = await request(admin.auth, 'PATCH', `/api/v1/tickets/${fresh.id}`, { watcherUserIds: [watcher.id], version: (await ticket(fresh.id)).version });
    expect(watched.statusCode, watched.body).toBe(200);
    const handed = [fresh, waiting];
    const versions = new Map(await Promise.all(handed.map(async (x) => [x.id, (await ticket(x.id)).version] as const)));

    // The same assignment by hand, for comparison.
    const byHand = await ticketOf(watcher.id);
    const assigned = await request(admin.auth, 'PATCH', `/api/v1/tickets/${byHand.id}`, { assigneeId: colleague.id, version: (await ticket(byHand.id)).version });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const handEvent = (await timeline(byHand.id)).at(-1)!;
    const handAudit = (await audit(byHand.id))[0]!;
    expect(handEvent).toMatchObject({ event: 'field', field: 'assignee', before: { id: watcher.id, name: watcher.name }, after: { id: colleague.id, name: colleague.name } });
    const handMail = (await colleagueMails(byHand.id)).at(-1)!;
    expect(handMail.to).toBe(colleague.name);
    // The leaver was mailed when each ticket was created for them; only what follows counts.
    const mailedBefore = new Map(await Promise.all([...handed, done].map(async (x) => [x.id, (await colleagueMails(x.id)).length] as const)));

    const res = await request(admin.auth, 'PATCH', `/api/v1/users/${leaver.id}`, { active: false, openTickets: { handTo: colleague.id } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().active).toBe(false);

    for (const x of handed) {
      const now = await ticket(x.id);
      expect([x.number, now.assignee, now.version]).toEqual([x.number, { id: colleague.id, name: colleague.name }, versions.get(x.id)! + 1]);
      const event = (await timeline(x.id)).at(-1)!;
      expect(event).toEqual({ ...handEvent, id: event.id, at: event.at, before: { id: leaver.id, name: leaver.name } });
      const entry = (await audit(x.id))[0]!;
      expect(entry).toMatchObject({ action: handAudit.action, actorUserId: admin.id, before: { assignee: { id: leaver.id, name: leaver.name } }, after: { assignee: { id: colleague.id, name: colleague.name } } });
      const mails = (await colleagueMails(x.id)).slice(mailedBefore.get(x.id));
      // The new assignee is told, and on the watched ticket its watching colleague too, as by hand.
      expect(mails.map((m) => m.to).sort()).toEqual((x.id === fresh.id ? [colleague.name, watcher.name] : [colleague.name]).sort());
      expect(mails.find((m) => m.to === colleague.name)!.text).toContain(x.number);
    }
    expect((await ticket(done.id)).assignee).toEqual({ id: leaver.id, name: leaver.name });
    expect((await colleagueMails(done.id)).length).toBe(mailedBefore.get(done.id));
    expect((await request(admin.auth, 'GET', `/api/v1/users/${leaver.id}/open-tickets`)).json()).toEqual({ count: 0, items: [], queues: [] });
    expect((await request(admin.auth, 'GET', `/api/v1/users/${colleague.id}/open-tickets`)).json().count).toBe(3);
  });

  it('refuses a hand-over to the user themselves, to an inactive or unknown user and to one a queue of the tickets does not allow, changing nothing', async () => {
    const leaver = await member('Dana Odchází');
    const deskOnly = await member('Emil Jen Desk');
    const away = await member('Filip Pryč');
    const deactivated = await request(admin.auth, 'PATCH', `/api/v1/users/${away.id}`, { active: false });
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    const network = await request(admin.auth, 'POST', '/api/v1/queues', { code: 'site_network', name: 'Sítě', members: [leaver.id] });
    expect(network.statusCode, network.body).toBe(201);
    const desk = await ticketOf(leaver.id);
    const onNetwork = [await ticketOf(leaver.id, [], network.json().id), await ticketOf(leaver.id, ['in_progress'], network.json().id)];
    const ids = [desk.id, ...onNetwork.map((x) => x.id)];
    const before = await snapshotOf(leaver.id, ids);

    const refusals: [number, number, string][] = [
      [leaver.id, 400, 'openTickets.handTo:hand_to_self'],
      [away.id, 400, 'openTickets.handTo:unknown_reference'],
      [987654, 400, 'openTickets.handTo:unknown_reference'],
      [deskOnly.id, 409, 'openTickets.handTo:colleague_cannot_work_queue'],
    ];
    for (const [handTo, status, detail] of refusals) {
      const res = await request(admin.auth, 'PATCH', `/api/v1/users/${leaver.id}`, { active: false, openTickets: { handTo } });
      expect([handTo, res.statusCode], res.body).toEqual([handTo, status]);
      expect((res.json().error.details as Detail[]).map((d) => `${d.path}:${d.code}`)).toEqual([detail]);
      expect(await snapshotOf(leaver.id, ids)).toEqual(before);
    }
    // The refusal names the queue that does not allow the colleague and its tickets, not the ones it does.
    const refused = await request(admin.auth, 'PATCH', `/api/v1/users/${leaver.id}`, { active: false, openTickets: { handTo: deskOnly.id } });
    expect(refused.json().error.code).toBe('colleague_cannot_work_queue');
    const [queueDetail] = refused.json().error.details as (Detail & { message: string })[];
    for (const text of [refused.json().error.message as string, queueDetail!.message]) {
      expect(text).toContain('"Sítě"');
      for (const x of onNetwork) expect(text).toContain(x.number);
      expect(text).not.toContain(desk.number);
    }
    expect(before.user.active).toBe(true);
    // A queue with more tickets than a message should list: the first ten by number and how many more.
    for (let i = 0; i < 9; i++) await ticketOf(leaver.id, [], network.json().id);
    const many = (await request(admin.auth, 'PATCH', `/api/v1/users/${leaver.id}`, { active: false, openTickets: { handTo: deskOnly.id } })).json().error;
    expect(many.code).toBe('colleague_cannot_work_queue');
    expect(many.details[0].message).toMatch(/\(tickets (T\d{4}-\d{6}, ){9}T\d{4}-\d{6} and 1 more\)$/);

    // A malformed colleague is a 400 from the schema; the non-administrator is refused before anything else.
    for (const handTo of [0, 'Emil', null]) {
      expect((await request(admin.auth, 'PATCH', `/api/v1/users/${leaver.id}`, { active: false, openTickets: { handTo } })).statusCode).toBe(400);
    }
    // Only administrators deactivate: a service manager, who may assign any ticket, may not, nor an operator.
    const serviceManager = await t.userWith(['manager']);
    for (const auth of [operator.auth, serviceManager.auth]) {
      const notAdmin = await request(auth, 'PATCH', `/api/v1/users/${leaver.id}`, { active: false, openTickets: { handTo: deskOnly.id } });
      expect(notAdmin.statusCode, notAdmin.body).toBe(403);
    }
    const keepingHandTo = await request(admin.auth, 'PATCH', `/api/v1/users/${leaver.id}`, { name: 'Dana Zůstává', openTickets: { handTo: deskOnly.id } });
    expect((keepingHandTo.json().error.details as Detail[]).map((d) => `${d.path}:${d.code}`)).toEqual(['openTickets:only_when_deactivating']);
    expect(await snapshotOf(leaver.id, ids)).toEqual(before);

    // Someone every queue allows (an administrator sees every queue) takes them all.
    const administrator = await t.userWith(['admin']);
    const ok = await request(admin.auth, 'PATCH', `/api/v1/users/${leaver.id}`, { active: false, openTickets: { handTo: administrator.id } });
    expect(ok.statusCode, ok.body).toBe(200);
    for (const id of ids) expect((await ticket(id)).assignee?.id).toBe(administrator.id);
  });

  it('refuses a hand-over to someone who does not work tickets even when there is nothing to hand over', async () => {
    const leaver = await member('Hana Bez Požadavků');
    const accountant = await t.userWith(['accountant']);
    const refused = await request(admin.auth, 'PATCH', `/api/v1/users/${leaver.id}`, { active: false, openTickets: { handTo: accountant.id } });
    expect(refused.statusCode, refused.body).toBe(400);
    expect((refused.json().error.details as Detail[]).map((d) => `${d.path}:${d.code}`)).toEqual(['openTickets.handTo:not_assignable']);
    expect((await request(admin.auth, 'GET', `/api/v1/users/${leaver.id}`)).json().active).toBe(true);
    const colleague = await member('Ivan Kolega');
    const ok = await request(admin.auth, 'PATCH', `/api/v1/users/${leaver.id}`, { active: false, openTickets: { handTo: colleague.id } });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('leaves the tickets assigned when the deactivation keeps them, or says nothing of them', async () => {
    for (const choice of [{ openTickets: 'keep' }, {}]) {
      const keeper = await member(`Karel Zůstává ${Object.keys(choice).length}`);
      const kept = await ticketOf(keeper.id, ['in_progress']);
      const before = { ticket: await ticket(kept.id), events: (await timeline(kept.id)).length, audit: (await audit(kept.id)).length };
      const res = await request(admin.auth, 'PATCH', `/api/v1/users/${keeper.id}`, { active: false, ...choice });
      expect(res.statusCode, res.body).toBe(200);
      expect({ ticket: await ticket(kept.id), events: (await timeline(kept.id)).length, audit: (await audit(kept.id)).length }).toEqual(before);
      expect(before.ticket.assignee).toEqual({ id: keeper.id, name: keeper.name });
    }
  });

  it('refuses openTickets without a deactivation (400), from a non-administrator (403), and on a refused deactivation keeps the tickets', async () => {
    const someone = await member('Jan Možná');
    const theirs = await ticketOf(someone.id);
    for (const payload of [{ openTickets: 'return' }, { active: true, openTickets: 'return' }, { name: 'Jan Jinak', openTickets: 'keep' }]) {
      const res = await request(admin.auth, 'PATCH', `/api/v1/users/${someone.id}`, payload);
      expect(res.statusCode, res.body).toBe(400);
      expect((res.json().error.details as Detail[]).map((d) => `${d.path}:${d.code}`)).toEqual(['openTickets:only_when_deactivating']);
    }
    const bad = await request(admin.auth, 'PATCH', `/api/v1/users/${someone.id}`, { active: false, openTickets: 'later' });
    expect(bad.statusCode, bad.body).toBe(400);

    const forbidden = await request(operator.auth, 'PATCH', `/api/v1/users/${someone.id}`, { active: false, openTickets: 'return' });
    expect(forbidden.statusCode).toBe(403);
    expect((await ticket(theirs.id)).assignee?.id).toBe(someone.id);
    expect((await request(admin.auth, 'GET', `/api/v1/users/${someone.id}`)).json()).toMatchObject({ active: true, name: 'Jan Možná' });

    // An administrator cannot deactivate themselves: nothing of theirs is handed back either.
    const own = await ticketOf(admin.id);
    const self = await request(admin.auth, 'PATCH', `/api/v1/users/${admin.id}`, { active: false, openTickets: 'return' });
    expect(self.statusCode, self.body).toBe(409);
    expect((await ticket(own.id)).assignee?.id).toBe(admin.id);
  });
});
