/**
 * Accounting export batches through the API on SQLite and PostgreSQL: only
 * issued documents, already-exported ones left out unless asked, the file
 * streamed back byte-identical to its recorded SHA-256 and valid against the
 * official schemas, clear 4xx for nothing to export, missing settings, unknown
 * format and period, and who may export.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from './db.ts';
import { invoicingWorld, type InvoicingWorld } from './invoicing.fixture.ts';
import { requireXmllint, validate, XSD } from './fixtures/exports/xmllint.ts';
import { unzip } from './fixtures/exports/zip.ts';


describe.each(testEngines())('accounting export batches on %s', (engine) => {
  let w: InvoicingWorld;
  let dir: string;
  const issued: number[] = [];
  let creditNoteId = 0;
  beforeAll(async () => {
    w = await invoicingWorld(engine);
    requireXmllint();
    dir = mkdtempSync(join(tmpdir(), 'kontor-exports-api-'));
  });
  afterAll(async () => {
    await w.t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const exportsOf = async () => (await w.req(w.accountant.auth, 'GET', '/api/v1/exports')).json().items as { id: number }[];
  const run = (payload: object, auth = w.accountant.auth) => w.req(auth, 'POST', '/api/v1/exports', payload);
  const preview = (format: string, period: string) => w.req(w.accountant.auth, 'GET', `/api/v1/exports/preview?format=${format}&period=${period}`);
  const download = async (id: number) => {
    const res = await w.req(w.accountant.auth, 'GET', `/api/v1/exports/${id}/download`);
    expect(res.statusCode, res.body).toBe(200);
    return { res, bytes: res.rawPayload };
  };

  it('a period with nothing issued exports nothing: a clear 409 and no empty batch, drafts never count', async () => {
    await w.draft({ records: await w.approvedRecords(1, 3) });
    const p = (await preview('isdoc', '2026-10')).json();
    // The draft is not exported, but the preview says it waits to be issued; another month has none.
    expect(p).toMatchObject({ toExport: { invoices: 0, creditNotes: 0, slips: 0 }, alreadyExported: 0, drafts: 1, slips: 'not_in_format', missingSettings: [] });
    expect((await preview('isdoc', '2026-09')).json().drafts).toBe(0);
    const res = await run({ format: 'isdoc', period: '2026-10' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'nothing_to_export', period: '2026-10', alreadyExported: 0 });
    expect(res.json().error.message).toMatch(/no issued invoices/);
    expect(await exportsOf()).toEqual([]);
  });

  it('POHODA: issued invoices and a credit note in Windows-1250, an address-book entry once per client, valid against data.xsd', async () => {
    for (const n of [2, 1]) {
      const id = await w.draft({ records: await w.approvedRecords(n, 6 + n) });
      expect((await w.req(w.manager.auth, 'POST', `/api/v1/invoices/${id}/issue`)).statusCode).toBe(200);
      issued.push(id);
    }
    const cn = await w.req(w.accountant.auth, 'POST', `/api/v1/invoices/${issued[0]}/credit-notes`, { reason: 'Sleva', full: true });
    expect(cn.statusCode, cn.body).toBe(201);
    creditNoteId = cn.json().id;

    // An issue slip of material for the client's ticket (the POHODA výdejka).
    const ok = async (method: 'POST', url: string, payload: object) => {
      const res = await w.req(w.admin.auth, method, url, payload);
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    const item = await ok('POST', '/api/v1/items', { code: 'FILTR-01', name: 'Filtr F-01', unit: 'pcs', salePriceMinor: 150_00 });
    const store = await ok('POST', '/api/v1/warehouses', { code: 'MATERIAL', name: 'Hlavní sklad', kind: 'store' });
    await ok('POST', '/api/v1/stock-documents', { kind: 'receipt', date: '2026-10-01', warehouseId: store.id, lines: [{ itemId: item.id, quantity: '10', unitPriceMinor: 90_00 }], confirm: true });
    const slip = await ok('POST', '/api/v1/stock-documents', { kind: 'issue', date: '2026-10-20', warehouseId: store.id, ticketId: w.ticket.id, lines: [{ itemId: item.id, quantity: '2' }], confirm: true });
    await ok('POST', '/api/v1/stock-documents', { kind: 'issue', date: '2026-10-21', warehouseId: store.id, ticketId: w.ticket.id, lines: [{ itemId: item.id, quantity: '1' }] });

    const p = (await preview('pohoda', '2026-Q4')).json();
    expect(p).toMatchObject({ toExport: { invoices: 2, creditNotes: 1, slips: 1 }, alreadyExported: 0, newClients: 1, slips: 'included', fileName: 'pohoda-2026-Q4.xml' });
    expect(p.documents).toHaveLength(4);
    expect(p.documents.at(-1)).toMatchObject({ kind: 'slip', id: slip.id, number: slip.number, exported: false });
    // Each listed with its client and amount: an invoice's total with VAT as issued (a credit note's negative), the slip's sale price.
    const client = await w.t.database.db.selectFrom('clients').select('name').where('id', '=', w.clientId).executeTakeFirstOrThrow();
    const totals = await w.t.database.db.selectFrom('invoices').select(['id', 'total_minor']).where('id', 'in', [...issued, creditNoteId]).execute();
    const totalOf = new Map(totals.map((r) => [Number(r.id), Number(r.total_minor)]));
    expect(p.documents.map((d: { kind: string; id: number; clientName: string; amountMinor: number | null; currency: string | null }) => [d.kind, d.clientName, d.amountMinor, d.currency])).toEqual([
      ...p.documents.slice(0, 3).map((d: { kind: string; id: number }) => [d.kind, client.name, totalOf.get(d.id), 'CZK']),
      ['slip', client.name, 300_00, 'CZK'],
    ]);
    expect(totalOf.get(creditNoteId)).toBeLessThan(0);

    const res = await run({ format: 'pohoda', period: '2026-Q4' });
    expect(res.statusCode, res.body).toBe(201);
    const batch = res.json();
    expect(batch).toMatchObject({ format: 'pohoda', period: '2026-Q4', documentCount: 4, fileName: 'pohoda-2026-Q4.xml', includeExported: false, createdBy: { id: w.accountant.id } });
    const { res: file, bytes } = await download(batch.id);
    expect(file.headers['content-type']).toBe('application/xml; charset=windows-1250');
    expect(file.headers['content-disposition']).toContain('pohoda-2026-Q4.xml');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(batch.sha256);
    expect(bytes.length).toBe(batch.byteSize);
    const path = join(dir, `${engine}-pohoda.xml`);
    writeFileSync(path, bytes);
    validate(XSD.pohoda, [path]);
    const text = iconv.decode(bytes, 'win1250');
    expect(text.startsWith('<?xml version="1.0" encoding="Windows-1250"?>')).toBe(true);
    expect(text.match(/<adb:addressbook /g)).toHaveLength(1);
    expect(text.match(/<inv:invoiceType>issuedInvoice</g)).toHaveLength(2);
    expect(text.match(/<inv:invoiceType>issuedCorrectiveTax</g)).toHaveLength(1);
    expect(text.match(/<vyd:vydejka /g)).toHaveLength(1);
    expect(text).toMatch(/<typ:ids>MATERIAL<\/typ:ids>[\s\S]*<typ:ids>FILTR-01<\/typ:ids>/);
    expect(text).toContain('ico="27074358"');

    const audit = await w.t.database.db.selectFrom('audit_log').selectAll().where('entity', '=', 'export_batch').execute();
    expect(audit).toHaveLength(1);
  });

  it("a credit note of October's invoice with its tax point in November goes with November: October's preview says so, November's counts it", async () => {
    const dates = await w.t.database.db.selectFrom('invoices').select(['id', 'taxable_supply_date']).where('id', 'in', [issued[0]!, creditNoteId]).execute();
    const taxPointOf = new Map(dates.map((r) => [Number(r.id), r.taxable_supply_date]));
    expect([taxPointOf.get(issued[0]!)?.slice(0, 7), taxPointOf.get(creditNoteId)?.slice(0, 7)]).toEqual(['2026-10', '2026-11']);
    expect((await preview('isdoc', '2026-10')).json()).toMatchObject({ toExport: { creditNotes: 0 }, creditNotesInLaterPeriods: [{ month: '2026-11', count: 1 }] });
    expect((await preview('isdoc', '2026-11')).json()).toMatchObject({ toExport: { creditNotes: 1 }, creditNotesInLaterPeriods: [] });
    // A quarter holding both exports them together: nothing goes elsewhere.
    expect((await preview('pohoda', '2026-Q4')).json().creditNotesInLaterPeriods).toEqual([]);
  });

  it('already exported documents are left out; "export again" includes them on purpose, without a second address-book entry', async () => {
    const p = (await preview('pohoda', '2026-Q4')).json();
    expect(p).toMatchObject({ toExport: { invoices: 0, creditNotes: 0, slips: 0 }, alreadyExported: 4, newClients: 0 });
    expect(p.documents.every((d: { exported: boolean }) => d.exported)).toBe(true);
    const again = await run({ format: 'pohoda', period: '2026-Q4' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/exported before.*export again/);
    expect(again.json().error).toMatchObject({ code: 'nothing_to_export', period: '2026-Q4', alreadyExported: 4 });
    const res = await run({ format: 'pohoda', period: '2026-Q4', includeExported: true });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ documentCount: 4, includeExported: true });
    const text = iconv.decode((await download(res.json().id)).bytes, 'win1250');
    expect(text).not.toContain('<adb:addressbook ');
    // Exported to POHODA is not exported to ISDOC: each format keeps its own record.
    expect((await preview('isdoc', '2026-Q4')).json()).toMatchObject({ toExport: { invoices: 2, creditNotes: 1 }, alreadyExported: 0 });
  });

  it('ISDOC and UBL: a ZIP with one valid file per document; CSV: invoices.csv, lines.csv and vat.csv', async () => {
    const isdoc = await run({ format: 'isdoc', period: '2026-Q4' });
    expect(isdoc.statusCode, isdoc.body).toBe(201);
    const files = unzip((await download(isdoc.json().id)).bytes);
    expect(files.size).toBe(3);
    const paths = [...files].map(([name, bytes]) => {
      const path = join(dir, `${engine}-${name}`);
      writeFileSync(path, bytes);
      return path;
    });
    validate(XSD.isdoc, paths);
    expect([...files.values()].filter((b) => b.toString().includes('<DocumentType>2</DocumentType>'))).toHaveLength(1);

    const ubl = await run({ format: 'ubl', period: '2026-Q4' });
    const ublFiles = [...unzip((await download(ubl.json().id)).bytes)];
    const write = (name: string, bytes: Buffer) => {
      const path = join(dir, `${engine}-ubl-${name}`);
      writeFileSync(path, bytes);
      return path;
    };
    const credit = ublFiles.filter(([, b]) => b.includes('<CreditNote '));
    expect(credit).toHaveLength(1);
    validate(XSD.ublCreditNote, credit.map(([n, b]) => write(n, b)));
    validate(XSD.ublInvoice, ublFiles.filter(([, b]) => !b.includes('<CreditNote ')).map(([n, b]) => write(n, b)));

    const csv = await run({ format: 'csv', period: '2026-Q4' });
    const tables = unzip((await download(csv.json().id)).bytes);
    expect([...tables.keys()]).toEqual(['invoices.csv', 'lines.csv', 'vat.csv']);
    // Two invoices and a credit note, one VAT rate each: one recapitulation row per document.
    expect(tables.get('vat.csv')!.toString('utf8').split('\r\n').filter((r) => r.length > 0)).toHaveLength(4);
    const rows = tables.get('invoices.csv')!.toString('utf8').split('\r\n');
    expect(rows[0]!.startsWith('\uFEFFnumber;kind;')).toBe(true);
    expect(rows.filter((r) => r.length > 0)).toHaveLength(4);

    const list = (await w.req(w.accountant.auth, 'GET', '/api/v1/exports?limit=2')).json();
    expect(list.items.map((b: { format: string }) => b.format)).toEqual(['csv', 'ubl']);
    expect(list.nextCursor).not.toBeNull();
    const rest = (await w.req(w.accountant.auth, 'GET', `/api/v1/exports?limit=10&cursor=${list.nextCursor}`)).json();
    expect(rest.items.map((b: { format: string }) => b.format)).toEqual(['isdoc', 'pohoda', 'pohoda']);

    // The batches one document went out in (the invoice page lists them): exactly those that carried it.
    const carried = await w.t.database.db.selectFrom('export_batch_documents').select('batch_id').where('document_kind', '=', 'invoice').where('document_id', '=', creditNoteId).execute();
    const ofCreditNote = (await w.req(w.accountant.auth, 'GET', `/api/v1/exports?invoiceId=${creditNoteId}`)).json();
    expect(ofCreditNote.items.map((b: { id: number }) => b.id).sort()).toEqual(carried.map((r) => Number(r.batch_id)).sort());
    expect(ofCreditNote.items.length).toBeGreaterThan(0);
    expect((await w.req(w.accountant.auth, 'GET', '/api/v1/exports?invoiceId=987654')).json().items).toEqual([]);
  });

  it('one issued document as a single file of each format, without marking it exported; a draft is refused', async () => {
    const before = (await exportsOf()).length;
    const isdoc = await w.req(w.accountant.auth, 'GET', `/api/v1/exports/invoices/${creditNoteId}?format=isdoc`);
    expect(isdoc.statusCode, isdoc.body).toBe(200);
    expect(isdoc.headers['content-type']).toBe('application/x-isdoc; charset=utf-8');
    expect(isdoc.headers['content-disposition']).toMatch(/\.isdoc"/);
    const path = join(dir, `${engine}-single.isdoc`);
    writeFileSync(path, isdoc.rawPayload);
    validate(XSD.isdoc, [path]);
    expect(isdoc.body).toContain('<DocumentType>2</DocumentType>');
    const pohoda = await w.req(w.accountant.auth, 'GET', `/api/v1/exports/invoices/${issued[1]}?format=pohoda`);
    expect(pohoda.headers['content-type']).toBe('application/xml; charset=windows-1250');
    const pohodaPath = join(dir, `${engine}-single.pohoda.xml`);
    writeFileSync(pohodaPath, pohoda.rawPayload);
    validate(XSD.pohoda, [pohodaPath]);
    const draft = await w.draft({ records: await w.approvedRecords(1, 20) });
    const refused = await w.req(w.accountant.auth, 'GET', `/api/v1/exports/invoices/${draft}?format=ubl`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('not_issued');
    expect((await w.req(w.accountant.auth, 'GET', '/api/v1/exports/invoices/987654?format=ubl')).statusCode).toBe(404);
    expect((await w.req(w.accountant.auth, 'GET', `/api/v1/exports/invoices/${draft}?format=abra`)).statusCode).toBe(400);
    expect((await exportsOf()).length).toBe(before);
  });

  it('a format that needs a company setting the supplier lacks is refused naming it; unknown format and bad period are 400', async () => {
    const db = w.t.database.db;
    const saved = await db.selectFrom('company_settings').select(['bank_account', 'iban', 'bic']).where('id', '=', 1).executeTakeFirstOrThrow();
    await db.updateTable('company_settings').set({ bank_account: null, iban: null, bic: null }).where('id', '=', 1).execute();
    try {
      const before = (await exportsOf()).length;
      const res = await run({ format: 'isdoc', period: '2026-Q4', includeExported: true });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'missing_company_settings', details: [{ path: 'supplier.bankAccount', code: 'missing_setting' }] });
      expect(res.json().error.message).toMatch(/bank account/);
      expect((await preview('isdoc', '2026-Q4')).json().missingSettings).toEqual([{ setting: 'supplier.bankAccount', message: expect.stringMatching(/bank account/) }]);
      // CSV needs no bank account.
      expect((await run({ format: 'csv', period: '2026-Q4', includeExported: true })).statusCode).toBe(201);
      expect((await exportsOf()).length).toBe(before + 1);
    } finally {
      await db.updateTable('company_settings').set(saved).where('id', '=', 1).execute();
    }
    const unknown = await run({ format: 'money-s3', period: '2026-10' });
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json())).toMatch(/format/);
    expect((await run({ format: 'isdoc', period: '2026-13' })).statusCode).toBe(400);
    expect((await run({ format: 'isdoc', period: '2026-10', extra: 1 })).statusCode).toBe(400);
    expect((await preview('abra', '2026-10')).statusCode).toBe(400);
    expect((await w.req(w.accountant.auth, 'GET', '/api/v1/exports/987654/download')).statusCode).toBe(404);
  });

  it('a VAT rate POHODA has no name for: the preview names every document and rate beforehand, the export refuses naming them all; no batch is recorded', async () => {
    const pohodaPreview = async () => (await preview('pohoda', '2026-10')).json().vatRatesNotMapped as { id: number; documentNumber: string; vatRateBp: number; exported: boolean }[];
    // Every rate of the period so far has a POHODA name.
    expect(await pohodaPreview()).toEqual([]);
    const line = (vat_rate_bp: number) => ({ kind: 'manual' as const, description: 'Stará sazba', quantity_milli: 1000, unit: 'ks', unit_price_minor: 100_00, net_minor: 100_00, vat_rate_bp });
    const issue = async (rates: number[]) => {
      const id = await w.draft({ lines: rates.map(line) });
      const res = await w.req(w.manager.auth, 'POST', `/api/v1/invoices/${id}/issue`);
      expect(res.statusCode, res.body).toBe(200);
      return { id, number: res.json().number as string };
    };
    // Two unnamed rates beside a named one on the first document, one on the second.
    const first = await issue([1500, 2100, 1000]);
    const second = await issue([1500]);

    const expected = [
      { kind: 'invoice', id: first.id, documentNumber: first.number, vatRateBp: 1000, country: 'CZ', exported: false },
      { kind: 'invoice', id: first.id, documentNumber: first.number, vatRateBp: 1500, country: 'CZ', exported: false },
      { kind: 'invoice', id: second.id, documentNumber: second.number, vatRateBp: 1500, country: 'CZ', exported: false },
    ];
    const byDocumentAndRate = (a: { id: number; vatRateBp: number }, b: { id: number; vatRateBp: number }) => a.id - b.id || a.vatRateBp - b.vatRateBp;
    expect((await pohodaPreview()).sort(byDocumentAndRate)).toEqual(expected);
    // The other formats write any rate.
    for (const format of ['isdoc', 'ubl', 'csv']) expect((await preview(format, '2026-10')).json().vatRatesNotMapped, format).toEqual([]);

    const before = (await exportsOf()).length;
    const res = await run({ format: 'pohoda', period: '2026-10' });
    expect(res.statusCode).toBe(400);
    // The export names every one the preview named, checked before writing; the first also as before.
    const error = res.json().error;
    const asFacts = (rates: typeof expected) => rates.map(({ documentNumber, vatRateBp, country }) => ({ documentNumber, vatRateBp, country }));
    const byNumberAndRate = (a: { documentNumber: string; vatRateBp: number }, b: { documentNumber: string; vatRateBp: number }) =>
      a.documentNumber.localeCompare(b.documentNumber) || a.vatRateBp - b.vatRateBp;
    expect(error).toMatchObject({ code: 'vat_rate_not_mapped', country: 'CZ' });
    expect([...error.rates].sort(byNumberAndRate)).toEqual(asFacts(expected).sort(byNumberAndRate));
    expect(error).toMatchObject(error.rates[0]);
    expect(error.details).toHaveLength(3);
    expect(error.message).toContain(first.number);
    expect(error.message).toContain(second.number);
    const single = await w.req(w.accountant.auth, 'GET', `/api/v1/exports/invoices/${second.id}?format=pohoda`);
    expect(single.statusCode).toBe(400);
    expect(single.json().error).toMatchObject({ code: 'vat_rate_not_mapped', documentNumber: second.number, vatRateBp: 1500, rates: [{ documentNumber: second.number, vatRateBp: 1500, country: 'CZ' }] });
    // One document with two such rates: the single-file export names both.
    const both = (await w.req(w.accountant.auth, 'GET', `/api/v1/exports/invoices/${first.id}?format=pohoda`)).json().error;
    expect([...both.rates].sort(byNumberAndRate)).toEqual(asFacts(expected.slice(0, 2)));
    expect((await exportsOf()).length).toBe(before);

    // A document a POHODA batch carried before (when its rate still had a name, say) is marked, as it stops only an export again.
    const db = w.t.database.db;
    const batch = await db.insertInto('export_batches').values({
      format: 'pohoda', period: '2026-10', created_by: null, created_at: '2026-11-01T00:00:00.000Z', document_count: 1, file_name: 'pohoda-2026-10.xml',
      media_type: 'application/xml', byte_size: 0, sha256: '0'.repeat(64), include_exported: 0,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('export_batch_documents').values({ batch_id: Number(batch.id), document_kind: 'invoice', document_id: second.id }).execute();
    expect((await pohodaPreview()).sort(byDocumentAndRate).map((r) => [r.id, r.vatRateBp, r.exported])).toEqual([[first.id, 1000, false], [first.id, 1500, false], [second.id, 1500, true]]);
  });

  it('POHODA: a slip sold in EUR goes as a foreign-currency document; one valued in two currencies is named by the preview and refused with a 400 naming it, and nothing is written', async () => {
    const ok = async (method: 'POST', url: string, payload: object) => {
      const res = await w.req(w.admin.auth, method, url, payload);
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    const priced = await ok('POST', '/api/v1/items', { code: 'KABEL-EUR', name: 'Kabel', unit: 'pcs', salePriceMinor: 10_00 });
    const unpriced = await ok('POST', '/api/v1/items', { code: 'SPONA-EUR', name: 'Spona', unit: 'pcs' });
    const store = await ok('POST', '/api/v1/warehouses', { code: 'EURSKLAD', name: 'Sklad EUR', kind: 'store' });
    await ok('POST', '/api/v1/stock-documents', { kind: 'receipt', date: '2026-12-01', warehouseId: store.id, lines: [{ itemId: priced.id, quantity: '10', unitPriceMinor: 4_00 }, { itemId: unpriced.id, quantity: '10', unitPriceMinor: 1_00 }], confirm: true });
    const issue = async (date: string, itemIds: number[]) =>
      ok('POST', '/api/v1/stock-documents', { kind: 'issue', date, warehouseId: store.id, ticketId: w.ticket.id, lines: itemIds.map((itemId) => ({ itemId, quantity: '1' })), confirm: true });
    // The client buys from a price list in EUR that prices one of the items; the stock costs stay in CZK.
    const eurList = await ok('POST', '/api/v1/price-lists', { name: 'Ceník EUR', currency: 'EUR' });
    await ok('POST', `/api/v1/price-lists/${eurList.id}/versions`, { validFrom: '2026-01-01', terms: { itemPrices: [{ itemId: priced.id, priceMinor: 10_00 }] } });
    const own = (await w.req(w.admin.auth, 'GET', `/api/v1/clients/${w.clientId}/price-list`)).json();
    expect((await w.t.request(w.admin.auth, { method: 'PUT', url: `/api/v1/clients/${w.clientId}/price-list`, payload: { priceListId: eurList.id } })).statusCode).toBe(200);
    const mixed = await issue('2026-12-05', [priced.id, unpriced.id]);
    // The preview names the slip beforehand, by the rule the export refuses by; the other formats carry no slips.
    expect((await preview('pohoda', '2026-12')).json().slipCurrenciesMixed).toEqual([
      { kind: 'slip', id: mixed.id, documentNumber: mixed.number, currencies: ['EUR', 'CZK'], exported: false, message: expect.stringContaining(`Issue slip ${mixed.number} values its material in EUR and CZK`) },
    ]);
    for (const format of ['isdoc', 'ubl', 'csv']) expect((await preview(format, '2026-12')).json().slipCurrenciesMixed, format).toEqual([]);
    const before = (await exportsOf()).length;
    const refused = await run({ format: 'pohoda', period: '2026-12' });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'slip_currencies_mixed', documentNumbers: [mixed.number], slips: [{ documentNumber: mixed.number, currencies: ['EUR', 'CZK'] }] });
    expect(refused.json().error.message).toContain(`Issue slip ${mixed.number} values its material in EUR and CZK`);
    expect((await exportsOf()).length).toBe(before);

    const eur = await issue('2027-01-05', [priced.id]);
    expect((await w.t.request(w.admin.auth, { method: 'PUT', url: `/api/v1/clients/${w.clientId}/price-list`, payload: { priceListId: own.priceListId } })).statusCode).toBe(200);
    // A slip valued in one currency alone (EUR) is nothing to warn about.
    expect((await preview('pohoda', '2027-01')).json()).toMatchObject({ toExport: { slips: 1 }, slipCurrenciesMixed: [] });
    const res = await run({ format: 'pohoda', period: '2027-01' });
    expect(res.statusCode, res.body).toBe(201);
    const { bytes } = await download(res.json().id);
    const path = join(dir, `${engine}-pohoda-eur-slip.xml`);
    writeFileSync(path, bytes);
    validate(XSD.pohoda, [path]);
    const text = iconv.decode(bytes, 'win1250');
    expect(text).toContain(`<typ:numberRequested>${eur.number}</typ:numberRequested>`);
    expect(text).toMatch(/<vyd:foreignCurrency>\s*<typ:unitPrice>10.00</);
    expect(text).toMatch(/<vyd:foreignCurrency>\s*<typ:currency>\s*<typ:ids>EUR<\/typ:ids>[\s\S]*<typ:priceSum>10.00</);
    expect(text).not.toContain('<vyd:homeCurrency>');
  });

  it('only admins and accountants export', async () => {
    expect((await run({ format: 'csv', period: '2026-Q4' }, w.manager.auth)).statusCode).toBe(403);
    expect((await run({ format: 'csv', period: '2026-Q4' }, w.tech.auth)).statusCode).toBe(403);
    expect((await w.req(w.tech.auth, 'GET', '/api/v1/exports')).statusCode).toBe(403);
    expect(creditNoteId).toBeGreaterThan(0);
  });
});
