import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from './db.ts';
import { invoicingWorld, type InvoicingWorld } from './invoicing.fixture.ts';

/**
 * Invoices in a foreign currency state their VAT in the supplier's currency too
 * (§29 of the Czech VAT act): the rate is given at issue, stored, and the
 * document converts each VAT rate's base and VAT once. The supplier of the
 * fixture is a Czech VAT payer (home currency CZK); the pinned clock issues on 2026-11-02.
 */
describe.each(testEngines())('invoices in a foreign currency on %s', (engine) => {
  let w: InvoicingWorld;
  beforeAll(async () => {
    w = await invoicingWorld(engine);
  });
  afterAll(() => w.t.close());

  const db = () => w.t.database.db;
  const issue = (id: number, payload?: object) => w.req(w.manager.auth, 'POST', `/api/v1/invoices/${id}/issue`, payload);
  const get = (id: number) => w.req(w.manager.auth, 'GET', `/api/v1/invoices/${id}`);
  const documentOf = async (id: number) => (await w.req(w.accountant.auth, 'GET', `/api/v1/invoices/${id}/document`)).json();
  const counter = async () => (await db().selectFrom('numbering_counters').select('last_sequence').where('document_type', '=', 'invoice').where('year', '=', 2026).executeTakeFirst())?.last_sequence ?? 0;

  /** A draft in EUR: 1 000.00 EUR at 21 % (VAT 210.00 EUR) unless other lines are given. */
  async function eurDraft(options: { reverseCharge?: boolean; currency?: string; lines?: { net_minor: number; vat_rate_bp: number }[] } = {}): Promise<number> {
    const lines = (options.lines ?? [{ net_minor: 1000_00, vat_rate_bp: 2100 }]).map((l) => ({ kind: 'manual' as const, description: 'Konzultace', quantity_milli: 1000, unit: 'h', unit_price_minor: l.net_minor, ...l }));
    const id = await w.draft({ lines, ...(options.reverseCharge ? { reverseCharge: true } : {}) });
    await db().updateTable('invoices').set({ currency: options.currency ?? 'EUR' }).where('id', '=', id).execute();
    return id;
  }

  it('refuses to issue a EUR draft with VAT without a rate, and changes nothing', async () => {
    const id = await eurDraft();
    const draft = (await get(id)).json();
    expect(draft).toMatchObject({ state: 'draft', needsExchangeRate: true, homeCurrency: 'CZK', exchangeRate: null, exchangeRateDate: null });
    const before = await counter();
    const res = await issue(id);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('exchange_rate_required');
    expect(res.json().error.message).toContain('EUR');
    expect(res.json().error.message).toContain('CZK');
    expect(await counter()).toBe(before);
    expect((await get(id)).json()).toMatchObject({ state: 'draft', number: null, exchangeRate: null });
    const audit = await db().selectFrom('audit_log').select('action').where('entity', '=', 'invoice').where('entity_id', '=', String(id)).execute();
    expect(audit).toEqual([]);
  });

  it('refuses bad rate text and a rate date after the issue date, naming the field', async () => {
    const id = await eurDraft();
    for (const rate of ['0', '-24.335', '2.4e1', '24,335', '24.1234567', 'abc']) {
      const res = await issue(id, { exchangeRate: { rate, date: '2026-11-02' } });
      expect(res.statusCode, rate).toBe(400);
      expect(res.json().error.details).toContainEqual(expect.objectContaining({ path: 'exchangeRate.rate', code: 'invalid_exchange_rate' }));
      expect(res.json().error.message).toContain('exchangeRate.rate');
    }
    const late = await issue(id, { exchangeRate: { rate: '24.335', date: '2026-11-03' } });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.details).toContainEqual(expect.objectContaining({ path: 'exchangeRate.date', code: 'exchange_rate_date_after_issue' }));
    const notADate = await issue(id, { exchangeRate: { rate: '24.335', date: '2026-13-01' } });
    expect(notADate.statusCode).toBe(400);
    expect(notADate.json().error.details).toContainEqual(expect.objectContaining({ path: 'exchangeRate.date' }));
    expect((await get(id)).json().state).toBe('draft');
  });

  it('issues with the rate: stored, audited, and the document states the VAT in CZK exactly', async () => {
    const id = await eurDraft();
    const res = await issue(id, { exchangeRate: { rate: '24.335', date: '2026-10-30' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'issued', currency: 'EUR', netMinor: 1000_00, vatMinor: 210_00, exchangeRate: '24.335', exchangeRateDate: '2026-10-30', needsExchangeRate: false, homeCurrency: 'CZK' });
    const doc = await documentOf(id);
    // 1 000.00 EUR × 24.335 = 24 335.00 CZK; 210.00 EUR × 24.335 = 5 110.35 CZK.
    expect(doc.homeCurrencyVat).toEqual({
      currency: 'CZK', rate: '24.335', rateDate: '2026-10-30',
      groups: [{ vatRateBp: 2100, baseMinor: 24_335_00, vatMinor: 5_110_35 }],
      baseMinor: 24_335_00, vatMinor: 5_110_35,
    });
    // Fixed for good: no path changes the rate of an issued invoice.
    await expect(db().updateTable('invoices').set({ exchange_rate: '25' }).where('id', '=', id).execute()).rejects.toThrow(/issued_invoice_immutable/);
    await expect(db().updateTable('invoices').set({ exchange_rate_date: '2026-10-01' }).where('id', '=', id).execute()).rejects.toThrow(/issued_invoice_immutable/);
    const audit = await db().selectFrom('audit_log').select('after_json').where('entity', '=', 'invoice').where('entity_id', '=', String(id)).where('action', '=', 'issue').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!)).toMatchObject({ exchangeRate: '24.335', exchangeRateDate: '2026-10-30' });
    const html = await w.req(w.accountant.auth, 'GET', `/api/v1/invoices/${id}/preview.html`);
    expect(html.body).toContain('DPH v Kč');
    expect(html.body).toContain('24,335');
    expect(html.body).toContain('5\u00a0110,35');

    // The credit note corrects at the invoice's rate, with no input.
    const credit = await w.req(w.accountant.auth, 'POST', `/api/v1/invoices/${id}/credit-notes`, { reason: 'Sleva', lines: [{ lineId: res.json().lines[0].id, amountMinor: 100_01 }] });
    expect(credit.statusCode, credit.body).toBe(201);
    const note = await documentOf(credit.json().id);
    expect(note).toMatchObject({ kind: 'credit_note', netMinor: -100_01, vatMinor: -21_00 });
    // −100.01 × 24.335 = −2 433.74335 → −2 433.74; −21.00 × 24.335 = −511.035 → −511.04 (half away from zero).
    expect(note.homeCurrencyVat).toEqual({
      currency: 'CZK', rate: '24.335', rateDate: '2026-10-30',
      groups: [{ vatRateBp: 2100, baseMinor: -2_433_74, vatMinor: -511_04 }],
      baseMinor: -2_433_74, vatMinor: -511_04,
    });
    expect((await get(credit.json().id)).json()).toMatchObject({ exchangeRate: '24.335', exchangeRateDate: '2026-10-30' });
  });

  it('converts each VAT rate once and sums the converted groups', async () => {
    const id = await eurDraft({ lines: [{ net_minor: 333_33, vat_rate_bp: 2100 }, { net_minor: 12_34, vat_rate_bp: 1200 }] });
    expect((await issue(id, { exchangeRate: { rate: '25.1', date: '2026-11-02' } })).statusCode).toBe(200);
    const doc = await documentOf(id);
    // 333.33 × 25.1 = 8 366.583 → 8 366.58; VAT 70.00 (69.9993 → 70.00) × 25.1 = 1 757.00
    // 12.34 × 25.1 = 309.734 → 309.73; VAT 1.48 (1.4808 → 1.48) × 25.1 = 37.148 → 37.15
    expect(doc.vatRecap.map((g: { vatMinor: number }) => g.vatMinor)).toEqual([70_00, 1_48]);
    expect(doc.homeCurrencyVat.groups).toEqual([
      { vatRateBp: 2100, baseMinor: 8_366_58, vatMinor: 1_757_00 },
      { vatRateBp: 1200, baseMinor: 309_73, vatMinor: 37_15 },
    ]);
    expect([doc.homeCurrencyVat.baseMinor, doc.homeCurrencyVat.vatMinor]).toEqual([8_366_58 + 309_73, 1_757_00 + 37_15]);
  });

  it('refuses a rate on an invoice in the home currency; needs none for reverse charge', async () => {
    const czk = await eurDraft({ currency: 'CZK' });
    expect((await get(czk)).json()).toMatchObject({ needsExchangeRate: false, homeCurrency: 'CZK' });
    const res = await issue(czk, { exchangeRate: { rate: '1', date: '2026-11-02' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('exchange_rate_not_needed');
    expect((await get(czk)).json().state).toBe('draft');
    const ok = await issue(czk);
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await documentOf(czk)).homeCurrencyVat).toBeNull();

    const reverse = await eurDraft({ reverseCharge: true });
    expect((await get(reverse)).json().needsExchangeRate).toBe(false);
    const issued = await issue(reverse);
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json().exchangeRate).toBeNull();
    expect((await documentOf(reverse)).homeCurrencyVat).toBeNull();
  });

  it('bulk issue takes rates per currency and reports a draft without one as not issued', async () => {
    const eur = await eurDraft();
    const czk = await eurDraft({ currency: 'CZK' });
    const without = await w.req(w.manager.auth, 'POST', '/api/v1/invoices/issue', { ids: [eur, czk] });
    expect(without.statusCode).toBe(200);
    expect(without.json().notIssued).toEqual([expect.objectContaining({ id: eur, code: 'exchange_rate_required' })]);
    expect(without.json().issued.map((i: { id: number }) => i.id)).toEqual([czk]);

    const bad = await w.req(w.manager.auth, 'POST', '/api/v1/invoices/issue', { ids: [eur], exchangeRates: { EUR: { rate: '24,3', date: '2026-11-02' } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toContainEqual(expect.objectContaining({ path: 'exchangeRates.EUR.rate' }));

    const withRate = await w.req(w.manager.auth, 'POST', '/api/v1/invoices/issue', { ids: [eur], exchangeRates: { EUR: { rate: '24.335', date: '2026-11-02' } } });
    expect(withRate.json()).toMatchObject({ issued: [{ id: eur }], notIssued: [] });
    expect((await documentOf(eur)).homeCurrencyVat).toMatchObject({ rate: '24.335', rateDate: '2026-11-02', baseMinor: 24_335_00, vatMinor: 5_110_35 });
  });
});
