import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocateNumber, seedDefaultNumbering } from '../src/modules/numbering/index.ts';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { testEngines } from './db.ts';

/** Numbering series: patterns per document type, gap-free numbers per series and year, in the caller's transaction. */
describe.each(testEngines())('numbering on %s', (engine) => {
  let t: TestApp;
  let admin: Auth;
  let manager: Auth;

  beforeAll(async () => {
    t = await createTestApp(engine);
    await seedDefaultNumbering(t.database.db, t.clock.now());
    admin = await t.tokenFor((await t.userWith(['admin'])).id);
    manager = await t.tokenFor((await t.userWith(['manager'])).id);
  });
  afterAll(() => t.close());

  const allocate = (type: 'invoice' | 'issue_slip' | 'credit_note', date: string) => t.database.db.transaction().execute((trx) => allocateNumber(trx, type, date));

  it('seeds the default patterns once and lists them to administrators only', async () => {
    expect((await seedDefaultNumbering(t.database.db, t.clock.now())).created).toEqual([]);
    const res = await t.request(admin, { method: 'GET', url: '/api/v1/numbering-series' });
    expect(res.statusCode).toBe(200);
    const byType = Object.fromEntries(res.json().items.map((s: { documentType: string; pattern: string }) => [s.documentType, s.pattern]));
    expect(byType).toEqual({
      credit_note: 'DB{YYYY}{#####}', invoice: 'FV{YYYY}{#####}', issue_slip: 'VY{YYYY}{#####}', receipt: 'PR{YYYY}{#####}',
      return_slip: 'VR{YYYY}{#####}', stock_count: 'IN{YYYY}{#####}', transfer: 'PV{YYYY}{#####}',
    });
    expect((await t.request(manager, { method: 'GET', url: '/api/v1/numbering-series' })).statusCode).toBe(403);
  });

  it('numbers per series and year, with the variable symbol', async () => {
    expect(await allocate('invoice', '2026-11-02')).toEqual({ number: 'FV202600001', year: 2026, sequence: 1, variableSymbol: '202600001' });
    expect((await allocate('invoice', '2026-12-31')).number).toBe('FV202600002');
    expect((await allocate('invoice', '2027-01-01')).number).toBe('FV202700001');
    expect((await allocate('credit_note', '2026-11-02')).number).toBe('DB202600001');
  });

  it('gives a rolled-back number back: committed numbers have no gaps, even when issued concurrently', async () => {
    const attempts = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        t.database.db.transaction().execute(async (trx) => {
          const n = await allocateNumber(trx, 'issue_slip', '2026-11-02');
          if (i % 4 === 0) throw new Error('the document failed');
          return n.sequence;
        }),
      ),
    );
    const committed = attempts.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : [])).sort((a, b) => a - b);
    expect(committed).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });

  it('changes a pattern from the next number on, keeping the year gap-free; refuses one without room', async () => {
    const put = (pattern: string, type = 'invoice') => t.request(admin, { method: 'PUT', url: `/api/v1/numbering-series/${type}`, payload: { pattern } });
    const changed = await put('F-{YY}-{####}');
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ pattern: 'F-{YY}-{####}', lastSequence: 2, nextNumber: 'F-26-0003' });
    expect((await allocate('invoice', '2026-11-03')).number).toBe('F-26-0003');
    expect((await put('VY{YYYY}{#}', 'issue_slip')).json().error.code).toBe('pattern_too_narrow'); // the year is at 15
    expect((await put('F{####}')).json().error.code).toBe('pattern_missing_year');
    expect((await put('FV {YYYY}{####}')).statusCode).toBe(400);
    expect((await put('X{YYYY}{####}', 'nonsense')).statusCode).toBe(404);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'after_json']).where('entity', '=', 'numbering_series').where('action', '=', 'update').execute();
    expect(audit).toHaveLength(1);
  });
});
