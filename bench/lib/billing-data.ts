// Data of one billing month for bench/billing.bench.ts and the killed-run test: clients,
// one ticket each, contracts for every second client (a third of those with 600 prepaid
// minutes and carry-over), priced and approved records of October 2026, written straight
// into the tables.
import { seedDefaultHelpdesk } from '../../src/modules/helpdesk/index.ts';
import { seedDefaultPricing } from '../../src/modules/pricing/index.ts';
import type { Db } from '../../src/platform/db/index.ts';
import { mulberry32 } from './ticket-rows.ts';

async function inChunks<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** Clients, one ticket each, contracts for half of them (a third of those prepaid), records of October. */
export async function generateBillingMonth(db: Db, o: { clients: number; records: number; at: string }): Promise<void> {
  const { at } = o;
  const CLIENTS = o.clients;
  const RECORDS = o.records;
  const random = mulberry32(2026);
  await seedDefaultHelpdesk(db, new Date(at));
  await seedDefaultPricing(db, new Date(at));
  await db.updateTable('company_settings').set({ name: 'Bench s.r.o.', country: 'CZ', round_totals_czk: 0 }).where('id', '=', 1).execute();
  const ids = async (table: 'users' | 'clients' | 'work_types', rows: object[]) => {
    const out: number[] = [];
    await inChunks(rows, 300, async (chunk) => {
      const r = await db.insertInto(table).values(chunk as never).returning('id').execute();
      out.push(...r.map((x) => Number(x.id)));
    });
    return out;
  };
  const technicians = await ids('users', Array.from({ length: 20 }, (_, i) => ({
    email: `tech${i}@bench.kontor`, name: `Technik ${i}`, search_text: `technik ${i}`, language: 'cs', active: 1, version: 1, created_at: at, updated_at: at,
  })));
  const workTypes = await ids('work_types', ['remote', 'onsite', 'dev'].map((code) => ({ code: `b_${code}`, name: `Bench ${code}`, created_at: at, updated_at: at })));
  const clients = await ids('clients', Array.from({ length: CLIENTS }, (_, i) => ({
    name: `Klient ${i}`, search_text: `klient ${i}`, country: 'CZ', language: 'cs', currency: 'CZK', payment_terms_days: 14, active: 1, version: 1, created_at: at, updated_at: at,
    // Issuing needs the customer's address (a tax document states it).
    registered_address: JSON.stringify({ street: `Nádražní ${i + 1}`, city: 'Brno', postalCode: '602 00', country: 'CZ' }),
  })));
  // Tickets: copies of one made the ordinary way would need the whole helpdesk; a minimal valid row per client.
  const queue = await db.selectFrom('queues').select('id').executeTakeFirstOrThrow();
  const ticketType = await db.selectFrom('ticket_types').select('id').executeTakeFirstOrThrow();
  const ticketState = await db.selectFrom('ticket_states').select(['id', 'category']).executeTakeFirstOrThrow();
  const tickets: number[] = [];
  await inChunks(clients, 300, async (chunk) => {
    const rows = chunk.map((clientId) => ({
      number: `B2026-${String(clientId).padStart(6, '0')}`, subject: `Servis klienta ${clientId}`, description_md: '', client_id: clientId, queue_id: queue.id,
      type_id: ticketType.id, state_id: ticketState.id, state_category: ticketState.category, impact: 'medium', urgency: 'medium', priority: 'p3', created_at: at, updated_at: at,
    }));
    const r = await db.insertInto('tickets').values(rows as never).returning('id').execute();
    tickets.push(...r.map((x) => Number(x.id)));
  });
  // Contracts for every second client; every third of those with 600 prepaid minutes and carry-over.
  const contracted = clients.filter((_, i) => i % 2 === 0);
  const contractIds = new Map<number, number>();
  await inChunks(contracted, 200, async (chunk) => {
    const rows = chunk.map((clientId, j) => {
      const prepaid = (contracted.indexOf(clientId) % 3 === 0) ? 600 : 0;
      return {
        client_id: clientId, number: `S-${clientId}`, name: `Smlouva ${clientId}`, currency: 'CZK', valid_from: '2026-10-01', valid_to: null, period_kind: 'month',
        price_list_id: null, fee_minor: 5_000_00, fee_vat_rate_bp: 2100, fee_timing: 'in_arrears', fee_prorate: 1,
        scope_json: JSON.stringify({ workTypeIds: [workTypes[0], workTypes[1]], coversTravel: false, unitFeeIds: [] }), prepaid_minutes: prepaid,
        carry_over_json: JSON.stringify(prepaid ? { enabled: true, capMinutes: 300, lifePeriods: 1 } : { enabled: false }),
        multipliers_json: JSON.stringify({ byWorkType: {}, byTimeClass: {} }), overage_json: JSON.stringify({ kind: j % 2 ? 'entry_rate' : 'flat_rate', ratePerHourMinor: 900_00 }),
        own_invoice: 0, alert_client: 0, sla_policy_id: null, note: '', active: 1, version: 1, created_at: at, updated_at: at,
      };
    });
    const r = await db.insertInto('contracts').values(rows).returning(['id', 'client_id']).execute();
    for (const x of r) contractIds.set(Number(x.client_id), Number(x.id));
  });
  for (const [clientId, contractId] of contractIds) {
    await db.updateTable('tickets').set({ contract_id: contractId }).where('client_id', '=', clientId).execute();
  }
  const rates = [800_00, 1_000_00, 1_200_00];
  const rows = Array.from({ length: RECORDS }, (_, i) => {
    const c = i % CLIENTS;
    const clientId = clients[c]!;
    const day = 1 + Math.floor(random() * 31);
    const hour = 7 + Math.floor(random() * 12);
    const travel = random() < 0.1;
    const wt = Math.floor(random() * 3);
    const minutes = 15 + Math.floor(random() * 120);
    const billable = Math.ceil(minutes / 15) * 15;
    const surcharge = hour < 8 || hour >= 17 ? 50 : 0;
    const amount = travel ? 240_00 : Math.round((billable * rates[wt]! * (100 + surcharge)) / 6000);
    return {
      kind: travel ? 'travel' : 'work', ticket_id: tickets[c]!, client_id: clientId, contract_id: contractIds.get(clientId) ?? null,
      technician_id: technicians[i % technicians.length]!, date: `2026-10-${String(day).padStart(2, '0')}`, start_time: travel ? null : `${String(hour).padStart(2, '0')}:00`,
      minutes: travel ? 0 : minutes, work_type_id: travel ? null : workTypes[wt]!, time_class: travel ? null : surcharge ? 'out_of_hours' : 'normal',
      km_milli: travel ? 20_000 : null, billable: 1, description: 'Práce', state: 'approved', approved_at: at, currency: 'CZK',
      billable_minutes: travel ? null : billable, amount_minor: amount, cost_minor: Math.round((minutes * 450_00) / 60), vat_category: 'standard',
      pricing_json: JSON.stringify(travel ? { unitPriceMinor: 12_00 } : { rateMinor: rates[wt], surchargePct: surcharge }), created_at: at, updated_at: at,
    };
  });
  await db.transaction().execute(async (trx) => {
    await inChunks(rows, 500, (chunk) => trx.insertInto('records').values(chunk as never).execute());
  });
}

