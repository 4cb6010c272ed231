import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../src/modules/identity/index.ts';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

/**
 * A ticket names who its mail goes to (`mailRecipients`): the screen's "sent by e-mail to …"
 * and "the client gets it by e-mail" rest on it, so it must be exactly who a public reply
 * is mailed to: the requester and the watching contacts, each once, active, with an e-mail.
 */
describe.each(testEngines())('who a ticket\'s mail goes to on %s', (engine) => {
  let t: TestApp;
  let operator: Auth;
  let clientId: number;
  let requesterId: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    ({ clientId, contactId: requesterId } = await t.clientWithRequester('Adresáti s.r.o.', { name: 'Petr Žadatel', email: 'petr@adresati.cz' }));
    operator = (await t.queueOperator()).auth;
  });
  afterAll(() => t.close());

  const contact = async (name: string, email: string | null) => (await t.services.customers.createContact(systemContext, clientId, { name, email, language: 'cs', portalAccess: false })).id;
  const get = async (id: number) => (await t.request(operator, { method: 'GET', url: `/api/v1/tickets/${id}` })).json();
  const create = async (payload: object) => {
    const res = await t.request(operator, { method: 'POST', url: '/api/v1/tickets', payload: { clientId, subject: 'Kdo dostane poštu', impact: 'medium', urgency: 'medium', ...payload } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const replyMailedTo = async (id: number) => {
    const res = await t.request(operator, { method: 'POST', url: `/api/v1/tickets/${id}/comments`, payload: { body: 'Dobrý den, už na tom pracujeme.', visibility: 'public' } });
    expect(res.statusCode, res.body).toBe(201);
    const mails = await t.database.db.selectFrom('mail_outbox').select('to_json').where('ticket_id', '=', id).where('template_key', '=', 'ticket_public_reply').execute();
    return mails.flatMap((m) => (JSON.parse(m.to_json) as { email: string }[]).map((r) => r.email)).sort();
  };

  it('a watching contact without an e-mail or no longer active is no recipient; the requester watching too counts once', async () => {
    const noEmail = await contact('Jana Bez Adresy', null);
    const left = await contact('Karel Odešel', 'karel@adresati.cz');
    const watching = await contact('Eva Sledující', 'eva@adresati.cz');
    await t.services.customers.updateContact(systemContext, left, { active: false, version: 1 });
    const ticket = await create({ requesterContactId: requesterId, watcherContactIds: [noEmail, left, watching, requesterId] });

    const expected = [
      { id: requesterId, name: 'Petr Žadatel', email: 'petr@adresati.cz' },
      { id: watching, name: 'Eva Sledující', email: 'eva@adresati.cz' },
    ];
    expect(ticket.mailRecipients).toEqual(expected);
    expect((await get(ticket.id)).mailRecipients).toEqual(expected);
    // The watchers list still names all four.
    expect(ticket.watchers.contacts).toHaveLength(4);
    // Exactly who the public reply is mailed to.
    expect(await replyMailedTo(ticket.id)).toEqual(expected.map((r) => r.email).sort());
  });

  it('only a watcher without an e-mail: nobody gets mail, and the ticket says so', async () => {
    const noEmail = await contact('Jiří Bez Adresy', null);
    const ticket = await create({ watcherContactIds: [noEmail] });
    expect(ticket.mailRecipients).toEqual([]);
    expect(await replyMailedTo(ticket.id)).toEqual([]);
    // A new ticket without watchers answers from what it wrote: the requester, as a read gives it.
    const plain = await create({ requesterContactId: requesterId });
    expect(plain.mailRecipients).toEqual([{ id: requesterId, name: 'Petr Žadatel', email: 'petr@adresati.cz' }]);
    expect(plain).toEqual(await get(plain.id));
  });

  it('documents the field in OpenAPI', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const schema = JSON.stringify(spec.paths['/api/v1/tickets/{id}'].get.responses['200'].content['application/json'].schema);
    expect(schema).toContain('mailRecipients');
    expect(schema).toContain('active and have an e-mail address');
  });
});
