import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { monthSchema, periodSchema } from '../src/platform/http/schemas.ts';
import type { Auth } from './app.ts';
import { testEngines } from './db.ts';
import { invoicingWorld, type InvoicingWorld } from './invoicing.fixture.ts';

/**
 * Every date, month and period the API takes is a real one, or a 400 in the usual error
 * shape saying what is wrong with it.
 *
 * The walk reads the published OpenAPI document: each path, query and body field
 * documented as a date (`format: date`), a month or a period (their shared patterns) is
 * sent a value of the right shape that does not exist (2026-02-30, 2026-00, 2026-13), and
 * must be refused naming that field with `invalid_date` / `invalid_period` and a message
 * that starts with the value. Ranges (`from` … `to`) must not end before they start, and a
 * credit note's work report is refused as what it is, not as a missing document.
 */

type Schema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  const?: unknown;
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  minItems?: number;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
};
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}
type Kind = 'date' | 'month' | 'period';

const MONTH_PATTERN = (z.toJSONSchema(monthSchema) as Schema).pattern;
const PERIOD_PATTERN = (z.toJSONSchema(periodSchema) as Schema).pattern;
/** A value of each kind's shape that names no real day or month, and what the refusal says of it. */
const SPOILED: Readonly<Record<Kind, { value: string; code: string }>> = {
  date: { value: '2026-02-30', code: 'invalid_date' },
  month: { value: '2026-00', code: 'invalid_period' },
  period: { value: '2026-13', code: 'invalid_period' },
};
const GOOD: Readonly<Record<Kind, string>> = { date: '2026-10-05', month: '2026-10', period: '2026-10' };

const alternativesOf = (s: Schema): Schema[] => s.anyOf ?? s.oneOf ?? [];

/** The kind of a field documented as a date, a month or a period (optional and nullable ones too), else null. */
function kindOf(s: Schema | undefined): Kind | null {
  if (!s) return null;
  if (s.format === 'date') return 'date';
  if (s.pattern !== undefined && s.pattern === MONTH_PATTERN) return 'month';
  if (s.pattern !== undefined && s.pattern === PERIOD_PATTERN) return 'period';
  for (const alternative of alternativesOf(s)) if (alternative.type !== 'object') {
    const kind = kindOf(alternative);
    if (kind) return kind;
  }
  return null;
}

/** A value the schema takes, as far as a simple reading goes: every property filled, dates and months real ones. */
function sample(s: Schema | undefined): unknown {
  if (!s) return 'x';
  if (s.const !== undefined) return s.const;
  const kind = kindOf(s);
  if (kind) return GOOD[kind];
  if (s.enum?.length) return s.enum[0];
  const alternatives = alternativesOf(s);
  if (alternatives.length) return sample(alternatives.find((a) => a.type !== 'null') ?? alternatives[0]);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([name, p]) => [name, sample(p)]));
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 0) }, () => sample(s.items));
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return s.default ?? 'x';
  }
}

/** The object schemas a body may be (each alternative of a union on its own). */
function bodyShapes(s: Schema): Schema[] {
  const alternatives = alternativesOf(s).filter((a) => a.type !== 'null');
  return alternatives.length ? alternatives.flatMap(bodyShapes) : s.type === 'object' ? [s] : [];
}

/** Date, month and period fields of an object schema, nested objects included, as dotted paths. */
function fieldsOf(s: Schema, prefix: string[] = []): { path: string[]; kind: Kind }[] {
  const out: { path: string[]; kind: Kind }[] = [];
  for (const [name, property] of Object.entries(s.properties ?? {})) {
    const kind = kindOf(property);
    if (kind) out.push({ path: [...prefix, name], kind });
    else for (const inner of bodyShapes(property)) out.push(...fieldsOf(inner, [...prefix, name]));
  }
  return out;
}

function setAt(value: Record<string, unknown>, path: string[], leaf: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  const inner = value[head!];
  return { ...value, [head!]: rest.length ? setAt(inner !== null && typeof inner === 'object' ? (inner as Record<string, unknown>) : {}, rest, leaf) : leaf };
}

/** One call that sends a spoiled value to one field, and where the refusal must name it. */
interface Target {
  /** e.g. 'GET /api/v1/exchange-rates querystring.from' */
  name: string;
  method: string;
  url: string;
  payload: object | undefined;
  path: string;
  kind: Kind;
}

function targetsOf(document: { paths?: Record<string, Record<string, unknown>> }): Target[] {
  const targets: Target[] = [];
  for (const [template, item] of Object.entries(document.paths ?? {})) {
    if (!template.startsWith('/api/v1/')) continue;
    for (const [method, raw] of Object.entries(item)) {
      const op = raw as { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } };
      const upper = method.toUpperCase();
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(upper)) continue;
      const route = `${upper} ${template.replace(/\{(\w+)\}/g, ':$1')}`;
      const parameters = op.parameters ?? [];
      const pathValues = (spoil?: Parameter, value?: string) =>
        template.replace(/\{(\w+)\}/g, (_, name: string) => {
          const p = parameters.find((x) => x.in === 'path' && x.name === name);
          return encodeURIComponent(p === spoil ? value! : p && kindOf(p.schema) ? GOOD[kindOf(p.schema)!] : p?.schema?.pattern?.includes('A-Z') ? 'EUR' : '1');
        });
      const query = (spoil?: Parameter, value?: string) => {
        const parts = parameters
          .filter((p) => p.in === 'query' && (p.required || p === spoil))
          .map((p) => `${p.name}=${encodeURIComponent(p === spoil ? value! : String(sample(p.schema)))}`);
        return parts.length ? `?${parts.join('&')}` : '';
      };
      const body = op.requestBody?.content?.['application/json']?.schema;
      const shapes = body ? bodyShapes(body) : [];
      const plainBody = shapes[0] ? (sample(shapes[0]) as object) : undefined;
      for (const p of parameters) {
        const kind = kindOf(p.schema);
        if (!kind || (p.in !== 'path' && p.in !== 'query')) continue;
        const where = p.in === 'path' ? 'params' : 'querystring';
        targets.push({
          name: `${route} ${where}.${p.name}`, method: upper, url: pathValues(p, SPOILED[kind].value) + query(p, SPOILED[kind].value),
          payload: plainBody, path: `${where}.${p.name}`, kind,
        });
      }
      for (const shape of shapes) {
        for (const field of fieldsOf(shape)) {
          const path = field.path.join('.');
          targets.push({
            name: `${route} ${path}`, method: upper, url: pathValues() + query(),
            payload: setAt(sample(shape) as Record<string, unknown>, field.path, SPOILED[field.kind].value), path, kind: field.kind,
          });
        }
      }
    }
  }
  return targets;
}

describe.each(testEngines())('dates, months and periods the API takes, on %s', (engine) => {
  let w: InvoicingWorld;
  let admin: Auth;
  const call = (method: string, url: string, payload?: object) => w.t.request(admin, { method: method as 'GET', url, ...(payload ? { payload } : {}) });
  /** The one detail of a 400 validation_failed. */
  async function refusedWith(method: string, url: string, payload?: object) {
    const res = await call(method, url, payload);
    expect([res.statusCode, res.json().error?.code], `${method} ${url} → ${res.body}`).toEqual([400, 'validation_failed']);
    expect(res.json().error.details, res.body).toHaveLength(1);
    return res.json().error.details[0] as { path: string; code: string; message: string };
  }
  async function taken(method: string, url: string, payload?: object) {
    const res = await call(method, url, payload);
    expect(res.statusCode, `${method} ${url} → ${res.body}`).toBe(200);
  }

  beforeAll(async () => {
    w = await invoicingWorld(engine);
    admin = w.admin.auth;
  }, 120_000);
  afterAll(() => w.t.close());

  it('refuses a day or month that does not exist in every field documented as one, naming the field and what is wrong (walk of the OpenAPI document)', async () => {
    const targets = targetsOf(w.t.app.swagger() as { paths?: Record<string, Record<string, unknown>> });
    // Guards the walk itself: these are the fields that once took any text of the right shape (or any text at all).
    expect(targets.map((t) => t.name)).toEqual(expect.arrayContaining([
      'GET /api/v1/billing-runs querystring.period', 'GET /api/v1/billing-runs/earlier-drafts querystring.period', 'POST /api/v1/billing-runs period',
      'GET /api/v1/exchange-rates querystring.from', 'GET /api/v1/exchange-rates querystring.to', 'PUT /api/v1/exchange-rates/:currency/:day params.day',
      'POST /api/v1/exchange-rates/cnb-fetch day', 'GET /api/v1/exchange-rates/suggestion querystring.day',
      'GET /api/v1/records querystring.from', 'GET /api/v1/records/count querystring.to', 'GET /api/v1/records/export.csv querystring.from', 'GET /api/v1/records/export.xlsx querystring.to',
      'GET /api/v1/tickets/:id/records/work-day querystring.date', 'GET /api/v1/timesheets/week querystring.start', 'GET /api/v1/timesheets/team-week querystring.start',
      'POST /api/v1/tickets/:id/records date', 'POST /api/v1/work-entries date', 'PATCH /api/v1/records/:id date', 'POST /api/v1/timers/me/stop date',
      'GET /api/v1/invoices querystring.period', 'POST /api/v1/invoices/issue period', 'POST /api/v1/invoices/:id/issue exchangeRate.date',
      'POST /api/v1/invoices/:id/payments date', 'POST /api/v1/invoices/:id/refunds date', 'POST /api/v1/invoices/send period',
      'GET /api/v1/profitability querystring.from', 'GET /api/v1/profitability.csv querystring.to', 'GET /api/v1/contracts/:id/profitability querystring.from',
      'GET /api/v1/exports querystring.period', 'GET /api/v1/exports/preview querystring.period', 'POST /api/v1/exports period',
      'GET /api/v1/contracts querystring.validOn', 'GET /api/v1/contracts/:id/consumption querystring.period',
      'POST /api/v1/vat-rates validFrom', 'POST /api/v1/cost-rates validFrom', 'POST /api/v1/price-lists/:id/versions validFrom', 'POST /api/v1/price-preview date',
      'POST /api/v1/stock-documents date',
    ]));
    const failures: string[] = [];
    for (const target of targets) {
      const res = await call(target.method, target.url, target.payload);
      const { value, code } = SPOILED[target.kind];
      const detail = res.statusCode === 400 ? (res.json().error?.details ?? []).find((d: { path: string }) => d.path === target.path) : undefined;
      const clear = res.json().error?.code === 'validation_failed' && detail?.code === code && typeof detail.message === 'string' && detail.message.startsWith(`${value} is not a `);
      if (!clear) failures.push(`${target.name} with ${value}: ${target.method} ${target.url} ${JSON.stringify(target.payload ?? null).slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 400)}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('says what is wrong: a month that does not exist lists no billing runs, an impossible day lists no exchange rates', async () => {
    expect(await refusedWith('GET', '/api/v1/billing-runs?period=2026-00')).toEqual({
      path: 'querystring.period', code: 'invalid_period', message: '2026-00 is not a month (YYYY-MM): there is no month 00',
    });
    expect(await refusedWith('GET', '/api/v1/billing-runs?period=2026-Q4')).toMatchObject({ code: 'invalid_period', message: '2026-Q4 is not a month (YYYY-MM): it is a quarter' });
    // Starting a run of it is refused in the same words.
    expect(await refusedWith('POST', '/api/v1/billing-runs', { period: '2026-00' })).toEqual({ path: 'period', code: 'invalid_period', message: '2026-00 is not a month (YYYY-MM): there is no month 00' });
    expect(await refusedWith('GET', '/api/v1/exchange-rates?from=2026-02-30')).toEqual({
      path: 'querystring.from', code: 'invalid_date', message: '2026-02-30 is not a calendar date: 2026-02 has 28 days',
    });
    expect(await refusedWith('GET', '/api/v1/exchange-rates?to=30.10.2026')).toMatchObject({ path: 'querystring.to', code: 'invalid_date', message: '"30.10.2026" is not a date: write it YYYY-MM-DD, e.g. 2026-10-05' });
    expect(await refusedWith('PUT', '/api/v1/exchange-rates/EUR/2026-13-01', { rate: '24.3' })).toEqual({
      path: 'params.day', code: 'invalid_date', message: '2026-13-01 is not a calendar date: there is no month 13',
    });
    expect(await refusedWith('POST', '/api/v1/invoices/send', { period: '2026-13' })).toMatchObject({ path: 'period', code: 'invalid_period' });
    // A real day or month is taken: a leap day, a month's last day.
    await taken('GET', '/api/v1/exchange-rates?from=2024-02-29&to=2024-02-29');
    await taken('GET', '/api/v1/billing-runs?period=2026-10');
    await taken('GET', '/api/v1/records?from=2026-10-31&to=2026-10-31');
  });

  it('refuses a range that ends before it starts, naming to', async () => {
    const reversed = { path: 'querystring.to', code: 'invalid_range' };
    for (const url of [
      '/api/v1/exchange-rates?from=2026-10-30&to=2026-10-29', '/api/v1/records?from=2026-10-31&to=2026-10-01', '/api/v1/records/count?from=2026-10-31&to=2026-10-01',
      '/api/v1/records/export.csv?from=2026-10-31&to=2026-10-01', '/api/v1/records/export.xlsx?from=2026-10-31&to=2026-10-01',
      '/api/v1/audit?from=2026-11-02&to=2026-11-01', '/api/v1/audit?from=2026-11-02T10:00:00Z&to=2026-11-02T09:59:59.999Z',
    ]) {
      expect(await refusedWith('GET', url), url).toMatchObject(reversed);
    }
    expect((await refusedWith('GET', '/api/v1/records?from=2026-10-31&to=2026-10-01')).message).toBe('to 2026-10-01 is before from 2026-10-31: a range ends on or after its start');
    // One day is a range; a bare day as the audit's `to` runs to the day's end, so a moment of that day is before it.
    await taken('GET', '/api/v1/exchange-rates?from=2026-10-30&to=2026-10-30');
    await taken('GET', '/api/v1/audit?from=2026-11-02T10:00Z&to=2026-11-02');
    await taken('GET', '/api/v1/audit?from=2026-11-02T10:00Z&to=2026-11-02T10:00:00.000Z');
    // Profitability compares periods of one kind in its own check, as before.
    expect(await refusedWith('GET', '/api/v1/profitability?from=2026-10&to=2026-09')).toMatchObject({ path: 'to', code: 'invalid_range' });
  });

  it("checks the audit log's days and instants alike", async () => {
    expect(await refusedWith('GET', '/api/v1/audit?from=2026-02-30')).toEqual({ path: 'querystring.from', code: 'invalid_date', message: '2026-02-30 is not a calendar date: 2026-02 has 28 days' });
    expect(await refusedWith('GET', '/api/v1/audit?from=2026-02-30T10:00:00Z')).toMatchObject({ code: 'invalid_date', message: '2026-02-30 is not a calendar date: 2026-02 has 28 days' });
    expect(await refusedWith('GET', '/api/v1/audit?to=2026-11-02T25:61:00Z')).toEqual({
      path: 'querystring.to', code: 'invalid_date', message: '"2026-11-02T25:61:00Z" is neither a date (YYYY-MM-DD) nor a UTC instant (YYYY-MM-DDTHH:MM:SSZ)',
    });
    await taken('GET', '/api/v1/audit?from=2026-11-01T23:00:00.123Z&to=2026-11-02');
  });

  it('reports an impossible day of an imported row on that row', async () => {
    const res = await call('POST', '/api/v1/records/bulk?dryRun=true', [
      { ticketId: w.ticket.id, kind: 'work', date: '2026-10-05', minutes: 30, workTypeId: w.wt.remote },
      { ticketId: w.ticket.id, kind: 'work', date: '2026-09-31', minutes: 30, workTypeId: w.wt.remote },
    ]);
    expect([res.statusCode, res.json().error.code], res.body).toEqual([400, 'bulk_rejected']);
    expect(res.json().error.details).toEqual([{ path: '1.date', code: 'invalid_date', message: '2026-09-31 is not a calendar date: 2026-09 has 30 days' }]);
  });

  it("answers a credit note's work report as a credit note's, not as a missing document", async () => {
    const invoiceId = await w.draft({ records: await w.approvedRecords(1) });
    const issued = await call('POST', `/api/v1/invoices/${invoiceId}/issue`);
    expect(issued.statusCode, issued.body).toBe(200);
    const note = await call('POST', `/api/v1/invoices/${invoiceId}/credit-notes`, { reason: 'Storno', full: true });
    expect(note.statusCode, note.body).toBe(201);
    const noteId = note.json().id as number;
    const { number: noteNumber } = (await call('GET', `/api/v1/invoices/${noteId}`)).json();
    const invoiceNumber = issued.json().number as string;
    for (const url of [`/api/v1/invoices/${noteId}/work-report.pdf`, `/api/v1/invoices/${noteId}/work-report.csv`, `/api/v1/invoices/${noteId}/work-report`, `/api/v1/invoices/${noteId}/pdf?workReport=true`]) {
      const res = await call('GET', url);
      expect([url, res.statusCode], res.body).toEqual([url, 409]);
      expect(res.json()).toEqual({
        error: {
          code: 'credit_note_has_no_work_report',
          message: `${noteNumber} is a credit note, and a credit note has no work report: the work report is on the invoice it corrects, ${invoiceNumber}`,
          correctsInvoiceId: invoiceId,
        },
      });
    }
    // The invoice it corrects still has its report, the credit note its own PDF; a document that does not exist is still not found.
    expect((await call('GET', `/api/v1/invoices/${invoiceId}/work-report.pdf`)).statusCode).toBe(200);
    expect((await call('GET', `/api/v1/invoices/${noteId}/pdf`)).statusCode).toBe(200);
    const missing = await call('GET', '/api/v1/invoices/987654/work-report.pdf');
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'not_found']);
  });
});
