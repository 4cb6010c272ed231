import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractTermsForBilling, createPrepaidAlerts, ledgerRow, saveLedgerRow, termsChangedAfter } from '../src/modules/contracts/index.ts';
import { systemContext } from '../src/modules/identity/index.ts';
import { createMailSender } from '../src/modules/mail/index.ts';
import { testEngines } from './db.ts';
import { recordsWorld, type RecordsWorld } from './records.fixture.ts';
import { startSmtp } from './smtp.ts';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe.each(testEngines())('contracts on %s', (engine) => {
  let w: RecordsWorld;
  let number = 0;
  beforeAll(async () => {
    w = await recordsWorld(engine);
  });
  afterAll(() => w.t.close());

  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, auth = w.manager.auth) => w.t.request(auth, { method, url, ...(payload ? { payload } : {}) });
  const terms = (extra: object = {}) => ({
    clientId: w.clientId,
    number: `SML-2026-${String(++number).padStart(3, '0')}`,
    name: 'Paušál podpory',
    currency: 'CZK',
    validFrom: '2026-01-01',
    periodKind: 'month',
    fee: { amountMinor: 10_000_00, vatRateBp: 2100 },
    scope: { workTypeIds: [w.wt.remote], coversTravel: false, unitFeeIds: [] },
    prepaidMinutes: 120,
    ...extra,
  });
  const create = async (extra: object = {}) => {
    const res = await api('POST', '/api/v1/contracts', terms(extra));
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const count = async () => Number((await w.t.database.db.selectFrom('contracts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('stores every term, reads it back, lists and filters, and changes it with optimistic versions and audit', async () => {
    const full = {
      validTo: '2027-12-31',
      periodKind: 'quarter',
      fee: { amountMinor: 30_000_00, vatRateBp: 2100, timing: 'in_advance', prorate: false },
      scope: { workTypeIds: [w.wt.remote, w.wt.onSite], coversTravel: true, unitFeeIds: [w.fee.callOut] },
      prepaidMinutes: 600,
      carryOver: { enabled: true, capMinutes: 300, lifePeriods: 2 },
      multipliers: { byWorkType: { [String(w.wt.onSite)]: 1500 }, byTimeClass: { weekend_holiday: 2000 } },
      overage: { kind: 'tiered', bands: [{ minutes: 600, ratePerHourMinor: 700_00 }, { minutes: null, ratePerHourMinor: 900_00 }] },
      ownInvoice: true,
      alertClient: true,
      note: 'Smlouva o podpoře',
    };
    const c = await create(full);
    expect(c).toMatchObject({ ...full, clientId: w.clientId, clientName: 'Zákazník bez smlouvy s.r.o.', active: true, version: 1, priceListId: null, slaPolicyId: null });
    expect((await api('GET', `/api/v1/contracts/${c.id}`)).json()).toEqual({ ...c, staleDrafts: [] });

    const listed = (await api('GET', `/api/v1/contracts?clientId=${w.clientId}&q=${encodeURIComponent(c.number.toLowerCase())}`)).json();
    expect(listed.items.map((x: { id: number }) => x.id)).toEqual([c.id]);
    expect((await api('GET', '/api/v1/contracts?q=zakaznik')).json().items.length).toBeGreaterThan(0);
    expect((await api('GET', '/api/v1/contracts?q=%25&active=all')).json().items).toEqual([]); // a literal %, not a wildcard
    expect((await api('GET', '/api/v1/contracts?validOn=2028-01-01')).json().items.some((x: { id: number }) => x.id === c.id)).toBe(false);

    const changed = await api('PATCH', `/api/v1/contracts/${c.id}`, { version: 1, name: 'Nový název', overage: { kind: 'flat_rate', ratePerHourMinor: 850_00 } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Nový název', overage: { kind: 'flat_rate', ratePerHourMinor: 850_00 }, version: 2, prepaidMinutes: 600 });
    const stale = await api('PATCH', `/api/v1/contracts/${c.id}`, { version: 1, name: 'Later' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
    const off = await api('PATCH', `/api/v1/contracts/${c.id}`, { version: 2, active: false });
    expect(off.json()).toMatchObject({ active: false, version: 3 });
    expect((await api('GET', `/api/v1/contracts?clientId=${w.clientId}`)).json().items.some((x: { id: number }) => x.id === c.id)).toBe(false);
    expect((await api('GET', `/api/v1/contracts?clientId=${w.clientId}&active=false`)).json().items.map((x: { id: number }) => x.id)).toEqual([c.id]);
    const audit = await w.t.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'contract').where('entity_id', '=', String(c.id)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'deactivate']);
    // An operator reads contracts but does not change them.
    expect((await api('GET', `/api/v1/contracts/${c.id}`, undefined, w.operator.auth)).statusCode).toBe(200);
    expect((await api('PATCH', `/api/v1/contracts/${c.id}`, { version: 3, active: true }, w.operator.auth)).statusCode).toBe(403);
  });

  it('refuses bad terms with a 4xx naming the field, and stores nothing', async () => {
    const before = await count();
    const eur = (await api('POST', '/api/v1/price-lists', { name: 'EUR list', currency: 'EUR' }, w.admin.auth)).json();
    const taken = (await create()).number;
    const cases: [object, number, string, string][] = [
      [{ fee: { amountMinor: -1, vatRateBp: 2100 } }, 400, 'fee.amountMinor', 'out_of_range'],
      [{ validTo: '2025-12-31' }, 400, 'validTo', 'before_valid_from'],
      [{ prepaidMinutes: -5 }, 400, 'prepaidMinutes', 'out_of_range'],
      [{ overage: { kind: 'tiered', bands: [] } }, 400, 'overage.bands', 'invalid_bands'],
      [{ overage: { kind: 'tiered', bands: [{ minutes: null, ratePerHourMinor: 1 }, { minutes: 60, ratePerHourMinor: 2 }] } }, 400, 'overage.bands', 'invalid_bands'],
      [{ overage: { kind: 'tiered', bands: [{ minutes: 60, ratePerHourMinor: 1 }] } }, 400, 'overage.bands', 'invalid_bands'],
      [{ overage: { kind: 'flat_rate', ratePerHourMinor: -100 } }, 400, 'overage.ratePerHourMinor', 'out_of_range'],
      [{ carryOver: { enabled: true, lifePeriods: 0 } }, 400, 'carryOver.lifePeriods', 'out_of_range'],
      [{ carryOver: { enabled: true, capMinutes: -1 } }, 400, 'carryOver.capMinutes', 'out_of_range'],
      [{ clientId: 987654 }, 400, 'clientId', 'unknown_reference'],
      [{ scope: { workTypeIds: [987654], coversTravel: false, unitFeeIds: [] } }, 400, 'scope.workTypeIds.0', 'unknown_reference'],
      [{ scope: { workTypeIds: [], coversTravel: false, unitFeeIds: [987654] } }, 400, 'scope.unitFeeIds.0', 'unknown_reference'],
      [{ multipliers: { byWorkType: { '987654': 1500 } } }, 400, 'multipliers.byWorkType.987654', 'unknown_reference'],
      [{ priceListId: 987654 }, 400, 'priceListId', 'unknown_reference'],
      [{ priceListId: eur.id }, 400, 'currency', 'currency_mismatch'],
      [{ slaPolicyId: 987654 }, 400, 'slaPolicyId', 'unknown_reference'],
      [{ periodKind: 'week' }, 400, 'periodKind', ''],
      [{ validFrom: '2026-02-30' }, 400, 'validFrom', 'invalid_date'],
      [{ validTo: '31.12.2026' }, 400, 'validTo', 'invalid_date'],
      [{ multipliers: { byTimeClass: { normal: -1000 } } }, 400, 'multipliers.byTimeClass.normal', 'invalid_multiplier'],
      [{ multipliers: { byWorkType: { [String(w.wt.onSite)]: 100_001 } } }, 400, `multipliers.byWorkType.${w.wt.onSite}`, 'invalid_multiplier'],
      [{ number: taken }, 409, 'number', 'duplicate'],
    ];
    for (const [extra, status, path, code] of cases) {
      const res = await api('POST', '/api/v1/contracts', terms(extra));
      expect([JSON.stringify(extra), res.statusCode], res.body).toEqual([JSON.stringify(extra), status]);
      const detail = (res.json().error.details ?? []).find((d: { path: string }) => d.path === path);
      expect(detail, `${JSON.stringify(extra)} → ${res.body}`).toBeDefined();
      if (code) expect(detail.code).toBe(code);
      expect(detail.message.length).toBeGreaterThan(5);
    }
    expect(await count()).toBe(before + 1);
  });

  it('takes only a currency Kontor supports, never a made-up or cut code, on create and on edit', async () => {
    const before = await count();
    for (const currency of ['XYZ', 'KORUNY', 'JPY']) {
      const res = await api('POST', '/api/v1/contracts', terms({ currency }));
      expect(res.statusCode, res.body).toBe(400);
      const detail = res.json().error.details.find((d: { path: string }) => d.path === 'currency');
      expect(detail, res.body).toMatchObject({ code: 'unsupported_currency' });
      expect(detail.message).toContain('CZK, EUR');
    }
    expect(await count()).toBe(before);
    const eur = await create({ currency: ' eur ' });
    expect(eur.currency).toBe('EUR');
    const patch = await api('PATCH', `/api/v1/contracts/${eur.id}`, { version: eur.version, currency: 'XYZ' });
    expect(patch.statusCode, patch.body).toBe(400);
    expect(patch.json().error.details.map((d: { path: string; code: string }) => [d.path, d.code])).toEqual([['currency', 'unsupported_currency']]);
  });

  it('reports every bad term of a save at once, each naming its field', async () => {
    const res = await api('POST', '/api/v1/contracts', terms({
      validTo: '2025-12-31', prepaidMinutes: -5, carryOver: { enabled: true, capMinutes: -1, lifePeriods: 0 },
      overage: { kind: 'tiered', bands: [{ minutes: 60, ratePerHourMinor: -1 }] },
    }));
    expect(res.statusCode, res.body).toBe(400);
    const details = res.json().error.details as { path: string; code: string }[];
    expect(details.map((d) => [d.path, d.code])).toEqual([
      ['validTo', 'before_valid_from'], ['prepaidMinutes', 'out_of_range'], ['carryOver.capMinutes', 'out_of_range'], ['carryOver.lifePeriods', 'out_of_range'],
      ['overage.bands', 'invalid_bands'], ['overage.bands', 'invalid_bands'],
    ]);
    // A negative multiplier and a number in use are named with the other problems, not in later rounds.
    const taken = (await create()).number;
    const all = await api('POST', '/api/v1/contracts', terms({ number: taken, prepaidMinutes: -5, multipliers: { byWorkType: {}, byTimeClass: { normal: -1000 } } }));
    expect(all.statusCode, all.body).toBe(400);
    expect(all.json().error.details.map((d: { path: string; code: string }) => [d.path, d.code])).toEqual([
      ['prepaidMinutes', 'out_of_range'], ['multipliers.byTimeClass.normal', 'invalid_multiplier'], ['number', 'duplicate'],
    ]);
    // A multiplier of 0 is a term of its own (covered work uses no prepaid minutes) and is kept as 0.
    const zero = await create({ multipliers: { byWorkType: {}, byTimeClass: { normal: 0 } } });
    expect(zero.multipliers.byTimeClass).toEqual({ normal: 0 });
    // The same on an edit: the date and the negative prepaid minutes in one answer, not one per save.
    const c = await create({ validFrom: '2026-11-01', active: false });
    const patch = await api('PATCH', `/api/v1/contracts/${c.id}`, { version: c.version, validTo: '2026-10-01', prepaidMinutes: -60 });
    expect(patch.statusCode, patch.body).toBe(400);
    expect(patch.json().error.details.map((d: { path: string }) => d.path)).toEqual(['validTo', 'prepaidMinutes']);
    const negative = await api('PATCH', `/api/v1/contracts/${c.id}`, { version: c.version, multipliers: { byWorkType: { [String(w.wt.onSite)]: -500 }, byTimeClass: {} } });
    expect(negative.statusCode, negative.body).toBe(400);
    expect(negative.json().error.details.map((d: { path: string; code: string }) => [d.path, d.code])).toEqual([[`multipliers.byWorkType.${w.wt.onSite}`, 'invalid_multiplier']]);
  });

  it('reports a malformed date as one problem among the other bad terms, on create and on edit', async () => {
    const before = await count();
    const res = await api('POST', '/api/v1/contracts', terms({ validFrom: '2026-02-30', validTo: 'soon', prepaidMinutes: -5, clientId: 987654 }));
    expect(res.statusCode, res.body).toBe(400);
    const details = res.json().error.details as { path: string; code: string; message: string }[];
    expect(details.map((d) => [d.path, d.code])).toEqual([
      ['validFrom', 'invalid_date'], ['validTo', 'invalid_date'], ['prepaidMinutes', 'out_of_range'], ['clientId', 'unknown_reference'],
    ]);
    expect(details[0]!.message).toContain('2026-02-30');
    expect(await count()).toBe(before);

    const c = await create({ validFrom: '2026-11-01', active: false });
    const patch = await api('PATCH', `/api/v1/contracts/${c.id}`, { version: c.version, validTo: '2026-13-01', carryOver: { enabled: true, lifePeriods: 0 } });
    expect(patch.statusCode, patch.body).toBe(400);
    expect(patch.json().error.details.map((d: { path: string; code: string }) => [d.path, d.code])).toEqual([['validTo', 'invalid_date'], ['carryOver.lifePeriods', 'out_of_range']]);
    expect((await api('GET', `/api/v1/contracts/${c.id}`)).json()).toMatchObject({ validTo: null, version: c.version });
  });

  it('links a new ticket to the client contract valid today, lets a manager or an operator of its queue change it, and records follow unless billed', async () => {
    const own = await create({ ownInvoice: true, validFrom: '2026-10-01' });
    const main = await create({ validFrom: '2026-03-01' });
    await create({ validFrom: '2026-12-01' }); // not valid yet
    const ticket = await w.newTicket('Linked to the main contract');
    const detail = (await api('GET', `/api/v1/tickets/${ticket.id}`)).json();
    expect(detail).toMatchObject({ contractId: main.id, contractNumber: main.number });
    const r1 = (await w.log(w.tech.auth, { kind: 'work', date: '2026-11-02', startTime: '09:00', minutes: 30, workTypeId: w.wt.remote }, ticket.id)).json();
    const r2 = (await w.log(w.tech.auth, { kind: 'work', date: '2026-11-02', startTime: '10:00', minutes: 30, workTypeId: w.wt.remote }, ticket.id)).json();
    expect(r1.contractId).toBe(main.id);
    await w.t.database.db.updateTable('records').set({ state: 'billed' }).where('id', '=', r2.id).execute();

    const moved = await api('PATCH', `/api/v1/tickets/${ticket.id}/contract`, { contractId: own.id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ ticketId: ticket.id, contractId: own.id, contractNumber: own.number, recordsMoved: 1 });
    const contracts = await w.t.database.db.selectFrom('records').select(['id', 'contract_id']).where('ticket_id', '=', ticket.id).orderBy('id').execute();
    expect(contracts.map((r) => r.contract_id)).toEqual([own.id, main.id]);
    expect((await api('GET', `/api/v1/tickets/${ticket.id}`)).json()).toMatchObject({ contractId: own.id, contractNumber: own.number });

    const other = await w.t.services.customers.create(systemContext, { name: 'Jiný klient', country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14 });
    const foreign = await create({ clientId: other.id });
    const refused = await api('PATCH', `/api/v1/tickets/${ticket.id}/contract`, { contractId: foreign.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0]).toMatchObject({ path: 'contractId', code: 'other_client' });
    expect((await api('PATCH', `/api/v1/tickets/987654/contract`, { contractId: null })).statusCode).toBe(404);
    // Technicians may not change it; an operator may, for a ticket of a queue of theirs (else: not found).
    expect((await api('PATCH', `/api/v1/tickets/${ticket.id}/contract`, { contractId: null }, w.tech.auth)).statusCode).toBe(403);
    const none = await api('PATCH', `/api/v1/tickets/${ticket.id}/contract`, { contractId: null }, w.operator.auth);
    expect(none.statusCode, none.body).toBe(200);
    expect(none.json()).toMatchObject({ contractId: null, recordsMoved: 1 });
    await w.t.database.db.deleteFrom('queue_members').where('user_id', '=', w.operator.id).execute();
    expect((await api('PATCH', `/api/v1/tickets/${ticket.id}/contract`, { contractId: main.id }, w.operator.auth)).statusCode).toBe(404);
    await w.t.database.db.insertInto('queue_members').values({ queue_id: w.queueId, user_id: w.operator.id }).execute();
    // Deactivate the helpers so later tests choose their own contracts.
    for (const c of [own, main]) await api('PATCH', `/api/v1/contracts/${c.id}`, { version: c.version, active: false });
  });

  it("prices the records of a ticket under a contract with the contract's price list while the record's date is within the validity", async () => {
    const vip = (await api('POST', '/api/v1/price-lists', { name: 'VIP 2026', currency: 'CZK' }, w.admin.auth)).json();
    const version = await api('POST', `/api/v1/price-lists/${vip.id}/versions`, { validFrom: '2026-01-01', terms: { workRates: [{ workTypeId: w.wt.remote, hourlyRateMinor: 600_00 }] } }, w.admin.auth);
    expect(version.statusCode, version.body).toBe(201);
    const c = await create({ validFrom: '2026-11-01', priceListId: vip.id });
    expect(c.priceListName).toBe('VIP 2026');
    const ticket = await w.newTicket('Priced by the contract');
    const inside = (await w.log(w.tech.auth, { kind: 'work', date: '2026-11-02', startTime: '09:00', minutes: 60, workTypeId: w.wt.remote }, ticket.id)).json();
    const before = (await w.log(w.tech.auth, { kind: 'work', date: '2026-10-30', startTime: '09:00', minutes: 60, workTypeId: w.wt.remote }, ticket.id)).json();
    expect([inside.contractId, inside.amountMinor, inside.price.priceListId]).toEqual([c.id, 600_00, vip.id]);
    expect([before.contractId, before.amountMinor]).toEqual([c.id, 800_00]); // linked, but before the contract's validity
    // Off the contract, the records are priced again with the client's list; back on it, with the contract's.
    const amounts = async () => (await w.t.database.db.selectFrom('records').select('amount_minor').where('ticket_id', '=', ticket.id).orderBy('id').execute()).map((r) => r.amount_minor);
    expect((await api('PATCH', `/api/v1/tickets/${ticket.id}/contract`, { contractId: null })).statusCode).toBe(200);
    expect(await amounts()).toEqual([800_00, 800_00]);
    expect((await api('PATCH', `/api/v1/tickets/${ticket.id}/contract`, { contractId: c.id })).statusCode).toBe(200);
    expect(await amounts()).toEqual([600_00, 800_00]);
    await api('PATCH', `/api/v1/contracts/${c.id}`, { version: c.version, active: false });
  });

  it("uses the contract's SLA policy instead of the client's, on creation and when the contract changes", async () => {
    const policies = (await api('GET', '/api/v1/sla-policies', undefined, w.admin.auth)).json().items;
    const base = policies.find((p: { isDefault: boolean }) => p.isDefault);
    const gold = await api('POST', '/api/v1/sla-policies', { name: 'Gold', calendarId: base.calendarId, targets: base.targets }, w.admin.auth);
    expect(gold.statusCode, gold.body).toBe(201);
    const withSla = await create({ slaPolicyId: gold.json().id });
    expect(withSla.slaPolicyName).toBe('Gold');
    const ticket = await w.newTicket('Gold SLA');
    const created = (await api('GET', `/api/v1/tickets/${ticket.id}`)).json();
    expect(created).toMatchObject({ contractId: withSla.id, sla: { policyId: gold.json().id } });
    const unlinked = await api('PATCH', `/api/v1/tickets/${ticket.id}/contract`, { contractId: null });
    expect(unlinked.json().slaPolicyId).toBe(base.id);
    expect((await api('GET', `/api/v1/tickets/${ticket.id}`)).json().sla.policyId).toBe(base.id);
    const relinked = await api('PATCH', `/api/v1/tickets/${ticket.id}/contract`, { contractId: withSla.id });
    expect(relinked.json().slaPolicyId).toBe(gold.json().id);
    await api('PATCH', `/api/v1/contracts/${withSla.id}`, { version: withSla.version, active: false });
  });

  it('computes live consumption with the carried lots, multipliers and only submitted/approved/billed covered work', async () => {
    const c = await create({
      validFrom: '2026-10-01', prepaidMinutes: 120, carryOver: { enabled: true, capMinutes: null, lifePeriods: 1 },
      scope: { workTypeIds: [w.wt.remote, w.wt.onSite], coversTravel: false, unitFeeIds: [] },
      multipliers: { byWorkType: { [String(w.wt.onSite)]: 1500 } },
    });
    const ticket = await w.newTicket('Consumption');
    const log = async (minutes: number, workTypeId: number, submit: boolean) => {
      const r = (await w.log(w.tech.auth, { kind: 'work', date: '2026-11-02', startTime: '09:00', minutes, workTypeId }, ticket.id)).json();
      if (submit) expect((await w.t.request(w.tech.auth, { method: 'POST', url: `/api/v1/records/${r.id}/submit` })).statusCode).toBe(200);
      return r;
    };
    await log(60, w.wt.remote, true); // 60
    await log(60, w.wt.onSite, true); // 60 × 1.5 = 90
    await log(60, w.wt.remote, false); // draft: not counted
    await log(60, w.wt.development, true); // outside the scope
    // October's provisional ledger row carried 30 minutes into November.
    await w.t.database.db.transaction().execute((trx) =>
      saveLedgerRow(trx, { contractId: c.id, period: '2026-10', openingCarried: 0, allocated: 120, consumed: 90, carriedOut: 30, lapsed: 0, lots: [{ originPeriod: '2026-10', minutes: 30, remainingLife: 1 }], final: false, invoiceId: null, runId: null }, '2026-11-01T00:00:00.000Z'),
    );
    const res = await api('GET', `/api/v1/contracts/${c.id}/consumption`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ period: '2026-11', allocated: 120, carried: 30, used: 150, left: 0, overageMinutes: 0, percent: 100, entries: 2, countedStates: ['submitted', 'approved', 'billed'] });
    // Two days of thirty in: the pace says 15 × as much by the end of the month.
    expect(res.json()).toMatchObject({ projectedUsed: 150 * 15, projectedOverageMinutes: 150 * 15 - 150 });
    const october = (await api('GET', `/api/v1/contracts/${c.id}/consumption?period=2026-10`)).json();
    expect(october).toMatchObject({ period: '2026-10', used: 0, projectedUsed: 0 });
    expect((await api('GET', `/api/v1/contracts/${c.id}/consumption?period=2026-Q4`)).statusCode).toBe(400);
    expect((await api('GET', `/api/v1/contracts/${c.id}/consumption?period=nope`)).statusCode).toBe(400);
    await api('PATCH', `/api/v1/contracts/${c.id}`, { version: c.version, active: false });
  });

  it('projects all the covered work at the pace so far, overage included, never below what is already used', async () => {
    const c = await create({ validFrom: '2026-11-01', prepaidMinutes: 60 });
    const ticket = await w.newTicket('Projection over the allowance');
    const r = (await w.log(w.tech.auth, { kind: 'work', date: '2026-11-02', startTime: '09:00', minutes: 90, workTypeId: w.wt.remote }, ticket.id)).json();
    expect((await w.t.request(w.tech.auth, { method: 'POST', url: `/api/v1/records/${r.id}/submit` })).statusCode).toBe(200);
    const res = await api('GET', `/api/v1/contracts/${c.id}/consumption`);
    expect(res.json()).toMatchObject({ used: 60, overageMinutes: 30, percent: 100 });
    // 90 minutes of work in two days of thirty: 1 350 by the end, 1 290 of them over; not 60 × 15.
    expect(res.json()).toMatchObject({ projectedUsed: 90 * 15, projectedPercent: 2250, projectedOverageMinutes: 90 * 15 - 60 });
    // Before the validity there is nothing to project.
    expect((await api('GET', `/api/v1/contracts/${c.id}/consumption?period=2026-10`)).json()).toMatchObject({ projectedUsed: null });
    await api('PATCH', `/api/v1/contracts/${c.id}`, { version: c.version, active: false });
  });

  it('says which alert was mailed when 80 % and 100 % are crossed at once: only the 100 % mail goes out', async () => {
    const db = w.t.database.db;
    const c = await create({ validFrom: '2026-11-01', prepaidMinutes: 60 });
    const ticket = await w.newTicket('Both thresholds at once');
    const r = (await w.log(w.tech.auth, { kind: 'work', date: '2026-11-02', startTime: '08:00', minutes: 90, workTypeId: w.wt.remote }, ticket.id)).json();
    expect((await w.t.request(w.tech.auth, { method: 'POST', url: `/api/v1/records/${r.id}/submit` })).statusCode).toBe(200);
    expect((await createPrepaidAlerts({ db, clock: w.t.clock, config: w.t.config, logger: silent }).runOnce()).alerts).toBeGreaterThanOrEqual(2);
    const keys = (await db.selectFrom('mail_outbox').select('idempotency_key').where('idempotency_key', 'like', `contract:${c.id}:%`).execute()).map((m) => m.idempotency_key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k!.includes(':prepaid:2026-11:100:'))).toBe(true);
    const usage = (await api('GET', `/api/v1/contracts/${c.id}/consumption`)).json();
    expect(usage.alerts.map((a: { thresholdPct: number; mailed: boolean }) => [a.thresholdPct, a.mailed])).toEqual([[80, false], [100, true]]);
    await api('PATCH', `/api/v1/contracts/${c.id}`, { version: c.version, active: false });
  });

  it('lists the drafts made before the billing terms changed, and leaves them as they are', async () => {
    const db = w.t.database.db;
    const c = await create({ validFrom: '2026-10-01', prepaidMinutes: 300 });
    expect(c.termsChangedAt).toBe(c.createdAt);
    const draft = await db.insertInto('invoices').values({
      kind: 'invoice', state: 'draft', run_id: null, period: '2026-10', client_id: w.clientId, contract_id: null, currency: 'CZK', language: 'cs',
      number: null, number_year: null, number_sequence: null, variable_symbol: null, issue_date: null, taxable_supply_date: null, due_date: null,
      payment_terms_days: 14, corrects_invoice_id: null, credit_reason: null, supplier_json: null, customer_json: null, blocked_json: null,
      created_at: '2026-11-01T08:00:00.000Z', updated_at: '2026-11-01T08:00:00.000Z', issued_at: null, issued_by: null, exchange_rate: null, exchange_rate_date: null,
    } as never).returning('id').executeTakeFirstOrThrow();
    const fresh = (await api('GET', `/api/v1/contracts/${c.id}`)).json();
    // Created after the draft was made: its terms are newer than the draft too.
    expect(fresh.staleDrafts.map((d: { invoiceId: number }) => d.invoiceId)).toContain(draft.id);
    await db.updateTable('invoices').set({ created_at: '2099-01-01T00:00:00.000Z' }).where('id', '=', draft.id).execute();
    expect((await api('GET', `/api/v1/contracts/${c.id}`)).json().staleDrafts).toEqual([]);
    // A note does not change what billing computes; the prepaid minutes do.
    const noted = (await api('PATCH', `/api/v1/contracts/${c.id}`, { version: c.version, note: 'just a note' })).json();
    expect(noted.termsChangedAt).toBe(c.termsChangedAt);
    await db.updateTable('invoices').set({ created_at: '2000-01-01T00:00:00.000Z' }).where('id', '=', draft.id).execute();
    await db.updateTable('contracts').set({ terms_changed_at: '1999-01-01T00:00:00.000Z' }).where('id', '=', c.id).execute();
    expect((await api('GET', `/api/v1/contracts/${c.id}`)).json().staleDrafts).toEqual([]);
    const changed = (await api('PATCH', `/api/v1/contracts/${c.id}`, { version: noted.version, prepaidMinutes: 360 })).json();
    expect(changed.termsChangedAt > '2000-01-01').toBe(true);
    const detail = (await api('GET', `/api/v1/contracts/${c.id}`)).json();
    expect(detail.staleDrafts).toEqual([{ invoiceId: draft.id, period: '2026-10', computedAt: '2000-01-01T00:00:00.000Z' }]);
    // The draft itself says so too (its page shows the warning); without a change it says nothing.
    await db.updateTable('invoices').set({ visible: 1 }).where('id', '=', draft.id).execute();
    // (A draft of no one contract counts every contract of its client: others of this file's client are listed too.)
    expect((await api('GET', `/api/v1/invoices/${draft.id}`)).json().staleTerms).toContainEqual({ contractId: c.id, number: c.number, termsChangedAt: changed.termsChangedAt });
    await db.updateTable('invoices').set({ created_at: '2099-01-01T00:00:00.000Z' }).where('id', '=', draft.id).execute();
    expect((await api('GET', `/api/v1/invoices/${draft.id}`)).json().staleTerms).toEqual([]);
    await db.updateTable('invoices').set({ created_at: '2000-01-01T00:00:00.000Z' }).where('id', '=', draft.id).execute();
    expect(await termsChangedAfter(db, { clientId: w.clientId, contractId: c.id, computedAt: '2000-01-01T00:00:00.000Z' })).toEqual([{ contractId: c.id, number: c.number, termsChangedAt: changed.termsChangedAt }]);
    expect(await termsChangedAfter(db, { clientId: w.clientId, contractId: c.id, computedAt: changed.termsChangedAt })).toEqual([]);
    await db.deleteFrom('invoices').where('id', '=', draft.id).execute();
    await api('PATCH', `/api/v1/contracts/${c.id}`, { version: changed.version, active: false });
  });

  it('keeps the prepaid ledger for billing: rows period by period, a final row never changes, an unbalanced one is never written', async () => {
    const c = await create({ validFrom: '2026-09-01', prepaidMinutes: 60, active: false });
    const row = (period: string, final: boolean) => ({ contractId: c.id, period, openingCarried: 0, allocated: 60, consumed: 45, carriedOut: 0, lapsed: 15, lots: [], final, invoiceId: null, runId: null });
    const db = w.t.database.db;
    await db.transaction().execute((trx) => saveLedgerRow(trx, row('2026-10', false), '2026-11-01T00:00:00.000Z'));
    await db.transaction().execute((trx) => saveLedgerRow(trx, row('2026-09', true), '2026-10-01T00:00:00.000Z'));
    await db.transaction().execute((trx) => saveLedgerRow(trx, { ...row('2026-10', false), consumed: 60, lapsed: 0 }, '2026-11-01T00:00:00.000Z'));
    await expect(db.transaction().execute((trx) => saveLedgerRow(trx, { ...row('2026-09', true), consumed: 60, lapsed: 0 }, 'x'))).rejects.toMatchObject({ code: 'ledger_final' });
    await expect(db.transaction().execute((trx) => saveLedgerRow(trx, { ...row('2026-08', false), consumed: 1 }, 'x'))).rejects.toThrow(/balance/);
    expect(await ledgerRow(db, c.id, '2026-10')).toMatchObject({ period: '2026-10', consumed: 60, lapsed: 0, final: false });
    expect(await ledgerRow(db, c.id, '2026-07')).toBeNull();
    const ledger = (await api('GET', `/api/v1/contracts/${c.id}/ledger`)).json();
    expect(ledger.items.map((r: { period: string; final: boolean }) => [r.period, r.final])).toEqual([['2026-09', true], ['2026-10', false]]);
    expect((await api('GET', '/api/v1/contracts/987654/ledger')).statusCode).toBe(404);
    // Billing reads active contracts valid by the period's end as ContractTerms.
    const active = await create({ validFrom: '2026-11-15', fee: { amountMinor: 5_000_00, vatRateBp: 2100, timing: 'in_advance', prorate: true } });
    const terms = await contractTermsForBilling(db, '2026-11');
    const found = terms.find((t) => t.id === active.id);
    expect(found).toMatchObject({ contractId: String(active.id), number: active.number, ownInvoice: false, feeProrate: true, fee: { amountMinor: 5_000_00, vatRateBp: 2100, timing: 'in_advance' }, scope: { workTypeIds: [String(w.wt.remote)] } });
    expect(terms.some((t) => t.id === c.id)).toBe(false); // deactivated
    expect((await contractTermsForBilling(db, '2026-10')).some((t) => t.id === active.id)).toBe(false);
    await api('PATCH', `/api/v1/contracts/${active.id}`, { version: active.version, active: false });
  });

  it('mails the managers and, when asked, the client contacts once at 80 % and once at 100 % of the prepaid minutes', async () => {
    const db = w.t.database.db;
    await w.t.services.customers.createContact(systemContext, w.clientId, { name: 'Jana Klientová', email: 'jana@client.test', language: 'cs', portalAccess: false });
    const c = await create({ validFrom: '2026-11-01', prepaidMinutes: 1_000, alertClient: true });
    const ticket = await w.newTicket('Alerts');
    const log = async (minutes: number) => {
      const r = (await w.log(w.tech.auth, { kind: 'work', date: '2026-11-02', startTime: '08:00', minutes, workTypeId: w.wt.remote }, ticket.id)).json();
      expect((await w.t.request(w.tech.auth, { method: 'POST', url: `/api/v1/records/${r.id}/submit` })).statusCode).toBe(200);
    };
    const alerts = createPrepaidAlerts({ db, clock: w.t.clock, config: w.t.config, logger: silent });
    const mails = () =>
      db.selectFrom('mail_outbox').select(['to_json', 'subject', 'body_text', 'body_html', 'template_key', 'idempotency_key'])
        .where('template_key', 'in', ['contract_prepaid_alert', 'contract_prepaid_alert_client']).where('idempotency_key', 'like', `contract:${c.id}:%`).orderBy('id').execute();
    await log(600);
    expect((await alerts.runOnce()).alerts).toBe(0);
    await log(300); // 90 %
    // Two processes checking at the same time: one of them records and mails the alert.
    const first = await Promise.all([alerts.runOnce(), createPrepaidAlerts({ db, clock: w.t.clock, config: w.t.config, logger: silent }).runOnce()]);
    expect(first[0].alerts + first[1].alerts).toBe(1);
    const managers = await db.selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id').select('users.email').where('role', '=', 'manager').where('users.active', '=', 1).execute();
    let sent = await mails();
    expect(sent.length).toBe(managers.length + 1);
    expect(sent.map((m) => JSON.parse(m.to_json)[0].email)).toContain('jana@client.test');
    // The client cannot open the contract page (staff only, no client portal): her mail has no link to it and asks for a reply; the managers' mails keep it.
    const isJana = (m: { to_json: string }) => JSON.parse(m.to_json)[0].email === 'jana@client.test';
    const jana = sent.filter(isJana);
    expect(jana.map((m) => m.template_key)).toEqual(['contract_prepaid_alert_client']);
    expect(jana[0]!.body_text).not.toContain('/contracts/');
    expect(jana[0]!.body_html).not.toContain('/contracts/');
    expect(jana[0]!.body_text).toContain('stačí odpovědět na tento e-mail');
    for (const m of sent.filter((x) => !isJana(x))) {
      expect(m.template_key).toBe('contract_prepaid_alert');
      expect(m.body_text).toContain(`/contracts/${c.id}`);
    }
    expect(sent[0]!.subject).toContain(c.number);
    expect(sent[0]!.subject).toMatch(/90 %/);
    // Running again, in one process or two, sends nothing more.
    const again = await Promise.all([alerts.runOnce(), createPrepaidAlerts({ db, clock: w.t.clock, config: w.t.config, logger: silent }).runOnce()]);
    expect(again.map((r) => r.alerts)).toEqual([0, 0]);
    expect((await mails()).length).toBe(sent.length);
    await log(150); // 105 %
    expect((await alerts.runOnce()).alerts).toBe(1);
    sent = await mails();
    expect(sent.length).toBe(2 * (managers.length + 1));
    const usage = (await api('GET', `/api/v1/contracts/${c.id}/consumption`)).json();
    expect(usage.alerts.map((a: { thresholdPct: number; mailed: boolean }) => [a.thresholdPct, a.mailed])).toEqual([[80, true], [100, true]]);
    expect(usage).toMatchObject({ used: 1_000, left: 0, overageMinutes: 50, percent: 100 });
    // Delivered over real SMTP by the mail sender, in the contact's language.
    const smtp = await startSmtp();
    const sender = createMailSender({ db, clock: w.t.clock, config: { ...w.t.config, smtpUrl: smtp.url }, logger: silent });
    try {
      await sender.runOnce();
      const toJana = smtp.received.filter((m) => m.envelope.to.includes('jana@client.test') && m.mail.subject?.includes(c.number));
      expect(toJana.map((m) => m.mail.subject)).toEqual(expect.arrayContaining([expect.stringMatching(/z 90 % vyčerpány/), expect.stringMatching(/z 100 % vyčerpány/)]));
      expect(toJana[0]!.mail.text).not.toContain('/contracts/');
      // Minutes are written as Czech writes numbers, grouped like the invoice's amounts.
      const at90 = toJana.find((m) => m.mail.subject?.includes('90 %'))!;
      expect(at90.mail.text).toContain('Vyčerpáno: 900 min z 1\u00a0000 min');
      expect(at90.mail.text).toContain('Zbývá: 100 min');
    } finally {
      await sender.stop();
      await smtp.close();
    }
    await api('PATCH', `/api/v1/contracts/${c.id}`, { version: c.version, active: false });
  });
});
