import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../src/modules/identity/index.ts';
import { createSlaWatcher, type SlaWatcher } from '../src/modules/tickets/index.ts';
import { openDatabase } from '../src/platform/db/index.ts';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The SLA watcher against the default "Standard" policy (CZ business hours
 * Mon–Fri 08:00–17:00 Europe/Prague, P3: first response 4 h, resolution 16 h,
 * warning at 80 %). Instants are UTC; November is CET (UTC+1).
 */
describe.each(testEngines())('SLA watcher on %s', (engine) => {
  let t: TestApp;
  let admin: Auth;
  let watcher: SlaWatcher;
  let clientId: number;
  let lead: { id: number; email: string };
  let assignee: { id: number; email: string };
  let deskId: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    // API tokens: the clock moves by days, past any session timeout.
    admin = await t.tokenFor((await t.userWith(['admin'])).id);
    clientId = (await t.services.customers.create(systemContext, { name: 'Strojírny Brno a.s.', country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14 })).id;
    lead = await t.userWith(['manager']);
    assignee = await t.userWith(['technician']);
    deskId = (await t.database.db.selectFrom('queues').select('id').where('code', '=', 'service_desk').executeTakeFirstOrThrow()).id;
    const res = await t.request(admin, { method: 'PATCH', url: `/api/v1/queues/${deskId}`, payload: { leadUserId: lead.id, members: [assignee.id] } });
    expect(res.statusCode, res.body).toBe(200);
    watcher = createSlaWatcher({ db: t.database.db, clock: t.clock, config: t.config, logger: quiet });
  });
  afterAll(() => t.close());

  async function createTicket(at: string, payload: object = {}) {
    t.clock.set(at);
    const res = await t.request(admin, { method: 'POST', url: '/api/v1/tickets', payload: { clientId, subject: 'Tiskárna netiskne', assigneeId: assignee.id, ...payload } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; number: string; version: number; sla: { firstResponseDueAt: string; resolutionDueAt: string } };
  }
  const run = (at: string, w: SlaWatcher = watcher) => {
    t.clock.set(at);
    return w.runOnce();
  };
  const ticket = async (id: number) => (await t.request(admin, { method: 'GET', url: `/api/v1/tickets/${id}` })).json();
  const slaEvents = (id: number) =>
    t.database.db.selectFrom('ticket_events').select(['kind', 'field', 'after_json']).where('ticket_id', '=', id).where('kind', 'in', ['sla_warning', 'sla_breach', 'escalated']).orderBy('id').execute();
  const escalationMails = (id: number) =>
    t.database.db.selectFrom('mail_outbox').selectAll().where('ticket_id', '=', id).where('template_key', '=', 'sla_escalation').orderBy('id').execute();
  /**
   * A new queue, an SLA policy (1 h first response, 4 h resolution at every priority) that
   * escalates breaches to it, and a new client under that policy.
   */
  async function clientEscalatingTo(queue: { code: string; name: string; leadUserId?: number; members?: number[] }, policyName: string, clientName: string) {
    const created = await t.request(admin, { method: 'POST', url: '/api/v1/queues', payload: queue });
    expect(created.statusCode, created.body).toBe(201);
    const queueId = created.json().id as number;
    const calendarId = (await t.request(admin, { method: 'GET', url: '/api/v1/calendars' })).json().items[0].id;
    const target = { firstResponseMinutes: 60, resolutionMinutes: 240 };
    const policy = await t.request(admin, {
      method: 'POST', url: '/api/v1/sla-policies',
      payload: { name: policyName, calendarId, targets: { P1: target, P2: target, P3: target, P4: target }, escalateToQueueId: queueId },
    });
    expect(policy.statusCode, policy.body).toBe(201);
    const client = (await t.services.customers.create(systemContext, { name: clientName, country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14 })).id;
    expect((await t.request(admin, { method: 'PUT', url: `/api/v1/clients/${client}/sla-policy`, payload: { slaPolicyId: policy.json().id } })).statusCode).toBe(200);
    return { queueId, clientId: client };
  }
  const recipients = (mails: { to_json: string }[]) => mails.flatMap((m) => (JSON.parse(m.to_json) as { email: string }[]).map((r) => r.email)).sort();
  const transition = async (id: number, toState: string, at: string) => {
    t.clock.set(at);
    const version = (await ticket(id)).version;
    const res = await t.request(admin, { method: 'POST', url: `/api/v1/tickets/${id}/transition`, payload: { toState, version } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('warns once when a ticket crosses 80 %, mails the queue lead and the assignee, and audits it', async () => {
    // Mon 2 Nov 10:00 CET; first response due 14:00 CET (13:00Z), 80 % of 240 min at 13:12 CET.
    const { id, number } = await createTicket('2026-11-02T09:00:00.000Z');
    const row = await t.database.db.selectFrom('tickets').select(['sla_next_check_at', 'sla_checked_at']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ sla_next_check_at: '2026-11-02T12:12:00.000Z', sla_checked_at: null });

    await run('2026-11-02T12:11:00.000Z');
    expect(await slaEvents(id)).toEqual([]);

    const first = await run('2026-11-02T12:15:00.000Z');
    expect(first).toMatchObject({ warned: 1, breached: 0 });
    expect(await run('2026-11-02T12:15:00.000Z')).toEqual({ checked: 0, warned: 0, breached: 0, escalated: 0 });
    expect(await run('2026-11-02T12:40:00.000Z')).toEqual({ checked: 0, warned: 0, breached: 0, escalated: 0 });

    const events = await slaEvents(id);
    expect(events.map((e) => [e.kind, e.field])).toEqual([['sla_warning', 'firstResponse']]);
    expect(JSON.parse(events[0]!.after_json!)).toMatchObject({ clock: 'firstResponse', at: '2026-11-02T12:12:00.000Z', dueAt: '2026-11-02T13:00:00.000Z', percent: 80 });
    const after = await ticket(id);
    expect(after.sla).toMatchObject({ status: 'warning', warnedAt: '2026-11-02T12:12:00.000Z', breachedAt: null });

    const timeline = (await t.request(admin, { method: 'GET', url: `/api/v1/tickets/${id}/timeline` })).json().items;
    expect(timeline.filter((i: { event: string | null }) => i.event === 'sla_warning')).toHaveLength(1);

    const mails = await escalationMails(id);
    expect(recipients(mails)).toEqual([lead.email, assignee.email].sort());
    expect(mails[0]!.subject).toBe(`[${number}] SLA warning: Tiskárna netiskne`);
    expect(mails[0]!.body_text).toContain('80 % of the time for the first response is used up.');
    expect(mails[0]!.body_text).toContain(`/tickets/${id}`);
    expect(mails[0]!.in_reply_to).toMatch(/^<ticket-/);

    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'actor_name']).where('entity', '=', 'ticket').where('entity_id', '=', String(id)).where('action', 'like', 'sla_%').execute();
    expect(audit).toEqual([{ action: 'sla_warning', actor_name: 'system (SLA watcher)' }]);
  });

  it('records one breach when the due time passes, with the business minutes over', async () => {
    const { id } = await createTicket('2026-11-02T09:00:00.000Z');
    await run('2026-11-02T12:30:00.000Z');
    const breach = await run('2026-11-02T13:25:00.000Z');
    expect(breach.breached).toBeGreaterThanOrEqual(1);
    await run('2026-11-02T13:26:00.000Z');
    await run('2026-11-02T13:40:00.000Z');

    expect((await slaEvents(id)).map((e) => e.kind)).toEqual(['sla_warning', 'sla_breach']);
    const [, b] = await slaEvents(id);
    expect(JSON.parse(b!.after_json!)).toMatchObject({ clock: 'firstResponse', at: '2026-11-02T13:00:00.000Z', breachedMinutes: 25 });
    expect((await ticket(id)).sla).toMatchObject({ status: 'breached', breachedAt: '2026-11-02T13:00:00.000Z', breachedMinutes: 25 });
    const mails = await escalationMails(id);
    expect(mails.map((m) => m.subject.replace(/^\[\S+\] /, ''))).toEqual([
      'SLA warning: Tiskárna netiskne', 'SLA warning: Tiskárna netiskne', 'SLA breach: Tiskárna netiskne', 'SLA breach: Tiskárna netiskne',
    ]);
    expect(mails[2]!.body_text).toContain('the first response deadline was missed by 25 min.');
  });

  it('never doubles a crossing: the same run twice, and two watchers (two database connections) at once', async () => {
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push((await createTicket('2026-11-02T09:00:00.000Z', { subject: `Souběh ${i}` })).id);
    // A second "process": its own database handle on PostgreSQL; SQLite's one connection serialises anyway.
    const second = engine === 'postgres' ? openDatabase(t.database.url, { poolSize: 3 }) : null;
    try {
      const other = createSlaWatcher({ db: second?.db ?? t.database.db, clock: t.clock, config: t.config, logger: quiet }, { batchSize: 2 });
      const mine = createSlaWatcher({ db: t.database.db, clock: t.clock, config: t.config, logger: quiet }, { batchSize: 2 });
      t.clock.set('2026-11-02T13:30:00.000Z');
      const [a, b, c] = await Promise.all([mine.runOnce(), other.runOnce(), watcher.runOnce()]);
      expect(a.checked + b.checked + c.checked).toBeGreaterThanOrEqual(ids.length);
      expect(await Promise.all([mine.runOnce(), other.runOnce()])).toEqual([
        { checked: 0, warned: 0, breached: 0, escalated: 0 },
        { checked: 0, warned: 0, breached: 0, escalated: 0 },
      ]);
    } finally {
      await second?.close();
    }
    for (const id of ids) {
      expect((await slaEvents(id)).map((e) => e.kind)).toEqual(['sla_warning', 'sla_breach']);
      // One breach mail per recipient: the warning crossed in the same window and is not mailed separately.
      expect((await escalationMails(id)).map((m) => m.subject.includes('breach'))).toEqual([true, true]);
    }
  });

  it('never breaches a ticket while it waits for the client, and breaches after it resumes', async () => {
    const { id } = await createTicket('2026-11-02T09:00:00.000Z');
    await transition(id, 'in_progress', '2026-11-02T09:30:00.000Z');
    await t.request(admin, { method: 'POST', url: `/api/v1/tickets/${id}/comments`, payload: { body: 'Díváme se na to', visibility: 'public' } });
    // Waiting from Mon 11:00 CET with 1 h of the 16 h resolution used.
    const waiting = await transition(id, 'waiting_for_client', '2026-11-02T10:00:00.000Z');
    expect(waiting.sla.status).toBe('paused');
    const row = await t.database.db.selectFrom('tickets').select('sla_next_check_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.sla_next_check_at).toBeNull();
    await t.database.db.updateTable('tickets').set({ sla_next_check_at: '2026-11-02T10:00:00.000Z' }).where('id', '=', id).execute(); // even if asked to look
    for (const at of ['2026-11-03T16:00:00.000Z', '2026-11-04T16:00:00.000Z', '2026-11-05T08:00:00.000Z']) await run(at);
    expect(await slaEvents(id)).toEqual([]);
    expect((await ticket(id)).sla).toMatchObject({ status: 'paused', breachedAt: null, warnedAt: null });

    // Resumed Thu 5 Nov 10:00 CET: 15 h left → 7 h Thu + 8 h Fri → Fri 6 Nov 16:00 CET (15:00Z).
    const resumed = await transition(id, 'in_progress', '2026-11-05T09:00:00.000Z');
    expect(resumed.sla.resolutionDueAt).toBe('2026-11-06T15:00:00.000Z');
    await run('2026-11-06T15:30:00.000Z');
    const events = await slaEvents(id);
    expect(events.map((e) => [e.kind, e.field])).toEqual([['sla_warning', 'resolution'], ['sla_breach', 'resolution']]);
    expect(JSON.parse(events[1]!.after_json!)).toMatchObject({ breachedMinutes: 30, at: '2026-11-06T15:00:00.000Z' });
  });

  it('on a breach moves the ticket to the policy’s escalation queue and mails both queue leads and the assignee', async () => {
    const escalationLead = await t.userWith(['manager']);
    const { queueId, clientId: vip } = await clientEscalatingTo({ code: 'escalation', name: 'Eskalace', leadUserId: escalationLead.id }, 'Escalating', 'VIP s.r.o.');

    const created = await createTicket('2026-11-02T09:00:00.000Z', { clientId: vip, queueId: deskId });
    const result = await run('2026-11-02T10:10:00.000Z'); // first response due 10:00Z
    expect(result.escalated).toBeGreaterThanOrEqual(1);
    expect(await run('2026-11-02T10:20:00.000Z')).toMatchObject({ escalated: 0 });

    const after = await ticket(created.id);
    expect(after.queue).toEqual({ id: queueId, name: 'Eskalace' });
    expect(after.version).toBe(created.version + 1);
    const events = await slaEvents(created.id);
    expect(events.map((e) => e.kind)).toEqual(['sla_warning', 'sla_breach', 'escalated']);
    expect(JSON.parse(events[2]!.after_json!)).toEqual({ id: queueId, name: 'Eskalace' });
    const mails = await escalationMails(created.id);
    expect(recipients(mails)).toEqual([lead.email, escalationLead.email, assignee.email].sort());
    expect(mails[0]!.body_text).toContain('The ticket was moved to the queue Eskalace.');
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'ticket').where('entity_id', '=', String(created.id)).where('actor_name', '=', 'system (SLA watcher)').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['sla_warning', 'sla_breach', 'escalate']);
  });

  it('on an escalation move keeps an assignee who may work the new queue and unassigns one who may not, saying so in the timeline and the mail', async () => {
    // Works both queues: stays. `assignee` works the service desk only: cannot open the escalation queue's tickets.
    const both = await t.userWith(['technician']);
    expect((await t.request(admin, { method: 'PATCH', url: `/api/v1/queues/${deskId}`, payload: { members: [assignee.id, both.id] } })).statusCode).toBe(200);
    const { queueId, clientId: client } = await clientEscalatingTo({ code: 'second_line', name: 'Druhá linie', members: [both.id] }, 'Second line', 'Druhá linie s.r.o.');

    const outside = await createTicket('2026-11-03T09:00:00.000Z', { clientId: client, queueId: deskId, assigneeId: assignee.id });
    const member = await createTicket('2026-11-03T09:00:00.000Z', { clientId: client, queueId: deskId, assigneeId: both.id });
    expect(await run('2026-11-03T10:10:00.000Z')).toMatchObject({ escalated: 2 });

    // The same rule as GET /tickets/assignees for the new queue: one of them is on that list, the other is not.
    const offered = (await t.request(admin, { method: 'GET', url: `/api/v1/tickets/assignees?queueId=${queueId}` })).json().items.map((p: { id: number }) => p.id);
    expect(offered).toContain(both.id);
    expect(offered).not.toContain(assignee.id);

    const kept = await ticket(member.id);
    expect(kept.queue.id).toBe(queueId);
    expect(kept.assignee).toMatchObject({ id: both.id });
    const keptMail = (await escalationMails(member.id)).find((m) => m.body_text.includes('Assignee:'))!;
    expect(keptMail.body_text).not.toContain('unassigned');

    const moved = await ticket(outside.id);
    expect(moved.queue.id).toBe(queueId);
    expect(moved.assignee).toBeNull();
    expect(moved.version).toBe(outside.version + 1);
    const timeline = (await t.request(admin, { method: 'GET', url: `/api/v1/tickets/${outside.id}/timeline` })).json().items as { event: string | null; field: string | null; before: unknown; after: unknown; actor?: unknown }[];
    expect(timeline.filter((i) => i.event === 'field' && i.field === 'assignee')).toMatchObject([{ before: { id: assignee.id }, after: null }]);
    const mails = await escalationMails(outside.id);
    // The former assignee is still told, with the queue lead(s).
    expect(recipients(mails)).toContain(assignee.email);
    const english = mails.find((m) => m.body_text.includes('Assignee:'))!;
    expect(english.body_text).toContain('The ticket was moved to the queue Druhá linie.');
    expect(english.body_text).toMatch(/cannot work the tickets of the queue Druhá linie, so the ticket is now unassigned\./);
    expect(english.body_text).toContain('- Assignee: unassigned');
    const audit = await t.database.db.selectFrom('audit_log').select(['before_json', 'after_json']).where('entity', '=', 'ticket').where('entity_id', '=', String(outside.id)).where('action', '=', 'escalate').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json!)).toMatchObject({ assigneeId: assignee.id });
    expect(JSON.parse(audit.after_json!)).toMatchObject({ assigneeId: null, queueId: queueId });
  });

  it('on a breach whose escalation queue is inactive (older data) leaves the ticket where it is and says so in its timeline', async () => {
    const { queueId, clientId: client } = await clientEscalatingTo({ code: 'dormant', name: 'Spící fronta' }, 'Dormant escalation', 'Spící s.r.o.');
    // Deactivated before Kontor refused that (the API now answers 409 queue_is_escalation_target).
    await t.database.db.updateTable('queues').set({ active: 0 }).where('id', '=', queueId).execute();

    const created = await createTicket('2026-11-12T09:00:00.000Z', { clientId: client, queueId: deskId });
    await run('2026-11-12T10:10:00.000Z'); // first response due 10:00Z
    await run('2026-11-12T10:20:00.000Z');

    const after = await ticket(created.id);
    expect(after.queue.id).toBe(deskId);
    expect(after.version).toBe(created.version);
    const timeline = (await t.request(admin, { method: 'GET', url: `/api/v1/tickets/${created.id}/timeline` })).json().items as { event: string | null; field: string | null; actor: string | null; after: unknown }[];
    const sla = timeline.filter((i) => i.event?.startsWith('sla_') || i.event?.startsWith('escalat'));
    expect(sla.map((i) => i.event)).toEqual(['sla_warning', 'sla_breach', 'escalation_skipped']);
    expect(sla[2]).toMatchObject({ actor: 'SLA', field: 'queue', after: { id: queueId, name: 'Spící fronta', reason: 'inactive' } });
  });

  it('counts business time across a weekend: sleeps through it and warns and breaches on Monday', async () => {
    // Fri 6 Nov 15:00 CET: 2 h left on Friday; first response due Mon 9 Nov 10:00 CET (09:00Z), warning at 09:12 CET.
    const { id, sla } = await createTicket('2026-11-06T14:00:00.000Z');
    expect(sla.firstResponseDueAt).toBe('2026-11-09T09:00:00.000Z');
    const row = await t.database.db.selectFrom('tickets').select('sla_next_check_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.sla_next_check_at).toBe('2026-11-09T08:12:00.000Z');
    for (const at of ['2026-11-06T16:30:00.000Z', '2026-11-07T12:00:00.000Z', '2026-11-08T20:00:00.000Z', '2026-11-09T07:00:00.000Z']) await run(at);
    expect(await slaEvents(id)).toEqual([]);
    await run('2026-11-09T08:20:00.000Z');
    expect((await slaEvents(id)).map((e) => e.kind)).toEqual(['sla_warning']);
    await run('2026-11-09T09:05:00.000Z');
    const events = await slaEvents(id);
    expect(events.map((e) => e.kind)).toEqual(['sla_warning', 'sla_breach']);
    expect(JSON.parse(events[1]!.after_json!)).toMatchObject({ breachedMinutes: 5 });
  });

  it('reports a breach that a priority change causes at once, and a late response only as a fact (no mail)', async () => {
    // P4 (first response 8 h) raised to P1 (30 min) after 2 h: breached by 90 min at once.
    const { id } = await createTicket('2026-11-10T08:00:00.000Z', { impact: 'low', urgency: 'low' });
    t.clock.set('2026-11-10T10:00:00.000Z');
    const version = (await ticket(id)).version;
    const patched = await t.request(admin, { method: 'PATCH', url: `/api/v1/tickets/${id}`, payload: { version, impact: 'high', urgency: 'high' } });
    expect(patched.json().priority).toBe('P1');
    const row = await t.database.db.selectFrom('tickets').select('sla_next_check_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.sla_next_check_at).toBe('2026-11-10T10:00:00.000Z');
    await run('2026-11-10T10:00:00.000Z');
    // Resolution (P1: 4 h) is at 50 %: nothing to say about it yet.
    expect((await slaEvents(id)).map((e) => [e.kind, e.field])).toEqual([['sla_warning', 'firstResponse'], ['sla_breach', 'firstResponse']]);
    expect(JSON.parse((await slaEvents(id))[1]!.after_json!)).toMatchObject({ breachedMinutes: 90, dueAt: '2026-11-10T08:30:00.000Z' });

    // Late response before the watcher saw the breach: recorded, not mailed.
    const late = await createTicket('2026-11-10T08:00:00.000Z', { impact: 'high', urgency: 'high' });
    await run('2026-11-10T08:10:00.000Z'); // P1 first response due 08:30Z; the watcher is then down
    t.clock.set('2026-11-10T09:00:00.000Z');
    await t.request(admin, { method: 'POST', url: `/api/v1/tickets/${late.id}/comments`, payload: { body: 'Omlouváme se za zpoždění', visibility: 'public' } });
    await run('2026-11-10T09:00:10.000Z');
    const events = await slaEvents(late.id);
    expect(events.map((e) => `${e.kind}:${e.field}`)).toEqual(['sla_breach:firstResponse']);
    expect(JSON.parse(events[0]!.after_json!)).toMatchObject({ breachedMinutes: 30 });
    expect(await escalationMails(late.id)).toEqual([]);
  });
});
