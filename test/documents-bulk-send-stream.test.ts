/**
 * Progress of the bulk e-mail (POST /api/v1/invoices/send with Accept: application/x-ndjson):
 * {"total":N}, one line per document in order, then the same report the plain JSON answer gives.
 * Permission and bad input stay ordinary JSON errors; a client that goes away does not stop the sending.
 */
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkSendOutcome, BulkSendReport, PreparedBulkSend } from '../src/modules/documents/documents.bulk-send.ts';
import { streamBulkSend } from '../src/modules/documents/documents.bulk-send.stream.ts';
import { wantsNdjson } from '../src/platform/http/json-lines.ts';
import { systemContext } from '../src/modules/identity/index.ts';
import { testEngines } from './db.ts';
import { invoicingWorld, type InvoicingWorld } from './invoicing.fixture.ts';
import { invoiceableClient } from './buyer.fixture.ts';

const NDJSON = 'application/x-ndjson';

/** The answer's JSON lines (each line one object; the answer ends with a newline). */
function linesOf(body: string): Record<string, unknown>[] {
  expect(body.endsWith('\n')).toBe(true);
  return body.slice(0, -1).split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe.each(testEngines())('bulk e-mail progress as JSON lines on %s', (engine) => {
  let w: InvoicingWorld;
  beforeAll(async () => {
    w = await invoicingWorld(engine);
  });
  afterAll(() => w.t.close());

  const db = () => w.t.database.db;
  const sendMany = (payload: object, accept?: string, auth = w.accountant.auth) =>
    w.t.request(auth, { method: 'POST', url: '/api/v1/invoices/send', payload, ...(accept ? { headers: { accept } } : {}) });
  const issue = async (draft: number) => {
    const res = await w.req(w.manager.auth, 'POST', `/api/v1/invoices/${draft}/issue`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().number as string;
  };
  const stateOf = async (id: number) => (await w.req(w.manager.auth, 'GET', `/api/v1/invoices/${id}`)).json().state as string;

  it('streams the total, one line per document in order, and the report the JSON answer gives', async () => {
    await db().updateTable('clients').set({ email: 'ucetni@klient.example' }).where('id', '=', w.clientId).execute();
    const noMail = await w.t.services.customers.create(systemContext, { name: 'Bez e-mailu s.r.o.', country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14, ...invoiceableClient });
    const first = await w.draft({ records: await w.approvedRecords(1) });
    const second = await w.draft({ records: await w.approvedRecords(1, 6), clientId: noMail.id });
    const third = await w.draft({ records: await w.approvedRecords(1, 8) });
    const draft = await w.draft({ records: await w.approvedRecords(1, 7) });
    const [firstNumber, secondNumber, thirdNumber] = [await issue(first), await issue(second), await issue(third)];

    const res = await sendMany({ ids: [first, second, draft, 987654, third] }, NDJSON);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = linesOf(res.body);
    expect(lines).toHaveLength(1 + 5 + 1);
    expect(lines[0]).toEqual({ total: 5 });
    expect(lines.slice(1, 6)).toEqual([
      { done: 1, id: first, number: firstNumber, sent: true, to: 'ucetni@klient.example' },
      { done: 2, id: second, number: secondNumber, sent: false, code: 'no_billing_email', message: expect.stringContaining('Bez e-mailu s.r.o.') },
      { done: 3, id: draft, number: null, sent: false, code: 'not_issued', message: 'A draft cannot be sent; issue it first' },
      { done: 4, id: 987654, number: null, sent: false, code: 'not_found', message: expect.any(String) },
      { done: 5, id: third, number: thirdNumber, sent: true, to: 'ucetni@klient.example' },
    ]);
    const report = (lines[6] as { report: BulkSendReport }).report;
    expect(Object.keys(lines[6]!)).toEqual(['report']);
    expect(report.sent).toEqual([{ id: first, number: firstNumber, to: 'ucetni@klient.example' }, { id: third, number: thirdNumber, to: 'ucetni@klient.example' }]);
    expect(report.notSent.map((n) => [n.id, n.code])).toEqual([[second, 'no_billing_email'], [draft, 'not_issued'], [987654, 'not_found']]);
    // The report is the lines put together, reasons included.
    expect(report.notSent.map((n) => n.message)).toEqual([lines[2]!.message, lines[3]!.message, lines[4]!.message]);
    expect([await stateOf(first), await stateOf(second), await stateOf(third)]).toEqual(['sent', 'issued', 'sent']);

    // The same ids once more, now that nothing changes (two already sent): the JSON answer is this report exactly.
    const again = await sendMany({ ids: [first, second, draft, 987654, third] }, NDJSON);
    const json = await sendMany({ ids: [first, second, draft, 987654, third] });
    expect(json.statusCode, json.body).toBe(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(linesOf(again.body).at(-1)).toEqual({ report: json.json() });
    expect(json.json().notSent.map((n: { code: string }) => n.code)).toEqual(['already_sent', 'no_billing_email', 'not_issued', 'not_found', 'already_sent']);

    // By period, streamed: only October's issued, unsent one (its client still has no e-mail).
    const byPeriod = linesOf((await sendMany({ period: '2026-10' }, NDJSON)).body);
    expect(byPeriod).toEqual([
      { total: 1 },
      { done: 1, id: second, number: secondNumber, sent: false, code: 'no_billing_email', message: expect.any(String) },
      { report: { sent: [], notSent: [expect.objectContaining({ id: second, code: 'no_billing_email' })] } },
    ]);
    // Nothing to send: the total and the empty report.
    expect(linesOf((await sendMany({ period: '2026-08' }, NDJSON)).body)).toEqual([{ total: 0 }, { report: { sent: [], notSent: [] } }]);
  });

  it('answers plain JSON, exactly the report, without the JSON-lines Accept header', async () => {
    const draft = await w.draft({ records: await w.approvedRecords(1, 9) });
    for (const accept of [undefined, 'application/json', '*/*']) {
      const res = await sendMany({ ids: [draft] }, accept);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toEqual({ sent: [], notSent: [{ id: draft, number: null, code: 'not_issued', message: 'A draft cannot be sent; issue it first' }] });
    }
  });

  it('documents both answers in the OpenAPI description', async () => {
    const spec = (await w.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const ok = JSON.stringify(spec.paths['/api/v1/invoices/send'].post.responses['200']);
    expect(ok).toContain('Accept: application/x-ndjson');
    expect(ok).toContain('{\\"total\\":N}');
  });

  it('refuses a role without invoices.payments and bad bodies with the usual JSON errors, before any line', async () => {
    for (const [payload, auth, status, code] of [
      [{ ids: [1] }, w.tech.auth, 403, 'forbidden'],
      [{ ids: [] }, w.accountant.auth, 400, 'validation_failed'],
      [{ period: '2026-Q4' }, w.accountant.auth, 400, 'validation_failed'],
    ] as const) {
      const res = await sendMany(payload, NDJSON, auth);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json().error.code).toBe(code);
    }
  });

  it('goes on sending to the end when the client goes away after the first line', async () => {
    const ids: number[] = [];
    for (const day of [10, 11, 12]) {
      const draft = await w.draft({ records: await w.approvedRecords(1, day) });
      await issue(draft);
      ids.push(draft);
    }
    const token = (w.accountant.auth as { token: string }).token;
    const address = await w.t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = w.t.app.server.address() as AddressInfo;
    expect(address).toContain(String(port));
    const firstLine = await new Promise<string>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/api/v1/invoices/send', headers: { accept: NDJSON, authorization: `Bearer ${token}`, 'content-type': 'application/json' } }, (res) => {
        res.setEncoding('utf8');
        let text = '';
        res.on('data', (chunk: string) => {
          text += chunk;
          const end = text.indexOf('\n');
          // Hang up as soon as the total is there: the sending has only just begun.
          if (end >= 0) {
            req.destroy();
            resolve(text.slice(0, end));
          }
        });
        res.on('error', () => undefined);
      });
      req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
      req.end(JSON.stringify({ ids }));
    });
    expect(JSON.parse(firstLine)).toEqual({ total: 3 });
    // Each still goes out, once.
    const deadline = Date.now() + 15_000;
    while ((await Promise.all(ids.map(stateOf))).some((s) => s !== 'sent') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await Promise.all(ids.map(stateOf))).toEqual(['sent', 'sent', 'sent']);
    const mails = await db().selectFrom('audit_log').select('entity_id').where('entity', '=', 'invoice').where('action', '=', 'email').where('entity_id', 'in', ids.map(String)).execute();
    expect(mails.map((m) => Number(m.entity_id)).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
  });
});

describe('the JSON-lines stream of a bulk send', () => {
  /** A prepared send of `total` documents, each finishing only when the test lets it. */
  function gated(total: number) {
    const gates: (() => void)[] = [];
    const prepared: PreparedBulkSend = {
      total,
      async run(onEach) {
        const report: BulkSendReport = { sent: [], notSent: [] };
        for (let i = 1; i <= total; i++) {
          await new Promise<void>((resolve) => gates.push(resolve));
          const outcome: BulkSendOutcome = { id: i, number: `F${i}`, sent: true, to: 'a@b.example' };
          report.sent.push({ id: i, number: outcome.number, to: outcome.to });
          onEach?.(outcome, i);
        }
        return report;
      },
    };
    const open = async () => {
      while (gates.length === 0) await new Promise((r) => setImmediate(r));
      gates.shift()!();
    };
    return { prepared, open };
  }

  it('finishes every document after the reader is gone, without an error', async () => {
    const { prepared, open } = gated(3);
    const failures: unknown[] = [];
    const { lines, finished } = streamBulkSend(prepared, (e) => failures.push(e));
    const errors: unknown[] = [];
    lines.on('error', (e) => errors.push(e));
    await open();
    lines.destroy();
    await open();
    await open();
    const report = await finished;
    expect(report.sent.map((s) => s.id)).toEqual([1, 2, 3]);
    expect(failures).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('ends with an error line, not the error text, when the sending breaks', async () => {
    const logged: unknown[] = [];
    const broken: PreparedBulkSend = { total: 2, run: async () => { throw new Error('disk on fire at /var/secret'); } };
    const { lines, finished } = streamBulkSend(broken, (e) => logged.push(e));
    await expect(finished).rejects.toThrow('disk on fire');
    let text = '';
    for await (const chunk of lines) text += String(chunk);
    expect(linesOf(text)).toEqual([{ total: 2 }, { error: { code: 'internal_error', message: expect.any(String) } }]);
    expect(text).not.toContain('secret');
    expect(logged).toHaveLength(1);
  });

  it('recognises the Accept header that asks for it', () => {
    expect(wantsNdjson('application/x-ndjson')).toBe(true);
    expect(wantsNdjson('application/json, application/x-ndjson;q=0.9')).toBe(true);
    expect(wantsNdjson('Application/X-NDJSON; charset=utf-8')).toBe(true);
    expect(wantsNdjson(undefined)).toBe(false);
    expect(wantsNdjson('application/json')).toBe(false);
    expect(wantsNdjson('*/*')).toBe(false);
    expect(wantsNdjson('application/x-ndjsonx')).toBe(false);
  });
});
