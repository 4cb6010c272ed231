import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getPriorityMatrix,
  getSlaPolicyForClient,
  getTicketNumberPrefix,
  listCustomFields,
  loadProcess,
  resolveDimensionValues,
  seedDefaultHelpdesk,
} from '../src/modules/helpdesk/index.ts';
import { systemContext } from '../src/modules/identity/index.ts';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

type Detail = { path: string; code: string };
const details = (res: { json(): { error: { details?: Detail[] } } }) => (res.json().error.details ?? []).map((d) => `${d.path}:${d.code}`);

describe.each(testEngines())('helpdesk configuration on %s', (engine) => {
  let t: TestApp;
  let admin: Auth;
  let technician: { id: number; auth: Auth };
  const call = (auth: Auth, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.request(auth, { method, url, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = (await t.userWith(['admin'])).auth;
    technician = await t.userWith(['technician']);
  });
  afterAll(() => t.close());

  it('seeds the defaults once: four types with the default process, desk queue, CZ/SK calendars, Standard policy, matrix, prefix', async () => {
    const types = (await call(technician.auth, 'GET', '/api/v1/ticket-types')).json().items;
    expect(types.map((x: { code: string }) => x.code)).toEqual(['incident', 'service_request', 'problem', 'change']);
    const incident = types[0];
    expect(incident.name).toBe('Incident');
    expect(incident.states.map((s: { code: string }) => s.code)).toEqual([
      'new', 'open', 'in_progress', 'waiting_for_client', 'waiting_for_third_party', 'resolved', 'closed',
    ]);
    expect(incident.transitions).toContainEqual(expect.objectContaining({ from: 'in_progress', to: 'resolved', requiredFields: ['resolutionNote'] }));
    expect(incident.transitions.some((x: { from: string }) => x.from === 'closed')).toBe(false);
    expect((await call(technician.auth, 'GET', '/api/v1/queues')).json().items).toMatchObject([{ code: 'service_desk', name: 'Service desk' }]);
    const calendars = (await call(technician.auth, 'GET', '/api/v1/calendars')).json().items;
    expect(calendars.map((c: { name: string; timeZone: string }) => `${c.name}|${c.timeZone}`)).toEqual(['CZ business hours|Europe/Prague', 'SK business hours|Europe/Bratislava']);
    expect(calendars[0].weekly['1']).toEqual([{ start: '08:00', end: '17:00' }]);
    expect(calendars[0].weekly['6']).toEqual([]);
    const policies = (await call(technician.auth, 'GET', '/api/v1/sla-policies')).json().items;
    expect(policies).toMatchObject([{ name: 'Standard', isDefault: true, warnAtPercent: 80, calendarId: calendars[0].id }]);
    expect(policies[0].targets.P1).toEqual({ firstResponseMinutes: 30, resolutionMinutes: 240 });
    expect(policies[0].targets.P4).toEqual({ firstResponseMinutes: 480, resolutionMinutes: 2400 });
    expect((await call(technician.auth, 'GET', '/api/v1/priority-matrix')).json().high).toEqual({ high: 'P1', medium: 'P2', low: 'P3' });
    expect((await call(technician.auth, 'GET', '/api/v1/ticket-number-prefix')).json()).toEqual({ prefix: 'T' });
    expect(await seedDefaultHelpdesk(t.database.db, t.clock.now())).toEqual({ created: [] });
    const seeded = await t.database.db.selectFrom('audit_log').selectAll().where('entity', '=', 'helpdesk_config').where('action', '=', 'seed').execute();
    expect(seeded).toHaveLength(1);
  });

  it('creates a type with the default process, refuses duplicates and bad input, and is admin-only to change', async () => {
    const res = await call(admin, 'POST', '/api/v1/ticket-types', { code: 'maintenance', name: 'Maintenance', sortOrder: 50 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code: 'maintenance', active: true, sortOrder: 50 });
    expect(res.json().states).toHaveLength(7);
    const dup = await call(admin, 'POST', '/api/v1/ticket-types', { code: 'maintenance', name: 'Again' });
    expect(dup.statusCode).toBe(409);
    expect(details(dup)).toEqual(['code:duplicate']);
    const bad = await call(admin, 'POST', '/api/v1/ticket-types', { code: 'Bad Code', name: '', colour: 'red' });
    expect(bad.statusCode).toBe(400);
    expect(details(bad)).toEqual(expect.arrayContaining(['code:invalid_format', 'name:required', 'colour:unknown_field']));
    const badProcess = await call(admin, 'POST', '/api/v1/ticket-types', {
      code: 'odd',
      name: 'Odd',
      process: { states: [{ code: 'a', name: 'A', category: 'new' }], transitions: [{ from: 'a', to: 'b', name: 'Go' }] },
    });
    expect(details(badProcess)).toEqual(['process.states:no_initial_state', 'process.transitions.0.to:unknown_state']);
    expect((await call(technician.auth, 'POST', '/api/v1/ticket-types', { code: 'x', name: 'X' })).statusCode).toBe(403);
    const patched = await call(admin, 'PATCH', `/api/v1/ticket-types/${res.json().id}`, { name: 'Planned maintenance', active: false });
    expect(patched.json()).toMatchObject({ name: 'Planned maintenance', active: false, code: 'maintenance' });
    const active = (await call(technician.auth, 'GET', '/api/v1/ticket-types?active=true')).json().items;
    expect(active.map((x: { code: string }) => x.code)).not.toContain('maintenance');
    expect((await call(admin, 'PATCH', '/api/v1/ticket-types/987654', { name: 'X' })).statusCode).toBe(404);
    const accountant = await t.userWith(['accountant']);
    expect((await call(accountant.auth, 'GET', '/api/v1/ticket-types')).statusCode).toBe(403);
  });

  it('replaces a process in one transaction: states keep their ids, categories follow to tickets, a state in use stays', async () => {
    const type = (await call(admin, 'POST', '/api/v1/ticket-types', { code: 'hw_order', name: 'Hardware order' })).json();
    const stateId = (code: string) => type.states.find((s: { code: string }) => s.code === code).id;
    const client = await t.services.customers.create(systemContext, { name: 'Process Client', country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14 });
    const queue = (await t.database.db.selectFrom('queues').select('id').where('code', '=', 'service_desk').executeTakeFirstOrThrow()).id;
    const at = t.clock.now().toISOString();
    await t.database.db
      .insertInto('tickets')
      .values({
        number: `T2026-${type.id}`, subject: 'Laptop', description_md: '', type_id: type.id, state_id: stateId('waiting_for_third_party'),
        state_category: 'waiting', impact: 'low', urgency: 'low', priority: 'P4', queue_id: queue, client_id: client.id, created_at: at, updated_at: at,
        version: 1, priority_overridden: 0, custom_json: '{}', tags_text: '', sla_status: 'none',
      })
      .execute();
    const next = {
      states: [
        { code: 'new', name: 'Ordered', category: 'new', isInitial: true },
        { code: 'waiting_for_third_party', name: 'At supplier', category: 'open' },
        { code: 'delivered', name: 'Delivered', category: 'resolved' },
      ],
      transitions: [
        { from: 'new', to: 'waiting_for_third_party', name: 'Order' },
        { from: 'waiting_for_third_party', to: 'delivered', name: 'Deliver', requiredFields: ['comment'] },
      ],
    };
    const res = await call(admin, 'PUT', `/api/v1/ticket-types/${type.id}/process`, next);
    expect(res.statusCode).toBe(200);
    const after = res.json();
    expect(after.states.map((s: { code: string; sortOrder: number }) => `${s.code}:${s.sortOrder}`)).toEqual(['new:10', 'waiting_for_third_party:20', 'delivered:30']);
    expect(after.states[0].id).toBe(stateId('new'));
    expect(after.states[1].id).toBe(stateId('waiting_for_third_party'));
    expect(after.transitions).toMatchObject([{ from: 'new', to: 'waiting_for_third_party' }, { from: 'waiting_for_third_party', to: 'delivered', requiredFields: ['comment'] }]);
    const ticket = await t.database.db.selectFrom('tickets').select('state_category').where('type_id', '=', type.id).executeTakeFirstOrThrow();
    expect(ticket.state_category).toBe('open');

    const inUse = await call(admin, 'PUT', `/api/v1/ticket-types/${type.id}/process`, { states: [{ code: 'new', name: 'New', category: 'new', isInitial: true }], transitions: [] });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error).toMatchObject({ code: 'state_in_use', states: ['waiting_for_third_party'], details: [{ path: 'states', code: 'state_in_use' }] });
    expect(inUse.json().error.message).toContain('waiting_for_third_party');
    expect((await call(technician.auth, 'GET', `/api/v1/ticket-types/${type.id}`)).json().states).toHaveLength(3);

    const invalid = await call(admin, 'PUT', `/api/v1/ticket-types/${type.id}/process`, {
      states: [
        { code: 'new', name: 'New', category: 'new', isInitial: true },
        { code: 'new', name: 'Again', category: 'open', isInitial: true },
      ],
      transitions: [{ from: 'new', to: 'new', name: 'Loop', requiredFields: ['warranty'] }],
    });
    expect(invalid.statusCode).toBe(400);
    expect(details(invalid)).toEqual(['states.1.code:duplicate', 'states:several_initial_states', 'transitions.0.to:same_state', 'transitions.0.requiredFields.0:unknown_field']);
    const log = await call(admin, 'GET', `/api/v1/audit?entity=ticket_type&entityId=${type.id}&action=replace_process`);
    expect(log.json().items).toHaveLength(1);
    expect(log.json().items[0].before.states).toHaveLength(7);
  });

  it('refuses a process saved over a newer one (409 stale_version) and changes nothing', async () => {
    const type = (await call(admin, 'POST', '/api/v1/ticket-types', { code: 'two_tabs', name: 'Two tabs' })).json();
    const loaded = type.updatedAt;
    const withName = (name: string) => ({
      states: [{ code: 'new', name, category: 'new', isInitial: true }, { code: 'done', name: 'Done', category: 'resolved' }],
      transitions: [{ from: 'new', to: 'done', name: 'Finish' }],
    });
    t.clock.advance(1000);
    const first = await call(admin, 'PUT', `/api/v1/ticket-types/${type.id}/process`, { ...withName('První karta'), expectedUpdatedAt: loaded });
    expect(first.statusCode).toBe(200);
    expect(first.json().updatedAt).not.toBe(loaded);
    t.clock.advance(1000);
    const second = await call(admin, 'PUT', `/api/v1/ticket-types/${type.id}/process`, { ...withName('Druhá karta'), expectedUpdatedAt: loaded });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('stale_version');
    expect((await call(admin, 'GET', `/api/v1/ticket-types/${type.id}`)).json().states[0].name).toBe('První karta');
    const fresh = await call(admin, 'PUT', `/api/v1/ticket-types/${type.id}/process`, { ...withName('Druhá karta'), expectedUpdatedAt: first.json().updatedAt });
    expect(fresh.json().states[0].name).toBe('Druhá karta');
  });

  it('keeps queues and teams to active staff, listed once', async () => {
    const contact = await t.userWith(['accountant']);
    const bad = await call(admin, 'POST', '/api/v1/queues', { code: 'network', name: 'Network', leadUserId: 987654, members: [technician.id, contact.id, technician.id] });
    expect(bad.statusCode).toBe(400);
    expect(details(bad)).toEqual(['leadUserId:invalid_user', 'members.1:invalid_user', 'members.2:duplicate']);
    const res = await call(admin, 'POST', '/api/v1/queues', { code: 'network', name: 'Network', leadUserId: technician.id, members: [technician.id] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code: 'network', leadUserId: technician.id, members: [technician.id], active: true });
    expect((await call(admin, 'POST', '/api/v1/queues', { code: 'network', name: 'Net' })).statusCode).toBe(409);
    const other = await t.userWith(['operator']);
    const patched = await call(admin, 'PATCH', `/api/v1/queues/${res.json().id}`, { members: [other.id, technician.id] });
    expect(patched.json().members).toEqual([technician.id, other.id].sort((a, b) => a - b));

    const team = await call(admin, 'POST', '/api/v1/teams', { name: 'Field service', members: [technician.id] });
    expect(team.statusCode).toBe(201);
    expect((await call(admin, 'POST', '/api/v1/teams', { name: 'Field service' })).statusCode).toBe(409);
    const emptied = await call(admin, 'PATCH', `/api/v1/teams/${team.json().id}`, { members: [], active: false });
    expect(emptied.json()).toMatchObject({ members: [], active: false });
    expect((await call(technician.auth, 'GET', '/api/v1/teams?active=false')).json().items).toHaveLength(1);
  });

  it('keeps the category tree: paths follow a rename or move, no cycles', async () => {
    const post = async (name: string, parentId: number | null = null) => (await call(admin, 'POST', '/api/v1/categories', { name, parentId })).json();
    const hw = await post('Hardware');
    const printers = await post('Printers', hw.id);
    const toner = await post('Toner', printers.id);
    const sw = await post('Software');
    expect(toner.path).toBe('Hardware / Printers / Toner');
    expect((await call(admin, 'POST', '/api/v1/categories', { name: 'Printers', parentId: hw.id })).statusCode).toBe(409);
    const unknown = await call(admin, 'POST', '/api/v1/categories', { name: 'X', parentId: 987654 });
    expect(details(unknown)).toEqual(['parentId:unknown_reference']);
    await call(admin, 'PATCH', `/api/v1/categories/${hw.id}`, { name: 'HW' });
    const cycle = await call(admin, 'PATCH', `/api/v1/categories/${hw.id}`, { parentId: toner.id });
    expect(cycle.statusCode).toBe(400);
    expect(details(cycle)).toEqual(['parentId:category_cycle']);
    await call(admin, 'PATCH', `/api/v1/categories/${printers.id}`, { parentId: sw.id });
    const paths = (await call(technician.auth, 'GET', '/api/v1/categories')).json().items.map((c: { path: string }) => c.path);
    expect(paths).toEqual(['HW', 'Software', 'Software / Printers', 'Software / Printers / Toner']);
  });

  it('manages dimensions with unique value codes, and resolves a ticket selection against them', async () => {
    const created = await call(admin, 'POST', '/api/v1/dimensions', {
      code: 'service',
      name: 'Service',
      values: [{ code: 'email', name: 'E-mail' }, { code: 'erp', name: 'ERP' }],
    });
    expect(created.statusCode).toBe(201);
    const dimension = created.json();
    expect(dimension.values.map((v: { code: string }) => v.code)).toEqual(['email', 'erp']);
    const twice = await call(admin, 'POST', '/api/v1/dimensions', { code: 'site', name: 'Site', values: [{ code: 'a', name: 'A' }, { code: 'a', name: 'B' }] });
    expect(details(twice)).toEqual(['values.1.code:duplicate']);
    expect((await call(admin, 'POST', `/api/v1/dimensions/${dimension.id}/values`, { code: 'erp', name: 'ERP 2' })).statusCode).toBe(409);
    const vpn = (await call(admin, 'POST', `/api/v1/dimensions/${dimension.id}/values`, { code: 'vpn', name: 'VPN' })).json();
    const off = await call(admin, 'PATCH', `/api/v1/dimension-values/${vpn.id}`, { active: false });
    expect(off.json()).toMatchObject({ code: 'vpn', active: false });
    expect((await call(admin, 'PATCH', `/api/v1/dimensions/${dimension.id}`, { name: 'IT service' })).json().values).toHaveLength(3);

    const resolved = await resolveDimensionValues(t.database.db, { service: 'erp', site: 'x', nothing: 'y' });
    expect(resolved.values).toMatchObject([{ dimensionId: dimension.id, dimension: 'service', value: 'erp', valueName: 'ERP' }]);
    expect(resolved.problems.map((p) => `${p.path}:${p.code}`)).toEqual(['dimensions.site:unknown_dimension', 'dimensions.nothing:unknown_dimension']);
    const inactive = await resolveDimensionValues(t.database.db, { service: 'vpn' });
    expect(inactive.problems.map((p) => p.code)).toEqual(['inactive']);
    expect((await resolveDimensionValues(t.database.db, { service: null })).cleared).toEqual([dimension.id]);
  });

  it('keeps custom field keys unique per type (global ones count for every type) and lets transitions require them', async () => {
    const types = (await call(admin, 'GET', '/api/v1/ticket-types')).json().items;
    const incident = types.find((x: { code: string }) => x.code === 'incident');
    const global = await call(admin, 'POST', '/api/v1/custom-fields', { key: 'assetTag', label: 'Asset tag', kind: 'text' });
    expect(global.statusCode).toBe(201);
    const site = await call(admin, 'POST', '/api/v1/custom-fields', { typeId: incident.id, key: 'site', label: 'Site', kind: 'choice', options: ['Brno', 'Praha'], required: true });
    expect(site.json()).toMatchObject({ typeId: incident.id, kind: 'choice', options: ['Brno', 'Praha'], required: true });
    expect(details(await call(admin, 'POST', '/api/v1/custom-fields', { typeId: incident.id, key: 'assetTag', label: 'Again', kind: 'text' }))).toEqual(['key:duplicate']);
    expect(details(await call(admin, 'POST', '/api/v1/custom-fields', { key: 'site', label: 'Global site', kind: 'text' }))).toEqual(['key:duplicate']);
    const problem = types.find((x: { code: string }) => x.code === 'problem');
    expect((await call(admin, 'POST', '/api/v1/custom-fields', { typeId: problem.id, key: 'site', label: 'Site', kind: 'text' })).statusCode).toBe(201);
    expect(details(await call(admin, 'POST', '/api/v1/custom-fields', { key: 'colour', label: 'Colour', kind: 'choice' }))).toEqual(['options:required']);
    expect(details(await call(admin, 'POST', '/api/v1/custom-fields', { typeId: 987654, key: 'x', label: 'X', kind: 'text' }))).toEqual(['typeId:unknown_reference']);
    expect(details(await call(admin, 'POST', '/api/v1/custom-fields', { key: 'x', label: 'X', kind: 'rating' }))).toEqual(['kind:invalid_enum']);
    expect(details(await call(admin, 'POST', '/api/v1/custom-fields', { key: 'x', label: 'X', kind: 'text', sortOrder: -5 }))).toEqual(['sortOrder:too_small']);
    expect(details(await call(admin, 'PATCH', `/api/v1/custom-fields/${site.json().id}`, { sortOrder: -1 }))).toEqual(['sortOrder:too_small']);
    const toText = await call(admin, 'PATCH', `/api/v1/custom-fields/${site.json().id}`, { kind: 'text' });
    expect(toText.json()).toMatchObject({ kind: 'text', options: [] });

    const fields = await listCustomFields(t.database.db, incident.id);
    expect(fields.map((f) => f.key).sort()).toEqual(['assetTag', 'site']);
    const listed = (await call(technician.auth, 'GET', `/api/v1/custom-fields?typeId=${incident.id}`)).json().items;
    expect(listed).toHaveLength(2);

    const process = {
      states: incident.states.map(({ code, name, category, pausesSla, isInitial }: Record<string, unknown>) => ({ code, name, category, pausesSla, isInitial })),
      transitions: incident.transitions.map(({ from, to, name, requiredFields }: { from: string; to: string; name: string; requiredFields: string[] }) => ({
        from, to, name, requiredFields: to === 'resolved' ? [...requiredFields, 'site', 'assetTag'] : requiredFields,
      })),
    };
    expect((await call(admin, 'PUT', `/api/v1/ticket-types/${incident.id}/process`, process)).statusCode).toBe(200);
    const loaded = await loadProcess(t.database.db, incident.id);
    expect(loaded?.transitions.find((x) => x.from === 'new' && x.to === 'resolved')?.requiredFields).toEqual(['resolutionNote', 'site', 'assetTag']);
    expect(loaded?.states.find((s) => s.isInitial)?.code).toBe('new');
  });

  it('validates calendars and keeps a used one', async () => {
    const bad = await call(admin, 'POST', '/api/v1/calendars', {
      name: 'Broken',
      timeZone: 'Europe/Atlantis',
      weekly: { 1: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '16:00' }], 2: [{ start: '18:00', end: '09:00' }], 8: [] },
      holidayCountries: ['AT'],
      extraDaysOff: ['2026-13-01'],
    });
    expect(bad.statusCode).toBe(400);
    expect(details(bad)).toEqual(expect.arrayContaining(['weekly.8:unknown_field', 'holidayCountries.0:invalid_enum']));
    const bad2 = await call(admin, 'POST', '/api/v1/calendars', {
      name: 'Broken',
      timeZone: 'Europe/Atlantis',
      weekly: { 1: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '16:00' }], 2: [{ start: '18:00', end: '09:00' }] },
      extraDaysOff: ['2026-13-01'],
    });
    expect(details(bad2)).toEqual(['timeZone:invalid_time_zone', 'weekly.1:overlapping_windows', 'weekly.2.0:empty_window', 'extraDaysOff.0:invalid_date']);
    const ok = await call(admin, 'POST', '/api/v1/calendars', {
      name: '24/7',
      timeZone: 'UTC',
      weekly: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ start: '00:00', end: '24:00' }]])),
      extraDaysOff: ['2026-12-31', '2026-12-24'],
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ holidayCountries: [], extraDaysOff: ['2026-12-24', '2026-12-31'] });
    expect(ok.json().version).toBe(1);
    const renamed = await call(admin, 'PATCH', `/api/v1/calendars/${ok.json().id}`, { version: 1, name: 'Always open', holidayCountries: ['SK'] });
    expect(renamed.json()).toMatchObject({ name: 'Always open', holidayCountries: ['SK'], timeZone: 'UTC', version: 2 });
    const used = (await call(admin, 'GET', '/api/v1/calendars')).json().items.find((c: { name: string }) => c.name === 'CZ business hours');
    const refused = await call(admin, 'DELETE', `/api/v1/calendars/${used.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('calendar_in_use');
    expect((await call(admin, 'DELETE', `/api/v1/calendars/${ok.json().id}`)).statusCode).toBe(204);
    expect((await call(admin, 'DELETE', `/api/v1/calendars/${ok.json().id}`)).statusCode).toBe(404);
  });

  it('refuses a stale save of a calendar or an SLA policy, so two admins do not overwrite each other', async () => {
    const week = { 1: [{ start: '09:00', end: '17:00' }] };
    const calendar = (await call(admin, 'POST', '/api/v1/calendars', { name: 'Shared hours', timeZone: 'Europe/Prague', weekly: week })).json();
    const target = { firstResponseMinutes: 60, resolutionMinutes: 480 };
    const policy = (await call(admin, 'POST', '/api/v1/sla-policies', {
      name: 'Shared policy', calendarId: calendar.id, targets: { P1: target, P2: target, P3: target, P4: target },
    })).json();
    expect([calendar.version, policy.version]).toEqual([1, 1]);
    const audited = async () => Number((await t.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    // The first admin saves; the second still holds version 1.
    const first = await call(admin, 'PATCH', `/api/v1/calendars/${calendar.id}`, { version: 1, timeZone: 'Europe/Bratislava' });
    expect(first.json()).toMatchObject({ timeZone: 'Europe/Bratislava', version: 2 });
    const auditBefore = await audited();
    const stale = await call(admin, 'PATCH', `/api/v1/calendars/${calendar.id}`, { version: 1, name: 'Overwritten' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
    const calendarNow = (await call(admin, 'GET', '/api/v1/calendars')).json().items.find((c: { id: number }) => c.id === calendar.id);
    expect(calendarNow).toMatchObject({ name: 'Shared hours', timeZone: 'Europe/Bratislava', version: 2 });
    expect(details(await call(admin, 'PATCH', `/api/v1/calendars/${calendar.id}`, { name: 'No version' }))).toEqual(['version:required']);

    const policyFirst = await call(admin, 'PATCH', `/api/v1/sla-policies/${policy.id}`, { version: 1, warnAtPercent: 70 });
    expect(policyFirst.json()).toMatchObject({ warnAtPercent: 70, version: 2 });
    const policyStale = await call(admin, 'PATCH', `/api/v1/sla-policies/${policy.id}`, { version: 1, warnAtPercent: 90, name: 'Overwritten' });
    expect(policyStale.statusCode).toBe(409);
    expect(policyStale.json().error.code).toBe('stale_version');
    const policyNow = (await call(admin, 'GET', '/api/v1/sla-policies')).json().items.find((p: { id: number }) => p.id === policy.id);
    expect(policyNow).toMatchObject({ name: 'Shared policy', warnAtPercent: 70, version: 2 });
    expect(details(await call(admin, 'PATCH', `/api/v1/sla-policies/${policy.id}`, { active: false }))).toEqual(['version:required']);
    expect(await audited()).toBe(auditBefore + 1); // only the policy's fresh save; nothing refused was logged

    // Reloaded, the second admin's change goes through and raises the version again.
    const reloaded = await call(admin, 'PATCH', `/api/v1/sla-policies/${policy.id}`, { version: 2, active: false });
    expect(reloaded.json()).toMatchObject({ active: false, warnAtPercent: 70, version: 3 });
    const log = await call(admin, 'GET', `/api/v1/audit?entity=sla_policy&entityId=${policy.id}&action=update`);
    expect(log.json().items[0]).toMatchObject({ before: { active: true, version: 2 }, after: { active: false, version: 3 } });
  });

  it('keeps exactly one default SLA policy and assigns policies to clients', async () => {
    const calendars = (await call(admin, 'GET', '/api/v1/calendars')).json().items;
    const sk = calendars.find((c: { name: string }) => c.name === 'SK business hours');
    const target = (first: number | null, resolution: number | null) => ({ firstResponseMinutes: first, resolutionMinutes: resolution });
    const gold = { name: 'Gold', calendarId: sk.id, targets: { P1: target(15, 120), P2: target(30, 240), P3: target(60, 480), P4: target(null, null) } };
    const bad = await call(admin, 'POST', '/api/v1/sla-policies', { ...gold, warnAtPercent: 100, targets: { ...gold.targets, P2: target(0, 240) } });
    expect(details(bad)).toEqual(expect.arrayContaining(['warnAtPercent:too_big', 'targets.P2.firstResponseMinutes:too_small']));
    const bad2 = await call(admin, 'POST', '/api/v1/sla-policies', { ...gold, calendarId: 987654, targets: { ...gold.targets, P1: target(300, 120) } });
    expect(details(bad2)).toEqual(['targets.P1.firstResponseMinutes:first_response_after_resolution']);
    const bad3 = await call(admin, 'POST', '/api/v1/sla-policies', { ...gold, calendarId: 987654 });
    expect(details(bad3)).toEqual(['calendarId:unknown_reference']);

    const created = (await call(admin, 'POST', '/api/v1/sla-policies', gold)).json();
    expect(created).toMatchObject({ name: 'Gold', isDefault: false, warnAtPercent: 80, escalateToQueueId: null });
    const standard = (await call(admin, 'GET', '/api/v1/sla-policies')).json().items.find((p: { name: string }) => p.name === 'Standard');
    const policyVersion = async (id: number): Promise<number> =>
      (await call(admin, 'GET', '/api/v1/sla-policies')).json().items.find((p: { id: number }) => p.id === id).version;
    const unset = await call(admin, 'PATCH', `/api/v1/sla-policies/${standard.id}`, { version: standard.version, isDefault: false });
    expect(unset.statusCode).toBe(409);
    expect(unset.json().error.code).toBe('default_required');
    expect((await call(admin, 'PATCH', `/api/v1/sla-policies/${standard.id}`, { version: standard.version, active: false })).statusCode).toBe(409);
    const made = await call(admin, 'PATCH', `/api/v1/sla-policies/${created.id}`, { version: created.version, isDefault: true });
    expect(made.json().isDefault).toBe(true);
    const defaults = (await call(admin, 'GET', '/api/v1/sla-policies')).json().items.filter((p: { isDefault: boolean }) => p.isDefault);
    expect(defaults.map((p: { name: string }) => p.name)).toEqual(['Gold']);
    // Taking the default changed Standard too: a form still showing it as the default is outdated.
    expect(await policyVersion(standard.id)).toBe(standard.version + 1);
    expect((await call(admin, 'PATCH', `/api/v1/sla-policies/${standard.id}`, { version: standard.version, isDefault: true })).json().error.code).toBe('stale_version');
    await call(admin, 'PATCH', `/api/v1/sla-policies/${standard.id}`, { version: standard.version + 1, isDefault: true });

    const client = await t.services.customers.create(systemContext, { name: 'SLA Client', country: 'SK', language: 'sk', currency: 'EUR', paymentTermsDays: 14 });
    const url = `/api/v1/clients/${client.id}/sla-policy`;
    expect((await call(technician.auth, 'GET', url)).json()).toEqual({ clientId: client.id, slaPolicyId: null, effectiveSlaPolicyId: standard.id });
    expect((await getSlaPolicyForClient(t.database.db, client.id))?.name).toBe('Standard');
    expect((await call(technician.auth, 'PUT', url, { slaPolicyId: created.id })).statusCode).toBe(403);
    expect(details(await call(admin, 'PUT', url, { slaPolicyId: 987654 }))).toEqual(['slaPolicyId:unknown_reference']);
    expect((await call(admin, 'PUT', '/api/v1/clients/987654/sla-policy', { slaPolicyId: null })).statusCode).toBe(404);
    const set = await call(admin, 'PUT', url, { slaPolicyId: created.id });
    expect(set.json()).toEqual({ clientId: client.id, slaPolicyId: created.id, effectiveSlaPolicyId: created.id });
    const effective = await getSlaPolicyForClient(t.database.db, client.id);
    expect(effective).toMatchObject({ id: created.id, name: 'Gold', warnAtPercent: 80, calendar: { timeZone: 'Europe/Bratislava', holidayCountries: ['SK'] } });
    expect(effective?.targets.P4).toEqual({ firstResponseMinutes: null, resolutionMinutes: null });
    await call(admin, 'PATCH', `/api/v1/sla-policies/${created.id}`, { version: await policyVersion(created.id), active: false });
    expect((await call(admin, 'GET', url)).json().effectiveSlaPolicyId).toBe(standard.id);
    const log = await call(admin, 'GET', `/api/v1/audit?entity=client&entityId=${client.id}&action=set_sla_policy`);
    expect(log.json().items[0]).toMatchObject({ before: { slaPolicyId: null }, after: { slaPolicyId: created.id } });
  });

  it('sets the priority matrix (all nine cells, monotonic) and the ticket number prefix', async () => {
    const matrix = (await call(admin, 'GET', '/api/v1/priority-matrix')).json();
    const missing = await call(admin, 'PUT', '/api/v1/priority-matrix', { ...matrix, low: { high: 'P3', medium: 'P4' } });
    expect(missing.statusCode).toBe(400);
    expect(details(missing).map((d) => d.split(':')[0])).toEqual(['low.low']);
    expect(details(await call(admin, 'PUT', '/api/v1/priority-matrix', { ...matrix, low: { high: 'P3', medium: 'P4', low: 'P5' } }))).toEqual(['low.low:invalid_enum']);
    expect(details(await call(admin, 'PUT', '/api/v1/priority-matrix', { ...matrix, low: { high: 'P1', medium: 'P4', low: 'P4' } }))).toEqual(['low.high:not_monotonic']);
    const changed = { ...matrix, medium: { high: 'P2', medium: 'P2', low: 'P3' } };
    expect((await call(admin, 'PUT', '/api/v1/priority-matrix', changed)).json()).toEqual(changed);
    expect(await getPriorityMatrix(t.database.db)).toEqual(changed);
    expect((await call(technician.auth, 'PUT', '/api/v1/priority-matrix', changed)).statusCode).toBe(403);

    expect((await call(admin, 'PUT', '/api/v1/ticket-number-prefix', { prefix: 'hd' })).json()).toEqual({ prefix: 'HD' });
    expect(await getTicketNumberPrefix(t.database.db)).toBe('HD');
    expect(details(await call(admin, 'PUT', '/api/v1/ticket-number-prefix', { prefix: 'T1' }))).toEqual(['prefix:invalid_format']);
    const log = await call(admin, 'GET', '/api/v1/audit?entity=setting&entityId=ticket_number_prefix');
    expect(log.json().items[0]).toMatchObject({ before: { prefix: 'T' }, after: { prefix: 'HD' } });
  });
});
