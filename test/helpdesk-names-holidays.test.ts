import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

type Detail = { path: string; code: string };
type Reply = { statusCode: number; json(): { error: { code: string; field?: string; value?: unknown; details?: Detail[] } } };
const details = (res: Reply) => (res.json().error.details ?? []).map((d) => `${d.path}:${d.code}`);

/** A 409 duplicate on `name`, naming the value sent (if the request sent one): the answer SLA policies give. */
function expectNameTaken(res: Reply, value?: string): void {
  expect(res.statusCode).toBe(409);
  expect(res.json().error).toMatchObject({ code: 'duplicate', field: 'name', details: [{ path: 'name', code: 'duplicate' }] });
  expect(res.json().error.value).toBe(value);
}

describe.each(testEngines())('names that read the same, and public holidays, on %s', (engine) => {
  let t: TestApp;
  let admin: Auth;
  let technician: Auth;
  const call = (auth: Auth, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => t.request(auth, { method, url, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = (await t.userWith(['admin'])).auth;
    technician = (await t.userWith(['technician'])).auth;
  });
  afterAll(() => t.close());

  it('keeps queue names unique across all queues, ignoring case (Czech capitals too)', async () => {
    const desk = await call(admin, 'POST', '/api/v1/queues', { code: 'workshop', name: 'Servisní pracoviště' });
    expect(desk.statusCode).toBe(201);
    expectNameTaken(await call(admin, 'POST', '/api/v1/queues', { code: 'sd2', name: 'Servisní pracoviště' }), 'Servisní pracoviště');
    expectNameTaken(await call(admin, 'POST', '/api/v1/queues', { code: 'sd3', name: '  SERVISNÍ PRACOVIŠTĚ ' }), 'SERVISNÍ PRACOVIŠTĚ');
    // An inactive queue keeps its name: pickers still list it for old tickets.
    expect((await call(admin, 'PATCH', `/api/v1/queues/${desk.json().id}`, { active: false })).statusCode).toBe(200);
    expectNameTaken(await call(admin, 'POST', '/api/v1/queues', { code: 'sd4', name: 'servisní pracoviště' }), 'servisní pracoviště');

    const network = (await call(admin, 'POST', '/api/v1/queues', { code: 'network', name: 'Síťová podpora' })).json();
    expectNameTaken(await call(admin, 'PATCH', `/api/v1/queues/${network.id}`, { name: 'Servisní Pracoviště' }), 'Servisní Pracoviště');
    // A queue may change the case of its own name.
    const recased = await call(admin, 'PATCH', `/api/v1/queues/${network.id}`, { name: 'SÍŤOVÁ podpora' });
    expect(recased.statusCode).toBe(200);
    expect(recased.json().name).toBe('SÍŤOVÁ podpora');
  });

  it('keeps category names unique per parent, ignoring case', async () => {
    const post = (name: string, parentId: number | null = null) => call(admin, 'POST', '/api/v1/categories', { name, parentId });
    const hardware = (await post('Hardware')).json();
    expectNameTaken(await post('hardware'), 'hardware');
    const printers = (await post('Tiskárny', hardware.id)).json();
    expectNameTaken(await post('TISKÁRNY', hardware.id), 'TISKÁRNY');
    // Another level may use the name.
    const software = (await post('Software')).json();
    const otherPrinters = await post('tiskárny', software.id);
    expect(otherPrinters.statusCode).toBe(201);
    // Moving it beside its twin is refused like creating it there.
    expectNameTaken(await call(admin, 'PATCH', `/api/v1/categories/${otherPrinters.json().id}`, { parentId: hardware.id }));
    expectNameTaken(await call(admin, 'PATCH', `/api/v1/categories/${software.id}`, { name: 'HARDWARE' }), 'HARDWARE');
    expect((await call(admin, 'PATCH', `/api/v1/categories/${printers.id}`, { name: 'tiskárny' })).statusCode).toBe(200);
  });

  it('keeps dimension value names unique per dimension, not only their codes', async () => {
    const site = (await call(admin, 'POST', '/api/v1/dimensions', { code: 'site', name: 'Středisko', values: [{ code: 'brno', name: 'Brno' }] })).json();
    expectNameTaken(await call(admin, 'POST', `/api/v1/dimensions/${site.id}/values`, { code: 'praha', name: 'brno' }), 'brno');
    const praha = (await call(admin, 'POST', `/api/v1/dimensions/${site.id}/values`, { code: 'praha', name: 'Praha' })).json();
    expectNameTaken(await call(admin, 'PATCH', `/api/v1/dimension-values/${praha.id}`, { name: 'BRNO' }), 'BRNO');
    expect((await call(admin, 'PATCH', `/api/v1/dimension-values/${praha.id}`, { name: 'PRAHA' })).statusCode).toBe(200);
    // Another dimension may have a value of the same name.
    const branch = await call(admin, 'POST', '/api/v1/dimensions', { code: 'branch', name: 'Pobočka', values: [{ code: 'brno', name: 'Brno' }] });
    expect(branch.statusCode).toBe(201);
    const twice = await call(admin, 'POST', '/api/v1/dimensions', { code: 'region', name: 'Kraj', values: [{ code: 'jm', name: 'Jihomoravský' }, { code: 'jm2', name: 'JIHOMORAVSKÝ' }] });
    expect(twice.statusCode).toBe(400);
    expect(details(twice)).toEqual(['values.1.name:duplicate']);
  });

  it('keeps team names unique across all teams, ignoring case and accents', async () => {
    const network = await call(admin, 'POST', '/api/v1/teams', { name: 'Síťaři' });
    expect(network.statusCode).toBe(201);
    expectNameTaken(await call(admin, 'POST', '/api/v1/teams', { name: 'SITARI' }), 'SITARI');
    // An inactive team keeps its name: pickers still list it for old tickets.
    expect((await call(admin, 'PATCH', `/api/v1/teams/${network.json().id}`, { active: false })).statusCode).toBe(200);
    expectNameTaken(await call(admin, 'POST', '/api/v1/teams', { name: '  síťaři ' }), 'síťaři');

    const printers = (await call(admin, 'POST', '/api/v1/teams', { name: 'Tiskaři' })).json();
    expectNameTaken(await call(admin, 'PATCH', `/api/v1/teams/${printers.id}`, { name: 'Sitari' }), 'Sitari');
    // A team may change the case of its own name.
    const recased = await call(admin, 'PATCH', `/api/v1/teams/${printers.id}`, { name: 'TISKAŘI' });
    expect(recased.statusCode).toBe(200);
    expect(recased.json().name).toBe('TISKAŘI');
  });

  it('keeps business calendar names unique, ignoring case and accents', async () => {
    const post = (name: string) => call(admin, 'POST', '/api/v1/calendars', { name, timeZone: 'Europe/Prague', weekly: { 1: [{ start: '22:00', end: '24:00' }] } });
    // A new installation has the calendar "CZ business hours".
    expectNameTaken(await post('cz Business HOURS'), 'cz Business HOURS');
    const night = await post('Noční směna');
    expect(night.statusCode).toBe(201);
    expectNameTaken(await post('NOCNI SMENA'), 'NOCNI SMENA');
    const { id, version } = night.json();
    expectNameTaken(await call(admin, 'PATCH', `/api/v1/calendars/${id}`, { version, name: 'CZ business  hours' }), 'CZ business  hours');
    const recased = await call(admin, 'PATCH', `/api/v1/calendars/${id}`, { version, name: 'NOČNÍ SMĚNA' });
    expect(recased.statusCode).toBe(200);
    expect(recased.json()).toMatchObject({ name: 'NOČNÍ SMĚNA', version: version + 1 }); // the refused rename changed nothing
  });

  it('keeps SLA policy names unique, ignoring case and accents', async () => {
    const calendarId = (await call(admin, 'GET', '/api/v1/calendars')).json().items[0].id;
    const target = { firstResponseMinutes: 60, resolutionMinutes: 480 };
    const post = (name: string) => call(admin, 'POST', '/api/v1/sla-policies', { name, calendarId, targets: { P1: target, P2: target, P3: target, P4: target } });
    // A new installation has the policy "Standard".
    expectNameTaken(await post('standard'), 'standard');
    const premium = await post('Prémiová');
    expect(premium.statusCode).toBe(201);
    const { id, version } = premium.json();
    expectNameTaken(await call(admin, 'PATCH', `/api/v1/sla-policies/${id}`, { version, name: 'STANDARD' }), 'STANDARD');
    const deactivated = await call(admin, 'PATCH', `/api/v1/sla-policies/${id}`, { version, active: false, name: 'PRÉMIOVÁ' });
    expect(deactivated.statusCode).toBe(200);
    expect(deactivated.json()).toMatchObject({ name: 'PRÉMIOVÁ', active: false });
    // An inactive policy keeps its name.
    expectNameTaken(await post('premiova'), 'premiova');
  });

  it('lists the public holidays of a country and year for whoever reads calendars', async () => {
    const cz = await call(technician, 'GET', '/api/v1/public-holidays?country=CZ&year=2027');
    expect(cz.statusCode).toBe(200);
    const czBody = cz.json() as unknown as { country: string; year: number; items: Array<{ date: string; code: string; name: string }> };
    expect(czBody).toMatchObject({ country: 'CZ', year: 2027 });
    expect(czBody.items).toContainEqual({ date: '2027-03-29', code: 'easter_monday', name: 'Easter Monday' });
    expect(czBody.items.map((h) => h.date)).toContain('2027-11-17');
    expect(czBody.items).toHaveLength(13);
    expect(czBody.items.map((h) => h.date)).toEqual([...czBody.items.map((h) => h.date)].sort());

    const sk = (await call(technician, 'GET', '/api/v1/public-holidays?country=SK&year=2027')).json() as unknown as typeof czBody;
    expect(sk.items.map((h) => h.date)).toContain('2027-03-29');
    // 17 November is no longer a day off in Slovakia from 2025; it still was in 2024.
    expect(sk.items.map((h) => h.date)).not.toContain('2027-11-17');
    const sk2024 = (await call(technician, 'GET', '/api/v1/public-holidays?country=SK&year=2024')).json() as unknown as typeof czBody;
    expect(sk2024.items.map((h) => h.code)).toContain('freedom_democracy');

    for (const query of ['country=AT&year=2027', 'country=CZ&year=abc', 'country=CZ&year=99999', 'country=CZ', 'year=2027']) {
      const bad = await call(technician, 'GET', `/api/v1/public-holidays?${query}`);
      expect(bad.statusCode, query).toBe(400);
    }
    expect(details(await call(technician, 'GET', '/api/v1/public-holidays?country=AT&year=2027'))).toEqual(['querystring.country:invalid_enum']);
  });

  it('documents the holidays endpoint in OpenAPI', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const get = spec.paths['/api/v1/public-holidays'].get;
    expect(get.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['country', 'year']);
    expect(JSON.stringify(get.responses['200'])).toContain('easter_monday');
  });

  it('documents in OpenAPI that a queue, team, calendar, SLA policy, category or dimension value name reading the same as another is a 409', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const nameOf = (route: string, method: 'post' | 'patch') => spec.paths[route][method].requestBody.content['application/json'].schema.properties.name;
    for (const path of ['/api/v1/queues', '/api/v1/teams', '/api/v1/calendars', '/api/v1/sla-policies', '/api/v1/categories']) {
      for (const [route, method] of [[path, 'post'], [`${path}/{id}`, 'patch']] as const) {
        expect(nameOf(route, method).description, `${method} ${route}`).toMatch(/letter case, accents.*409 duplicate/);
      }
    }
    expect(nameOf('/api/v1/categories', 'post').description).toContain('every other category under the same parent');
    for (const [route, method] of [['/api/v1/dimensions/{id}/values', 'post'], ['/api/v1/dimension-values/{id}', 'patch']] as const) {
      expect(nameOf(route, method).description, `${method} ${route}`).toMatch(/every other value of the dimension.*409 duplicate/);
    }
    // A dimension's own name may repeat, and values sent with a new dimension are checked among themselves (400).
    expect(nameOf('/api/v1/dimensions', 'post').description ?? '').not.toContain('409');
  });
});
