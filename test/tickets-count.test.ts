import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../src/modules/identity/index.ts';
import { countTickets } from '../src/modules/tickets/tickets.read.ts';
import { countQuery, TICKET_COUNT_CAP } from '../src/modules/tickets/tickets.schemas.ts';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

// GET /tickets/count counts what the list pages through: the same filters, the same scope,
// the same 400s; counted by the database and capped so that it never reads every ticket.
describe.each(testEngines())('ticket count on %s', (engine) => {
  let t: TestApp;
  let admin: { id: number; auth: Auth };
  let operator: { id: number; auth: Auth };
  let queueA: number;
  let queueB: number;
  let teamId: number;
  let clients: number[];
  const inQueue = new Map<number, number>();

  const get = (auth: Auth, url: string) => t.request(auth, { method: 'GET', url });

  beforeAll(async () => {
    t = await createTestApp(engine);
    t.clock.set('2026-11-02T08:00:00.000Z');
    const adminUser = await t.userWith(['admin']);
    admin = { id: adminUser.id, auth: await t.tokenFor(adminUser.id) };
    const op = await t.userWith(['operator']);
    // API tokens: the clock moves across the day, past a session's idle time.
    operator = { id: op.id, auth: await t.tokenFor(op.id) };
    const post = async (url: string, payload: object) => {
      const res = await t.request(admin.auth, { method: 'POST', url, payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    clients = [];
    for (const name of ['Počty a.s.', 'Součty s.r.o.']) {
      clients.push((await t.services.customers.create(systemContext, { name, country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14 })).id);
    }
    queueA = (await post('/api/v1/queues', { code: 'count_a', name: 'Count A', members: [operator.id] })).id;
    // The operator is given tickets of queue B while a member, then leaves it: they stay assigned to him, out of his lists.
    queueB = (await post('/api/v1/queues', { code: 'count_b', name: 'Count B', members: [operator.id] })).id;
    teamId = (await t.services.helpdesk.queues.createTeam(systemContext, { name: 'Počítači', members: [operator.id], active: true })).id;
    await post('/api/v1/dimensions', { code: 'service', name: 'Service', values: [{ code: 'printing', name: 'Printing' }, { code: 'email', name: 'E-mail' }] });
    await post('/api/v1/dimensions', { code: 'area', name: 'Area', values: [{ code: 'hq', name: 'HQ' }] });
    await post('/api/v1/custom-fields', { key: 'asset', label: 'Asset', kind: 'text' });

    // A small random ticket set (fixed seed: a failure can be run again as it was).
    const ticketSet = fc.sample(fc.record({
      subject: fc.constantFrom('Tiskárna nejde', 'Pošta stojí', 'Mail nechodí', 'Tisk faktur'),
      queue: fc.constantFrom('A', 'B'),
      client: fc.nat({ max: 1 }),
      assignee: fc.constantFrom('none', 'admin', 'operator'),
      team: fc.boolean(),
      priority: fc.constantFrom(undefined, 'P1', 'P2', 'P3', 'P4'),
      tags: fc.subarray(['vip', 'tisk', 'sklad']),
      dimensions: fc.constantFrom({}, { service: 'printing' }, { service: 'email', area: 'hq' }, { service: 'printing', area: 'hq' }),
      asset: fc.constantFrom(undefined, 'NB-1', 'NB-2'),
      moves: fc.constantFrom('none', 'progress', 'waiting', 'resolved'),
      minutesLater: fc.integer({ min: 0, max: 600 }),
    }), { numRuns: 36, seed: 20261102 });
    let at = new Date('2026-11-02T08:00:00.000Z').getTime();
    for (const x of ticketSet) {
      // Created across the day: some are due soon when counted, some late, some later.
      at += x.minutesLater * 60_000;
      t.clock.set(new Date(at).toISOString());
      const queueId = x.queue === 'A' ? queueA : queueB;
      const created = await post('/api/v1/tickets', {
        clientId: clients[x.client], subject: x.subject, queueId, tags: x.tags, dimensions: x.dimensions,
        ...(x.priority ? { priority: x.priority } : {}),
        ...(x.assignee !== 'none' ? { assigneeId: x.assignee === 'admin' ? admin.id : operator.id } : {}),
        ...(x.team ? { teamId } : {}),
        ...(x.asset ? { custom: { asset: x.asset } } : {}),
      });
      inQueue.set(queueId, (inQueue.get(queueId) ?? 0) + 1);
      const path = { none: [], progress: [['in_progress', 1]], waiting: [['in_progress', 1], ['waiting_for_client', 2]], resolved: [['resolved', 1]] }[x.moves] as [string, number][];
      for (const [toState, version] of path) {
        const moved = await t.request(admin.auth, { method: 'POST', url: `/api/v1/tickets/${created.id}/transition`, payload: { toState, version, resolutionNote: 'Hotovo' } });
        expect(moved.statusCode, moved.body).toBe(200);
      }
    }
    const left = await t.request(admin.auth, { method: 'PATCH', url: `/api/v1/queues/${queueB}`, payload: { members: [] } });
    expect(left.statusCode, left.body).toBe(200);
    t.clock.set(new Date(at + 3_600_000).toISOString());
  });
  afterAll(() => t.close());

  const count = async (auth: Auth, query: string) => {
    const res = await get(auth, `/api/v1/tickets/count?${query}`);
    expect(res.statusCode, `${query}: ${res.body}`).toBe(200);
    return res.json() as { count: number; capped: boolean };
  };

  /** How many tickets the list gives for the query, page after page. */
  const listed = async (auth: Auth, query: string, sort: string, limit: number) => {
    let n = 0;
    let cursor: string | null = null;
    do {
      const res = await get(auth, `/api/v1/tickets?${query}&sort=${sort}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      n += res.json().items.length;
      cursor = res.json().nextCursor;
    } while (cursor);
    return n;
  };

  it('property: the count is the number of tickets the list pages through, for any filters, user and order', async () => {
    // Each filter mostly left out: two or three at a time, so that some tickets still match.
    const option = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: arb, weight: 1 });
    let nonZero = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          view: option(fc.constantFrom('all', 'mine', 'my_teams', 'unassigned', 'breaching_soon')),
          queueId: option(fc.constantFrom(() => queueA, () => queueB, () => 999_999)),
          stateCategory: option(fc.subarray(['new', 'open', 'waiting', 'resolved', 'closed'], { minLength: 1 }).map((c) => c.join(','))),
          stateCode: option(fc.constantFrom('new', 'in_progress', 'waiting_for_client', 'resolved', 'nope')),
          typeCode: option(fc.constantFrom('incident', 'nope')),
          priority: option(fc.subarray(['P1', 'P2', 'P3', 'P4'], { minLength: 1 }).map((p) => p.join(','))),
          assigneeId: option(fc.constantFrom(() => admin.id, () => operator.id)),
          teamId: option(fc.constant(() => teamId)),
          clientId: option(fc.constantFrom(() => clients[0]!, () => clients[1]!)),
          tag: option(fc.constantFrom('vip', 'VIP', 'sklad', 'nic')),
          slaStatus: option(fc.constantFrom('running', 'warning', 'paused', 'met', 'breached', 'none')),
          dimension: option(fc.constantFrom('service:printing', 'service:printing,service:email', 'area:hq,service:email', 'service:fax')),
          custom: option(fc.constantFrom('asset:NB-1', 'asset:NB-2')),
          q: option(fc.constantFrom('tisk', 'mail', 'Tiskárna nejde', 'zzz')),
        }),
        fc.constantFrom('admin', 'operator'),
        fc.constantFrom('sla', 'created', '-created', 'priority', 'updated', 'newest'),
        fc.integer({ min: 3, max: 8 }),
        async (filters, who, sort, limit) => {
          const params = new URLSearchParams();
          for (const [key, value] of Object.entries(filters)) {
            if (value !== undefined) params.set(key, String(typeof value === 'function' ? value() : value));
          }
          const query = params.toString();
          const auth = who === 'admin' ? admin.auth : operator.auth;
          const counted = await count(auth, query);
          expect(counted, `${who}: ${query}`).toEqual({ count: await listed(auth, query, sort, limit), capped: false });
          if (counted.count > 0) nonZero++;
        },
      ),
      { numRuns: 80, seed: 7 },
    );
    // Not a property of empty answers only.
    expect(nonZero).toBeGreaterThan(10);
  });

  it("an operator's unassigned card counts what its list pages through (on SQLite the count reads the unassigned tickets as a set of ids)", async () => {
    let nonZero = 0;
    for (const query of ['view=unassigned', 'view=unassigned&stateCategory=new,open', 'view=unassigned&stateCategory=resolved,closed', 'view=all&stateCategory=new,open,waiting,resolved']) {
      for (const who of [operator, admin]) {
        const counted = await count(who.auth, query);
        expect(counted, `${who === admin ? 'admin' : 'operator'}: ${query}`).toEqual({ count: await listed(who.auth, query, 'sla', 4), capped: false });
        if (counted.count > 0) nonZero++;
      }
    }
    expect(nonZero).toBeGreaterThan(4);
    // The operator's count is of queue A alone: fewer than the admin's, who sees both queues.
    const [mine, everyone] = [await count(operator.auth, 'view=unassigned'), await count(admin.auth, 'view=unassigned')];
    expect(mine.count).toBeGreaterThan(0);
    expect(mine.count).toBeLessThan(everyone.count);
  });

  it('counts only the tickets of the queues an operator is a member of', async () => {
    expect(inQueue.get(queueA)).toBeGreaterThan(0);
    expect(inQueue.get(queueB)).toBeGreaterThan(0);
    expect(await count(operator.auth, 'view=all')).toEqual({ count: inQueue.get(queueA), capped: false });
    expect(await count(operator.auth, `view=all&queueId=${queueB}`)).toEqual({ count: 0, capped: false });
    expect(await count(admin.auth, `view=all&queueId=${queueB}`)).toEqual({ count: inQueue.get(queueB), capped: false });
    expect((await count(admin.auth, 'view=all')).count).toBe(inQueue.get(queueA)! + inQueue.get(queueB)!);
    // A technician in no queue counts nothing; someone without tickets.read may not ask.
    const loner = await t.userWith(['technician']);
    expect(await count(await t.tokenFor(loner.id), 'view=all')).toEqual({ count: 0, capped: false });
    const accountant = await t.userWith(['accountant']);
    expect((await get(await t.tokenFor(accountant.id), '/api/v1/tickets/count')).statusCode).toBe(403);
  });

  it('stops at the cap and says so', async () => {
    const all = inQueue.get(queueA)! + inQueue.get(queueB)!;
    const me = { userId: admin.id, now: t.clock.now().toISOString() };
    const everything = countQuery.parse({ view: 'all' });
    expect(await countTickets(t.database.db, everything, { kind: 'all' }, me, all)).toEqual({ count: all, capped: false });
    expect(await countTickets(t.database.db, everything, { kind: 'all' }, me, all - 1)).toEqual({ count: all - 1, capped: true });
    expect(await countTickets(t.database.db, everything, { kind: 'all' }, me, 3)).toEqual({ count: 3, capped: true });
    // Capped within the scope and the filters, not before them.
    const mine = inQueue.get(queueA)!;
    expect(await countTickets(t.database.db, everything, { kind: 'member_queues', userId: operator.id }, me, mine)).toEqual({ count: mine, capped: false });
    const printing = (await count(admin.auth, 'view=all&dimension=service:printing')).count;
    expect(printing).toBeGreaterThan(1);
    expect(await countTickets(t.database.db, countQuery.parse({ dimension: 'service:printing' }), { kind: 'all' }, me, printing - 1)).toEqual({ count: printing - 1, capped: true });
    expect(TICKET_COUNT_CAP).toBe(10_000);
  });

  it('refuses bad filters with the list\'s 400s, and the list\'s paging and order as unknown parameters', async () => {
    for (const query of ['priority=P5', 'slaStatus=late', 'dimension=service', 'queueId=abc', 'stateCategory=later', 'custom=asset', 'view=everything', 'color=red']) {
      const [list, counted] = [await get(admin.auth, `/api/v1/tickets?${query}`), await get(admin.auth, `/api/v1/tickets/count?${query}`)];
      expect(counted.statusCode, query).toBe(400);
      expect(counted.json().error.details, query).toEqual(list.json().error.details);
    }
    for (const param of ['sort=sla', 'limit=10', 'cursor=abc']) {
      const res = await get(admin.auth, `/api/v1/tickets/count?view=all&${param}`);
      expect(res.statusCode, param).toBe(400);
      expect(JSON.stringify(res.json().error.details), param).toContain(param.split('=')[0]);
    }
  });

  it('is documented in OpenAPI with its cap', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const op = spec.paths['/api/v1/tickets/count'].get;
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['view', 'q', 'queueId', 'dimension']));
    expect(op.parameters.map((p: { name: string }) => p.name)).not.toContain('cursor');
    expect(JSON.stringify(op.responses['200'])).toContain('more than 10000 tickets match');
  });
});
