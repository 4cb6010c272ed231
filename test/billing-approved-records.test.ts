import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedUnbilledRecords } from '../src/modules/billing/billing.repo.ts';
import { testEngines } from './db.ts';
import { invoicingWorld, type InvoicingWorld } from './invoicing.fixture.ts';

/**
 * The one query of "approved, unbilled records of these clients up to a day" that a billing
 * run bills from and the records_after_run warning looks through, on both engines: billed,
 * waiting, later and other clients' records are left out; a record taken out of a period by
 * hand is left out of that period only; and on SQLite it finds the records by client and
 * date (records_client_date), not by walking every approved record of all time.
 */
describe.each(testEngines())('billing: approved, unbilled records of a period, on %s', (engine) => {
  let w: InvoicingWorld;
  let taken = 0;
  let excluded = 0;
  let later = 0;
  beforeAll(async () => {
    w = await invoicingWorld(engine);
    const { db } = w.t.database;
    const approvedOn = async (day: number) => (await w.approvedRecords(1, day))[0]!;
    taken = await approvedOn(5);
    excluded = await approvedOn(12);
    later = await approvedOn(28);
    const billed = await approvedOn(6);
    const invoiceId = await w.draft({ records: [billed] });
    await db.updateTable('records').set({ state: 'billed', billed_invoice_id: invoiceId }).where('id', '=', billed).execute();
    // Waiting for approval: not billed yet, but not this query's.
    expect((await w.log(w.tech.auth, { kind: 'work', date: '2026-10-07', startTime: '10:00', minutes: 30, workTypeId: w.wt.remote, description: 'Čeká' })).statusCode).toBe(201);
    await db.insertInto('billing_exclusions').values({ record_id: excluded, period: '2026-10', invoice_id: null, note: 'Reklamace', excluded_by: w.manager.id, excluded_at: w.t.clock.now().toISOString() }).execute();
  }, 120_000);
  afterAll(() => w.t.close());

  const ids = async (end: string, period?: string, clientIds = [w.clientId]) =>
    (await approvedUnbilledRecords(w.t.database.db, clientIds, end, period).select(['r.id', 'x.period']).orderBy('r.id').execute()).map((r) => ({ id: Number(r.id), excludedFrom: r.period }));

  it('gives the approved, unbilled records up to the day; with a period, not those taken out of it by hand', async () => {
    expect(await ids('2026-10-31')).toEqual([{ id: taken, excludedFrom: null }, { id: excluded, excludedFrom: '2026-10' }, { id: later, excludedFrom: null }]);
    expect(await ids('2026-10-31', '2026-10')).toEqual([{ id: taken, excludedFrom: null }, { id: later, excludedFrom: null }]);
    expect(await ids('2026-10-31', '2026-11')).toEqual([{ id: taken, excludedFrom: null }, { id: excluded, excludedFrom: '2026-10' }, { id: later, excludedFrom: null }]);
    expect(await ids('2026-10-12')).toEqual([{ id: taken, excludedFrom: null }, { id: excluded, excludedFrom: '2026-10' }]);
    expect(await ids('2026-10-31', undefined, [w.clientId + 1_000])).toEqual([]);
  });

  it.runIf(engine === 'sqlite')('finds them by client and date on SQLite', async () => {
    const { db } = w.t.database;
    // Two clients, as a run's batch has: for one, SQLite takes the client's index anyway.
    const query = approvedUnbilledRecords(db, [w.clientId, w.clientId + 1_000], '2026-10-31', '2026-10').select('r.id').compile();
    const plan = await db.executeQuery<{ detail: string }>({ ...query, sql: `EXPLAIN QUERY PLAN ${query.sql}` });
    expect(plan.rows.map((r) => r.detail)).toContainEqual(expect.stringMatching(/^SEARCH r USING INDEX records_client_date/));
  });
});
