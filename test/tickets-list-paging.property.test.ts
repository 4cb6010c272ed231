import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../src/modules/identity/index.ts';
import { listTickets } from '../src/modules/tickets/tickets.read.ts';
import { listQuery } from '../src/modules/tickets/tickets.schemas.ts';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';
import { idsOfAllPages, LIST_ORDERS as orders, LIST_SORTS, queuesWithMembers, TIED_DUES, TIED_TIMES } from './ticket-list.fixture.ts';

/**
 * The ticket list's keyset paging: whatever the filters, the sort, the page size and the
 * reader's queues, following the cursor from the first page to the last gives exactly the
 * tickets one plain ORDER BY over the filtered tickets gives, in its order. The tickets
 * tie on every sort key but the id, and many have no deadline (NO_DUE, last in SLA order).
 */
describe.each(testEngines())('ticket list paging on %s', (engine) => {
  let t: TestApp;
  let admin: Auth;
  let queues: number[] = [];
  /** Members of every queue, of the two bigger ones, and of the smallest one alone. */
  let members: { id: number; queues: number[] }[] = [];
  const teams: number[] = [];
  const categories: number[] = [];
  let types: { id: number; code: string }[] = [];

  const stateCategories = ['new', 'open', 'waiting', 'resolved', 'closed'] as const;
  const slaStatuses = ['running', 'warning', 'paused', 'met', 'breached', 'none'] as const;

  beforeAll(async () => {
    t = await createTestApp(engine);
    t.clock.set('2026-11-02T08:00:00.000Z');
    admin = (await t.userWith(['admin'])).auth;
    const clientId = (await t.services.customers.create(systemContext, { name: 'Stránky s.r.o.', country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14 })).id;
    ({ queues, members } = await queuesWithMembers(t, admin, 'paging'));
    const at = t.clock.now().toISOString();
    for (const name of ['Síť', 'Tisk']) {
      teams.push((await t.database.db.insertInto('teams').values({ name, active: 1, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()).id);
      categories.push((await t.database.db.insertInto('categories').values({ name, path: name, active: 1, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()).id);
    }
    types = await t.database.db.selectFrom('ticket_types').select(['id', 'code']).orderBy('id').execute();

    // The tickets: made through the API, then given their fields directly (a fixed seed: a failure can be run again).
    const shapes = fc.sample(fc.record({
      queue: fc.constantFrom(0, 0, 0, 0, 1, 1, 1, 2),
      priority: fc.constantFrom('P1', 'P2', 'P3', 'P3', 'P4'),
      type: fc.nat({ max: types.length - 1 }),
      state: fc.constantFrom(...stateCategories),
      sla: fc.constantFrom(...slaStatuses),
      team: fc.constantFrom(null, 0, 1, 1),
      category: fc.constantFrom(null, 0, 1),
      due: fc.constantFrom(...TIED_DUES),
      created: fc.constantFrom(...TIED_TIMES),
      updated: fc.constantFrom(...TIED_TIMES),
    }), { numRuns: 110, seed: 20261128 });
    for (const [i, shape] of shapes.entries()) {
      const res = await t.request(admin, { method: 'POST', url: '/api/v1/tickets', payload: { clientId, subject: `Stránka ${i}`, queueId: queues[0] } });
      expect(res.statusCode, res.body).toBe(201);
      await t.database.db.updateTable('tickets').set({
        queue_id: queues[shape.queue]!, priority: shape.priority, type_id: types[shape.type]!.id, state_category: shape.state, sla_status: shape.sla,
        team_id: shape.team === null ? null : teams[shape.team]!, category_id: shape.category === null ? null : categories[shape.category]!,
        sla_due_at: shape.due, created_at: shape.created, updated_at: shape.updated,
      }).where('id', '=', res.json().id).execute();
    }
  });
  afterAll(() => t.close());

  interface Filters { states: (typeof stateCategories)[number][] | null; queue: number | null; type: number | null; sla: string | null; team: number | null; category: number | null }

  /** The filtered tickets of these queues in the sort's order, read the plain way. */
  const expected = async (memberQueues: number[], f: Filters, sort: string) => {
    let q = t.database.db.selectFrom('tickets').select('id').where('queue_id', 'in', memberQueues);
    if (f.states) q = q.where('state_category', 'in', f.states);
    if (f.queue !== null) q = q.where('queue_id', '=', queues[f.queue]!);
    if (f.type !== null) q = q.where('type_id', '=', types[f.type]!.id);
    if (f.sla !== null) q = q.where('sla_status', '=', f.sla);
    if (f.team !== null) q = q.where('team_id', '=', teams[f.team]!);
    if (f.category !== null) q = q.where('category_id', '=', categories[f.category]!);
    for (const [column, dir] of orders[sort]!) q = q.orderBy(column, dir);
    return (await q.execute()).map((r) => r.id);
  };

  const filters: fc.Arbitrary<Filters> = fc.record({
    // None (every state), the web app's open tickets (several categories: read one category at a time in SLA order), or a few.
    states: fc.oneof(fc.constant(null), fc.constant<Filters['states']>(['new', 'open', 'waiting']), fc.subarray([...stateCategories], { minLength: 1 })),
    queue: fc.option(fc.nat({ max: 2 }), { freq: 3 }),
    type: fc.option(fc.nat({ max: 1 }), { freq: 2 }),
    sla: fc.option(fc.constantFrom(...slaStatuses), { freq: 2 }),
    team: fc.option(fc.nat({ max: 1 }), { freq: 2 }),
    category: fc.option(fc.nat({ max: 1 }), { freq: 2 }),
  });

  it('property: following the cursor page by page gives the plain ORDER BY of the filtered tickets, for any filters, sort, page size and reader', async () => {
    let pagedDeep = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: members.length - 1 }),
        filters,
        fc.constantFrom(...LIST_SORTS),
        fc.integer({ min: 1, max: 9 }),
        async (who, f, sort, limit) => {
          const member = members[who]!;
          const want = await expected(member.queues, f, sort);
          const query = listQuery.parse({
            view: 'all', sort, limit: String(limit),
            ...(f.states ? { stateCategory: f.states.join(',') } : {}),
            ...(f.queue !== null ? { queueId: String(queues[f.queue]) } : {}),
            ...(f.type !== null ? { typeCode: types[f.type]!.code } : {}),
            ...(f.sla !== null ? { slaStatus: f.sla } : {}),
            ...(f.team !== null ? { teamId: String(teams[f.team]) } : {}),
            ...(f.category !== null ? { categoryId: String(categories[f.category]) } : {}),
          });
          const me = { userId: member.id, now: t.clock.now().toISOString() };
          const got = await idsOfAllPages((after) => listTickets(t.database.db, query, { kind: 'member_queues', userId: member.id }, me, after), limit, want.length);
          expect(got, `${JSON.stringify(f)} by ${sort}, ${limit} a page, member ${who}`).toEqual(want);
          if (want.length > 2 * limit) pagedDeep++;
        },
      ),
      { numRuns: 200, seed: 13 },
    );
    // Not a property of lists that fit on a page or two.
    expect(pagedDeep).toBeGreaterThan(40);
  }, 180_000);
});
