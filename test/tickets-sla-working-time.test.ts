import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

/**
 * The working time left on each SLA target of the ticket page (slaTargets[].businessMinutesLeft):
 * business minutes of the policy's calendar, so nights, weekends and Czech public holidays do not
 * count, the clock stands while the ticket waits, and it goes negative once over the target.
 * The seeded default policy: P3 is 4 h to respond and 16 h to resolve, Mon–Fri 08:00–17:00 Prague,
 * Czech holidays closed (17 Nov is one). November in Prague is UTC+1.
 */
describe.each(testEngines())('SLA working time left on the ticket on %s', (engine) => {
  let t: TestApp;
  let operator: Auth;
  let clientId: number;
  let contactId: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    ({ clientId, contactId } = await t.clientWithRequester('Pracovní Doba s.r.o.', { name: 'Jana Klientová', email: 'jana@pracovni-doba.cz' }));
    operator = (await t.queueOperator()).auth;
  });
  afterAll(() => t.close());

  const at = async (id: number, instant: string) => {
    t.clock.set(instant);
    const res = await t.request(operator, { method: 'GET', url: `/api/v1/tickets/${id}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().slaTargets;
  };
  const move = async (id: number, instant: string, toState: string, extra: object = {}) => {
    t.clock.set(instant);
    const version = (await t.request(operator, { method: 'GET', url: `/api/v1/tickets/${id}` })).json().version;
    const res = await t.request(operator, { method: 'POST', url: `/api/v1/tickets/${id}/transition`, payload: { toState, version, ...extra } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().slaTargets;
  };

  it('counts down in working time over a weekend and 17 November, stands while waiting, goes negative when overdue', async () => {
    t.clock.set('2026-11-13T14:00:00.000Z'); // Fri 13 Nov 15:00 Prague: 2 h of the working day left
    const created = await t.request(operator, {
      method: 'POST', url: '/api/v1/tickets',
      payload: { clientId, subject: 'Friday afternoon', requesterContactId: contactId, impact: 'medium', urgency: 'medium' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const ticket = created.json();
    expect(ticket.priority).toBe('P3');
    // The creation answer carries it too.
    expect(ticket.slaTargets.firstResponse).toMatchObject({ status: 'running', businessMinutesLeft: 240 });
    expect(ticket.slaTargets.resolution).toMatchObject({ status: 'running', businessMinutesLeft: 960 });

    // Saturday noon: 2 h were used on Friday, nothing since; the response is due Mon 10:00.
    const saturday = await at(ticket.id, '2026-11-14T11:00:00.000Z');
    expect(saturday.firstResponse).toMatchObject({ status: 'running', dueAt: '2026-11-16T09:00:00.000Z', businessMinutesLeft: 120 });
    expect(saturday.resolution).toMatchObject({ status: 'running', businessMinutesLeft: 840 });
    // Sunday evening: the same.
    expect((await at(ticket.id, '2026-11-15T19:00:00.000Z')).firstResponse.businessMinutesLeft).toBe(120);

    // Mon 16 Nov 09:00: one working hour gone, the wall clock says 1 h too, by chance.
    const monday = await at(ticket.id, '2026-11-16T08:00:00.000Z');
    expect(monday.firstResponse.businessMinutesLeft).toBe(60);
    expect(monday.resolution.businessMinutesLeft).toBe(780);

    // Tue 17 Nov (a Czech public holiday), noon: Monday's 9 h counted, the holiday does not.
    const holiday = await at(ticket.id, '2026-11-17T11:00:00.000Z');
    expect(holiday.firstResponse).toMatchObject({ status: 'breached', businessMinutesLeft: -420, breachedMinutes: 420 });
    expect(holiday.resolution).toMatchObject({ status: 'running', businessMinutesLeft: 300 });
    // Wed 18 Nov 10:00: two more working hours.
    const wednesday = await at(ticket.id, '2026-11-18T09:00:00.000Z');
    expect(wednesday.firstResponse.businessMinutesLeft).toBe(-540);
    expect(wednesday.resolution.businessMinutesLeft).toBe(180);

    // Waiting for the client (the request is the first reply): the response clock stopped, the resolution one stands.
    await move(ticket.id, '2026-11-18T09:00:00.000Z', 'in_progress');
    const waiting = await move(ticket.id, '2026-11-18T09:00:00.000Z', 'waiting_for_client', { comment: 'Pošlete prosím fotku štítku.' });
    expect(waiting.firstResponse).toMatchObject({ status: 'breached', stoppedAt: '2026-11-18T09:00:00.000Z', breachedMinutes: 540, businessMinutesLeft: null });
    expect(waiting.resolution).toMatchObject({ status: 'paused', dueAt: null, businessMinutesLeft: null });
    expect((await at(ticket.id, '2026-11-19T11:00:00.000Z')).resolution).toMatchObject({ status: 'paused', businessMinutesLeft: null });

    // Back to work Thu 12:00: the wait did not count; an hour later 2 h are left.
    await move(ticket.id, '2026-11-19T11:00:00.000Z', 'in_progress');
    const thursday = await at(ticket.id, '2026-11-19T12:00:00.000Z');
    expect(thursday.resolution).toMatchObject({ status: 'warning', businessMinutesLeft: 120 }); // 14 of 16 h used: past the warning share
    expect(thursday.resolution.dueAt).toBe('2026-11-19T14:00:00.000Z');

    // Fri 20 Nov 12:00: due Thu 15:00, so 2 h over on Thursday and 4 h on Friday morning.
    const friday = await at(ticket.id, '2026-11-20T11:00:00.000Z');
    expect(friday.resolution).toMatchObject({ status: 'breached', businessMinutesLeft: -360, breachedMinutes: 360 });

    // Resolved: the clock stopped, no countdown any more.
    const resolved = await move(ticket.id, '2026-11-20T11:00:00.000Z', 'resolved', { resolutionNote: 'Vyměněn toner.' });
    expect(resolved.resolution).toMatchObject({ status: 'breached', businessMinutesLeft: null, breachedMinutes: 360 });
  });
});
