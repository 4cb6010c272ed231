import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

// The web app refuses a too-large attachment before uploading it: it learns the limit from the session.
describe.each(testEngines())('the attachment size limit in the session on %s', (engine) => {
  const maxBytes = 3 * 1024 * 1024;
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { attachmentMaxBytes: maxBytes });
  });
  afterAll(() => t.close());

  it('is in every answer that carries a session: sign-in, the session probe, GET and PATCH /auth/me', async () => {
    const u = await t.userWith(['technician']);
    if (!u.auth) throw new Error('session expected');
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: u.email, password: TEST_PASSWORD } });
    const answers = [
      login,
      await t.request(u.auth, { method: 'GET', url: '/api/v1/auth/session' }),
      await t.request(u.auth, { method: 'GET', url: '/api/v1/auth/me' }),
      await t.request(u.auth, { method: 'PATCH', url: '/api/v1/auth/me', payload: { language: 'sk' } }),
    ];
    for (const answer of answers) {
      expect(answer.statusCode).toBe(200);
      expect(answer.json().limits).toEqual({ attachmentMaxBytes: maxBytes });
    }
  });

  it('is not told to someone signed out', async () => {
    const res = await t.request(null, { method: 'GET', url: '/api/v1/auth/session' });
    expect(res.json()).toEqual({ user: null, csrfToken: null });
  });

  it('is documented in OpenAPI', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const body = JSON.stringify(spec.paths['/api/v1/auth/session'].get.responses['200']);
    expect(body).toContain('attachmentMaxBytes');
    expect(body).toContain('KONTOR_ATTACHMENT_MAX_BYTES');
  });
});
