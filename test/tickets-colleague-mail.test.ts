import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

/**
 * Watching colleagues are told of a ticket's replies, internal notes, state and assignee
 * changes, and a colleague given a ticket is told so: one mail each per change, in their
 * own language, never to the one who made the change nor to an inactive user, and an
 * internal note never to the client.
 */
describe.each(testEngines())('mail to colleagues about a ticket on %s', (engine) => {
  let t: TestApp;
  let operator: { id: number; auth: Auth };
  let clientId: number;
  let requesterId: number;
  /** Watching colleagues: Czech, Slovak, and one who has left since. */
  let czech: { id: number; auth: Auth };
  let slovak: number;
  let gone: number;
  /** A technician of the queue who watches nothing (English). */
  let technician: number;
  let queueId: number;

  const person = async (roles: Parameters<TestApp['userWith']>[0], name: string, language: 'cs' | 'sk' | 'en') => {
    const user = await t.userWith(roles);
    await t.database.db.updateTable('users').set({ name, language }).where('id', '=', user.id).execute();
    return user;
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    ({ clientId, contactId: requesterId } = await t.clientWithRequester('Kolegové s.r.o.', { name: 'Jana Klientová', email: 'jana@kolegove.cz' }));
    operator = await t.queueOperator();
    await t.database.db.updateTable('users').set({ name: 'Olga Operátorová', language: 'cs' }).where('id', '=', operator.id).execute();
    const manager = await person(['manager'], 'Martin Vedoucí', 'cs');
    czech = { id: manager.id, auth: await t.tokenFor(manager.id) };
    slovak = (await person(['manager'], 'Mária Slováková', 'sk')).id;
    gone = (await person(['manager'], 'Karel Odešel', 'cs')).id;
    technician = (await person(['technician'], 'Tom Technician', 'en')).id;
    queueId = (await t.database.db.selectFrom('queues').select('id').where('code', '=', 'service_desk').executeTakeFirstOrThrow()).id;
    await t.database.db.insertInto('queue_members').values({ queue_id: queueId, user_id: technician }).execute();
  });
  afterAll(() => t.close());

  const api = async (auth: Auth, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
    const res = await t.request(auth, { method, url, ...(payload ? { payload } : {}) });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };
  const version = async (id: number) => (await api(operator.auth, 'GET', `/api/v1/tickets/${id}`)).version as number;

  /** A ticket the operator raised, watched by the operator, the Czech and Slovak colleagues and one who then leaves. */
  const watchedTicket = async (subject: string) => {
    await t.database.db.updateTable('users').set({ active: 1 }).where('id', '=', gone).execute();
    const ticket = await api(operator.auth, 'POST', '/api/v1/tickets', {
      clientId, subject, requesterContactId: requesterId, impact: 'medium', urgency: 'medium', watcherUserIds: [operator.id, czech.id, slovak, gone],
    });
    await t.database.db.updateTable('users').set({ active: 0 }).where('id', '=', gone).execute();
    return ticket as { id: number; number: string };
  };

  /** The colleague mails about the ticket, in the order queued. */
  const colleagueMails = async (ticketId: number) => {
    const rows = await t.database.db.selectFrom('mail_outbox').selectAll().where('ticket_id', '=', ticketId).where('template_key', '=', 'ticket_colleague_update').orderBy('id').execute();
    return rows.map((r) => ({ to: (JSON.parse(r.to_json) as { email: string; name: string }[]).map((x) => x.name).join(), language: r.template_language, subject: r.subject, text: r.body_text, inReplyTo: r.in_reply_to }));
  };
  const emailOf = async (id: number) => (await t.database.db.selectFrom('users').select('email').where('id', '=', id).executeTakeFirstOrThrow()).email;

  it('tells the watching colleagues of a public reply, in their language, with the text and the link', async () => {
    const ticket = await watchedTicket('Nefunguje tisk');
    expect(await colleagueMails(ticket.id)).toEqual([]);
    await api(operator.auth, 'POST', `/api/v1/tickets/${ticket.id}/comments`, { body: 'Ovladač jsme přeinstalovali.', visibility: 'public' });

    const mails = await colleagueMails(ticket.id);
    // Not the operator who replied, not the colleague who left; each once.
    expect(mails.map((m) => [m.to, m.language])).toEqual([['Martin Vedoucí', 'cs'], ['Mária Slováková', 'sk']]);
    const [cs, sk] = mails;
    expect(cs!.subject).toBe(`[${ticket.number}] Odpověď klientovi: Nefunguje tisk`);
    expect(cs!.text).toContain(`novinka u požadavku ${ticket.number} klienta Kolegové s.r.o.: veřejná odpověď klientovi.`);
    expect(cs!.text).toContain('- Kdo: Olga Operátorová');
    expect(cs!.text).toContain('Ovladač jsme přeinstalovali.');
    expect(cs!.text).toContain(`Požadavek: ${t.config.publicUrl}/tickets/${ticket.id}`);
    expect(cs!.text).toContain('Požadavek sledujete. Tuto zprávu poslal Kontor automaticky.');
    expect(cs!.inReplyTo).toMatch(new RegExp(`^<ticket-${ticket.number}@`));
    expect(sk!.subject).toBe(`[${ticket.number}] Odpoveď klientovi: Nefunguje tisk`);
    expect(sk!.text).toContain('verejná odpoveď klientovi.');
    // The client got the reply as before.
    const clientMails = await t.database.db.selectFrom('mail_outbox').select('template_key').where('ticket_id', '=', ticket.id).where('template_key', '=', 'ticket_public_reply').execute();
    expect(clientMails).toHaveLength(1);
  });

  it('tells them of an internal note, which never reaches the client', async () => {
    const ticket = await watchedTicket('Poznámka');
    // A user of the client (a portal account) on the list of watchers, as the API would refuse it: still told nothing.
    const portalUser = await t.userWith(['client_contact'], { clientId });
    await t.database.db.insertInto('ticket_watchers').values({ ticket_id: ticket.id, user_id: portalUser.id, contact_id: null }).execute();
    const before = await t.database.db.selectFrom('mail_outbox').select('id').where('ticket_id', '=', ticket.id).execute();
    await api(operator.auth, 'POST', `/api/v1/tickets/${ticket.id}/comments`, { body: 'Interně: klient dluží za minulý měsíc.', visibility: 'internal' });

    const mails = await colleagueMails(ticket.id);
    expect(mails.map((m) => m.to)).toEqual(['Martin Vedoucí', 'Mária Slováková']);
    expect(mails[0]!.subject).toBe(`[${ticket.number}] Interní poznámka: Poznámka`);
    expect(mails[0]!.text).toContain('interní poznámka (klient ji nevidí).');
    expect(mails[1]!.text).toContain('interná poznámka (klient ju nevidí).');
    expect(mails.every((m) => m.text.includes('Interně: klient dluží za minulý měsíc.'))).toBe(true);
    // Every mail the note queued went to a colleague; none to the requester.
    const queued = await t.database.db.selectFrom('mail_outbox').select(['to_json', 'template_key', 'body_text']).where('ticket_id', '=', ticket.id)
      .where('id', 'not in', before.map((b) => b.id)).execute();
    expect(queued.map((q) => q.template_key)).toEqual(['ticket_colleague_update', 'ticket_colleague_update']);
    const all = await t.database.db.selectFrom('mail_outbox').select(['to_json', 'body_text']).execute();
    expect(all.filter((m) => m.body_text.includes('klient dluží')).map((m) => JSON.parse(m.to_json)[0].email).sort()).toEqual([await emailOf(czech.id), await emailOf(slovak)].sort());
  });

  it('tells them of a state change, before → after in their language, with the message written with it', async () => {
    const ticket = await watchedTicket('Stav');
    await api(operator.auth, 'POST', `/api/v1/tickets/${ticket.id}/transition`, { version: await version(ticket.id), toState: 'in_progress' });
    let mails = await colleagueMails(ticket.id);
    expect(mails.map((m) => m.to)).toEqual(['Martin Vedoucí', 'Mária Slováková']);
    expect(mails[0]!.subject).toBe(`[${ticket.number}] Změna stavu: Stav`);
    expect(mails[0]!.text).toContain('stav Nový → V řešení.');
    expect(mails[1]!.text).toContain('stav Nová → V riešení.');

    // A move with a message: still one mail each, the message in it.
    await api(operator.auth, 'POST', `/api/v1/tickets/${ticket.id}/transition`, { version: await version(ticket.id), toState: 'waiting_for_client', comment: 'Pošlete prosím model tiskárny.' });
    mails = (await colleagueMails(ticket.id)).slice(2);
    expect(mails.map((m) => m.to)).toEqual(['Martin Vedoucí', 'Mária Slováková']);
    expect(mails[0]!.text).toContain('stav V řešení → Čeká na klienta.');
    expect(mails[0]!.text).toContain('Pošlete prosím model tiskárny.');

  });

  it('tells the watchers and the new assignee of an assignment: the assignee once, as such, even when watching', async () => {
    const ticket = await watchedTicket('Řešitel');
    await api(operator.auth, 'PATCH', `/api/v1/tickets/${ticket.id}`, { version: await version(ticket.id), assigneeId: technician });
    let mails = await colleagueMails(ticket.id);
    expect(mails.map((m) => [m.to, m.language])).toEqual([['Martin Vedoucí', 'cs'], ['Mária Slováková', 'sk'], ['Tom Technician', 'en']]);
    expect(mails[0]!.subject).toBe(`[${ticket.number}] Změna řešitele: Řešitel`);
    expect(mails[0]!.text).toContain('řešitel žádný → Tom Technician.');
    expect(mails[2]!.subject).toBe(`[${ticket.number}] Assigned to you: Řešitel`);
    expect(mails[2]!.text).toContain('assignee none → Tom Technician.');
    expect(mails[2]!.text).toContain('The ticket was assigned to you. This message was sent automatically by Kontor.');

    // Given to a watching colleague: one mail to them, as the assignee.
    await api(operator.auth, 'PATCH', `/api/v1/tickets/${ticket.id}`, { version: await version(ticket.id), assigneeId: czech.id });
    mails = (await colleagueMails(ticket.id)).slice(3);
    expect(mails.map((m) => [m.to, m.subject.replace(`[${ticket.number}] `, '')])).toEqual([['Martin Vedoucí', 'Přidělen vám: Řešitel'], ['Mária Slováková', 'Zmena riešiteľa: Řešitel']]);
    expect(mails[0]!.text).toContain('řešitel Tom Technician → Martin Vedoucí.');

    // Other changes are not mailed.
    await api(operator.auth, 'PATCH', `/api/v1/tickets/${ticket.id}`, { version: await version(ticket.id), subject: 'Řešitel (upraveno)' });
    expect(await colleagueMails(ticket.id)).toHaveLength(5);
  });

  it('tells nobody of their own change: a watcher who writes is left out, and the operator watching is told', async () => {
    const ticket = await watchedTicket('Vlastní změna');
    await api(czech.auth, 'POST', `/api/v1/tickets/${ticket.id}/comments`, { body: 'Beru si to.', visibility: 'internal' });
    expect((await colleagueMails(ticket.id)).map((m) => m.to)).toEqual(['Olga Operátorová', 'Mária Slováková']);
    // Taking the ticket oneself: the watchers hear of it, the one who took it does not.
    await api(czech.auth, 'PATCH', `/api/v1/tickets/${ticket.id}`, { version: await version(ticket.id), assigneeId: czech.id });
    expect((await colleagueMails(ticket.id)).slice(2).map((m) => [m.to, m.subject.replace(`[${ticket.number}] `, '')]))
      .toEqual([['Olga Operátorová', 'Změna řešitele: Vlastní změna'], ['Mária Slováková', 'Zmena riešiteľa: Vlastní změna']]);
  });

  it('previews the template from a real ticket: the mail its latest change was sent with', async () => {
    const admin = await t.userWith(['admin']);
    const templates = (await api(admin.auth, 'GET', '/api/v1/mail/templates')).items as { key: string; language: string; subject: string; body: string; ticketPreview: boolean }[];
    const preview = async (language: 'cs' | 'sk' | 'en', ticketNumber: string) => {
      const template = templates.find((x) => x.key === 'ticket_colleague_update' && x.language === language)!;
      expect(template.ticketPreview).toBe(true);
      return t.request(admin.auth, { method: 'POST', url: `/api/v1/mail/templates/ticket_colleague_update/${language}/preview`, payload: { subject: template.subject, body: template.body, ticketNumber } });
    };
    const ticket = await watchedTicket('Náhled');
    const none = await preview('cs', ticket.number);
    expect([none.statusCode, none.json().error.details]).toEqual([409, [expect.objectContaining({ path: 'ticketNumber', code: 'no_colleague_update' })]]);

    await api(operator.auth, 'POST', `/api/v1/tickets/${ticket.id}/comments`, { body: 'Jen pro nás.', visibility: 'internal' });
    let sent = (await colleagueMails(ticket.id))[0]!;
    let shown = (await preview('cs', ticket.number)).json();
    expect([shown.subject, shown.text]).toEqual([sent.subject, sent.text]);

    await api(operator.auth, 'POST', `/api/v1/tickets/${ticket.id}/transition`, { version: await version(ticket.id), toState: 'in_progress', comment: 'Potřebujeme model.' });
    sent = (await colleagueMails(ticket.id))[3]!;
    expect(sent.to).toBe('Mária Slováková');
    shown = (await preview('sk', ticket.number)).json();
    expect([shown.subject, shown.text]).toEqual([sent.subject, sent.text.replace('Mária Slováková', 'Martin Vedoucí')]);

    await api(operator.auth, 'PATCH', `/api/v1/tickets/${ticket.id}`, { version: await version(ticket.id), assigneeId: technician });
    sent = (await colleagueMails(ticket.id))[6]!;
    expect(sent.to).toBe('Tom Technician');
    shown = (await preview('en', ticket.number)).json();
    expect([shown.subject, shown.text]).toEqual([sent.subject, sent.text]);
  });

  it('tells the assignee of a new ticket given to them, and nobody else of a new ticket', async () => {
    const assigned = await api(operator.auth, 'POST', '/api/v1/tickets', { clientId, subject: 'Pro technika', impact: 'low', urgency: 'low', assigneeId: technician, watcherUserIds: [czech.id] });
    const mails = await colleagueMails(assigned.id);
    expect(mails.map((m) => [m.to, m.subject])).toEqual([['Tom Technician', `[${assigned.number}] Assigned to you: Pro technika`]]);
    expect(mails[0]!.text).toContain('By: Olga Operátorová');
    const own = await api(operator.auth, 'POST', '/api/v1/tickets', { clientId, subject: 'Pro sebe', impact: 'low', urgency: 'low', assigneeId: operator.id });
    expect(await colleagueMails(own.id)).toEqual([]);
    const plain = await api(operator.auth, 'POST', '/api/v1/tickets', { clientId, subject: 'Bez nikoho', impact: 'low', urgency: 'low' });
    expect(await colleagueMails(plain.id)).toEqual([]);
  });
});
