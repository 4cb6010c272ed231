import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../src/modules/identity/index.ts';
import { countTickets, listTickets } from '../src/modules/tickets/tickets.read.ts';
import { NO_DUE } from '../src/modules/tickets/tickets.repo.ts';
import { countQuery, listQuery } from '../src/modules/tickets/tickets.schemas.ts';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

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
  const queues: number[] = [];
  /** Members of every queue, of the two bigger ones, and of the smallest one alone. */
  const members: { id: number; queues: number[] }[] = [];

  // Few distinct values, so that many tickets share a due time, a creation or an update time and the ids decide.
  const dues = ['2026-11-03T08:00:00.000Z', '2026-11-03T09:30:00.000Z', '2026-11-04T08:00:00.000Z', NO_DUE, NO_DUE];
  const times = ['2026-10-01T08:00:00.000Z', '2026-10-02T08:00:00.000Z', '2026-10-02T08:00:00.001Z', '2026-10-05T12:00:00.000Z'];

  /** The list's orders, as the API describes them. */
  const orders: Record<string, [column: 'priority' | 'sla_due_at' | 'created_at' | 'updated_at' | 'id', dir: 'asc' | 'desc'][]> = {
    sla: [['sla_due_at', 'asc'], ['id', 'asc']],
    created: [['created_at', 'asc'], ['id', 'asc']],
    '-created': [['created_at', 'desc'], ['id', 'desc']],
    priority: [['priority', 'asc'], ['sla_due_at', 'asc'], ['id', 'asc']],
    updated: [['updated_at', 'desc'], ['id', 'desc']],
    newest: [['id', 'desc']],
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    t.clock.set('2026-11-02T08:00:00.000Z');
    admin = (await t.userWith(['admin'])).auth;
    const clientId = (await t.services.customers.create(systemContext, { name: 'Priority s.r.o.', country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14 })).id;
    const operators = [await t.userWith(['operator']), await t.userWith(['operator']), await t.userWith(['technician'])];
    const memberships = [[0, 1], [0, 1], [0, 2]];
    for (const [i, name] of ['Velká', 'Střední', 'Malá'].entries()) {
      const res = await t.request(admin, {
        method: 'POST', url: '/api/v1/queues',
        payload: { code: `prio_${i}`, name, members: memberships[i]!.map((m) => operators[m]!.id) },
      });
      expect(res.statusCode, res.body).toBe(201);
      queues.push(res.json().id);
    }
    members.push({ id: operators[0]!.id, queues }, { id: operators[1]!.id, queues: queues.slice(0, 2) }, { id: operators[2]!.id, queues: queues.slice(2) });

    // The tickets: made through the API, then given their queue, priority and times directly (a fixed seed: a failure can be run again).
    const shapes = fc.sample(fc.record({
      queue: fc.constantFrom(0, 0, 0, 0, 1, 1, 1, 2),
      priority: fc.constantFrom('P1', 'P2', 'P3', 'P3', 'P4', 'P4', 'P4'),
      due: fc.constantFrom(...dues),
      created: fc.constantFrom(...times),
      updated: fc.constantFrom(...times),
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
        fc.constantFrom('sla', 'created', '-created', 'priority', 'updated', 'newest'),
        fc.integer({ min: 1, max: 9 }),
        // From one ticket (the page is finished the usual way almost at once) to more than there are.
        fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 13, max: 120 })),
        async (who, priorities, sort, limit, budget) => {
          const member = members[who]!;
          const want = await expected(member.queues, priorities, sort);
          const query = listQuery.parse({ view: 'all', priority: priorities.join(','), sort, limit: String(limit) });
          const me = { userId: member.id, now: t.clock.now().toISOString() };
          const got: number[] = [];
          let after: (string | number)[] | null = null;
          for (let pages = 0; ; pages++) {
            const page = await listTickets(t.database.db, query, { kind: 'member_queues', userId: member.id }, me, after, budget);
            got.push(...page.items.map((item) => JSON.parse(item.toString()).id as number));
            expect(page.items.length, 'a page is full unless it is the last').toBe(page.more ? limit : page.items.length);
            if (!page.more) break;
            expect(pages).toBeLessThan(want.length);
            after = page.last;
          }
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
