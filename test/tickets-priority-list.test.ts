import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../src/modules/identity/index.ts';
import { countTickets, listTickets } from '../src/modules/tickets/tickets.read.ts';
import { NO_DUE } from '../src/modules/tickets/tickets.repo.ts';
import { countQuery, listQuery } from '../src/modules/tickets/tickets.schemas.ts';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';
import { idsOfAllPages, LIST_ORDERS as orders, LIST_SORTS, queuesWithMembers, TIED_DUES, TIED_TIMES } from './ticket-list.fixture.ts';

/**
 * A list that asks only for priorities, in all states, read by a member of queues: on
 * SQLite it walks the sort's own index for a limited number of tickets and reads the rest
 * the usual way from where the walk stopped; its count scans the table when the member's
 * queues hold most tickets. Whatever the walk's budget, the pages are exactly what a
 * straightforward query gives, in its order, and the count is its number.
 */
describe.each(testEngines())('a priority-only ticket list on %s', (engine) => {
  let t: TestApp;
  let admin: Auth;
  let queues: number[] = [];
  /** Members of every queue, of the two bigger ones, and of the smallest one alone. */
  let members: { id: number; queues: number[] }[] = [];


  beforeAll(async () => {
    t = await createTestApp(engine);
    t.clock.set('2026-11-02T08:00:00.000Z');
    admin = (await t.userWith(['admin'])).auth;
    const clientId = (await t.services.customers.create(systemContext, { name: 'Priority s.r.o.', country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14 })).id;
    ({ queues, members } = await queuesWithMembers(t, admin, 'prio'));

    // The tickets: made through the API, then given their queue, priority and times directly (a fixed seed: a failure can be run again).
    const shapes = fc.sample(fc.record({
      queue: fc.constantFrom(0, 0, 0, 0, 1, 1, 1, 2),
      priority: fc.constantFrom('P1', 'P2', 'P3', 'P3', 'P4', 'P4', 'P4'),
      due: fc.constantFrom(...TIED_DUES),
      created: fc.constantFrom(...TIED_TIMES),
      updated: fc.constantFrom(...TIED_TIMES),
    }), { numRuns: 90, seed: 20261102 });
    for (const [i, shape] of shapes.entries()) {
      const res = await t.request(admin, { method: 'POST', url: '/api/v1/tickets', payload: { clientId, subject: `Priorita ${i}`, queueId: queues[0] } });
      expect(res.statusCode, res.body).toBe(201);
      await t.database.db.updateTable('tickets').set({
        queue_id: queues[shape.queue]!, priority: shape.priority, sla_due_at: shape.due, created_at: shape.created, updated_at: shape.updated,
        state_category: shape.due === NO_DUE ? 'closed' : 'open',
      }).where('id', '=', res.json().id).execute();
    }
  });
  afterAll(() => t.close());

  /** The tickets of these queues and priorities in the sort's order, read the plain way. */
  const expected = async (memberQueues: number[], priorities: string[], sort: string) => {
    let q = t.database.db.selectFrom('tickets').select('id').where('queue_id', 'in', memberQueues).where('priority', 'in', priorities);
    for (const [column, dir] of orders[sort]!) q = q.orderBy(column, dir);
    return (await q.execute()).map((r) => r.id);
  };

  it('property: pages through exactly the tickets of the member\'s queues and the priorities, in the order asked, whatever the walk\'s budget', async () => {
    let walkedPast = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: members.length - 1 }),
        // Priorities as the API takes them, repeated ones too.
        fc.array(fc.constantFrom('P1', 'P2', 'P3', 'P4'), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...LIST_SORTS),
        fc.integer({ min: 1, max: 9 }),
        // From one ticket (the page is finished the usual way almost at once) to more than there are.
        fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 13, max: 120 })),
        async (who, priorities, sort, limit, budget) => {
          const member = members[who]!;
          const want = await expected(member.queues, priorities, sort);
          const query = listQuery.parse({ view: 'all', priority: priorities.join(','), sort, limit: String(limit) });
          const me = { userId: member.id, now: t.clock.now().toISOString() };
          const got = await idsOfAllPages((after) => listTickets(t.database.db, query, { kind: 'member_queues', userId: member.id }, me, after, budget), limit, want.length);
          expect(got, `${priorities.join(',')} by ${sort}, ${limit} a page, budget ${budget}`).toEqual(want);
          // A walk (members of the bigger queues: their queues hold most tickets) that stopped before the last match.
          if (who < 2 && budget > limit && budget < want.length) walkedPast++;
        },
      ),
      { numRuns: 150, seed: 11 },
    );
    // Not a property of walks that always reach the last ticket (on SQLite; PostgreSQL reads these lists the usual way).
    expect(walkedPast).toBeGreaterThan(30);
  }, 120_000);

  it('counts what the list pages through, for a member of most queues and of a small one, up to the cap', async () => {
    for (const member of members) {
      for (const priorities of [['P1'], ['P4'], ['P2', 'P3'], ['P1', 'P2', 'P3', 'P4']]) {
        const want = (await expected(member.queues, priorities, 'newest')).length;
        expect(want, `${member.queues.length} queues, ${priorities.join(',')}`).toBeGreaterThan(0);
        const query = countQuery.parse({ view: 'all', priority: priorities.join(',') });
        const count = (cap: number) => countTickets(t.database.db, query, { kind: 'member_queues', userId: member.id }, { userId: member.id, now: t.clock.now().toISOString() }, cap);
        expect(await count(10_000), `${member.queues.length} queues, ${priorities.join(',')}`).toEqual({ count: want, capped: false });
        expect(await count(want)).toEqual({ count: want, capped: false });
        expect(await count(want - 1)).toEqual({ count: want - 1, capped: true });
      }
    }
  });
});
