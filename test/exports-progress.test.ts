/**
 * Progress of an export batch (POST /api/v1/exports with Accept: application/x-ndjson) on
 * SQLite and PostgreSQL: {"total":N}, paced {"done":k} lines, then the batch the plain answer
 * gives; refusals stay ordinary 4xx JSON before any line; a user's problem found only while
 * writing is the last line with its error fields, and no batch is recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportBatch } from '../src/modules/exports/exports.schemas.ts';
import type { PreparedExport } from '../src/modules/exports/exports.service.ts';
import { streamExport } from '../src/modules/exports/exports.progress.ts';
import { AppError } from '../src/shared/errors.ts';
import { testEngines } from './db.ts';
import { invoicingWorld, type InvoicingWorld } from './invoicing.fixture.ts';

const NDJSON = 'application/x-ndjson';

/** The answer's JSON lines (each line one object; the answer ends with a newline). */
function linesOf(body: string): Record<string, unknown>[] {
  expect(body.endsWith('\n')).toBe(true);
  return body.slice(0, -1).split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** total first, then done lines rising to the total, then one last line. */
function expectProgress(lines: Record<string, unknown>[], total: number) {
  expect(lines[0]).toEqual({ total });
  const done = lines.slice(1, -1).map((l) => {
    expect(Object.keys(l)).toEqual(['done']);
    return l.done as number;
  });
  expect(done.at(-1)).toBe(total);
  for (let i = 1; i < done.length; i++) expect(done[i]!).toBeGreaterThan(done[i - 1]!);
}

describe.each(testEngines())('export progress as JSON lines on %s', (engine) => {
  let w: InvoicingWorld;
  beforeAll(async () => {
    w = await invoicingWorld(engine);
  });
  afterAll(() => w.t.close());

  const run = (payload: object, accept?: string, auth = w.accountant.auth) =>
    w.t.request(auth, { method: 'POST', url: '/api/v1/exports', payload, ...(accept ? { headers: { accept } } : {}) });
  const batchCount = async () => (await w.req(w.accountant.auth, 'GET', '/api/v1/exports')).json().items.length as number;
  const issue = async (draft: number) => {
    const res = await w.req(w.manager.auth, 'POST', `/api/v1/invoices/${draft}/issue`);
    expect(res.statusCode, res.body).toBe(200);
  };

  it('streams the total, the documents written and the batch the plain answer gives', async () => {
    for (const day of [2, 3, 4]) await issue(await w.draft({ records: await w.approvedRecords(1, day) }));

    const res = await run({ format: 'isdoc', period: '2026-10' }, NDJSON);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = linesOf(res.body);
    expectProgress(lines, 3);
    const last = lines.at(-1)!;
    expect(Object.keys(last)).toEqual(['batch']);
    const batch = last.batch as ExportBatch;
    expect(batch).toMatchObject({ format: 'isdoc', period: '2026-10', documentCount: 3, includeExported: false });
    // The recorded batch, exactly as the API gives it anywhere else.
    expect(batch).toEqual((await w.req(w.accountant.auth, 'GET', `/api/v1/exports/${batch.id}`)).json());
    const file = await w.req(w.accountant.auth, 'GET', batch.downloadUrl);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.length).toBe(batch.byteSize);

    // Without the header: the usual 201 with the batch alone, the same fields.
    for (const accept of [undefined, 'application/json', '*/*']) {
      const plain = await run({ format: 'isdoc', period: '2026-10', includeExported: true }, accept);
      expect(plain.statusCode, plain.body).toBe(201);
      expect(plain.headers['content-type']).toMatch(/^application\/json/);
      expect(Object.keys(plain.json())).toEqual(Object.keys(batch));
      expect(plain.json()).toMatchObject({ format: 'isdoc', period: '2026-10', documentCount: 3, includeExported: true });
    }
    // A streamed "export again" ends with the same kind of batch as the plain one.
    const again = linesOf((await run({ format: 'isdoc', period: '2026-10', includeExported: true }, NDJSON)).body);
    expectProgress(again, 3);
    expect((again.at(-1)!.batch as ExportBatch).documentCount).toBe(3);
  });

  it('refuses with the usual JSON errors before any line', async () => {
    const before = await batchCount();
    for (const [payload, auth, status, code] of [
      [{ format: 'isdoc', period: '2026-10' }, w.accountant.auth, 409, 'nothing_to_export'],
      [{ format: 'isdoc', period: '2026-08' }, w.accountant.auth, 409, 'nothing_to_export'],
      [{ format: 'csv', period: '2026-10' }, w.tech.auth, 403, 'forbidden'],
      [{ format: 'abra', period: '2026-10' }, w.accountant.auth, 400, 'validation_failed'],
    ] as const) {
      const res = await run(payload, NDJSON, auth);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json().error.code).toBe(code);
    }
    expect(await batchCount()).toBe(before);
  });

  it('a VAT rate POHODA cannot name is found before the first line: an ordinary 400 naming every rate; no batch', async () => {
    const id = await w.draft({ lines: [{ kind: 'manual', description: 'Stará sazba', quantity_milli: 1000, unit: 'ks', unit_price_minor: 100_00, net_minor: 100_00, vat_rate_bp: 1500 }] });
    const issued = await w.req(w.manager.auth, 'POST', `/api/v1/invoices/${id}/issue`);
    expect(issued.statusCode, issued.body).toBe(200);
    const before = await batchCount();
    const res = await run({ format: 'pohoda', period: '2026-10' }, NDJSON);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const fact = { documentNumber: issued.json().number, vatRateBp: 1500, country: 'CZ' };
    expect(res.json().error).toMatchObject({ code: 'vat_rate_not_mapped', ...fact, rates: [fact] });
    expect(await batchCount()).toBe(before);
  });

  it('documents both answers in the OpenAPI description', async () => {
    const spec = (await w.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const responses = JSON.stringify(spec.paths['/api/v1/exports'].post.responses);
    expect(responses).toContain('Accept: application/x-ndjson');
    expect(responses).toContain('{\\"total\\":N}');
    expect(responses).toContain('{\\"batch\\":');
    // The 400 names every VAT rate POHODA cannot take, for the batch and for a single document.
    for (const path of ['/api/v1/exports', '/api/v1/exports/invoices/{id}']) {
      const op = spec.paths[path].post ?? spec.paths[path].get;
      expect(JSON.stringify(op.responses['400']), path).toMatch(/"rates":\{[^]*every document and VAT rate POHODA has no name for/);
    }
  });
});

describe('the JSON-lines stream of an export', () => {
  const batch = { id: 7, format: 'csv', period: '2026-10', createdAt: '2026-11-01T08:00:00.000Z', createdBy: { id: 1, name: 'Účetní' }, documentCount: 1000, fileName: 'csv-2026-10.zip', mediaType: 'application/zip', byteSize: 10, sha256: 'ab', includeExported: false, downloadUrl: '/api/v1/exports/7/download' };

  /** A prepared export of `total` documents, the clock moving `msEach` per document. */
  function prepared(total: number, msEach: number, clock: { ms: number }, fail?: Error): PreparedExport {
    return {
      total,
      async run(onDocument) {
        for (let done = 1; done <= total; done++) {
          clock.ms += msEach;
          onDocument?.(done);
          if (fail && done === total / 2) throw fail;
        }
        return { ...batch, secret: 'a column the schema does not carry' } as ExportBatch;
      },
    };
  }

  const read = async (lines: NodeJS.ReadableStream) => {
    let text = '';
    for await (const chunk of lines) text += String(chunk);
    return linesOf(text);
  };

  it('paces the done lines (1 % and 250 ms, whichever is rarer) and ends with the batch through its schema', async () => {
    const clock = { ms: 0 };
    const { lines, finished } = streamExport(prepared(1000, 100, clock), () => undefined, () => clock.ms);
    const out = await read(lines);
    await finished;
    // 100 ms a document: every 3rd passes 250 ms, 1 % is every 10th: the rarer wins.
    expect(out).toEqual([{ total: 1000 }, ...Array.from({ length: 100 }, (_, i) => ({ done: (i + 1) * 10 })), { batch }]);
  });

  it('ends with an error line, never the error text, when something unexpected stops it', async () => {
    const clock = { ms: 0 };
    const logged: unknown[] = [];
    const { lines, finished } = streamExport(prepared(4, 1000, clock, new Error('disk on fire at /var/secret')), (e) => logged.push(e), () => clock.ms);
    await expect(finished).rejects.toThrow('disk on fire');
    const text = JSON.stringify(await read(lines));
    expect(JSON.parse(text)).toEqual([{ total: 4 }, { done: 1 }, { done: 2 }, { error: { code: 'internal_error', message: expect.stringMatching(/no batch was recorded/) } }]);
    expect(text).not.toContain('secret');
    expect(logged).toHaveLength(1);
  });

  it("a typed error keeps its code, message and facts", async () => {
    const clock = { ms: 0 };
    const tooLarge = new AppError('validation', 'batch_too_large', 'a ZIP holds at most 65535 files; export a shorter period', { details: [{ path: 'period', code: 'batch_too_large', message: 'too many' }] });
    const { lines, finished } = streamExport(prepared(2, 0, clock, tooLarge), () => undefined, () => clock.ms);
    await expect(finished).rejects.toBe(tooLarge);
    expect((await read(lines)).at(-1)).toEqual({ error: { code: 'batch_too_large', message: tooLarge.message, details: [{ path: 'period', code: 'batch_too_large', message: 'too many' }] } });
  });
});
