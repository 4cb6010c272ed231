// The audit log names what its entries refer to, as it is called now: the entity of
// every kind of entry (entityLabel) and the ids inside before/after (references), a
// row deleted since as deleted; one query per kind of row on a page, not per entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditService } from '../src/modules/audit/index.ts';
import { systemContext } from '../src/modules/identity/index.ts';
import { recordAuditAlone } from '../src/platform/audit/index.ts';
import { testEngines } from './db.ts';
import { recordsWorld, type RecordsWorld } from './records.fixture.ts';

interface Entry {
  id: number;
  entity: string;
  entityId: string | null;
  action: string;
  entityLabel: string | null;
  entityDeleted: boolean;
  references: Record<string, { entity: string; names: Record<string, string | null>; codes?: Record<string, string> }>;
}

const nobody = { userId: null, tokenId: null, name: 'system (CLI)', ip: null };

describe.each(testEngines())('audit log names on %s', (engine) => {
  let w: RecordsWorld;
  beforeAll(async () => {
    w = await recordsWorld(engine);
  });
  afterAll(() => w.t.close());

  const ok = async (method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => {
    const res = await w.t.request(w.admin.auth, { method, url, ...(payload ? { payload } : {}) });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.statusCode === 204 ? null : res.json();
  };
  const entries = async (query: string): Promise<Entry[]> => {
    const res = await w.t.request(w.admin.auth, { method: 'GET', url: `/api/v1/audit?limit=200&${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };
  const entry = async (entity: string, action: string, entityId: number | string) => {
    const [found] = await entries(`entity=${entity}&action=${action}&entityId=${entityId}`);
    expect(found, `${entity} ${action} ${entityId}`).toBeDefined();
    return found!;
  };

  it('names the entity of every kind of entry the way its screens do', async () => {
    const record = await ok('POST', `/api/v1/tickets/${w.ticket.id}/records`, { kind: 'work', date: '2026-10-20', startTime: '09:00', minutes: 30, workTypeId: w.wt.remote, description: 'Práce' });
    const contract = await ok('POST', '/api/v1/contracts', {
      clientId: w.clientId, number: 'AUD-2026-01', name: 'Paušál podpory', currency: 'CZK', validFrom: '2026-01-01', periodKind: 'month',
      fee: { amountMinor: 1_000_00, vatRateBp: 2100 }, scope: { workTypeIds: [w.wt.remote, w.wt.onSite], coversTravel: false, unitFeeIds: [w.fee.callOut] }, prepaidMinutes: 0,
    });
    const item = await ok('POST', '/api/v1/items', { code: 'SSD-AUD', name: 'SSD 2 TB', unit: 'pcs' });
    const store = await ok('POST', '/api/v1/warehouses', { code: 'AUD', name: 'Sklad Audit', kind: 'store', userIds: [w.operator.id] });
    await ok('PUT', `/api/v1/stock-levels/${store.id}/${item.id}/minimum`, { minimum: '5' });
    const queue = await ok('POST', '/api/v1/queues', { code: 'audit_q', name: 'Fronta Audit', leadUserId: w.manager.id, members: [w.tech.id, w.tech2.id] });
    const priceList = (await w.t.database.db.selectFrom('price_lists').select('id').where('name', '=', 'Standard 2026').executeTakeFirstOrThrow()).id;
    const version = await w.t.database.db.selectFrom('price_list_versions').select('id').where('price_list_id', '=', priceList).executeTakeFirstOrThrow();
    const userName = async (id: number) => (await w.t.database.db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name;

    expect(await entry('record', 'create', record.id)).toMatchObject({ entityLabel: `2026-10-20 · ${await userName(w.admin.id)} · ${w.ticket.number}`, entityDeleted: false });
    expect(await entry('contract', 'create', contract.id)).toMatchObject({ entityLabel: 'AUD-2026-01 · Paušál podpory' });
    expect(await entry('item', 'create', item.id)).toMatchObject({ entityLabel: 'SSD 2 TB' });
    expect(await entry('warehouse', 'create', store.id)).toMatchObject({ entityLabel: 'Sklad Audit' });
    expect(await entry('stock_minimum', 'update', `${store.id}:${item.id}`)).toMatchObject({ entityLabel: 'SSD 2 TB · Sklad Audit', entityDeleted: false });
    expect(await entry('queue', 'create', queue.id)).toMatchObject({ entityLabel: 'Fronta Audit' });
    expect(await entry('work_type', 'create', w.wt.remote)).toMatchObject({ entityLabel: 'Vzdálená podpora' });
    expect(await entry('unit_fee', 'create', w.fee.callOut)).toMatchObject({ entityLabel: 'Výjezd' });
    expect(await entry('travel_zone', 'create', w.zone.city)).toMatchObject({ entityLabel: 'Město' });
    expect(await entry('price_list', 'create', priceList)).toMatchObject({ entityLabel: 'Standard 2026' });
    expect(await entry('price_list_version', 'create', version.id)).toMatchObject({ entityLabel: 'Standard 2026 · 2026-01-01' });
    const costRate = (await entries('entity=cost_rate&action=create')).find((e) => e.references.userId?.names[w.tech.id]);
    expect(costRate).toMatchObject({ entityLabel: `${await userName(w.tech.id)} · 2026-01-01` });
    // Entities whose id is a code (a setting's key) have no name beyond it, and are not "deleted".
    await ok('PUT', '/api/v1/ticket-number-prefix', { prefix: 'A' });
    const [setting] = await entries('entity=setting');
    expect(setting).toMatchObject({ entityLabel: null, entityDeleted: false });
  });

  it('names the ids in before and after by field, lists too, and leaves recorded names alone', async () => {
    const [queue] = await entries('entity=queue&action=create');
    expect(queue!.references).toEqual({
      leadUserId: { entity: 'user', names: { [w.manager.id]: 'Test manager' } },
      members: { entity: 'user', names: { [w.tech.id]: 'Test technician', [w.tech2.id]: 'Test technician' } },
    });
    const [contract] = await entries('entity=contract&action=create');
    expect(contract!.references).toMatchObject({
      clientId: { entity: 'client', names: { [w.clientId]: 'Zákazník bez smlouvy s.r.o.' } },
      workTypeIds: { entity: 'work_type', names: { [w.wt.remote]: 'Vzdálená podpora', [w.wt.onSite]: 'Práce u zákazníka' } },
      unitFeeIds: { entity: 'unit_fee', names: { [w.fee.callOut]: 'Výjezd' } },
    });
    // Ids deep in a snapshot: the rates of a price list version.
    const [version] = await entries('entity=price_list_version&action=create');
    expect(version!.references.workTypeId!.names).toMatchObject({ [w.wt.remote]: 'Vzdálená podpora', [w.wt.development]: 'Vývoj' });
    expect(version!.references.feeId).toEqual({ entity: 'unit_fee', names: { [w.fee.callOut]: 'Výjezd' } });
    // A ticket's creation: its client and queue by name.
    const created = await entry('ticket', 'create', w.ticket.id);
    expect(created).toMatchObject({ entityLabel: w.ticket.number });
    expect(created.references).toMatchObject({ clientId: { entity: 'client', names: { [w.clientId]: 'Zákazník bez smlouvy s.r.o.' } }, queueId: { entity: 'queue', names: { [w.queueId]: 'Service desk' } } });
    // A change of assignee records the name beside the id: nothing to look up.
    await w.t.request(w.operator.auth, { method: 'PATCH', url: `/api/v1/tickets/${w.ticket.id}`, payload: { version: 1, assigneeId: w.tech.id } });
    const changed = await entry('ticket', 'update', w.ticket.id);
    expect(changed).toMatchObject({ after: { assignee: { id: w.tech.id, name: 'Test technician' } }, references: {} });
    // Ticket types and states come with their codes, so that default names can be worded in the reader's language.
    const state = await w.t.database.db.selectFrom('ticket_states').select(['id', 'code']).where('code', '=', 'in_progress').executeTakeFirstOrThrow();
    await recordAuditAlone(w.t.database.db, w.t.clock.now(), nobody, { entity: 'custom_field', entityId: 999_001, action: 'update', after: { typeId: 1, stateId: state.id } });
    const field = await entry('custom_field', 'update', 999_001);
    expect(field.references.stateId).toEqual({ entity: 'ticket_state', names: { [state.id]: 'In progress' }, codes: { [state.id]: 'in_progress' } });
    expect(field.references.typeId!.codes).toEqual({ 1: 'incident' });
  });

  it('shows a row deleted since as deleted, by its id, and the entry as recorded', async () => {
    const calendar = await ok('POST', '/api/v1/calendars', { name: 'Na chvíli', timeZone: 'UTC', weekly: { 1: [{ start: '08:00', end: '16:00' }] } });
    await recordAuditAlone(w.t.database.db, w.t.clock.now(), nobody, { entity: 'sla_policy', entityId: 999_002, action: 'update', before: { calendarId: calendar.id }, after: { calendarId: calendar.id, escalateToQueueId: w.queueId } });
    expect((await entry('sla_policy', 'update', 999_002)).references.calendarId).toEqual({ entity: 'calendar', names: { [calendar.id]: 'Na chvíli' } });
    await ok('DELETE', `/api/v1/calendars/${calendar.id}`);

    const stored = await w.t.database.db.selectFrom('audit_log').select(['id', 'after_json', 'hash']).where('entity', '=', 'calendar').where('entity_id', '=', String(calendar.id)).orderBy('id').execute();
    const created = await entry('calendar', 'create', calendar.id);
    expect(created).toMatchObject({ entityLabel: null, entityDeleted: true, after: { name: 'Na chvíli' } });
    expect(await entry('calendar', 'delete', calendar.id)).toMatchObject({ entityLabel: null, entityDeleted: true, before: { name: 'Na chvíli' } });
    const policy = await entry('sla_policy', 'update', 999_002);
    expect(policy).toMatchObject({ entityLabel: null, entityDeleted: true });
    expect(policy.references).toEqual({
      calendarId: { entity: 'calendar', names: { [calendar.id]: null } },
      escalateToQueueId: { entity: 'queue', names: { [w.queueId]: 'Service desk' } },
    });
    // Reading names changes nothing recorded: the chain still verifies.
    expect(await w.t.database.db.selectFrom('audit_log').select(['id', 'after_json', 'hash']).where('entity', '=', 'calendar').where('entity_id', '=', String(calendar.id)).orderBy('id').execute()).toEqual(stored);
    expect((await w.t.request(w.admin.auth, { method: 'GET', url: '/api/v1/audit/verify' })).json()).toMatchObject({ ok: true });
  });

  it('looks names up in one query per kind of row on the page, however many entries it has', async () => {
    const { db } = w.t.database;
    for (let i = 1; i <= 120; i++) {
      await recordAuditAlone(db, w.t.clock.now(), nobody, { entity: 'ticket', entityId: i === 1 ? w.ticket.id : 900_000 + i, action: 'probe', after: { assigneeId: i === 1 ? w.tech.id : 900_000 + i, queueId: w.queueId } });
    }
    let queries = 0;
    const counted = db.withPlugin({ transformQuery: (args) => (queries++, args.node), transformResult: async (args) => args.result });
    const audit = createAuditService({ db: counted });
    const pageOf = async (limit: number) => {
      queries = 0;
      const page = await audit.list(systemContext, { action: 'probe', limit });
      return { page, queries };
    };
    // The log's page, then tickets, users and queues: four queries for 120 entries as for 5.
    const all = await pageOf(200);
    expect(all.page.items).toHaveLength(120);
    expect(all.queries).toBe(4);
    expect((await pageOf(5)).queries).toBe(4);
    const first = all.page.items.at(-1)!;
    expect(first).toMatchObject({ entityLabel: w.ticket.number, references: { assigneeId: { entity: 'user', names: { [w.tech.id]: 'Test technician' } } } });
    expect(all.page.items[0]).toMatchObject({ entityLabel: null, entityDeleted: true, references: { assigneeId: { names: { 900120: null } }, queueId: { names: { [w.queueId]: 'Service desk' } } } });

    // Many ids of one kind are asked for in parts small enough for either engine.
    const members = Array.from({ length: 1200 }, (_, i) => (i === 0 ? w.tech.id : 800_000 + i));
    await recordAuditAlone(db, w.t.clock.now(), nobody, { entity: 'team', entityId: 999_003, action: 'probe_many', after: { members } });
    queries = 0;
    const [team] = (await audit.list(systemContext, { action: 'probe_many', limit: 50 })).items;
    expect(queries).toBe(1 + 1 + 3);
    const names = team!.references.members!.names;
    expect(Object.keys(names)).toHaveLength(1200);
    expect(names[w.tech.id]).toBe('Test technician');
    expect(names[801_199]).toBeNull();
  });
});
