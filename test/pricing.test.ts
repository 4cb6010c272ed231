import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../src/modules/identity/index.ts';
import { priceRecord, renderExplanation, seedDefaultPricing, type PricedRecord, type PriceRecordInput } from '../src/modules/pricing/index.ts';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

type Detail = { path: string; code: string };
const details = (res: { json(): { error: { details?: Detail[] } } }) => (res.json().error.details ?? []).map((d) => `${d.path}:${d.code}`);

/** The terms of "Standard 2026" (BILLING.md §5) for the catalogue ids given. */
const standardTerms = (ids: { remote: number; onSite: number; development: number; callOut: number; ssd: number }) => ({
  workRates: [
    { workTypeId: ids.remote, hourlyRateMinor: 800_00 },
    { workTypeId: ids.onSite, hourlyRateMinor: 1_000_00 },
    { workTypeId: ids.development, hourlyRateMinor: 1_200_00 },
  ],
  surchargePct: { normal: 0, out_of_hours: 50, weekend_holiday: 100 },
  incrementMinutes: 15,
  minimumMinutes: [{ workTypeId: ids.onSite, minutes: 60 }],
  pricePerKmMinor: 12_00,
  unitFeePrices: [{ feeId: ids.callOut, priceMinor: 300_00 }],
  itemPrices: [{ itemId: ids.ssd, priceMinor: 1_890_00 }],
});

describe.each(testEngines())('pricing on %s', (engine) => {
  let t: TestApp;
  let admin: Auth;
  let operator: Auth;
  let technician: { id: number; auth: Auth };
  let ids: { remote: number; onSite: number; development: number; callOut: number; senior: number; zone: number; ssd: number };
  let standard: { id: number; versionId: number };
  let clientId: number;
  const call = (auth: Auth, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.request(auth, { method, url, ...(payload ? { payload } : {}) });
  const post = async (url: string, payload: object) => {
    const res = await call(admin, 'POST', url, payload);
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = (await t.userWith(['admin'])).auth;
    operator = (await t.userWith(['operator'])).auth;
    technician = await t.userWith(['technician']);
    const workType = (code: string, name: string) => post('/api/v1/work-types', { code, name });
    ids = {
      remote: (await workType('remote_support', 'Remote support')).id,
      onSite: (await workType('on_site', 'On-site')).id,
      development: (await workType('development', 'Development')).id,
      callOut: (await post('/api/v1/unit-fees', { code: 'call_out', name: 'Call-out fee', unit: 'visit' })).id,
      senior: (await post('/api/v1/technician-levels', { code: 'senior', name: 'Senior' })).id,
      zone: (await post('/api/v1/travel-zones', { code: 'brno', name: 'Brno city' })).id,
      ssd: (await post('/api/v1/items', { code: 'SSD-1TB', name: 'SSD 1 TB', unit: 'pcs' })).id,
    };
    const list = await post('/api/v1/price-lists', { name: 'Standard 2026', currency: 'CZK' });
    const version = await post(`/api/v1/price-lists/${list.id}/versions`, { validFrom: '2026-01-01', terms: standardTerms(ids) });
    standard = { id: list.id, versionId: version.id };
    await post('/api/v1/cost-rates', { kind: 'hourly', userId: technician.id, amountMinor: 450_00, validFrom: '2026-01-01' });
    await post('/api/v1/cost-rates', { kind: 'per_km', amountMinor: 5_00, validFrom: '2026-01-01' });
    clientId = (await t.services.customers.create(systemContext, { name: 'Pricing Client', country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14 })).id;
  });
  afterAll(() => t.close());

  it('seeds the CZ and SK VAT rates and the provider country once; a rate change is a new row', async () => {
    const rates = (await call(operator, 'GET', '/api/v1/vat-rates')).json().items;
    expect(rates.map((r: { country: string; category: string; rateBp: number }) => `${r.country}:${r.category}:${r.rateBp}`)).toEqual([
      'CZ:reduced:1200', 'CZ:standard:2100', 'CZ:zero:0', 'SK:reduced:1900', 'SK:second_reduced:500', 'SK:standard:2300', 'SK:zero:0',
    ]);
    expect(await seedDefaultPricing(t.database.db, t.clock.now())).toEqual({ created: [] });
    expect(await t.database.db.selectFrom('audit_log').select('id').where('entity', '=', 'pricing_config').where('action', '=', 'seed').execute()).toHaveLength(1);
    expect((await call(admin, 'GET', '/api/v1/pricing-settings')).json()).toEqual({ providerCountry: 'CZ' });
    const next = await call(admin, 'POST', '/api/v1/vat-rates', { country: 'cz', category: 'reduced', rateBp: 1000, validFrom: '2027-01-01' });
    expect(next.statusCode).toBe(201);
    expect(next.json()).toMatchObject({ country: 'CZ', category: 'reduced', rateBp: 1000, validTo: null });
    expect(details(await call(admin, 'POST', '/api/v1/vat-rates', { country: 'CZ', category: 'reduced', rateBp: 1000, validFrom: '2027-01-01' }))).toEqual(['validFrom:duplicate']);
    // Before the latest rate of its country and category (between two, or before all): it would rewrite history.
    for (const validFrom of ['2026-06-01', '2023-01-01']) {
      const early = await call(admin, 'POST', '/api/v1/vat-rates', { country: 'CZ', category: 'reduced', rateBp: 1500, validFrom });
      expect(early.statusCode, validFrom).toBe(409);
      expect(early.json().error.code).toBe('before_latest_rate');
      expect(details(early), validFrom).toEqual(['validFrom:before_latest_rate']);
    }
    // Other countries and categories have their own latest rate.
    expect((await call(admin, 'POST', '/api/v1/vat-rates', { country: 'SK', category: 'zero', rateBp: 0, validFrom: '2026-06-01' })).statusCode).toBe(201);
    expect(details(await call(admin, 'POST', '/api/v1/vat-rates', { country: 'SK', category: 'standard', rateBp: 2300, validFrom: '2027-01-01', validTo: '2026-12-31' }))).toEqual(['validTo:before_valid_from']);
    const bad = await call(admin, 'POST', '/api/v1/vat-rates', { country: 'CZE', category: 'luxury', rateBp: 12_000, validFrom: '2027-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(details(bad)).toEqual(['country:invalid_format', 'category:invalid_enum', 'rateBp:too_big', 'validFrom:invalid_date']);
    expect((await call(technician.auth, 'GET', '/api/v1/vat-rates')).statusCode).toBe(403);
    expect((await call(operator, 'POST', '/api/v1/vat-rates', { country: 'CZ', category: 'zero', rateBp: 0, validFrom: '2030-01-01' })).statusCode).toBe(403);
  });

  it('keeps the catalogue: unique codes, field paths, technicians read names but not prices', async () => {
    const dup = await call(admin, 'POST', '/api/v1/work-types', { code: 'on_site', name: 'Again' });
    expect(dup.statusCode).toBe(409);
    expect(details(dup)).toEqual(['code:duplicate']);
    const bad = await call(admin, 'POST', '/api/v1/work-types', { code: 'Bad', name: '', vatCategory: 'none', minimumMinutes: -5, colour: 1 });
    expect(details(bad)).toEqual(expect.arrayContaining(['code:invalid_format', 'name:required', 'vatCategory:invalid_enum', 'minimumMinutes:too_small', 'colour:unknown_field']));
    const patched = await call(admin, 'PATCH', `/api/v1/work-types/${ids.development}`, { billableDefault: false, vatCategory: 'reduced' });
    expect(patched.json()).toMatchObject({ code: 'development', billableDefault: false, vatCategory: 'reduced' });
    await call(admin, 'PATCH', `/api/v1/work-types/${ids.development}`, { billableDefault: true, vatCategory: 'standard' });
    expect((await call(admin, 'PATCH', '/api/v1/unit-fees/987654', { name: 'X' })).statusCode).toBe(404);
    expect((await call(admin, 'PATCH', `/api/v1/travel-zones/${ids.zone}`, { code: 'brno' })).statusCode).toBe(200);
    expect((await call(admin, 'POST', '/api/v1/technician-levels', { code: 'senior', name: 'S' })).statusCode).toBe(409);
    const names = (await call(technician.auth, 'GET', '/api/v1/work-types?active=true')).json().items.map((w: { code: string }) => w.code);
    expect(names).toEqual(['development', 'on_site', 'remote_support']);
    expect((await call(technician.auth, 'GET', '/api/v1/unit-fees')).statusCode).toBe(200);
    for (const url of ['/api/v1/price-lists', `/api/v1/price-lists/${standard.id}`, '/api/v1/technician-settings', '/api/v1/cost-rates']) {
      expect([url, (await call(technician.auth, 'GET', url)).statusCode]).toEqual([url, 403]);
    }
    expect((await call(technician.auth, 'POST', '/api/v1/price-preview', { date: '2026-10-05', workTypeId: ids.remote })).statusCode).toBe(403);
    const audit = await call(admin, 'GET', `/api/v1/audit?entity=work_type&entityId=${ids.development}`);
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['update', 'update', 'create']);
  });

  it("keeps a work type's names per language: trimmed, empty clears, left out kept, audited; too long is a 400 naming the field", async () => {
    // Inactive, so the lists of active work types above and below stay as they are.
    const created = await call(admin, 'POST', '/api/v1/work-types', { code: 'consulting', name: 'Konzultace', nameSk: '  Konzultácia ', nameEn: '', active: false });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Konzultace', nameCs: null, nameSk: 'Konzultácia', nameEn: null });
    const id = created.json().id as number;
    const patched = await call(admin, 'PATCH', `/api/v1/work-types/${id}`, { nameEn: 'Consulting' });
    expect(patched.json()).toMatchObject({ name: 'Konzultace', nameSk: 'Konzultácia', nameEn: 'Consulting' });
    const cleared = await call(admin, 'PATCH', `/api/v1/work-types/${id}`, { nameSk: null, nameCs: '   ' });
    expect(cleared.json()).toMatchObject({ nameCs: null, nameSk: null, nameEn: 'Consulting' });
    const read = (await call(operator, 'GET', '/api/v1/work-types?active=false')).json().items.find((w: { id: number }) => w.id === id);
    expect(read).toMatchObject({ name: 'Konzultace', nameCs: null, nameSk: null, nameEn: 'Consulting' });

    const tooLong = await call(admin, 'PATCH', `/api/v1/work-types/${id}`, { nameSk: 'x'.repeat(201) });
    expect(tooLong.statusCode).toBe(400);
    expect(details(tooLong)).toEqual(['nameSk:too_long']);
    // The detail carries the limit it broke, for the form to say "at most 200 characters" in the user's language.
    expect(tooLong.json().error.details[0]).toEqual({ path: 'nameSk', code: 'too_long', message: 'Too big: expected string to have <=200 characters', maximum: 200 });
    const tooLongNew = await call(admin, 'POST', '/api/v1/work-types', { code: 'long_names', name: 'Dlouhé', nameEn: 'y'.repeat(201), nameCs: 5 });
    expect(tooLongNew.statusCode).toBe(400);
    expect(details(tooLongNew).sort()).toEqual(['nameCs:invalid_type', 'nameEn:too_long']);
    expect((await call(admin, 'GET', '/api/v1/work-types')).json().items.some((w: { code: string }) => w.code === 'long_names')).toBe(false);

    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'before_json', 'after_json']).where('entity', '=', 'work_type').where('entity_id', '=', String(id)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update']);
    expect(JSON.parse(audit[2]!.before_json!)).toMatchObject({ nameSk: 'Konzultácia', nameEn: 'Consulting' });
    expect(JSON.parse(audit[2]!.after_json!)).toMatchObject({ nameSk: null, nameEn: 'Consulting' });
  });

  it('sets technician levels and cost rates; costs only for roles that see them', async () => {
    const unknown = await call(admin, 'PUT', `/api/v1/users/${technician.id}/technician-settings`, { levelId: 987654, autoApprove: true });
    expect(details(unknown)).toEqual(['levelId:unknown_reference']);
    expect((await call(admin, 'PUT', '/api/v1/users/987654/technician-settings', { levelId: null, autoApprove: false })).statusCode).toBe(404);
    const set = await call(admin, 'PUT', `/api/v1/users/${technician.id}/technician-settings`, { levelId: null, autoApprove: true });
    expect(set.json()).toMatchObject({ userId: technician.id, levelId: null, autoApprove: true });
    const listed = (await call(operator, 'GET', '/api/v1/technician-settings')).json().items;
    expect(listed.find((s: { userId: number }) => s.userId === technician.id)).toMatchObject({ autoApprove: true });
    const rates = (await call(admin, 'GET', `/api/v1/cost-rates?userId=${technician.id}`)).json().items;
    expect(rates).toMatchObject([{ kind: 'hourly', amountMinor: 450_00, currency: 'CZK', validFrom: '2026-01-01' }]);
    expect((await call(operator, 'GET', '/api/v1/cost-rates')).statusCode).toBe(403);
    const accountant = await t.userWith(['accountant']);
    expect((await call(accountant.auth, 'GET', '/api/v1/cost-rates?kind=per_km')).json().items).toMatchObject([{ kind: 'per_km', userId: null, amountMinor: 5_00 }]);
    const again = await call(admin, 'POST', '/api/v1/cost-rates', { kind: 'per_km', amountMinor: 6_00, validFrom: '2026-01-01' });
    expect(details(again)).toEqual(['validFrom:duplicate']);
    expect(details(await call(admin, 'POST', '/api/v1/cost-rates', { kind: 'hourly', userId: 987654, amountMinor: 1, validFrom: '2026-01-01' }))).toEqual(['userId:unknown_reference']);
    const mistake = await post('/api/v1/cost-rates', { kind: 'per_km', amountMinor: 50_00, validFrom: '2027-01-01' });
    expect((await call(admin, 'DELETE', `/api/v1/cost-rates/${mistake.id}`)).statusCode).toBe(204);
  });

  it('keeps one default list, checks terms with field paths, and guards versions', async () => {
    const lists = (await call(operator, 'GET', '/api/v1/price-lists')).json().items;
    expect(lists).toMatchObject([{ name: 'Standard 2026', currency: 'CZK', isDefault: true, versions: [{ validFrom: '2026-01-01' }] }]);
    const eur = await post('/api/v1/price-lists', { name: 'Slovakia', currency: 'eur' });
    expect(eur).toMatchObject({ currency: 'EUR', isDefault: false, version: 1 });
    expect(details(await call(admin, 'POST', '/api/v1/price-lists', { name: 'Slovakia', currency: 'EUR' }))).toEqual(['name:duplicate']);
    // Only a currency Kontor supports, on a new list, a changed one and a cost rate alike.
    expect(details(await call(admin, 'POST', '/api/v1/price-lists', { name: 'Made up', currency: 'XYZ' }))).toEqual(['currency:unsupported_currency']);
    expect(details(await call(admin, 'PATCH', `/api/v1/price-lists/${eur.id}`, { currency: 'KORUNY', version: eur.version }))).toEqual(['currency:unsupported_currency']);
    expect(details(await call(admin, 'POST', '/api/v1/cost-rates', { kind: 'per_km', amountMinor: 1, currency: 'JPY', validFrom: '2030-01-01' }))).toEqual(['currency:unsupported_currency']);
    const unset = await call(admin, 'PATCH', `/api/v1/price-lists/${standard.id}`, { isDefault: false, version: lists[0].version });
    expect(unset.json().error.code).toBe('default_required');
    expect((await call(admin, 'PATCH', `/api/v1/price-lists/${eur.id}`, { name: 'SK', version: 99 })).json().error.code).toBe('stale_version');

    const bad = await call(admin, 'POST', `/api/v1/price-lists/${eur.id}/versions`, {
      validFrom: '2026-01-01',
      terms: {
        workRates: [{ workTypeId: ids.remote, hourlyRateMinor: 40_00 }, { workTypeId: ids.remote, hourlyRateMinor: 50_00 }, { workTypeId: 987654, technicianLevel: 987655, hourlyRateMinor: 1 }],
        businessHours: { weekdays: [1, 2], start: '17:00', end: '08:00' },
        zoneFees: [{ zoneId: 987654, feeMinor: 1 }],
        unitFeePrices: [{ feeId: ids.callOut, priceMinor: -1 }],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(details(bad)).toEqual(['terms.unitFeePrices.0.priceMinor:too_small']);
    const refs = await call(admin, 'POST', `/api/v1/price-lists/${eur.id}/versions`, {
      validFrom: '2026-01-01',
      terms: {
        workRates: [{ workTypeId: ids.remote, hourlyRateMinor: 40_00 }, { workTypeId: ids.remote, hourlyRateMinor: 50_00 }, { workTypeId: 987654, technicianLevel: 987655, hourlyRateMinor: 1 }],
        businessHours: { weekdays: [1, 2], start: '17:00', end: '08:00' },
        zoneFees: [{ zoneId: 987654, feeMinor: 1 }],
      },
    });
    expect(details(refs)).toEqual([
      'terms.workRates.1:duplicate', 'terms.businessHours.end:invalid_hours', 'terms.workRates.2.workTypeId:unknown_reference',
      'terms.workRates.2.technicianLevel:unknown_reference', 'terms.zoneFees.0.zoneId:unknown_reference',
    ]);
    const v1 = await post(`/api/v1/price-lists/${eur.id}/versions`, { validFrom: '2026-01-01', terms: { workRates: [{ workTypeId: ids.remote, hourlyRateMinor: 40_00 }] } });
    expect(v1.terms).toMatchObject({ incrementMinutes: 15, businessHours: { weekdays: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' }, pricePerKmMinor: null });
    expect(details(await call(admin, 'POST', `/api/v1/price-lists/${eur.id}/versions`, { validFrom: '2026-01-01', terms: {} }))).toEqual(['validFrom:duplicate']);

    const copy = await call(admin, 'POST', `/api/v1/price-list-versions/${v1.id}/copy`, { validFrom: '2026-07-01' });
    expect(copy.statusCode).toBe(201);
    expect(copy.json()).toMatchObject({ priceListId: eur.id, validFrom: '2026-07-01', terms: v1.terms });
    expect(details(await call(admin, 'POST', `/api/v1/price-list-versions/${v1.id}/copy`, { validFrom: '2026-07-01' }))).toEqual(['validFrom:duplicate']);
    const stale = await call(admin, 'PATCH', `/api/v1/price-list-versions/${copy.json().id}`, { terms: { workRates: [] }, listVersion: v1.listVersion });
    expect(stale.json().error.code).toBe('stale_version');
    const changed = await call(admin, 'PATCH', `/api/v1/price-list-versions/${copy.json().id}`, {
      terms: { workRates: [{ workTypeId: ids.remote, hourlyRateMinor: 45_00 }] },
      listVersion: copy.json().listVersion,
    });
    expect(changed.json().terms.workRates).toEqual([{ workTypeId: ids.remote, technicianLevel: null, hourlyRateMinor: 45_00 }]);
    const detail = (await call(operator, 'GET', `/api/v1/price-lists/${eur.id}`)).json();
    expect(detail.versions.map((v: { validFrom: string }) => v.validFrom)).toEqual(['2026-01-01', '2026-07-01']);
    expect(detail.version).toBe(changed.json().listVersion);
    const currency = await call(admin, 'PATCH', `/api/v1/price-lists/${eur.id}`, { currency: 'CZK', version: detail.version });
    expect(currency.json().error.code).toBe('currency_locked');
    const scratch = await post(`/api/v1/price-list-versions/${v1.id}/copy`, { validFrom: '2027-01-01' });
    expect((await call(admin, 'DELETE', `/api/v1/price-list-versions/${scratch.id}`)).statusCode).toBe(204);
  });

  it('refuses a price for a warehouse item that does not exist, naming it, and stores nothing; a deactivated item keeps its price', async () => {
    const list = await post('/api/v1/price-lists', { name: 'Material', currency: 'CZK' });
    const unknownItems = { itemPrices: [{ itemId: ids.ssd, priceMinor: 100_00 }, { itemId: 987654, priceMinor: 1 }, { itemId: Number.MAX_SAFE_INTEGER, priceMinor: 1 }] };
    const created = await call(admin, 'POST', `/api/v1/price-lists/${list.id}/versions`, { validFrom: '2026-01-01', terms: unknownItems });
    expect(created.statusCode, created.body).toBe(400);
    expect(details(created)).toEqual(['terms.itemPrices.1.itemId:unknown_reference', 'terms.itemPrices.2.itemId:unknown_reference']);
    expect(created.json().error.details[0].message).toBe('The warehouse item with id 987654 does not exist');
    expect((await call(operator, 'GET', `/api/v1/price-lists/${list.id}`)).json().versions).toEqual([]);

    const version = await post(`/api/v1/price-lists/${list.id}/versions`, { validFrom: '2026-01-01', terms: { itemPrices: [{ itemId: ids.ssd, priceMinor: 100_00 }] } });
    const patched = await call(admin, 'PATCH', `/api/v1/price-list-versions/${version.id}`, { terms: unknownItems, listVersion: version.listVersion });
    expect(patched.statusCode, patched.body).toBe(400);
    expect(details(patched)).toEqual(['terms.itemPrices.1.itemId:unknown_reference', 'terms.itemPrices.2.itemId:unknown_reference']);
    expect((await call(operator, 'GET', `/api/v1/price-lists/${list.id}`)).json().versions[0].terms.itemPrices).toEqual([{ itemId: ids.ssd, priceMinor: 100_00 }]);

    // Deactivated (no longer sold): the versions that price it stay editable.
    const old = await post('/api/v1/items', { code: 'HDD-500', name: 'HDD 500 GB', unit: 'pcs', active: false });
    const withOld = await call(admin, 'PATCH', `/api/v1/price-list-versions/${version.id}`, {
      terms: { itemPrices: [{ itemId: ids.ssd, priceMinor: 100_00 }, { itemId: old.id, priceMinor: 50_00 }] }, listVersion: version.listVersion,
    });
    expect(withOld.statusCode, withOld.body).toBe(200);
    expect(withOld.json().terms.itemPrices).toEqual([{ itemId: ids.ssd, priceMinor: 100_00 }, { itemId: old.id, priceMinor: 50_00 }]);
  });

  const record = (over: Partial<PriceRecordInput>): PriceRecordInput => ({
    kind: 'work', clientId, date: '2026-10-05', startTime: '09:00', minutes: 50, workTypeId: ids.remote, technicianId: technician.id, billable: true, ...over,
  });
  const price = async (over: Partial<PriceRecordInput>) => priceRecord(t.database.db, record(over));
  // No-break spaces keep units with their numbers; compared here as plain spaces.
  const words = (r: PricedRecord) => renderExplanation(r.explanation, 'en').map((l) => l.replace(/\u00a0/g, ' '));

  it('prices BILLING.md example A record by record, with costs', async () => {
    const results = [
      await price({}),
      await price({ date: '2026-10-12', startTime: '18:30', minutes: 100, workTypeId: ids.onSite }),
      await price({ kind: 'travel', date: '2026-10-12', startTime: null, minutes: 0, workTypeId: null, kmMilli: 36_000 }),
      await price({ kind: 'fee', date: '2026-10-12', startTime: null, minutes: 0, workTypeId: null, feeId: ids.callOut, quantityMilli: 1000 }),
      await price({ date: '2026-10-28', startTime: '10:00', minutes: 45, workTypeId: ids.onSite }),
    ];
    expect(results.map((r) => (r.ok ? [r.amountMinor, r.costMinor, r.timeClass ?? null, r.billableMinutes ?? null] : r.reason))).toEqual([
      [800_00, 375_00, 'normal', 60],
      [2_625_00, 750_00, 'out_of_hours', 105],
      [432_00, 180_00, null, null],
      [300_00, 0, null, null],
      [2_000_00, 337_50, 'weekend_holiday', 60],
    ]);
    for (const r of results) expect(r).toMatchObject({ ok: true, priceListId: standard.id, source: 'default', validFrom: '2026-01-01', currency: 'CZK', vatCategory: 'standard' });
    // Stored as data, put into words when read: the English words of the explanation.
    expect(words(results[1]!)).toEqual([
      'Price list "Standard 2026" (the default), version valid from 1 Jan 2026, prices in CZK',
      'Rate for On-site: 1,000.00/h',
      'Time class Out of hours: Mon 12 Oct 2026 18:30 is outside business hours Mon–Fri 08:00–17:00; surcharge 50%',
      '100 min rounded up to the 15-min increment: 105 min',
      '105 min × 1,000.00/h × 150% = 2,625.00',
      'Internal cost: 100 min × 450.00/h = 750.00 CZK',
    ]);
    expect(words(results[4]!)).toContain('Minimum for On-site 60 min (price list) applies: 60 min billable');
    expect(words(results[4]!).join('\n')).toContain('28 Oct 2026 is a public holiday in CZ (Independent Czechoslovak State Day); surcharge 100%');
    expect(words(results[2]!)).toContain('36 km × 12.00 = 432.00');
  });

  it('never prices 0 by accident: no rate, no fee price, missing input; not billable is 0 on purpose', async () => {
    const vip = await post('/api/v1/price-lists', { name: 'Bare', currency: 'CZK' });
    await post(`/api/v1/price-lists/${vip.id}/versions`, { validFrom: '2026-01-01', terms: { workRates: [{ workTypeId: ids.remote, hourlyRateMinor: 900_00 }] } });
    const noRate = await price({ contractPriceListId: vip.id, workTypeId: ids.development });
    expect(noRate).toMatchObject({ ok: false, reason: 'no_rate', priceListId: vip.id, validFrom: '2026-01-01', costMinor: 375_00 });
    expect(noRate.ok ? '' : noRate.message).toBe('The price list has no rate for Development');
    expect(await price({ contractPriceListId: vip.id, kind: 'fee', feeId: ids.callOut, quantityMilli: 1000 })).toMatchObject({ ok: false, reason: 'no_fee_price' });
    expect(await price({ contractPriceListId: vip.id, kind: 'travel', kmMilli: 10_000 })).toMatchObject({ ok: false, reason: 'no_km_price', costMinor: 50_00 });
    expect(await price({ kind: 'travel', zoneId: ids.zone })).toMatchObject({ ok: false, reason: 'no_zone_price' });
    expect(await price({ workTypeId: null })).toMatchObject({ ok: false, reason: 'missing_input' });
    expect(await price({ workTypeId: 987654 })).toMatchObject({ ok: false, reason: 'unknown_reference' });
    const free = await price({ contractPriceListId: vip.id, workTypeId: ids.development, billable: false });
    expect(free).toMatchObject({ ok: true, amountMinor: 0, billableMinutes: 60, timeClass: 'normal', costMinor: 375_00 });
    expect(await price({ billable: false })).toMatchObject({ ok: true, amountMinor: 0 });
  });

  it('takes the contract list, else the client list, else the default, and the version valid on the date', async () => {
    const own = await post('/api/v1/price-lists', { name: 'Client own', currency: 'CZK' });
    const contract = await post('/api/v1/price-lists', { name: 'Contract', currency: 'CZK' });
    const terms = (rate: number) => ({ workRates: [{ workTypeId: ids.remote, hourlyRateMinor: rate }] });
    await post(`/api/v1/price-lists/${own.id}/versions`, { validFrom: '2026-07-01', terms: terms(600_00) });
    await post(`/api/v1/price-lists/${own.id}/versions`, { validFrom: '2026-10-10', terms: terms(700_00) });
    const contractVersion = await post(`/api/v1/price-lists/${contract.id}/versions`, { validFrom: '2026-01-01', terms: terms(500_00) });
    const set = await call(admin, 'PUT', `/api/v1/clients/${clientId}/price-list`, { priceListId: own.id });
    expect(set.json()).toEqual({ clientId, priceListId: own.id, effectivePriceListId: own.id });
    const amount = async (over: Partial<PriceRecordInput>) => {
      const r = await price(over);
      return r.ok ? `${r.source}:${r.validFrom}:${r.amountMinor}` : r.reason;
    };
    expect(await amount({ contractPriceListId: contract.id })).toBe('contract:2026-01-01:50000');
    // The pinned clock gives the change the same updated_at: the cache still sees the new terms.
    const changed = await call(admin, 'PATCH', `/api/v1/price-list-versions/${contractVersion.id}`, { terms: terms(550_00), listVersion: contractVersion.listVersion });
    expect(changed.statusCode).toBe(200);
    expect(await amount({ contractPriceListId: contract.id })).toBe('contract:2026-01-01:55000');
    expect(await amount({})).toBe('client:2026-07-01:60000');
    expect(await amount({ date: '2026-10-10' })).toBe('client:2026-10-10:70000');
    expect(await amount({ date: '2026-06-30' })).toBe('no_version_on_date');
    const other = await t.services.customers.create(systemContext, { name: 'Other', country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14 });
    expect(await amount({ clientId: other.id })).toBe('default:2026-01-01:80000');
    const unknown = await call(admin, 'PUT', `/api/v1/clients/${clientId}/price-list`, { priceListId: 987654 });
    expect(details(unknown)).toEqual(['priceListId:unknown_reference']);
    expect((await call(operator, 'PUT', `/api/v1/clients/${clientId}/price-list`, { priceListId: null })).statusCode).toBe(403);
    const head = (await call(admin, 'GET', `/api/v1/price-lists/${own.id}`)).json();
    expect((await call(admin, 'PATCH', `/api/v1/price-lists/${own.id}`, { active: false, version: head.version })).statusCode).toBe(200);
    const skipped = await price({});
    expect(skipped).toMatchObject({ ok: true, source: 'default', amountMinor: 800_00 });
    expect(words(skipped)[0]).toBe('Price list "Client own" (the client\'s) is deactivated and was skipped');
    const effective = (await call(operator, 'GET', `/api/v1/clients/${clientId}/price-list`)).json();
    expect(effective).toEqual({ clientId, priceListId: own.id, effectivePriceListId: standard.id });
    await call(admin, 'PUT', `/api/v1/clients/${clientId}/price-list`, { priceListId: null });
    expect(await amount({})).toBe('default:2026-01-01:80000');
  });

  it('previews a price with its explanation; costs only for roles that see them', async () => {
    const body = { clientId, date: '2026-10-12', startTime: '18:30', minutes: 100, workTypeId: ids.onSite, technicianId: technician.id };
    const res = await call(admin, 'POST', '/api/v1/price-preview', body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, amountMinor: 2_625_00, costMinor: 750_00, timeClass: 'out_of_hours', rateMinor: 1_000_00, surchargePct: 50 });
    const seen = (await call(operator, 'POST', '/api/v1/price-preview', body)).json();
    expect(seen).toMatchObject({ ok: true, amountMinor: 2_625_00, costMinor: null });
    expect(seen.explanation.some((l: string) => l.startsWith('Internal cost'))).toBe(false);
    const chosen = await call(admin, 'POST', '/api/v1/price-preview', { priceListId: standard.id, date: '2026-10-05', workTypeId: ids.development, minutes: 5, startTime: null });
    expect(chosen.json()).toMatchObject({ ok: true, source: 'chosen', amountMinor: 300_00, timeClass: 'normal', costMinor: null });
    const bad = await call(admin, 'POST', '/api/v1/price-preview', { date: '2026-13-01', startTime: '25:00', priceListId: 987654 });
    expect(details(bad)).toEqual(['date:invalid_date', 'startTime:invalid_time']);
    expect(details(await call(admin, 'POST', '/api/v1/price-preview', { date: '2026-10-01', priceListId: 987654 }))).toEqual(['priceListId:unknown_reference']);
  });

  it("explains a price in the reader's language, with its numbers, dates and names (cs, sk, en; session and API token)", async () => {
    const reader = await t.userWith(['admin']);
    const body = { clientId, date: '2026-10-12', startTime: '18:30', minutes: 100, workTypeId: ids.onSite, technicianId: technician.id };
    const spaces = (l: string) => l.replace(/[\u00a0\u202f]/g, ' ');
    const explained = async (language: 'cs' | 'sk' | 'en', auth: Auth = reader.auth) => {
      expect((await call(reader.auth, 'PATCH', '/api/v1/auth/me', { language })).statusCode).toBe(200);
      const res = await call(auth, 'POST', '/api/v1/price-preview', body);
      expect(res.statusCode).toBe(200);
      return (res.json().explanation as string[]).map(spaces);
    };
    expect(await explained('cs')).toEqual([
      'Ceník „Standard 2026“ (výchozí), verze platná od 1. 1. 2026, ceny v CZK',
      'Sazba za On-site: 1 000,00/h',
      'Časová třída Mimo pracovní dobu: po 12. 10. 2026 18:30 je mimo pracovní dobu po–pá 08:00–17:00; příplatek 50 %',
      '100 min zaokrouhleno nahoru na krok 15 min: 105 min',
      '105 min × 1 000,00/h × 150 % = 2 625,00',
      'Interní náklad: 100 min × 450,00/h = 750,00 CZK',
    ]);
    expect(await explained('sk')).toEqual([
      'Cenník „Standard 2026“ (predvolený), verzia platná od 1. 1. 2026, ceny v CZK',
      'Sadzba za On-site: 1 000,00/h',
      'Časová trieda Mimo pracovného času: po 12. 10. 2026 18:30 je mimo pracovného času po–pi 08:00–17:00; príplatok 50 %',
      '100 min zaokrúhlené nahor na krok 15 min: 105 min',
      '105 min × 1 000,00/h × 150 % = 2 625,00',
      'Interný náklad: 100 min × 450,00/h = 750,00 CZK',
    ]);
    expect((await explained('en'))[1]).toBe('Rate for On-site: 1,000.00/h');
    // An API token speaks the language of its user too.
    const token = await t.tokenFor(reader.id);
    expect((await explained('cs', token))[2]).toContain('Časová třída Mimo pracovní dobu');
    // A holiday by its name in the reader's language.
    const holiday = await call(reader.auth, 'POST', '/api/v1/price-preview', { ...body, date: '2026-10-28', startTime: '10:00' });
    expect(spaces(holiday.json().explanation[2])).toBe('Časová třída Víkend a svátek: 28. 10. 2026 je státní svátek (CZ, Den vzniku samostatného československého státu); příplatek 100 %');
  });
});
