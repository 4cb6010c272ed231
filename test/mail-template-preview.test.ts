import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTicketNotice, TEMPLATE_KEYS } from '../src/modules/mail/index.ts';
import { systemContext } from '../src/modules/identity/index.ts';
import { createSlaWatcher } from '../src/modules/tickets/index.ts';
import type { Role } from '../src/modules/identity/index.ts';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

/** The template editor's preview filled from a real ticket: the values its mail was (or would be) sent with. */
describe.each(testEngines())('mail template preview with a ticket on %s', (engine) => {
  let t: TestApp;
  let admin: Auth;
  let operator: Auth;
  let clientId: number;
  let contactId: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await t.tokenFor((await t.userWith(['admin'])).id);
    operator = (await t.queueOperator()).auth;
    ({ clientId, contactId } = await t.clientWithRequester('Strojárne Preview a.s.', { name: 'Zuzana Žiadateľka', email: 'zuzana@preview.sk', language: 'sk' }));
  });
  afterAll(() => t.close());

  const api = (method: 'GET' | 'POST', url: string, payload?: object, auth: Auth = admin) => t.request(auth, { method, url, payload });
  const preview = (key: string, language: string, body: object) => api('POST', `/api/v1/mail/templates/${key}/${language}/preview`, body);
  const templateInForce = async (key: string, language: string) => {
    const items = (await api('GET', '/api/v1/mail/templates')).json().items as { key: string; language: string; subject: string; body: string }[];
    const found = items.find((i) => i.key === key && i.language === language)!;
    return { subject: found.subject, body: found.body };
  };
  const newTicket = async (subject: string, requester: number | null = contactId) => {
    const res = await api('POST', '/api/v1/tickets', { clientId, subject, requesterContactId: requester, impact: 'medium', urgency: 'medium' }, operator);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; number: string; version: number };
  };
  const comment = async (id: number, body: string, visibility: 'public' | 'internal') =>
    expect((await api('POST', `/api/v1/tickets/${id}/comments`, { body, visibility }, operator)).statusCode).toBe(201);
  const move = async (id: number, toState: string, extra: object = {}) => {
    const { version } = (await api('GET', `/api/v1/tickets/${id}`, undefined, operator)).json();
    const res = await api('POST', `/api/v1/tickets/${id}/transition`, { toState, version, ...extra }, operator);
    expect(res.statusCode, res.body).toBe(200);
  };
  const sentMails = (ticketId: number) =>
    t.database.db.selectFrom('mail_outbox').select(['template_key', 'template_language as language', 'subject', 'body_text', 'body_html']).where('ticket_id', '=', ticketId).orderBy('id').execute();

  it('fills each client notice from the ticket exactly as its mail was sent', async () => {
    const ticket = await newTicket('Tlačiareň na 2. poschodí netlačí');
    await comment(ticket.id, 'Ovládač sme preinštalovali.\nSkúste prosím tlač znova.', 'public');
    await comment(ticket.id, 'Interná poznámka: toner dochádza', 'internal');
    await move(ticket.id, 'in_progress');
    await move(ticket.id, 'resolved', { resolutionNote: 'Vymenený toner, tlač funguje.' });

    const sent = await sentMails(ticket.id);
    expect(sent.map((m) => [m.template_key, m.language])).toEqual([['ticket_created', 'sk'], ['ticket_public_reply', 'sk'], ['ticket_resolved', 'sk']]);
    for (const mail of sent) {
      // The template in force, previewed with the ticket's number as typed by hand.
      const res = await preview(mail.template_key!, 'sk', { ...(await templateInForce(mail.template_key!, 'sk')), ticketNumber: ` ${ticket.number.toLowerCase()} ` });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json(), mail.template_key!).toEqual({ subject: mail.subject, text: mail.body_text, html: mail.body_html });
    }
    const reply = (await preview('ticket_public_reply', 'sk', { subject: '{{recipient.name}}', body: '{{comment.body}}', ticketNumber: ticket.number })).json();
    expect(reply).toMatchObject({ subject: `[${ticket.number}] Zuzana Žiadateľka`, text: 'Ovládač sme preinštalovali.\nSkúste prosím tlač znova.\n' });
  });

  it('renders in the chosen language with the ticket values, and quotes the latest public comment', async () => {
    const ticket = await newTicket('Server room too warm');
    await comment(ticket.id, 'First answer', 'public');
    await comment(ticket.id, 'Second answer', 'public');
    await comment(ticket.id, 'Internal only', 'internal');
    const en = await preview('ticket_public_reply', 'en', { ...(await templateInForce('ticket_public_reply', 'en')), ticketNumber: ticket.number });
    expect(en.json().subject).toBe(`[${ticket.number}] New reply to your request: Server room too warm`);
    expect(en.json().text).toContain('Second answer');
    expect(en.json().text).not.toMatch(/First answer|Internal only|Nefunguje|T2026-000123/);
    const all = (await preview('ticket_resolved', 'cs', {
      subject: '{{ticket.subject}}',
      body: '{{ticket.number}}|{{ticket.url}}|{{client.name}}|{{recipient.name}}|{{resolution_note}}',
      ticketNumber: ticket.number,
    })).json();
    // Not resolved yet: no resolution note, as the mail would have none.
    expect(all.text).toBe(`${ticket.number}|http://127.0.0.1:3000/tickets/${ticket.id}|Strojárne Preview a.s.|Zuzana Žiadateľka|\n`);
  });

  it('leaves empty what the ticket does not have: no requester, no public comment', async () => {
    const ticket = await newTicket('Without a requester', null);
    const res = await preview('ticket_waiting_for_client', 'cs', { subject: 's', body: '[{{recipient.name}}][{{comment.body}}][{{ticket.subject}}]', ticketNumber: ticket.number });
    expect(res.json().text).toBe('[][][Without a requester]\n');
  });

  it('answers 404 naming the field for a number no ticket has, and 400 for bad input', async () => {
    const body = { subject: '{{ticket.subject}}', body: '{{ticket.number}}' };
    for (const ticketNumber of ['T2026-999999', 'nonsense']) {
      const res = await preview('ticket_created', 'cs', { ...body, ticketNumber });
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toMatchObject({ code: 'not_found', details: [{ path: 'ticketNumber', code: 'unknown_ticket' }] });
      expect(res.json().error.message).toContain(ticketNumber.toUpperCase());
    }
    expect((await preview('ticket_created', 'cs', { ...body, ticketNumber: 'T'.repeat(41) })).statusCode).toBe(400);
    expect((await preview('ticket_created', 'cs', { ...body, ticketNumber: 12 })).statusCode).toBe(400);
    // The template's own problems come first.
    const unknown = await preview('ticket_created', 'cs', { subject: '{{ticket.numbr}}', body: 'x', ticketNumber: 'T2026-999999' });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([400, 'unknown_placeholder']);
    // Empty: the sample values.
    expect((await preview('ticket_created', 'cs', { ...body, ticketNumber: '  ' })).json().text).toBe('T2026-000123\n');
  });

  it('ignores the ticket for templates about something else, and says which templates take one', async () => {
    const ticket = await newTicket('Not for alerts');
    const alert = await preview('contract_prepaid_alert', 'cs', { subject: '{{contract.number}}', body: '{{client.name}}', ticketNumber: ticket.number });
    expect(alert.json()).toMatchObject({ subject: 'SM-2026-007', text: 'Strojírny Brno a.s.\n' });
    const escalation = await preview('sla_escalation', 'en', { subject: '{{sla.event}}', body: '{{ticket.number}}', ticketNumber: 'T2026-999999' });
    expect([escalation.statusCode, escalation.json().error.details]).toEqual([404, [expect.objectContaining({ path: 'ticketNumber', code: 'unknown_ticket' })]]);
    const items = (await api('GET', '/api/v1/mail/templates')).json().items as { key: string; ticketPreview: boolean }[];
    const withTicket = [...new Set(items.filter((i) => i.ticketPreview).map((i) => i.key))];
    expect(withTicket).toEqual(['ticket_created', 'ticket_public_reply', 'ticket_waiting_for_client', 'ticket_resolved', 'ticket_closed', 'sla_escalation', 'ticket_colleague_update']);
    expect(TEMPLATE_KEYS.filter(isTicketNotice)).toEqual(withTicket);
  });

  it('fills from a ticket only for those who may see it: out of scope is the same 404 as unknown', async () => {
    const ticket = await newTicket('Scoped ticket');
    const ctxOf = async (roles: Role[]) => {
      const u = await t.userWith(roles);
      return { actor: { userId: u.id, name: 'Scope', roles, clientId: null, tokenId: null }, ip: null };
    };
    const { noticePreview } = t.services.tickets;
    // A technician in no queue sees no ticket.
    const outsider = noticePreview(await ctxOf(['technician']), 'ticket_created', 'cs', ticket.number);
    await expect(outsider).rejects.toMatchObject({ kind: 'not_found', message: `No ticket ${ticket.number} that you may see` });
    await expect(noticePreview(await ctxOf(['technician']), 'sla_escalation', 'cs', 'T2026-999999')).rejects.toMatchObject({ kind: 'not_found', details: [{ path: 'ticketNumber', code: 'unknown_ticket' }] });
    await expect(noticePreview(await ctxOf(['accountant']), 'sla_escalation', 'en', ticket.number)).rejects.toMatchObject({ kind: 'forbidden' });
    expect(await noticePreview(await ctxOf(['manager']), 'ticket_created', 'cs', ticket.number)).toMatchObject({ ticket: { number: ticket.number, subject: 'Scoped ticket' } });
    expect(await noticePreview(await ctxOf(['manager']), 'sla_escalation', 'sk', ticket.number)).toMatchObject({ ticket: { number: ticket.number, subject: 'Scoped ticket' }, sla: { event: 'Blíži sa termín SLA' } });
    // The preview itself stays for administrators.
    expect((await api('POST', '/api/v1/mail/templates/ticket_created/cs/preview', { subject: 's', body: 'b', ticketNumber: ticket.number }, operator)).statusCode).toBe(403);
  });
  it('fills the escalation a ticket is heading for before any crossing, and refuses a ticket whose SLA has no target', async () => {
    const ticket = await newTicket('Not yet late');
    const body = { subject: '{{sla.event}}', body: '{{sla.detail}}' };
    const ahead = await preview('sla_escalation', 'en', { ...body, ticketNumber: ticket.number });
    expect(ahead.json()).toMatchObject({ subject: `[${ticket.number}] SLA warning`, text: '80 % of the time for the first response is used up.\n' });
    await t.database.db.updateTable('tickets').set({ sla_policy_id: null }).where('id', '=', ticket.id).execute();
    const none = await preview('sla_escalation', 'cs', { ...body, ticketNumber: ticket.number });
    expect(none.statusCode).toBe(409);
    expect(none.json().error).toMatchObject({ code: 'no_sla_target', details: [{ path: 'ticketNumber', code: 'no_sla_target' }] });
  });

  // Last in this file: it moves the clock forward (the SLA watcher works on business time).
  it('fills the SLA escalation from the ticket exactly as the SLA watcher mailed its warning and its breach, in cs, sk and en', async () => {
    const db = t.database.db;
    const person = async (roles: Parameters<TestApp['userWith']>[0], language: 'cs' | 'sk' | 'en') => {
      const u = await t.userWith(roles);
      await db.updateTable('users').set({ language }).where('id', '=', u.id).execute();
      return { ...u, name: (await db.selectFrom('users').select('name').where('id', '=', u.id).executeTakeFirstOrThrow()).name };
    };
    // The queue lead reads Czech, the assignee Slovak, the escalation queue's lead English: one mail per language.
    const [lead, assignee, escalationLead] = [await person(['manager'], 'cs'), await person(['technician'], 'sk'), await person(['manager'], 'en')];
    const create = async (url: string, payload: object) => {
      const res = await api('POST', url, payload);
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    const desk = await create('/api/v1/queues', { code: 'printers', name: 'Tiskárny', leadUserId: lead.id, members: [assignee.id] });
    const escalation = await create('/api/v1/queues', { code: 'second_line', name: 'Druhá linie', leadUserId: escalationLead.id });
    const calendarId = (await api('GET', '/api/v1/calendars')).json().items[0].id;
    const target = { firstResponseMinutes: 60, resolutionMinutes: 240 };
    const policyId = await create('/api/v1/sla-policies', { name: 'Printers', calendarId, targets: { P1: target, P2: target, P3: target, P4: target }, escalateToQueueId: escalation });
    const client = (await t.services.customers.create(systemContext, { name: 'Tlačiarne Košice s.r.o.', country: 'SK', language: 'sk', currency: 'EUR', paymentTermsDays: 14 })).id;
    expect((await t.request(admin, { method: 'PUT', url: `/api/v1/clients/${client}/sla-policy`, payload: { slaPolicyId: policyId } })).statusCode).toBe(200);
    // Tue 3 Nov 10:00 CET: the first response is due at 11:00 CET (10:00Z), its warning comes at 80 % (09:48Z).
    t.clock.set('2026-11-03T09:00:00.000Z');
    const created = await api('POST', '/api/v1/tickets', { clientId: client, queueId: desk, assigneeId: assignee.id, subject: 'Tlačiareň v sklade netlačí' });
    expect(created.statusCode, created.body).toBe(201);
    const ticket = created.json() as { id: number; number: string };
    const watcher = createSlaWatcher({ db, clock: t.clock, config: t.config, logger: { info: () => undefined, warn: () => undefined, error: () => undefined } });
    const escalations = async () => (await sentMails(ticket.id)).filter((m) => m.template_key === 'sla_escalation');
    const previewLike = async (mail: { language: string | null }) => {
      const res = await preview('sla_escalation', mail.language!, { ...(await templateInForce('sla_escalation', mail.language!)), ticketNumber: ticket.number });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };

    t.clock.set('2026-11-03T09:50:00.000Z');
    await watcher.runOnce(); // the earlier tickets of this file are checked too
    const warnings = await escalations();
    expect(warnings.map((m) => m.language).sort()).toEqual(['cs', 'sk']);
    for (const mail of warnings) expect(await previewLike(mail), mail.language!).toEqual({ subject: mail.subject, text: mail.body_text, html: mail.body_html });
    expect(warnings.find((m) => m.language === 'cs')!.body_text).toContain('- Termín: 3. 11. 2026 11:00');

    t.clock.set('2026-11-03T10:10:00.000Z');
    await watcher.runOnce();
    const breaches = (await escalations()).slice(warnings.length);
    expect(breaches.map((m) => m.language).sort()).toEqual(['cs', 'en', 'sk']);
    for (const mail of breaches) expect(await previewLike(mail), mail.language!).toEqual({ subject: mail.subject, text: mail.body_text, html: mail.body_html });
    const english = breaches.find((m) => m.language === 'en')!;
    expect(english.body_text).toContain(`Hello ${escalationLead.name},`);
    expect(english.body_text).toContain('the first response deadline was missed by 10 min.');
    expect(english.body_text).toContain('- Due: 3 Nov 2026, 11:00');
    expect(english.body_text).toMatch(/The ticket was moved to the queue Druhá linie\. .* cannot work the tickets of the queue Druhá linie, so the ticket is now unassigned\./);

    // Each placeholder on its own: the lead the mail goes to, the queue and assignee as they are now.
    const all = await preview('sla_escalation', 'sk', {
      subject: '{{sla.event}}',
      body: '{{recipient.name}}|{{queue.name}}|{{assignee.name}}|{{ticket.priority}}|{{client.name}}|{{sla.due_at}}|{{ticket.url}}',
      ticketNumber: ticket.number,
    });
    expect(all.json()).toEqual(expect.objectContaining({
      subject: `[${ticket.number}] Porušenie SLA`,
      text: `${escalationLead.name}|Druhá linie|nepriradená|P3|Tlačiarne Košice s.r.o.|3. 11. 2026, 11:00|http://127.0.0.1:3000/tickets/${ticket.id}\n`,
    }));
  });
});
