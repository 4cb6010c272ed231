import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isClientNotice, TEMPLATE_KEYS } from '../src/modules/mail/index.ts';
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
    expect(escalation.json()).toMatchObject({ subject: '[T2026-000123] SLA breach', text: 'T2026-000123\n' });
    const items = (await api('GET', '/api/v1/mail/templates')).json().items as { key: string; ticketPreview: boolean }[];
    const withTicket = [...new Set(items.filter((i) => i.ticketPreview).map((i) => i.key))];
    expect(withTicket).toEqual(['ticket_created', 'ticket_public_reply', 'ticket_waiting_for_client', 'ticket_resolved', 'ticket_closed']);
    expect(TEMPLATE_KEYS.filter(isClientNotice)).toEqual(withTicket);
  });

  it('fills from a ticket only for those who may see it: out of scope is the same 404 as unknown', async () => {
    const ticket = await newTicket('Scoped ticket');
    const ctxOf = async (roles: Role[]) => {
      const u = await t.userWith(roles);
      return { actor: { userId: u.id, name: 'Scope', roles, clientId: null, tokenId: null }, ip: null };
    };
    const { noticePreview } = t.services.tickets;
    // A technician in no queue sees no ticket.
    const outsider = noticePreview(await ctxOf(['technician']), ticket.number);
    await expect(outsider).rejects.toMatchObject({ kind: 'not_found', message: `No ticket ${ticket.number} that you may see` });
    await expect(noticePreview(await ctxOf(['technician']), 'T2026-999999')).rejects.toMatchObject({ kind: 'not_found', details: [{ path: 'ticketNumber', code: 'unknown_ticket' }] });
    await expect(noticePreview(await ctxOf(['accountant']), ticket.number)).rejects.toMatchObject({ kind: 'forbidden' });
    expect(await noticePreview(await ctxOf(['manager']), ticket.number)).toMatchObject({ ticket: { number: ticket.number, subject: 'Scoped ticket' } });
    // The preview itself stays for administrators.
    expect((await api('POST', '/api/v1/mail/templates/ticket_created/cs/preview', { subject: 's', body: 'b', ticketNumber: ticket.number }, operator)).statusCode).toBe(403);
  });
});
