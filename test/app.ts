import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, buildServices, type Services } from '../src/app.ts';
import { defaultConfig, type Config } from '../src/config/index.ts';
import { seedDefaultHelpdesk } from '../src/modules/helpdesk/index.ts';
import { systemContext, type Role } from '../src/modules/identity/index.ts';
import { seedDefaultPricing } from '../src/modules/pricing/index.ts';
import { fixedClock } from '../src/platform/clock.ts';
import type { Engine } from '../src/platform/db/index.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

export const TEST_PASSWORD = 'Correct-Horse-Battery-9';

/** How a test request authenticates: a session (cookie + CSRF token) or an API token. */
export type Auth = { cookie: string; csrf: string } | { token: string } | null;

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  services: Services;
  clock: ReturnType<typeof fixedClock>;
  config: Config;
  /** A user with these roles and a signed-in session. */
  userWith(roles: Role[], options?: { clientId?: number | null; email?: string }): Promise<{ id: number; email: string; auth: Auth }>;
  signIn(email: string, password?: string): Promise<Auth>;
  tokenFor(userId: number): Promise<Auth>;
  /** An operator who is a member of the queue (default: the seeded service desk), with an API token. */
  queueOperator(queueCode?: string): Promise<{ id: number; auth: Auth }>;
  /** A Czech client (CZK, 14 days) and a contact of it with an e-mail, to raise tickets for. */
  clientWithRequester(clientName: string, contact: { name: string; email: string; language?: 'cs' | 'sk' | 'en' }): Promise<{ clientId: number; contactId: number }>;
  request(auth: Auth, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

let counter = 0;

/** The whole app on a fresh real database, with a pinned clock and fast (test-only) password hashing. */
export async function createTestApp(engine: Engine, overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await createTestDatabase(engine);
  const clock = fixedClock('2026-11-02T09:00:00.000Z');
  // What the server does at start after migrating (see src/main.ts).
  await seedDefaultHelpdesk(database.db, clock.now());
  await seedDefaultPricing(database.db, clock.now());
  const storageDir = mkdtempSync(join(tmpdir(), 'kontor-files-'));
  const config: Config = {
    ...defaultConfig, logLevel: 'silent', argon2MemoryKib: 1024, webDir: '/nonexistent', storageDir, attachmentMaxBytes: 64 * 1024,
    // Tests never reach the internet: the ČNB's address is a closed local port unless a test serves the file.
    cnbRatesUrl: 'http://127.0.0.1:9/denni_kurz.txt',
    ...overrides,
  };
  const services = buildServices({ config, database, clock });
  const app = await buildApp({ config, database, clock }, services);
  await app.ready();

  async function request(auth: Auth, options: InjectOptions) {
    const headers: Record<string, string> = { ...(options.headers as Record<string, string>) };
    if (auth && 'token' in auth) headers.authorization = `Bearer ${auth.token}`;
    if (auth && 'cookie' in auth) {
      headers.cookie = auth.cookie;
      headers['x-csrf-token'] ??= auth.csrf;
    }
    return app.inject({ ...options, headers });
  }

  async function signIn(email: string, password = TEST_PASSWORD): Promise<Auth> {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'kontor_session');
    return { cookie: `kontor_session=${cookie?.value}`, csrf: res.json().csrfToken };
  }

  async function userWith(roles: Role[], options: { clientId?: number | null; email?: string } = {}) {
    const email = options.email ?? `user${++counter}-${roles.join('-')}@test.kontor`;
    const user = await services.users.create(systemContext, {
      email,
      name: `Test ${roles.join(' ')}`,
      language: 'en',
      roles,
      password: TEST_PASSWORD,
      clientId: options.clientId ?? null,
    });
    return { id: user.id, email, auth: await signIn(email) };
  }

  async function tokenFor(userId: number): Promise<Auth> {
    const t = await services.users.createToken(systemContext, userId, 'test');
    return { token: t.token };
  }

  async function queueOperator(queueCode = 'service_desk') {
    const op = await userWith(['operator']);
    const queue = await database.db.selectFrom('queues').select('id').where('code', '=', queueCode).executeTakeFirstOrThrow();
    await database.db.insertInto('queue_members').values({ queue_id: queue.id, user_id: op.id }).execute();
    return { id: op.id, auth: await tokenFor(op.id) };
  }

  async function clientWithRequester(clientName: string, contact: { name: string; email: string; language?: 'cs' | 'sk' | 'en' }) {
    const clientId = (await services.customers.create(systemContext, { name: clientName, country: 'CZ', language: 'cs', currency: 'CZK', paymentTermsDays: 14 })).id;
    const { id: contactId } = await services.customers.createContact(systemContext, clientId, {
      name: contact.name, email: contact.email, language: contact.language ?? 'cs', portalAccess: false,
    });
    return { clientId, contactId };
  }

  return {
    app,
    database,
    services,
    clock,
    config,
    userWith,
    signIn,
    tokenFor,
    queueOperator,
    clientWithRequester,
    request,
    close: async () => {
      await app.close();
      await database.close();
      rmSync(storageDir, { recursive: true, force: true });
    },
  };
}
