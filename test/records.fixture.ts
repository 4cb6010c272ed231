import { expect } from 'vitest';
import { systemContext } from '../src/modules/identity/index.ts';
import type { Engine } from '../src/platform/db/index.ts';
import { createTestApp, type Auth, type TestApp } from './app.ts';
import { invoiceableClient } from './buyer.fixture.ts';

/**
 * The world of BILLING.md example A, built through the API: the catalogue, the
 * price list "Standard 2026" as the client's list, internal costs, a ticket in
 * the service desk queue, and people in every role that logs or approves work.
 */
export interface RecordsWorld {
  t: TestApp;
  admin: { id: number; auth: Auth };
  manager: { id: number; auth: Auth };
  operator: { id: number; auth: Auth };
  tech: { id: number; auth: Auth };
  tech2: { id: number; auth: Auth };
  clientId: number;
  queueId: number;
  ticket: { id: number; number: string };
  wt: { remote: number; onSite: number; development: number; unpriced: number; internal: number };
  fee: { callOut: number };
  zone: { city: number };
  /** POST helper: logs a record on a ticket. */
  log(auth: Auth, payload: object, ticketId?: number): ReturnType<TestApp['request']>;
  newTicket(subject: string): Promise<{ id: number; number: string }>;
}

export async function recordsWorld(engine: Engine): Promise<RecordsWorld> {
  const t = await createTestApp(engine);
  // API tokens: the tests move the clock past any session timeout.
  const person = async (roles: Parameters<TestApp['userWith']>[0]) => {
    const u = await t.userWith(roles);
    return { id: u.id, auth: await t.tokenFor(u.id) };
  };
  const [admin, manager, operator, tech, tech2] = [await person(['admin']), await person(['manager']), await person(['operator']), await person(['technician']), await person(['technician'])];
  const queueId = (await t.database.db.selectFrom('queues').select('id').where('code', '=', 'service_desk').executeTakeFirstOrThrow()).id;
  for (const u of [operator, tech, tech2]) await t.database.db.insertInto('queue_members').values({ queue_id: queueId, user_id: u.id }).execute();

  const post = async (url: string, payload: object, method: 'POST' | 'PUT' = 'POST') => {
    const res = await t.request(admin.auth, { method, url, payload });
    expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const client = await t.services.customers.create(systemContext, { name: 'Zákazník bez smlouvy s.r.o.', country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14, ...invoiceableClient });
  const workType = async (code: string, name: string, billableDefault = true) => (await post('/api/v1/work-types', { code, name, billableDefault })).id as number;
  const wt = {
    remote: await workType('remote', 'Vzdálená podpora'),
    onSite: await workType('onsite', 'Práce u zákazníka'),
    development: await workType('dev', 'Vývoj'),
    unpriced: await workType('training', 'Školení'),
    internal: await workType('internal', 'Interní práce', false),
  };
  const fee = { callOut: (await post('/api/v1/unit-fees', { code: 'callout', name: 'Výjezd', unit: 'visit' })).id as number };
  const zone = { city: (await post('/api/v1/travel-zones', { code: 'city', name: 'Město' })).id as number };
  const list = await post('/api/v1/price-lists', { name: 'Standard 2026', currency: 'CZK', isDefault: true });
  await post(`/api/v1/price-lists/${list.id}/versions`, {
    validFrom: '2026-01-01',
    terms: {
      workRates: [
        { workTypeId: wt.remote, hourlyRateMinor: 800_00 },
        { workTypeId: wt.onSite, hourlyRateMinor: 1_000_00 },
        { workTypeId: wt.development, hourlyRateMinor: 1_200_00 },
        { workTypeId: wt.internal, hourlyRateMinor: 500_00 },
      ],
      businessHours: { weekdays: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' },
      surchargePct: { normal: 0, out_of_hours: 50, weekend_holiday: 100 },
      incrementMinutes: 15,
      minimumMinutes: [{ workTypeId: wt.onSite, minutes: 60 }],
      pricePerKmMinor: 12_00,
      unitFeePrices: [{ feeId: fee.callOut, priceMinor: 300_00 }],
    },
  });
  await post(`/api/v1/clients/${client.id}/price-list`, { priceListId: list.id }, 'PUT');
  for (const u of [tech, tech2, manager, operator]) await post('/api/v1/cost-rates', { kind: 'hourly', userId: u.id, amountMinor: 450_00, currency: 'CZK', validFrom: '2026-01-01' });
  await post('/api/v1/cost-rates', { kind: 'per_km', amountMinor: 5_00, currency: 'CZK', validFrom: '2026-01-01' });

  const newTicket = async (subject: string) => {
    const res = await t.request(operator.auth, { method: 'POST', url: '/api/v1/tickets', payload: { clientId: client.id, subject, queueId } });
    expect(res.statusCode, res.body).toBe(201);
    return { id: res.json().id as number, number: res.json().number as string };
  };
  const ticket = await newTicket('Servis v říjnu');
  return {
    t, admin, manager, operator, tech, tech2, clientId: client.id, queueId, ticket, wt, fee, zone, newTicket,
    log: (auth, payload, ticketId = ticket.id) => t.request(auth, { method: 'POST', url: `/api/v1/tickets/${ticketId}/records`, payload }),
  };
}

export async function recordCount(t: TestApp): Promise<number> {
  const row = await t.database.db.selectFrom('records').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
