import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBillingRuns } from '../src/modules/billing/billing.run.ts';
import { systemContext } from '../src/modules/identity/index.ts';
import { billingWorld, type BillingWorld } from './billing-examples.fixture.ts';
import { testEngines } from './db.ts';
import { invoiceableClient } from './buyer.fixture.ts';

/**
 * Billing runs through the API on both engines: BILLING.md examples A, B and C
 * run for October 2026 (every line, total and ledger row), re-running, two runs
 * at once, a run that dies halfway, draft adjustments, work reports, bad input.
 */
describe.each(testEngines())('billing runs on %s', (engine) => {
  let w: BillingWorld;
  let october: any;
  let accountant: Awaited<ReturnType<BillingWorld['t']['tokenFor']>>;
  beforeAll(async () => {
    w = await billingWorld(engine);
    accountant = await w.t.tokenFor((await w.t.userWith(['accountant'])).id);
    october = await w.runPeriod('2026-10');
  }, 120_000);
  afterAll(() => w.t.close());

  const db = () => w.t.database.db;
  const draftOf = (clientId: number) => {
    const drafts = october.result.drafts.filter((d: { clientId: number }) => d.clientId === clientId);
    expect(drafts).toHaveLength(1);
    return drafts[0];
  };
  const linesOf = async (invoiceId: number) =>
    db().selectFrom('invoice_lines').select(['kind', 'description', 'quantity_milli', 'unit', 'unit_price_minor', 'net_minor', 'vat_rate_bp', 'fee_period']).where('invoice_id', '=', invoiceId).orderBy('position').execute();
  const recordsOf = async (invoiceId: number) =>
    db().selectFrom('invoice_records').select(['record_id', 'outcome', 'covered_minutes', 'billed_minutes', 'amount_minor', 'late']).where('invoice_id', '=', invoiceId).orderBy('record_id').execute();
  const ledgerOf = async (contractId: number, period: string) =>
    db().selectFrom('prepaid_ledger').select(['opening_carried', 'allocated', 'consumed', 'carried_out', 'lapsed', 'final']).where('contract_id', '=', contractId).where('period', '=', period).executeTakeFirst();
  const visibleDrafts = async (period: string) =>
    (await db().selectFrom('invoices').select(['id', 'client_id', 'total_minor']).where('period', '=', period).where('state', '=', 'draft').where('visible', '=', 1).orderBy('client_id').execute())
      .map((r) => ({ ...r, id: Number(r.id), client_id: Number(r.client_id) }));

  it('runs October 2026: example A, time and material — net 9 937.00, VAT 2 086.77, total 12 023.77', async () => {
    expect(october.state).toBe('completed');
    expect(october.progress.done).toBe(october.progress.total);
    const d = draftOf(w.ex.clients.a);
    expect(d).toMatchObject({ netMinor: 9_937_00, vatMinor: 2_086_77, totalMinor: 12_023_77, currency: 'CZK', contractId: null, blocked: [] });
    const lines = await linesOf(d.invoiceId);
    expect(lines.map((l) => [l.kind, l.net_minor, l.vat_rate_bp])).toEqual([
      ['work', 800_00, 2100], // 5 Oct remote 50 → 60 min × 800
      ['work', 2_625_00, 2100], // 12 Oct 18:30 on-site 100 → 105 min × 1 000 × 1.5
      ['work', 2_000_00, 2100], // 28 Oct holiday on-site 45 → minimum 60 × 1 000 × 2
      ['travel', 432_00, 2100], // 36 km × 12
      ['unit_fee', 300_00, 2100], // call-out × 1
      ['item', 3_780_00, 2100], // 2 × SSD 1 TB
    ]);
    expect(lines[0]).toMatchObject({ description: 'Vzdálená podpora', quantity_milli: 1000, unit: 'h', unit_price_minor: 800_00 });
    expect(lines[1]).toMatchObject({ description: 'Práce u zákazníka – mimo pracovní dobu (+50\u00a0%)', quantity_milli: 1750, unit_price_minor: 1_500_00 });
    expect(lines[2]).toMatchObject({ description: 'Práce u zákazníka – víkend / svátek (+100\u00a0%)', quantity_milli: 1000, unit_price_minor: 2_000_00 });
    expect(lines[3]).toMatchObject({ description: 'Doprava', quantity_milli: 36_000, unit: 'km', unit_price_minor: 12_00 });
    expect(lines[4]).toMatchObject({ description: 'Výjezd', quantity_milli: 1000, unit: 'visit', unit_price_minor: 300_00 });
    expect(lines[5]).toMatchObject({ description: 'SSD 1 TB', quantity_milli: 2000, unit_price_minor: 1_890_00 });
    const taken = await recordsOf(d.invoiceId);
    expect(taken).toHaveLength(6);
    expect(taken.every((r) => r.outcome === 'billed' && r.late === 0)).toBe(true);
    const invoice = await db().selectFrom('invoices').selectAll().where('id', '=', d.invoiceId).executeTakeFirstOrThrow();
    expect(invoice).toMatchObject({ state: 'draft', period: '2026-10', taxable_supply_date: '2026-10-31', reverse_charge: 0, visible: 1, rounding_minor: 0, blocked_json: null });
    // The draft knows its run (its page links back to it).
    expect(await w.ok(w.manager.auth, 'GET', `/api/v1/invoices/${d.invoiceId}`)).toMatchObject({ runId: october.id });
    // Its work report names each quantity's unit as the lines print it: km, the call-out's "výjezd", the SSD's "ks".
    const report = await w.ok(w.manager.auth, 'GET', `/api/v1/invoices/${d.invoiceId}/work-report`);
    expect(report.entries.map((e: any) => [e.kind, e.quantityMilli, e.unit]).sort()).toEqual([
      ['item', 2000, 'ks'], ['travel', 36_000, 'km'], ['unit_fee', 1000, 'výjezd'], ['work', null, null], ['work', null, null], ['work', null, null],
    ]);
    expect(JSON.parse(invoice.vat_recap_json)).toEqual([{ vatRateBp: 2100, baseMinor: 9_937_00, vatMinor: 2_086_77, totalMinor: 12_023_77 }]);
  });

  it('example B, flat fee — 5 000.00 + 1 200.00 + 240.00: net 6 440.00, VAT 1 352.40, total 7 792.40; covered work at 0', async () => {
    const d = draftOf(w.ex.clients.b);
    expect(d).toMatchObject({ netMinor: 6_440_00, vatMinor: 1_352_40, totalMinor: 7_792_40, contractId: w.ex.contracts.b, blocked: [] });
    const lines = await linesOf(d.invoiceId);
    expect(lines.map((l) => [l.kind, l.net_minor, l.fee_period])).toEqual([
      ['contract_fee', 5_000_00, '2026-10'],
      ['work', 1_200_00, null],
      ['travel', 240_00, null],
    ]);
    expect(lines[0]).toMatchObject({ description: 'Paušál říjen\u00a02026 – Paušál podpory (PRIKLAD-B)', quantity_milli: 1000, unit: 'měs.', unit_price_minor: 5_000_00 });
    const r = w.ex.records.b;
    const taken = new Map((await recordsOf(d.invoiceId)).map((x) => [Number(x.record_id), x]));
    expect(taken.get(r.remote)).toMatchObject({ outcome: 'covered', covered_minutes: 120, amount_minor: 0 });
    expect(taken.get(r.onSite)).toMatchObject({ outcome: 'covered', covered_minutes: 180, amount_minor: 0 });
    expect(taken.get(r.development)).toMatchObject({ outcome: 'billed', billed_minutes: 60, amount_minor: 1_200_00 });
    expect(taken.get(r.travel)).toMatchObject({ outcome: 'billed', amount_minor: 240_00 });
  });

  it('example C, prepaid hours — 8 000.00 + 2 000.00 overage: total 12 100.00; ledger 180 + 600 = 780 + 0 + 0', async () => {
    const d = draftOf(w.ex.clients.c);
    expect(d).toMatchObject({ netMinor: 10_000_00, vatMinor: 2_100_00, totalMinor: 12_100_00, contractId: w.ex.contracts.c, blocked: [] });
    const lines = await linesOf(d.invoiceId);
    expect(lines.map((l) => [l.kind, l.net_minor, l.fee_period])).toEqual([
      ['contract_fee', 8_000_00, '2026-10'], // September's fee is on the issued September invoice, not again
      ['overage', 2_000_00, null],
    ]);
    expect(lines[1]).toMatchObject({ description: 'Nad rámec předplacených hodin (PRIKLAD-C) – Práce u zákazníka', quantity_milli: 2000, unit_price_minor: 1_000_00 });
    const r = w.ex.records.c;
    const taken = new Map((await recordsOf(d.invoiceId)).map((x) => [Number(x.record_id), x]));
    expect(taken.get(r.o1)).toMatchObject({ outcome: 'covered', covered_minutes: 240, billed_minutes: 0, amount_minor: 0 });
    expect(taken.get(r.o2)).toMatchObject({ outcome: 'covered', covered_minutes: 300 });
    expect(taken.get(r.o3)).toMatchObject({ outcome: 'covered', covered_minutes: 180 });
    expect(taken.get(r.o4)).toMatchObject({ outcome: 'partly_covered', covered_minutes: 60, billed_minutes: 120, amount_minor: 2_000_00 });
    expect(await ledgerOf(w.ex.contracts.c, '2026-09')).toEqual({ opening_carried: 0, allocated: 600, consumed: 420, carried_out: 180, lapsed: 0, final: 1 });
    expect(await ledgerOf(w.ex.contracts.c, '2026-10')).toEqual({ opening_carried: 180, allocated: 600, consumed: 780, carried_out: 0, lapsed: 0, final: 0 });
    expect(october.result.ledger).toEqual([{ contractId: w.ex.contracts.c, period: '2026-10', openingCarried: 180, allocated: 600, consumed: 780, carriedOut: 0, lapsed: 0, invoiceId: d.invoiceId }]);
  });

  it('gives the work report of example C as JSON, Czech CSV and PDF', async () => {
    const d = draftOf(w.ex.clients.c);
    const report = await w.ok(w.manager.auth, 'GET', `/api/v1/invoices/${d.invoiceId}/work-report`);
    expect(report).toMatchObject({ period: '2026-10', currency: 'CZK', language: 'cs', contract: { number: 'PRIKLAD-C' }, supplierName: 'Servis Kontor s.r.o.' });
    expect(report.entries.map((e: any) => [e.date, e.outcome, e.billableMinutes, e.coveredMinutes, e.amountMinor])).toEqual([
      ['2026-10-02', 'covered', 240, 240, 0],
      ['2026-10-09', 'covered', 300, 300, 0],
      ['2026-10-20', 'covered', 180, 180, 0],
      ['2026-10-27', 'partly_covered', 180, 60, 2_000_00],
    ]);
    expect(report.ledger).toEqual({ period: '2026-10', openingCarried: 180, allocated: 600, consumed: 780, carriedOut: 0, lapsed: 0 });
    expect(report.totals).toEqual({ minutes: 900, billableMinutes: 900, coveredMinutes: 780, amountMinor: 2_000_00 });
    const csv = await w.call(accountant, 'GET', `/api/v1/invoices/${d.invoiceId}/work-report.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.startsWith('\uFEFFDatum;Začátek;Požadavek')).toBe(true);
    expect(csv.body).toContain(';částečně v paušálu;2000,00;');
    const pdf = await w.call(w.manager.auth, 'GET', `/api/v1/invoices/${d.invoiceId}/work-report.pdf`);
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await w.call(w.tech.auth, 'GET', `/api/v1/invoices/${d.invoiceId}/work-report`)).statusCode).toBe(403);
  });

  it("gives each work report row its record's price explanation in the reader's language and its invoice line; not to a technician, not in the client's CSV", async () => {
    const d = draftOf(w.ex.clients.a);
    const reader = await w.t.userWith(['manager']);
    await w.ok(reader.auth, 'PATCH', '/api/v1/auth/me', { language: 'cs' });
    const report = await w.ok(reader.auth, 'GET', `/api/v1/invoices/${d.invoiceId}/work-report`);
    const spaces = (l: string) => l.replace(/[\u00a0\u202f]/g, ' ');
    const onSite = report.entries.find((e: any) => e.recordId === String(w.ex.records.a.onSite));
    expect(onSite.amountMinor).toBe(2_625_00);
    const why = onSite.explanation.map(spaces);
    expect(why[0]).toBe('Ceník „Standard 2026“ (výchozí), verze platná od 1. 1. 2026, ceny v CZK');
    expect(why).toContain('Časová třída Mimo pracovní dobu: po 12. 10. 2026 18:30 je mimo pracovní dobu po–pá 08:00–17:00; příplatek 50 %');
    expect(why).toContain('105 min × 1 000,00/h × 150 % = 2 625,00');
    expect(why.some((l: string) => l.startsWith('Interní náklad:'))).toBe(true); // a manager sees costs, as on the ticket
    // The row points to its invoice line: the one of 2 625,00.
    const line = await db().selectFrom('invoice_lines').select(['id', 'net_minor']).where('id', '=', Number(onSite.lineId)).executeTakeFirstOrThrow();
    expect(line.net_minor).toBe(2_625_00);
    expect(report.entries.every((e: any) => e.explanation.length > 0 && e.lineId !== null)).toBe(true);
    // Covered work of example B has no line (nothing billed) but still its explanation, in the accountant's English.
    const b = await w.ok(accountant, 'GET', `/api/v1/invoices/${draftOf(w.ex.clients.b).invoiceId}/work-report`);
    const covered = b.entries.find((e: any) => e.recordId === String(w.ex.records.b.remote));
    expect(covered).toMatchObject({ outcome: 'covered', lineId: null });
    expect(covered.explanation[0]).toMatch(/^Price list "Standard 2026"/);
    // A technician sees prices on tickets but does not read invoices: no report, no explanation.
    const tech = await w.call(w.tech.auth, 'GET', `/api/v1/invoices/${d.invoiceId}/work-report`);
    expect(tech.statusCode).toBe(403);
    expect(tech.body).not.toContain('Standard 2026');
    // The client's CSV stays as it was: no price explanations in it.
    const csv = await w.call(reader.auth, 'GET', `/api/v1/invoices/${d.invoiceId}/work-report.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).not.toContain('Standard 2026');
  });

  it('re-running October replaces its drafts with the same ones and recomputes the ledger; issued invoices stay', async () => {
    const before = await visibleDrafts('2026-10');
    const september = await db().selectFrom('invoices').selectAll().where('id', '=', w.ex.septemberInvoiceId).executeTakeFirstOrThrow();
    const again = await w.runPeriod('2026-10');
    expect(again.state).toBe('completed');
    const after = await visibleDrafts('2026-10');
    expect(after.map((d) => [d.client_id, d.total_minor])).toEqual(before.map((d) => [d.client_id, d.total_minor]));
    expect(after.map((d) => d.id).some((id) => before.some((b) => b.id === id))).toBe(false);
    const all = await db().selectFrom('invoices').select('id').where('period', '=', '2026-10').execute();
    expect(all).toHaveLength(after.length); // the first run's drafts are gone, none invisible left
    expect(await ledgerOf(w.ex.contracts.c, '2026-10')).toMatchObject({ opening_carried: 180, consumed: 780, final: 0 });
    expect(await db().selectFrom('invoices').selectAll().where('id', '=', w.ex.septemberInvoiceId).executeTakeFirstOrThrow()).toEqual(september);
    october = again;
  });

  it('refuses a second run of the same month while one runs: 409 (also for concurrent starts), never two sets of drafts', async () => {
    // A run held after its first batch, so the month is busy for as long as the test needs.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held = createBillingRuns({ db: db(), clock: w.t.clock, batchClients: 1, afterBatch: () => gate });
    // Two starts at once: real concurrent transactions on PostgreSQL, one claim wins on the unique index.
    const results = await Promise.allSettled([held.start(systemAdmin(), '2026-10'), held.start(systemAdmin(), '2026-10')]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refusedAtOnce = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refusedAtOnce.reason).toMatchObject({ kind: 'conflict', code: 'run_in_progress' });
    const res = await w.call(w.manager.auth, 'POST', '/api/v1/billing-runs', { period: '2026-10' });
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'run_in_progress']);
    expect(res.json().error.message).toMatch(/already running/);
    // Another month is not held up.
    const ran = (results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ id: number }>).value;
    release();
    const done = await held.settled(ran.id);
    expect(done.state).toBe('completed');
    const drafts = await visibleDrafts('2026-10');
    expect(new Set(drafts.map((d) => d.client_id)).size).toBe(drafts.length); // one set: one draft per client here
    expect((await db().selectFrom('invoices').select('id').where('period', '=', '2026-10').execute()).length).toBe(drafts.length);
    october = await w.ok(w.manager.auth, 'GET', `/api/v1/billing-runs/${ran.id}`);
  });

  it('a run that dies halfway leaves no partial drafts visible; the next run takes over and completes', async () => {
    // Fault injected between steps: the run stops after its first batch as if its process were killed.
    let release!: () => void;
    const hang = new Promise<void>((resolve) => (release = resolve));
    const dying = createBillingRuns({ db: db(), clock: w.t.clock, batchClients: 1, afterBatch: () => hang });
    const before = await visibleDrafts('2026-10');
    const run = await dying.start(systemAdmin(), '2026-10');
    for (let i = 0; i < 50 && (await db().selectFrom('billing_runs').select('progress_done').where('id', '=', run.id).executeTakeFirstOrThrow()).progress_done < 1; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const invisible = await db().selectFrom('invoices').select('id').where('run_id', '=', run.id).execute();
    expect(invisible.length).toBeGreaterThan(0); // written, but …
    expect(await visibleDrafts('2026-10')).toEqual(before); // … not visible: the earlier drafts still stand
    // While its heartbeat is fresh, the run holds the month.
    expect((await w.call(w.manager.auth, 'POST', '/api/v1/billing-runs', { period: '2026-10' })).statusCode).toBe(409);
    w.t.clock.advance(10 * 60_000);
    const next = await w.runPeriod('2026-10');
    expect(next.state).toBe('completed');
    const dead = await w.ok(w.manager.auth, 'GET', `/api/v1/billing-runs/${run.id}`);
    expect(dead).toMatchObject({ state: 'failed' });
    expect(dead.error).toMatch(/abandoned/);
    // The run before the dead one was replaced by the one that completed, not by the one that died.
    expect((await w.ok(w.manager.auth, 'GET', `/api/v1/billing-runs/${october.id}`)).replacedBy).toEqual({ id: next.id, startedAt: next.startedAt });
    expect(dead.replacedBy).toMatchObject({ id: next.id });
    release();
    await dying.settled(run.id);
    expect(await db().selectFrom('invoices').select('id').where('run_id', '=', run.id).execute()).toEqual([]);
    expect((await visibleDrafts('2026-10')).map((d) => [d.client_id, d.total_minor])).toEqual(before.map((d) => [d.client_id, d.total_minor]));
    october = next;
  });

  it('refuses bad periods with a clear 400 and starts nothing', async () => {
    const runs = async () => (await db().selectFrom('billing_runs').select('id').execute()).length;
    const count = await runs();
    for (const [period, code] of [['2026-13', 'invalid_period'], ['October', 'invalid_period'], ['2026-Q4', 'invalid_period'], ['2026-12', 'period_in_future'], ['2027-01', 'period_in_future']] as const) {
      const res = await w.call(w.manager.auth, 'POST', '/api/v1/billing-runs', { period });
      expect([period, res.statusCode]).toEqual([period, 400]);
      expect(res.json().error.details[0]).toMatchObject({ path: 'period', code });
    }
    expect((await w.call(w.manager.auth, 'POST', '/api/v1/billing-runs', {})).statusCode).toBe(400);
    expect((await w.call(w.tech.auth, 'POST', '/api/v1/billing-runs', { period: '2026-10' })).statusCode).toBe(403);
    expect(await runs()).toBe(count);
  });

  it('adjusts a draft: manual line (VAT rate required), line text, manual line deleted; stale version 409; totals recomputed and audited', async () => {
    const d = draftOf(w.ex.clients.a);
    const invoice = () => db().selectFrom('invoices').selectAll().where('id', '=', d.invoiceId).executeTakeFirstOrThrow();
    const v1 = (await invoice()).version;
    const noVat = await w.call(w.manager.auth, 'POST', `/api/v1/invoices/${d.invoiceId}/lines`, { version: v1, description: 'Licence', quantity: '2', unit: 'ks', unitPriceMinor: 500_00 });
    expect(noVat.statusCode).toBe(400);
    expect(JSON.stringify(noVat.json())).toContain('vatRateBp');
    for (const quantity of ['-2', '0']) {
      const negative = await w.call(w.manager.auth, 'POST', `/api/v1/invoices/${d.invoiceId}/lines`, { version: v1, description: 'Licence', quantity, unit: 'ks', unitPriceMinor: 500_00, vatRateBp: 2100 });
      expect([negative.statusCode, negative.json().error.details[0]]).toEqual([400, expect.objectContaining({ path: 'quantity', code: 'quantity_not_positive' })]);
    }
    const added = await w.ok(w.manager.auth, 'POST', `/api/v1/invoices/${d.invoiceId}/lines`, { version: v1, description: 'Licence', quantity: '2', unit: 'ks', unitPriceMinor: 500_00, vatRateBp: 2100 });
    expect(added).toMatchObject({ version: v1 + 1, netMinor: 10_937_00, vatMinor: 2_296_77, totalMinor: 13_233_77 });
    const stale = await w.call(w.manager.auth, 'POST', `/api/v1/invoices/${d.invoiceId}/lines`, { version: v1, description: 'x', quantity: 1, unit: 'ks', unitPriceMinor: 1, vatRateBp: 2100 });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'stale_version']);
    const lines = await db().selectFrom('invoice_lines').select(['id', 'kind']).where('invoice_id', '=', d.invoiceId).orderBy('position').execute();
    const workLine = Number(lines[0]!.id);
    const manual = Number(lines.at(-1)!.id);
    await w.ok(w.manager.auth, 'PATCH', `/api/v1/invoices/${d.invoiceId}/lines/${workLine}`, { version: v1 + 1, description: 'Vzdálená podpora – správa serveru' });
    const notManual = await w.call(w.manager.auth, 'DELETE', `/api/v1/invoices/${d.invoiceId}/lines/${workLine}?version=${v1 + 2}`);
    expect([notManual.statusCode, notManual.json().error.code]).toEqual([409, 'not_manual_line']);
    const removed = await w.ok(w.manager.auth, 'DELETE', `/api/v1/invoices/${d.invoiceId}/lines/${manual}?version=${v1 + 2}`);
    expect(removed).toMatchObject({ version: v1 + 3, netMinor: 9_937_00, totalMinor: 12_023_77 });
    const audit = await db().selectFrom('audit_log').select('action').where('entity', '=', 'invoice').where('entity_id', '=', String(d.invoiceId)).execute();
    expect(audit.map((a) => a.action)).toEqual(['draft.add_line', 'draft.change_line', 'draft.delete_line']);
  });

  it('excludes a record from a draft: back to unbilled with the note, totals recomputed, left out and listed by the next run', async () => {
    const d = draftOf(w.ex.clients.b);
    const version = (await db().selectFrom('invoices').select('version').where('id', '=', d.invoiceId).executeTakeFirstOrThrow()).version;
    const dev = w.ex.records.b.development;
    const res = await w.ok(w.manager.auth, 'POST', `/api/v1/invoices/${d.invoiceId}/exclude-record`, { version, recordId: dev, note: 'Reklamace, fakturovat až po dohodě' });
    expect(res).toMatchObject({ netMinor: 5_240_00, totalMinor: 6_340_40 });
    expect((await db().selectFrom('invoice_lines').select('kind').where('invoice_id', '=', d.invoiceId).execute()).map((l) => l.kind)).toEqual(['contract_fee', 'travel']);
    expect((await db().selectFrom('records').select('state').where('id', '=', dev).executeTakeFirstOrThrow()).state).toBe('approved');
    const next = await w.runPeriod('2026-10');
    expect(next.result.excluded).toEqual([expect.objectContaining({ recordId: dev, note: 'Reklamace, fakturovat až po dohodě' })]);
    const b = next.result.drafts.find((x: { clientId: number }) => x.clientId === w.ex.clients.b);
    expect(b.netMinor).toBe(5_240_00);
    october = next;
  });

  it('refuses to adjust an issued invoice (409) and a missing draft (404), changing nothing', async () => {
    const id = w.ex.septemberInvoiceId;
    const issued = await db().selectFrom('invoices').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const line = await db().selectFrom('invoice_lines').select('id').where('invoice_id', '=', id).executeTakeFirstOrThrow();
    const tries = [
      w.call(w.manager.auth, 'POST', `/api/v1/invoices/${id}/lines`, { version: issued.version, description: 'x', quantity: 1, unit: 'ks', unitPriceMinor: 100, vatRateBp: 2100 }),
      w.call(w.manager.auth, 'PATCH', `/api/v1/invoices/${id}/lines/${line.id}`, { version: issued.version, description: 'x' }),
      w.call(w.manager.auth, 'POST', `/api/v1/invoices/${id}/exclude-record`, { version: issued.version, recordId: 1, note: 'x' }),
    ];
    for (const res of await Promise.all(tries)) expect([res.statusCode, res.json().error.code]).toEqual([409, 'invoice_not_draft']);
    expect(await db().selectFrom('invoices').selectAll().where('id', '=', id).executeTakeFirstOrThrow()).toEqual(issued);
    expect((await w.call(w.manager.auth, 'POST', '/api/v1/invoices/987654/lines', { version: 1, description: 'x', quantity: 1, unit: 'ks', unitPriceMinor: 1, vatRateBp: 0 })).statusCode).toBe(404);
  });

  it('reports waiting (unapproved) records, records without a price (blocking the draft with "missing rate") and late records', async () => {
    const ticket = await w.newTicket('Pozdě a bez ceny');
    const late = (await w.ok(w.tech.auth, 'POST', `/api/v1/tickets/${ticket.id}/records`, { kind: 'work', date: '2026-09-21', startTime: '09:00', minutes: 60, workTypeId: w.wt.remote, description: 'Zapomenuto v září' })).id;
    const unpriced = (await w.ok(w.tech.auth, 'POST', `/api/v1/tickets/${ticket.id}/records`, { kind: 'work', date: '2026-10-21', startTime: '09:00', minutes: 60, workTypeId: w.wt.unpriced, description: 'Školení' })).id;
    const waiting = (await w.ok(w.tech.auth, 'POST', `/api/v1/tickets/${ticket.id}/records`, { kind: 'work', date: '2026-10-22', startTime: '09:00', minutes: 30, workTypeId: w.wt.remote, description: 'Neschváleno' })).id;
    for (const id of [late, unpriced]) await w.ok(w.tech.auth, 'POST', `/api/v1/records/${id}/submit`);
    await w.ok(w.manager.auth, 'POST', '/api/v1/records/approve', { ids: [late, unpriced] });
    const run = await w.runPeriod('2026-10');
    expect(run.result.waiting.map((r: { recordId: number }) => r.recordId)).toContain(waiting);
    expect(run.result.waiting.find((r: { recordId: number }) => r.recordId === waiting)).toMatchObject({ ticketNumber: ticket.number, date: '2026-10-22', state: 'draft' });
    expect(run.result.blocked).toEqual([expect.objectContaining({ clientId: w.clientId, reason: 'missing rate', code: 'missing_rate', recordIds: [unpriced] })]);
    const draft = run.result.drafts.find((d: { clientId: number }) => d.clientId === w.clientId);
    expect(draft).toMatchObject({ blocked: ['missing rate'], netMinor: 800_00 });
    expect(run.result.late).toEqual([expect.objectContaining({ recordId: late, date: '2026-09-21', invoiceId: draft.invoiceId })]);
    const taken = await recordsOf(draft.invoiceId);
    expect(taken.map((r) => [Number(r.record_id), r.late])).toEqual([[late, 1]]);
    const issue = await w.call(w.manager.auth, 'POST', `/api/v1/invoices/${draft.invoiceId}/issue`);
    expect(issue.statusCode).toBe(409);
  });
  it('blocks a prepaid contract whose previous period is not final, with the reason, and bills it once that period is issued', async () => {
    const client = (await w.ok(w.manager.auth, 'POST', '/api/v1/clients', { name: 'Příklad D s.r.o.', country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14, ...invoiceableClient })).id;
    const contract = (await w.ok(w.manager.auth, 'POST', '/api/v1/contracts', {
      clientId: client, number: 'PRIKLAD-D', name: 'Hodiny D', currency: 'CZK', validFrom: '2026-09-01', prepaidMinutes: 300,
      fee: { amountMinor: 3_000_00, vatRateBp: 2100, timing: 'in_arrears' }, scope: { workTypeIds: [w.wt.remote] },
    })).id;
    const ticket = (await w.ok(w.operator.auth, 'POST', '/api/v1/tickets', { clientId: client, subject: 'Podpora D', queueId: w.queueId })).id;
    await w.ok(w.manager.auth, 'PATCH', `/api/v1/tickets/${ticket}/contract`, { contractId: contract });
    const record = (await w.ok(w.tech.auth, 'POST', `/api/v1/tickets/${ticket}/records`, { kind: 'work', date: '2026-10-14', startTime: '09:00', minutes: 60, workTypeId: w.wt.remote, description: 'Podpora' })).id;
    await w.ok(w.tech.auth, 'POST', `/api/v1/records/${record}/submit`);
    await w.ok(w.manager.auth, 'POST', '/api/v1/records/approve', { ids: [record] });
    const run = await w.runPeriod('2026-10');
    expect(run.result.blocked.filter((b: { clientId: number }) => b.clientId === client)).toEqual([
      expect.objectContaining({ contractId: contract, reason: 'previous prepaid period not final', code: 'previous_prepaid_not_final', recordIds: [record] }),
    ]);
    const draft = run.result.drafts.find((d: { clientId: number }) => d.clientId === client);
    expect(draft.blocked).toEqual(['previous prepaid period not final']);
    expect(await ledgerOf(contract, '2026-10')).toBeUndefined();
    // September run and issued: October then consumes from September's carried minutes.
    const september = await w.runPeriod('2026-09');
    const septDraft = september.result.drafts.find((d: { clientId: number }) => d.clientId === client);
    await w.ok(w.manager.auth, 'POST', `/api/v1/invoices/${septDraft.invoiceId}/issue`);
    const again = await w.runPeriod('2026-10');
    expect(again.result.blocked.filter((b: { clientId: number }) => b.clientId === client)).toEqual([]);
    expect(again.result.drafts.find((d: { clientId: number }) => d.clientId === client)).toMatchObject({ blocked: [], netMinor: 3_000_00 });
    expect(await ledgerOf(contract, '2026-10')).toEqual({ opening_carried: 0, allocated: 300, consumed: 60, carried_out: 0, lapsed: 240, final: 0 });
  });
});

function systemAdmin() {
  return { ...systemContext, actor: { ...systemContext.actor, roles: ['admin' as const] } };
}
