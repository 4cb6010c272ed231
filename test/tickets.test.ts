import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

describe.each(testEngines())('tickets on %s', (engine) => {
  let t: TestApp;
  let operator: { id: number; auth: Auth };
  let clientId: number;
  let contactId: number;
  let queueId: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    ({ clientId, contactId } = await t.clientWithRequester('Český Klient s.r.o.', { name: 'Jana Nováková', email: 'jana@klient.cz' }));
    // An API token: these tests move the clock by days, past any session timeout.
    const op = await t.userWith(['operator']);
    operator = { id: op.id, auth: await t.tokenFor(op.id) };
    const queues = await t.database.db.selectFrom('queues').select('id').where('code', '=', 'service_desk').executeTakeFirstOrThrow();
    queueId = queues.id;
    await t.database.db.insertInto('queue_members').values({ queue_id: queueId, user_id: operator.id }).execute();
  });
  afterAll(() => t.close());

  const create = (auth: Auth, payload: object) => t.request(auth, { method: 'POST', url: '/api/v1/tickets', payload: { clientId, ...payload } });
  const get = (auth: Auth, id: number) => t.request(auth, { method: 'GET', url: `/api/v1/tickets/${id}` });

  it('creates a numbered ticket with priority from impact × urgency, SLA due dates and a mail to the requester', async () => {
    t.clock.set('2026-11-02T09:00:00.000Z'); // Monday 10:00 in Prague
    const res = await create(operator.auth, { subject: 'Tiskárna netiskne', description: 'Od rána **nic**', requesterContactId: contactId, impact: 'medium', urgency: 'medium', tags: ['Tisk', 'tisk', ' HW '] });
    expect(res.statusCode).toBe(201);
    const ticket = res.json();
    expect(ticket.number).toMatch(/^T2026-\d{6}$/);
    expect(ticket).toMatchObject({
      priority: 'P3', priorityOverridden: false, state: { code: 'new', category: 'new' }, tags: ['tisk', 'hw'],
      requester: { id: contactId, name: 'Jana Nováková' }, descriptionHtml: '<p>Od rána <strong>nic</strong></p>\n', version: 1,
    });
    // P3: first response 4 business hours (Mon 14:00 CET), resolution 16 (7 h Mon + 9 h Tue → Tue 17:00 CET).
    expect(ticket.sla.firstResponseDueAt).toBe('2026-11-02T13:00:00.000Z');
    expect(ticket.sla.resolutionDueAt).toBe('2026-11-03T16:00:00.000Z');
    expect(ticket.sla.status).toBe('running');
    expect(ticket.allowedTransitions.map((a: { toState: string }) => a.toState)).toContain('in_progress');
    const mail = await t.database.db.selectFrom('mail_outbox').selectAll().where('ticket_id', '=', ticket.id).execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toContain(`[${ticket.number}]`);
    expect(JSON.parse(mail[0]!.to_json)[0].email).toBe('jana@klient.cz');
  });

  it('numbers tickets created at the same moment one after another, each once', async () => {
    const made = await Promise.all(Array.from({ length: 20 }, (_, i) => create(operator.auth, { subject: `Souběžný ${i}`, description: 'x' })));
    expect(made.map((r) => r.statusCode)).toEqual(made.map(() => 201));
    const seqs = made.map((r) => Number((r.json().number as string).slice(-6))).sort((a, b) => a - b);
    // Nothing failed, so no gap either: twenty consecutive numbers.
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
    const stored = await t.database.db.selectFrom('tickets').select('number').where('id', 'in', made.map((r) => r.json().id as number)).execute();
    expect(new Set(stored.map((r) => r.number)).size).toBe(20);
  });

  it('follows the process: refuses transitions it does not allow (409 with the allowed ones) and missing required fields (400)', async () => {
    const ticket = (await create(operator.auth, { subject: 'Process' })).json();
    const move = (toState: string, extra: object = {}) =>
      t.request(operator.auth, { method: 'POST', url: `/api/v1/tickets/${ticket.id}/transition`, payload: { toState, version: currentVersion, ...extra } });
    let currentVersion = ticket.version;
    const refused = await move('closed');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('transition_not_allowed');
    expect(refused.json().error.allowed).toEqual(expect.arrayContaining(['open', 'in_progress']));
    const started = await move('in_progress');
    expect(started.statusCode).toBe(200);
    currentVersion = started.json().version;
    const noNote = await move('resolved');
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.details[0]).toMatchObject({ path: 'resolutionNote', code: 'required' });
    const stale = await move('resolved', { resolutionNote: 'x', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
    const resolved = await move('resolved', { resolutionNote: 'Vyměněn toner' });
    expect(resolved.json()).toMatchObject({ state: { code: 'resolved' }, resolutionNote: 'Vyměněn toner', sla: { status: 'met' } });
    expect(resolved.json().resolvedAt).not.toBeNull();
  });

  it('pauses the SLA clock while waiting for the client and resumes it, across a weekend and a Czech public holiday', async () => {
    // Tue 27 Oct 2026 15:00 Prague (14:00Z); 28 Oct is a holiday. P3 resolution 16 business hours.
    t.clock.set('2026-10-27T14:00:00.000Z');
    const ticket = (await create(operator.auth, { subject: 'SLA across a holiday', requesterContactId: contactId })).json();
    // 2 h Tue, Wed holiday, 9 h Thu, 5 h Fri → Fri 30 Oct 13:00 CET = 12:00Z.
    expect(ticket.sla.resolutionDueAt).toBe('2026-10-30T12:00:00.000Z');
    const step = async (toState: string, at: string, version: number) => {
      t.clock.set(at);
      const res = await t.request(operator.auth, { method: 'POST', url: `/api/v1/tickets/${ticket.id}/transition`, payload: { toState, version } });
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    await step('in_progress', '2026-10-29T07:00:00.000Z', ticket.version); // Thu 08:00
    t.clock.set('2026-10-29T07:30:00.000Z'); // first response Thu 08:30, due Thu 10:00
    await t.request(operator.auth, { method: 'POST', url: `/api/v1/tickets/${ticket.id}/comments`, payload: { body: 'Díváme se na to', visibility: 'public' } });
    let v = (await get(operator.auth, ticket.id)).json().version;
    // Friday 09:00 CET: waiting for the client; clock pauses with 2 + 9 + 1 = 12 h used.
    const waiting = await step('waiting_for_client', '2026-10-30T08:00:00.000Z', v);
    expect(waiting.sla.status).toBe('paused');
    expect(waiting.sla.dueAt).toBeNull();
    const waitMail = await t.database.db.selectFrom('mail_outbox').select('template_key').where('ticket_id', '=', ticket.id).execute();
    expect(waitMail.map((m) => m.template_key)).toContain('ticket_waiting_for_client');
    // Monday 2 Nov 10:00 CET the client answered: 4 h left → Mon 14:00 CET = 13:00Z.
    const resumed = await step('in_progress', '2026-11-02T09:00:00.000Z', waiting.version);
    expect(resumed.sla.status).toBe('running');
    expect(resumed.sla.resolutionDueAt).toBe('2026-11-02T13:00:00.000Z');
    v = resumed.version;
    t.clock.set('2026-11-02T12:00:00.000Z');
    const done = await t.request(operator.auth, { method: 'POST', url: `/api/v1/tickets/${ticket.id}/transition`, payload: { toState: 'resolved', version: v, resolutionNote: 'Hotovo' } });
    expect(done.json(), done.body).toHaveProperty('sla.status', 'met');
  });

  it('counts the first public reply as the first response, keeps internal notes internal, and mails public replies', async () => {
    t.clock.set('2026-11-02T09:00:00.000Z');
    const ticket = (await create(operator.auth, { subject: 'Reply', requesterContactId: contactId })).json();
    const note = await t.request(operator.auth, { method: 'POST', url: `/api/v1/tickets/${ticket.id}/comments`, payload: { body: 'Interní poznámka', visibility: 'internal' } });
    expect(note.statusCode).toBe(201);
    expect((await get(operator.auth, ticket.id)).json().firstResponseAt).toBeNull();
    t.clock.set('2026-11-02T10:00:00.000Z');
    await t.request(operator.auth, { method: 'POST', url: `/api/v1/tickets/${ticket.id}/comments`, payload: { body: 'Dobrý den, <script>alert(1)</script> díváme se na to.', visibility: 'public' } });
    const after = (await get(operator.auth, ticket.id)).json();
    expect(after.firstResponseAt).toBe('2026-11-02T10:00:00.000Z');
    const timeline = (await t.request(operator.auth, { method: 'GET', url: `/api/v1/tickets/${ticket.id}/timeline` })).json().items;
    const comments = timeline.filter((i: { kind: string }) => i.kind === 'comment');
    expect(comments.map((c: { visibility: string }) => c.visibility)).toEqual(['internal', 'public']);
    expect(comments[1].bodyHtml).not.toContain('<script');
    const mails = await t.database.db.selectFrom('mail_outbox').select(['template_key', 'in_reply_to']).where('ticket_id', '=', ticket.id).orderBy('id').execute();
    expect(mails.map((m) => m.template_key)).toEqual(['ticket_created', 'ticket_public_reply']);
    expect(mails[1]!.in_reply_to).toMatch(/^<ticket-/);
  });

  it('edits fields with history and optimistic concurrency, and refuses bad references', async () => {
    const ticket = (await create(operator.auth, { subject: 'Edit me' })).json();
    const patch = (payload: object) => t.request(operator.auth, { method: 'PATCH', url: `/api/v1/tickets/${ticket.id}`, payload });
    const edited = await patch({ version: 1, impact: 'high', urgency: 'high', subject: 'Edited', assigneeId: operator.id });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ priority: 'P1', subject: 'Edited', assignee: { id: operator.id }, version: 2 });
    expect((await patch({ version: 1, subject: 'Lost update' })).statusCode).toBe(409);
    const bad = await patch({ version: 2, assigneeId: 999999, categoryId: 999999, custom: { nope: 1 }, dimensions: { NOPE: 'X' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['assigneeId', 'categoryId', 'custom.nope']));
    const fields = (await t.request(operator.auth, { method: 'GET', url: `/api/v1/tickets/${ticket.id}/timeline` })).json().items
      .filter((i: { event: string }) => i.event === 'field').map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['subject', 'impact', 'urgency', 'priority', 'assignee']));
  });

  it('finds tickets by words without regard to case or diacritics, and filters and pages lists', async () => {
    const a = (await create(operator.auth, { subject: 'Český server nejede', description: 'Hlášení z pobočky Plzeň' })).json();
    await create(operator.auth, { subject: 'Jiný problém', description: 'nic společného' });
    const search = async (q: string) => (await t.request(operator.auth, { method: 'GET', url: `/api/v1/tickets?q=${encodeURIComponent(q)}` })).json().items.map((i: { id: number }) => i.id);
    expect(await search('cesky')).toEqual([a.id]);
    expect(await search('PLZEN serv')).toEqual([a.id]);
    expect(await search(a.number)).toEqual([a.id]);
    expect(await search('neexistuje')).toEqual([]);
    const p1 = (await t.request(operator.auth, { method: 'GET', url: '/api/v1/tickets?priority=P1&view=all' })).json().items;
    expect(p1.every((i: { priority: string }) => i.priority === 'P1')).toBe(true);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const body = (await t.request(operator.auth, { method: 'GET', url: `/api/v1/tickets?view=all&limit=2&sort=-created${cursor ? `&cursor=${cursor}` : ''}` })).json() as { items: { id: number }[]; nextCursor: string | null };
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const total = await t.database.db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(seen.length).toBe(Number(total.n));
  });

  it('keeps tickets inside the queues of operators and technicians (404 outside)', async () => {
    const outsider = await t.userWith(['technician']);
    const ticket = (await create(operator.auth, { subject: 'Queue scoped' })).json();
    expect((await get(outsider.auth, ticket.id)).statusCode).toBe(404);
    expect((await t.request(outsider.auth, { method: 'GET', url: '/api/v1/tickets?view=all' })).json().items).toEqual([]);
    const manager = await t.userWith(['manager']);
    expect((await get(manager.auth, ticket.id)).statusCode).toBe(200);
    const accountant = await t.userWith(['accountant']);
    expect((await get(accountant.auth, ticket.id)).statusCode).toBe(403);
  });

  it('validates input: unknown type, client, empty subject, priority override without the right', async () => {
    const tech = await t.userWith(['technician']);
    await t.database.db.insertInto('queue_members').values({ queue_id: queueId, user_id: tech.id }).execute();
    const r1 = await create(operator.auth, { subject: '', typeCode: 'nope', clientId: 424242 });
    expect(r1.statusCode).toBe(400);
    const r2 = await create(operator.auth, { subject: 'x', typeCode: 'nope' });
    expect(r2.json().error.details[0]).toMatchObject({ path: 'typeCode', code: 'unknown_reference' });
    const r3 = await create(tech.auth, { subject: 'x', priority: 'P1' });
    expect(r3.statusCode).toBe(400);
    expect(r3.json().error.details[0]).toMatchObject({ path: 'priority', code: 'not_allowed' });
    const r4 = await create(operator.auth, { subject: 'x', priority: 'P1' });
    expect(r4.json()).toMatchObject({ priority: 'P1', priorityOverridden: true });
  });

  it('stores attachments by content hash and refuses files over the limit with 413', async () => {
    const ticket = (await create(operator.auth, { subject: 'Files' })).json();
    const upload = (content: Buffer, filename = 'log.txt') => {
      const boundary = '----kontor';
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/plain\r\n\r\n`),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return t.request(operator.auth, { method: 'POST', url: `/api/v1/tickets/${ticket.id}/attachments`, payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    };
    const ok = await upload(Buffer.from('Chybový log: žluťoučký kůň'), 'chyba.txt');
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ filename: 'chyba.txt', size: Buffer.byteLength('Chybový log: žluťoučký kůň') });
    const download = await t.request(operator.auth, { method: 'GET', url: `/api/v1/attachments/${ok.json().id}` });
    expect(download.body).toBe('Chybový log: žluťoučký kůň');
    const big = await upload(Buffer.alloc(t.config.attachmentMaxBytes + 10, 1));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('attachment_too_large');
    const list = (await t.request(operator.auth, { method: 'GET', url: `/api/v1/tickets/${ticket.id}/attachments` })).json();
    expect(list.items).toHaveLength(1);
  });
});
