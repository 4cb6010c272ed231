import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSupplier, roundsTotals, seedDemoCompany } from '../src/modules/company/index.ts';
import { renderInvoicePdf } from '../src/modules/documents/index.ts';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';
import { czInvoice } from './fixtures/documents/invoices.ts';

const valid = {
  name: 'Kontor Servis s.r.o.',
  companyId: '123 456 79',
  vatId: 'cz 12345679',
  vatPayer: true,
  street: 'Karlovo náměstí 317/5',
  city: 'Praha 2',
  postalCode: '120 00',
  country: 'cz',
  email: 'fakturace@kontor-servis.cz',
  bankAccount: '19-2000145399/0800',
  bic: 'gibaczpx',
  registration: 'C 123456 vedená u Městského soudu v Praze',
  footerText: 'Děkujeme za spolupráci.',
};

function multipart(filename: string, contentType: string, content: Buffer) {
  const boundary = '----kontor-logo';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(testEngines())('company settings on %s', (engine) => {
  let t: TestApp;
  let admin: Auth;
  let accountant: Auth;
  let manager: Auth;
  let technician: Auth;
  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = (await t.userWith(['admin'])).auth;
    accountant = (await t.userWith(['accountant'])).auth;
    manager = (await t.userWith(['manager'])).auth;
    technician = (await t.userWith(['technician'])).auth;
  });
  afterAll(() => t.close());

  const put = (auth: Auth, payload: object) => t.request(auth, { method: 'PUT', url: '/api/v1/settings/company', payload });

  it('starts empty and incomplete, readable by whoever reads invoices, not by a technician', async () => {
    const res = await t.request(accountant, { method: 'GET', url: '/api/v1/settings/company' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '', complete: false, vatPayer: true, roundTotalsCzk: false, roundTotalsEur: false, logo: null, defaultCountry: 'CZ' });
    expect((await t.request(technician, { method: 'GET', url: '/api/v1/settings/company' })).statusCode).toBe(403);
  });

  it('saves normalised settings, derives the IBAN from the Czech account, audits the change', async () => {
    const res = await put(admin, valid);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ companyId: '12345679', vatId: 'CZ12345679', country: 'CZ', iban: 'CZ6508000000192000145399', bic: 'GIBACZPX', complete: true, version: 2 });
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('entity', '=', 'company_settings').execute();
    expect(audit.map((a) => a.action)).toEqual(['update']);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ iban: 'CZ6508000000192000145399' });
    const supplier = await loadSupplier(t.database.db);
    expect(supplier).toMatchObject({ name: 'Kontor Servis s.r.o.', companyId: '12345679', vatId: 'CZ12345679', vatPayer: true, address: { street: 'Karlovo náměstí 317/5', city: 'Praha 2', postalCode: '120 00', country: 'CZ' }, bankAccount: { accountNumber: '19-2000145399/0800', iban: 'CZ6508000000192000145399', bic: 'GIBACZPX' }, logoPath: null, footerText: 'Děkujeme za spolupráci.' });
    // Rounding is optional (BILLING.md §4): off unless the company turns it on, and kept when it does.
    expect(await roundsTotals(t.database.db, 'CZK')).toBe(false);
    expect(await roundsTotals(t.database.db, 'EUR')).toBe(false);
  });

  it('refuses a wrong IBAN, IČO, VAT id, account, BIC and e-mail with a 400 naming each field, and changes nothing', async () => {
    const res = await put(admin, { ...valid, companyId: '12345678', vatId: 'CZ1234', bankAccount: '19-2000145398/0800', iban: 'CZ6508000000192000145398', bic: 'GIBA', email: 'nope' });
    expect(res.statusCode).toBe(400);
    const details = res.json().error.details as { path: string; code: string; message: string }[];
    expect(details.map((d) => [d.path, d.code]).sort()).toEqual([['bankAccount', 'invalid_bank_account'], ['bic', 'invalid_bic'], ['companyId', 'invalid_company_id'], ['email', 'invalid_email'], ['iban', 'invalid_iban'], ['vatId', 'invalid_vat_id']]);
    expect(details.every((d) => d.message.length > 10)).toBe(true);
    expect((await put(admin, { ...valid, iban: 'SK9611000000002918599669' })).json().error).toMatchObject({ details: [{ path: 'iban', code: 'iban_mismatch' }] });
    expect((await put(admin, { ...valid, vatId: null })).json().error).toMatchObject({ details: [{ path: 'vatId', code: 'required' }] });
    expect((await put(admin, { ...valid, unknownField: 1 })).statusCode).toBe(400);
    expect((await t.request(admin, { method: 'GET', url: '/api/v1/settings/company' })).json()).toMatchObject({ companyId: '12345679', version: 2 });
  });

  it('only settings.manage changes them; a stale version is refused', async () => {
    expect((await put(manager, valid)).statusCode).toBe(403);
    expect((await put(accountant, valid)).statusCode).toBe(403);
    const stale = await put(admin, { ...valid, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
    const ok = await put(admin, { ...valid, vatPayer: false, vatId: null, iban: null, bankAccount: null, version: 2 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ vatPayer: false, vatId: null, iban: null, version: 3 });
    expect((await put(admin, valid)).statusCode).toBe(200);
  });

  it('stores a PNG logo in the file store, prints it on invoices, refuses other files, removes it', async () => {
    const png = await QRCode.toBuffer('Kontor Servis', { type: 'png', width: 120 });
    const upload = await t.request(admin, { method: 'PUT', url: '/api/v1/settings/company/logo', ...multipart('logo.png', 'image/png', png) });
    expect(upload.statusCode, upload.body).toBe(200);
    expect(upload.json().logo).toMatchObject({ contentType: 'image/png', size: png.length });
    const shown = await t.request(accountant, { method: 'GET', url: '/api/v1/settings/company/logo' });
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(shown.rawPayload, png)).toBe(0);

    const supplier = await loadSupplier(t.database.db);
    expect(supplier.logoPath).toMatch(/^\//);
    const out = join(import.meta.dirname, '..', 'test-output');
    mkdirSync(out, { recursive: true });
    const file = join(out, `invoice-with-logo-${engine}.pdf`);
    writeFileSync(file, await renderInvoicePdf({ ...czInvoice, supplier }));
    expect(execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })).toMatch(/image\s+\d+\s+\d+/);

    const text = await t.request(admin, { method: 'PUT', url: '/api/v1/settings/company/logo', ...multipart('logo.png', 'image/png', Buffer.from('not a picture at all')) });
    expect(text.statusCode).toBe(400);
    expect(text.json().error.code).toBe('invalid_logo');
    const big = await t.request(admin, { method: 'PUT', url: '/api/v1/settings/company/logo', ...multipart('big.png', 'image/png', Buffer.concat([png, Buffer.alloc(t.config.attachmentMaxBytes + 10)])) });
    expect(big.statusCode).toBe(413);
    expect((await t.request(accountant, { method: 'PUT', url: '/api/v1/settings/company/logo', ...multipart('logo.png', 'image/png', png) })).statusCode).toBe(403);

    const removed = await t.request(admin, { method: 'DELETE', url: '/api/v1/settings/company/logo' });
    expect(removed.json().logo).toBeNull();
    expect((await t.request(accountant, { method: 'GET', url: '/api/v1/settings/company/logo' })).statusCode).toBe(404);
    expect((await loadSupplier(t.database.db)).logoPath).toBeNull();
    const actions = await t.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'company_settings').orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['update', 'update', 'update', 'logo_upload', 'logo_delete']);
  });

  it('rounds CZK totals only when the company turns it on, and keeps that choice', async () => {
    const rounding = await put(admin, { ...valid, roundTotalsCzk: true });
    expect(rounding.statusCode, rounding.body).toBe(200);
    expect(rounding.json()).toMatchObject({ roundTotalsCzk: true, roundTotalsEur: false });
    expect(await roundsTotals(t.database.db, 'CZK')).toBe(true);
    expect((await t.request(accountant, { method: 'GET', url: '/api/v1/settings/company' })).json()).toMatchObject({ roundTotalsCzk: true });
  });

  it("keeps a footer per document language (trimmed, empty is none); a document prints its language's, else the default", async () => {
    const res = await put(admin, { ...valid, footerTextCs: '   ', footerTextSk: '  Ďakujeme za spoluprácu. ', footerTextEn: 'Thank you for your business.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ footerText: 'Děkujeme za spolupráci.', footerTextCs: null, footerTextSk: 'Ďakujeme za spoluprácu.', footerTextEn: 'Thank you for your business.' });
    expect((await t.request(accountant, { method: 'GET', url: '/api/v1/settings/company' })).json()).toMatchObject({ footerTextSk: 'Ďakujeme za spoluprácu.', footerTextEn: 'Thank you for your business.' });
    expect((await loadSupplier(t.database.db, 'sk')).footerText).toBe('Ďakujeme za spoluprácu.');
    expect((await loadSupplier(t.database.db, 'en')).footerText).toBe('Thank you for your business.');
    expect((await loadSupplier(t.database.db, 'cs')).footerText).toBe('Děkujeme za spolupráci.');
    expect((await loadSupplier(t.database.db)).footerText).toBe('Děkujeme za spolupráci.');
    const audit = await t.database.db.selectFrom('audit_log').select('after_json').where('entity', '=', 'company_settings').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!)).toMatchObject({ footerTextSk: 'Ďakujeme za spoluprácu.' });

    const tooLong = await put(admin, { ...valid, footerTextEn: 'x'.repeat(601) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.details.map((d: { path: string; code: string }) => `${d.path}:${d.code}`)).toEqual(['footerTextEn:too_long']);
    // A full replacement: left out, a language's footer is none again.
    expect((await put(admin, valid)).json()).toMatchObject({ footerTextSk: null, footerTextEn: null });
    expect((await loadSupplier(t.database.db, 'sk')).footerText).toBe('Děkujeme za spolupráci.');
  });

  it('the demo supplier passes every check', async () => {
    await seedDemoCompany(t.database.db, t.clock.now());
    expect(await loadSupplier(t.database.db)).toMatchObject({ name: 'Kontor Servis s.r.o.', bankAccount: { iban: 'CZ6508000000192000145399' } });
    expect((await loadSupplier(t.database.db, 'sk')).footerText).toMatch(/Ďakujeme za spoluprácu/);
    // Its totals are not rounded, so its invoices show BILLING.md's examples exactly.
    expect(await roundsTotals(t.database.db, 'CZK')).toBe(false);
  });

  it('reports every field problem in one answer: lengths, countries, PSČ and the IČO of a country still to be fixed', async () => {
    const res = await put(admin, { ...valid, name: 'x'.repeat(201), country: 'Česko', defaultCountry: 'XX', postalCode: '-110 00', companyId: '12345678', vatId: 'CZ1234', phone: '1'.repeat(51), email: 'nope' });
    expect(res.statusCode).toBe(400);
    const details = res.json().error.details as { path: string; code: string }[];
    expect(details.map((d) => `${d.path}:${d.code}`).sort()).toEqual(['companyId:invalid_company_id', 'country:invalid_country', 'defaultCountry:invalid_country', 'email:invalid_email', 'name:too_long', 'phone:too_long', 'postalCode:invalid_postal_code', 'vatId:invalid_vat_id']);
    // A value over its limit gets only that problem, not a format one besides.
    const long = (await put(admin, { ...valid, companyId: '1'.repeat(21), bic: 'G'.repeat(12) })).json().error.details as { path: string; code: string }[];
    expect(long.map((d) => `${d.path}:${d.code}`).sort()).toEqual(['bic:too_long', 'companyId:too_long']);
    expect((await t.request(admin, { method: 'GET', url: '/api/v1/settings/company' })).json()).toMatchObject({ defaultCountry: 'CZ', postalCode: '120 00' });
  });

  it('stores a Czech or Slovak PSČ as "123 45"; other countries keep theirs as typed', async () => {
    expect((await put(admin, { ...valid, postalCode: '12000' })).json()).toMatchObject({ postalCode: '120 00' });
    expect((await put(admin, { ...valid, country: 'sk', postalCode: ' 811 01 ' })).json()).toMatchObject({ postalCode: '811 01' });
    expect((await put(admin, { ...valid, postalCode: '1200' })).json().error.details).toEqual([expect.objectContaining({ path: 'postalCode', code: 'invalid_postal_code' })]);
    expect((await put(admin, { ...valid, country: 'GB', postalCode: 'SW1A 1AA', companyId: null })).json()).toMatchObject({ country: 'GB', postalCode: 'SW1A 1AA' });
    expect((await put(admin, { ...valid, country: 'GB', postalCode: 'x'.repeat(21), companyId: null })).json().error.details).toEqual([expect.objectContaining({ path: 'postalCode', code: 'too_long' })]);
    expect((await put(admin, valid)).statusCode).toBe(200);
  });

  it("starts new clients in the default country: a known country, given to every signed-in user's session", async () => {
    const saved = await put(admin, { ...valid, defaultCountry: ' sk ' });
    expect(saved.json()).toMatchObject({ defaultCountry: 'SK' });
    const operator = (await t.userWith(['operator'])).auth;
    for (const who of [operator, technician]) {
      expect((await t.request(who, { method: 'GET', url: '/api/v1/auth/me' })).json()).toMatchObject({ defaults: { clientCountry: 'SK' } });
      expect((await t.request(who, { method: 'GET', url: '/api/v1/auth/session' })).json()).toMatchObject({ defaults: { clientCountry: 'SK' } });
    }
    expect((await put(admin, { ...valid, defaultCountry: 'XX' })).json().error.details).toEqual([expect.objectContaining({ path: 'defaultCountry', code: 'invalid_country' })]);
    expect((await put(admin, valid)).json()).toMatchObject({ defaultCountry: 'CZ' });
    expect((await t.request(operator, { method: 'GET', url: '/api/v1/auth/me' })).json().defaults).toEqual({ clientCountry: 'CZ' });
  });
});
