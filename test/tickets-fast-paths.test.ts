import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpdeskSnapshot } from '../src/modules/helpdesk/index.ts';
import { systemContext } from '../src/modules/identity/index.ts';
import { refreshSla } from '../src/modules/tickets/tickets.context.ts';
import { inWriteBatch, openDatabase } from '../src/platform/db/index.ts';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

/**
 * The hot paths take shortcuts (a cached configuration, a new ticket's answer built
 * from what was written, list statements compiled per shape, search driven by the
 * index): these tests hold them to the slow, obvious way of doing the same.
 */
describe.each(testEngines())('ticket fast paths on %s', (engine) => {
  let t: TestApp;
  let operator: { id: number; auth: Auth };
  let clientId: number;
  let contactId: number;
  let queueId: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    ({ clientId, contactId } = await t.clientWithRequester('Rychlý Klient a.s.', { name: 'Petr Svoboda', email: 'petr@rychly.cz', language: 'en' }));
    const op = await t.userWith(['operator']);
    operator = { id: op.id, auth: await t.tokenFor(op.id) };
    queueId = (await t.database.db.selectFrom('queues').select('id').where('code', '=', 'service_desk').executeTakeFirstOrThrow()).id;
    await t.database.db.insertInto('queue_members').values({ queue_id: queueId, user_id: operator.id }).execute();
  });
  afterAll(() => t.close());

  const create = (payload: object) => t.request(operator.auth, { method: 'POST', url: '/api/v1/tickets', payload: { clientId, ...payload } });
  const get = async (id: number) => (await t.request(operator.auth, { method: 'GET', url: `/api/v1/tickets/${id}` })).json();
  const list = async (qs: string) => (await t.request(operator.auth, { method: 'GET', url: `/api/v1/tickets?${qs}` })).json();

  it('answers a create with exactly what reading the ticket gives, with every kind of reference', async () => {
    t.clock.set('2026-11-03T08:15:00.000Z');
    const team = await t.services.helpdesk.queues.createTeam(systemContext, { name: 'Síťaři', members: [operator.id], active: true });
    const category = await t.services.helpdesk.taxonomy.createCategory(systemContext, { parentId: null, name: 'Síť', active: true });
    await t.services.helpdesk.taxonomy.createDimension(systemContext, { code: 'SERVICE', name: 'Služba', active: true, values: [{ code: 'EMAIL', name: 'E-mail', active: true }] });
    await t.services.helpdesk.taxonomy.createDimension(systemContext, { code: 'AREA', name: 'Oblast', active: true, values: [{ code: 'HQ', name: 'Centrála', active: true }] });
    await t.services.helpdesk.taxonomy.createField(systemContext, { typeId: null, key: 'asset', label: 'Asset', kind: 'text', options: [], required: false, sortOrder: 0, active: true });
    const parent = (await create({ subject: 'Parent' })).json();
    const res = await create({
      subject: 'Výpadek pošty', description: 'Nejde **odesílat** <script>x</script>', requesterContactId: contactId, teamId: team.id,
      assigneeId: operator.id, categoryId: category.id, impact: 'high', urgency: 'low', tags: ['Pošta', 'vip'],
      custom: { asset: 'NB-42' }, dimensions: { SERVICE: 'EMAIL', AREA: 'HQ' }, parentId: parent.id,
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toEqual(await get(created.id));
    expect(created).toMatchObject({ team: { name: 'Síťaři' }, category: { path: 'Síť' }, requester: { email: 'petr@rychly.cz' }, dimensions: [{ dimension: 'AREA' }, { dimension: 'SERVICE' }] });
    // With watchers the answer is read back; still the same as a read.
    const watched = (await create({ subject: 'Watched', watcherUserIds: [operator.id], watcherContactIds: [contactId] })).json();
    expect(watched).toEqual(await get(watched.id));
    expect(watched.watchers.contacts).toEqual([{ id: contactId, name: 'Petr Svoboda' }]);
    // An explicit priority, no requester.
    const plain = (await create({ subject: 'Plain', priority: 'P1' })).json();
    expect(plain).toEqual(await get(plain.id));
  });

  it('writes the SLA columns refreshSla() would write, and mails the requester once', async () => {
    t.clock.set('2026-11-06T15:30:00.000Z'); // Friday afternoon: the due dates cross the weekend
    const created = (await create({ subject: 'SLA columns', requesterContactId: contactId, impact: 'high', urgency: 'high' })).json();
    const columns = ['sla_status', 'sla_first_response_due_at', 'sla_resolution_due_at', 'sla_due_at', 'sla_breached_minutes', 'sla_next_check_at'] as const;
    const before = await t.database.db.selectFrom('tickets').select(columns).where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(before.sla_status).toBe('running');
    await t.database.db.transaction().execute((trx) => refreshSla(trx, created.id, created.sla.policyId, t.clock.now()));
    const after = await t.database.db.selectFrom('tickets').select(columns).where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    const mail = await t.database.db.selectFrom('mail_outbox').select(['to_json', 'template_language']).where('ticket_id', '=', created.id).execute();
    expect(mail).toEqual([{ to_json: JSON.stringify([{ email: 'petr@rychly.cz', name: 'Petr Svoboda' }]), template_language: 'en' }]);
  });

  it('sees configuration changes at once, also those another process (another connection) makes', async () => {
    const matrix = (await t.services.helpdesk.sla.priorityMatrix(systemContext)) as Record<string, Record<string, string>>;
    expect((await create({ subject: 'Before', impact: 'low', urgency: 'low' })).json().priority).toBe(matrix.low!.low);
    const allP1 = { high: 'P1', medium: 'P1', low: 'P1' };
    await t.services.helpdesk.sla.setPriorityMatrix(systemContext, { high: allP1, medium: allP1, low: allP1 } as never);
    expect((await create({ subject: 'After', impact: 'low', urgency: 'low' })).json().priority).toBe('P1');
    await t.services.helpdesk.sla.setPriorityMatrix(systemContext, matrix as never);

    const first = await helpdeskSnapshot(t.database.db);
    expect(await helpdeskSnapshot(t.database.db)).toBe(first);
    if (engine === 'postgres') {
      // A second pool is what a second server process would have.
      const other = openDatabase(t.database.url, { poolSize: 1 });
      try {
        await other.db.updateTable('queues').set({ name: 'Renamed elsewhere' }).where('id', '=', queueId).execute();
      } finally {
        await other.close();
      }
    } else {
      await t.database.db.updateTable('queues').set({ name: 'Renamed elsewhere' }).where('id', '=', queueId).execute();
    }
    const next = await helpdeskSnapshot(t.database.db);
    expect(next).not.toBe(first);
    expect(next.queuesById.get(queueId)?.name).toBe('Renamed elsewhere');
    expect((await list(`queueId=${queueId}&limit=1`)).items[0].queue.name).toBe('Renamed elsewhere');
  });

  it('lists with every filter the same as the database says, and pages without gaps in each order', async () => {
    const all = await t.database.db.selectFrom('tickets').select(['id', 'state_id', 'type_id', 'priority', 'sla_due_at', 'created_at', 'updated_at']).execute();
    const states = await t.database.db.selectFrom('ticket_states').select(['id', 'code']).execute();
    const types = await t.database.db.selectFrom('ticket_types').select(['id', 'code']).execute();
    const ids = (body: { items: { id: number }[] }) => body.items.map((i) => i.id).sort((a, b) => a - b);
    const newState = states.filter((s) => s.code === 'new').map((s) => s.id);
    expect(ids(await list('view=all&stateCode=new&limit=200'))).toEqual(all.filter((r) => newState.includes(r.state_id)).map((r) => r.id).sort((a, b) => a - b));
    const incident = types.find((ty) => ty.code === 'incident')!.id;
    expect(ids(await list('typeCode=incident&limit=200'))).toEqual(all.filter((r) => r.type_id === incident).map((r) => r.id).sort((a, b) => a - b));
    expect(await list('typeCode=nope')).toEqual({ items: [], nextCursor: null });
    // Exactly one page: no cursor. The page is sent as bytes written by the database, as JSON.
    const exact = await t.request(operator.auth, { method: 'GET', url: `/api/v1/tickets?view=all&limit=${all.length}` });
    expect(exact.headers['content-type']).toMatch(/^application\/json/);
    expect(exact.json()).toMatchObject({ nextCursor: null });
    expect(exact.json().items).toHaveLength(all.length);
    expect((await list(`view=all&limit=${all.length - 1}`)).nextCursor).not.toBeNull();
    expect((await list('stateCode=nope')).items).toEqual([]);
    for (const sort of ['sla', 'created', '-created', 'priority', 'updated', 'newest']) {
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const body = (await list(`sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)) as { items: { id: number }[]; nextCursor: string | null };
        // A cursor is given only when more follow: no page after the last is ever empty.
        expect(body.items.length, sort).toBeGreaterThan(0);
        seen.push(...body.items.map((i) => i.id));
        cursor = body.nextCursor;
      } while (cursor);
      expect(new Set(seen).size, sort).toBe(all.length);
      if (sort === 'newest') expect(seen).toEqual(all.map((r) => r.id).sort((a, b) => b - a));
    }
  });

  it('property: a list item, written as JSON by the database, is the summary that reading the ticket gives', async () => {
    // Names and tags with what JSON must escape: quotes, backslashes, control characters, non-Latin text.
    const hostile = fc.constantFrom('"', '\\', '\u0001', '</script>', 'Žluťoučký kůň', '😀', "it's", '{"a":1}', '\u2028');
    const text = fc.array(fc.oneof(hostile, fc.string({ minLength: 1, maxLength: 6 })), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' ').trim() || 'x');
    const client = (await t.services.customers.create(systemContext, { name: 'Klient "Uvozovky" \\ a.s. 😀', country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14 })).id;
    const keys = ['id', 'number', 'subject', 'type', 'state', 'priority', 'queue', 'assignee', 'client', 'tags', 'sla', 'createdAt', 'updatedAt', 'version'];
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          subject: text,
          // A tag holds at most 40 characters (the API refuses longer ones): the hostile ones within that.
          tags: fc.array(text.filter((tag) => tag.length <= 40), { maxLength: 4 }),
          assigned: fc.boolean(),
          priority: fc.constantFrom(undefined, 'P1', 'P4'),
          moves: fc.constantFrom('none', 'waiting', 'resolved'),
        }),
        async ({ subject, tags, assigned, priority, moves }) => {
          const res = await t.request(operator.auth, {
            method: 'POST', url: '/api/v1/tickets',
            payload: { clientId: client, subject, tags, queueId, ...(assigned ? { assigneeId: operator.id } : {}), ...(priority ? { priority } : {}) },
          });
          expect(res.statusCode, res.body).toBe(201);
          const id = res.json().id as number;
          // Waiting pauses the SLA clock; resolving meets it and leaves no due time (stored as a far-future marker, shown as null).
          const path = { none: [], waiting: [['in_progress', 1], ['waiting_for_client', 2]], resolved: [['resolved', 1]] }[moves] as [string, number][];
          for (const [toState, version] of path) {
            const moved = await t.request(operator.auth, { method: 'POST', url: `/api/v1/tickets/${id}/transition`, payload: { toState, version, resolutionNote: 'Hotovo' } });
            expect(moved.statusCode, moved.body).toBe(200);
          }
          const detail = await get(id);
          const items = (await list(`view=all&clientId=${client}&sort=newest&limit=1`)).items;
          expect(items).toHaveLength(1);
          expect(items[0]).toEqual(Object.fromEntries(keys.map((k) => [k, detail[k]])));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('property: a list item kept from an earlier request is never older than the ticket, whatever changed it and however', async () => {
    const client = (await t.services.customers.create(systemContext, { name: 'Klient Paměť s.r.o.', country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14 })).id;
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) {
      ids.push((await create({ clientId: client, subject: `Zapamatovaný ${i}`, queueId, ...(i % 2 ? { assigneeId: operator.id } : {}) })).json().id);
    }
    const keys = ['id', 'number', 'subject', 'type', 'state', 'priority', 'queue', 'assignee', 'client', 'tags', 'sla', 'createdAt', 'updatedAt', 'version'];
    const summaryOf = async (id: number) => {
      const detail = await get(id);
      return Object.fromEntries(keys.map((k) => [k, detail[k]]));
    };
    const listed = async () => (await list(`view=all&clientId=${client}&sort=newest&limit=50`)).items as { id: number }[];
    /** Each listed item is what reading its ticket gives now. */
    const expectFresh = async () => {
      const items = await listed();
      expect(items.map((i) => i.id)).toEqual([...ids].reverse());
      for (const item of items) expect(item).toEqual(await summaryOf(item.id));
    };
    // A write outside the services (PostgreSQL: another pool, as another process would make it; SQLite: a plain statement).
    const elsewhere = async (write: (db: ReturnType<typeof openDatabase>['db']) => Promise<unknown>) => {
      if (engine !== 'postgres') return write(t.database.db);
      const other = openDatabase(t.database.url, { poolSize: 1 });
      try {
        await write(other.db);
      } finally {
        await other.close();
      }
    };
    let n = 0;
    const change = fc.oneof(
      fc.record({ kind: fc.constant('priority' as const), at: fc.nat(3), priority: fc.constantFrom('P1', 'P2', 'P3', 'P4') }),
      fc.record({ kind: fc.constant('subject' as const), at: fc.nat(3) }),
      fc.record({ kind: fc.constant('sla column elsewhere' as const), at: fc.nat(3) }),
      fc.record({ kind: fc.constant('client renamed' as const) }),
      fc.record({ kind: fc.constant('assignee renamed' as const) }),
      fc.record({ kind: fc.constant('queue renamed' as const) }),
      fc.record({ kind: fc.constant('rolled back' as const), at: fc.nat(3) }),
    );
    await expectFresh();
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 4 }), async (changes) => {
        for (const c of changes) {
          n++;
          const id = 'at' in c ? ids[c.at]! : 0;
          if (c.kind === 'priority' || c.kind === 'subject') {
            const version = (await get(id)).version as number;
            const patch = c.kind === 'priority' ? { priority: c.priority } : { subject: `Změněný ${n}` };
            const res = await t.request(operator.auth, { method: 'PATCH', url: `/api/v1/tickets/${id}`, payload: { ...patch, version } });
            expect(res.statusCode, res.body).toBe(200);
          } else if (c.kind === 'sla column elsewhere') {
            // What the SLA watcher writes: no new version, no updated_at.
            await elsewhere((db) => db.updateTable('tickets').set({ sla_warned_at: `2026-11-${String(10 + (n % 18)).padStart(2, '0')}T10:00:00.000Z` }).where('id', '=', id).execute());
          } else if (c.kind === 'client renamed') {
            await elsewhere((db) => db.updateTable('clients').set({ name: `Klient ${n}` }).where('id', '=', client).execute());
          } else if (c.kind === 'assignee renamed') {
            await elsewhere((db) => db.updateTable('users').set({ name: `Operátor ${n}` }).where('id', '=', operator.id).execute());
          } else if (c.kind === 'queue renamed') {
            await t.database.db.updateTable('queues').set({ name: `Fronta ${n}` }).where('id', '=', queueId).execute();
          } else {
            // Listed inside a transaction that then rolls back: what it saw there must not be kept.
            const { listTickets } = await import('../src/modules/tickets/tickets.read.ts');
            const { listQuery } = await import('../src/modules/tickets/tickets.schemas.ts');
            const query = listQuery.parse({ view: 'all', clientId: String(client), sort: 'newest', limit: '50' });
            await expect(t.database.db.transaction().execute(async (trx) => {
              await trx.updateTable('tickets').set({ subject: `Nikdy ${n}` }).where('id', '=', id).execute();
              const page = await listTickets(trx, query, { kind: 'all' }, { userId: operator.id, now: t.clock.now().toISOString() }, null);
              expect(Buffer.concat(page.items).toString()).toContain(`Nikdy ${n}`);
              throw new Error('roll back');
            })).rejects.toThrow('roll back');
            // A real change next gives the row the number the rolled-back one had, with other content.
            await elsewhere((db) => db.updateTable('tickets').set({ sla_breached_at: `2026-11-${String(10 + (n % 18)).padStart(2, '0')}T12:00:00.000Z` }).where('id', '=', id).execute());
          }
          await expectFresh();
        }
      }),
      { numRuns: 15 },
    );
  });

  it('creates arriving together share a commit, and one that fails fails alone', async () => {
    const before = await t.database.db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const results = await Promise.allSettled([
      create({ subject: 'Batch one', requesterContactId: contactId }),
      inWriteBatch(t.database.db, async (trx, atEnd) => {
        await trx.insertInto('settings').values({ key: 'batch-probe', value_json: '1', updated_at: 'x' }).execute();
        atEnd(async () => {
          throw new Error('never runs: its unit failed');
        });
        throw new Error('this unit fails');
      }),
      create({ subject: 'Batch two' }),
      create({ subject: '' }), // invalid before the transaction
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const [one, , two, bad] = results.map((r) => (r.status === 'fulfilled' ? r.value : null));
    expect([one!.statusCode, two!.statusCode, bad!.statusCode]).toEqual([201, 201, 400]);
    expect(await t.database.db.selectFrom('settings').select('key').where('key', '=', 'batch-probe').executeTakeFirst()).toBeUndefined();
    const after = await t.database.db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBe(2);
    expect(await get(one!.json().id)).toEqual(one!.json());
    expect((await list(`q=${one!.json().number}&sort=newest`)).items.map((i: { id: number }) => i.id)).toEqual([one!.json().id]);
    // The audit chain stays one chain.
    const audit = await t.database.db.selectFrom('audit_log').select(['prev_hash', 'hash']).orderBy('id').execute();
    audit.slice(1).forEach((e, i) => expect(e.prev_hash).toBe(audit[i]!.hash));
  });

  it('searches newest first from the index, with filters and paging, and the same matches in any order', async () => {
    const made: number[] = [];
    for (let i = 0; i < 7; i++) made.push((await create({ subject: `Tiskárna ${i} hlásí chybu`, description: i % 2 ? 'Zaseknutý papír' : 'Došel toner' })).json().id);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const body = (await list(`q=TISKARNA&sort=newest&limit=3${cursor ? `&cursor=${cursor}` : ''}`)) as { items: { id: number }[]; nextCursor: string | null };
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...made].reverse());
    const bySla = (await list('q=tiskarna&limit=50')).items.map((i: { id: number }) => i.id);
    expect([...bySla].sort((a, b) => a - b)).toEqual(made);
    expect((await list('q=tisk%20papir&sort=newest')).items.map((i: { id: number }) => i.id)).toEqual(made.filter((_, i) => i % 2).reverse());
    expect((await list('q=tiskarna&sort=newest&stateCategory=closed')).items).toEqual([]);
    expect((await list('q=nikde&sort=newest')).items).toEqual([]);
    // A technician outside the queue finds nothing.
    const outsider = await t.userWith(['technician']);
    expect((await t.request(outsider.auth, { method: 'GET', url: '/api/v1/tickets?q=tiskarna&sort=newest' })).json().items).toEqual([]);
  });
});
