import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

// A 409 duplicate names the field and the value sent for it (error.field, error.value), so the
// UI can say what is already taken. Both ways a duplicate is found: a service check (queue code,
// user e-mail) and only the database's unique index (a client's company ID).
describe.each(testEngines())('duplicate answers on %s', (engine) => {
  let t: TestApp;
  let admin: Auth;
  const post = (url: string, payload: object) => t.request(admin, { method: 'POST', url, payload });

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = (await t.userWith(['admin'])).auth;
  });
  afterAll(() => t.close());

  it('names the company ID a client already has', async () => {
    expect((await post('/api/v1/clients', { name: 'Strojírny Brno a.s.', companyId: '25596641' })).statusCode).toBe(201);
    const dup = await post('/api/v1/clients', { name: 'Copy', companyId: '25596641' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({
      code: 'duplicate',
      field: 'companyId',
      value: '25596641',
      details: [{ path: 'companyId', code: 'duplicate' }],
    });
  });

  it('names the code of a queue that exists', async () => {
    const dup = await post('/api/v1/queues', { code: 'service_desk', name: 'Another desk' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'duplicate', field: 'code', value: 'service_desk' });
  });

  it('names the e-mail of a user that exists, as it was sent', async () => {
    const payload = { email: 'jana.novakova@test.kontor', name: 'Jana Nováková', roles: ['technician'] };
    expect((await post('/api/v1/users', payload)).statusCode).toBe(201);
    const dup = await post('/api/v1/users', { ...payload, email: 'Jana.Novakova@test.kontor' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'duplicate', field: 'email', value: 'Jana.Novakova@test.kontor' });
  });

  it('leaves other conflicts as they were', async () => {
    const res = await post('/api/v1/clients', { name: 'Second', companyId: '25596641' });
    expect(res.json().error.field).toBe('companyId');
    const stale = await t.request(admin, { method: 'GET', url: '/api/v1/clients' });
    const id = stale.json().items[0].id;
    const conflict = await t.request(admin, { method: 'PATCH', url: `/api/v1/clients/${id}`, payload: { name: 'X', version: 99 } });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error.code).toBe('stale_version');
    expect(conflict.json().error).not.toHaveProperty('field');
    expect(conflict.json().error).not.toHaveProperty('value');
  });
});
