import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_HELPDESK_NAMES, seedDemo } from '../src/cli/demo-data.ts';
import { createTestApp, type Auth, type TestApp } from './app.ts';

// The demo is Czech-first: the helpdesk defaults (seeded in English on every install)
// carry Czech names there, and each calendar is used: the Slovak client's tickets run
// on the Slovak one.
describe('the demo helpdesk', () => {
  let t: TestApp;
  let admin: Auth;
  const get = async (url: string) => (await t.request(admin, { method: 'GET', url })).json();

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    await seedDemo(t.services);
    admin = (await t.userWith(['admin'])).auth;
  }, 120_000);
  afterAll(() => t.close());

  it('names the calendars, the policies and the queue in Czech', async () => {
    const calendars: Array<{ id: number; name: string; timeZone: string }> = (await get('/api/v1/calendars')).items;
    expect(calendars.map((c) => `${c.name}|${c.timeZone}`).sort()).toEqual(['Pracovní doba CZ|Europe/Prague', 'Pracovní doba SK|Europe/Bratislava']);
    const policies: Array<{ name: string; calendarId: number; isDefault: boolean }> = (await get('/api/v1/sla-policies')).items;
    const calendarOf = (name: string) => calendars.find((c) => c.id === policies.find((p) => p.name === name)?.calendarId)?.name;
    expect(policies.map((p) => p.name).sort()).toEqual([DEMO_HELPDESK_NAMES.standardPolicy.to, DEMO_HELPDESK_NAMES.slovakPolicy].sort());
    expect(policies.find((p) => p.isDefault)?.name).toBe('Standardní');
    expect(calendarOf('Standardní')).toBe('Pracovní doba CZ');
    expect(calendarOf('Standardní SK')).toBe('Pracovní doba SK');
    expect((await get('/api/v1/queues')).items.map((q: { name: string }) => q.name)).toEqual(['Servisní pracoviště']);
    const everything = JSON.stringify([calendars, policies]);
    expect(everything).not.toMatch(/business hours|"Standard"/);
  });

  it('gives the Slovak client the policy on the Slovak calendar, and its ticket takes it', async () => {
    const clients: Array<{ id: number; name: string; country: string }> = (await get('/api/v1/clients?limit=100')).items;
    const slovak = clients.find((c) => c.name === 'Tatra Logistik s.r.o.')!;
    const czech = clients.find((c) => c.name === 'Strojírny Brno a.s.')!;
    const policies: Array<{ id: number; name: string }> = (await get('/api/v1/sla-policies')).items;
    const policyName = (id: number | null) => policies.find((p) => p.id === id)?.name;
    expect(policyName((await get(`/api/v1/clients/${slovak.id}/sla-policy`)).effectiveSlaPolicyId)).toBe('Standardní SK');
    expect(policyName((await get(`/api/v1/clients/${czech.id}/sla-policy`)).effectiveSlaPolicyId)).toBe('Standardní');
    const tickets: Array<{ client: { id: number }; sla: { policyId: number | null } }> = (await get('/api/v1/tickets?limit=50')).items;
    expect(tickets.filter((tk) => tk.client.id === slovak.id).map((tk) => policyName(tk.sla.policyId))).toEqual(['Standardní SK']);
    expect(new Set(tickets.filter((tk) => tk.client.id === czech.id).map((tk) => policyName(tk.sla.policyId)))).toEqual(new Set(['Standardní']));
  });
});
