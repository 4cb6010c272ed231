import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, buildServices } from '../src/app.ts';
import { openDatabase } from '../src/platform/db/index.ts';
import { testEngines } from './db.ts';
import { invoicingWorld, type InvoicingWorld } from './invoicing.fixture.ts';
import { invoiceableClient } from './buyer.fixture.ts';
import { hasPoppler, pdfText } from './pdf.ts';

describe.each(testEngines())('invoicing on %s', (engine) => {
  let w: InvoicingWorld;
  beforeAll(async () => {
    w = await invoicingWorld(engine);
  });
  afterAll(() => w.t.close());

  const get = (id: number) => w.req(w.manager.auth, 'GET', `/api/v1/invoices/${id}`);
  const issue = (id: number, auth = w.manager.auth) => w.req(auth, 'POST', `/api/v1/invoices/${id}/issue`);
  const db = () => w.t.database.db;
  const recordRows = (ids: number[]) => db().selectFrom('records').select(['id', 'state', 'billed_invoice_id']).where('id', 'in', ids).orderBy('id').execute();
  const counter = async (type: string) => (await db().selectFrom('numbering_counters').select('last_sequence').where('document_type', '=', type).where('year', '=', 2026).executeTakeFirst())?.last_sequence ?? 0;

  it('issues a draft in one go: number, dates, totals, snapshots, records locked, audit', async () => {
    const records = await w.approvedRecords(3);
    const id = await w.draft({ records });
    const before = await counter('invoice');
    const res = await issue(id);
    expect(res.statusCode, res.body).toBe(200);
    const inv = res.json();
    const seq = before + 1;
    expect(inv).toMatchObject({
      state: 'issued', status: 'issued', number: `FV2026${String(seq).padStart(5, '0')}`, variableSymbol: `2026${String(seq).padStart(5, '0')}`,
      issueDate: '2026-11-02', taxableSupplyDate: '2026-10-31', dueDate: '2026-11-16', paymentTermsDays: 14,
      netMinor: 2_400_00, vatMinor: 504_00, totalMinor: 2_904_00, amountDueMinor: 2_904_00, recordsCount: 3,
      vatRecap: [{ vatRateBp: 2100, baseMinor: 2_400_00, vatMinor: 504_00, totalMinor: 2_904_00 }],
    });
    expect(inv.allowedActions.sort()).toEqual(['creditNote', 'markSent', 'recordPayment']);
    expect(await recordRows(records)).toEqual(records.map((r) => ({ id: r, state: 'billed', billed_invoice_id: id })));
    // A billed record is locked and the API says why.
    const change = await w.req(w.manager.auth, 'PATCH', `/api/v1/records/${records[0]}`, { version: 99, description: 'jinak' });
    expect(change.statusCode).toBe(409);
    expect(change.json().error.code).toBe('record_locked');
    expect(change.json().error.message).toContain(String(id));
    const audit = await db().selectFrom('audit_log').select(['action', 'after_json']).where('entity', '=', 'invoice').where('entity_id', '=', String(id)).execute();
    expect(audit.map((a) => a.action)).toEqual(['issue']);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ number: inv.number, records: 3, totalMinor: 2_904_00 });

    const doc = (await w.req(w.accountant.auth, 'GET', `/api/v1/invoices/${id}/document`)).json();
    expect(doc).toMatchObject({
      kind: 'invoice', number: inv.number, variableSymbol: inv.variableSymbol, issueDate: '2026-11-02', taxableSupplyDate: '2026-10-31', dueDate: '2026-11-16',
      currency: 'CZK', language: 'cs', period: '2026-10', reverseCharge: false, corrects: null, draft: false, legalNote: null,
      supplier: { name: 'Servis & <Spol> s.r.o.', companyId: '27074358', vatId: 'CZ27074358', vatPayer: true, bankAccount: { iban: 'CZ6508000000192000145399' } },
      customer: { name: 'Zákazník bez smlouvy s.r.o.', companyId: '25596641', vatId: 'CZ25596641', address: { street: 'Nádražní 5', city: 'Brno', postalCode: '602 00', country: 'CZ' } },
      lines: [{ position: 1, kind: 'work', quantityMilli: 3000, unit: 'h', unitPriceMinor: 800_00, netMinor: 2_400_00, vatRateBp: 2100, itemCode: null }],
      netMinor: 2_400_00, vatMinor: 504_00, roundingMinor: 0, totalMinor: 2_904_00,
    });
    // The snapshot stays: changing the supplier later does not change the issued document.
    await db().updateTable('company_settings').set({ name: 'Jiný název' }).where('id', '=', 1).execute();
    expect((await w.req(w.accountant.auth, 'GET', `/api/v1/invoices/${id}/document`)).json().supplier.name).toBe('Servis & <Spol> s.r.o.');
    await db().updateTable('company_settings').set({ name: 'Servis & <Spol> s.r.o.' }).where('id', '=', 1).execute();

    const html = await w.req(w.accountant.auth, 'GET', `/api/v1/invoices/${id}/preview.html`);
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('<html lang="cs">');
    expect(html.body).toMatch(/<h1>Faktura [^<]+<\/h1><p class="subtitle">Daňový doklad<\/p>/);
    expect(html.body).toContain('Servis &amp; &lt;Spol&gt; s.r.o.');
    expect(html.body).not.toContain('<Spol>');
    expect(html.body).toContain('2\u00a0904,00');
    expect(html.body).toContain('Datum uskutečnění zdanitelného plnění');
  });

  it('refuses to issue twice, and an issued invoice never changes, whatever path tries', async () => {
    const records = await w.approvedRecords(1);
    const id = await w.draft({ records });
    expect((await issue(id)).statusCode).toBe(200);
    const before = (await get(id)).json();
    const again = await issue(id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_issued');
    // Draft adjustments are refused on an issued invoice with a clear 4xx.
    const lineId = before.lines[0].id;
    for (const [method, url, payload] of [
      ['POST', `/api/v1/invoices/${id}/lines`, { description: 'Navíc', quantity: '1', unit: 'ks', unitPriceMinor: 100, vatRateBp: 2100 }],
      ['PATCH', `/api/v1/invoices/${id}/lines/${lineId}`, { description: 'Jinak' }],
      ['DELETE', `/api/v1/invoices/${id}/lines/${lineId}`, undefined],
      ['POST', `/api/v1/invoices/${id}/exclude-record`, { recordId: records[0], note: 'ne' }],
    ] as const) {
      const res = await w.req(w.manager.auth, method, url, payload);
      expect([url, method, res.statusCode >= 400 && res.statusCode < 500 && res.statusCode !== 404]).toEqual([url, method, true]);
    }
    // The database refuses too: totals, lines and records of an issued invoice are frozen.
    await expect(db().updateTable('invoices').set({ total_minor: 1 }).where('id', '=', id).execute()).rejects.toThrow(/issued_invoice_immutable/);
    await expect(db().updateTable('invoices').set({ state: 'draft' }).where('id', '=', id).execute()).rejects.toThrow(/issued_invoice_immutable/);
    await expect(db().updateTable('invoice_lines').set({ net_minor: 1 }).where('invoice_id', '=', id).execute()).rejects.toThrow(/issued_invoice_immutable/);
    await expect(db().deleteFrom('invoice_records').where('invoice_id', '=', id).execute()).rejects.toThrow(/issued_invoice_immutable/);
    await expect(db().deleteFrom('invoices').where('id', '=', id).execute()).rejects.toThrow(/issued_invoice_immutable/);
    expect((await get(id)).json()).toEqual(before);
  });

  it('refuses a blocked draft naming the reasons, an unknown one with 404, and changes nothing (the number is not used)', async () => {
    const records = await w.approvedRecords(1);
    const id = await w.draft({ records, blocked: ['Record 5 has no price (no rate for Školení)', 'Contract S-1: September is not final'] });
    const seq = await counter('invoice');
    const res = await issue(id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('draft_blocked');
    expect(res.json().error.message).toContain('no rate for Školení');
    expect(res.json().error.details.map((d: { message: string }) => d.message)).toEqual(['Record 5 has no price (no rate for Školení)', 'Contract S-1: September is not final']);
    expect(await counter('invoice')).toBe(seq);
    expect(await recordRows(records)).toEqual([{ id: records[0], state: 'approved', billed_invoice_id: null }]);
    expect((await get(id)).json()).toMatchObject({ state: 'draft', number: null, allowedActions: [] });
    expect((await issue(987654)).statusCode).toBe(404);
    // A record returned to draft since the run: the draft cannot be issued, nothing is locked.
    const other = await w.approvedRecords(2);
    const id2 = await w.draft({ records: other });
    await db().updateTable('records').set({ state: 'submitted' }).where('id', '=', other[1]!).execute();
    const changed = await issue(id2);
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error).toMatchObject({ code: 'records_changed', details: [{ path: `records.${other[1]}`, code: 'record_submitted' }] });
    expect(await recordRows(other)).toEqual([{ id: other[0], state: 'approved', billed_invoice_id: null }, { id: other[1], state: 'submitted', billed_invoice_id: null }]);
    expect(await counter('invoice')).toBe(seq);
    // Only managers and admins issue.
    expect((await issue(id2, w.accountant.auth)).statusCode).toBe(403);
  });

  it('issues all drafts of a period, reports the ones it could not, numbers without gaps', async () => {
    const a = await w.draft({ period: '2026-09', records: await w.approvedRecords(1, 10) });
    const blocked = await w.draft({ period: '2026-09', records: await w.approvedRecords(1, 11), blocked: ['no rate'] });
    const c = await w.draft({ period: '2026-09', records: await w.approvedRecords(2, 12) });
    const seq = await counter('invoice');
    const res = await w.req(w.manager.auth, 'POST', '/api/v1/invoices/issue', { period: '2026-09' });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.issued.map((i: { id: number }) => i.id)).toEqual([a, c]);
    expect(report.issued.map((i: { number: string }) => i.number)).toEqual([seq + 1, seq + 2].map((n) => `FV2026${String(n).padStart(5, '0')}`));
    const client = 'Zákazník bez smlouvy s.r.o.';
    // Refusals name the client (and the number once there is one), not only the internal id.
    expect(report.notIssued).toEqual([{ id: blocked, clientId: w.clientId, clientName: client, number: null, code: 'draft_blocked', reason: expect.stringContaining('no rate'), details: [expect.objectContaining({ code: 'blocked', message: 'no rate' })] }]);
    expect((await get(a)).json().taxableSupplyDate).toBe('2026-09-30');
    const byIds = await w.req(w.manager.auth, 'POST', '/api/v1/invoices/issue', { ids: [a, 987654] });
    expect(byIds.json()).toEqual({
      issued: [],
      notIssued: [
        { id: a, clientId: w.clientId, clientName: client, number: report.issued[0].number, code: 'already_issued', reason: expect.any(String) },
        { id: 987654, clientId: null, clientName: '', number: null, code: 'not_found', reason: 'Invoice not found' },
      ],
    });
    for (const bad of [{ period: '2026-13' }, { ids: [] }, { period: '2026-10', ids: [1] }, {}]) {
      const r = await w.req(w.manager.auth, 'POST', '/api/v1/invoices/issue', bad);
      expect([JSON.stringify(bad), r.statusCode]).toEqual([JSON.stringify(bad), 400]);
    }
  });

  it('holds amounts beyond 32 bits: a line of 30 000 000.00 issued and paid to the haléř; absurd lines refused', async () => {
    const id = await w.draft({ records: await w.approvedRecords(1) });
    const addLine = async (quantity: string, unitPriceMinor: number) =>
      w.req(w.manager.auth, 'POST', `/api/v1/invoices/${id}/lines`, { version: (await get(id)).json().version, description: 'Velká dodávka', quantity, unit: 'ks', unitPriceMinor, vatRateBp: 2100 });
    for (const [quantity, price] of [['1000000.001', 1], ['2', 600_000_000_000]] as const) {
      const refused = await addLine(quantity, price);
      expect([quantity, refused.statusCode, refused.json().error.details[0].code]).toEqual([quantity, 400, 'line_too_large']);
    }
    const added = await addLine('3', 10_000_000_00);
    expect(added.statusCode, added.body).toBe(201);
    const issued = await issue(id);
    expect(issued.statusCode, issued.body).toBe(200);
    const netMinor = 800_00 + 30_000_000_00;
    const vatMinor = 168_00 + 6_300_000_00;
    expect(issued.json()).toMatchObject({ netMinor, vatMinor, totalMinor: netMinor + vatMinor, vatRecap: [{ vatRateBp: 2100, baseMinor: netMinor, vatMinor }] });
    const paid = await w.req(w.accountant.auth, 'POST', `/api/v1/invoices/${id}/payments`, { date: '2026-11-02', amountMinor: netMinor + vatMinor });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json()).toMatchObject({ state: 'paid', paidMinor: netMinor + vatMinor, amountDueMinor: 0 });
  });

  it('records payments (partial, then full), marks sent, derives overdue, refuses bad payments', async () => {
    const id = await w.draft({ records: await w.approvedRecords(1) });
    await issue(id); // 800.00 + 21 % = 968.00, due 2026-11-16
    const pay = (payload: object, auth = w.accountant.auth) => w.req(auth, 'POST', `/api/v1/invoices/${id}/payments`, payload);
    const sent = await w.req(w.accountant.auth, 'POST', `/api/v1/invoices/${id}/mark-sent`);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ state: 'sent', allowedActions: ['recordPayment', 'creditNote'] });
    expect((await w.req(w.accountant.auth, 'POST', `/api/v1/invoices/${id}/mark-sent`)).statusCode).toBe(409);

    const partial = await pay({ date: '2026-11-02', amountMinor: 500_00, note: 'záloha' });
    expect(partial.statusCode, partial.body).toBe(201);
    expect(partial.json()).toMatchObject({ state: 'sent', paidMinor: 500_00, amountDueMinor: 468_00, payments: [{ date: '2026-11-02', amountMinor: 500_00, note: 'záloha' }] });
    for (const [payload, path, code] of [
      [{ date: '2026-11-02', amountMinor: 468_01 }, 'amountMinor', 'exceeds_amount_due'],
      [{ date: '2026-11-02', amountMinor: 0 }, 'amountMinor', 'not_positive'],
      [{ date: '2026-11-02', amountMinor: -5 }, 'amountMinor', 'not_positive'],
      [{ date: '2026-12-01', amountMinor: 1 }, 'date', 'date_in_future'],
      [{ date: '2026-10-01', amountMinor: 1 }, 'date', 'before_issue_date'],
      [{ date: '2026-02-30', amountMinor: 1 }, 'date', 'invalid_date'],
    ] as const) {
      const r = await pay(payload);
      expect([code, r.statusCode]).toEqual([code, 400]);
      expect(r.json().error.details).toContainEqual(expect.objectContaining({ path, code }));
    }
    expect((await pay({ date: '2026-11-02', amountMinor: 1, extra: 1 })).statusCode).toBe(400);
    expect((await pay({ date: '2026-11-02', amountMinor: 1 }, w.operator.auth)).statusCode).toBe(403);
    expect((await get(id)).json()).toMatchObject({ paidMinor: 500_00, payments: [{}] });

    // Past the due date and not fully paid: overdue (derived, never stored).
    w.t.clock.set('2026-11-20T09:00:00.000Z');
    try {
      expect((await get(id)).json()).toMatchObject({ state: 'sent', status: 'overdue' });
      const overdue = (await w.req(w.accountant.auth, 'GET', '/api/v1/invoices?state=overdue')).json().items.map((i: { id: number }) => i.id);
      expect(overdue).toContain(id);
      const full = await pay({ date: '2026-11-20', amountMinor: 468_00 });
      expect(full.json()).toMatchObject({ state: 'paid', status: 'paid', amountDueMinor: 0, allowedActions: ['creditNote'] });
      expect((await w.req(w.accountant.auth, 'GET', '/api/v1/invoices?state=overdue')).json().items.map((i: { id: number }) => i.id)).not.toContain(id);
      const more = await pay({ date: '2026-11-20', amountMinor: 1 });
      expect(more.statusCode).toBe(409);
      expect(more.json().error.code).toBe('nothing_due');
    } finally {
      w.t.clock.set('2026-11-02T09:00:00.000Z');
    }
    const actions = await db().selectFrom('audit_log').select('action').where('entity', '=', 'invoice').where('entity_id', '=', String(id)).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['issue', 'mark_sent', 'payment', 'payment']);
    // Drafts take no payments.
    const d = await w.draft({ records: await w.approvedRecords(1) });
    expect((await w.req(w.accountant.auth, 'POST', `/api/v1/invoices/${d}/payments`, { date: '2026-11-02', amountMinor: 1 })).statusCode).toBe(409);
  });
  it('a client who paid twice: the overpayment is recorded only when asked for, the invoice is paid with the excess to refund, audited', async () => {
    const id = await w.draft({ records: await w.approvedRecords(1) });
    await issue(id); // 968.00
    const pay = (payload: object) => w.req(w.accountant.auth, 'POST', `/api/v1/invoices/${id}/payments`, payload);
    expect((await pay({ date: '2026-11-02', amountMinor: 500_00 })).statusCode).toBe(201);
    // The whole total again, as the client paid it: refused without the flag, nothing changes.
    const refused = await pay({ date: '2026-11-02', amountMinor: 968_00 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toContainEqual(expect.objectContaining({ path: 'amountMinor', code: 'exceeds_amount_due' }));
    expect((await pay({ date: '2026-11-02', amountMinor: 968_00, allowOverpayment: 'yes' })).statusCode).toBe(400);
    expect((await get(id)).json()).toMatchObject({ paidMinor: 500_00, amountDueMinor: 468_00, refundDueMinor: 0 });

    const over = await pay({ date: '2026-11-02', amountMinor: 968_00, note: 'zaplaceno podruhé', allowOverpayment: true });
    expect(over.statusCode, over.body).toBe(201);
    expect(over.json()).toMatchObject({ state: 'paid', paidMinor: 1468_00, amountDueMinor: 0, refundDueMinor: 500_00, allowedActions: ['recordRefund', 'creditNote'] });
    expect((await w.req(w.accountant.auth, 'GET', '/api/v1/invoices?state=overpaid')).json().items.map((i: { id: number }) => i.id)).toContain(id);
    // Paid already: one more payment is refused as before, recorded with the flag.
    expect((await pay({ date: '2026-11-02', amountMinor: 1 })).json().error.code).toBe('nothing_due');
    expect((await pay({ date: '2026-11-02', amountMinor: 1, allowOverpayment: true })).json()).toMatchObject({ state: 'paid', refundDueMinor: 500_01 });
    const audit = await db().selectFrom('audit_log').select(['action', 'after_json']).where('entity', '=', 'invoice').where('entity_id', '=', String(id)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['issue', 'payment', 'payment', 'payment']);
    expect(JSON.parse(audit[2]!.after_json!)).toMatchObject({ state: 'paid', paidMinor: 1468_00, amountMinor: 968_00, note: 'zaplaceno podruhé' });

    // The excess goes back with a refund; then the invoice is simply paid.
    const refund = await w.req(w.accountant.auth, 'POST', `/api/v1/invoices/${id}/refunds`, { date: '2026-11-02', amountMinor: 500_01 });
    expect(refund.statusCode, refund.body).toBe(201);
    expect(refund.json()).toMatchObject({ state: 'paid', paidMinor: 968_00, amountDueMinor: 0, refundDueMinor: 0 });
  });

  it('a payment on a fully credited invoice becomes a refund due, shown on invoice and credit note, settled by a refund', async () => {
    const id = await w.draft({ records: await w.approvedRecords(1) });
    await issue(id); // 968.00
    const paid = await w.req(w.accountant.auth, 'POST', `/api/v1/invoices/${id}/payments`, { date: '2026-11-02', amountMinor: 100_50 });
    expect(paid.json()).toMatchObject({ paidMinor: 100_50, amountDueMinor: 867_50, refundDueMinor: 0 });
    const note = await w.req(w.accountant.auth, 'POST', `/api/v1/invoices/${id}/credit-notes`, { reason: 'Storno', full: true, releaseRecords: true });
    expect(note.statusCode, note.body).toBe(201);
    const invoice = (await get(id)).json();
    expect(invoice).toMatchObject({ state: 'credited', amountDueMinor: 0, refundDueMinor: 100_50, allowedActions: ['recordRefund'] });
    expect((await get(note.json().id)).json()).toMatchObject({ kind: 'credit_note', refundDueMinor: 100_50, corrects: { id } });

    // The credit note's variable symbol differs from the invoice of the same sequence number (both default series).
    const sequence = async (docId: number) => db().selectFrom('invoices').select(['number_sequence', 'variable_symbol']).where('id', '=', docId).executeTakeFirstOrThrow();
    const noteRow = await sequence(note.json().id);
    const twin = await db().selectFrom('invoices').select(['number', 'variable_symbol']).where('kind', '=', 'invoice').where('number_year', '=', 2026).where('number_sequence', '=', noteRow.number_sequence).executeTakeFirstOrThrow();
    expect(noteRow.variable_symbol).toBe(`9${twin.variable_symbol}`);
    // A custom pattern that meets an invoice's symbol is refused, and the credit note's number is not used up.
    const nextNote = Number(noteRow.number_sequence) + 1;
    // (an invoice holding that symbol, as a custom invoice pattern with ten digits starting with 9 would give it)
    const holder = await w.draft({ records: [] });
    await db().updateTable('invoices').set({ variable_symbol: `92026${String(nextNote).padStart(5, '0')}` }).where('id', '=', holder).execute();
    const other = await w.draft({ records: await w.approvedRecords(1) });
    await issue(other);
    const clash = await w.req(w.accountant.auth, 'POST', `/api/v1/invoices/${other}/credit-notes`, { reason: 'Storno', full: true });
    expect([clash.statusCode, clash.json().error.code]).toEqual([409, 'variable_symbol_taken']);
    expect(await counter('credit_note')).toBe(Number(noteRow.number_sequence));
    await db().updateTable('invoices').set({ variable_symbol: null }).where('id', '=', holder).execute();
    const listed = (await w.req(w.accountant.auth, 'GET', '/api/v1/invoices?kind=invoice')).json().items.find((i: { id: number }) => i.id === id);
    expect(listed.refundDueMinor).toBe(100_50);
    // 'overpaid' lists the invoices owing money back whatever their stored state (this one credited), and nothing else: not their credit notes, not paid invoices square.
    const overpaid = async () => (await w.req(w.accountant.auth, 'GET', '/api/v1/invoices?state=overpaid&limit=200')).json().items as { id: number; kind: string; refundDueMinor: number }[];
    expect((await overpaid()).map((i) => i.id)).toContain(id);
    expect((await overpaid()).every((i) => i.kind === 'invoice' && i.refundDueMinor > 0)).toBe(true);
    const square = await w.draft({ records: await w.approvedRecords(1) });
    await issue(square);
    const squared = await w.req(w.accountant.auth, 'POST', `/api/v1/invoices/${square}/payments`, { date: '2026-11-02', amountMinor: 968_00 });
    expect(squared.json()).toMatchObject({ state: 'paid', refundDueMinor: 0 });
    expect((await overpaid()).map((i) => i.id)).not.toContain(square);

    const refund = (payload: object, auth = w.accountant.auth) => w.req(auth, 'POST', `/api/v1/invoices/${id}/refunds`, payload);
    for (const [payload, code] of [[{ date: '2026-11-02', amountMinor: 100_51 }, 'exceeds_refund_due'], [{ date: '2026-11-02', amountMinor: -5 }, 'not_positive']] as const) {
      const r = await refund(payload);
      expect([code, r.statusCode]).toEqual([code, 400]);
      expect(r.json().error.details).toContainEqual(expect.objectContaining({ path: 'amountMinor', code }));
    }
    expect((await refund({ date: '2026-11-02', amountMinor: 1 }, w.operator.auth)).statusCode).toBe(403);
    const part = await refund({ date: '2026-11-02', amountMinor: 50 });
    expect(part.statusCode, part.body).toBe(201);
    expect(part.json()).toMatchObject({ state: 'credited', paidMinor: 100_00, refundDueMinor: 100_00 });
    const rest = await refund({ date: '2026-11-02', amountMinor: 100_00, note: 'vráceno na účet' });
    expect(rest.json()).toMatchObject({ state: 'credited', paidMinor: 0, refundDueMinor: 0, allowedActions: [] });
    expect(rest.json().payments.map((p: { amountMinor: number }) => p.amountMinor)).toEqual([100_50, -50, -100_00]);
    expect((await overpaid()).map((i) => i.id)).not.toContain(id);
    const more = await refund({ date: '2026-11-02', amountMinor: 1 });
    expect([more.statusCode, more.json().error.code]).toEqual([409, 'nothing_to_refund']);
    const audit = await db().selectFrom('audit_log').select(['action', 'after_json']).where('entity', '=', 'invoice').where('entity_id', '=', String(id)).where('action', '=', 'refund').orderBy('id').execute();
    expect(audit).toHaveLength(2);
  });

  it('credit notes: partial by lines, too large or without reason refused, full with release, then nothing left', async () => {
    const records = await w.approvedRecords(2);
    const id = await w.draft({
      records,
      lines: [
        { kind: 'work', description: 'Vzdálená podpora', quantity_milli: 2000, unit: 'h', unit_price_minor: 800_00, net_minor: 1_600_00, vat_rate_bp: 2100 },
        { kind: 'unit_fee', description: 'Výjezd', quantity_milli: 1000, unit: 'visit', unit_price_minor: 300_00, net_minor: 300_00, vat_rate_bp: 1200 },
      ],
    });
    const inv = (await issue(id)).json();
    expect(inv).toMatchObject({ netMinor: 1_900_00, vatMinor: 336_00 + 36_00, totalMinor: 2_272_00 });
    // One unit text everywhere: the page shows what the Czech document prints.
    expect(inv.lines.map((l: { unit: string; unitText: string }) => [l.unit, l.unitText])).toEqual([['h', 'h'], ['visit', 'výjezd']]);
    const [work, fee] = inv.lines as { id: number }[];
    const credit = (payload: object, auth = w.accountant.auth) => w.req(auth, 'POST', `/api/v1/invoices/${id}/credit-notes`, payload);
    const notes = async () => Number((await db().selectFrom('invoices').select((eb) => eb.fn.countAll().as('n')).where('kind', '=', 'credit_note').executeTakeFirstOrThrow()).n);
    const before = { notes: await notes(), seq: await counter('credit_note'), invoice: (await get(id)).json() };

    for (const [payload, status, code] of [
      [{ reason: 'Sleva', lines: [{ lineId: work!.id, amountMinor: 1_600_01 }] }, 400, 'exceeds_creditable'],
      [{ reason: 'Sleva', lines: [{ lineId: 987654, amountMinor: 1 }] }, 400, 'unknown_reference'],
      [{ reason: 'Sleva', lines: [{ lineId: work!.id, amountMinor: 1 }, { lineId: work!.id, amountMinor: 1 }] }, 400, 'duplicate'],
      [{ reason: 'Sleva', lines: [{ lineId: work!.id, amountMinor: 0 }] }, 400, 'not_positive'],
      [{ reason: 'Sleva', lines: [{ lineId: work!.id, amountMinor: 100 }], releaseRecords: true }, 400, 'release_needs_full'],
      [{ reason: '   ', full: true }, 400, 'required'],
      [{ full: true }, 400, 'required'],
      [{ reason: 'x', full: false }, 400, null],
      [{ reason: 'x', full: true, lines: [{ lineId: work!.id, amountMinor: 1 }] }, 400, 'full_or_lines'],
      [{ reason: 'x' }, 400, 'full_or_lines'],
    ] as const) {
      const r = await credit(payload);
      expect([JSON.stringify(payload), r.statusCode]).toEqual([JSON.stringify(payload), status]);
      if (code) expect(r.json().error.details.map((d: { code: string }) => d.code)).toContain(code);
    }
    expect((await credit({ reason: 'Sleva', full: true }, w.operator.auth)).statusCode).toBe(403);
    expect({ notes: await notes(), seq: await counter('credit_note'), invoice: (await get(id)).json() }).toEqual(before);

    // Partial: 400.00 off the work line (21 %), the whole fee line (12 %).
    const partial = await credit({ reason: 'Sleva za zpoždění', lines: [{ lineId: work!.id, amountMinor: 400_00 }, { lineId: fee!.id, amountMinor: 300_00 }] });
    expect(partial.statusCode, partial.body).toBe(201);
    const cn = partial.json();
    expect(cn).toMatchObject({
      kind: 'credit_note', state: 'issued', number: `DB2026${String(before.seq + 1).padStart(5, '0')}`, corrects: { id, number: inv.number }, creditReason: 'Sleva za zpoždění',
      netMinor: -700_00, vatMinor: -84_00 - 36_00, totalMinor: -820_00, issueDate: '2026-11-02',
      vatRecap: [{ vatRateBp: 2100, baseMinor: -400_00, vatMinor: -84_00, totalMinor: -484_00 }, { vatRateBp: 1200, baseMinor: -300_00, vatMinor: -36_00, totalMinor: -336_00 }],
      // 400.00 of 2 h at 800.00 is half an hour taken back; every credit line keeps its invoice line's unit.
      lines: [{ correctsLineId: work!.id, netMinor: -400_00, quantityMilli: -500, unit: 'h', unitPriceMinor: 800_00 }, { correctsLineId: fee!.id, netMinor: -300_00, quantityMilli: -1000, unit: 'visit', unitPriceMinor: 300_00 }],
    });
    expect(cn.lines.map((l: { unitText: string }) => l.unitText)).toEqual(['h', 'výjezd']);
    const cnDoc = (await w.req(w.accountant.auth, 'GET', `/api/v1/invoices/${cn.id}/document`)).json();
    expect(cnDoc).toMatchObject({ kind: 'credit_note', totalMinor: -820_00, corrects: { number: inv.number, issueDate: '2026-11-02', taxableSupplyDate: '2026-10-31', reason: 'Sleva za zpoždění' } });
    const cnHtml = (await w.req(w.accountant.auth, 'GET', `/api/v1/invoices/${cn.id}/preview.html`)).body;
    for (const text of ['Opravný daňový doklad', 'Dobropis', `Opravuje doklad č. <strong>${inv.number}</strong> ze dne 2.\u00a011.\u00a02026`, 'Důvod opravy: Sleva za zpoždění', 'Hodnota dobropisu']) expect(cnHtml).toContain(text);
    const after = (await get(id)).json();
    expect(after).toMatchObject({ state: 'issued', creditedMinor: 820_00, amountDueMinor: 2_272_00 - 820_00, creditNotes: [{ id: cn.id, totalMinor: -820_00, releasesRecords: false }] });
    expect(after.lines.map((l: { leftToCreditMinor: number }) => l.leftToCreditMinor)).toEqual([1_200_00, 0]);
    expect(await recordRows(records)).toEqual(records.map((r) => ({ id: r, state: 'billed', billed_invoice_id: id })));
    const tooMuch = await credit({ reason: 'Další sleva', lines: [{ lineId: fee!.id, amountMinor: 1 }] });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.details[0]).toMatchObject({ path: 'lines.0.amountMinor', code: 'exceeds_creditable' });

    // Full: what is left (1 200.00 of work), records released for billing again.
    const full = await credit({ reason: 'Fakturováno omylem', full: true, releaseRecords: true });
    expect(full.statusCode, full.body).toBe(201);
    expect(full.json()).toMatchObject({ netMinor: -1_200_00, vatMinor: -252_00, totalMinor: -1_452_00, releasesRecords: true });
    expect((await get(id)).json()).toMatchObject({ state: 'credited', status: 'credited', creditedMinor: 2_272_00, amountDueMinor: 0, allowedActions: [] });
    expect(await recordRows(records)).toEqual(records.map((r) => ({ id: r, state: 'approved', billed_invoice_id: null })));
    const nothing = await credit({ reason: 'Ještě jednou', full: true });
    expect(nothing.statusCode).toBe(409);
    expect(nothing.json().error.code).toBe('nothing_left_to_credit');
    // Credit notes are documents of their own: no payments on them, and they cannot be credited.
    expect((await w.req(w.accountant.auth, 'POST', `/api/v1/invoices/${cn.id}/payments`, { date: '2026-11-02', amountMinor: 1 })).statusCode).toBe(409);
    expect((await w.req(w.accountant.auth, 'POST', `/api/v1/invoices/${cn.id}/credit-notes`, { reason: 'x', full: true })).statusCode).toBe(409);
    // Released records can be put on a new draft and issued again.
    const again = await w.draft({ records });
    expect((await issue(again)).statusCode).toBe(200);
    expect(await recordRows(records)).toEqual(records.map((r) => ({ id: r, state: 'billed', billed_invoice_id: again })));
  });

  it('a credit note by an amount corrects the line by it (-1, no unit, the line named) and stands at its total to refund: API, list, document, preview and PDF agree', async () => {
    const id = await w.draft({
      records: await w.approvedRecords(1),
      lines: [
        { kind: 'work', description: 'Vzdálená podpora', quantity_milli: 1000, unit: 'h', unit_price_minor: 800_00, net_minor: 800_00, vat_rate_bp: 2100 },
        { kind: 'travel', description: 'Doprava', quantity_milli: 36_000, unit: 'km', unit_price_minor: 12_00, net_minor: 432_00, vat_rate_bp: 2100 },
      ],
    });
    const inv = (await issue(id)).json();
    const travel = inv.lines[1] as { id: number };
    // 200.00 of 36 km at 12.00 is no whole number of thousandths of a km: the line's amount is corrected, the money as asked.
    const res = await w.req(w.accountant.auth, 'POST', `/api/v1/invoices/${id}/credit-notes`, { reason: 'Sleva na dopravě', lines: [{ lineId: travel.id, amountMinor: 200_00 }] });
    expect(res.statusCode, res.body).toBe(201);
    const note = res.json();
    expect(note).toMatchObject({
      kind: 'credit_note', netMinor: -200_00, vatMinor: -42_00, totalMinor: -242_00,
      // What the note stands at is what its PDF states: -242.00 to be refunded, not "0 due".
      amountDueMinor: -242_00, refundDueMinor: 0, paidMinor: 0, allowedActions: ['markSent'],
      lines: [{ correctsLineId: travel.id, kind: 'travel', description: 'Oprava částky řádku 2: Doprava', quantityMilli: -1000, unit: '', unitText: '', unitPriceMinor: 200_00, netMinor: -200_00, vatRateBp: 2100 }],
    });
    // The invoice's amount due dropped by it: that is where the credit is settled.
    expect((await get(id)).json()).toMatchObject({ state: 'issued', creditedMinor: 242_00, amountDueMinor: inv.totalMinor - 242_00 });
    const listed = (await w.req(w.accountant.auth, 'GET', '/api/v1/invoices?kind=credit_note')).json().items.find((i: { id: number }) => i.id === note.id);
    expect(listed).toMatchObject({ totalMinor: -242_00, amountDueMinor: -242_00 });
    const doc = (await w.req(w.accountant.auth, 'GET', `/api/v1/invoices/${note.id}/document`)).json();
    expect(doc).toMatchObject({ totalMinor: -242_00, lines: [{ position: 1, description: 'Oprava částky řádku 2: Doprava', quantityMilli: -1000, unit: '', unitPriceMinor: 200_00, netMinor: -200_00 }] });
    const html = (await w.req(w.accountant.auth, 'GET', `/api/v1/invoices/${note.id}/preview.html`)).body;
    expect(html).toMatch(/<tr class="grand"><th>Hodnota dobropisu<\/th><td>-242,00\u00a0Kč<\/td><\/tr>/);
    expect(html).toMatch(/<td>Oprava částky řádku 2: Doprava<\/td><td class="num">-1<\/td><td><\/td><td class="num">200,00\u00a0Kč<\/td>/);
    if (hasPoppler) {
      const pdf = await w.req(w.accountant.auth, 'GET', `/api/v1/invoices/${note.id}/pdf`);
      expect(pdf.statusCode).toBe(200);
      const text = pdfText(pdf.rawPayload);
      // The totals' labels, then their figures: the last is what is to be refunded.
      expect(text).toMatch(/Hodnota dobropisu -200,00 Kč -42,00 Kč -242,00 Kč/);
      expect(text).toContain('Oprava částky řádku 2: Doprava');
      expect(text).not.toContain(' km');
    }
    // Taking back a whole number of km stays in km at the line's price.
    const km = await w.req(w.accountant.auth, 'POST', `/api/v1/invoices/${id}/credit-notes`, { reason: 'Kratší trasa', lines: [{ lineId: travel.id, amountMinor: 24_00 }] });
    expect(km.json()).toMatchObject({ lines: [{ description: 'Doprava', quantityMilli: -2000, unit: 'km', unitText: 'km', unitPriceMinor: 12_00, netMinor: -24_00 }], amountDueMinor: -29_04 });
  });

  it('a credit note takes back only whole pieces of a counted line: half of one is an amount correction, never "−0,5 ks"', async () => {
    const id = await w.draft({
      records: await w.approvedRecords(1),
      lines: [{ kind: 'manual', description: 'SSD 1 TB', quantity_milli: 2000, unit: 'pcs', unit_price_minor: 1_890_00, net_minor: 3_780_00, vat_rate_bp: 2100 }],
    });
    const ssd = (await issue(id)).json().lines[0] as { id: number };
    const half = await w.req(w.accountant.auth, 'POST', `/api/v1/invoices/${id}/credit-notes`, { reason: 'Sleva', lines: [{ lineId: ssd.id, amountMinor: 945_00 }] });
    expect(half.statusCode, half.body).toBe(201);
    expect(half.json()).toMatchObject({ netMinor: -945_00, lines: [{ correctsLineId: ssd.id, description: 'Oprava částky řádku 1: SSD 1 TB', quantityMilli: -1000, unit: '', unitPriceMinor: 945_00, netMinor: -945_00 }] });
    const one = await w.req(w.accountant.auth, 'POST', `/api/v1/invoices/${id}/credit-notes`, { reason: 'Vrácený kus', lines: [{ lineId: ssd.id, amountMinor: 1_890_00 }] });
    expect(one.json()).toMatchObject({ lines: [{ description: 'SSD 1 TB', quantityMilli: -1000, unit: 'pcs', unitPriceMinor: 1_890_00, netMinor: -1_890_00 }] });
  });

  it("a draft offers its manual lines the standard VAT rate of the supplier's country on its date of taxable supply, none where none is set", async () => {
    const rateOf = async (id: number) => (await get(id)).json().standardVatRateBp;
    const october = await w.draft({ records: [] });
    expect(await rateOf(october)).toBe(2100);
    // A Slovak supplier: Slovak rates, and only from the day they are valid (23 % from 1 January 2025).
    await db().updateTable('company_settings').set({ country: 'SK' }).where('id', '=', 1).execute();
    try {
      expect(await rateOf(october)).toBe(2300);
      expect(await rateOf(await w.draft({ records: [], period: '2024-12' }))).toBeNull();
      // Not a country with VAT rates in Kontor: nothing to offer, the rate is typed.
      await db().updateTable('company_settings').set({ country: 'AT' }).where('id', '=', 1).execute();
      expect(await rateOf(october)).toBeNull();
    } finally {
      await db().updateTable('company_settings').set({ country: 'CZ' }).where('id', '=', 1).execute();
    }
    // Issued documents have their rates on their lines: nothing is offered.
    const issued = await w.draft({ records: await w.approvedRecords(1) });
    await issue(issued);
    expect(await rateOf(issued)).toBeNull();
  });

  it('a full credit note without release keeps the records billed; a reverse-charge document carries the legal note', async () => {
    const records = await w.approvedRecords(1);
    const id = await w.draft({ records, reverseCharge: true, language: 'sk', roundTotal: true });
    const inv = (await issue(id)).json();
    expect(inv).toMatchObject({ netMinor: 800_00, vatMinor: 0, vatRecap: [{ vatRateBp: 0, baseMinor: 800_00, vatMinor: 0 }], totalMinor: 800_00, reverseCharge: true });
    const doc = (await w.req(w.accountant.auth, 'GET', `/api/v1/invoices/${id}/document`)).json();
    expect(doc).toMatchObject({ language: 'sk', reverseCharge: true, legalNote: expect.stringContaining('Prenesenie daňovej povinnosti'), lines: [{ vatRateBp: 0 }] });
    const html = (await w.req(w.accountant.auth, 'GET', `/api/v1/invoices/${id}/preview.html`)).body;
    expect(html).toContain('<html lang="sk">');
    expect(html).toMatch(/<h1>Faktúra [^<]+<\/h1><p class="subtitle">Daňový doklad<\/p>/);
    expect(html).toContain('Prenesenie daňovej povinnosti');
    const full = await w.req(w.accountant.auth, 'POST', `/api/v1/invoices/${id}/credit-notes`, { reason: 'Storno', full: true });
    expect(full.json()).toMatchObject({ totalMinor: -800_00, reverseCharge: true });
    expect(await recordRows(records)).toEqual([{ id: records[0], state: 'billed', billed_invoice_id: id }]);
    expect((await get(id)).json().state).toBe('credited');
  });

  it('rounds the total as a separate line without VAT when the draft asks for it; shows drafts marked as drafts', async () => {
    const id = await w.draft({
      roundTotal: true, language: 'en',
      lines: [{ kind: 'manual', description: 'Licence <b>&</b>', quantity_milli: 1000, unit: 'pcs', unit_price_minor: 101_10, net_minor: 101_10, vat_rate_bp: 2100 }],
    });
    const draftDoc = (await w.req(w.manager.auth, 'GET', `/api/v1/invoices/${id}/document`)).json();
    // 101.10 + 21.23 = 122.33 → 122.00, rounding −0.33
    expect(draftDoc).toMatchObject({ draft: true, number: '', issueDate: '2026-11-02', dueDate: '2026-11-16', taxableSupplyDate: '2026-10-31', netMinor: 101_10, vatMinor: 21_23, roundingMinor: -33, totalMinor: 122_00 });
    const draftHtml = (await w.req(w.manager.auth, 'GET', `/api/v1/invoices/${id}/preview.html`)).body;
    expect(draftHtml).toContain('DRAFT – not a tax document');
    expect(draftHtml).toContain('Licence &lt;b&gt;&amp;&lt;/b&gt;');
    const inv = (await issue(id)).json();
    expect(inv).toMatchObject({ netMinor: 101_10, vatMinor: 21_23, roundingMinor: -33, totalMinor: 122_00 });
    const doc = (await w.req(w.manager.auth, 'GET', `/api/v1/invoices/${id}/document`)).json();
    expect(doc).toMatchObject({ draft: false, roundingMinor: -33, totalMinor: 122_00, lines: [{ unit: 'pcs' }] });
  });

  it('lists with filters and paging; detail and document follow permissions', async () => {
    const all = (await w.req(w.accountant.auth, 'GET', '/api/v1/invoices?limit=200')).json().items as { id: number; kind: string; number: string | null }[];
    expect(all.length).toBeGreaterThan(5);
    const ids = all.map((i) => i.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const pages: number[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/invoices?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await w.req(w.accountant.auth, 'GET', url)).json();
      pages.push(...page.items.map((i: { id: number }) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages).toEqual(ids);
    const credits = (await w.req(w.accountant.auth, 'GET', '/api/v1/invoices?kind=credit_note')).json().items;
    expect(credits.length).toBeGreaterThan(0);
    expect(credits.every((c: { kind: string }) => c.kind === 'credit_note')).toBe(true);
    const first = all.find((i) => i.number?.startsWith('FV'))!;
    const byNumber = (await w.req(w.accountant.auth, 'GET', `/api/v1/invoices?q=${first.number!.toLowerCase()}`)).json().items;
    expect(byNumber.map((i: { id: number }) => i.id)).toEqual([first.id]);
    const byClient = (await w.req(w.accountant.auth, 'GET', `/api/v1/invoices?q=zakaznik&state=draft&period=2026-10&clientId=${w.clientId}`)).json().items;
    expect(byClient.every((i: { state: string; period: string }) => i.state === 'draft' && i.period === '2026-10')).toBe(true);
    for (const bad of ['state=lost', 'period=2026-13', 'limit=0', 'cursor=nope', 'clientId=x', 'extra=1']) {
      expect([bad, (await w.req(w.accountant.auth, 'GET', `/api/v1/invoices?${bad}`)).statusCode]).toEqual([bad, 400]);
    }
    expect((await w.req(w.operator.auth, 'GET', '/api/v1/invoices')).statusCode).toBe(403);
    expect((await w.req(w.accountant.auth, 'GET', `/api/v1/invoices/${first.id}`)).json().allowedActions).not.toContain('issue');
    expect((await w.req(w.accountant.auth, 'GET', '/api/v1/invoices/987654/document')).statusCode).toBe(404);
  });
});

describe.each(testEngines())('issuing drafts of billing runs on %s', (engine) => {
  let w: InvoicingWorld;
  beforeAll(async () => {
    w = await invoicingWorld(engine);
  });
  afterAll(() => w.t.close());
  const db = () => w.t.database.db;

  async function run(period: string) {
    const res = await w.req(w.manager.auth, 'POST', '/api/v1/billing-runs', { period });
    expect(res.statusCode, res.body).toBe(202);
    const done = await w.t.services.billing.runs.settled(res.json().id);
    expect(done.state, JSON.stringify(done)).toBe('completed');
    return done.result!;
  }

  it('issues what a run drafted: fee period billed once, prepaid ledger final, records locked; re-runs never touch it', async () => {
    // BILLING.md example C, September: 8 000.00 a month with 600 prepaid minutes, carry-over capped at 300.
    const contract = await w.req(w.manager.auth, 'POST', '/api/v1/contracts', {
      clientId: w.clientId, number: 'S-2026-01', name: 'Předplacené hodiny', currency: 'CZK', validFrom: '2026-09-01',
      fee: { amountMinor: 8_000_00, vatRateBp: 2100 }, scope: { workTypeIds: [w.wt.remote, w.wt.onSite] }, prepaidMinutes: 600,
      carryOver: { enabled: true, capMinutes: 300, lifePeriods: 1 },
    });
    expect(contract.statusCode, contract.body).toBe(201);
    const contractId = contract.json().id as number;
    const ticket = await w.newTicket('Správa dle smlouvy');
    expect((await w.req(w.manager.auth, 'PATCH', `/api/v1/tickets/${ticket.id}/contract`, { contractId })).statusCode).toBe(200);
    const log = async (date: string, minutes: number) => {
      const res = await w.log(w.manager.auth, { kind: 'work', date, startTime: '09:00', minutes, workTypeId: w.wt.remote, description: 'Správa' }, ticket.id);
      expect(res.statusCode, res.body).toBe(201);
      await db().updateTable('records').set({ state: 'approved' }).where('id', '=', res.json().id).execute();
      return res.json().id as number;
    };
    const september = await log('2026-09-10', 420);
    const result = await run('2026-09');
    expect(result.drafts).toHaveLength(1);
    const draftId = result.drafts[0]!.invoiceId;
    expect(result.drafts[0]).toMatchObject({ netMinor: 8_000_00, blocked: [] });
    // October cannot be run while September's ledger is provisional (its invoice not issued).
    const octoberRecord = await log('2026-10-02', 240);
    const blockedRun = await run('2026-10');
    expect(blockedRun.blocked.map((b: { contractId: number | null }) => b.contractId)).toContain(contractId);

    const issued = await w.req(w.manager.auth, 'POST', '/api/v1/invoices/issue', { period: '2026-09' });
    expect(issued.json().issued.map((i: { id: number }) => i.id)).toEqual([draftId]);
    const invoice = (await w.req(w.manager.auth, 'GET', `/api/v1/invoices/${draftId}`)).json();
    expect(invoice).toMatchObject({ state: 'issued', taxableSupplyDate: '2026-09-30', netMinor: 8_000_00, vatMinor: 1_680_00, totalMinor: 9_680_00, recordsCount: 1 });
    expect(await db().selectFrom('invoice_fee_periods').selectAll().where('contract_id', '=', contractId).execute()).toEqual([{ contract_id: contractId, fee_period: '2026-09', invoice_id: draftId }]);
    const ledger = await db().selectFrom('prepaid_ledger').selectAll().where('contract_id', '=', contractId).where('period', '=', '2026-09').executeTakeFirstOrThrow();
    expect(ledger).toMatchObject({ final: 1, invoice_id: draftId, consumed: 420, carried_out: 180 });
    expect(await db().selectFrom('records').select(['state', 'billed_invoice_id']).where('id', '=', september).executeTakeFirstOrThrow()).toEqual({ state: 'billed', billed_invoice_id: draftId });

    // Re-running September changes nothing issued and bills nothing twice.
    const again = await run('2026-09');
    expect(again.drafts).toEqual([]);
    expect((await w.req(w.manager.auth, 'GET', `/api/v1/invoices/${draftId}`)).json()).toEqual(invoice);
    // October now runs: the 180 carried minutes and October's own cover the 240; its fee is billed once.
    const october = await run('2026-10');
    expect(october.blocked).toEqual([]);
    expect(october.drafts).toHaveLength(1);
    const oct = await w.req(w.manager.auth, 'POST', `/api/v1/invoices/${october.drafts[0]!.invoiceId}/issue`);
    expect(oct.statusCode, oct.body).toBe(200);
    expect(oct.json()).toMatchObject({ netMinor: 8_000_00, recordsCount: 1, number: expect.stringMatching(/^FV2026\d{5}$/) });
    expect(await db().selectFrom('prepaid_ledger').select(['final', 'opening_carried', 'consumed']).where('contract_id', '=', contractId).where('period', '=', '2026-10').executeTakeFirstOrThrow()).toEqual({ final: 1, opening_carried: 180, consumed: 240 });
    expect(await db().selectFrom('records').select('state').where('id', '=', octoberRecord).executeTakeFirstOrThrow()).toEqual({ state: 'billed' });
    expect((await w.req(w.manager.auth, 'GET', `/api/v1/invoices/${draftId}`)).json()).toEqual(invoice);
  });
  it("shows a run's drafts as they are now: edited amounts, issued with number, replaced by a later run", async () => {
    const { systemContext } = await import('../src/modules/identity/index.ts');
    const client = await w.t.services.customers.create(systemContext, { name: 'Příklad Běh s.r.o.', country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14, ...invoiceableClient });
    const ticket = await w.req(w.operator.auth, 'POST', '/api/v1/tickets', { clientId: client.id, subject: 'Údržba', queueId: w.queueId });
    const rec = await w.log(w.manager.auth, { kind: 'work', date: '2026-06-10', startTime: '09:00', minutes: 60, workTypeId: w.wt.remote, description: 'Údržba' }, ticket.json().id);
    await db().updateTable('records').set({ state: 'approved' }).where('id', '=', rec.json().id).execute();
    const startRun = async () => {
      const res = await w.req(w.manager.auth, 'POST', '/api/v1/billing-runs', { period: '2026-06' });
      expect(res.statusCode, res.body).toBe(202);
      await w.t.services.billing.runs.settled(res.json().id);
      return res.json().id as number;
    };
    const draftIn = async (runId: number) => {
      const view = await w.req(w.manager.auth, 'GET', `/api/v1/billing-runs/${runId}`);
      expect(view.statusCode, view.body).toBe(200);
      return view.json().result.drafts.find((d: { clientId: number }) => d.clientId === client.id);
    };
    const first = await startRun();
    const firstDraft = await draftIn(first);
    expect(firstDraft).toMatchObject({ state: 'draft', number: null, blocked: [] });
    const runOf = async (runId: number) => (await w.req(w.manager.auth, 'GET', `/api/v1/billing-runs/${runId}`)).json();
    expect((await runOf(first)).replacedBy).toBeNull();
    const second = await startRun();
    expect(await draftIn(first)).toMatchObject({ state: 'replaced', totalMinor: firstDraft.totalMinor });
    // The replaced run names the run that replaced it (its page links there); the newer one is replaced by none.
    const secondRun = await runOf(second);
    expect((await runOf(first)).replacedBy).toEqual({ id: second, startedAt: secondRun.startedAt });
    expect(secondRun.replacedBy).toBeNull();
    const draft = await draftIn(second);
    const before = draft.totalMinor as number;
    const detail = (await w.req(w.manager.auth, 'GET', `/api/v1/invoices/${draft.invoiceId}`)).json();
    const added = await w.req(w.manager.auth, 'POST', `/api/v1/invoices/${draft.invoiceId}/lines`, { version: detail.version, description: 'Sleva', quantity: '1', unit: 'ks', unitPriceMinor: -100_00, vatRateBp: 2100 });
    expect(added.statusCode, added.body).toBe(201);
    expect(await draftIn(second)).toMatchObject({ state: 'draft', netMinor: draft.netMinor - 100_00, totalMinor: before - 121_00 });
    const issued = await w.req(w.manager.auth, 'POST', `/api/v1/invoices/${draft.invoiceId}/issue`);
    expect(issued.statusCode, issued.body).toBe(200);
    expect(await draftIn(second)).toMatchObject({ state: 'issued', number: issued.json().number, totalMinor: issued.json().totalMinor, blocked: [] });
  });

  it('refuses to issue a draft the run blocked (a record without a price), naming the reason', async () => {
    const { systemContext } = await import('../src/modules/identity/index.ts');
    const client = await w.t.services.customers.create(systemContext, { name: 'Školicí centrum a.s.', country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 30, ...invoiceableClient });
    const ticket = await w.req(w.operator.auth, 'POST', '/api/v1/tickets', { clientId: client.id, subject: 'Školení', queueId: w.queueId });
    const rec = await w.log(w.manager.auth, { kind: 'work', date: '2026-08-20', startTime: '09:00', minutes: 120, workTypeId: w.wt.unpriced, description: 'Školení' }, ticket.json().id);
    const priced = await w.log(w.manager.auth, { kind: 'work', date: '2026-08-21', startTime: '09:00', minutes: 60, workTypeId: w.wt.remote, description: 'Příprava' }, ticket.json().id);
    await db().updateTable('records').set({ state: 'approved' }).where('id', 'in', [rec.json().id, priced.json().id]).execute();
    const result = await run('2026-08');
    const draft = result.drafts.find((d: { clientId: number }) => d.clientId === client.id)!;
    expect(draft.blocked.length).toBeGreaterThan(0);
    const res = await w.req(w.manager.auth, 'POST', `/api/v1/invoices/${draft.invoiceId}/issue`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('draft_blocked');
    expect(res.json().error.details.map((d: { message: string }) => d.message)).toEqual(draft.blocked);
    expect(await db().selectFrom('records').select('state').where('id', '=', rec.json().id).executeTakeFirstOrThrow()).toEqual({ state: 'approved' });
  });
});

describe.each(testEngines())('invoicing invariants (property-based) on %s', (engine) => {
  let w: InvoicingWorld;
  beforeAll(async () => {
    w = await invoicingWorld(engine);
  });
  afterAll(() => w.t.close());
  const db = () => w.t.database.db;

  const line = fc.record({
    net_minor: fc.integer({ min: -50_000_00, max: 500_000_00 }),
    vat_rate_bp: fc.constantFrom(2100, 1200, 2300, 1900, 500, 0),
    quantity_milli: fc.integer({ min: 1, max: 100_000 }),
  });

  it('totals = sum of lines; VAT per rate rounded once; rounding line small and VAT-free; document = detail', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.boolean(), async (lines, roundTotal, reverseCharge) => {
        const id = await w.draft({ roundTotal, reverseCharge, lines: lines.map((l, i) => ({ ...l, kind: 'manual', description: `Řádek ${i}`, unit: 'ks', unit_price_minor: l.net_minor })) });
        const res = await w.req(w.manager.auth, 'POST', `/api/v1/invoices/${id}/issue`);
        expect(res.statusCode, res.body).toBe(200);
        const inv = res.json();
        const sum = lines.reduce((s, l) => s + l.net_minor, 0);
        expect(inv.netMinor).toBe(sum);
        expect(inv.vatRecap.reduce((s: number, g: { baseMinor: number }) => s + g.baseMinor, 0)).toBe(sum);
        expect(inv.vatRecap.reduce((s: number, g: { vatMinor: number }) => s + g.vatMinor, 0)).toBe(inv.vatMinor);
        for (const g of inv.vatRecap) {
          const base = lines.filter((l) => (reverseCharge ? 0 : l.vat_rate_bp) === g.vatRateBp).reduce((s, l) => s + l.net_minor, 0);
          expect(g.baseMinor).toBe(base);
          const exact = (base * g.vatRateBp) / 10_000;
          expect(Math.abs(g.vatMinor - exact)).toBeLessThanOrEqual(0.5);
          expect(g.totalMinor).toBe(g.baseMinor + g.vatMinor);
        }
        if (reverseCharge) expect(inv.vatRecap.map((g: { vatRateBp: number }) => g.vatRateBp)).toEqual([0]);
        expect(inv.totalMinor).toBe(inv.netMinor + inv.vatMinor + inv.roundingMinor);
        expect(Math.abs(inv.roundingMinor)).toBeLessThanOrEqual(roundTotal ? 50 : 0);
        if (roundTotal) expect(Math.abs(inv.totalMinor % 100)).toBe(0);
        const doc = (await w.req(w.manager.auth, 'GET', `/api/v1/invoices/${id}/document`)).json();
        expect({ net: doc.netMinor, vat: doc.vatMinor, rounding: doc.roundingMinor, total: doc.totalMinor, recap: doc.vatRecap }).toEqual({ net: inv.netMinor, vat: inv.vatMinor, rounding: inv.roundingMinor, total: inv.totalMinor, recap: inv.vatRecap });
        expect(doc.lines.reduce((s: number, l: { netMinor: number }) => s + l.netMinor, 0)).toBe(sum);
      }),
      { numRuns: engine === 'postgres' ? 10 : 20 },
    );
  });

  it('no record is ever on two issued invoices, credit notes never take more than is left, and issued invoices never change', async () => {
    const frozen = (id: number) =>
      Promise.all([
        db().selectFrom('invoices').select(['number', 'issue_date', 'due_date', 'net_minor', 'vat_minor', 'total_minor', 'vat_recap_json', 'customer_json', 'supplier_json']).where('id', '=', id).executeTakeFirstOrThrow(),
        db().selectFrom('invoice_lines').selectAll().where('invoice_id', '=', id).orderBy('id').execute(),
      ]);
    await fc.assert(
      fc.asyncProperty(
        // Drafts as sets of indexes into a pool of records (overlaps on purpose), then operations on them.
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(fc.constantFrom('issue', 'credit', 'pay', 'reissue'), fc.nat(10), fc.integer({ min: 1, max: 3_000_00 })), { maxLength: 10 }),
        async (drafts, ops) => {
          const pool = await w.approvedRecords(6);
          const ids: number[] = [];
          for (const members of drafts) ids.push(await w.draft({ records: members.map((i) => pool[i]!) }));
          const issued = new Map<number, Awaited<ReturnType<typeof frozen>>>();
          for (const [op, pick, amount] of [...ids.map((_, i) => ['issue', i, 0] as const), ...ops]) {
            const id = ids[pick % ids.length]!;
            if (op === 'issue' || op === 'reissue') {
              const res = await w.req(w.manager.auth, 'POST', `/api/v1/invoices/${id}/issue`);
              if (res.statusCode === 200) {
                expect(issued.has(id)).toBe(false);
                issued.set(id, await frozen(id));
              } else expect([409]).toContain(res.statusCode);
            } else if (op === 'credit') {
              const detail = (await w.req(w.manager.auth, 'GET', `/api/v1/invoices/${id}`)).json();
              const target = detail.lines[0];
              const res = await w.req(w.manager.auth, 'POST', `/api/v1/invoices/${id}/credit-notes`, { reason: 'Sleva', lines: [{ lineId: target.id, amountMinor: amount }] });
              if (detail.state === 'draft') expect(res.statusCode).toBe(409);
              else if (detail.state === 'credited') expect(res.statusCode).toBe(409);
              else expect(res.statusCode).toBe(amount <= target.leftToCreditMinor ? 201 : 400);
            } else {
              const res = await w.req(w.manager.auth, 'POST', `/api/v1/invoices/${id}/payments`, { date: '2026-11-02', amountMinor: amount });
              expect([201, 400, 409]).toContain(res.statusCode);
            }
          }
          // Each record is billed on at most one issued invoice, and exactly on the one that locked it.
          const links = await db().selectFrom('invoice_records as ir').innerJoin('invoices as i', 'i.id', 'ir.invoice_id').select(['ir.record_id', 'i.id']).where('ir.record_id', 'in', pool).where('i.state', '<>', 'draft').execute();
          const perRecord = new Map<number, number[]>();
          for (const l of links) perRecord.set(l.record_id, [...(perRecord.get(l.record_id) ?? []), l.id]);
          for (const [recordId, invoices] of perRecord) {
            expect(invoices).toHaveLength(1);
            const r = await db().selectFrom('records').select(['state', 'billed_invoice_id']).where('id', '=', recordId).executeTakeFirstOrThrow();
            expect(r).toEqual({ state: 'billed', billed_invoice_id: invoices[0] });
          }
          for (const [id, snapshot] of issued) {
            expect(await frozen(id)).toEqual(snapshot);
            const detail = (await w.req(w.manager.auth, 'GET', `/api/v1/invoices/${id}`)).json();
            for (const l of detail.lines) expect(l.leftToCreditMinor).toBeGreaterThanOrEqual(0);
            expect(detail.amountDueMinor).toBeGreaterThanOrEqual(0);
            expect(detail.paidMinor + detail.creditedMinor).toBeLessThanOrEqual(detail.totalMinor + detail.creditedMinor);
          }
        },
      ),
      { numRuns: engine === 'postgres' ? 8 : 15 },
    );
  });
});

describe.skipIf(!testEngines().includes('postgres'))('issuing from two server processes against one PostgreSQL', () => {
  let w: InvoicingWorld;
  let second: { app: Awaited<ReturnType<typeof buildApp>>; close(): Promise<void> };
  beforeAll(async () => {
    w = await invoicingWorld('postgres');
    // A second server instance: its own pool and services over the same database, like another process.
    const database = openDatabase(w.t.database.url, { poolSize: 5 });
    const deps = { config: w.t.config, database, clock: w.t.clock };
    const app = await buildApp(deps, buildServices(deps));
    await app.ready();
    second = { app, close: async () => { await app.close(); await database.close(); } };
  });
  afterAll(async () => {
    await second.close();
    await w.t.close();
  });

  it('numbers stay gap-free and unique, every draft is issued exactly once, a credit note is taken once', async () => {
    const drafts: number[] = [];
    for (let i = 0; i < 40; i++) drafts.push(await w.draft({ period: '2026-08', records: await w.approvedRecords(1, 3) }));
    const headers = { authorization: `Bearer ${(w.manager.auth as { token: string }).token}` };
    const viaSecond = (url: string, payload: object) => second.app.inject({ method: 'POST', url, payload, headers });
    // Both processes issue the whole period at once, while single drafts are issued from both sides too.
    const results = await Promise.all([
      w.req(w.manager.auth, 'POST', '/api/v1/invoices/issue', { period: '2026-08' }),
      viaSecond('/api/v1/invoices/issue', { period: '2026-08' }),
      viaSecond('/api/v1/invoices/issue', { ids: [...drafts].reverse() }),
      ...drafts.slice(0, 10).map((id) => viaSecond(`/api/v1/invoices/${id}/issue`, {})),
    ]);
    const issued: { id: number; number: string }[] = [];
    for (const r of results.slice(0, 3)) {
      expect(r.statusCode, r.body).toBe(200);
      issued.push(...r.json().issued);
      for (const n of r.json().notIssued) expect(n.code).toBe('already_issued');
    }
    for (const r of results.slice(3)) {
      expect([200, 409]).toContain(r.statusCode);
      if (r.statusCode === 200) issued.push({ id: r.json().id, number: r.json().number });
      else expect(r.json().error.code).toBe('already_issued');
    }
    expect(issued.map((i) => i.id).sort((a, b) => a - b)).toEqual([...drafts].sort((a, b) => a - b));
    const rows = await w.t.database.db.selectFrom('invoices').select(['id', 'number', 'number_sequence']).where('id', 'in', drafts).execute();
    expect(new Set(rows.map((r) => r.number)).size).toBe(drafts.length);
    const sequences = rows.map((r) => r.number_sequence!).sort((a, b) => a - b);
    expect(sequences).toEqual(sequences.map((_, i) => sequences[0]! + i));
    const counter = await w.t.database.db.selectFrom('numbering_counters').select('last_sequence').where('document_type', '=', 'invoice').where('year', '=', 2026).executeTakeFirstOrThrow();
    expect(counter.last_sequence).toBe(sequences.at(-1));
    for (const r of rows) expect(issued.find((i) => i.id === r.id)!.number).toBe(r.number);

    // Two full credit notes on one invoice from both processes: one wins, nothing is credited twice.
    const target = drafts[0]!;
    const credits = await Promise.all([
      w.req(w.accountant.auth, 'POST', `/api/v1/invoices/${target}/credit-notes`, { reason: 'Storno', full: true }),
      second.app.inject({ method: 'POST', url: `/api/v1/invoices/${target}/credit-notes`, payload: { reason: 'Storno', full: true }, headers }),
    ]);
    expect(credits.map((c) => c.statusCode).sort()).toEqual([201, 409]);
    const detail = (await w.req(w.manager.auth, 'GET', `/api/v1/invoices/${target}`)).json();
    expect(detail).toMatchObject({ state: 'credited', creditedMinor: detail.totalMinor });
    expect(detail.creditNotes).toHaveLength(1);
  });
});
