/**
 * A POHODA export while the documents' settings change, and one whose writer stops after
 * it began, on SQLite and PostgreSQL.
 *
 * An issue slip keeps the VAT rate it was issued with (as an issued invoice keeps its
 * lines), so a VAT rate entered while October is being exported, after the export checked
 * every rate and before the writer reads the slip, changes nothing: the export goes
 * through with the slip's issued rate, and exporting it again writes the same. No
 * document can take a rate POHODA has no name for between the check and the write any
 * more. What can still stop the writer once it has begun the file is the file store
 * failing under it (a full disk): the export must then answer with its error (500, or
 * the last JSON line) and leave nothing half-written (no stored file, no batch, no
 * audit entry, no document marked exported), and export each document exactly once
 * when run again.
 *
 * The seam is the file store the exports service is given: its `put` is called once the
 * check has passed and before the writer reads the first document, so a store that first
 * lets a change happen, then stores as usual, places the change in that window; the same
 * store can fail once the slip's bytes reach it.
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
 * The real file store, except that the next `put` first awaits `beforeWrite` (once), fails
 * once a chunk holding `failOn` reaches it (once: the disk is full just then), and counts
 * the bytes the real store received, so a test can tell that the file was begun.
 */
function racingStore(real: FileStore) {
  const store = {
    beforeWrite: null as null | (() => Promise<void>),
    failOn: null as null | string,
    bytesReceived: 0,
    async put(input: Readable, maxBytes: number) {
      const change = store.beforeWrite;
      store.beforeWrite = null;
      if (change) await change();
      const failOn = store.failOn;
      store.failOn = null;
      store.bytesReceived = 0;
      const counted = Readable.from(
        (async function* () {
          for await (const chunk of input as AsyncIterable<Buffer>) {
            if (failOn !== null && chunk.includes(failOn, 0, 'latin1')) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
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

describe.each(testEngines())('a POHODA export of an issued slip while VAT rates change, and one whose writer stops, on %s', (engine) => {
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

  const exportOctober = async (accept?: string, includeExported = false) => {
    const auth = (await w.t.tokenFor(w.accountant.id)) as { token: string };
    return racing.inject({
      method: 'POST', url: '/api/v1/exports', payload: { format: 'pohoda', period: '2026-10', includeExported },
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
  const downloaded = async (batch: { downloadUrl: string }) => {
    const file = await w.req(w.accountant.auth, 'GET', batch.downloadUrl);
    expect(file.statusCode).toBe(200);
    return file.rawPayload.toString('latin1');
  };
  /** The slip's dataPackItem in a POHODA file. */
  const slipItem = (xml: string) => xml.match(new RegExp(`<dat:dataPackItem [^>]*id="SLIP-${slip.id}"[\\s\\S]*?</dat:dataPackItem>`))?.[0];

  it('a store failing once the writer began: 500 internal_error (or its last JSON line), nothing half-written, each document once after', async () => {
    const before = await state();
    expect(before.batches).toBe(0);

    // Plain JSON: the disk fills up as the slip is written, after the invoice.
    store.failOn = slip.number;
    const plain = await exportOctober();
    expect(plain.statusCode, plain.body).toBe(500);
    expect(plain.json().error).toMatchObject({ code: 'internal_error' });
    expect(store.failOn).toBeNull();
    // The writer had begun the file (the invoice goes before the slip), and none of it is left.
    expect(store.bytesReceived).toBeGreaterThan(0);
    expect(await state()).toEqual(before);

    // The same with progress lines: the lines start, then end with the error; no batch.
    store.failOn = slip.number;
    const streamed = await exportOctober(NDJSON);
    expect(streamed.statusCode, streamed.body).toBe(200);
    const lines = streamed.body.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toEqual({ total: 2 });
    expect(lines.at(-1)).toEqual({ error: expect.objectContaining({ code: 'internal_error' }) });
    expect(store.bytesReceived).toBeGreaterThan(0);
    expect(await state()).toEqual(before);

    // The store works again: the export goes through, each document once, all of them marked.
    const done = await exportOctober();
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json()).toMatchObject({ format: 'pohoda', period: '2026-10', documentCount: 2 });
    const after = await state();
    expect(after.batches).toBe(1);
    expect(after.batchAudits).toBe(1);
    expect(after.marked).toEqual([`client:${w.clientId}`, `invoice:${invoice.id}`, `slip:${slip.id}`].sort());
    expect(after.files.filter((f) => !before.files.includes(f))).toHaveLength(1);
    const xml = await downloaded(done.json());
    expect(xml.split(`<typ:numberRequested>${invoice.number}<`).length - 1).toBe(1);
    expect(xml.split(`<typ:numberRequested>${slip.number}<`).length - 1).toBe(1);
    // The address-book entry, the invoice and the slip.
    expect(xml.split('<dat:dataPackItem ').length - 1).toBe(3);
    expect(slipItem(xml)).toMatch(/<vyd:rateVAT>low</);
    // Nothing is left to export: both documents are marked.
    const again = await exportOctober();
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'nothing_to_export', alreadyExported: 2 });
  });

  it('a VAT rate entered between the check and the write leaves the issued slip as it was: exported again, it says what the first export said', async () => {
    const first = (await w.req(w.accountant.auth, 'GET', '/api/v1/exports?limit=10')).json().items.at(-1) as { downloadUrl: string };
    const firstSlip = slipItem(await downloaded(first));
    expect(firstSlip).toMatch(/<vyd:rateVAT>low</);
    const before = await state();

    // 15 % and then 10 % for the reduced category from 1 October, entered while "export again" is being written
    // (rates POHODA has no name for): the slip keeps the 12 % it was issued with.
    store.beforeWrite = () => enterReducedRate(1500, '2026-10-01');
    const plain = await exportOctober(undefined, true);
    expect(plain.statusCode, plain.body).toBe(201);
    expect(store.beforeWrite).toBeNull();
    expect(slipItem(await downloaded(plain.json()))).toBe(firstSlip);

    store.beforeWrite = () => enterReducedRate(1000, '2026-10-03');
    const streamed = await exportOctober(NDJSON, true);
    expect(streamed.statusCode, streamed.body).toBe(200);
    const last = JSON.parse(streamed.body.trimEnd().split('\n').at(-1)!) as { batch: { documentCount: number; downloadUrl: string } };
    expect(last.batch.documentCount).toBe(2);
    expect(slipItem(await downloaded(last.batch))).toBe(firstSlip);

    // Nothing refused since either: the preview finds no rate POHODA lacks; the same documents went into both batches.
    expect((await preview()).vatRatesNotMapped).toEqual([]);
    const after = await state();
    expect(after.batches).toBe(before.batches + 2);
    expect(new Set(after.marked)).toEqual(new Set(before.marked));
  });
});
