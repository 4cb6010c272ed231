import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../src/modules/identity/index.ts';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

// The ticket list's filters as the API takes them: values that match, and values refused with a 400 naming the parameter.
describe.each(testEngines())('ticket list filters on %s', (engine) => {
  let t: TestApp;
  let admin: Auth;
  let clientId: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    clientId = (await t.services.customers.create(systemContext, { name: 'Filtry s.r.o.', country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14 })).id;
    admin = (await t.userWith(['admin'])).auth;
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST', url: string, payload?: object) => t.request(admin, { method, url, ...(payload ? { payload } : {}) });
  const numbers = async (query: string) => {
    const res = await call('GET', `/api/v1/tickets?view=all&${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { subject: string }[]).map((i) => i.subject).sort();
  };

  it('matches a custom text field by a part of its text in any case, other kinds by their whole value; % and _ are plain characters', async () => {
    for (const field of [
      { key: 'asset', label: 'Asset', kind: 'text' },
      { key: 'seats', label: 'Seats', kind: 'number' },
      { key: 'sites', label: 'Sites', kind: 'multi_choice', options: ['Brno', 'Praha'] },
      { key: 'plan', label: 'Plan', kind: 'choice', options: ['Basic', 'Basic plus'] },
      { key: 'due', label: 'Due', kind: 'date' },
    ]) expect((await call('POST', '/api/v1/custom-fields', field)).statusCode).toBe(201);
    const ticket = async (subject: string, custom: object) => expect((await call('POST', '/api/v1/tickets', { clientId, subject, custom })).statusCode).toBe(201);
    await ticket('A', { asset: 'INV-1001', seats: 5, sites: ['Brno', 'Praha'], plan: 'Basic', due: '2026-03-31' });
    await ticket('B', { asset: 'INV_1001', seats: 50, sites: ['Praha'], plan: 'Basic plus' });
    await ticket('C', { asset: 'INV-10% Čerpadlo Šumava', seats: 2.5, due: '2026-03-03' });

    expect(await numbers('custom=asset:INV-1001')).toEqual(['A']);
    expect(await numbers('custom=asset:inv-100')).toEqual(['A']);
    expect(await numbers('custom=asset:1001')).toEqual(['A', 'B']);
    // Unescaped, _ and % would be LIKE wildcards (and match A and B, or all three).
    expect(await numbers('custom=asset:INV_1001')).toEqual(['B']);
    expect(await numbers(`custom=${encodeURIComponent('asset:INV-10%')}`)).toEqual(['C']);
    // Czech capitals fold as ASCII ones do, on both engines; diacritics are matched as typed.
    expect(await numbers(`custom=${encodeURIComponent('asset:čerpadlo šumava')}`)).toEqual(['C']);
    expect(await numbers(`custom=${encodeURIComponent('asset:ČERPADLO')}`)).toEqual(['C']);
    expect(await numbers('custom=asset:cerpadlo')).toEqual([]);
    expect(await numbers('custom=asset:INV-2')).toEqual([]);
    expect(await numbers('custom=seats:5')).toEqual(['A']);
    expect(await numbers('custom=seats:2.5')).toEqual(['C']);
    expect(await numbers('custom=sites:Praha')).toEqual(['A', 'B']);
    expect(await numbers('custom=sites:Brno')).toEqual(['A']);
    expect(await numbers('custom=sites:Br')).toEqual([]);
    expect(await numbers('custom=plan:Basic')).toEqual(['A']);
    expect(await numbers('custom=due:2026-03-31')).toEqual(['A']);
    expect(await numbers('custom=due:2026-03')).toEqual([]);
    // An unknown field is no error: it matches nothing (as an unknown dimension or type does).
    expect(await numbers('custom=nope:x')).toEqual([]);
    const count = await call('GET', '/api/v1/tickets/count?view=all&custom=nope:x');
    expect(count.statusCode, count.body).toBe(200);
    expect(count.json().count).toBe(0);
  });

  it('compares a key that names a text field of one type and a number field of another by the asked type\'s field', async () => {
    const types = (await call('GET', '/api/v1/ticket-types')).json().items as { id: number; code: string }[];
    const typeId = (code: string) => types.find((ty) => ty.code === code)!.id;
    for (const field of [
      { typeId: typeId('incident'), key: 'ref', label: 'Reference', kind: 'text' },
      { typeId: typeId('service_request'), key: 'ref', label: 'Reference', kind: 'number' },
    ]) expect((await call('POST', '/api/v1/custom-fields', field)).statusCode).toBe(201);
    const ticket = async (subject: string, typeCode: string, ref: string | number) =>
      expect((await call('POST', '/api/v1/tickets', { clientId, subject, typeCode, custom: { ref } })).statusCode).toBe(201);
    await ticket('Ref text', 'incident', 'Smlouva 12/2026');
    await ticket('Ref number', 'service_request', 12);
    await ticket('Ref number 120', 'service_request', 120);

    expect(await numbers('custom=ref:12&typeCode=incident')).toEqual(['Ref text']);
    expect(await numbers('custom=ref:12&typeCode=service_request')).toEqual(['Ref number']);
    // No type asked for: a part of a text, or the whole of a number.
    expect(await numbers('custom=ref:12')).toEqual(['Ref number', 'Ref text']);
    expect(await numbers('custom=ref:smlouva')).toEqual(['Ref text']);
  });

  it('filters by several dimensions at once: all dimensions must match, values of one dimension are alternatives', async () => {
    for (const dimension of [
      { code: 'service', name: 'Service', values: [{ code: 'printing', name: 'Printing' }, { code: 'email', name: 'E-mail' }, { code: 'network', name: 'Network' }] },
      { code: 'cost_centre', name: 'Cost centre', values: [{ code: 'brno', name: 'Brno' }, { code: 'praha', name: 'Praha' }] },
    ]) expect((await call('POST', '/api/v1/dimensions', dimension)).statusCode).toBe(201);
    const ticket = async (subject: string, dimensions: object) => expect((await call('POST', '/api/v1/tickets', { clientId, subject, dimensions })).statusCode).toBe(201);
    await ticket('Dim print Brno', { service: 'printing', cost_centre: 'brno' });
    await ticket('Dim print Praha', { service: 'printing', cost_centre: 'praha' });
    await ticket('Dim mail Brno', { service: 'email', cost_centre: 'brno' });
    await ticket('Dim print', { service: 'printing' });
    await ticket('Dim none', {});

    // One value, as before.
    expect(await numbers('dimension=service:printing')).toEqual(['Dim print', 'Dim print Brno', 'Dim print Praha']);
    // Two dimensions: both must match, comma-separated or the parameter repeated (order does not matter).
    expect(await numbers('dimension=service:printing,cost_centre:brno')).toEqual(['Dim print Brno']);
    expect(await numbers('dimension=cost_centre:brno&dimension=service:printing')).toEqual(['Dim print Brno']);
    // Values of one dimension are alternatives; a value named twice counts once.
    expect(await numbers('dimension=service:printing,service:email,cost_centre:brno')).toEqual(['Dim mail Brno', 'Dim print Brno']);
    expect(await numbers('dimension=service:printing,service:printing&dimension=cost_centre:praha')).toEqual(['Dim print Praha']);
    expect(await numbers('dimension=cost_centre:brno,cost_centre:praha')).toEqual(['Dim mail Brno', 'Dim print Brno', 'Dim print Praha']);
    // An unknown dimension or value matches nothing, as a single one always did (and takes the others with it).
    expect(await numbers('dimension=nope:x')).toEqual([]);
    expect(await numbers('dimension=service:printing,nope:x')).toEqual([]);
    expect(await numbers('dimension=service:fax,cost_centre:brno')).toEqual([]);
    // With the other plans of the list statement: full text, several state categories in SLA order.
    expect(await numbers('q=Brno&dimension=service:printing,cost_centre:brno')).toEqual(['Dim print Brno']);
    expect(await numbers('q=Dim&sort=newest&dimension=cost_centre:brno,service:email')).toEqual(['Dim mail Brno']);
    expect(await numbers('stateCategory=new,open&sort=sla&dimension=service:printing,cost_centre:praha')).toEqual(['Dim print Praha']);

    // Paging keeps the filters: one item a page, three pages.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await call('GET', `/api/v1/tickets?view=all&limit=1&dimension=service:printing,service:email,cost_centre:brno${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      seen.push(...res.json().items.map((i: { subject: string }) => i.subject));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(['Dim mail Brno', 'Dim print Brno']);
  });

  it('refuses a malformed dimension filter, or too many, with a 400 naming dimension', async () => {
    const many = Array.from({ length: 21 }, (_, i) => `service:v${i}`).join(',');
    for (const query of [
      'dimension=service', 'dimension=service:printing,', 'dimension=service:printing,cost_centre', 'dimension=,service:printing',
      'dimension=service:printing;cost_centre:brno', 'dimension=service:printing&dimension=brno', 'dimension=service:printing&dimension=',
      `dimension=${many}`, `${Array.from({ length: 21 }, (_, i) => `dimension=service:v${i}`).join('&')}`,
    ]) {
      const res = await call('GET', `/api/v1/tickets?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path), query).toContain('querystring.dimension');
    }
  });

  it('saves a view with several dimensions as the list reads them, and refuses a malformed one naming filters.dimension', async () => {
    const saved = await call('POST', '/api/v1/ticket-views', { name: 'Tisk v Brně', filters: { view: 'all', dimension: 'service:printing,cost_centre:brno' }, shared: false });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json().filters).toEqual({ view: 'all', dimension: 'service:printing,cost_centre:brno' });
    const bad = await call('POST', '/api/v1/ticket-views', { name: 'Špatně', filters: { dimension: 'service:printing,brno' }, shared: false });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toContain('filters.dimension');
  });

  it('filters by SLA status and refuses an unknown one with a 400 naming slaStatus', async () => {
    const statuses = (await call('GET', '/api/v1/tickets?view=all&slaStatus=running')).json().items.map((i: { sla: { status: string } }) => i.sla.status);
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['running']));
    expect(await numbers('slaStatus=breached')).toEqual([]);
    const bad = await call('GET', '/api/v1/tickets?slaStatus=late');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ path: 'querystring.slaStatus', code: 'invalid_enum' });
  });

  it('refuses malformed values of every other parameter with a 400 naming it, never a 500', async () => {
    for (const [query, path] of [
      ['queueId=abc', 'querystring.queueId'], ['teamId=0', 'querystring.teamId'], ['categoryId=1.5', 'querystring.categoryId'],
      ['clientId=99999999999999999999', 'querystring.clientId'], ['stateCategory=late', 'querystring.stateCategory'],
      ['priority=P5', 'querystring.priority'], ['dimension=service', 'querystring.dimension'], ['custom=asset', 'querystring.custom'],
      ['sort=random', 'querystring.sort'], ['limit=0', 'querystring.limit'], ['view=everything', 'querystring.view'], ['cursor=nonsense', 'cursor'],
    ] as const) {
      const res = await call('GET', `/api/v1/tickets?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path), query).toContain(path);
    }
  });
});
