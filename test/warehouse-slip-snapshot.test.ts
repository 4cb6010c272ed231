/**
 * An issued slip says what it said when it was issued, on SQLite and PostgreSQL. Its VAT
 * rates and currency come from settings that change (the VAT rates, an item's VAT
 * category, the provider's country); confirming an issue slip or a return stores them,
 * and its document, its printed PDF and its POHODA export read them from there: entering
 * rates, changing the item's category or the provider's country afterwards changes none
 * of it, and an "export again" writes the slip as the first export did. A draft follows
 * the settings until it is confirmed.
 */
import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as m0029 from '../migrations/0029_slip_issue_snapshot.ts';
import { pohodaItemXml } from '../src/modules/exports/domain/pohoda.ts';
import { currencyOfCountry, getProviderCountry, vatRateOn, VAT_CATEGORIES } from '../src/modules/pricing/index.ts';
import { buildSlipDocument } from '../src/modules/warehouse/index.ts';
import type { Auth } from './app.ts';
import { testEngines } from './db.ts';
import { invoicingWorld, type InvoicingWorld } from './invoicing.fixture.ts';

describe.each(testEngines())('an issued slip keeps its VAT rates and currency on %s', (engine) => {
  let w: InvoicingWorld;
  let book: number;
  let cable: number;
  let warehouse: number;
  const db = () => w.t.database.db;

  const ok = async (auth: Auth, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
    const res = await w.req(auth, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const put = async (url: string, payload: object) => {
    const res = await w.t.request(w.admin.auth, { method: 'PUT', url, payload });
    expect(res.statusCode, `PUT ${url}: ${res.body}`).toBe(200);
  };
  const issueSlip = async (date: string, lines: { itemId: number; quantity: string }[], confirm = true) =>
    (await ok(w.admin.auth, 'POST', '/api/v1/stock-documents', { kind: 'issue', date, warehouseId: warehouse, ticketId: w.ticket.id, lines, confirm })) as { id: number; number: string };
  const enterRate = (category: string, rateBp: number, validFrom: string, country = 'CZ') =>
    ok(w.admin.auth, 'POST', '/api/v1/vat-rates', { country, category, rateBp, validFrom, validTo: null });
  const pdf = async (id: number) => {
    const res = await w.req(w.admin.auth, 'GET', `/api/v1/stock-documents/${id}/pdf`);
    expect(res.statusCode).toBe(200);
    return res.rawPayload;
  };
  const exportOctober = async (includeExported: boolean) => {
    const batch = await ok(w.accountant.auth, 'POST', '/api/v1/exports', { format: 'pohoda', period: '2026-10', includeExported });
    const file = await w.req(w.accountant.auth, 'GET', batch.downloadUrl);
    expect(file.statusCode).toBe(200);
    return file.rawPayload.toString('latin1');
  };
  /** A slip's dataPackItem in a POHODA file. */
  const slipItem = (xml: string, id: number) => xml.match(new RegExp(`<dat:dataPackItem [^>]*id="SLIP-${id}"[\\s\\S]*?</dat:dataPackItem>`))?.[0];
  const storedRates = async (id: number) =>
    (await db().selectFrom('stock_document_lines').select('vat_rate_bp').where('document_id', '=', id).orderBy('position').execute()).map((l) => l.vat_rate_bp);

  beforeAll(async () => {
    w = await invoicingWorld(engine);
    // A book at the reduced rate, priced from its sale price; a cable at the standard rate with no price anywhere.
    book = (await ok(w.admin.auth, 'POST', '/api/v1/items', { code: 'KNIHA', name: 'Příručka', unit: 'pcs', vatCategory: 'reduced', salePriceMinor: 300_00 })).id;
    cable = (await ok(w.admin.auth, 'POST', '/api/v1/items', { code: 'KABEL', name: 'Kabel', unit: 'm', vatCategory: 'standard' })).id;
    warehouse = (await ok(w.admin.auth, 'POST', '/api/v1/warehouses', { code: 'MAIN', name: 'Hlavní sklad', kind: 'store', userIds: [w.admin.id] })).id;
    await ok(w.admin.auth, 'POST', '/api/v1/stock-documents', {
      kind: 'receipt', date: '2026-10-01', warehouseId: warehouse, confirm: true,
      lines: [{ itemId: book, quantity: '100', unitPriceMinor: 200_00 }, { itemId: cable, quantity: '1000', unitPriceMinor: 10_00 }],
    });
  });
  afterAll(() => w.t.close());

  it('keeps what an issued slip and a return say when rates, the item’s category and the provider’s country change; a draft takes the rate in force when confirmed', async () => {
    const slip = await issueSlip('2026-10-20', [{ itemId: book, quantity: '2' }, { itemId: cable, quantity: '5' }]);
    const unpriced = await issueSlip('2026-10-20', [{ itemId: cable, quantity: '3' }]);
    const ret = await ok(w.admin.auth, 'POST', '/api/v1/stock-documents', { kind: 'return', date: '2026-10-21', warehouseId: warehouse, returnsDocumentId: slip.id, lines: [{ itemId: book, quantity: '1' }], confirm: true });
    const draft = await issueSlip('2026-10-22', [{ itemId: book, quantity: '1' }], false);

    // As issued: the reduced 12 % and the standard 21 % of 20 October, the return at 12 % too; CZK.
    const issued = { slip: await buildSlipDocument(db(), slip.id), unpriced: await buildSlipDocument(db(), unpriced.id), ret: await buildSlipDocument(db(), ret.id) };
    expect(issued.slip).toMatchObject({ currency: 'CZK', totalPriceMinor: null, lines: [{ itemCode: 'KNIHA', priceMinor: 600_00, vatRateBp: 1200 }, { itemCode: 'KABEL', priceMinor: null, vatRateBp: 2100 }] });
    expect(issued.unpriced).toMatchObject({ currency: 'CZK', lines: [{ vatRateBp: 2100 }] });
    expect(issued.ret).toMatchObject({ kind: 'return', currency: 'CZK', lines: [{ quantityMilli: -1000, vatRateBp: 1200 }] });
    expect(await storedRates(draft.id)).toEqual([null]);
    const printed = { slip: await pdf(slip.id), unpriced: await pdf(unpriced.id) };
    const firstExport = await exportOctober(false);
    const exported = { slip: slipItem(firstExport, slip.id)!, unpriced: slipItem(firstExport, unpriced.id)! };
    expect(exported.slip).toMatch(/<vyd:rateVAT>low<[\s\S]*<vyd:rateVAT>high</);

    // The rates swap from 1 October (both still known to POHODA), the cable becomes zero-rated, then the provider is Slovak.
    await enterRate('reduced', 2100, '2026-10-01');
    await enterRate('standard', 1200, '2026-10-01');
    await ok(w.admin.auth, 'PATCH', `/api/v1/items/${cable}`, { vatCategory: 'zero' });
    // The settings did change: read now, the slip's lines would take other rates.
    expect(await vatRateOn(db(), 'CZ', 'reduced', '2026-10-20')).toBe(2100);
    expect(await vatRateOn(db(), 'CZ', 'zero', '2026-10-20')).toBe(0);

    // The draft is issued now, at the rate in force now.
    await ok(w.admin.auth, 'POST', `/api/v1/stock-documents/${draft.id}/confirm`);
    expect((await buildSlipDocument(db(), draft.id)).lines.map((l) => l.vatRateBp)).toEqual([2100]);
    await put('/api/v1/pricing-settings', { providerCountry: 'SK' });

    for (const [id, before] of [[slip.id, issued.slip], [unpriced.id, issued.unpriced], [ret.id, issued.ret]] as const) {
      expect(await buildSlipDocument(db(), id)).toEqual(before);
    }
    expect(await pdf(slip.id)).toEqual(printed.slip);
    expect(await pdf(unpriced.id)).toEqual(printed.unpriced);
    const again = await exportOctober(true);
    expect(slipItem(again, slip.id)).toBe(exported.slip);
    expect(slipItem(again, unpriced.id)).toBe(exported.unpriced);
    expect(slipItem(again, draft.id)).toMatch(/<vyd:rateVAT>high</);

    // A slip issued under the Slovak provider takes the Slovak rate and currency (the new settings apply from here on).
    const slovak = await issueSlip('2026-10-23', [{ itemId: cable, quantity: '1' }]);
    expect(await buildSlipDocument(db(), slovak.id)).toMatchObject({ currency: 'EUR', lines: [{ vatRateBp: 0 }] });
    await put('/api/v1/pricing-settings', { providerCountry: 'CZ' });
    await ok(w.admin.auth, 'PATCH', `/api/v1/items/${cable}`, { vatCategory: 'standard' });

    // Whatever code path tries, the database refuses to change what an issued slip keeps.
    await expect(db().updateTable('stock_document_lines').set({ vat_rate_bp: 2100 }).where('document_id', '=', slip.id).execute()).rejects.toThrow(/issued_slip_immutable/);
    await expect(db().updateTable('stock_documents').set({ currency: 'EUR' }).where('id', '=', slip.id).execute()).rejects.toThrow(/issued_slip_immutable/);
    expect(await buildSlipDocument(db(), slip.id)).toEqual(issued.slip);
  });

  it('any VAT rates entered after a slip was issued leave its document and its POHODA item as they were (property)', async () => {
    const slip = await issueSlip('2026-10-25', [{ itemId: book, quantity: '1' }, { itemId: cable, quantity: '2' }]);
    const issued = await buildSlipDocument(db(), slip.id);
    const pohoda = pohodaItemXml({ kind: 'slip', doc: issued });
    const day = fc.integer({ min: 0, max: 120 }).map((n) => new Date(Date.UTC(2026, 8, 1 + n)).toISOString().slice(0, 10));
    const rate = fc.record({
      // The provider's country: rates of another country never reach its slips anyway.
      country: fc.constant('CZ'),
      category: fc.constantFrom(...VAT_CATEGORIES),
      rateBp: fc.oneof(fc.constantFrom(0, 500, 1000, 1200, 1500, 1900, 2100, 2300), fc.integer({ min: 0, max: 10_000 })),
      validFrom: day,
      validTo: fc.option(day, { nil: null }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(rate, { minLength: 1, maxLength: 4 }), async (rates) => {
        for (const r of rates) {
          const res = await w.req(w.admin.auth, 'POST', '/api/v1/vat-rates', r);
          // A date taken before (or an end before the start) is refused; either way nothing here is a server error.
          expect(res.statusCode, res.body).toBeLessThan(500);
        }
        const now = await buildSlipDocument(db(), slip.id);
        expect(now).toEqual(issued);
        expect(pohodaItemXml({ kind: 'slip', doc: now })).toBe(pohoda);
      }),
      { numRuns: 40 },
    );
  });

  it('migration 0029 gives slips issued before it the rate and currency the settings give them on the day it runs; drafts and other documents none', async () => {
    const slip = await issueSlip('2026-10-27', [{ itemId: book, quantity: '2' }, { itemId: cable, quantity: '1' }]);
    await issueSlip('2026-10-27', [{ itemId: cable, quantity: '1' }]);
    await ok(w.admin.auth, 'POST', '/api/v1/stock-documents', { kind: 'return', date: '2026-10-28', warehouseId: warehouse, returnsDocumentId: slip.id, lines: [{ itemId: book, quantity: '1' }], confirm: true });
    await issueSlip('2026-10-27', [{ itemId: cable, quantity: '1' }, { itemId: book, quantity: '1' }], false);
    await put('/api/v1/pricing-settings', { providerCountry: 'SK' });
    // Slovak rates that make each part of the rule tell: a newer reduced rate, a standard rate that ended before the
    // slips' dates (none applies: 0), and the book's category changed on the item (its records still say reduced).
    await enterRate('reduced', 1000, '2026-10-01', 'SK');
    await ok(w.admin.auth, 'POST', '/api/v1/vat-rates', { country: 'SK', category: 'standard', rateBp: 2200, validFrom: '2026-10-02', validTo: '2026-10-10' });
    await ok(w.admin.auth, 'PATCH', `/api/v1/items/${book}`, { vatCategory: 'zero' });
    // As if the slips had been issued before the columns existed (the SK rates and currency are not what they were issued with).
    await m0029.down(db() as unknown as Kysely<any>);
    await m0029.up(db() as unknown as Kysely<any>);

    const lines = await db()
      .selectFrom('stock_document_lines as l')
      .innerJoin('stock_documents as d', 'd.id', 'l.document_id')
      .innerJoin('items as i', 'i.id', 'l.item_id')
      .leftJoin('records as r', 'r.id', 'l.record_id')
      .select(['d.id', 'd.kind', 'd.state', 'd.date', 'd.currency', 'l.vat_rate_bp', 'r.vat_category as recordCategory', 'r.currency as recordCurrency', 'i.vat_category as itemCategory'])
      .orderBy('d.id').orderBy('l.position')
      .execute();
    const country = await getProviderCountry(db());
    expect(country).toBe('SK');
    const slips = lines.filter((l) => l.state === 'confirmed' && (l.kind === 'issue' || l.kind === 'return'));
    expect(slips.length).toBeGreaterThanOrEqual(4);
    for (const l of slips) {
      expect(l.vat_rate_bp, `document ${l.id}`).toBe((await vatRateOn(db(), country, l.recordCategory ?? l.itemCategory, l.date)) ?? 0);
      const priced = lines.find((o) => o.id === l.id && o.recordCurrency !== null);
      expect(l.currency, `document ${l.id}`).toBe(priced?.recordCurrency ?? currencyOfCountry(country));
    }
    const others = lines.filter((l) => !slips.includes(l));
    expect(others.map((l) => l.kind).sort()).toEqual(['issue', 'issue', 'receipt', 'receipt']);
    for (const l of others) expect([l.vat_rate_bp, l.currency]).toEqual([null, null]);
    // The slips read as before, now from what the migration stored.
    expect((await buildSlipDocument(db(), slips[0]!.id)).lines.map((l) => l.vatRateBp)).toEqual(slips.filter((l) => l.id === slips[0]!.id).map((l) => l.vat_rate_bp));
    expect(slips.filter((l) => l.id === slip.id).map((l) => l.vat_rate_bp)).toEqual([1000, 0]);
    await put('/api/v1/pricing-settings', { providerCountry: 'CZ' });
    await ok(w.admin.auth, 'PATCH', `/api/v1/items/${book}`, { vatCategory: 'reduced' });
  });
});
