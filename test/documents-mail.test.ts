/**
 * Invoice PDF download, and "e-mail the invoice": the PDF goes into the mail outbox with its audit entry,
 * an issued invoice becomes sent; drafts and clients without e-mail are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailSender } from '../src/modules/mail/index.ts';
import { testEngines } from './db.ts';
import { startSmtp } from './smtp.ts';
import { invoicingWorld, type InvoicingWorld } from './invoicing.fixture.ts';

describe.each(testEngines())('e-mailing an invoice on %s', (engine) => {
  let w: InvoicingWorld;
  beforeAll(async () => {
    w = await invoicingWorld(engine);
  });
  afterAll(() => w.t.close());

  const db = () => w.t.database.db;
  const send = (id: number, payload?: object, auth = w.accountant.auth) => w.req(auth, 'POST', `/api/v1/invoices/${id}/send`, payload);

  it('queues the PDF to the client e-mail in the client language and marks the invoice sent', async () => {
    await db().updateTable('clients').set({ email: 'ucetni@klient.example' }).where('id', '=', w.clientId).execute();
    const draft = await w.draft({ records: await w.approvedRecords(2) });
    const refused = await send(draft);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('not_issued');
    const issued = await w.req(w.manager.auth, 'POST', `/api/v1/invoices/${draft}/issue`);
    expect(issued.statusCode, issued.body).toBe(200);
    const invoiceNumber = issued.json().number as string;

    const res = await send(draft);
    expect(res.statusCode, res.body).toBe(202);
    const sent = res.json();
    expect(sent).toMatchObject({ to: 'ucetni@klient.example', state: 'sent' });
    const mail = await db().selectFrom('mail_outbox').selectAll().where('id', '=', sent.outboxId).executeTakeFirstOrThrow();
    expect(mail.subject).toBe(sent.subject);
    expect(mail.subject).toMatch(/^Faktura /);
    expect(mail.body_text).toContain('Variabilní symbol');
    const attachments = await db().selectFrom('mail_attachments').selectAll().where('outbox_id', '=', sent.outboxId).orderBy('position').execute();
    expect(attachments.map((a) => [a.position, a.content_type])).toEqual([[0, 'application/pdf'], [1, 'application/xml']]);
    expect(Buffer.from(attachments[0]!.content_base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The ISDOC XML of the same invoice beside the PDF, named like it.
    expect(attachments[1]!.filename).toBe(attachments[0]!.filename.replace(/\.pdf$/, '.isdoc'));
    const isdoc = Buffer.from(attachments[1]!.content_base64, 'base64').toString('utf8');
    expect(isdoc).toMatch(/^<\?xml/);
    expect(isdoc).toMatch(/<Invoice [^>]*xmlns="http:\/\/isdoc\.cz\/namespace\/2013"/);
    expect(isdoc).toContain(`<ID>${invoiceNumber}</ID>`);
    const invoice = (await w.req(w.manager.auth, 'GET', `/api/v1/invoices/${draft}`)).json();
    expect(invoice.state).toBe('sent');
    const audit = await db().selectFrom('audit_log').select('action').where('entity', '=', 'invoice').where('entity_id', '=', String(draft)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['issue', 'email', 'mark_sent']);

    // The same PDF to download, here with the work report as an annex.
    const download = await w.req(w.accountant.auth, 'GET', `/api/v1/invoices/${draft}/pdf?workReport=true`);
    expect(download.statusCode, download.body).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(download.rawPayload.length).toBeGreaterThan(Buffer.from(attachments[0]!.content_base64, 'base64').length);
    expect((await w.req(w.tech.auth, 'GET', `/api/v1/invoices/${draft}/pdf`)).statusCode).toBe(403);

    // The sender job delivers it over SMTP with the PDF attached.
    const smtp = await startSmtp();
    try {
      const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
      const sender = createMailSender({ db: db(), clock: w.t.clock, config: { ...w.t.config, smtpUrl: smtp.url }, logger: quiet });
      await sender.runOnce();
      await sender.stop();
      const received = smtp.received.find((r) => r.mail.subject === sent.subject);
      expect(received?.envelope.to).toEqual(['ucetni@klient.example']);
      expect(received?.mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([[attachments[0]!.filename, 'application/pdf'], [attachments[1]!.filename, 'application/xml']]);
      expect(received?.mail.attachments[0]?.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } finally {
      await smtp.close();
    }

    // Sending again (e.g. to another address) is allowed and leaves it sent.
    const again = await send(draft, { to: 'jiny@klient.example' });
    expect(again.statusCode, again.body).toBe(202);
    expect(again.json()).toMatchObject({ to: 'jiny@klient.example', state: 'sent' });
  });

  it('sent again after payments and a credit note, the mail asks for what is outstanding; paid, it asks for nothing; overpaid, it says so (cs and en)', async () => {
    await db().updateTable('clients').set({ email: 'ucetni@klient.example' }).where('id', '=', w.clientId).execute();
    const mailOf = async (id: number) => {
      const res = await send(id);
      expect(res.statusCode, res.body).toBe(202);
      return (await db().selectFrom('mail_outbox').select('body_text').where('id', '=', res.json().outboxId).executeTakeFirstOrThrow()).body_text;
    };
    const pay = (id: number, amountMinor: number, extra: object = {}) =>
      w.req(w.accountant.auth, 'POST', `/api/v1/invoices/${id}/payments`, { date: '2026-11-02', amountMinor, ...extra });
    for (const [language, words] of [
      ['cs', { amount: 'Částka k úhradě: 968,00 Kč', total: 'Částka faktury: 968,00 Kč', paid: 'Uhrazeno: 500,00 Kč', credit: 'Dobropisy: -121,00 Kč', left: 'Zbývá uhradit: 347,00 Kč', qr: 'Platbu můžete zadat i naskenováním QR kódu', fullyPaid: 'Faktura je uhrazena', overpaid: 'Faktura je přeplacena o 500,00 Kč' }],
      ['en', { amount: 'Amount due: CZK 968.00', total: 'Invoice total: CZK 968.00', paid: 'Paid: CZK 500.00', credit: 'Credit notes: CZK -121.00', left: 'Left to pay: CZK 347.00', qr: 'You can also pay by scanning the QR code', fullyPaid: 'The invoice is paid', overpaid: 'The invoice is overpaid by CZK 500.00' }],
    ] as const) {
      // One record: 800.00 + 21 % = 968.00.
      const id = await w.draft({ records: await w.approvedRecords(1), language });
      expect((await w.req(w.manager.auth, 'POST', `/api/v1/invoices/${id}/issue`)).statusCode).toBe(200);
      const unpaid = await mailOf(id);
      expect(unpaid).toContain(words.amount);
      expect(unpaid).not.toContain(words.paid);

      expect((await pay(id, 500_00)).statusCode).toBe(201);
      const lineId = (await w.req(w.manager.auth, 'GET', `/api/v1/invoices/${id}`)).json().lines[0].id as number;
      const credit = await w.req(w.accountant.auth, 'POST', `/api/v1/invoices/${id}/credit-notes`, { reason: 'Sleva', lines: [{ lineId, amountMinor: 100_00 }] });
      expect(credit.statusCode, credit.body).toBe(201);
      // The figure the invoice page shows as "K úhradě" is the one the mail asks for.
      expect((await w.req(w.manager.auth, 'GET', `/api/v1/invoices/${id}`)).json().amountDueMinor).toBe(347_00);
      const partPaid = await mailOf(id);
      for (const line of [words.total, words.paid, words.credit, words.left]) expect(partPaid).toContain(line);
      expect(partPaid).not.toContain(words.amount);
      if (partPaid.includes('QR')) expect(partPaid).toContain(words.qr);

      expect((await pay(id, 347_00)).statusCode).toBe(201);
      const paid = await mailOf(id);
      expect(paid).toContain(words.fullyPaid);
      expect(paid).not.toContain(words.left.split(':')[0]);
      expect(paid).not.toContain('QR');

      // The client paid once more: recorded as an overpayment, and the mail says it is to be refunded.
      expect((await pay(id, 500_00, { allowOverpayment: true })).statusCode).toBe(201);
      const overpaid = await mailOf(id);
      expect(overpaid).toContain(words.overpaid);
      expect(overpaid).not.toContain(words.fullyPaid);
    }
  });

  it('refuses without a client e-mail, a bad address, a missing invoice, and a role without invoices.payments', async () => {
    await db().updateTable('clients').set({ email: null }).where('id', '=', w.clientId).execute();
    const draft = await w.draft({ records: await w.approvedRecords(1, 20) });
    expect((await w.req(w.manager.auth, 'POST', `/api/v1/invoices/${draft}/issue`)).statusCode).toBe(200);
    const none = await send(draft);
    expect(none.statusCode).toBe(409);
    expect(none.json().error.code).toBe('no_billing_email');
    expect((await send(draft, { to: 'not-an-address' })).statusCode).toBe(400);
    expect((await send(987654)).statusCode).toBe(404);
    expect((await send(draft, undefined, w.tech.auth)).statusCode).toBe(403);
  });
});
