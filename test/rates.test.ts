import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as m0032 from '../migrations/0032_exchange_rates.ts';
import { createDailyCnbFetch } from '../src/modules/rates/index.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

/**
 * The daily exchange-rate list over the API: rates entered by hand, ČNB files
 * imported (all or nothing, idempotent, hand-entered rates kept) and fetched
 * from a ČNB stand-in on 127.0.0.1, the rate suggested for issuing, paging,
 * who may do what, the audit trail and migration 0032 both ways.
 */
const FRIDAY = ['30.10.2026 #210', 'země|měna|množství|kód|kurz', 'EMU|euro|1|EUR|24,305', 'Maďarsko|forint|100|HUF|6,543', 'USA|dolar|1|USD|20,950', ''].join('\n');
const MONDAY = ['02.11.2026 #211', 'země|měna|množství|kód|kurz', 'EMU|euro|1|EUR|24,310', 'USA|dolar|1|USD|20,950', ''].join('\n');

/** The ČNB stand-in: the file of the asked day; a weekend gets Friday's; one day fails, one answers with a web page. */
function cnbStandIn(): Promise<{ server: Server; url: string; asked: string[] }> {
  const asked: string[] = [];
  const server = createServer((req, res) => {
    const date = new URL(req.url ?? '/', 'http://x').searchParams.get('date') ?? '';
    asked.push(date);
    if (date === '30.10.2026' || date === '31.10.2026' || date === '01.11.2026') return void res.end(FRIDAY);
    if (date === '02.11.2026') return void res.end(MONDAY);
    if (date === '29.10.2026') return void res.writeHead(503).end('maintenance');
    res.end('<html><body>Stránka nenalezena</body></html>');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/denni_kurz.txt`, asked })));
}

describe.each(testEngines())('exchange-rate list on %s', (engine) => {
  let t: TestApp;
  let cnb: Awaited<ReturnType<typeof cnbStandIn>>;
  let accountant: Auth;
  let operator: Auth;

  beforeAll(async () => {
    cnb = await cnbStandIn();
    t = await createTestApp(engine, { cnbRatesUrl: cnb.url });
    accountant = (await t.userWith(['accountant'])).auth;
    operator = (await t.userWith(['operator'])).auth;
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => cnb.server.close(resolve));
  });

  const importFile = (text: string, query = '') => t.request(accountant, { method: 'POST', url: `/api/v1/exchange-rates/cnb-import${query}`, headers: { 'content-type': 'text/plain; charset=utf-8' }, payload: text });
  const list = async (query = '') => {
    const res = await t.request(accountant, { method: 'GET', url: `/api/v1/exchange-rates?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: { currency: string; day: string; amount: number; rate: string; source: string; enteredBy: { name: string } | null }[]; nextCursor: string | null };
  };
  const audits = () => t.database.db.selectFrom('audit_log').select(['action', 'entity_id', 'after_json']).where('entity', '=', 'exchange_rate').orderBy('id').execute();

  it('imports a ČNB file whole, and the same file again changes nothing and writes no audit entry', async () => {
    const first = await importFile(FRIDAY);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ day: '2026-10-30', added: ['EUR', 'HUF', 'USD'], replaced: [], unchanged: [], keptManual: [] });
    expect((await list('from=2026-10-30&to=2026-10-30')).items.map((r) => [r.currency, r.amount, r.rate, r.source])).toEqual([
      ['EUR', 1, '24.305', 'cnb'], ['HUF', 100, '6.543', 'cnb'], ['USD', 1, '20.95', 'cnb'],
    ]);
    const again = await importFile(FRIDAY);
    expect(again.json()).toEqual({ day: '2026-10-30', added: [], replaced: [], unchanged: ['EUR', 'HUF', 'USD'], keptManual: [] });
    expect((await audits()).map((a) => [a.action, a.entity_id])).toEqual([['import', '2026-10-30']]);
  });

  it('refuses a malformed file with 400 naming each line, and imports none of it', async () => {
    const bad = ['30.10.2026 #210', 'země|měna|množství|kód|kurz', 'Kanada|dolar|1|CAD|15,1', 'Švýcarsko|frank|1|CHF', 'Polsko|zlotý|1|PLN|pět'].join('\n');
    const res = await importFile(bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_cnb_file');
    expect(res.json().error.details.map((d: { path: string; code: string }) => [d.path, d.code])).toEqual([['line 4', 'bad_line'], ['line 5', 'bad_rate']]);
    expect(res.json().error.details[1].message).toContain('"pět"');
    const wrongDate = await importFile(FRIDAY.replace('30.10.2026 #210', 'Kurzy ke dni 30.10.2026'));
    expect(wrongDate.statusCode).toBe(400);
    expect(wrongDate.json().error.details).toEqual([expect.objectContaining({ path: 'line 1', code: 'bad_date_line' })]);
    expect((await list('currency=CAD')).items).toEqual([]);
  });

  it('enters a rate by hand, which a later ČNB import keeps unless asked to replace it', async () => {
    const put = (currency: string, day: string, payload: object, auth = accountant) => t.request(auth, { method: 'PUT', url: `/api/v1/exchange-rates/${currency}/${day}`, payload });
    const manual = await put('EUR', '2026-10-30', { amount: 1, rate: '24,5' });
    expect(manual.statusCode, manual.body).toBe(200);
    expect(manual.json()).toMatchObject({ currency: 'EUR', day: '2026-10-30', amount: 1, rate: '24.5', source: 'manual', enteredBy: { name: 'Test accountant' } });

    const changed = FRIDAY.replace('24,305', '24,400').replace('20,950', '21,000');
    const kept = await importFile(changed);
    expect(kept.json()).toEqual({ day: '2026-10-30', added: [], replaced: ['USD'], unchanged: ['HUF'], keptManual: ['EUR'] });
    expect((await list('currency=EUR')).items[0]).toMatchObject({ rate: '24.5', source: 'manual' });
    const replaced = await importFile(changed, '?replaceManual=true');
    expect(replaced.json()).toMatchObject({ replaced: ['EUR'], keptManual: [] });
    expect((await list('currency=EUR')).items[0]).toMatchObject({ rate: '24.4', source: 'cnb' });

    // Bad input: 400 naming each field; CZK is the list's own currency.
    const bad = await put('CZK', '2026-10-30', { amount: 3, rate: '-1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(['currency', 'amount', 'rate']);
    expect((await put('EUR', '2026-02-30', { rate: '24' })).json().error.details[0]).toMatchObject({ path: 'params.day', code: 'invalid_date' });
    // Three capital letters that are no ISO 4217 currency name none.
    const madeUp = await put('XYZ', '2026-10-30', { rate: '24' });
    expect(madeUp.statusCode, madeUp.body).toBe(400);
    expect(madeUp.json().error.details).toEqual([expect.objectContaining({ path: 'currency', code: 'invalid_currency' })]);
    expect((await put('EUR', '2026-10-30', { rate: '24' }, operator)).statusCode).toBe(403);
    expect((await audits()).map((a) => a.action)).toEqual(['import', 'update', 'import', 'import']);
  });

  it('fetches a day from the ČNB: a weekend takes the last working day, today is the default; failures are 502 and change nothing', async () => {
    const fetchDay = (body: object) => t.request(accountant, { method: 'POST', url: '/api/v1/exchange-rates/cnb-fetch', payload: body });
    const saturday = await fetchDay({ day: '2026-10-31' });
    expect(saturday.statusCode, saturday.body).toBe(200);
    // Friday's file again: the bank's rates replace the ones imported with a changed file above.
    expect(saturday.json()).toMatchObject({ requestedDay: '2026-10-31', day: '2026-10-30', replaced: ['EUR', 'USD'] });
    expect(cnb.asked.at(-1)).toBe('31.10.2026');

    const today = await fetchDay({});
    expect(today.json()).toMatchObject({ requestedDay: '2026-11-02', day: '2026-11-02', added: ['EUR', 'USD'] });

    const down = await fetchDay({ day: '2026-10-29' });
    expect(down.statusCode).toBe(502);
    expect(down.json().error).toMatchObject({ code: 'cnb_unavailable' });
    expect(down.json().error.message).toContain('503');
    const page = await fetchDay({ day: '2026-10-28' });
    expect(page.statusCode).toBe(502);
    expect(page.json().error.code).toBe('cnb_unreadable');
    expect((await fetchDay({ day: '2026-11-03' })).json().error.details[0]).toMatchObject({ path: 'day', code: 'future_date' });
    expect((await list('from=2026-10-28&to=2026-10-29')).items).toEqual([]);
  });

  it('fetches the ČNB list daily once it is published, retries a failed fetch at the next pass, and asks once a day', async () => {
    const clock = fixedClock('2026-10-29T14:00:00.000Z'); // 15:00 in Prague
    const logged: string[] = [];
    const logger = { info: (_: object, msg: string) => void logged.push(msg), warn: (_: object, msg: string) => void logged.push(msg) };
    const daily = createDailyCnbFetch({ rates: t.services.rates, clock, logger });
    const asked = () => cnb.asked.length;

    // The bank answers 503 that day: the pass fails (the server's job logs it) and the next pass asks again.
    await expect(daily.runOnce()).rejects.toMatchObject({ code: 'cnb_unavailable' });
    const before = asked();
    await expect(daily.runOnce()).rejects.toMatchObject({ code: 'cnb_unavailable' });
    expect(asked()).toBe(before + 1);

    clock.set('2026-11-02T13:29:00.000Z'); // 14:29 in Prague: not published yet, nothing asked
    expect(await daily.runOnce()).toEqual({ kind: 'not_yet' });
    expect(asked()).toBe(before + 1);

    clock.set('2026-11-02T13:50:00.000Z'); // 14:50
    const fetched = await daily.runOnce();
    expect(fetched).toMatchObject({ kind: 'fetched', report: { requestedDay: '2026-11-02', day: '2026-11-02' } });
    expect(cnb.asked.at(-1)).toBe('02.11.2026');
    expect(logged).toEqual(['exchange rates: the ČNB list fetched']);
    clock.set('2026-11-02T20:00:00.000Z');
    expect(await daily.runOnce()).toEqual({ kind: 'done_today' });
    expect(asked()).toBe(before + 2);
    expect((await list('from=2026-11-02&to=2026-11-02')).items.map((r) => r.currency)).toEqual(['EUR', 'USD']);
  });

  it('suggests the rate of a day for issuing, the last published one on a weekend, none after a week', async () => {
    const manager = (await t.userWith(['manager'])).auth;
    const suggest = (q: string, auth: Auth = manager) => t.request(auth, { method: 'GET', url: `/api/v1/exchange-rates/suggestion?${q}` });
    expect((await suggest('currency=EUR&day=2026-11-01')).json()).toEqual({ currency: 'EUR', day: '2026-11-01', found: { rate: '24.305', rateDay: '2026-10-30', source: 'cnb' } });
    expect((await suggest('currency=HUF&day=2026-10-30')).json().found).toEqual({ rate: '0.06543', rateDay: '2026-10-30', source: 'cnb' });
    expect((await suggest('currency=HUF&day=2026-11-07')).json()).toMatchObject({ found: null, unknown: 'too_old', lastDay: '2026-10-30' });
    expect((await suggest('currency=GBP&day=2026-11-02')).json()).toMatchObject({ found: null, unknown: 'none' });
    expect((await suggest('currency=EUR&day=2026-11-02', operator)).statusCode).toBe(403);
    expect((await suggest('currency=eur&day=2026-11-02')).statusCode).toBe(400);
  });

  it('pages by day and currency with a cursor', async () => {
    const first = await list('limit=2');
    expect(first.items.map((r) => `${r.day} ${r.currency}`)).toEqual(['2026-11-02 EUR', '2026-11-02 USD']);
    const second = await list(`limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((r) => `${r.day} ${r.currency}`)).toEqual(['2026-10-30 EUR', '2026-10-30 HUF']);
    const third = await list(`limit=2&cursor=${second.nextCursor}`);
    expect(third.items.map((r) => `${r.day} ${r.currency}`)).toEqual(['2026-10-30 USD']);
    expect(third.nextCursor).toBeNull();
    expect((await t.request(accountant, { method: 'GET', url: '/api/v1/exchange-rates?cursor=nonsense' })).statusCode).toBe(400);
  });

  it('migration 0032 rolls back and forward', async () => {
    const db = t.database.db as unknown as Kysely<any>;
    await m0032.down(db);
    await expect(t.database.db.selectFrom('exchange_rates').selectAll().execute()).rejects.toThrow();
    await m0032.up(db);
    expect(await t.database.db.selectFrom('exchange_rates').selectAll().execute()).toEqual([]);
    expect((await importFile(FRIDAY)).json().added).toEqual(['EUR', 'HUF', 'USD']);
    // One rate per currency and day, whatever writes it.
    await expect(t.database.db.insertInto('exchange_rates').values({ currency: 'EUR', valid_on: '2026-10-30', amount: 1, rate_millionths: 1, source: 'manual', entered_by: null, entered_at: 'x' }).execute()).rejects.toThrow();
  });
});
