import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRecords } from '../src/modules/records/records.repo.ts';
import { testEngines } from './db.ts';
import { recordsWorld, type RecordsWorld } from './records.fixture.ts';

// GET /records/count counts what the list pages through (the home page's "waiting for
// approval" card): the same filters, the same ticket scope, the same 400s; capped.
describe.each(testEngines())('record count on %s', (engine) => {
  let w: RecordsWorld;
  let elsewhere: number;
  const submitted: number[] = [];

  const count = async (auth: RecordsWorld['tech']['auth'], query: string) => {
    const res = await w.t.request(auth, { method: 'GET', url: `/api/v1/records/count${query ? `?${query}` : ''}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { count: number; capped: boolean };
  };
  const listed = async (auth: RecordsWorld['tech']['auth'], query: string) =>
    ((await w.t.request(auth, { method: 'GET', url: `/api/v1/records?limit=500&${query}` })).json() as { items: unknown[] }).items.length;

  beforeAll(async () => {
    w = await recordsWorld(engine);
    const work = (date: string) => ({ kind: 'work', date, startTime: '09:00', minutes: 30, workTypeId: w.wt.remote, description: 'Práce' });
    for (const [auth, date] of [[w.tech.auth, '2026-10-05'], [w.tech.auth, '2026-10-06'], [w.tech2.auth, '2026-10-07']] as const) {
      const id = (await w.log(auth, work(date))).json().id as number;
      expect((await w.t.request(auth, { method: 'POST', url: `/api/v1/records/${id}/submit` })).statusCode).toBe(200);
      submitted.push(id);
    }
    // A draft, not waiting for anyone.
    expect((await w.log(w.tech.auth, work('2026-10-08'))).statusCode).toBe(201);
    // Submitted on a ticket of a queue the technicians are not members of.
    const queue = await w.t.request(w.admin.auth, { method: 'POST', url: '/api/v1/queues', payload: { code: 'count_other', name: 'Other queue', members: [w.operator.id] } });
    expect(queue.statusCode, queue.body).toBe(201);
    const ticket = await w.t.request(w.operator.auth, { method: 'POST', url: '/api/v1/tickets', payload: { clientId: w.clientId, subject: 'Jinde', queueId: queue.json().id } });
    expect(ticket.statusCode, ticket.body).toBe(201);
    elsewhere = (await w.log(w.manager.auth, work('2026-10-09'), ticket.json().id)).json().id as number;
    expect((await w.t.request(w.manager.auth, { method: 'POST', url: `/api/v1/records/${elsewhere}/submit` })).statusCode).toBe(200);
  });
  afterAll(() => w.t.close());

  it('counts the approval queue as the list pages through it, filters and scope included', async () => {
    expect(await count(w.manager.auth, 'state=submitted')).toEqual({ count: 4, capped: false });
    expect(await listed(w.manager.auth, 'state=submitted')).toBe(4);
    expect(await count(w.manager.auth, `state=submitted&technicianId=${w.tech.id}`)).toEqual({ count: 2, capped: false });
    expect(await count(w.manager.auth, 'state=submitted&from=2026-10-06&to=2026-10-07')).toEqual({ count: 2, capped: false });
    expect(await count(w.manager.auth, 'state=draft,submitted')).toEqual({ count: 5, capped: false });
    // A technician sees the records of his queues' tickets only: the other queue's is not counted.
    expect(await count(w.tech.auth, 'state=submitted')).toEqual({ count: 3, capped: false });
    expect(await listed(w.tech.auth, 'state=submitted')).toBe(3);
  });

  it('refuses what the list refuses, and the list\'s paging, with a 400', async () => {
    for (const query of ['state=waiting', 'from=yesterday', 'limit=5', 'cursor=abc']) {
      const res = await w.t.request(w.manager.auth, { method: 'GET', url: `/api/v1/records/count?${query}` });
      expect(res.statusCode, query).toBe(400);
    }
  });

  it('is documented in OpenAPI: the list\'s filters without its paging, and the cap', async () => {
    const spec = (await w.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const op = spec.paths['/api/v1/records/count'].get;
    const names = op.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['state', 'technicianId', 'clientId', 'from', 'to', 'kind']));
    expect(names).not.toContain('cursor');
    expect(JSON.stringify(op.responses['200'])).toContain('more than 10000 records match');
  });

  it('stops at the cap and says so', async () => {
    const scope = { kind: 'all' } as const;
    expect(await countRecords(w.t.database.db, { state: 'submitted' }, scope, 2)).toEqual({ count: 2, capped: true });
    expect(await countRecords(w.t.database.db, { state: 'submitted' }, scope, 4)).toEqual({ count: 4, capped: false });
    expect(await countRecords(w.t.database.db, { state: 'submitted' }, { kind: 'none' }, 4)).toEqual({ count: 0, capped: false });
  });
});
