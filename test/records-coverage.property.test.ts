import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../src/modules/identity/index.ts';
import { invoiceableClient } from './buyer.fixture.ts';
import { testEngines } from './db.ts';
import { recordsWorld, type RecordsWorld } from './records.fixture.ts';

/**
 * For a month of records under a random contract (a flat fee or prepaid minutes,
 * with a scope, a multiplier, a start inside the month), all approved: what each
 * record's coverage says before the run is what the run for the month then does
 * with it: billed at its amount, covered at 0, or split into covered and overage
 * minutes exactly as shown. (Once the month is over and its work approved, the
 * prepaid split is decidable; before that the API calls it an estimate.)
 */
const PERIOD = '2026-10';

describe.each(testEngines())('record coverage agrees with the billing run on %s (property)', (engine) => {
  let w: RecordsWorld;
  let scenario = 0;
  beforeAll(async () => {
    w = await recordsWorld(engine);
  }, 120_000);
  afterAll(() => w.t.close());

  const ok = async (auth: RecordsWorld['admin']['auth'], method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
    const res = await w.t.request(auth, { method, url, ...(payload ? { payload } : {}) });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.body ? res.json() : null;
  };

  const termsArb = fc.record({
    prepaidMinutes: fc.constantFrom(0, 60, 240, 600),
    covered: fc.subarray(['remote', 'onSite', 'development'] as const, { minLength: 1 }),
    coversTravel: fc.boolean(),
    onSiteMultiplier: fc.constantFrom(1000, 1500, 500),
    overage: fc.constantFrom('entry_rate', 'flat_rate'),
    validFrom: fc.constantFrom('2026-10-01', '2026-10-10'),
  });
  const recordArb = fc.record({
    kind: fc.constantFrom('work', 'work', 'work', 'travel'),
    workType: fc.constantFrom('remote', 'onSite', 'development') as fc.Arbitrary<'remote' | 'onSite' | 'development'>,
    day: fc.integer({ min: 1, max: 30 }),
    hour: fc.option(fc.integer({ min: 7, max: 19 }), { nil: null }),
    minutes: fc.integer({ min: 5, max: 300 }),
    billable: fc.integer({ min: 0, max: 6 }).map((n) => n > 0),
  });

  it('each record is billed as its coverage said', async () => {
    await fc.assert(
      fc.asyncProperty(termsArb, fc.array(recordArb, { minLength: 1, maxLength: 12 }), async (terms, records) => {
        scenario += 1;
        const m = w.manager.auth;
        const client = await w.t.services.customers.create(systemContext, { name: `Klient ${scenario}`, country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14, ...invoiceableClient });
        const contract = await ok(m, 'POST', '/api/v1/contracts', {
          clientId: client.id, number: `P-${scenario}`, name: 'Smlouva', currency: 'CZK', validFrom: terms.validFrom, periodKind: 'month',
          fee: { amountMinor: 1_000_00, vatRateBp: 2100, timing: 'in_arrears', prorate: true },
          scope: { workTypeIds: terms.covered.map((k) => w.wt[k]), coversTravel: terms.coversTravel, unitFeeIds: [] },
          prepaidMinutes: terms.prepaidMinutes,
          carryOver: { enabled: false },
          multipliers: { byWorkType: { [String(w.wt.onSite)]: terms.onSiteMultiplier }, byTimeClass: {} },
          overage: terms.overage === 'entry_rate' ? { kind: 'entry_rate' } : { kind: 'flat_rate', ratePerHourMinor: 900_00 },
        });
        const ticket = await ok(w.operator.auth, 'POST', '/api/v1/tickets', { clientId: client.id, subject: `Servis ${scenario}`, queueId: w.queueId });
        await ok(m, 'PATCH', `/api/v1/tickets/${ticket.id}/contract`, { contractId: contract.id });
        const ids: number[] = [];
        for (const r of records) {
          const date = `${PERIOD}-${String(r.day).padStart(2, '0')}`;
          const startTime = r.hour === null ? null : `${String(r.hour).padStart(2, '0')}:00`;
          const body = r.kind === 'work'
            ? { kind: 'work', date, startTime, minutes: r.minutes, workTypeId: w.wt[r.workType], billable: r.billable }
            : { kind: 'travel', date, km: String(r.minutes), billable: r.billable };
          ids.push((await ok(w.tech.auth, 'POST', `/api/v1/tickets/${ticket.id}/records`, body)).id);
        }
        for (const id of ids) await ok(w.tech.auth, 'POST', `/api/v1/records/${id}/submit`);
        await ok(m, 'POST', '/api/v1/records/approve', { ids });

        const shown = ((await ok(m, 'GET', `/api/v1/records?ticketId=${ticket.id}`)).items as any[]);
        const started = await ok(m, 'POST', '/api/v1/billing-runs', { period: PERIOD });
        await w.t.services.billing.runs.settled(started.id);
        const run = await ok(m, 'GET', `/api/v1/billing-runs/${started.id}`);
        expect(run.state).toBe('completed');
        const invoiceIds = run.result.drafts.filter((d: { clientId: number }) => d.clientId === client.id).map((d: { invoiceId: number }) => d.invoiceId);
        expect(invoiceIds.length).toBeGreaterThan(0);
        const taken = new Map((await w.t.database.db.selectFrom('invoice_records').select(['record_id', 'outcome', 'billed_minutes', 'amount_minor'])
          .where('invoice_id', 'in', invoiceIds).execute()).map((r) => [Number(r.record_id), r]));

        for (const record of shown) {
          const billed = taken.get(record.id);
          const why = `record ${record.id}: ${JSON.stringify(record.coverage)} / ${JSON.stringify(billed)}`;
          expect(billed, why).toBeDefined();
          const { kind, prepaid, clientAmountMinor } = record.coverage;
          if (kind === 'billable') expect([billed!.outcome, Number(billed!.amount_minor)], why).toEqual(['billed', clientAmountMinor]);
          else if (kind === 'flat_fee' || kind === 'not_billable') expect([billed!.outcome, Number(billed!.amount_minor)], why).toEqual(['covered', 0]);
          else {
            expect(prepaid.status, why).toBe('estimate');
            const outcome = prepaid.overageMinutes === 0 ? 'covered' : prepaid.coveredMinutes > 0 ? 'partly_covered' : 'billed';
            expect([billed!.outcome, Number(billed!.billed_minutes)], why).toEqual([outcome, prepaid.overageMinutes]);
          }
        }
      }),
      { numRuns: 25 },
    );
  }, 300_000);
});
