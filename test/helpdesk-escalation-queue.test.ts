import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

type Detail = { path: string; code: string; message: string };
type ErrorBody = { error: { code: string; message: string; details?: Detail[]; policies?: { id: number; name: string }[] } };

/** A queue that an SLA policy escalates to stays active; a policy escalates only to an active queue. */
describe.each(testEngines())('SLA escalation queues on %s', (engine) => {
  let t: TestApp;
  let admin: Auth;
  let calendarId: number;
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => t.request(admin, { method, url, ...(payload ? { payload } : {}) });
  const target = { firstResponseMinutes: 60, resolutionMinutes: 240 };
  const targets = { P1: target, P2: target, P3: target, P4: target };

  async function createQueue(code: string, name: string): Promise<number> {
    const res = await call('POST', '/api/v1/queues', { code, name });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }
  async function createPolicy(name: string, escalateToQueueId: number | null, active = true): Promise<{ id: number; version: number }> {
    const res = await call('POST', '/api/v1/sla-policies', { name, calendarId, targets, escalateToQueueId, active });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }
  const queueActive = async (id: number) => (await call('GET', '/api/v1/queues?active=all')).json().items.find((q: { id: number }) => q.id === id).active;

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = (await t.userWith(['admin'])).auth;
    calendarId = (await call('GET', '/api/v1/calendars')).json().items[0].id;
  });
  afterAll(() => t.close());

  it('refuses to deactivate a queue an SLA policy escalates to, naming every such policy (inactive ones too)', async () => {
    const network = await createQueue('network', 'Síťová podpora');
    const standard = await createPolicy('Standardní plus', network);
    const dormant = await createPolicy('Archivní', network, false);

    const refused = await call('PATCH', `/api/v1/queues/${network}`, { active: false });
    expect(refused.statusCode).toBe(409);
    const error = (refused.json() as ErrorBody).error;
    expect(error.code).toBe('queue_is_escalation_target');
    expect(error.message).toContain('"Standardní plus"');
    expect(error.message).toContain('"Archivní"');
    expect(error.policies).toEqual([{ id: dormant.id, name: 'Archivní' }, { id: standard.id, name: 'Standardní plus' }]);
    expect(error.details!.map((d) => [d.path, d.code, d.message])).toEqual([
      ['active', 'queue_is_escalation_target', 'SLA policy "Archivní" escalates to this queue'],
      ['active', 'queue_is_escalation_target', 'SLA policy "Standardní plus" escalates to this queue'],
    ]);
    expect(await queueActive(network)).toBe(true);
    // Nothing else of the request was saved either: one transaction.
    const renamedAndOff = await call('PATCH', `/api/v1/queues/${network}`, { name: 'Síť', active: false });
    expect(renamedAndOff.statusCode).toBe(409);
    expect((await call('GET', '/api/v1/queues?active=all')).json().items.find((q: { id: number }) => q.id === network).name).toBe('Síťová podpora');

    // Other changes of the queue are fine.
    expect((await call('PATCH', `/api/v1/queues/${network}`, { name: 'Síťová podpora L2' })).statusCode).toBe(200);

    // Once no policy escalates there, it can be deactivated.
    for (const p of [standard, dormant]) {
      const res = await call('PATCH', `/api/v1/sla-policies/${p.id}`, { version: p.version, escalateToQueueId: null });
      expect(res.statusCode, res.body).toBe(200);
    }
    const deactivated = await call('PATCH', `/api/v1/queues/${network}`, { active: false });
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    expect(deactivated.json().active).toBe(false);
  });

  it('refuses an inactive escalation queue on a policy (400 on escalateToQueueId), but keeps one a policy already had', async () => {
    const old = await createQueue('old_desk', 'Stará fronta');
    const active = await createQueue('new_desk', 'Nová fronta');
    expect((await call('PATCH', `/api/v1/queues/${old}`, { active: false })).statusCode).toBe(200);

    const created = await call('POST', '/api/v1/sla-policies', { name: 'Na starou frontu', calendarId, targets, escalateToQueueId: old });
    expect(created.statusCode).toBe(400);
    expect((created.json() as ErrorBody).error.details).toEqual([
      { path: 'escalateToQueueId', code: 'inactive', message: 'The queue is deactivated: choose an active queue to escalate to' },
    ]);

    const policy = await createPolicy('Přesun', active);
    const patched = await call('PATCH', `/api/v1/sla-policies/${policy.id}`, { version: policy.version, escalateToQueueId: old });
    expect(patched.statusCode).toBe(400);
    expect((patched.json() as ErrorBody).error.details!.map((d) => `${d.path}:${d.code}`)).toEqual(['escalateToQueueId:inactive']);

    // A policy that points at an inactive queue from before this rule can still be edited; the queue is not chosen anew.
    await t.database.db.updateTable('sla_policies').set({ escalate_to_queue_id: old }).where('id', '=', policy.id).execute();
    const edited = await call('PATCH', `/api/v1/sla-policies/${policy.id}`, { version: policy.version, warnAtPercent: 70 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ escalateToQueueId: old, warnAtPercent: 70 });
    // …and changed to an active one.
    const fixed = await call('PATCH', `/api/v1/sla-policies/${policy.id}`, { version: edited.json().version, escalateToQueueId: active });
    expect(fixed.statusCode, fixed.body).toBe(200);
  });
});
