import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../src/modules/identity/index.ts';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

// GET /queues says which queues' tickets the asking user's lists can show, by the same rule
// as the ticket list's scope: the web app's queue filter offers only those.
describe.each(testEngines())('queues the ticket list can show on %s', (engine) => {
  let t: TestApp;
  let admin: Auth;
  let manager: Auth;
  let technician: Auth;
  let ownQueue: number;
  let otherQueue: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const clientId = (await t.services.customers.create(systemContext, { name: 'Fronty s.r.o.', country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14 })).id;
    admin = (await t.userWith(['admin'])).auth;
    manager = (await t.userWith(['manager'])).auth;
    const tech = await t.userWith(['technician']);
    technician = tech.auth;
    const post = async (body: object) => {
      const res = await t.request(admin, { method: 'POST', url: '/api/v1/queues', payload: body });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    ownQueue = await post({ code: 'own_desk', name: 'Own desk', members: [tech.id] });
    otherQueue = await post({ code: 'other_desk', name: 'Other desk', members: [] });
    for (const [queueId, subject] of [[ownQueue, 'In own'], [otherQueue, 'In other']] as const) {
      const res = await t.request(admin, { method: 'POST', url: '/api/v1/tickets', payload: { clientId, subject, queueId } });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(() => t.close());

  const visibility = async (auth: Auth) => {
    const res = await t.request(auth, { method: 'GET', url: '/api/v1/queues?active=true' });
    expect(res.statusCode, res.body).toBe(200);
    return Object.fromEntries((res.json().items as { id: number; ticketsVisible: boolean }[]).map((q) => [q.id, q.ticketsVisible]));
  };
  const listedQueues = async (auth: Auth) => {
    const res = await t.request(auth, { method: 'GET', url: '/api/v1/tickets?view=all' });
    expect(res.statusCode, res.body).toBe(200);
    return new Set((res.json().items as { queue: { id: number } }[]).map((i) => i.queue.id));
  };

  it('a technician sees only the queues they are a member of, as the ticket list does', async () => {
    const seen = await visibility(technician);
    expect(seen[ownQueue]).toBe(true);
    expect(seen[otherQueue]).toBe(false);
    const listed = await listedQueues(technician);
    expect(listed.has(ownQueue)).toBe(true);
    expect(listed.has(otherQueue)).toBe(false);
    // Every queue said visible holds what the list shows; none said hidden appears in it.
    for (const id of listed) expect(seen[id]).toBe(true);
  });

  it('managers and administrators see every queue', async () => {
    for (const auth of [manager, admin]) {
      const seen = await visibility(auth);
      expect(seen[ownQueue]).toBe(true);
      expect(seen[otherQueue]).toBe(true);
      expect((await listedQueues(auth)).has(otherQueue)).toBe(true);
    }
  });

  it('documents the field in OpenAPI', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const schema = spec.paths['/api/v1/queues'].get.responses['200'].content['application/json'].schema;
    expect(JSON.stringify(schema)).toContain('ticketsVisible');
    expect(JSON.stringify(schema)).toContain('queue filter offers only these');
  });
});
