/**
 * A POHODA export whose document changes between the check and the write, on SQLite and
 * PostgreSQL. An issue slip's VAT rate is not a snapshot: it is read from the VAT rates in
 * force on the slip's date each time the slip is read. So a rate entered while October is
 * being exported can give a slip a rate POHODA has no name for after the export checked
 * every rate and before the writer reads that slip. The writer finds it then; the export
 * must answer as the check would have (400 vat_rate_not_mapped, or the last JSON line),
 * leave nothing half-written (no stored file, no batch, no audit entry, no document
 * marked exported) and export each document exactly once when run again after the fix.
 *
 * The seam is the file store the exports service is given: its `put` is called once the
 * check has passed and before the writer reads the first document, so a store that first
 * lets the rate change happen, then stores as usual, places the change in that window.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { createExportsService } from '../src/modules/exports/index.ts';
import { createFileStore, type FileStore } from '../src/platform/storage.ts';
import { testEngines } from './db.ts';
import { invoicingWorld, type InvoicingWorld } from './invoicing.fixture.ts';

const NDJSON = 'application/x-ndjson';
const SLIP_DATE = '2026-10-20';

/** Every file under `dir`, the store's unfinished uploads (tmp/) included. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
}

/**
 * The real file store, except that the next `put` first awaits `beforeWrite` (once), and
 * counts the bytes the real store received, so a test can tell that the file was begun.
 */
function racingStore(real: FileStore) {
  const store = {
    beforeWrite: null as null | (() => Promise<void>),
    bytesReceived: 0,
    async put(input: Readable, maxBytes: number) {
      const change = store.beforeWrite;
      store.beforeWrite = null;
      if (change) await change();
      store.bytesReceived = 0;
      const counted = Readable.from(
        (async function* () {
          for await (const chunk of input as AsyncIterable<Buffer>) {
            store.bytesReceived += chunk.length;
            yield chunk;
          }
        })(),
      );
      return real.put(counted, maxBytes);
    },
    open: (sha256: string) => real.open(sha256),
    exists: (sha256: string) => real.exists(sha256),
    pathOf: (sha256: string) => real.pathOf(sha256),
  };
  return store;
}

describe.each(testEngines())('a POHODA export whose slip changes rate between the check and the write on %s', (engine) => {
  let w: InvoicingWorld;
  let store: ReturnType<typeof racingStore>;
  let racing: Awaited<ReturnType<typeof buildApp>>;
  let invoice: { id: number; number: string };
  let slip: { id: number; number: string };

  beforeAll(async () => {
    w = await invoicingWorld(engine);
    const { t } = w;
    // The same app, except that its exports service stores through the racing store.
    store = racingStore(createFileStore(t.config.storageDir));
    const deps = { config: t.config, database: t.database, clock: t.clock };
    racing = await buildApp(deps, { ...t.services, exports: createExportsService({ db: t.database.db, clock: t.clock, files: store }) });
    await racing.ready();

    // October: an issued invoice at 21 % and, after it in the batch, an issue slip of an item at the reduced rate (12 %).
    const draft = await w.draft({ records: await w.approvedRecords(1, 6) });
    const issued = await w.req(w.manager.auth, 'POST', `/api/v1/invoices/${draft}/issue`);
    expect(issued.statusCode, issued.body).toBe(200);
    invoice = { id: draft, number: issued.json().number };
    const ok = async (url: string, payload: object) => {
      const res = await w.req(w.admin.auth, 'POST', url, payload);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(201);
      return res.json();
    };
    const item = (await ok('/api/v1/items', { code: 'KNIHA', name: 'Příručka', unit: 'pcs', vatCategory: 'reduced', salePriceMinor: 300_00 })).id as number;
    const warehouse = (await ok('/api/v1/warehouses', { code: 'MAIN', name: 'Hlavní sklad', kind: 'store', userIds: [w.admin.id] })).id as number;
    await ok('/api/v1/stock-documents', { kind: 'receipt', date: '2026-10-01', warehouseId: warehouse, lines: [{ itemId: item, quantity: '5', unitPriceMinor: 200_00 }], confirm: true });
    const issue = await ok('/api/v1/stock-documents', { kind: 'issue', date: SLIP_DATE, warehouseId: warehouse, ticketId: w.ticket.id, lines: [{ itemId: item, quantity: '1' }], confirm: true });
    slip = { id: issue.id, number: issue.number };
  });
  afterAll(async () => {
    await racing?.close();
    await w.t.close();
  });

  const exportOctober = async (accept?: string) => {
    const auth = (await w.t.tokenFor(w.accountant.id)) as { token: string };
    return racing.inject({
      method: 'POST', url: '/api/v1/exports', payload: { format: 'pohoda', period: '2026-10' },
      headers: { authorization: `Bearer ${auth.token}`, ...(accept ? { accept } : {}) },
    });
  };
  /** A reduced rate valid from `validFrom`, entered by the admin as anyone would. */
  const enterReducedRate = async (rateBp: number, validFrom: string) => {
    const res = await w.req(w.admin.auth, 'POST', '/api/v1/vat-rates', { country: 'CZ', category: 'reduced', rateBp, validFrom, validTo: null });
    expect(res.statusCode, res.body).toBe(201);
  };
  const db = () => w.t.database.db;
  const state = async () => ({
    batches: Number((await db().selectFrom('export_batches').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
    marked: (await db().selectFrom('export_batch_documents').select(['document_kind', 'document_id']).orderBy('document_kind').orderBy('document_id').execute()).map((d) => `${d.document_kind}:${Number(d.document_id)}`),
    batchAudits: Number((await db().selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('entity', '=', 'export_batch').executeTakeFirstOrThrow()).n),
    files: filesUnder(w.t.config.storageDir),
  });
  const preview = async () => (await w.req(w.accountant.auth, 'GET', '/api/v1/exports/preview?format=pohoda&period=2026-10')).json();

  it('answers 400 vat_rate_not_mapped (or its last JSON line), leaves nothing half-written, and exports each document once after the fix', async () => {
    // The check passes: every rate of October has a POHODA name.
    expect((await preview()).vatRatesNotMapped).toEqual([]);
    const before = await state();
    expect(before.batches).toBe(0);
    const unmapped = (rateBp: number) => ({ code: 'vat_rate_not_mapped', documentNumber: slip.number, vatRateBp: rateBp, country: 'CZ', rates: [{ documentNumber: slip.number, vatRateBp: rateBp, country: 'CZ' }] });

    // Plain JSON: a 15 % reduced rate from 1 October is entered after the check, before the writer reads the slip.
    store.beforeWrite = () => enterReducedRate(1500, '2026-10-01');
    const plain = await exportOctober();
    expect(plain.statusCode, plain.body).toBe(400);
    expect(plain.json().error).toMatchObject(unmapped(1500));
    expect(plain.json().error.message).toContain(slip.number);
    expect(store.beforeWrite).toBeNull();
    // The writer had begun the file (the invoice goes before the slip), and none of it is left.
    expect(store.bytesReceived).toBeGreaterThan(0);
    expect(await state()).toEqual(before);

    // The same race with progress lines: the lines start, then end with the same error; no batch.
    await enterReducedRate(1200, '2026-10-02');
    expect((await preview()).vatRatesNotMapped).toEqual([]);
    store.beforeWrite = () => enterReducedRate(1000, '2026-10-03');
    const streamed = await exportOctober(NDJSON);
    expect(streamed.statusCode, streamed.body).toBe(200);
    const lines = streamed.body.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toEqual({ total: 2 });
    expect(lines.at(-1)).toEqual({ error: expect.objectContaining(unmapped(1000)) });
    expect(store.bytesReceived).toBeGreaterThan(0);
    expect(await state()).toEqual(before);
    expect((await preview()).vatRatesNotMapped).toMatchObject([{ kind: 'slip', id: slip.id, vatRateBp: 1000, exported: false }]);

    // Fixed (history is never edited: the right rate is a newer row), the export goes through.
    await enterReducedRate(1200, '2026-10-04');
    const done = await exportOctober();
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json()).toMatchObject({ format: 'pohoda', period: '2026-10', documentCount: 2 });
    const after = await state();
    expect(after.batches).toBe(1);
    expect(after.batchAudits).toBe(1);
    expect(after.marked).toEqual([`client:${w.clientId}`, `invoice:${invoice.id}`, `slip:${slip.id}`].sort());
    expect(after.files.filter((f) => !before.files.includes(f))).toHaveLength(1);
    // Each document once in the file, the slip at the rate in force again.
    const file = await w.req(w.accountant.auth, 'GET', done.json().downloadUrl);
    expect(file.statusCode).toBe(200);
    const xml = file.rawPayload.toString('latin1');
    expect(xml.split(`<typ:numberRequested>${invoice.number}<`).length - 1).toBe(1);
    expect(xml.split(`<typ:numberRequested>${slip.number}<`).length - 1).toBe(1);
    // The address-book entry, the invoice and the slip.
    expect(xml.split('<dat:dataPackItem ').length - 1).toBe(3);
    expect(xml.match(/<vyd:rateVAT>(\w+)</)?.[1]).toBe('low');
    // Nothing is left to export: both documents are marked.
    const again = await exportOctober();
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'nothing_to_export', alreadyExported: 2 });
  });
});
