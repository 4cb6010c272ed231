import type { Services } from '../app.ts';
import { DEMO_COMPANY } from '../modules/company/index.ts';
import { systemContext, type RequestContext, type Role } from '../modules/identity/index.ts';
import type { NewTicket } from '../modules/tickets/index.ts';
import { seedDemoBillingExamples } from './demo-billing.ts';
import { seedDemoFlatFeeContract } from './demo-contracts.ts';
import { seedDemoPricing } from './demo-pricing.ts';
import { seedDemoItems, seedDemoWarehouses } from './demo-warehouse.ts';

/** Sign-in password of every demo user (printed at start; the demo is for trying Kontor, not for production). */
export const DEMO_PASSWORD = 'Kontor-Demo-2026';

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: 'admin@kontor.demo', name: 'Alena Správcová', role: 'admin' },
  { email: 'manager@kontor.demo', name: 'Martin Vedoucí', role: 'manager' },
  { email: 'operator@kontor.demo', name: 'Olga Dispečerová', role: 'operator' },
  { email: 'technician@kontor.demo', name: 'Tomáš Technik', role: 'technician' },
  { email: 'accountant@kontor.demo', name: 'Ivana Účetní', role: 'accountant' },
  { email: 'client@kontor.demo', name: 'Karel Klient', role: 'client_contact' },
];

/** Fills an empty database with the demo company's users, clients and contacts, through the services (so all of it is audited). */
export async function seedDemo(services: Services): Promise<void> {
  const ctx = systemContext;
  const clients = [
    {
      name: 'Strojírny Brno a.s.',
      companyId: '25596641',
      vatId: 'CZ25596641',
      country: 'CZ',
      registeredAddress: { street: 'Hybešova 12', city: 'Brno', postalCode: '602 00', country: 'CZ' },
      email: 'it@strojirny-brno.cz',
      phone: '+420 541 000 111',
      language: 'cs' as const,
      currency: 'CZK',
      paymentTermsDays: 14,
      contacts: [
        { name: 'Jana Nováková', email: 'jana.novakova@strojirny-brno.cz', phone: '+420 602 111 222', portalAccess: true },
        { name: 'Petr Dvořák', email: 'petr.dvorak@strojirny-brno.cz', phone: null, portalAccess: false },
      ],
    },
    {
      name: 'Účetní kancelář Horáková s.r.o.',
      companyId: '27082440',
      vatId: 'CZ27082440',
      country: 'CZ',
      registeredAddress: { street: 'Náměstí Míru 5', city: 'Praha 2', postalCode: '120 00', country: 'CZ' },
      email: 'kancelar@horakova.cz',
      phone: '+420 222 333 444',
      language: 'cs' as const,
      currency: 'CZK',
      paymentTermsDays: 10,
      contacts: [{ name: 'Eva Horáková', email: 'eva@horakova.cz', phone: '+420 603 333 444', portalAccess: true }],
    },
    {
      name: 'Tatra Logistik s.r.o.',
      companyId: '35757442',
      vatId: 'SK2020317068',
      country: 'SK',
      registeredAddress: { street: 'Mlynské nivy 44', city: 'Bratislava', postalCode: '821 09', country: 'SK' },
      email: 'it@tatralogistik.sk',
      phone: '+421 2 5555 1234',
      language: 'sk' as const,
      currency: 'EUR',
      paymentTermsDays: 30,
      contacts: [{ name: 'Ján Kováč', email: 'jan.kovac@tatralogistik.sk', phone: '+421 905 123 456', portalAccess: false }],
    },
    {
      name: 'Pekárna U Zlatého klasu',
      companyId: '45274649',
      vatId: null,
      country: 'CZ',
      registeredAddress: { street: 'Husova 3', city: 'Olomouc', postalCode: '779 00', country: 'CZ' },
      email: 'pekarna@zlatyklas.cz',
      phone: null,
      language: 'cs' as const,
      currency: 'CZK',
      paymentTermsDays: 14,
      contacts: [],
    },
  ];
  let firstClientId: number | null = null;
  const clientIds: number[] = [];
  const contactIds: number[][] = [];
  for (const { contacts, ...data } of clients) {
    const client = await services.customers.create(ctx, { ...data, billingAddress: null, notes: null });
    firstClientId ??= client.id;
    clientIds.push(client.id);
    const ids: number[] = [];
    for (const contact of contacts) {
      ids.push((await services.customers.createContact(ctx, client.id, { ...contact, language: data.language })).id);
    }
    contactIds.push(ids);
  }
  const userIds: Record<string, number> = {};
  for (const u of DEMO_USERS) {
    userIds[u.role] = (await services.users.create(ctx, {
      email: u.email,
      name: u.name,
      language: 'cs',
      roles: [u.role],
      password: DEMO_PASSWORD,
      clientId: u.role === 'client_contact' ? firstClientId : null,
    })).id;
  }
  // Price list "Standard 2026" (BILLING.md §5): the default, and Strojírny Brno's own; Tatra Logistik's own in EUR.
  const workers = [userIds.technician, userIds.operator, userIds.manager].filter((id): id is number => id !== undefined);
  // Stock items first: the price list prices the SSD 1 TB by its item id.
  const items = await seedDemoItems(services);
  await seedDemoPricing(services, { clientId: clientIds[0]!, eurClientId: clientIds[2]!, technicianIds: workers, itemIds: items.byCode });
  const technician = DEMO_USERS.find((u) => u.role === 'technician')!;
  const manager = DEMO_USERS.find((u) => u.role === 'manager')!;
  const managerPerson = userIds.manager ? { id: userIds.manager, name: manager.name } : undefined;
  if (userIds.technician) await seedDemoWarehouses(services, { technician: { id: userIds.technician, name: technician.name }, operatorId: userIds.operator, manager: managerPerson }, items.byCode);
  // The supplier on invoices (Settings → Company): a Czech VAT payer with a bank account and IBAN.
  await services.company.update(systemContext, DEMO_COMPANY);
  await seedDemoFlatFeeContract(services, clientIds[3]!);
  await seedDemoSla(services, clientIds[2]!);
  await seedDemoTickets(services, userIds, clientIds, contactIds);
  // BILLING.md's examples A, B and C with C's September issued: run October 2026 to see their invoices.
  if (userIds.manager) await seedDemoBillingExamples(services, { managerId: userIds.manager, managerName: manager.name, ssdItemId: items.ssd });
}

/** The demo's names of the default calendars and SLA policy (seeded in English on every install): Czech, like the rest of the demo. */
export const DEMO_HELPDESK_NAMES = {
  czechCalendar: { from: 'CZ business hours', to: 'Pracovní doba CZ' },
  slovakCalendar: { from: 'SK business hours', to: 'Pracovní doba SK' },
  standardPolicy: { from: 'Standard', to: 'Standardní' },
  /** On the Slovak calendar (Slovak public holidays), for the Slovak client. */
  slovakPolicy: 'Standardní SK',
  deskQueue: 'Servisní pracoviště',
} as const;

/**
 * The default calendars and policy named in Czech, and a policy on the Slovak calendar
 * for the Slovak client (Tatra Logistik), so the demo shows both calendars at work.
 * Before the tickets, which take their client's policy when created.
 */
async function seedDemoSla(services: Services, slovakClientId: number): Promise<void> {
  const ctx = systemContext;
  const sla = services.helpdesk.sla;
  const calendars = await sla.listCalendars(ctx);
  const renamed: Record<string, number> = {};
  for (const { from, to } of [DEMO_HELPDESK_NAMES.czechCalendar, DEMO_HELPDESK_NAMES.slovakCalendar]) {
    const calendar = calendars.find((c) => c.name === from);
    if (calendar) renamed[to] = (await sla.updateCalendar(ctx, calendar.id, { version: calendar.version, name: to })).id;
  }
  const standard = (await sla.listPolicies(ctx)).find((p) => p.name === DEMO_HELPDESK_NAMES.standardPolicy.from);
  const slovakCalendarId = renamed[DEMO_HELPDESK_NAMES.slovakCalendar.to];
  if (!standard || slovakCalendarId === undefined) return;
  await sla.updatePolicy(ctx, standard.id, { version: standard.version, name: DEMO_HELPDESK_NAMES.standardPolicy.to });
  const slovak = await sla.createPolicy(ctx, {
    name: DEMO_HELPDESK_NAMES.slovakPolicy,
    calendarId: slovakCalendarId,
    targets: standard.targets,
    warnAtPercent: standard.warnAtPercent,
    isDefault: false,
    escalateToQueueId: null,
    active: true,
  });
  await sla.setClientPolicy(ctx, slovakClientId, slovak.id);
}

/** The service desk's people and a few tickets in different states, so the workspace is not empty. */
async function seedDemoTickets(services: Services, users: Record<string, number>, clients: number[], contacts: number[][]): Promise<void> {
  const ctx = systemContext;
  const desk = (await services.helpdesk.queues.listQueues(ctx, 'true')).find((q) => q.code === 'service_desk');
  if (!desk) return;
  await services.helpdesk.queues.updateQueue(ctx, desk.id, {
    name: DEMO_HELPDESK_NAMES.deskQueue,
    leadUserId: users.manager ?? null,
    members: [users.operator, users.technician, users.manager].filter((id): id is number => id !== undefined),
  });
  const ticket = (clientIndex: number, subject: string, description: string, extra: Partial<NewTicket> = {}) =>
    services.tickets.create(ctx, {
      subject, description, typeCode: 'incident', clientId: clients[clientIndex]!, requesterContactId: contacts[clientIndex]?.[0] ?? null,
      impact: 'medium', urgency: 'medium', tags: [], custom: {}, dimensions: {}, watcherUserIds: [], watcherContactIds: [], ...extra,
    });
  // Replies are written by people, so the demo's conversation shows who answered the client.
  const as = (role: Role): RequestContext => {
    const user = DEMO_USERS.find((u) => u.role === role)!;
    const userId = users[role];
    return userId === undefined ? ctx : { actor: { userId, name: user.name, roles: [role], clientId: null, tokenId: null }, ip: null };
  };
  const printer = await ticket(0, 'Tiskárna v účtárně netiskne', 'Od rána hlásí **chybu 0x50**, papír je doplněný.', { assigneeId: users.technician ?? null, tags: ['tisk'] });
  await services.ticketWorkflow.transition(ctx, printer.id, { toState: 'in_progress', version: printer.version });
  await services.ticketWorkflow.comment(as('technician'), printer.id, { body: 'Dobrý den, technik je na cestě, dorazí do hodiny.', visibility: 'public' });
  await ticket(1, 'Nový notebook pro novou kolegyni', 'Nástup 1. prosince, potřebujeme notebook s Office a přístupem do účetnictví.', { typeCode: 'service_request', impact: 'low', urgency: 'medium' });
  const vpn = await ticket(2, 'VPN spojenie padá každú hodinu', 'Používatelia v sklade hlásia výpadky VPN.', { impact: 'high', urgency: 'medium', assigneeId: users.operator ?? null });
  await services.ticketWorkflow.transition(ctx, vpn.id, { toState: 'in_progress', version: vpn.version });
  await services.ticketWorkflow.comment(as('operator'), vpn.id, { body: 'Pošlite nám prosím logy z routera za posledný deň.', visibility: 'public' });
  const vpnNow = await services.tickets.get(ctx, vpn.id);
  await services.ticketWorkflow.transition(ctx, vpn.id, { toState: 'waiting_for_client', version: vpnNow.version });
  const mail = await ticket(0, 'Výpadek e-mailu v celé firmě', 'Nikomu nechodí pošta.', { impact: 'high', urgency: 'high' });
  await services.ticketWorkflow.transition(ctx, mail.id, { toState: 'in_progress', version: mail.version });
  const mailNow = await services.tickets.get(ctx, mail.id);
  await services.ticketWorkflow.transition(ctx, mail.id, { toState: 'resolved', version: mailNow.version, resolutionNote: 'Obnoven certifikát poštovního serveru.' });
}
