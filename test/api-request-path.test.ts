import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

// What every /api/v1 request goes through (auth hook, metrics, response writer, body
// parsers), checked through the API with a token and with a session cookie.
describe.each(testEngines())('API request path on %s', (engine) => {
  let t: TestApp;
  let token: Auth;
  let session: Auth;
  let clientId: number;
  beforeAll(async () => {
    t = await createTestApp(engine);
    const operator = await t.userWith(['operator']);
    session = operator.auth;
    token = await t.tokenFor(operator.id);
    const res = await t.request(token, { method: 'POST', url: '/api/v1/clients', payload: { name: 'Pekárna Novák s.r.o.', notes: 'řádek\n"uvozovky"' } });
    expect(res.statusCode).toBe(201);
    clientId = res.json().id;
  });
  afterAll(() => t.close());

  const metricCount = async (route: string, status: number) => {
    const body = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    const line = body.split('\n').find((l) => l.startsWith(`kontor_http_request_duration_seconds_count{method="GET",route="${route}",status="${status}"}`));
    return line ? Number(line.split(' ').pop()) : 0;
  };

  it('counts token requests in the metrics by route and status', async () => {
    const route = '/api/v1/clients/:id';
    const before = { ok: await metricCount(route, 200), missing: await metricCount(route, 404), refused: await metricCount(route, 401) };
    expect((await t.request(token, { method: 'GET', url: `/api/v1/clients/${clientId}` })).statusCode).toBe(200);
    expect((await t.request(token, { method: 'GET', url: `/api/v1/clients/${clientId}` })).statusCode).toBe(200);
    expect((await t.request(token, { method: 'GET', url: '/api/v1/clients/999999' })).statusCode).toBe(404);
    expect((await t.request({ token: 'not-a-token' }, { method: 'GET', url: `/api/v1/clients/${clientId}` })).statusCode).toBe(401);
    expect(await metricCount(route, 200)).toBe(before.ok + 2);
    expect(await metricCount(route, 404)).toBe(before.missing + 1);
    expect(await metricCount(route, 401)).toBe(before.refused + 1);
  });

  it('answers the same client body to a token and to a session, keys in schema order', async () => {
    const byToken = await t.request(token, { method: 'GET', url: `/api/v1/clients/${clientId}` });
    const bySession = await t.request(session, { method: 'GET', url: `/api/v1/clients/${clientId}` });
    expect(byToken.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(bySession.body).toBe(byToken.body);
    expect(Object.keys(byToken.json())).toEqual([
      'id', 'name', 'companyId', 'vatId', 'taxId', 'country', 'registeredAddress', 'billingAddress', 'email', 'phone',
      'language', 'currency', 'paymentTermsDays', 'notes', 'active', 'version', 'createdAt', 'updatedAt',
    ]);
    expect(byToken.json()).toMatchObject({ id: clientId, name: 'Pekárna Novák s.r.o.', notes: 'řádek\n"uvozovky"', active: true });
  });

  it('refuses a malformed Authorization header, a missing sign-in and a missing CSRF token with the shared error body', async () => {
    const url = `/api/v1/clients/${clientId}`;
    const malformed = await t.app.inject({ method: 'GET', url, headers: { authorization: 'Basic abc' } });
    expect([malformed.statusCode, malformed.json()]).toEqual([401, { error: { code: 'invalid_token', message: 'The API token is not valid or was revoked' } }]);
    const anonymous = await t.app.inject({ method: 'GET', url });
    expect([anonymous.statusCode, anonymous.json().error.code]).toEqual([401, 'unauthorized']);
    if (!session || !('cookie' in session)) throw new Error('session expected');
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/v1/clients', headers: { cookie: session.cookie }, payload: { name: 'X' } });
    expect([noCsrf.statusCode, noCsrf.json().error.code]).toEqual([403, 'csrf_failed']);
  });

  it('takes multipart bodies only on upload routes; elsewhere a clear 415', async () => {
    const boundary = 'kontorboundary';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nX\r\n--${boundary}--\r\n`;
    const headers = { 'content-type': `multipart/form-data; boundary=${boundary}` };
    const res = await t.request(token, { method: 'POST', url: '/api/v1/clients', headers, payload });
    expect([res.statusCode, res.json().error.code]).toEqual([415, 'unsupported_media_type']);
    // Authentication still comes first.
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/clients', headers, payload });
    expect(anonymous.statusCode).toBe(401);
  });
});
