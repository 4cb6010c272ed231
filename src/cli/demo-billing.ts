/**
 * BILLING.md §5 examples A, B and C as data, built through a backend: the API
 * in tests (test/billing-examples.fixture.ts), the services in the demo. After
 * building, a run of October 2026 gives the invoices of the examples exactly
 * (12 023.77, 7 792.40 and 12 100.00); example C's September is run and its
 * invoice issued first, so October starts with 180 carried minutes.
 */
import type { Services } from '../app.ts';
import { systemContext, type RequestContext } from '../modules/identity/index.ts';

/** A client of the examples as created (the clients API's body, less what every example shares). */
export interface ExampleClient {
  name: string;
  companyId: string;
  vatId: string;
  registeredAddress: { street: string; city: string; postalCode: string; country: string };
  /** Each has a billing e-mail, so its invoices can be sent from the demo (the built-in mail server shows them). */
  email: string;
}

/**
 * The examples' clients: Czech companies with an IČO, a VAT id and a registered
 * address, so their invoices are complete tax documents (issuing refuses a
 * client without an address).
 */
export const EXAMPLE_CLIENTS: Readonly<Record<'a' | 'b' | 'c', ExampleClient>> = {
  a: {
    name: 'Příklad A – Zákazník bez smlouvy s.r.o.', companyId: '06521789', vatId: 'CZ06521789',
    registeredAddress: { street: 'Palackého 1021/14', city: 'Pardubice', postalCode: '530 02', country: 'CZ' }, email: 'fakturace@priklad-a.cz',
  },
  b: {
    name: 'Příklad B – Paušál s.r.o.', companyId: '17340594', vatId: 'CZ17340594',
    registeredAddress: { street: 'Jungmannova 745/3', city: 'Praha 1', postalCode: '110 00', country: 'CZ' }, email: 'fakturace@priklad-b.cz',
  },
  c: {
    name: 'Příklad C – Předplacené hodiny s.r.o.', companyId: '29123453', vatId: 'CZ29123453',
    registeredAddress: { street: 'Pražská 812/27', city: 'Plzeň', postalCode: '301 00', country: 'CZ' }, email: 'fakturace@priklad-c.cz',
  },
};

/** What building the examples needs to do, whatever the channel. */
export interface BillingExamplesBackend {
  client(client: ExampleClient): Promise<number>;
  contract(body: Record<string, unknown>): Promise<number>;
  /** A ticket of the client, linked to the contract (or to none). */
  ticket(clientId: number, subject: string, contractId: number | null): Promise<number>;
  /** Logs a record on the ticket (the records API's body) and returns its id. */
  record(ticketId: number, body: Record<string, unknown>): Promise<number>;
  /** Issues SSDs from stock to the ticket; returns the material records. */
  material(ticketId: number, date: string, quantity: string): Promise<number[]>;
  /** Submits and approves the records. */
  approve(recordIds: number[]): Promise<void>;
  /** Runs the period to the end and returns its drafts. */
  run(period: string): Promise<{ invoiceId: number; clientId: number }[]>;
  issue(invoiceId: number): Promise<void>;
}

export interface BillingExamplesCatalogue {
  remote: number;
  onSite: number;
  development: number;
  callOut: number;
}

export interface BillingExamples {
  clients: { a: number; b: number; c: number };
  contracts: { b: number; c: number };
  /** October records by their role in the example. */
  records: {
    a: { remote: number; onSite: number; travel: number; callOut: number; ssd: number[]; holiday: number };
    b: { remote: number; onSite: number; development: number; travel: number };
    c: { o1: number; o2: number; o3: number; o4: number };
  };
  septemberInvoiceId: number;
}

const VAT_21 = 2100;

export async function buildBillingExamples(api: BillingExamplesBackend, cat: BillingExamplesCatalogue): Promise<BillingExamples> {
  const work = (date: string, startTime: string, minutes: number, workTypeId: number, description: string) => ({ kind: 'work', date, startTime, minutes, workTypeId, description });
  const clients = { a: await api.client(EXAMPLE_CLIENTS.a), b: await api.client(EXAMPLE_CLIENTS.b), c: await api.client(EXAMPLE_CLIENTS.c) };
  const scope = { workTypeIds: [cat.remote, cat.onSite], coversTravel: false, unitFeeIds: [] };
  // Every term spelled out: the services take the complete contract (the API would fill these defaults).
  const terms = {
    validTo: null, priceListId: null, prepaidMinutes: 0, carryOver: { enabled: false }, multipliers: { byWorkType: {}, byTimeClass: {} }, overage: { kind: 'entry_rate' },
    ownInvoice: false, alertClient: false, slaPolicyId: null, note: '', active: true,
  };
  const contracts = {
    b: await api.contract({
      ...terms, clientId: clients.b, number: 'PRIKLAD-B', name: 'Paušál podpory', currency: 'CZK', validFrom: '2026-10-01', periodKind: 'month',
      fee: { amountMinor: 5_000_00, vatRateBp: VAT_21, timing: 'in_arrears', prorate: true }, scope,
    }),
    c: await api.contract({
      ...terms, clientId: clients.c, number: 'PRIKLAD-C', name: 'Předplacené hodiny', currency: 'CZK', validFrom: '2026-09-01', periodKind: 'month',
      fee: { amountMinor: 8_000_00, vatRateBp: VAT_21, timing: 'in_arrears', prorate: true }, scope, prepaidMinutes: 600,
      carryOver: { enabled: true, capMinutes: 300, lifePeriods: 1 }, overage: { kind: 'entry_rate' },
    }),
  };

  // C's September: 420 of 600 minutes used, invoiced and issued (180 carried into October).
  const ticketC = await api.ticket(clients.c, 'Správa serverů', contracts.c);
  const september = [
    await api.record(ticketC, work('2026-09-07', '09:00', 240, cat.remote, 'Aktualizace serverů')),
    await api.record(ticketC, work('2026-09-15', '09:00', 180, cat.onSite, 'Výměna zdroje')),
  ];
  await api.approve(september);
  const septemberDraft = (await api.run('2026-09')).find((d) => d.clientId === clients.c);
  if (!septemberDraft) throw new Error('the September run made no draft for example C');
  await api.issue(septemberDraft.invoiceId);

  // A: time and material.
  const ticketA = await api.ticket(clients.a, 'Servis v říjnu', null);
  const a = {
    remote: await api.record(ticketA, work('2026-10-05', '09:00', 50, cat.remote, 'Vzdálená správa')),
    onSite: await api.record(ticketA, work('2026-10-12', '18:30', 100, cat.onSite, 'Výměna disku')),
    travel: await api.record(ticketA, { kind: 'travel', date: '2026-10-12', km: '36', vehicle: '1AB 2345' }),
    callOut: await api.record(ticketA, { kind: 'fee', date: '2026-10-12', feeId: cat.callOut, quantity: 1 }),
    ssd: await api.material(ticketA, '2026-10-12', '2'),
    holiday: await api.record(ticketA, work('2026-10-28', '10:00', 45, cat.onSite, 'Obnova po výpadku (svátek)')),
  };
  // B: flat fee; remote and on-site covered, development and travel billed.
  const ticketB = await api.ticket(clients.b, 'Podpora v říjnu', contracts.b);
  const b = {
    remote: await api.record(ticketB, work('2026-10-06', '09:00', 120, cat.remote, 'Nastavení pošty')),
    onSite: await api.record(ticketB, work('2026-10-13', '09:00', 180, cat.onSite, 'Instalace pracovních stanic')),
    development: await api.record(ticketB, work('2026-10-20', '10:00', 60, cat.development, 'Úprava skriptu zálohování')),
    travel: await api.record(ticketB, { kind: 'travel', date: '2026-10-13', km: '20', vehicle: '1AB 2345' }),
  };
  // C: 780 minutes of allowance, the last entry split 60 covered / 120 overage.
  const c = {
    o1: await api.record(ticketC, work('2026-10-02', '09:00', 240, cat.remote, 'Migrace pošty')),
    o2: await api.record(ticketC, work('2026-10-09', '09:00', 300, cat.onSite, 'Zapojení serverovny')),
    o3: await api.record(ticketC, work('2026-10-20', '09:00', 180, cat.remote, 'Monitoring a zálohy')),
    o4: await api.record(ticketC, work('2026-10-27', '09:00', 180, cat.onSite, 'Výměna switche')),
  };
  const material = a.ssd.filter((id) => id > 0);
  await api.approve([a.remote, a.onSite, a.travel, a.callOut, a.holiday, ...Object.values(b), ...Object.values(c)]);
  if (material.length) await api.approve(material);
  return { clients, contracts, records: { a, b, c }, septemberInvoiceId: septemberDraft.invoiceId };
}

/** The demo's backend: the same services the API uses, acting as the demo's manager (who may log, approve, run and issue). */
export function demoBillingBackend(services: Services, people: { managerId: number; managerName: string; warehouseId: number; ssdItemId: number }): BillingExamplesBackend {
  const ctx: RequestContext = { actor: { userId: people.managerId, name: people.managerName, roles: ['admin'], clientId: null, tokenId: null }, ip: null };
  return {
    client: async (client) => (await services.customers.create(systemContext, { ...client, country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14 })).id,
    contract: async (body) => (await services.contracts.create(ctx, body as Parameters<Services['contracts']['create']>[1])).id,
    ticket: async (clientId, subject, contractId) => {
      const ticket = await services.tickets.create(ctx, {
        subject, description: subject, typeCode: 'service_request', clientId, requesterContactId: null, impact: 'low', urgency: 'low',
        tags: [], custom: {}, dimensions: {}, watcherUserIds: [], watcherContactIds: [],
      });
      await services.contracts.setTicketContract(ctx, ticket.id, contractId);
      return ticket.id;
    },
    record: async (ticketId, body) => (await services.records.records.create(ctx, ticketId, body as Parameters<Services['records']['records']['create']>[2])).id,
    material: async (ticketId, date, quantity) => {
      const receipt = { kind: 'receipt', date, warehouseId: people.warehouseId, lines: [{ itemId: people.ssdItemId, quantity, unitPriceMinor: 1_500_00 }], confirm: true };
      await services.warehouse.documents.create(ctx, receipt as Parameters<Services['warehouse']['documents']['create']>[1]);
      const issue = { kind: 'issue', date, warehouseId: people.warehouseId, ticketId, lines: [{ itemId: people.ssdItemId, quantity }], confirm: true };
      await services.warehouse.documents.create(ctx, issue as Parameters<Services['warehouse']['documents']['create']>[1]);
      const records = await services.records.records.listForTicket(ctx, ticketId);
      return records.filter((r) => r.kind === 'material').map((r) => r.id);
    },
    approve: async (ids) => {
      for (const id of ids) await services.records.workflow.submit(ctx, id).catch(() => undefined); // material records start submitted
      await services.records.workflow.approveMany(ctx, ids);
    },
    run: async (period) => {
      const run = await services.billing.runs.runNow(ctx, period);
      return run.result?.drafts ?? [];
    },
    issue: async (invoiceId) => {
      await services.invoicing.issuing.issue(ctx, invoiceId);
    },
  };
}

/**
 * The demo's history for billing: clients, contracts and records of examples
 * A, B and C, C's September run and issued, so October 2026 can be run in the
 * UI (Billing → Runs) and gives the examples' invoices.
 */
export async function seedDemoBillingExamples(services: Services, people: { managerId: number; managerName: string; ssdItemId: number }): Promise<BillingExamples> {
  const store = (await services.warehouse.warehouses.list(systemContext)).find((w) => w.code === 'HLAVNI');
  if (!store) throw new Error('the demo store HLAVNI is missing');
  const workTypes = await services.pricing.catalogue.listWorkTypes(systemContext, 'true');
  const fees = await services.pricing.catalogue.listUnitFees(systemContext, 'true');
  const id = <T extends { id: number; code: string }>(list: T[], code: string) => {
    const found = list.find((x) => x.code === code);
    if (!found) throw new Error(`the demo catalogue has no '${code}'`);
    return found.id;
  };
  const backend = demoBillingBackend(services, { ...people, warehouseId: store.id });
  return buildBillingExamples(backend, {
    remote: id(workTypes, 'remote_support'), onSite: id(workTypes, 'on_site'), development: id(workTypes, 'development'), callOut: id(fees, 'call_out'),
  });
}
