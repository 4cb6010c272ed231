import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/modules/identity/index.ts';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

const validClient = {
  name: 'Strojírny Brno a.s.',
  companyId: '25596641',
  vatId: 'CZ25596641',
  country: 'CZ',
  registeredAddress: { street: 'Hybešova 12', city: 'Brno', postalCode: '602 00', country: 'CZ' },
  email: 'it@strojirny.cz',
  language: 'cs',
  currency: 'CZK',
  paymentTermsDays: 14,
};

describe.each(testEngines())('clients and contacts on %s', (engine) => {
  let t: TestApp;
  let operator: Auth;
  beforeAll(async () => {
    t = await createTestApp(engine);
    operator = (await t.userWith(['operator'])).auth;
  });
  afterAll(() => t.close());

  const post = (auth: Auth, payload: unknown) => t.request(auth, { method: 'POST', url: '/api/v1/clients', payload: payload as object });

  it('refuses an invalid IČO with a field error, accepts the fixed one, and audits the creation', async () => {
    const bad = await post(operator, { ...validClient, companyId: '25596642' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'validation_failed',
      details: [{ path: 'companyId', code: 'invalid_company_id' }],
    });
    const res = await post(operator, { ...validClient, companyId: '255 966 41', vatId: 'cz 25596641' });
    expect(res.statusCode).toBe(201);
    const client = res.json();
    expect(client).toMatchObject({ companyId: '25596641', vatId: 'CZ25596641', version: 1, active: true, billingAddress: null });
    const admin = await t.userWith(['admin']);
    const log = await t.request(admin.auth, { method: 'GET', url: `/api/v1/audit?entity=client&entityId=${client.id}` });
    expect(log.json().items).toHaveLength(1);
    expect(log.json().items[0]).toMatchObject({ action: 'create', after: { name: 'Strojírny Brno a.s.' }, before: null });

    const dup = await post(operator, { ...validClient, name: 'Copy' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details[0]).toMatchObject({ path: 'companyId', code: 'duplicate' });
  });

  it('applies defaults and names every bad field', async () => {
    const res = await post(operator, { name: 'Minimal' });
    expect(res.json()).toMatchObject({ country: 'CZ', currency: 'CZK', language: 'cs', paymentTermsDays: 14, companyId: null });
    const bad = await post(operator, {
      name: '',
      vatId: 'CZ1',
      currency: 'XXQ',
      paymentTermsDays: -1,
      email: 'nope',
      billingAddress: { street: 'x', city: 'y', postalCode: '1', country: 'QQ' },
      color: 'red',
    });
    expect(bad.statusCode).toBe(400);
    const codes = bad.json().error.details.map((d: { path: string; code: string }) => `${d.path}:${d.code}`);
    expect(codes).toEqual(expect.arrayContaining(['name:required', 'paymentTermsDays:too_small', 'email:invalid_email', 'color:unknown_field']));
    // Cross-field rules run once the shape is right.
    const bad2 = await post(operator, { name: 'X', vatId: 'CZ1', currency: 'XXQ', billingAddress: { street: 'x', city: 'y', postalCode: '1', country: 'QQ' } });
    expect(bad2.json().error.details.map((d: { path: string; code: string }) => `${d.path}:${d.code}`)).toEqual([
      'currency:invalid_currency',
      'vatId:invalid_vat_id',
      'billingAddress.country:invalid_country',
    ]);
    // A real ISO code Kontor does not bill in is refused too, by name.
    const yen = await post(operator, { name: 'Y', currency: 'jpy' });
    expect(yen.statusCode, yen.body).toBe(400);
    expect(yen.json().error.details.map((d: { path: string; code: string }) => `${d.path}:${d.code}`)).toEqual(['currency:unsupported_currency']);
  });

  it('edits with optimistic concurrency: a stale version is refused and nothing is overwritten', async () => {
    const created = (await post(operator, { name: 'Versioned s.r.o.' })).json();
    const patch = (payload: object) => t.request(operator, { method: 'PATCH', url: `/api/v1/clients/${created.id}`, payload });
    const first = await patch({ phone: '+420 111 222 333', version: 1 });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ phone: '+420 111 222 333', version: 2 });
    const stale = await patch({ phone: '+420 999', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
    const now = await t.request(operator, { method: 'GET', url: `/api/v1/clients/${created.id}` });
    expect(now.json().phone).toBe('+420 111 222 333');
    const deactivated = await patch({ active: false, version: 2 });
    expect(deactivated.json()).toMatchObject({ active: false, version: 3 });
    const listed = await t.request(operator, { method: 'GET', url: '/api/v1/clients?q=versioned' });
    expect(listed.json().items).toHaveLength(0);
    const all = await t.request(operator, { method: 'GET', url: '/api/v1/clients?q=versioned&active=all' });
    expect(all.json().items).toHaveLength(1);
  });

  it('searches without regard to case or diacritics and pages without gaps or repeats', async () => {
    const fresh = await createTestApp(engine);
    try {
      const op = (await fresh.userWith(['operator'])).auth;
      const names = Array.from({ length: 57 }, (_, i) => `Firma ${String(i).padStart(2, '0')} Český ${i % 3 === 0 ? 'Šťastný' : 'Obyčejný'}`);
      for (const name of names) expect((await fresh.request(op, { method: 'POST', url: '/api/v1/clients', payload: { name } })).statusCode).toBe(201);
      const found = await fresh.request(op, { method: 'GET', url: '/api/v1/clients?q=STASTNY&limit=100' });
      expect(found.json().items).toHaveLength(19);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await fresh.request(op, { method: 'GET', url: `/api/v1/clients?q=cesky&limit=10${cursor ? `&cursor=${cursor}` : ''}` });
        const body = res.json() as { items: { name: string }[]; nextCursor: string | null };
        seen.push(...body.items.map((c) => c.name));
        cursor = body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...names].sort());
      const badCursor = await fresh.request(op, { method: 'GET', url: '/api/v1/clients?cursor=garbage' });
      expect(badCursor.statusCode).toBe(400);
      expect(badCursor.json().error.details[0]).toMatchObject({ path: 'cursor', code: 'invalid_cursor' });
      const wildcard = await fresh.request(op, { method: 'GET', url: '/api/v1/clients?q=%25' });
      expect(wildcard.json().items).toHaveLength(0);
    } finally {
      await fresh.close();
    }
  });

  it('keeps client contacts inside their own organisation (404 outside, not 403)', async () => {
    const own = (await post(operator, { name: 'Own Org' })).json();
    const other = (await post(operator, { name: 'Other Org' })).json();
    const contact = await t.userWith(['client_contact'], { clientId: own.id });
    expect((await t.request(contact.auth, { method: 'GET', url: `/api/v1/clients/${own.id}` })).statusCode).toBe(200);
    const hidden = await t.request(contact.auth, { method: 'GET', url: `/api/v1/clients/${other.id}` });
    expect(hidden.statusCode).toBe(404);
    expect((await t.request(contact.auth, { method: 'GET', url: `/api/v1/clients/${other.id}/contacts` })).statusCode).toBe(404);
    const list = await t.request(contact.auth, { method: 'GET', url: '/api/v1/clients?active=all' });
    expect(list.json().items.map((c: { id: number }) => c.id)).toEqual([own.id]);
    expect((await post(contact.auth, { name: 'Sneaky' })).statusCode).toBe(403);
  });

  it("gives a client contact none of the provider's internal notes on the own organisation, from any read; staff keep reading them", async () => {
    const NOTE = 'Interní: platí pozdě, neposkytovat slevy.';
    const own = (await post(operator, { name: 'Noted Org', notes: NOTE })).json();
    expect(own.notes).toBe(NOTE);
    await t.request(operator, { method: 'POST', url: `/api/v1/clients/${own.id}/contacts`, payload: { name: 'Portal User', email: 'portal@noted.example', portalAccess: true } });
    const contact = await t.userWith(['client_contact'], { clientId: own.id });

    // Every read a client contact has of the organisation and its people.
    const reads = [`/api/v1/clients/${own.id}`, '/api/v1/clients?active=all', `/api/v1/clients?q=${encodeURIComponent('Noted')}`, `/api/v1/clients/${own.id}/contacts`, '/api/v1/auth/me'];
    for (const url of reads) {
      const res = await t.request(contact.auth, { method: 'GET', url });
      expect([url, res.statusCode]).toEqual([url, 200]);
      expect([url, res.body.includes(NOTE)]).toEqual([url, false]);
    }
    const one = (await t.request(contact.auth, { method: 'GET', url: `/api/v1/clients/${own.id}` })).json();
    expect(one).toMatchObject({ id: own.id, name: 'Noted Org' });
    expect(one).not.toHaveProperty('notes');
    const listed = (await t.request(contact.auth, { method: 'GET', url: '/api/v1/clients?active=all' })).json().items;
    expect(listed).toHaveLength(1);
    expect(listed[0]).not.toHaveProperty('notes');

    // Staff who read clients still get the notes, on the client and in the list; a client without notes says null.
    const readers: Role[][] = [['operator'], ['technician'], ['accountant'], ['manager'], ['admin'], ['client_contact', 'technician']];
    for (const roles of readers) {
      const staff = await t.userWith(roles, { clientId: roles.includes('client_contact') ? own.id : null });
      const read = (await t.request(staff.auth, { method: 'GET', url: `/api/v1/clients/${own.id}` })).json();
      expect([roles.join('+'), read.notes]).toEqual([roles.join('+'), NOTE]);
      const found = (await t.request(staff.auth, { method: 'GET', url: '/api/v1/clients?q=Noted' })).json().items;
      expect([roles.join('+'), found.map((c: { notes?: string }) => c.notes)]).toEqual([roles.join('+'), [NOTE]]);
    }
    const plain = (await post(operator, { name: 'Plain Org' })).json();
    expect(plain).toHaveProperty('notes', null);
  });

  it('manages contacts of a client', async () => {
    const client = (await post(operator, { name: 'With Contacts' })).json();
    const add = await t.request(operator, {
      method: 'POST',
      url: `/api/v1/clients/${client.id}/contacts`,
      payload: { name: 'Jana Nováková', email: 'jana@example.cz', portalAccess: true },
    });
    expect(add.statusCode).toBe(201);
    const contact = add.json();
    expect(contact).toMatchObject({ clientId: client.id, language: 'cs', portalAccess: true, version: 1 });
    const edit = await t.request(operator, { method: 'PATCH', url: `/api/v1/contacts/${contact.id}`, payload: { phone: '+420 1', version: 1 } });
    expect(edit.json()).toMatchObject({ phone: '+420 1', version: 2 });
    const stale = await t.request(operator, { method: 'PATCH', url: `/api/v1/contacts/${contact.id}`, payload: { phone: '+420 2', version: 1 } });
    expect(stale.statusCode).toBe(409);
    const list = await t.request(operator, { method: 'GET', url: `/api/v1/clients/${client.id}/contacts` });
    expect(list.json().items).toHaveLength(1);
    const missing = await t.request(operator, { method: 'POST', url: '/api/v1/clients/999999/contacts', payload: { name: 'X' } });
    expect(missing.statusCode).toBe(404);
  });

  it('refuses portal access for a contact without an e-mail address, on create and on edit', async () => {
    const client = (await post(operator, { name: 'Portal Contacts' })).json();
    const url = `/api/v1/clients/${client.id}/contacts`;
    const bad = await t.request(operator, { method: 'POST', url, payload: { name: 'Bez e-mailu', portalAccess: true } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([expect.objectContaining({ path: 'email', code: 'required' })]);
    const contact = (await t.request(operator, { method: 'POST', url, payload: { name: 'S e-mailem', email: 'a@example.cz', portalAccess: true } })).json();
    const dropEmail = await t.request(operator, { method: 'PATCH', url: `/api/v1/contacts/${contact.id}`, payload: { email: null, version: 1 } });
    expect(dropEmail.statusCode).toBe(400);
    const withoutPortal = await t.request(operator, { method: 'PATCH', url: `/api/v1/contacts/${contact.id}`, payload: { email: null, portalAccess: false, version: 1 } });
    expect(withoutPortal.json()).toMatchObject({ email: null, portalAccess: false, version: 2 });
  });

  it('keeps a Slovak client\'s DIČ beside its IČ DPH: saved, read, listed, searched, edited with its version, audited; a bad one is a 400 on taxId', async () => {
    const slovak = { name: 'Ďatelinka s.r.o.', companyId: '35697270', vatId: 'SK2020317068', country: 'SK', language: 'sk', currency: 'EUR' };
    const bad = await post(operator, { ...slovak, taxId: 'SK2020317068' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'validation_failed', details: [{ path: 'taxId', code: 'invalid_tax_id' }] });
    expect(bad.json().error.details[0].message).toContain('10 digits');
    const res = await post(operator, { ...slovak, taxId: '2020 317 068' });
    expect(res.statusCode, res.body).toBe(201);
    const client = res.json();
    expect(client).toMatchObject({ taxId: '2020317068', vatId: 'SK2020317068', version: 1 });
    expect((await t.request(operator, { method: 'GET', url: `/api/v1/clients/${client.id}` })).json().taxId).toBe('2020317068');
    const found = (await t.request(operator, { method: 'GET', url: '/api/v1/clients?q=2020317068' })).json().items;
    expect(found.map((c: { id: number; taxId: string }) => [c.id, c.taxId])).toEqual([[client.id, '2020317068']]);

    const patch = (payload: object) => t.request(operator, { method: 'PATCH', url: `/api/v1/clients/${client.id}`, payload });
    const badEdit = await patch({ taxId: '202031706', version: 1 });
    expect(badEdit.statusCode).toBe(400);
    expect(badEdit.json().error.details).toMatchObject([{ path: 'taxId', code: 'invalid_tax_id' }]);
    // A non-payer: the DIČ stays, the IČ DPH goes.
    const edited = await patch({ vatId: null, taxId: '2020317079', version: 1 });
    expect(edited.json()).toMatchObject({ vatId: null, taxId: '2020317079', version: 2 });
    expect((await patch({ taxId: '2020317068', version: 1 })).statusCode).toBe(409);
    const admin = await t.userWith(['admin']);
    const log = (await t.request(admin.auth, { method: 'GET', url: `/api/v1/audit?entity=client&entityId=${client.id}` })).json().items;
    const update = log.find((e: { action: string }) => e.action === 'update');
    expect(update).toMatchObject({ before: { taxId: '2020317068', vatId: 'SK2020317068' }, after: { taxId: '2020317079', vatId: null } });
    expect((await patch({ taxId: '', version: 2 })).json()).toMatchObject({ taxId: null, version: 3 });
  });

  it('accepts a tax id for a client outside Slovakia as typed, checking only that it is printable; Slovak rules apply when the country is SK', async () => {
    const czech = await post(operator, { name: 'Česká firma s daňovým číslem', country: 'CZ', taxId: '2020317068' });
    expect(czech.statusCode, czech.body).toBe(201);
    expect(czech.json()).toMatchObject({ country: 'CZ', taxId: '2020317068', vatId: null });
    const german = await post(operator, { name: 'Deutsche GmbH', country: 'DE', currency: 'EUR', taxId: '21/815/08150' });
    expect(german.json()).toMatchObject({ taxId: '21/815/08150' });
    const garbage = await post(operator, { name: 'Bad tax id', country: 'DE', currency: 'EUR', taxId: '<script>' });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error.details).toMatchObject([{ path: 'taxId', code: 'invalid_format' }]);
    // Moving a client to Slovakia checks its tax id as a Slovak DIČ.
    const move = await t.request(operator, { method: 'PATCH', url: `/api/v1/clients/${german.json().id}`, payload: { country: 'SK', version: 1 } });
    expect(move.statusCode).toBe(400);
    expect(move.json().error.details).toMatchObject([{ path: 'taxId', code: 'invalid_tax_id' }]);
    const tooLong = await post(operator, { name: 'Too long', taxId: '1'.repeat(21) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.details[0].path).toBe('taxId');
  });

  it('answers bad requests with 4xx and a reason, never 500 or internals', async () => {
    const cases: { req: Parameters<TestApp['request']>[1]; status: number; code: string }[] = [
      { req: { method: 'POST', url: '/api/v1/clients', payload: '{"name": ', headers: { 'content-type': 'application/json' } }, status: 400, code: 'malformed_json' },
      { req: { method: 'POST', url: '/api/v1/clients', payload: { name: 'x'.repeat(2_000_000) } }, status: 413, code: 'body_too_large' },
      { req: { method: 'POST', url: '/api/v1/clients', payload: { name: 42 } }, status: 400, code: 'validation_failed' },
      { req: { method: 'POST', url: '/api/v1/clients', payload: [1, 2] }, status: 400, code: 'validation_failed' },
      { req: { method: 'GET', url: '/api/v1/clients/abc' }, status: 400, code: 'validation_failed' },
      { req: { method: 'GET', url: '/api/v1/clients/-1' }, status: 400, code: 'validation_failed' },
      { req: { method: 'GET', url: '/api/v1/clients/99999999999999999999' }, status: 400, code: 'validation_failed' },
      { req: { method: 'GET', url: '/api/v1/clients/424242' }, status: 404, code: 'not_found' },
      { req: { method: 'GET', url: '/api/v1/clients?limit=100000' }, status: 400, code: 'validation_failed' },
      { req: { method: 'GET', url: '/api/v1/nothing-here' }, status: 404, code: 'not_found' },
      { req: { method: 'PATCH', url: '/api/v1/clients/1', payload: { name: 'No version' } }, status: 400, code: 'validation_failed' },
    ];
    for (const c of cases) {
      const res = await t.request(operator, c.req);
      expect([c.req.url, res.statusCode]).toEqual([c.req.url, c.status]);
      expect(res.json().error.code).toBe(c.code);
      expect(res.body).not.toMatch(/at .*\.ts:|SELECT|INSERT|sqlite|stack/i);
    }
    const noAuth = await t.app.inject({ method: 'GET', url: '/api/v1/clients' });
    expect(noAuth.statusCode).toBe(401);
    const idParam = await t.request(operator, { method: 'GET', url: '/api/v1/clients/abc' });
    expect(idParam.json().error.details[0].path).toBe('params.id');
  });
});
