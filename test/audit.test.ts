import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit, recordAuditAlone } from '../src/platform/audit/index.ts';
import { inWriteBatch } from '../src/platform/db/index.ts';
import { createTestApp, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

describe.each(testEngines())('audit log on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  it('records who, when, from where, and before/after of each change, without secrets', async () => {
    const admin = await t.userWith(['admin']);
    const created = await t.request(admin.auth, {
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'audited@test.kontor', name: 'Audited', roles: ['technician'], password: 'Secret-Password-123' },
      remoteAddress: '192.0.2.7',
    });
    const id = created.json().id;
    await t.request(admin.auth, { method: 'PATCH', url: `/api/v1/users/${id}`, payload: { name: 'Audited Again' }, remoteAddress: '192.0.2.7' });
    const res = await t.request(admin.auth, { method: 'GET', url: `/api/v1/audit?entity=user&entityId=${id}` });
    const items = res.json().items;
    expect(items.map((i: { action: string }) => i.action)).toEqual(['update', 'create']);
    expect(items[0]).toMatchObject({
      actorUserId: admin.id,
      ip: '192.0.2.7',
      at: t.clock.now().toISOString(),
      before: { name: 'Audited' },
      after: { name: 'Audited Again' },
    });
    const everything = await t.database.db.selectFrom('audit_log').select(['before_json', 'after_json']).execute();
    expect(JSON.stringify(everything)).not.toContain('Secret-Password-123');
    expect(JSON.stringify(everything)).not.toMatch(/\$argon2/);
  });

  it('filters by action, actor and date, newest first, with paging', async () => {
    const admin = await t.userWith(['admin']);
    const byActor = await t.request(admin.auth, { method: 'GET', url: `/api/v1/audit?actorUserId=${admin.id}&action=sign_in` });
    expect(byActor.json().items).toHaveLength(1);
    const today = t.clock.now().toISOString().slice(0, 10);
    const page1 = (await t.request(admin.auth, { method: 'GET', url: `/api/v1/audit?from=${today}&to=${today}&limit=2` })).json();
    expect(page1.items).toHaveLength(2);
    expect(page1.items[0].id).toBeGreaterThan(page1.items[1].id);
    const page2 = (await t.request(admin.auth, { method: 'GET', url: `/api/v1/audit?from=${today}&to=${today}&limit=2&cursor=${page1.nextCursor}` })).json();
    expect(page2.items[0].id).toBeLessThan(page1.items[1].id);
    const bad = await t.request(admin.auth, { method: 'GET', url: '/api/v1/audit?from=yesterday' });
    expect(bad.statusCode).toBe(400);
    const tomorrow = (await t.request(admin.auth, { method: 'GET', url: '/api/v1/audit?from=2999-01-01' })).json();
    expect(tomorrow.items).toEqual([]);
  });

  it('keeps the chain whole when units of a write batch fail after appending, and transactions append several entries', async () => {
    const admin = await t.userWith(['admin']);
    const who = { userId: admin.id, tokenId: null, name: 'batch', ip: null };
    const { db } = t.database;
    const before = Number((await db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    // Arriving together, these share one SQLite transaction, each in its own savepoint:
    // every third appends two entries and then fails, so its entries are rolled back.
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        inWriteBatch(db, async (trx) => {
          await recordAudit(trx, t.clock.now(), who, { entity: 'test', entityId: i, action: 'first' });
          await recordAudit(trx, t.clock.now(), who, { entity: 'test', entityId: i, action: 'second' });
          if (i % 3 === 0) throw new Error(`unit ${i} fails`);
          return i;
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(10);
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < 3; i++) await recordAudit(trx, t.clock.now(), who, { entity: 'test', entityId: 'tx', action: `step ${i}` });
    });
    const after = Number((await db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(after - before).toBe(20 * 2 + 3);
    const kept = await db.selectFrom('audit_log').select('entity_id').where('entity', '=', 'test').where('action', '=', 'first').execute();
    expect(kept.map((r) => Number(r.entity_id)).every((i) => i % 3 !== 0)).toBe(true);
    const verified = (await t.request(admin.auth, { method: 'GET', url: '/api/v1/audit/verify' })).json();
    expect(verified).toMatchObject({ ok: true });
  });

  it('names the user of a failed sign-in, and the ticket, client or user an entry is about, as they are called now', async () => {
    const admin = await t.userWith(['admin']);
    const list = async (query: string) => (await t.request(admin.auth, { method: 'GET', url: `/api/v1/audit?${query}` })).json().items;
    // A failed sign-in records only the user's id; the log names them (by the name they have now).
    const victim = await t.userWith(['technician']);
    await t.request(admin.auth, { method: 'PATCH', url: `/api/v1/users/${victim.id}`, payload: { name: 'Tomáš Přejmenovaný' } });
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: victim.email, password: 'not-the-password-1' } });
    expect(login.statusCode).toBe(401);
    const [failed] = await list(`action=sign_in_failed&actorUserId=${victim.id}`);
    expect(failed).toMatchObject({ actorUserId: victim.id, actorName: null, actorUserName: 'Tomáš Přejmenovaný', entity: 'session', entityLabel: null });
    expect((await list(`entity=user&entityId=${victim.id}`))[0]).toMatchObject({ entityLabel: 'Tomáš Přejmenovaný' });

    // A ticket by its number, not its internal id; its client by name.
    const { clientId, contactId } = await t.clientWithRequester('Auditovaný Klient s.r.o.', { name: 'Jana Auditová', email: 'jana@auditovany.cz' });
    const operator = await t.queueOperator();
    const ticket = (await t.request(operator.auth, { method: 'POST', url: '/api/v1/tickets', payload: { clientId, requesterContactId: contactId, subject: 'Audit', description: 'x' } })).json();
    expect(ticket.number).toMatch(/^T\d{4}-\d{6}$/);
    expect((await list(`entity=ticket&entityId=${ticket.id}`))[0]).toMatchObject({ action: 'create', entityLabel: ticket.number, actorUserName: 'Test operator' });
    expect((await list(`entity=client&entityId=${clientId}`))[0]).toMatchObject({ entityLabel: 'Auditovaný Klient s.r.o.' });
    // Something that is not there (any more) keeps its id alone.
    await recordAuditAlone(t.database.db, t.clock.now(), { userId: null, tokenId: null, name: null, ip: null }, { entity: 'ticket', entityId: 999999, action: 'update' });
    expect((await list('entity=ticket&entityId=999999'))[0]).toMatchObject({ entityLabel: null, actorUserName: null });
  });

  it('is tamper-evident: the chain verifies, and an edited entry is found', async () => {
    const admin = await t.userWith(['admin']);
    const ok = (await t.request(admin.auth, { method: 'GET', url: '/api/v1/audit/verify' })).json();
    expect(ok.ok).toBe(true);
    expect(ok.checked).toBeGreaterThan(3);
    const victim = await t.database.db.selectFrom('audit_log').select('id').orderBy('id').offset(2).limit(1).executeTakeFirstOrThrow();
    await sql`update audit_log set actor_name = 'someone else' where id = ${victim.id}`.execute(t.database.db);
    const broken = (await t.request(admin.auth, { method: 'GET', url: '/api/v1/audit/verify' })).json();
    expect(broken).toMatchObject({ ok: false, firstBrokenId: victim.id });
  });

  it('is for administrators only', async () => {
    const manager = await t.userWith(['manager']);
    expect((await t.request(manager.auth, { method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(403);
  });
});
