import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

describe.each(testEngines())('identity on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, ip = '10.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip });

  it('signs in with an HTTP-only SameSite session cookie and returns the user and CSRF token', async () => {
    const u = await t.userWith(['operator']);
    const res = await login(u.email.toUpperCase(), TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ email: u.email, roles: ['operator'], fieldScope: { prices: true, costs: false, margins: false } });
    expect(body.user.permissions).toContain('clients.write');
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    const cookie = res.cookies.find((c) => c.name === 'kontor_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(JSON.stringify(body)).not.toContain('password');
  });

  it('refuses a wrong password and an unknown e-mail alike, and audits both', async () => {
    const u = await t.userWith(['technician']);
    const wrong = await login(u.email, 'not-the-password', '10.0.0.2');
    const unknown = await login('nobody@test.kontor', 'whatever-it-is', '10.0.0.2');
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('invalid_credentials');
    }
    const log = await t.services.audit.list((await adminCtx()).ctx, { action: 'sign_in_failed', limit: 10 });
    expect(log.items.map((i) => (i.after as { reason: string }).reason)).toEqual(expect.arrayContaining(['wrong_password', 'unknown_email']));
  });

  it('throttles repeated failures for an e-mail and IP, then lets the user in after the window', async () => {
    const u = await t.userWith(['technician']);
    for (let i = 0; i < t.config.loginMaxFailures; i++) expect((await login(u.email, 'wrong-password!', '10.0.0.3')).statusCode).toBe(401);
    const blocked = await login(u.email, TEST_PASSWORD, '10.0.0.3');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error).toMatchObject({ code: 'too_many_attempts' });
    expect(blocked.json().error.retryAfterSeconds).toBeGreaterThan(0);
    // Another address is not blocked by these failures.
    expect((await login(u.email, TEST_PASSWORD, '10.0.0.4')).statusCode).toBe(200);
    t.clock.advance(t.config.loginWindowMinutes * 60_000 + 1000);
    expect((await login(u.email, TEST_PASSWORD, '10.0.0.3')).statusCode).toBe(200);
  });

  it('ends a session after the idle timeout and after the absolute timeout', async () => {
    const u = await t.userWith(['technician']);
    const me = () => t.request(u.auth, { method: 'GET', url: '/api/v1/auth/me' });
    expect((await me()).statusCode).toBe(200);
    t.clock.advance(t.config.sessionIdleMinutes * 60_000 + 1000);
    expect((await me()).statusCode).toBe(401);

    const fresh = await t.signIn(u.email);
    const meFresh = () => t.request(fresh, { method: 'GET', url: '/api/v1/auth/me' });
    const step = (t.config.sessionIdleMinutes - 1) * 60_000;
    for (let spent = 0; spent + step < t.config.sessionAbsoluteHours * 3_600_000; spent += step) {
      expect((await meFresh()).statusCode).toBe(200);
      t.clock.advance(step);
    }
    t.clock.advance(step);
    expect((await meFresh()).statusCode).toBe(401);
  });

  it('answers whether someone is signed in with 200 either way, keeping /auth/me a 401 for nobody', async () => {
    const session = (auth: Parameters<TestApp['request']>[0]) => t.request(auth, { method: 'GET', url: '/api/v1/auth/session' });
    const signedOut = { user: null, csrfToken: null };

    const u = await t.userWith(['operator']);
    if (!u.auth || !('cookie' in u.auth)) throw new Error('session expected');
    const me = (await t.request(u.auth, { method: 'GET', url: '/api/v1/auth/me' })).json();
    const signedIn = await session(u.auth);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json()).toEqual(me);
    expect(signedIn.json()).toMatchObject({ user: { email: u.email, roles: ['operator'] }, csrfToken: u.auth.csrf });

    // An API token is signed in too; it needs no CSRF token.
    const token = await t.tokenFor(u.id);
    expect((await session(token)).json()).toEqual({ user: me.user, csrfToken: '', limits: me.limits, defaults: { clientCountry: 'CZ' } });

    const nobody = await session(null);
    expect(nobody.statusCode).toBe(200);
    expect(nobody.json()).toEqual(signedOut);
    expect((await t.request(null, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);

    const unknown = await session({ cookie: 'kontor_session=not-a-session', csrf: '' });
    expect([unknown.statusCode, unknown.json()]).toEqual([200, signedOut]);

    t.clock.advance(t.config.sessionIdleMinutes * 60_000 + 1000);
    const expired = await session(u.auth);
    expect([expired.statusCode, expired.json()]).toEqual([200, signedOut]);
    expect((await t.request(u.auth, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);

    // A wrong API token is a mistake of the caller, not "signed out".
    const forged = await session({ token: 'kontor_forged' });
    expect([forged.statusCode, forged.json().error.code]).toEqual([401, 'invalid_token']);
  });

  it("names a client contact's own organisation in every session answer; staff, a client contact's roles beside, have none", async () => {
    const admin = await t.userWith(['admin']);
    const client = (await t.request(admin.auth, { method: 'POST', url: '/api/v1/clients', payload: { name: 'Session Org s.r.o.' } })).json();
    const contact = await t.userWith(['client_contact'], { clientId: client.id });
    const both = await t.userWith(['client_contact', 'technician'], { clientId: client.id });
    const answers = async (u: { email: string; auth: Parameters<TestApp['request']>[0] }) => [
      (await t.request(u.auth, { method: 'GET', url: '/api/v1/auth/me' })).json().user,
      (await t.request(u.auth, { method: 'GET', url: '/api/v1/auth/session' })).json().user,
      (await t.request(u.auth, { method: 'PATCH', url: '/api/v1/auth/me', payload: { language: 'cs' } })).json().user,
      (await login(u.email, TEST_PASSWORD, '10.0.0.20')).json().user,
    ].map((user: { clientId: number | null }) => user.clientId);
    expect(await answers(contact)).toEqual([client.id, client.id, client.id, client.id]);
    expect(await answers(both)).toEqual([null, null, null, null]);
    expect(await answers(admin)).toEqual([null, null, null, null]);
  });

  it('requires the CSRF token on changes made with a session cookie', async () => {
    const u = await t.userWith(['operator']);
    if (!u.auth || !('cookie' in u.auth)) throw new Error('session expected');
    const payload = { name: 'CSRF s.r.o.' };
    const without = await t.app.inject({ method: 'POST', url: '/api/v1/clients', headers: { cookie: u.auth.cookie }, payload });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf_failed');
    const forged = await t.request({ ...u.auth, csrf: 'forged' }, { method: 'POST', url: '/api/v1/clients', payload });
    expect(forged.statusCode).toBe(403);
    expect((await t.request(u.auth, { method: 'POST', url: '/api/v1/clients', payload })).statusCode).toBe(201);
  });

  it('signs out: the session no longer works', async () => {
    const u = await t.userWith(['technician']);
    expect((await t.request(u.auth, { method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
    expect((await t.request(u.auth, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });

  it('changes the own password, refusing a wrong current one or a weak new one, and ends other sessions', async () => {
    const u = await t.userWith(['technician']);
    const other = await t.signIn(u.email);
    const change = (currentPassword: string, newPassword: string) =>
      t.request(u.auth, { method: 'POST', url: '/api/v1/auth/change-password', payload: { currentPassword, newPassword } });
    const wrong = await change('wrong-current-pw', 'A-much-better-one-42');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0]).toMatchObject({ path: 'currentPassword', code: 'invalid_credentials' });
    expect((await change(TEST_PASSWORD, 'short')).json().error.details[0]).toMatchObject({ path: 'newPassword', code: 'too_short' });
    expect((await change(TEST_PASSWORD, 'password123')).json().error.details[0].code).toBe('weak_password');
    expect((await change(TEST_PASSWORD, 'A-much-better-one-42')).statusCode).toBe(204);
    expect((await t.request(u.auth, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    expect((await t.request(other, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect((await login(u.email, 'A-much-better-one-42', '10.0.0.9')).statusCode).toBe(200);
  });

  it('switches the own language', async () => {
    const u = await t.userWith(['technician']);
    const res = await t.request(u.auth, { method: 'PATCH', url: '/api/v1/auth/me', payload: { language: 'cs' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.language).toBe('cs');
    const bad = await t.request(u.auth, { method: 'PATCH', url: '/api/v1/auth/me', payload: { language: 'de' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ path: 'language', code: 'invalid_enum' });
  });

  it('issues API tokens shown once, records their use, and revokes them at once', async () => {
    const u = await t.userWith(['operator']);
    const created = await t.request(u.auth, { method: 'POST', url: '/api/v1/tokens', payload: { name: 'integration' } });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^kontor_/);
    const auth = { token };
    expect((await t.request(auth, { method: 'GET', url: '/api/v1/clients' })).statusCode).toBe(200);
    const list = (await t.request(u.auth, { method: 'GET', url: '/api/v1/tokens' })).json();
    expect(list.items[0]).toMatchObject({ id, name: 'integration', lastUsedAt: t.clock.now().toISOString(), revokedAt: null });
    expect(JSON.stringify(list)).not.toContain(token);
    // Tokens need no CSRF token: they are not sent by browsers on their own.
    expect((await t.request(auth, { method: 'POST', url: '/api/v1/clients', payload: { name: 'Via token' } })).statusCode).toBe(201);
    expect((await t.request(u.auth, { method: 'DELETE', url: `/api/v1/tokens/${id}` })).statusCode).toBe(204);
    const after = await t.request(auth, { method: 'GET', url: '/api/v1/clients' });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('invalid_token');
    expect((await t.request({ token: 'kontor_forged' }, { method: 'GET', url: '/api/v1/clients' })).statusCode).toBe(401);
  });

  it('lets administrators manage users, with clear conflicts', async () => {
    const admin = await t.userWith(['admin']);
    const create = (payload: object) => t.request(admin.auth, { method: 'POST', url: '/api/v1/users', payload });
    const res = await create({ email: 'new.tech@test.kontor', name: 'Nový Technik', language: 'cs', roles: ['technician'], password: 'Fresh-Password-77' });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ email: 'new.tech@test.kontor', roles: ['technician'], active: true });
    expect(created).not.toHaveProperty('passwordHash');

    const dup = await create({ email: 'NEW.tech@test.kontor', name: 'Again', roles: ['technician'] });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details[0]).toMatchObject({ path: 'email', code: 'duplicate' });

    const bad = await create({ email: 'not-an-email', name: '', roles: ['wizard'], extra: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string; code: string }) => `${d.path}:${d.code}`).sort()).toEqual(
      ['email:invalid_email', 'extra:unknown_field', 'name:required', 'roles.0:invalid_enum'].sort(),
    );

    const tech = await t.signIn('new.tech@test.kontor', 'Fresh-Password-77');
    const patched = await t.request(admin.auth, { method: 'PATCH', url: `/api/v1/users/${created.id}`, payload: { roles: ['technician', 'operator'], active: false } });
    expect(patched.json()).toMatchObject({ roles: ['operator', 'technician'], active: false });
    // Deactivation ends the user's sessions.
    expect((await t.request(tech, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);

    const search = await t.request(admin.auth, { method: 'GET', url: '/api/v1/users?q=novy&active=all' });
    expect(search.json().items.map((u: { email: string }) => u.email)).toEqual(['new.tech@test.kontor']);
  });

  it('never leaves a client contact without a client, on create or on a change of roles', async () => {
    const admin = await t.userWith(['admin']);
    const client = (await t.request(admin.auth, { method: 'POST', url: '/api/v1/clients', payload: { name: 'Kontakty s.r.o.' } })).json();
    const create = (payload: object) => t.request(admin.auth, { method: 'POST', url: '/api/v1/users', payload });
    const patch = (id: number, payload: object) => t.request(admin.auth, { method: 'PATCH', url: `/api/v1/users/${id}`, payload });
    const fieldOf = (res: { json: () => { error: { details: { path: string; code: string }[] } } }) => res.json().error.details[0];

    const orphan = await create({ email: 'orphan@test.kontor', name: 'Bez klienta', roles: ['client_contact'], password: 'Fresh-Password-77' });
    expect(orphan.statusCode).toBe(400);
    expect(fieldOf(orphan)).toMatchObject({ path: 'clientId', code: 'required' });

    const staff = (await create({ email: 'later.contact@test.kontor', name: 'Později kontakt', roles: ['technician'], password: 'Fresh-Password-77' })).json();
    const noClient = await patch(staff.id, { roles: ['client_contact'] });
    expect(noClient.statusCode).toBe(400);
    expect(fieldOf(noClient)).toMatchObject({ path: 'clientId', code: 'required' });
    expect((await t.request(admin.auth, { method: 'GET', url: `/api/v1/users/${staff.id}` })).json()).toMatchObject({ roles: ['technician'], clientId: null });

    const contact = await patch(staff.id, { roles: ['client_contact'], clientId: client.id });
    expect(contact.statusCode).toBe(200);
    expect(contact.json()).toMatchObject({ roles: ['client_contact'], clientId: client.id });
    // Taking the client away from a client contact is refused the same way.
    expect(fieldOf(await patch(staff.id, { clientId: null }))).toMatchObject({ path: 'clientId', code: 'required' });
  });

  it('refuses an edit of a user someone changed meanwhile, but not because the user signed in', async () => {
    const admin = await t.userWith(['admin']);
    const u = await t.userWith(['technician']);
    const read = async () => (await t.request(admin.auth, { method: 'GET', url: `/api/v1/users/${u.id}` })).json();
    const patch = (payload: object) => t.request(admin.auth, { method: 'PATCH', url: `/api/v1/users/${u.id}`, payload });
    const opened = await read();
    expect(opened.version).toEqual(expect.any(Number));

    // The user signs in and changes their password: nothing an administrator edits.
    await t.signIn(u.email);
    expect((await t.request(admin.auth, { method: 'POST', url: `/api/v1/users/${u.id}/reset-password`, payload: { password: 'Another-Fine-Pass-9' } })).statusCode).toBe(204);
    expect((await read()).version).toBe(opened.version);

    const first = await patch({ name: 'První správce', version: opened.version });
    expect(first.statusCode).toBe(200);
    const second = await patch({ roles: ['operator'], version: opened.version });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('stale_version');
    expect(await read()).toMatchObject({ name: 'První správce', roles: ['technician'] });
  });

  it('lists the staff who work tickets for pickers, without client contacts', async () => {
    const tech = await t.userWith(['technician']);
    const staff = (await t.request(tech.auth, { method: 'GET', url: '/api/v1/staff' })).json().items;
    expect(staff.some((u: { id: number }) => u.id === tech.id)).toBe(true);
    expect(staff.every((u: { roles: string[] }) => u.roles.length > 0 && !u.roles.includes('client_contact'))).toBe(true);
    expect(Object.keys(staff[0]).sort()).toEqual(['email', 'id', 'name', 'roles']);
  });

  it('keeps at least one active administrator', async () => {
    const fresh = await createTestApp(engine);
    try {
      const admin = await fresh.userWith(['admin']);
      const res = await fresh.request(admin.auth, { method: 'PATCH', url: `/api/v1/users/${admin.id}`, payload: { roles: ['technician'] } });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('last_admin');
    } finally {
      await fresh.close();
    }
  });

  it('refuses deactivating yourself, while another administrator can', async () => {
    const admin = await t.userWith(['admin']);
    const other = await t.userWith(['admin']);
    const self = await t.request(admin.auth, { method: 'PATCH', url: `/api/v1/users/${admin.id}`, payload: { active: false } });
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe('cannot_deactivate_self');
    // The session still works and the account stays active.
    const me = await t.request(admin.auth, { method: 'GET', url: '/api/v1/auth/me' });
    expect(me.statusCode).toBe(200);
    const byOther = await t.request(other.auth, { method: 'PATCH', url: `/api/v1/users/${admin.id}`, payload: { active: false } });
    expect(byOther.statusCode).toBe(200);
    expect(byOther.json().active).toBe(false);
  });

  async function adminCtx() {
    const admin = await t.userWith(['admin']);
    return { ctx: { actor: { userId: admin.id, name: 'a', roles: ['admin'] as const, clientId: null, tokenId: null }, ip: null } };
  }
});
