import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

/**
 * A parent is refused when it is one of the ticket's own sub-tickets, read up the parent
 * chain in one query. Parents that already go round in a loop (written before the check
 * existed, or by hand) must not make that query run forever: the loop is taken as one.
 */
describe.each(testEngines())('a ticket\'s parent chain on %s', (engine) => {
  let t: TestApp;
  let operator: Auth;
  let clientId: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    ({ clientId } = await t.clientWithRequester('Řetěz s.r.o.', { name: 'Karel Řetěz', email: 'karel@retez.cz' }));
    operator = (await t.queueOperator()).auth;
  });
  afterAll(() => t.close());

  const created = async () => {
    const res = await t.request(operator, { method: 'POST', url: '/api/v1/tickets', payload: { clientId, subject: 'Řetěz', impact: 'medium', urgency: 'medium' } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; version: number };
  };
  const parentOf = (id: number, parentId: number) => t.database.db.updateTable('tickets').set({ parent_id: parentId }).where('id', '=', id).execute();
  const setParent = (ticket: { id: number; version: number }, parentId: number) =>
    t.request(operator, { method: 'PATCH', url: `/api/v1/tickets/${ticket.id}`, payload: { version: ticket.version, parentId } });

  it('answers, and refuses, a parent whose own parents go round in a loop already in the data', async () => {
    const a = await created();
    const b = await created();
    await parentOf(a.id, b.id);
    await parentOf(b.id, a.id);
    const c = await created();
    const res = await setParent(c, a.id);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details).toMatchObject([{ path: 'parentId', code: 'parent_loop' }]);
  });

  it('takes a parent at the end of a long chain that does not lead back', async () => {
    const chain = [await created()];
    for (let i = 0; i < 30; i++) {
      const next = await created();
      await parentOf(next.id, chain[chain.length - 1]!.id);
      chain.push(next);
    }
    const top = chain[0]!;
    const bottom = chain[chain.length - 1]!;
    const fresh = await created();
    expect((await setParent(fresh, bottom.id)).statusCode).toBe(200);
    // The top of the chain under its own far descendant: refused.
    const refused = await setParent(top, bottom.id);
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error.details).toMatchObject([{ path: 'parentId', code: 'parent_loop' }]);
  });
});
