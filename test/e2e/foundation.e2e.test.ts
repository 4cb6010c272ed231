// The Foundation journey in a real browser against a real server (no inject):
// Kontor started with serve() on 127.0.0.1:0, a fresh SQLite file seeded like
// `kontor demo`, the built web app from dist/web, chromium via playwright-core.
//
//   npm run build:web && npx vitest run test/e2e
//
// Screenshots of key steps go to a temp folder; it is kept (and its path
// printed) when a test fails or when KONTOR_E2E_SCREENSHOTS names a folder.
import type { ConsoleMessage, Locator, Page, Response as PwResponse } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '../../src/cli/demo-data.ts';
import { useDemoServer } from './harness.ts';

const ADMIN = 'admin@kontor.demo';
const CLIENT_NAME = 'Testovací Servis E2E s.r.o.';
const BAD_ICO = '12345678'; // check digit should be 9
const GOOD_ICO = '27074358';
/** Bound for a single wait (a locator, a navigation); JOURNEY_MS bounds a whole test. */
const STEP_MS = 10_000;
/** Bound for one browser test: generous for a busy 2-core machine running other test files beside this one. */
const JOURNEY_MS = 45_000;

/** The Czech/Slovak IČO rule: weights 8..2 over the first 7 digits, check = (11 − sum mod 11) mod 10. */
function icoCheckDigitOk(ico: string): boolean {
  if (!/^\d{8}$/.test(ico)) return false;
  const d = [...ico].map(Number);
  const sum = d.slice(0, 7).reduce((s, x, i) => s + x * (8 - i), 0);
  return (11 - (sum % 11)) % 10 === d[7];
}

const demo = useDemoServer({ name: 'foundation', stepMs: STEP_MS });
const { shot } = demo;
const newPage = (options: Parameters<typeof demo.newPage>[0] = {}) => demo.newPage({ ...options, context: { locale: 'en-US', ...options?.context } });

async function signIn(page: Page, password: string): Promise<void> {
  await page.getByTestId('signin-email').fill(ADMIN);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
}

/** Whether any of the element lies inside the window (a collapsed Mantine navbar is only moved off screen). */
async function inViewport(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const view = locator.page().viewportSize();
  if (!box || !view || box.width === 0 || box.height === 0) return false;
  return box.x + box.width > 0 && box.y + box.height > 0 && box.x < view.width && box.y < view.height;
}

async function expectInvalid(input: Locator, invalid: boolean): Promise<void> {
  if (invalid) await expect.poll(() => input.getAttribute('aria-invalid'), { timeout: STEP_MS }).toBe('true');
  else await expect.poll(() => input.getAttribute('aria-invalid'), { timeout: STEP_MS }).not.toBe('true');
}

describe('Foundation journey in the browser', () => {
  let clientId = 0;

  test('the IČO numbers of the journey follow the checksum rule', () => {
    expect(icoCheckDigitOk(BAD_ICO)).toBe(false);
    expect(icoCheckDigitOk(GOOD_ICO)).toBe(true);
  });

  test('desktop: sign in, language, new client with IČO check, detail, audit entry, chain verified', async () => {
    const page = await newPage();
    // Nobody signed in is a normal state: asking who is, the page gets no refusal, and the console shows no error.
    const problems: string[] = [];
    const onResponse = (r: PwResponse) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); };
    const onConsole = (m: ConsoleMessage) => { if (m.type() === 'error') problems.push(m.text()); };
    page.on('response', onResponse);
    page.on('console', onConsole);
    const probe = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/auth/session');
    await page.goto('/');
    // Not signed in: the guard shows the sign-in page (browser language: English).
    await expect.poll(() => page.url()).toMatch(/\/sign-in/);
    await page.getByTestId('signin-form').waitFor();
    page.off('response', onResponse);
    page.off('console', onConsole);
    expect(problems).toEqual([]);
    expect(await (await probe).json()).toEqual({ user: null, csrfToken: null });

    // Wrong password: an error, still on the sign-in page.
    await signIn(page, 'Not-The-Password-1');
    const error = page.getByTestId('signin-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('The e-mail or password is not correct.');
    await shot(page, 'signin-error');
    expect(page.url()).toMatch(/\/sign-in/);

    // The right password: the shell, in the user's language (cs).
    await signIn(page, DEMO_PASSWORD);
    await page.getByTestId('user-menu').waitFor();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('cs');

    // User menu → English, then → Czech.
    await page.getByTestId('user-menu').click();
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await expect.poll(() => page.getByTestId('nav-clients').innerText()).toContain('Clients');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('lang-cs').click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('cs');
    await expect.poll(() => page.getByTestId('nav-clients').innerText()).toContain('Klienti');
    await expect.poll(() => page.getByTestId('nav-audit').innerText()).toContain('Auditní log');

    // Clients → new client.
    await page.getByTestId('nav-clients').click();
    await page.getByTestId('page-clients').waitFor();
    await page.getByTestId('clients-table').getByText('Strojírny Brno a.s.').waitFor();
    // Every page names itself in the browser title, in the user's language.
    await expect.poll(() => page.title()).toBe('Klienti · Kontor');
    await page.getByTestId('clients-new').click();
    await page.getByTestId('client-form').waitFor();
    await page.getByTestId('client-name').fill(CLIENT_NAME);
    const ico = page.getByTestId('client-companyId');
    await ico.fill(BAD_ICO);
    await page.getByTestId('client-registeredAddress.street').fill('Kounicova 42');
    await page.getByTestId('client-registeredAddress.city').fill('Brno');
    await page.getByTestId('client-registeredAddress.postalCode').fill('602 00');
    await page.getByTestId('client-save').click();

    // The server refuses the IČO; the error sits on the field, in Czech.
    const icoError = page.getByTestId('client-companyId-error');
    await icoError.waitFor();
    expect(await icoError.textContent()).toBe('Neplatné IČO (nesouhlasí kontrolní číslice)');
    await expectInvalid(ico, true);
    expect(await ico.getAttribute('aria-describedby')).toContain(await icoError.getAttribute('id'));
    expect(page.url()).toMatch(/\/clients\/new$/);
    await shot(page, 'client-invalid-ico');

    // Fix it and save: the detail page of the new client.
    await ico.fill(GOOD_ICO);
    await expectInvalid(ico, false);
    await page.getByTestId('client-save').click();
    await page.getByTestId('page-client-detail').waitFor();
    await expect.poll(() => page.getByTestId('client-detail-name').textContent()).toBe(CLIENT_NAME);
    const match = /\/clients\/(\d+)$/.exec(new URL(page.url()).pathname);
    expect(match, `client detail URL: ${page.url()}`).not.toBeNull();
    clientId = Number(match![1]);
    await page.getByText(GOOD_ICO, { exact: true }).first().waitFor();
    await expect.poll(() => page.title()).toBe(`${CLIENT_NAME} · Kontor`);
    await shot(page, 'client-detail');

    // Audit log: the client's creation, named by the client's name, with the name in its detail.
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('page-audit').waitFor();
    const row = page
      .locator('[data-testid^="audit-row-"][data-entity="client"][data-action="create"]')
      .filter({ has: page.getByTestId('audit-entity-label').getByText(CLIENT_NAME, { exact: true }) });
    await row.waitFor();
    expect(await row.count()).toBe(1);
    const auditId = (await row.getAttribute('data-testid'))!.replace('audit-row-', '');
    await row.click();
    await expect.poll(() => page.getByTestId(`audit-diff-${auditId}`).innerText()).toContain(CLIENT_NAME);

    // Verify the hash chain.
    await page.getByTestId('audit-verify').click();
    const verdict = page.getByTestId('audit-verify-result');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-ok')).toBe('true');
    expect(await verdict.textContent()).toContain('Řetězec neporušen');
    await shot(page, 'audit-verified');

    // The tickets list and a ticket are named in the browser title: the list by its name, a ticket by its number and subject.
    await page.getByTestId('nav-tickets').click();
    await page.getByTestId('page-tickets').waitFor();
    await expect.poll(() => page.title()).toBe('Požadavky · Kontor');
    await page.goto('/tickets/1');
    await page.getByTestId('page-ticket-detail').waitFor();
    const ticketNumber = await page.getByTestId('ticket-number').textContent();
    const ticketSubject = await page.getByTestId('ticket-subject').textContent();
    expect(ticketNumber).toMatch(/^T\d{4}-\d{6}$/);
    await expect.poll(() => page.title()).toBe(`${ticketNumber} ${ticketSubject} · Kontor`);
 
  }, JOURNEY_MS);

  test('phone (390×844): the burger opens the navigation; clients, the new client and the audit log', async () => {
    expect(clientId, 'the desktop journey creates the client').toBeGreaterThan(0);
    const page = await newPage({ context: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } });
    await page.goto('/');
    await page.getByTestId('signin-form').waitFor();
    await signIn(page, DEMO_PASSWORD);
    const burger = page.getByTestId('nav-burger');
    await burger.waitFor();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('cs');

    // Navigation hidden until the burger opens it.
    const navClients = page.getByTestId('nav-clients');
    expect(await burger.getAttribute('aria-label')).toBe('Otevřít navigaci');
    expect(await inViewport(navClients)).toBe(false);
    await burger.click();
    await expect.poll(() => inViewport(navClients), { timeout: STEP_MS }).toBe(true);
    await shot(page, 'phone-nav-open');
    await navClients.click();
    await page.getByTestId('page-clients').waitFor();
    // Choosing an item closes the navigation again.
    await expect.poll(() => inViewport(navClients), { timeout: STEP_MS }).toBe(false);

    await page.getByTestId('clients-search').fill('E2E');
    await page.getByTestId(`clients-row-${clientId}`).waitFor();
    await shot(page, 'phone-clients');
    await page.getByTestId(`clients-row-${clientId}`).getByText(CLIENT_NAME).click();
    await expect.poll(() => page.getByTestId('client-detail-name').textContent()).toBe(CLIENT_NAME);
    await shot(page, 'phone-client-detail');

    await burger.click();
    await expect.poll(() => inViewport(page.getByTestId('nav-audit')), { timeout: STEP_MS }).toBe(true);
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('page-audit').waitFor();
    await page.locator(`[data-entity="client"][data-action="create"]`).filter({ has: page.getByTestId('audit-entity-label').getByText(CLIENT_NAME, { exact: true }) }).waitFor();
    await page.getByTestId('audit-verify').click();
    await expect.poll(() => page.getByTestId('audit-verify-result').getAttribute('data-ok')).toBe('true');
    await shot(page, 'phone-audit');
 
  }, JOURNEY_MS);

  test('client contact: their own home, and the ticket link of a notification says the portal is not built yet', async () => {
    const page = await demo.newPage();
    await demo.signIn(page, 'client@kontor.demo');
    await page.getByTestId('page-dashboard').waitFor();
    expect(await page.getByTestId('page-dashboard').innerText()).toContain('Klientský portál zatím není hotový');
    // The link in every client e-mail: /tickets/<id>.
    await page.goto('/tickets/1');
    await page.getByTestId('page-client-portal-pending').waitFor();
    expect(await page.getByTestId('page-forbidden').count()).toBe(0);
    await shot(page, 'client-ticket-link');
  }, JOURNEY_MS);

  test('the OpenAPI docs page /api/docs loads', async () => {
    // Swagger UI renders the whole spec in the page: a few seconds on a small machine.
    const page = await newPage();
    // The whole API (a hundred operations) is rendered in the browser: allow for a loaded machine.
    page.setDefaultTimeout(STEP_MS * 4);
    const response = await page.goto('/api/docs');
    expect(response?.ok()).toBe(true);
    const title = page.locator('.swagger-ui .info .title');
    await title.waitFor();
    expect(await title.innerText()).toContain('Kontor API');
    await page.locator('.swagger-ui .opblock-tag-section').first().waitFor();
    await shot(page, 'api-docs');
 
  }, JOURNEY_MS * 2);
});
