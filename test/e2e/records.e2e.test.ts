// Service records in a real browser against a real server: Kontor started with
// serve() on 127.0.0.1:0, a fresh SQLite file seeded like `kontor demo` (price list
// "Standard 2026", Strojírny Brno on it), the built web app from dist/web, chromium
// via playwright-core.
//
//   npm run build:web && npx vitest run test/e2e/records.e2e.test.ts
//
// BILLING.md example A: a technician logs on a ticket of Strojírny Brno
//   12 Oct 2026 18:30, on-site, 100 min → out of hours +50 %, 105 min billed → 2 625,00 Kč
//   28 Oct 2026 10:00, on-site,  45 min → public holiday +100 %, minimum 60 min → 2 000,00 Kč
// and submits them, seeing each priced as in the example (prices are in a technician's
// field scope, costs are not); the manager checks them too, approves both in bulk and
// exports the approved records as CSV. On a phone the technician logs travel with a
// decimal comma and uses the timer (it survives a reload; a second one is refused).
// Screenshots: a temp folder, kept when a test fails or KONTOR_E2E_SCREENSHOTS names one.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { buildServices } from '../../src/app.ts';
import { DEMO_PASSWORD, seedDemo } from '../../src/cli/demo-data.ts';
import { defaultConfig, type Config } from '../../src/config/index.ts';
import { systemContext } from '../../src/modules/identity/index.ts';
import { prepareDatabase, serve, type Running } from '../../src/main.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { openDatabase } from '../../src/platform/db/index.ts';
import { launchBrowser, type TestBrowser } from '../browser.ts';

const WEB_DIR = resolve(import.meta.dirname, '../../dist/web');
const CLIENT = 'Strojírny Brno a.s.';
const SUBJECT = `E2E: oprava linky ${Date.now().toString(36)}`;
const STEP_MS = 15_000;
const JOURNEY_MS = 50_000;

let workDir = '';
let shotsDir = '';
let keepShots = !!process.env.KONTOR_E2E_SCREENSHOTS;
let running: Running | undefined;
let baseUrl = '';
let ticketId = 0;
let otherTicketId = 0;
const browsers: TestBrowser[] = [];
let currentPage: Page | undefined;
let shotNo = 0;

async function shot(page: Page, name: string): Promise<void> {
  const file = join(shotsDir, `${String(++shotNo).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: false, timeout: STEP_MS });
}

async function newPage(options: Parameters<typeof launchBrowser>[0] = {}): Promise<Page> {
  const browser = await launchBrowser({
    ...options,
    context: { locale: 'cs-CZ', timezoneId: 'Europe/Prague', baseURL: baseUrl, acceptDownloads: true, ...options.context },
  });
  browsers.push(browser);
  const page = browser.context.pages()[0] ?? (await browser.newPage());
  page.setDefaultTimeout(STEP_MS);
  page.setDefaultNavigationTimeout(STEP_MS);
  currentPage = page;
  return page;
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/');
  await page.getByTestId('signin-email').fill(email);
  await page.getByTestId('signin-password').fill(DEMO_PASSWORD);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

/** Intl puts (narrow) no-break spaces between thousands and before "Kč". */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').trim();

/** Logs a work entry with the ticket's form and returns the new record's id. */
async function logWork(page: Page, date: string, start: string, minutes: string, workType?: string): Promise<number> {
  await page.getByTestId('record-date').fill(date);
  await page.getByTestId('record-startTime').fill(start);
  await page.getByTestId('record-duration').fill(minutes);
  if (workType) {
    await page.getByTestId('record-workTypeId').click();
    await page.getByRole('option', { name: workType }).click();
  }
  await page.getByTestId('record-description').fill(`Oprava linky ${date}`);
  await page.getByTestId('record-save').click();
  const row = page.locator(`[data-testid^="record-row-"][data-date="${date}"]`);
  await row.waitFor();
  await expect.poll(() => page.getByTestId('record-duration').inputValue()).toBe('');
  return Number((await row.getAttribute('data-testid'))?.replace('record-row-', ''));
}

beforeAll(async () => {
  if (!existsSync(join(WEB_DIR, 'index.html'))) {
    throw new Error(`The web app is not built: ${WEB_DIR}/index.html is missing. Run \`npm run build:web\` first (npm test does).`);
  }
  workDir = await mkdtemp(join(tmpdir(), 'kontor-e2e-records-'));
  shotsDir = process.env.KONTOR_E2E_SCREENSHOTS ?? join(workDir, 'screenshots');
  await mkdir(shotsDir, { recursive: true });
  const config: Config = {
    ...defaultConfig,
    db: join(workDir, 'kontor.db'),
    host: '127.0.0.1',
    port: 0,
    logLevel: 'silent',
    argon2MemoryKib: 1024,
    webDir: WEB_DIR,
    storageDir: join(workDir, 'files'),
  };
  const database = openDatabase(config.db);
  try {
    await prepareDatabase(database.db);
    const services = buildServices({ config, database, clock: systemClock });
    await seedDemo(services);
    // A fresh ticket of Strojírny Brno in the service desk (the demo technician is a member).
    const client = await database.db.selectFrom('clients').select('id').where('name', '=', CLIENT).executeTakeFirstOrThrow();
    const ticket = (subject: string) => services.tickets.create(systemContext, {
      subject, description: 'Linka 3 stojí.', typeCode: 'incident', clientId: client.id, requesterContactId: null,
      impact: 'medium', urgency: 'medium', tags: [], custom: {}, dimensions: {}, watcherUserIds: [], watcherContactIds: [],
    });
    ticketId = (await ticket(SUBJECT)).id;
    otherTicketId = (await ticket(`${SUBJECT} (2)`)).id;
    running = await serve(config, { database, onSignal: false });
  } catch (err) {
    if (!running) await database.close();
    throw err;
  }
  baseUrl = running.url;
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    keepShots = true;
    if (currentPage && !currentPage.isClosed()) await shot(currentPage, `FAILED-${ctx.task.name.replace(/\W+/g, '-')}`).catch(() => {});
  }
});

afterAll(async () => {
  for (const browser of browsers) await browser.close().catch(() => {});
  await running?.stop().catch(() => {});
  if (keepShots && shotsDir) console.warn(`e2e screenshots: ${shotsDir}`);
  if (workDir) {
    if (keepShots && !process.env.KONTOR_E2E_SCREENSHOTS) for (const f of ['kontor.db', 'kontor.db-wal', 'kontor.db-shm']) await rm(join(workDir, f), { force: true });
    else await rm(workDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
  }
});

describe('Records: log, price, submit, approve, export', () => {
  const ids: number[] = [];

  test('technician logs example A on the ticket, sees it priced and submits it', async () => {
    const page = await newPage();
    await signIn(page, 'technician@kontor.demo');
    await page.goto(`/tickets/${ticketId}`);
    await page.getByTestId('records-panel').waitFor();
    await page.getByTestId('records-empty').waitFor();

    ids.push(await logWork(page, '2026-10-12', '18:30', '100', 'On-site'));
    ids.push(await logWork(page, '2026-10-28', '10:00', '45'));
    expect(ids.every((id) => id > 0), String(ids)).toBe(true);

    // Rounded to the 15-minute increment; the minimum of 60 min on the holiday.
    expect(await page.getByTestId(`record-minutes-${ids[0]}`).innerText()).toContain('1 h 40 min → účtováno 1 h 45 min');
    expect(await page.getByTestId(`record-minutes-${ids[1]}`).innerText()).toContain('45 min → účtováno 1 h');
    // The technician sees each record priced as in BILLING.md example A (prices, not costs, are in their field scope).
    await page.getByTestId(`record-amount-${ids[0]}`).waitFor();
    expect(plain(await page.getByTestId(`record-amount-${ids[0]}`).innerText())).toBe('2 625,00 Kč');
    expect(plain(await page.getByTestId(`record-amount-${ids[1]}`).innerText())).toBe('2 000,00 Kč');
    await shot(page, 'technician-logged');

    await page.getByTestId('records-submit-all').click();
    for (const id of ids) await expect.poll(() => page.getByTestId(`record-state-${id}`).getAttribute('data-state'), { timeout: STEP_MS }).toBe('submitted');
  }, JOURNEY_MS);

  test('manager sees the prices, approves both in bulk and exports them as CSV', async () => {
    expect(ids, 'the technician logs the records first').toHaveLength(2);
    const page = await newPage();
    await signIn(page, 'manager@kontor.demo');
    await page.goto(`/tickets/${ticketId}`);
    await page.getByTestId(`record-amount-${ids[0]}`).waitFor();
    expect(plain(await page.getByTestId(`record-amount-${ids[0]}`).innerText())).toBe('2 625,00 Kč');
    expect(plain(await page.getByTestId(`record-amount-${ids[1]}`).innerText())).toBe('2 000,00 Kč');
    expect(plain(await page.getByTestId('records-totals').innerText())).toContain('4 625,00 Kč');
    await shot(page, 'manager-ticket-prices');

    // The approval queue: both submitted records, approved together.
    await page.getByTestId('nav-approvals').click();
    await page.getByTestId('page-approvals').waitFor();
    for (const id of ids) await page.getByTestId(`approvals-check-${id}`).check();
    await shot(page, 'approvals-selected');
    await page.getByTestId('approvals-approve').click();
    for (const id of ids) await expect.poll(() => page.getByTestId(`approvals-row-${id}`).count(), { timeout: STEP_MS }).toBe(0);

    // The approved ones, exported with the filters of the page.
    await page.getByTestId('approvals-filter-state').click();
    await page.getByRole('option', { name: 'Schváleno' }).click();
    for (const id of ids) await expect.poll(() => page.getByTestId(`approvals-state-${id}`).getAttribute('data-state'), { timeout: STEP_MS }).toBe('approved');
    await shot(page, 'approvals-approved');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('approvals-export-csv').click()]);
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.split(/\r?\n/);
    expect(lines[0]).toContain('Datum;Začátek;Technik');
    const row = (date: string) => lines.find((l) => l.startsWith(`${date};`)) ?? '';
    expect(row('2026-10-12')).toMatch(/;Tomáš Technik;Strojírny Brno a\.s\.;T\d{4}-\d+;práce;On-site;.*;100;105;.*;schváleno;2625,00;/);
    expect(row('2026-10-28')).toMatch(/;Tomáš Technik;Strojírny Brno a\.s\.;T\d{4}-\d+;práce;On-site;.*;45;60;.*;schváleno;2000,00;/);
  }, JOURNEY_MS);

  test('phone (390×844): travel with a decimal comma, a timer that survives a reload and refuses a second one', async () => {
    const page = await newPage({ context: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } });
    await signIn(page, 'technician@kontor.demo');
    await page.goto(`/tickets/${ticketId}`);
    await page.getByTestId('records-panel').waitFor();

    await page.getByTestId('record-kind-travel').click();
    await page.getByTestId('record-km').fill('36,5');
    await page.getByTestId('record-duration').fill('40');
    await page.getByTestId('record-save').click();
    const travel = page.locator('[data-testid^="record-row-"][data-kind="travel"]');
    await travel.waitFor();
    expect(await travel.innerText()).toContain('36,5 km');
    // No sideways scrolling on the phone (the server's tsconfig has no DOM types: the page measures itself).
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);

    // The server keeps the timer: after a reload it still runs here.
    await page.getByTestId('timer-start').click();
    await page.getByTestId('timer-elapsed').waitFor();
    await page.reload();
    await page.getByTestId('timer-elapsed').waitFor();
    await page.getByTestId('records-panel').scrollIntoViewIfNeeded();
    await shot(page, 'phone-timer');

    // A second timer on another ticket: the server's 409 names the running one.
    await page.goto(`/tickets/${otherTicketId}`);
    await expect.poll(() => page.getByTestId('timer').getAttribute('data-running'), { timeout: STEP_MS }).toBe('elsewhere');
    await page.getByTestId('timer-start').click();
    const number = await page.getByTestId('timer-elsewhere').locator('a').innerText();
    await expect.poll(() => page.getByTestId('timer-error').innerText(), { timeout: STEP_MS }).toContain(number);
    await shot(page, 'phone-timer-refused');

    // Back on the ticket, the timer is discarded.
    await page.goto(`/tickets/${ticketId}`);
    await page.getByTestId('timer-discard').click();
    await page.getByTestId('timer-start').waitFor();
  }, JOURNEY_MS);
});
