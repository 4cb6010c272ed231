import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createMailSender,
  createMailService,
  enqueueMail,
  isTicketNotice,
  newMessageId,
  PLACEHOLDERS,
  renderTemplate,
  TEMPLATE_KEYS,
  threadHeaders,
  type MailSender,
  type OutgoingMail,
} from '../src/modules/mail/index.ts';
import { systemContext } from '../src/modules/identity/index.ts';
import { LANGUAGES } from '../src/shared/language.ts';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';
import { startSmtp, type TestSmtp } from './smtp.ts';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const MIN = 60_000;
const ticketVars = {
  ticket: { number: 'T2026-000123', subject: 'Tiskárna ve 2. patře netiskne', url: 'https://helpdesk.example.cz/tickets/123' },
  client: { name: 'Strojírny Brno a.s.' },
  recipient: { name: 'Jana Nováková' },
  comment: { body: 'Dobrý den, ovladač jsme přeinstalovali.\nZkuste prosím tisk znovu.' },
};

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.each(testEngines())('outgoing mail on %s', (engine) => {
  let smtp: TestSmtp;
  let t: TestApp;
  let admin: Auth;
  let sender: MailSender;
  const senders: MailSender[] = [];
  const newSender = (smtpUrl = smtp.url) => {
    const s = createMailSender({ db: t.database.db, clock: t.clock, config: { ...t.config, smtpUrl }, logger: quiet });
    senders.push(s);
    return s;
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp(engine, { smtpUrl: smtp.url, mailFrom: 'Helpdesk Kontor <helpdesk@kontor.test>' });
    // An API token: the clock jumps hours ahead in these tests, a session would expire.
    admin = await t.tokenFor((await t.userWith(['admin'])).id);
    sender = newSender();
  });
  afterAll(async () => {
    for (const s of senders) await s.stop();
    await smtp.close();
    await t.close();
  });
  beforeEach(async () => {
    await t.database.db.deleteFrom('mail_outbox').execute();
    smtp.received.length = 0;
    smtp.rejectWith = null;
  });

  const enqueue = (m: Partial<OutgoingMail> = {}) =>
    t.database.db.transaction().execute((trx) =>
      enqueueMail(trx, t.clock.now(), {
        to: [{ email: 'jana@strojirny.cz', name: 'Jana Nováková' }],
        subject: 'Zkouška',
        text: 'Příliš žluťoučký kůň',
        messageId: newMessageId(t.config.mailFrom),
        ...m,
      }),
    );
  const row = (id: number) => t.database.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const api = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, auth: Auth = admin) => t.request(auth, { method, url, payload });

  it('sends rendered, threaded mail over real SMTP, exactly once', async () => {
    const first = await t.database.db.transaction().execute(async (trx) => {
      const r = await renderTemplate(trx, 'ticket_created', 'cs', ticketVars);
      const thread = threadHeaders({ ticketNumber: 'T2026-000123', mailFrom: t.config.mailFrom, first: true });
      return enqueueMail(trx, t.clock.now(), { to: [{ email: 'jana@strojirny.cz', name: 'Jana Nováková' }], ...r, ...thread, ticketId: 123, template: { key: 'ticket_created', language: 'cs' } });
    });
    const reply = await t.database.db.transaction().execute(async (trx) => {
      const r = await renderTemplate(trx, 'ticket_public_reply', 'cs', ticketVars);
      const thread = threadHeaders({ ticketNumber: 'T2026-000123', mailFrom: t.config.mailFrom, first: false });
      return enqueueMail(trx, t.clock.now(), { to: [{ email: 'jana@strojirny.cz' }], cc: [{ email: 'petr@strojirny.cz', name: 'Petr Dvořák' }], ...r, ...thread, ticketId: 123 });
    });

    expect(await sender.runOnce()).toEqual({ sent: 2, failed: 0, retried: 0 });
    expect(smtp.received).toHaveLength(2);
    const root = '<ticket-T2026-000123@kontor.test>';
    const created = smtp.received.find((m) => m.mail.messageId === root);
    expect(created?.mail.subject).toBe('[T2026-000123] Přijali jsme váš požadavek: Tiskárna ve 2. patře netiskne');
    expect(created?.mail.from?.value[0]).toMatchObject({ address: 'helpdesk@kontor.test', name: 'Helpdesk Kontor' });
    expect(created?.mail.to).toMatchObject({ value: [{ address: 'jana@strojirny.cz', name: 'Jana Nováková' }] });
    expect(created?.mail.text).toContain('evidujeme ho pod číslem T2026-000123');
    // The client is told to reply, not sent to a ticket page only staff can open (no client portal yet).
    expect(created?.mail.html).toContain('stačí odpovědět na tento e-mail');
    expect(created?.mail.html).not.toContain('/tickets/123');
    expect(created?.mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(created?.mail.inReplyTo).toBeUndefined();

    const answer = smtp.received.find((m) => m.mail.messageId !== root);
    expect(answer?.mail.messageId).toMatch(/^<[0-9a-f-]{36}@kontor\.test>$/);
    expect(answer?.mail.inReplyTo).toBe(root);
    expect(answer?.mail.references).toBe(root);
    expect(answer?.mail.subject).toBe('[T2026-000123] Nová odpověď k požadavku: Tiskárna ve 2. patře netiskne');
    expect(answer?.mail.text).toContain('Dobrý den, ovladač jsme přeinstalovali.\nZkuste prosím tisk znovu.');
    expect(answer?.mail.html).toContain('ovladač jsme přeinstalovali.<br />Zkuste prosím tisk znovu.');
    expect(answer?.envelope.to.sort()).toEqual(['jana@strojirny.cz', 'petr@strojirny.cz']);

    for (const id of [first, reply]) {
      expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1, sent_at: '2026-11-02T09:00:00.000Z', lease_until: null });
      expect((await row(id)).smtp_response).toMatch(/^250/);
    }
    expect(await sender.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(smtp.received).toHaveLength(2);
  });

  it('escapes a hostile value in the HTML part', async () => {
    await t.database.db.transaction().execute(async (trx) => {
      const vars = { ...ticketVars, comment: { body: '<script>alert("x")</script> <a href="javascript:alert(1)">klik</a>' } };
      const r = await renderTemplate(trx, 'ticket_public_reply', 'en', vars);
      return enqueueMail(trx, t.clock.now(), { to: [{ email: 'jana@strojirny.cz' }], ...r, messageId: newMessageId(t.config.mailFrom) });
    });
    await sender.runOnce();
    const html = smtp.received[0]?.mail.html || '';
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<a href="javascript');
    expect(html).toContain('&lt;a href=');
    expect(html).toContain('&lt;script&gt;alert(');
    expect(smtp.received[0]?.mail.text).toContain('<script>alert("x")</script>');
  });

  it('keeps mail pending through an SMTP outage (451) and sends it once the server is back', async () => {
    smtp.rejectWith = 451;
    const id = await enqueue();
    expect(await sender.runOnce()).toEqual({ sent: 0, failed: 0, retried: 1 });
    const waiting = await row(id);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, next_attempt_at: '2026-11-02T09:01:00.000Z', lease_until: null });
    expect(waiting.last_error).toContain('451');
    expect(await sender.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });

    smtp.rejectWith = null;
    t.clock.advance(MIN);
    expect(await sender.runOnce()).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(await sender.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(smtp.received.map((m) => m.mail.messageId)).toEqual([waiting.message_id]);
    expect(smtp.received[0]?.mail.text).toBe('Příliš žluťoučký kůň');
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('backs off while the server cannot be reached at all', async () => {
    const down = newSender(`smtp://127.0.0.1:${await closedPort()}`);
    const id = await enqueue();
    expect(await down.runOnce()).toEqual({ sent: 0, failed: 0, retried: 1 });
    expect((await row(id)).last_error).toContain('ECONNREFUSED');
    t.clock.advance(MIN);
    expect(await down.runOnce()).toEqual({ sent: 0, failed: 0, retried: 1 });
    const r = await row(id);
    expect(r.attempts).toBe(2);
    expect(new Date(r.next_attempt_at).getTime() - t.clock.now().getTime()).toBe(2 * MIN);
    t.clock.advance(2 * MIN);
    expect(await sender.runOnce()).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('enqueues once per idempotency key, in the caller transaction', async () => {
    const a = await enqueue({ idempotencyKey: 'ticket:1:created:contact:7' });
    const b = await enqueue({ idempotencyKey: 'ticket:1:created:contact:7', subject: 'Jiný' });
    expect(b).toBe(a);
    // A rolled-back transaction leaves no mail behind.
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await enqueueMail(trx, t.clock.now(), { to: [{ email: 'x@example.cz' }], subject: 's', text: 't', messageId: newMessageId(t.config.mailFrom) });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await t.database.db.selectFrom('mail_outbox').select('id').execute()).toHaveLength(1);
    await sender.runOnce();
    expect(smtp.received.map((m) => m.mail.subject)).toEqual(['Zkouška']);
    await expect(enqueue({ to: [{ email: 'not an address' }] })).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('claims again a message whose sender crashed, once its lease runs out', async () => {
    const id = await enqueue();
    // A sender claimed it and died before it sent (or before it recorded the outcome).
    await t.database.db.updateTable('mail_outbox').set({ status: 'sending', attempts: 1, lease_until: new Date(t.clock.now().getTime() + 10 * MIN).toISOString() }).where('id', '=', id).execute();
    expect(await sender.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
    t.clock.advance(10 * MIN + 1);
    expect(await sender.runOnce()).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('lets concurrent senders share the work without sending anything twice', async () => {
    for (let i = 0; i < 12; i++) await enqueue({ subject: `Zpráva ${i}` });
    const results = await Promise.all([newSender(), newSender(), sender].map((s) => s.runOnce()));
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(12);
    expect(new Set(smtp.received.map((m) => m.mail.messageId)).size).toBe(12);
    expect(smtp.received).toHaveLength(12);
  });

  it('gives up after 10 attempts; an admin sends it again through the API', async () => {
    smtp.rejectWith = 451;
    const id = await enqueue();
    const outcomes = [];
    for (let i = 0; i < 10; i++) {
      outcomes.push(await sender.runOnce());
      t.clock.advance(60 * MIN);
    }
    expect(outcomes.at(-2)).toEqual({ sent: 0, failed: 0, retried: 1 });
    expect(outcomes.at(-1)).toEqual({ sent: 0, failed: 1, retried: 0 });
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 10 });
    expect(await sender.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect((await api('GET', '/api/v1/mail/status')).json()).toEqual({ smtpConfigured: true, pending: 0, failed: 1 });

    const retried = await api('POST', `/api/v1/mail/outbox/${id}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ id, status: 'pending', attempts: 0, nextAttemptAt: t.clock.now().toISOString() });
    expect((await api('POST', `/api/v1/mail/outbox/${id}/retry`)).json().error.code).toBe('not_failed');
    expect((await api('POST', '/api/v1/mail/outbox/987654/retry')).statusCode).toBe(404);
    smtp.rejectWith = null;
    expect(await sender.runOnce()).toEqual({ sent: 1, failed: 0, retried: 0 });
    const log = (await api('GET', `/api/v1/audit?entity=mail&entityId=${id}`)).json();
    expect(log.items[0]).toMatchObject({ action: 'retry', before: { status: 'failed', attempts: 10 }, after: { status: 'pending' } });
  });

  it('does nothing without a mail server: mail stays pending and the status says so', async () => {
    const id = await enqueue();
    expect(await newSender('').runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 0 });
    const service = createMailService({ db: t.database.db, clock: t.clock, config: { ...t.config, smtpUrl: '' }, ticketNoticeValues: t.services.tickets.noticePreview });
    expect(await service.status(systemContext)).toEqual({ smtpConfigured: false, pending: 1, failed: 0 });
  });

  it('lists the outbox newest first with keyset paging and shows one message in full', async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await enqueue({ subject: `Zpráva ${i}`, html: '<p>Ahoj</p>', ticketId: 9 }));
    await sender.runOnce();
    const first = (await api('GET', '/api/v1/mail/outbox?limit=2')).json();
    expect(first.items.map((m: { id: number }) => m.id)).toEqual([ids[2], ids[1]]);
    const second = (await api('GET', `/api/v1/mail/outbox?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second).toMatchObject({ items: [{ id: ids[0], status: 'sent', ticketId: 9 }], nextCursor: null });
    expect((await api('GET', '/api/v1/mail/outbox?status=failed')).json().items).toEqual([]);
    const one = (await api('GET', `/api/v1/mail/outbox/${ids[0]}`)).json();
    expect(one).toMatchObject({ subject: 'Zpráva 0', text: 'Příliš žluťoučký kůň', html: '<p>Ahoj</p>', to: [{ email: 'jana@strojirny.cz', name: 'Jana Nováková' }], references: [] });
    expect(one.smtpResponse).toMatch(/^250/);
    expect((await api('GET', '/api/v1/mail/outbox/987654')).statusCode).toBe(404);
  });

  it('names the files a message carries, with their sizes, never their content', async () => {
    // 3, 4 and 5 bytes: base64 without padding, with "==" and with "=": the sizes must come out exact.
    const file = (name: string, bytes: number, contentType = 'application/pdf') => ({ filename: name, contentType, content: new Uint8Array(bytes).fill(37) });
    const id = await enqueue({ attachments: [file('FV202600002.pdf', 12_345), file('FV202600002.isdoc', 4, 'application/xml'), file('a.txt', 5, 'text/plain'), file('b.txt', 3, 'text/plain')] });
    const one = (await api('GET', `/api/v1/mail/outbox/${id}`)).json();
    expect(one.attachments).toEqual([
      { filename: 'FV202600002.pdf', contentType: 'application/pdf', sizeBytes: 12_345 },
      { filename: 'FV202600002.isdoc', contentType: 'application/xml', sizeBytes: 4 },
      { filename: 'a.txt', contentType: 'text/plain', sizeBytes: 5 },
      { filename: 'b.txt', contentType: 'text/plain', sizeBytes: 3 },
    ]);
    expect(JSON.stringify(one)).not.toContain('JSUl'); // "%%%" in base64: no content goes out
    expect((await api('GET', `/api/v1/mail/outbox/${await enqueue()}`)).json().attachments).toEqual([]);
    const manager = await t.tokenFor((await t.userWith(['manager'])).id);
    expect((await api('GET', `/api/v1/mail/outbox/${id}`, undefined, manager)).statusCode).toBe(403);
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(JSON.stringify(spec.paths['/api/v1/mail/outbox/{id}'].get.responses['200'])).toContain('names and sizes only, never their content');
  });

  it('lets an admin override a template, preview it, and reset it; all audited', async () => {
    const list = (await api('GET', '/api/v1/mail/templates')).json().items;
    expect(list).toHaveLength(TEMPLATE_KEYS.length * LANGUAGES.length);
    expect(list.every((i: { overridden: boolean }) => !i.overridden)).toBe(true);
    expect(list.find((i: { key: string; language: string }) => i.key === 'ticket_resolved' && i.language === 'sk')).toMatchObject({
      subject: 'Požiadavka vyriešená: {{ticket.subject}}',
      placeholders: expect.arrayContaining(['resolution_note']),
    });

    const body = { subject: 'Máme hotovo: {{ticket.subject}}', body: 'Dobrý den,\n\n**vyřešeno**: {{resolution_note}}\n\n{{ticket.url}}' };
    const saved = await api('PUT', '/api/v1/mail/templates/ticket_resolved/cs', body);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ ...body, overridden: true, updatedAt: t.clock.now().toISOString() });
    const r = await renderTemplate(t.database.db, 'ticket_resolved', 'cs', { ...ticketVars, resolution_note: 'Vyměněn toner' });
    expect(r.subject).toBe('[T2026-000123] Máme hotovo: Tiskárna ve 2. patře netiskne');
    expect(r.html).toContain('<strong>vyřešeno</strong>: Vyměněn toner');
    // The other languages keep their defaults.
    expect((await renderTemplate(t.database.db, 'ticket_resolved', 'en', ticketVars)).subject).toBe('[T2026-000123] Request resolved: Tiskárna ve 2. patře netiskne');

    const preview = await api('POST', '/api/v1/mail/templates/ticket_resolved/sk/preview', { subject: 'Hotovo: {{ticket.subject}}', body: 'Riešenie: {{resolution_note}}' });
    expect(preview.json()).toMatchObject({ subject: '[T2026-000123] Hotovo: Nefunguje tlač v účtovníctve', text: 'Riešenie: Vymenený toner a vyčistená podávacia jednotka.\n' });

    const reset = await api('DELETE', '/api/v1/mail/templates/ticket_resolved/cs');
    expect(reset.json()).toMatchObject({ overridden: false, subject: 'Požadavek vyřešen: {{ticket.subject}}' });
    expect((await renderTemplate(t.database.db, 'ticket_resolved', 'cs', ticketVars)).subject).toBe('[T2026-000123] Požadavek vyřešen: Tiskárna ve 2. patře netiskne');
    const log = (await api('GET', '/api/v1/audit?entity=mail_template&entityId=ticket_resolved/cs')).json().items;
    expect(log.map((i: { action: string }) => i.action)).toEqual(['reset', 'update']);
  });

  it('refuses an unknown placeholder with 400 naming it, and bad keys or languages', async () => {
    const res = await api('PUT', '/api/v1/mail/templates/ticket_created/en', { subject: 'Hi {{recipient.name}}', body: 'Note: {{resolution_note}}' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'unknown_placeholder',
      placeholder: 'resolution_note',
      details: [{ path: 'body', code: 'unknown_placeholder' }],
    });
    expect(res.json().error.message).toContain('{{resolution_note}}');
    expect((await api('POST', '/api/v1/mail/templates/ticket_created/en/preview', { subject: '{{ticket.numbr}}', body: 'x' })).json().error.code).toBe('unknown_placeholder');
    expect((await api('PUT', '/api/v1/mail/templates/ticket_created/de', { subject: 's', body: 'b' })).statusCode).toBe(400);
    expect((await api('PUT', '/api/v1/mail/templates/invoice_sent/en', { subject: 's', body: 'b' })).statusCode).toBe(400);
    expect((await api('GET', '/api/v1/mail/templates')).json().items.some((i: { overridden: boolean }) => i.overridden)).toBe(false);
  });

  it('previews every placeholder of every template with a sample value, in each language', async () => {
    for (const key of TEMPLATE_KEYS) {
      for (const language of LANGUAGES) {
        for (const placeholder of PLACEHOLDERS[key]) {
          const res = await api('POST', `/api/v1/mail/templates/${key}/${language}/preview`, { subject: 's', body: `[{{${placeholder}}}]` });
          expect(res.statusCode, `${key}/${language}`).toBe(200);
          // An unfilled placeholder renders empty: "[]".
          expect(res.json().text, `${key}/${language} {{${placeholder}}}`).toMatch(/^\[[^\]]+\]/);
        }
      }
    }
    const alert = await api('POST', '/api/v1/mail/templates/contract_prepaid_alert/cs/preview', { subject: '{{contract.number}}', body: '{{prepaid.used}} z {{prepaid.allowance}} min, {{contract.url}}' });
    // No ticket token in the subject (the real alert has none); minutes as the alert writes them (a non-breaking space groups thousands).
    expect(alert.json().subject).toBe('SM-2026-007');
    expect(alert.json().text).toMatch(/^1\s440 z 1\s800 min, http:\/\/127\.0\.0\.1:3000\/contracts\/7\n$/);
    // The escalation's sample is worded and dated as its mail is (the calendar's time zone, the language's date format),
    // told to a queue lead about someone else's ticket.
    const escalation = {
      cs: '[T2026-000123] Porušení SLA|Martin Svoboda|Petr Dvořák|Eskalace|2. 11. 2026 14:00|lhůta pro vyřešení byla překročena o 15 min.|Požadavek byl přesunut do fronty Eskalace.',
      sk: '[T2026-000123] Porušenie SLA|Martin Kováč|Peter Horváth|Eskalácia|2. 11. 2026, 14:00|lehota na vyriešenie bola prekročená o 15 min.|Požiadavka bola presunutá do frontu Eskalácia.',
      en: '[T2026-000123] SLA breach|Martin Shaw|Peter Wood|Escalation|2 Nov 2026, 14:00|the resolution deadline was missed by 15 min.|The ticket was moved to the queue Escalation.',
    };
    for (const language of LANGUAGES) {
      const body = '{{recipient.name}}|{{assignee.name}}|{{queue.name}}|{{sla.due_at}}|{{sla.detail}}|{{sla.action}}';
      const res = (await api('POST', `/api/v1/mail/templates/sla_escalation/${language}/preview`, { subject: '{{sla.event}}', body })).json();
      expect(`${res.subject}|${res.text.trimEnd()}`, language).toBe(escalation[language]);
    }

    // Filled from a real ticket, a mail about it has a value for each placeholder the ticket can fill, in each language.
    const { clientId, contactId } = await t.clientWithRequester('Strojírny Brno a.s.', { name: 'Jana Nováková', email: 'jana@strojirny.cz' });
    // Its queue has no lead: the escalation goes to the assignee.
    const assignee = await t.userWith(['manager']);
    const created = await api('POST', '/api/v1/tickets', { clientId, subject: 'Tiskárna netiskne', requesterContactId: contactId, assigneeId: assignee.id });
    expect(created.statusCode, created.body).toBe(201);
    // Without a public comment, a resolution or a move to an escalation queue yet, as its mail would be.
    const notYet = ['comment.body', 'resolution_note', 'sla.action'];
    for (const key of TEMPLATE_KEYS.filter(isTicketNotice)) {
      for (const language of LANGUAGES) {
        for (const placeholder of PLACEHOLDERS[key].filter((p) => !notYet.includes(p))) {
          const res = await api('POST', `/api/v1/mail/templates/${key}/${language}/preview`, { subject: 's', body: `[{{${placeholder}}}]`, ticketNumber: created.json().number });
          expect(res.statusCode, `${key}/${language} ${res.body}`).toBe(200);
          expect(res.json().text, `${key}/${language} {{${placeholder}}} from ${created.json().number}`).toMatch(/^\[[^\]]+\]/);
        }
      }
    }
  });

  it('is for administrators only', async () => {
    for (const role of ['manager', 'operator', 'accountant'] as const) {
      const other = await t.tokenFor((await t.userWith([role])).id);
      expect((await api('GET', '/api/v1/mail/outbox', undefined, other)).statusCode).toBe(403);
      expect((await api('PUT', '/api/v1/mail/templates/ticket_created/cs', { subject: 's', body: 'b' }, other)).statusCode).toBe(403);
      expect((await api('GET', '/api/v1/mail/status', undefined, other)).statusCode).toBe(403);
    }
  });
});
