import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../src/modules/identity/index.ts';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

// The ticket list's filters as the API takes them: values that match, and values refused with a 400 naming the parameter.
describe.each(testEngines())('ticket list filters on %s', (engine) => {
  let t: TestApp;
  let admin: Auth;
  let clientId: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    clientId = (await t.services.customers.create(systemContext, { name: 'Filtry s.r.o.', country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14 })).id;
    admin = (await t.userWith(['admin'])).auth;
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST', url: string, payload?: object) => t.request(admin, { method, url, ...(payload ? { payload } : {}) });
  const numbers = async (query: string) => {
    const res = await call('GET', `/api/v1/tickets?view=all&${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { subject: string }[]).map((i) => i.subject).sort();
  };

  it('matches a custom field by its whole value: text with % and _ as plain characters, numbers, one option of a multi-choice', async () => {
    for (const field of [
      { key: 'asset', label: 'Asset', kind: 'text' },
      { key: 'seats', label: 'Seats', kind: 'number' },
      { key: 'sites', label: 'Sites', kind: 'multi_choice', options: ['Brno', 'Praha'] },
    ]) expect((await call('POST', '/api/v1/custom-fields', field)).statusCode).toBe(201);
    const ticket = async (subject: string, custom: object) => expect((await call('POST', '/api/v1/tickets', { clientId, subject, custom })).statusCode).toBe(201);
    await ticket('A', { asset: 'INV-1001', seats: 5, sites: ['Brno', 'Praha'] });
    await ticket('B', { asset: 'INV_1001', seats: 50, sites: ['Praha'] });
    await ticket('C', { asset: 'INV-10%', seats: 2.5 });

    expect(await numbers('custom=asset:INV-1001')).toEqual(['A']);
    // A LIKE pattern would have read _ and % as wildcards (and matched A and B, or all three).
    expect(await numbers('custom=asset:INV_1001')).toEqual(['B']);
    expect(await numbers(`custom=${encodeURIComponent('asset:INV-10%')}`)).toEqual(['C']);
    expect(await numbers('custom=asset:INV-100')).toEqual([]);
    expect(await numbers('custom=seats:5')).toEqual(['A']);
    expect(await numbers('custom=seats:2.5')).toEqual(['C']);
    expect(await numbers('custom=sites:Praha')).toEqual(['A', 'B']);
    expect(await numbers('custom=sites:Brno')).toEqual(['A']);
    expect(await numbers('custom=nope:x')).toEqual([]);
  });

  it('filters by SLA status and refuses an unknown one with a 400 naming slaStatus', async () => {
    const statuses = (await call('GET', '/api/v1/tickets?view=all&slaStatus=running')).json().items.map((i: { sla: { status: string } }) => i.sla.status);
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['running']));
    expect(await numbers('slaStatus=breached')).toEqual([]);
    const bad = await call('GET', '/api/v1/tickets?slaStatus=late');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ path: 'querystring.slaStatus', code: 'invalid_enum' });
  });

  it('refuses malformed values of every other parameter with a 400 naming it, never a 500', async () => {
    for (const [query, path] of [
      ['queueId=abc', 'querystring.queueId'], ['teamId=0', 'querystring.teamId'], ['categoryId=1.5', 'querystring.categoryId'],
      ['clientId=99999999999999999999', 'querystring.clientId'], ['stateCategory=late', 'querystring.stateCategory'],
      ['priority=P5', 'querystring.priority'], ['dimension=service', 'querystring.dimension'], ['custom=asset', 'querystring.custom'],
      ['sort=random', 'querystring.sort'], ['limit=0', 'querystring.limit'], ['view=everything', 'querystring.view'], ['cursor=nonsense', 'cursor'],
    ] as const) {
      const res = await call('GET', `/api/v1/tickets?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path), query).toContain(path);
    }
  });
});
