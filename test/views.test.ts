import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

describe.each(testEngines())('saved ticket views on %s', (engine) => {
  let t: TestApp;
  let manager: { id: number; auth: Auth };
  let operator: { id: number; auth: Auth };
  let technician: { id: number; auth: Auth };

  beforeAll(async () => {
    t = await createTestApp(engine);
    manager = await t.userWith(['manager']);
    operator = await t.userWith(['operator']);
    technician = await t.userWith(['technician']);
  });
  afterAll(() => t.close());

  const api = (auth: Auth, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => t.request(auth, { method, url, ...(payload ? { payload } : {}) });
  const names = async (auth: Auth) => (await api(auth, 'GET', '/api/v1/ticket-views')).json().items.map((v: { name: string }) => v.name);

  it('saves own views with filters normalised as the ticket list reads them, and lists mine plus shared', async () => {
    const mine = await api(operator.auth, 'POST', '/api/v1/ticket-views', { name: ' Moje P1 ', filters: { view: 'mine', priority: 'P1,P2', queueId: '3', q: 'tiskárna' } });
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json()).toMatchObject({ name: 'Moje P1', filters: { view: 'mine', priority: 'P1,P2', queueId: 3, q: 'tiskárna' }, shared: false, mine: true, editable: true });
    const shared = await api(manager.auth, 'POST', '/api/v1/ticket-views', { name: 'Porušené SLA', filters: { slaStatus: 'breached', sort: 'priority' }, shared: true });
    expect(shared.statusCode, shared.body).toBe(201);
    expect(shared.json()).toMatchObject({ shared: true, mine: false, editable: true });
    await api(technician.auth, 'POST', '/api/v1/ticket-views', { name: 'Technik soukromý' });

    expect(await names(operator.auth)).toEqual(['Moje P1', 'Porušené SLA']);
    expect(await names(technician.auth)).toEqual(['Porušené SLA', 'Technik soukromý']);
    const seenByOperator = (await api(operator.auth, 'GET', '/api/v1/ticket-views')).json().items.find((v: { shared: boolean }) => v.shared);
    expect(seenByOperator).toMatchObject({ name: 'Porušené SLA', editable: false, mine: false });
    // The filters work as the list's query.
    const query = new URLSearchParams(Object.entries(mine.json().filters as Record<string, unknown>).map(([k, v]): [string, string] => [k, String(v)])).toString();
    expect((await api(operator.auth, 'GET', `/api/v1/tickets?${query}`)).statusCode).toBe(200);
  });

  it('refuses filters the ticket list would refuse, naming each one (400)', async () => {
    const res = await api(operator.auth, 'POST', '/api/v1/ticket-views', {
      name: 'Špatně', filters: { priority: 'P9', queueId: 'abc', view: 'everything', nope: '1', cursor: 'x', limit: 1000 },
    });
    expect(res.statusCode).toBe(400);
    const details = res.json().error.details as { path: string; code: string }[];
    expect(details.map((d) => d.path).sort()).toEqual(['filters.cursor', 'filters.limit', 'filters.nope', 'filters.priority', 'filters.queueId', 'filters.view']);
    expect(details.find((d) => d.path === 'filters.nope')?.code).toBe('unknown_field');
    const shape = await api(operator.auth, 'POST', '/api/v1/ticket-views', { name: '', filters: { queueId: [1] } });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['name', 'filters.queueId']));
    const patch = await api(operator.auth, 'PATCH', `/api/v1/ticket-views/${await idOf(operator.auth, 'Moje P1')}`, { filters: { stateCategory: 'nowhere' } });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().error.details[0].path).toBe('filters.stateCategory');
  });

  async function idOf(auth: Auth, name: string): Promise<number> {
    return (await api(auth, 'GET', '/api/v1/ticket-views')).json().items.find((v: { name: string }) => v.name === name).id;
  }

  it('lets only managers and admins share views and change shared ones', async () => {
    const refused = await api(operator.auth, 'POST', '/api/v1/ticket-views', { name: 'Pro všechny', shared: true });
    expect(refused.statusCode).toBe(403);
    const own = await idOf(operator.auth, 'Moje P1');
    expect((await api(operator.auth, 'PATCH', `/api/v1/ticket-views/${own}`, { shared: true })).statusCode).toBe(403);
    const shared = await idOf(operator.auth, 'Porušené SLA');
    expect((await api(operator.auth, 'PATCH', `/api/v1/ticket-views/${shared}`, { name: 'Moje' })).statusCode).toBe(403);
    expect((await api(operator.auth, 'DELETE', `/api/v1/ticket-views/${shared}`)).statusCode).toBe(403);

    const renamed = await api(manager.auth, 'PATCH', `/api/v1/ticket-views/${shared}`, { name: 'SLA porušeno', filters: { slaStatus: 'breached' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'SLA porušeno', filters: { slaStatus: 'breached' }, shared: true });
    // Sharing one's own view, then taking it back: it stays the view of whoever unshared it.
    const mgrOwn = (await api(manager.auth, 'POST', '/api/v1/ticket-views', { name: 'Manažer' })).json().id;
    expect((await api(manager.auth, 'PATCH', `/api/v1/ticket-views/${mgrOwn}`, { shared: true })).json()).toMatchObject({ shared: true });
    expect(await names(technician.auth)).toContain('Manažer');
    expect((await api(manager.auth, 'PATCH', `/api/v1/ticket-views/${mgrOwn}`, { shared: false })).json()).toMatchObject({ shared: false, mine: true });
    expect(await names(technician.auth)).not.toContain('Manažer');
  });

  it('refuses a second view of a name the user already sees (409 on name), case aside; others may use it', async () => {
    const first = await api(operator.auth, 'POST', '/api/v1/ticket-views', { name: 'Tiskárny', filters: { q: 'tisk' } });
    expect(first.statusCode, first.body).toBe(201);
    const again = await api(operator.auth, 'POST', '/api/v1/ticket-views', { name: ' tiskárny ', filters: { q: 'tiskárna' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'duplicate', details: [{ path: 'name', code: 'duplicate' }] });
    // The name of a shared view the operator sees is taken too.
    expect((await api(operator.auth, 'POST', '/api/v1/ticket-views', { name: 'SLA PORUŠENO' })).statusCode).toBe(409);
    const other = await api(operator.auth, 'POST', '/api/v1/ticket-views', { name: 'Tiskárny 2' });
    expect((await api(operator.auth, 'PATCH', `/api/v1/ticket-views/${other.json().id}`, { name: 'Tiskárny' })).statusCode).toBe(409);
    // Renaming a view to its own name (another case) is no clash; someone else's private view is no clash either.
    expect((await api(operator.auth, 'PATCH', `/api/v1/ticket-views/${first.json().id}`, { name: 'TISKÁRNY' })).statusCode).toBe(200);
    expect((await api(technician.auth, 'POST', '/api/v1/ticket-views', { name: 'Tiskárny' })).statusCode).toBe(201);
    for (const name of ['TISKÁRNY', 'Tiskárny 2']) expect((await api(operator.auth, 'DELETE', `/api/v1/ticket-views/${await idOf(operator.auth, name)}`)).statusCode).toBe(204);
  });

  it('treats someone else’s private view as not found (404), and audits every change', async () => {
    const others = await idOf(technician.auth, 'Technik soukromý');
    expect((await api(operator.auth, 'PATCH', `/api/v1/ticket-views/${others}`, { name: 'Moje' })).statusCode).toBe(404);
    expect((await api(manager.auth, 'DELETE', `/api/v1/ticket-views/${others}`)).statusCode).toBe(404);
    expect((await api(operator.auth, 'DELETE', '/api/v1/ticket-views/987654')).statusCode).toBe(404);

    const own = await idOf(operator.auth, 'Moje P1');
    expect((await api(operator.auth, 'DELETE', `/api/v1/ticket-views/${own}`)).statusCode).toBe(204);
    expect(await names(operator.auth)).not.toContain('Moje P1');
    expect((await api(operator.auth, 'DELETE', `/api/v1/ticket-views/${own}`)).statusCode).toBe(404);

    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'actor_user_id', 'before_json', 'after_json']).where('entity', '=', 'saved_view').where('entity_id', '=', String(own)).orderBy('id').execute();
    expect(audit.map((a) => [a.action, a.actor_user_id])).toEqual([['create', operator.id], ['delete', operator.id]]);
    expect(JSON.parse(audit[1]!.before_json!)).toMatchObject({ name: 'Moje P1', shared: false, filters: { queueId: 3 } });
    const updates = await t.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'saved_view').where('action', '=', 'update').execute();
    expect(updates.length).toBeGreaterThanOrEqual(3);
  });
});
