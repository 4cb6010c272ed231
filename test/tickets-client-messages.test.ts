import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../src/modules/mail/domain/default-templates.ts';
import { LANGUAGES } from '../src/shared/language.ts';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

/** What a state change tells the client, and what the ticket page shows of each SLA target once it stopped. */
describe.each(testEngines())('ticket messages to the client and SLA outcomes on %s', (engine) => {
  let t: TestApp;
  let operator: Auth;
  let clientId: number;
  let contactId: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    ({ clientId, contactId } = await t.clientWithRequester('Klient Zpráv s.r.o.', { name: 'Petr Klient', email: 'petr@klient.cz' }));
    operator = (await t.queueOperator()).auth;
  });
  afterAll(() => t.close());

  const newTicket = async (subject: string) =>
    (await t.request(operator, { method: 'POST', url: '/api/v1/tickets', payload: { clientId, subject, requesterContactId: contactId, impact: 'medium', urgency: 'medium' } })).json();
  const move = async (id: number, version: number, toState: string, extra: object = {}) => {
    const res = await t.request(operator, { method: 'POST', url: `/api/v1/tickets/${id}/transition`, payload: { toState, version, ...extra } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const mails = (id: number) => t.database.db.selectFrom('mail_outbox').select(['template_key', 'body_text as text']).where('ticket_id', '=', id).orderBy('id').execute();
  const publicComments = async (id: number) =>
    (await t.request(operator, { method: 'GET', url: `/api/v1/tickets/${id}/timeline` })).json().items.filter((i: { kind: string; visibility: string }) => i.kind === 'comment' && i.visibility === 'public');

  // The acceptance check by hand (docs/USER-GUIDE.md, SLA): P3 is 4 h to respond and 16 h to resolve,
  // Mon–Fri 08:00–17:00 Prague, Czech holidays closed (24–26 Dec, 1 Jan).
  it('counts the SLA due times past a weekend and the Czech Christmas and New Year holidays', async () => {
    t.clock.set('2026-12-23T14:00:00.000Z'); // Wed 15:00 Prague: 2 h left that day
    const christmas = await newTicket('Before Christmas');
    // Thu 24 (holiday), Fri 25 (holiday), Sat, Sun closed: Mon 28 Dec 08:00 + 2 h; 16 h = 2 + 9 (Mon) + 5 (Tue).
    expect(christmas.slaTargets.firstResponse).toMatchObject({ status: 'running', dueAt: '2026-12-28T09:00:00.000Z' });
    expect(christmas.slaTargets.resolution).toMatchObject({ status: 'running', dueAt: '2026-12-29T12:00:00.000Z' });
    t.clock.set('2026-12-31T15:00:00.000Z'); // Thu 31 Dec 16:00 Prague: 1 h left that day
    const newYear = await newTicket('New Year');
    // Fri 1 Jan (holiday) and the weekend closed: Mon 4 Jan 08:00 + 3 h; 16 h = 1 + 9 (Mon) + 6 (Tue).
    expect(newYear.slaTargets.firstResponse).toMatchObject({ dueAt: '2027-01-04T10:00:00.000Z' });
    expect(newYear.slaTargets.resolution).toMatchObject({ dueAt: '2027-01-05T13:00:00.000Z' });
  });

  it('announces which moves mail the client, so the screen can ask for the message first', async () => {
    t.clock.set('2026-11-02T09:00:00.000Z');
    const ticket = await newTicket('Announce');
    const started = await move(ticket.id, ticket.version, 'in_progress');
    const byState = Object.fromEntries(started.allowedTransitions.map((a: { toState: string }) => [a.toState, a]));
    expect(byState.waiting_for_client).toMatchObject({ toCategory: 'waiting', clientNotice: 'ticket_waiting_for_client' });
    expect(byState.waiting_for_third_party).toMatchObject({ toCategory: 'waiting', clientNotice: null });
    expect(byState.resolved).toMatchObject({ toCategory: 'resolved', clientNotice: 'ticket_resolved', requiredFields: ['resolutionNote'] });
  });

  it('waiting for the client: the request is a public reply, the first response, and what the mail quotes', async () => {
    t.clock.set('2026-11-02T09:00:00.000Z');
    const ticket = await newTicket('Need the serial number');
    const started = await move(ticket.id, ticket.version, 'in_progress');
    t.clock.set('2026-11-02T09:30:00.000Z');
    const waiting = await move(ticket.id, started.version, 'waiting_for_client', { comment: 'Pošlete nám prosím sériové číslo tiskárny.' });
    expect(waiting.firstResponseAt).toBe('2026-11-02T09:30:00.000Z');
    expect(waiting.slaTargets.firstResponse).toMatchObject({ status: 'met', stoppedAt: '2026-11-02T09:30:00.000Z' });
    expect((await publicComments(ticket.id)).map((c: { body: string }) => c.body)).toEqual(['Pošlete nám prosím sériové číslo tiskárny.']);
    const sent = await mails(ticket.id);
    // One mail for the move: the waiting notice quotes the request (no separate reply mail).
    expect(sent.map((m) => m.template_key)).toEqual(['ticket_created', 'ticket_waiting_for_client']);
    expect(sent[1]!.text).toContain('Pošlete nám prosím sériové číslo tiskárny.');
  });

  it('waiting for the client without a message: the mail promises no text it lacks', async () => {
    t.clock.set('2026-11-02T09:00:00.000Z');
    const ticket = await newTicket('Silent wait');
    const started = await move(ticket.id, ticket.version, 'in_progress');
    await move(ticket.id, started.version, 'waiting_for_client');
    const notice = (await mails(ticket.id)).find((m) => m.template_key === 'ticket_waiting_for_client')!;
    expect(notice.text).toContain('potřebujeme od vás doplnění.');
    expect(notice.text).not.toMatch(/:\s*\n\s*\n\s*\n/);
    expect(notice.text).toContain('Stačí odpovědět na tento e-mail.');
    expect(notice.text).not.toContain(`/tickets/${ticket.id}`);
    expect(await publicComments(ticket.id)).toEqual([]);
  });

  // A message with a move and a resolution note may be empty (a process may not require
  // them): no default text may introduce one with a colon and then show nothing.
  it.each(LANGUAGES)('the default %s texts read whole when a message or resolution note is empty', (language) => {
    const optional = ['{{comment.body}}', '{{resolution_note}}'];
    const checked: string[] = [];
    for (const [key, template] of Object.entries(DEFAULT_TEMPLATES[language])) {
      // A public reply always has its text (an empty reply is refused).
      if (key === 'ticket_public_reply') continue;
      const lines = template.body.split('\n');
      lines.forEach((line, at) => {
        if (!optional.includes(line.trim())) return;
        checked.push(key);
        const before = lines.slice(0, at).filter((l) => l.trim()).pop()!;
        expect(before.trimEnd().endsWith(':'), `${key}: ${before}`).toBe(false);
      });
    }
    expect(checked).toEqual(expect.arrayContaining(['ticket_waiting_for_client', 'ticket_resolved']));
  });

  // No client portal yet: the ticket link opens only for staff, so a mail that asks for an
  // answer (more information, or the problem persists) tells the client to reply to it.
  it.each(LANGUAGES)('the default %s texts that ask the client to answer say: reply to this e-mail', (language) => {
    const replyToMail = { cs: 'odpovědět na tento e-mail', sk: 'odpovedať na tento e-mail', en: 'reply to this e-mail' }[language];
    for (const key of ['ticket_waiting_for_client', 'ticket_resolved'] as const) {
      const body = DEFAULT_TEMPLATES[language][key].body;
      expect(body, key).toContain(replyToMail);
      expect(body, key).not.toMatch(/rovnou odpovědět|rovno odpovedať|reply directly|dejte nám prosím vědět|dajte nám prosím vedieť|please let us know/);
    }
  });

  it('a message with a move whose notice does not quote it (waiting for a third party) is mailed as a public reply', async () => {
    t.clock.set('2026-11-02T09:00:00.000Z');
    const ticket = await newTicket('Third party');
    const started = await move(ticket.id, ticket.version, 'in_progress');
    const waiting = await move(ticket.id, started.version, 'waiting_for_third_party', { comment: 'Čekáme na dodavatele, ozveme se do pátku.' });
    expect(waiting.firstResponseAt).not.toBeNull();
    const sent = await mails(ticket.id);
    expect(sent.map((m) => m.template_key)).toEqual(['ticket_created', 'ticket_public_reply']);
    expect(sent[1]!.text).toContain('Čekáme na dodavatele');
  });

  it('a ticket resolved before any reply: the resolution was the first response, met in time', async () => {
    t.clock.set('2026-11-02T09:00:00.000Z'); // Mon 10:00 Prague; P3 first response due 14:00 (13:00Z)
    const ticket = await newTicket('Resolved quickly');
    expect(ticket.slaTargets.firstResponse).toMatchObject({ status: 'running', dueAt: '2026-11-02T13:00:00.000Z', stoppedAt: null });
    const started = await move(ticket.id, ticket.version, 'in_progress');
    t.clock.set('2026-11-02T12:30:00.000Z');
    const resolved = await move(ticket.id, started.version, 'resolved', { resolutionNote: 'Restartováno.' });
    expect(resolved.firstResponseAt).toBeNull();
    expect(resolved.sla.status).toBe('met');
    expect(resolved.slaTargets.firstResponse).toEqual({ status: 'met', dueAt: '2026-11-02T13:00:00.000Z', stoppedAt: '2026-11-02T12:30:00.000Z', breachedMinutes: null, businessMinutesLeft: null });
    expect(resolved.slaTargets.resolution).toMatchObject({ status: 'met', stoppedAt: '2026-11-02T12:30:00.000Z' });
    // Later reads give the same outcome: nothing runs any more.
    t.clock.set('2026-11-20T12:00:00.000Z');
    const later = (await t.request(operator, { method: 'GET', url: `/api/v1/tickets/${ticket.id}` })).json();
    expect(later.slaTargets).toEqual(resolved.slaTargets);
  });

  it('a ticket resolved after the first-response target without a reply: missed, and by how much', async () => {
    t.clock.set('2026-11-02T09:00:00.000Z');
    const ticket = await newTicket('Resolved late');
    const started = await move(ticket.id, ticket.version, 'in_progress');
    t.clock.set('2026-11-02T14:15:00.000Z'); // 75 business minutes after the 13:00Z target
    const resolved = await move(ticket.id, started.version, 'resolved', { resolutionNote: 'Hotovo.' });
    expect(resolved.slaTargets.firstResponse).toMatchObject({ status: 'breached', stoppedAt: '2026-11-02T14:15:00.000Z', breachedMinutes: 75 });
    expect(resolved.slaTargets.resolution).toMatchObject({ status: 'met' });
    expect(resolved.sla.status).toBe('breached');
  });
});
