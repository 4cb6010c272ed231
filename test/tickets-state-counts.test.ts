import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

/**
 * The process editor shows how many tickets are in each state of a type and does not let a
 * state that holds tickets be removed: the counts count every ticket of the type, whatever
 * its queue, and only those who may change the process may read them.
 */
describe.each(testEngines())('tickets per state of a ticket type on %s', (engine) => {
  let t: TestApp;
  let admin: Auth;
  let operator: Auth;
  let manager: Auth;
  let clientId: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    ({ clientId } = await t.clientWithRequester('Stavy s.r.o.', { name: 'Jana Stavová', email: 'jana@stavy.cz' }));
    admin = (await t.userWith(['admin'])).auth;
    operator = (await t.queueOperator()).auth;
    manager = (await t.userWith(['manager'])).auth;
  });
  afterAll(() => t.close());

  const counts = (who: Auth, typeId: number) => t.request(who, { method: 'GET', url: `/api/v1/ticket-types/${typeId}/ticket-counts` });
  const created = async (typeCode?: string) => {
    const res = await t.request(operator, { method: 'POST', url: '/api/v1/tickets', payload: { clientId, subject: 'Kolik', impact: 'medium', urgency: 'medium', ...(typeCode ? { typeCode } : {}) } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; version: number; type: { id: number; code: string }; state: { code: string }; allowedTransitions: { toState: string; requiredFields: string[] }[] };
  };

  it('counts the tickets in each state of the type, states without tickets as 0, in the process order', async () => {
    const first = await created();
    const typeId = first.type.id;
    const before = await counts(admin, typeId);
    expect(before.statusCode, before.body).toBe(200);
    const initial = before.json().items.find((i: { code: string }) => i.code === first.state.code).tickets as number;
    await created();
    const moved = await created();
    const to = moved.allowedTransitions.find((tr) => tr.requiredFields.length === 0)!.toState;
    const transition = await t.request(operator, { method: 'POST', url: `/api/v1/tickets/${moved.id}/transition`, payload: { toState: to, version: moved.version } });
    expect(transition.statusCode, transition.body).toBe(200);

    const res = await counts(admin, typeId);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { stateId: number; code: string; tickets: number }[];
    const type = (await t.request(admin, { method: 'GET', url: `/api/v1/ticket-types/${typeId}` })).json() as { states: { id: number; code: string; sortOrder: number }[] };
    expect(items.map((i) => [i.stateId, i.code])).toEqual([...type.states].sort((a, b) => a.sortOrder - b.sortOrder).map((s) => [s.id, s.code]));
    const byCode = new Map(items.map((i) => [i.code, i.tickets]));
    expect(byCode.get(first.state.code)).toBe(initial + 1);
    expect(byCode.get(to)).toBeGreaterThanOrEqual(1);
    expect(items.every((i) => Number.isInteger(i.tickets) && i.tickets >= 0)).toBe(true);
    expect(items.reduce((sum, i) => sum + i.tickets, 0)).toBe(initial + 2);
  });

  it('is for those who may change the process: others get 403, an unknown type 404', async () => {
    const typeId = (await created()).type.id;
    expect((await counts(operator, typeId)).statusCode).toBe(403);
    expect((await counts(manager, typeId)).statusCode).toBe(403);
    const unknown = await counts(admin, 987654);
    expect(unknown.statusCode, unknown.body).toBe(404);
    expect((await counts(admin, 0)).statusCode).toBe(400);
  });
});
