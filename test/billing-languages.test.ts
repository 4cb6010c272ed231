import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as m0033 from '../migrations/0033_names_per_language.ts';
import { testEngines } from './db.ts';
import { hasPoppler, pdfText } from './pdf.ts';
import { recordsWorld, type RecordsWorld } from './records.fixture.ts';

/**
 * Documents in the client's language: a Slovak client's draft names its work in
 * Slovak where the work type has a Slovak name (else by its name), its work report
 * alike, and its invoice prints the company's Slovak footer (else the default one);
 * lines already drafted keep their text until billing runs again; migration 0033
 * both ways. Both engines.
 */
describe.each(testEngines())('documents in the client language on %s', (engine) => {
  let w: RecordsWorld;
  let slovakClient: number;
  let draftId: number;
  const SK_FOOTER = 'Servis Kontor s.r.o. · Ďakujeme za spoluprácu.';
  const DEFAULT_FOOTER = 'Servis Kontor s.r.o. · Děkujeme za spolupráci.';

  const ok = async (auth: RecordsWorld['admin']['auth'], method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) => {
    const res = await w.t.request(auth, { method, url, ...(payload ? { payload } : {}) });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const runOctober = async () => {
    const started = await ok(w.manager.auth, 'POST', '/api/v1/billing-runs', { period: '2026-10' });
    await w.t.services.billing.runs.settled(started.id);
    const run = await ok(w.manager.auth, 'GET', `/api/v1/billing-runs/${started.id}`);
    expect(run.state, JSON.stringify(run)).toBe('completed');
    const drafts = run.result.drafts.filter((d: { clientId: number }) => d.clientId === slovakClient);
    expect(drafts).toHaveLength(1);
    return drafts[0] as { invoiceId: number; netMinor: number; totalMinor: number };
  };
  const linesOf = (invoiceId: number) =>
    w.t.database.db.selectFrom('invoice_lines').select(['kind', 'description', 'group_key', 'net_minor', 'unit_price_minor', 'quantity_milli']).where('invoice_id', '=', invoiceId).orderBy('position').execute();

  beforeAll(async () => {
    w = await recordsWorld(engine);
    const admin = w.admin.auth;
    await ok(admin, 'PUT', '/api/v1/settings/company', {
      name: 'Servis Kontor s.r.o.', companyId: '27074358', vatId: 'CZ27074358', vatPayer: true, street: 'Dlouhá 1', city: 'Praha', postalCode: '110 00', country: 'CZ',
      footerText: DEFAULT_FOOTER, footerTextSk: SK_FOOTER,
    });
    // Remote support has a Slovak name; on-site work has none, so it falls back to its name.
    await ok(admin, 'PATCH', `/api/v1/work-types/${w.wt.remote}`, { nameSk: 'Vzdialená podpora', nameEn: 'Remote support' });
    slovakClient = (await ok(w.manager.auth, 'POST', '/api/v1/clients', {
      name: 'Tatra Logistik s.r.o.', country: 'SK', language: 'sk', currency: 'CZK', paymentTermsDays: 14,
      registeredAddress: { street: 'Mlynské nivy 44', city: 'Bratislava', postalCode: '821 09', country: 'SK' },
    })).id;
    const ticket = await ok(w.operator.auth, 'POST', '/api/v1/tickets', { clientId: slovakClient, subject: 'VPN spojenie padá', queueId: w.queueId });
    const ids: number[] = [];
    for (const body of [
      { kind: 'work', date: '2026-10-06', startTime: '09:00', minutes: 60, workTypeId: w.wt.remote, description: 'Nastavenie VPN' },
      { kind: 'work', date: '2026-10-07', startTime: '18:30', minutes: 60, workTypeId: w.wt.onSite, description: 'Výmena smerovača' },
    ]) {
      const record = await ok(w.tech.auth, 'POST', `/api/v1/tickets/${ticket.id}/records`, body);
      await ok(w.tech.auth, 'POST', `/api/v1/records/${record.id}/submit`);
      ids.push(record.id);
    }
    await ok(w.manager.auth, 'POST', '/api/v1/records/approve', { ids });
    draftId = (await runOctober()).invoiceId;
  }, 120_000);
  afterAll(() => w.t.close());

  it("words a Slovak client's draft lines with the Slovak work type name, else the work type's name; amounts as priced", async () => {
    const lines = await linesOf(draftId);
    expect(lines.map((l) => [l.kind, l.description, l.quantity_milli, l.unit_price_minor, l.net_minor])).toEqual([
      ['work', 'Vzdialená podpora', 1000, 800_00, 800_00],
      ['work', 'Práce u zákazníka – mimo pracovného času (+50\u00a0%)', 1000, 1_500_00, 1_500_00],
    ]);
  });

  it('names the work alike in the work report, and the invoice prints the Slovak footer (HTML, PDF, the snapshot at issue)', async () => {
    const report = await ok(w.manager.auth, 'GET', `/api/v1/invoices/${draftId}/work-report`);
    expect(report.language).toBe('sk');
    expect(report.entries.map((e: { what: string }) => e.what)).toEqual(['Vzdialená podpora', 'Práce u zákazníka']);
    const document = await ok(w.manager.auth, 'GET', `/api/v1/invoices/${draftId}/document`);
    expect(document.supplier.footerText).toBe(SK_FOOTER);
    const html = await w.t.request(w.manager.auth, { method: 'GET', url: `/api/v1/invoices/${draftId}/preview.html` });
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain(SK_FOOTER);
    expect(html.body).toContain('Vzdialená podpora');
    if (hasPoppler) {
      const pdf = await w.t.request(w.manager.auth, { method: 'GET', url: `/api/v1/invoices/${draftId}/pdf` });
      expect(pdf.statusCode).toBe(200);
      const text = pdfText(pdf.rawPayload);
      expect(text).toContain('Ďakujeme za spoluprácu.');
      expect(text).toContain('Vzdialená podpora');
    }
  });

  it('keeps the text of lines already drafted when the name changes; the next run words them anew, same amounts and keys', async () => {
    const before = await linesOf(draftId);
    await ok(w.admin.auth, 'PATCH', `/api/v1/work-types/${w.wt.remote}`, { nameSk: 'Vzdialená správa' });
    expect((await linesOf(draftId)).map((l) => l.description)).toEqual(before.map((l) => l.description));

    const again = await runOctober();
    draftId = again.invoiceId;
    const after = await linesOf(draftId);
    expect(after.map((l) => l.description)).toEqual(['Vzdialená správa', before[1]!.description]);
    expect(after.map((l) => [l.group_key, l.net_minor, l.unit_price_minor, l.quantity_milli])).toEqual(before.map((l) => [l.group_key, l.net_minor, l.unit_price_minor, l.quantity_milli]));

    // No Slovak name: the work type's own name.
    await ok(w.admin.auth, 'PATCH', `/api/v1/work-types/${w.wt.remote}`, { nameSk: null });
    draftId = (await runOctober()).invoiceId;
    expect((await linesOf(draftId)).map((l) => l.description)).toEqual(['Vzdálená podpora', before[1]!.description]);

    // Issued, the document keeps the footer it was issued with.
    await ok(w.manager.auth, 'POST', `/api/v1/invoices/${draftId}/issue`);
    await w.t.database.db.updateTable('company_settings').set({ footer_text_sk: 'Iný text' }).where('id', '=', 1).execute();
    expect((await ok(w.manager.auth, 'GET', `/api/v1/invoices/${draftId}/document`)).supplier.footerText).toBe(SK_FOOTER);
  });

  it('documents the names and footers per language in OpenAPI, with their bounds', async () => {
    const spec = (await w.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const body = (path: string, method: string) => spec.paths[path][method].requestBody.content['application/json'].schema.properties;
    for (const [path, method] of [['/api/v1/work-types', 'post'], ['/api/v1/work-types/{id}', 'patch']] as const) {
      for (const field of ['nameCs', 'nameSk', 'nameEn']) {
        expect(JSON.stringify(body(path, method)[field]), `${method} ${path} ${field}`).toMatch(/"maxLength":200.*"null"/);
      }
    }
    const company = body('/api/v1/settings/company', 'put');
    for (const field of ['footerTextCs', 'footerTextSk', 'footerTextEn']) expect(JSON.stringify(company[field]), field).toMatch(/"maxLength":600.*"null"/);
    const workType = spec.paths['/api/v1/work-types'].get.responses['200'].content['application/json'].schema.properties.items.items;
    expect(workType.required).toEqual(expect.arrayContaining(['nameCs', 'nameSk', 'nameEn']));
  });

  it('migration 0033 rolls back and forward; the names and footers are none again, the defaults print', async () => {
    const db = w.t.database.db as unknown as Kysely<any>;
    await m0033.down(db);
    await expect(w.t.database.db.selectFrom('work_types').select('name_sk').execute()).rejects.toThrow();
    await expect(w.t.database.db.selectFrom('company_settings').select('footer_text_sk').execute()).rejects.toThrow();
    await m0033.up(db);
    const remote = await ok(w.admin.auth, 'PATCH', `/api/v1/work-types/${w.wt.remote}`, { nameEn: 'Remote support' });
    expect(remote).toMatchObject({ name: 'Vzdálená podpora', nameCs: null, nameSk: null, nameEn: 'Remote support' });
    expect(await ok(w.admin.auth, 'GET', '/api/v1/settings/company')).toMatchObject({ footerText: DEFAULT_FOOTER, footerTextCs: null, footerTextSk: null, footerTextEn: null });
  });
});
