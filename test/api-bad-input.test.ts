import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/cli/demo-data.ts';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

/**
 * Bad input anywhere in the API gets a clear refusal, never a 500.
 *
 * Every operation of the published OpenAPI document, called as an administrator on the
 * demo's data, with inputs built from the operation's own schema and then spoiled one
 * value at a time (wrong types, empty and huge strings, impossible dates, ids that do
 * not exist or overflow, markup), and with bodies that are not what the route reads at
 * all. Each answer must be below 500 and, when it refuses, say what and why in the
 * error shape the web app translates (`error.code`, `error.message`).
 *
 * A plausible value passes the schema, so the spoiled one reaches the service and the
 * database behind it, where an unchecked value would surface as a 500.
 */

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  default?: unknown;
};

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  method: string;
  /** The path in Fastify's notation (`:id`). */
  url: string;
  path: Parameter[];
  query: Parameter[];
  body: Schema | null;
}

/** Routes that end the caller's own session or credentials: called, they would only lock the test out. */
const SKIPPED = new Set(['POST /api/v1/auth/logout', 'POST /api/v1/auth/change-password', 'DELETE /api/v1/tokens/:id']);
/** Routes that call a service outside Kontor (the tests' ČNB address is a closed port): its failure is a 502 naming it, not a 500 of Kontor's. */
const UPSTREAM = new Set(['POST /api/v1/exchange-rates/cnb-fetch']);

/** A value the schema accepts (as far as a simple reading of it goes): the starting point to spoil. */
function plausible(schema: Schema | undefined, key = ''): unknown {
  if (!schema) return 'x';
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return plausible(alternatives.find((s) => s.type !== 'null') ?? alternatives[0], key);
  if (schema.allOf?.length) return plausible(schema.allOf[0], key);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(schema.properties ?? {})) out[name] = plausible(property, name);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 0) }, () => plausible(schema.items, key));
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 1, (schema.exclusiveMinimum ?? 0) + 1);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return plausibleString(schema, key);
  }
}

function plausibleString(schema: Schema, key: string): string {
  if (schema.format === 'date' || /date$|^from$|^to$|Date$|^day$/i.test(key)) return '2026-11-02';
  if (schema.format === 'date-time' || /At$/.test(key)) return '2026-11-02T09:00:00.000Z';
  if (schema.format === 'email' || /email/i.test(key)) return 'someone@example.com';
  if (/month|period/i.test(key)) return '2026-11';
  if (/currency/i.test(key)) return 'CZK';
  if (/country/i.test(key)) return 'CZ';
  if (/language|locale/i.test(key)) return 'cs';
  const text = 'Kontrola vstupu';
  const min = schema.minLength ?? 1;
  return text.length >= min ? text.slice(0, schema.maxLength ?? text.length) : text.padEnd(min, 'x');
}

/** Values that no route should take as they are: each is refused, or taken for what it says, never a 500. */
const NASTY: unknown[] = [
  null, '', ' ', 'x'.repeat(20_000), '<script>alert(1)</script>', "'; drop table tickets; --", '\u0000', '😀'.repeat(50),
  '2026-02-30', '2026-13-01', '9999-12-31', '0000-01-01', '2026-11-02T25:61:00Z', 'NaN', '-1', '1e400',
  0, -1, 1.5, -0.0001, 2 ** 31, 2 ** 53 + 2, -(2 ** 53), 1e308, true, [], {}, [null], { a: { b: { c: [1, 'x'] } } },
];

/** Path values: ids that exist in the demo, ones that do not, and ones that are no id at all. */
const PATH_VALUES = ['1', '2', '3', '0', '-1', '987654321', '9007199254740993', '1e3', 'abc', '1.5', '%00', '%C5%99', ' 1'];

/** A whole body that the route does not read as it expects. */
const WRONG_BODIES: { payload: string; contentType: string }[] = [
  { payload: '{', contentType: 'application/json' },
  { payload: '[]', contentType: 'application/json' },
  { payload: 'null', contentType: 'application/json' },
  { payload: '"text"', contentType: 'application/json' },
  { payload: JSON.stringify({ unexpected: 1 }), contentType: 'application/json' },
  { payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
  { payload: '<x/>', contentType: 'text/xml' },
];

function operationsOf(document: { paths?: Record<string, Record<string, unknown>> }): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    if (!path.startsWith('/api/v1/')) continue;
    for (const [method, raw] of Object.entries(item)) {
      const op = raw as { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } };
      const url = path.replace(/\{(\w+)\}/g, ':$1');
      const upper = method.toUpperCase();
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(upper) || SKIPPED.has(`${upper} ${url}`)) continue;
      const parameters = op.parameters ?? [];
      out.push({
        method: upper,
        url,
        path: parameters.filter((p) => p.in === 'path'),
        query: parameters.filter((p) => p.in === 'query'),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return out;
}

/** One call: the path filled, the query and body from the schema with at most one value spoiled. */
interface Call {
  pathValues: string[];
  spoil: 'none' | 'query' | 'body' | 'whole-body';
  /** Which key to spoil (an index into the keys; wraps around) and with what. */
  keyIndex: number;
  nasty: unknown;
  wrongBody: { payload: string; contentType: string };
}

const callArbitrary = (op: Operation): fc.Arbitrary<Call> =>
  fc.record({
    pathValues: fc.array(fc.constantFrom(...PATH_VALUES), { minLength: op.path.length, maxLength: op.path.length }),
    spoil: fc.constantFrom<Call['spoil']>(...(op.body ? ['none', 'query', 'body', 'body', 'whole-body'] as const : ['none', 'query', 'query'] as const)),
    keyIndex: fc.nat(),
    nasty: fc.oneof(fc.constantFrom(...NASTY), fc.string(), fc.integer(), fc.double()),
    wrongBody: fc.constantFrom(...WRONG_BODIES),
  });

/** Sets a spoiled value at one place inside a plausible value (a top-level key, or one level down in objects and arrays). */
function spoilAt(value: unknown, keyIndex: number, nasty: unknown): unknown {
  if (value === null || typeof value !== 'object') return nasty;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  if (!keys.length) return nasty;
  const key = keys[keyIndex % keys.length]!;
  const inner = (copy as Record<string, unknown>)[key];
  // Every other time, go one level deeper where there is one: nested lines and addresses are input too.
  (copy as Record<string, unknown>)[key] = inner !== null && typeof inner === 'object' && keyIndex % 2 === 1 ? spoilAt(inner, Math.floor(keyIndex / 2), nasty) : nasty;
  return copy;
}

function queryString(op: Operation, call: Call): string {
  const query: Record<string, unknown> = {};
  for (const p of op.query) if (p.required) query[p.name] = plausible(p.schema, p.name);
  if (call.spoil === 'query' && op.query.length) query[op.query[call.keyIndex % op.query.length]!.name] = call.nasty;
  const parts = Object.entries(query).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

describe.each(testEngines())('the API refuses bad input clearly on %s (every operation, spoiled inputs)', (engine) => {
  let t: TestApp;
  let admin: Auth;
  let operations: Operation[];

  async function freshAdmin(): Promise<Auth> {
    const user = await t.userWith(['admin']);
    return t.tokenFor(user.id);
  }

  beforeAll(async () => {
    t = await createTestApp(engine);
    await seedDemo(t.services);
    admin = await freshAdmin();
    operations = operationsOf(t.app.swagger() as { paths?: Record<string, Record<string, unknown>> });
  }, 120_000);
  afterAll(() => t.close());

  it('the document lists the API routes', () => {
    // Guards the test itself: an empty or unreadable document would make every check below vacuous.
    const listed = new Set(operations.map((o) => `${o.method} ${o.url}`));
    const routes = t.app.routeTable.filter((r) => !SKIPPED.has(`${r.method} ${r.url}`));
    expect(routes.filter((r) => !listed.has(`${r.method} ${r.url}`)).map((r) => `${r.method} ${r.url}`)).toEqual([]);
    expect(operations.filter((o) => o.body).length).toBeGreaterThan(40);
  });

  it('refuses a NUL character anywhere, naming where, and stores nothing', async () => {
    const before = await t.database.db.selectFrom('tickets').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const created = await t.request(admin, { method: 'POST', url: '/api/v1/tickets', payload: { clientId: 1, subject: 'Tiskárna\u0000', description: 'x' } });
    expect([created.statusCode, created.json().error.details]).toEqual([400, [expect.objectContaining({ path: 'subject', code: 'nul_character' })]]);
    const listed = await t.request(admin, { method: 'GET', url: '/api/v1/billing-runs?period=%00' });
    expect([listed.statusCode, listed.json().error.details[0].path]).toEqual([400, 'period']);
    const after = await t.database.db.selectFrom('tickets').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('answers every spoiled call below 500, with a code and a message when it refuses', async () => {
    const failures: string[] = [];
    for (const op of operations) {
      await fc.assert(
        fc.asyncProperty(callArbitrary(op), async (call) => {
          let i = 0;
          const url = op.url.replace(/:\w+/g, () => call.pathValues[i++]!) + queryString(op, call);
          const base = op.body ? plausible(op.body) : undefined;
          const request =
            call.spoil === 'whole-body'
              ? { payload: call.wrongBody.payload, headers: { 'content-type': call.wrongBody.contentType } }
              : op.method === 'GET' || op.method === 'DELETE'
                ? {}
                : { payload: (call.spoil === 'body' ? spoilAt(base, call.keyIndex, call.nasty) : base) as object };
          let res = await t.request(admin, { method: op.method as 'GET', url, ...request });
          if (res.statusCode === 401) {
            // A call deactivated the acting administrator (e.g. PATCH /users/:id on them): carry on as a new one.
            admin = await freshAdmin();
            res = await t.request(admin, { method: op.method as 'GET', url, ...request });
          }
          const what = `${op.method} ${url} ${JSON.stringify(request).slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
          const upstreamDown = res.statusCode === 502 && UPSTREAM.has(`${op.method} ${op.url}`) && res.json().error?.code === 'cnb_unavailable';
          if (res.statusCode >= 500 && !upstreamDown) {
            failures.push(what);
            return false;
          }
          if (res.statusCode >= 400) {
            let body: { error?: { code?: unknown; message?: unknown } } = {};
            try {
              body = res.json();
            } catch {
              // Not JSON: not the error shape either.
            }
            const clear = typeof body.error?.code === 'string' && typeof body.error?.message === 'string' && body.error.message.length > 0;
            if (!clear) failures.push(`unclear refusal: ${what}`);
            return clear;
          }
          return true;
        }),
        { numRuns: Number(process.env.KONTOR_FUZZ_RUNS ?? 12), endOnFailure: true },
      ).catch(() => undefined);
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
