/**
 * E-mailing many invoices at once (POST /api/v1/invoices/send): each as the single send
 * (PDF + ISDOC into the outbox, audit, marked sent); what cannot be sent is reported with its reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../src/modules/identity/index.ts';
import { testEngines } from './db.ts';
import { invoicingWorld, type InvoicingWorld } from './invoicing.fixture.ts';
import { invoiceableClient } from './buyer.fixture.ts';

describe.each(testEngines())('e-mailing invoices in bulk on %s', (engine) => {
  let w: InvoicingWorld;
  beforeAll(async () => {
    w = await invoicingWorld(engine);
  });
  afterAll(() => w.t.close());

  const db = () => w.t.database.db;
  const sendMany = (payload: object, auth = w.accountant.auth) => w.req(auth, 'POST', '/api/v1/invoices/send', payload);
  const issue = async (draft: number) => {
    const res = await w.req(w.manager.auth, 'POST', `/api/v1/invoices/${draft}/issue`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().number as string;
  };

  it('sends what it can, reports the rest with reasons, and never sends twice', async () => {
    await db().updateTable('clients').set({ email: 'ucetni@klient.example' }).where('id', '=', w.clientId).execute();
    const noMail = await w.t.services.customers.create(systemContext, { name: 'Bez e-mailu s.r.o.', country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14, ...invoiceableClient });
    const first = await w.draft({ records: await w.approvedRecords(1) });
    const second = await w.draft({ records: await w.approvedRecords(1, 6), clientId: noMail.id });
    const draft = await w.draft({ records: await w.approvedRecords(1, 7) });
    const [firstNumber, secondNumber] = [await issue(first), await issue(second)];

    const before = (await db().selectFrom('mail_outbox').select((eb) => eb.fn.max('id').as('max')).executeTakeFirst())?.max ?? 0;
    const outboxSince = () => db().selectFrom('mail_outbox').select(['id', 'to_json']).where('id', '>', Number(before)).execute();
    const res = await sendMany({ ids: [first, second, draft, 987654] });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.sent).toEqual([{ id: first, number: firstNumber, to: 'ucetni@klient.example' }]);
    expect(report.notSent.map((n: { id: number; number: string | null; code: string }) => [n.id, n.number, n.code])).toEqual([
      [second, secondNumber, 'no_billing_email'], [draft, null, 'not_issued'], [987654, null, 'not_found'],
    ]);
    expect(report.notSent[0].message).toContain('Bez e-mailu s.r.o.');

    // Exactly the single send: one outbox mail with the PDF and the ISDOC, audited, the invoice sent.
    const outbox = await outboxSince();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.to_json).toContain('ucetni@klient.example');
    const attachments = await db().selectFrom('mail_attachments').select(['content_type', 'filename']).where('outbox_id', '=', outbox[0]!.id).orderBy('position').execute();
    expect(attachments.map((a) => a.content_type)).toEqual(['application/pdf', 'application/xml']);
    expect(attachments[1]!.filename).toBe(attachments[0]!.filename.replace(/\.pdf$/, '.isdoc'));
    expect((await w.req(w.manager.auth, 'GET', `/api/v1/invoices/${first}`)).json().state).toBe('sent');
    expect((await w.req(w.manager.auth, 'GET', `/api/v1/invoices/${second}`)).json().state).toBe('issued');
    const audit = await db().selectFrom('audit_log').select('action').where('entity', '=', 'invoice').where('entity_id', '=', String(first)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['issue', 'email', 'mark_sent']);

    // Again: the first is already sent, nothing new in the outbox.
    const again = (await sendMany({ ids: [first] })).json();
    expect(again.sent).toEqual([]);
    expect(again.notSent).toMatchObject([{ id: first, number: firstNumber, code: 'already_sent' }]);
    expect(await outboxSince()).toHaveLength(1);

    // By period: only the issued, unsent one of October is tried (still no e-mail on its client).
    const byPeriod = (await sendMany({ period: '2026-10' })).json();
    expect(byPeriod.sent).toEqual([]);
    expect(byPeriod.notSent).toMatchObject([{ id: second, code: 'no_billing_email' }]);

    // A period with nothing to send answers with empty lists.
    const empty = await sendMany({ period: '2026-08' });
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toEqual({ sent: [], notSent: [] });
  });

  it('refuses bad bodies and roles without invoices.payments', async () => {
    expect((await sendMany({ ids: [] })).statusCode).toBe(400);
    expect((await sendMany({ ids: Array.from({ length: 501 }, (_, i) => i + 1) })).statusCode).toBe(400);
    expect((await sendMany({ period: '2026-Q4' })).statusCode).toBe(400);
    expect((await sendMany({ ids: [1], period: '2026-10' })).statusCode).toBe(400);
    expect((await sendMany({ ids: [1] }, w.tech.auth)).statusCode).toBe(403);
  });
});
