import type { Services } from '../app.ts';
import { systemContext, type Role } from '../modules/identity/index.ts';

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
  for (const { contacts, ...data } of clients) {
    const client = await services.customers.create(ctx, { ...data, billingAddress: null, notes: null });
    firstClientId ??= client.id;
    for (const contact of contacts) {
      await services.customers.createContact(ctx, client.id, { ...contact, language: data.language });
    }
  }
  for (const u of DEMO_USERS) {
    await services.users.create(ctx, {
      email: u.email,
      name: u.name,
      language: 'cs',
      roles: [u.role],
      password: DEMO_PASSWORD,
      clientId: u.role === 'client_contact' ? firstClientId : null,
    });
  }
}
