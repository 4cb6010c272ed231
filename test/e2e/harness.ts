// The shared frame of every browser journey: Kontor started with serve() on
// 127.0.0.1:0 over a fresh SQLite file seeded like `kontor demo`, the built web app
// from dist/web (KONTOR_WEB_DIR points elsewhere, e.g. a private build while others
// rebuild dist/web), and Debian Chromium through playwright-core.
//
// Call useDemoServer() at the top of a test file: it registers the hooks that start
// the server before the tests, take a screenshot of the page in use when a test
// fails, and stop everything after. Screenshots go to a temp folder, kept when a
// test fails or when KONTOR_E2E_SCREENSHOTS names a folder.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { buildServices, type Services } from '../../src/app.ts';
import { DEMO_PASSWORD, seedDemo } from '../../src/cli/demo-data.ts';
import { defaultConfig, type Config } from '../../src/config/index.ts';
import { prepareDatabase, serve, type Running } from '../../src/main.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { openDatabase, type Db } from '../../src/platform/db/index.ts';
import { DEFAULT_VIEWPORT, launchChromium } from '../browser.ts';

export const WEB_DIR = process.env.KONTOR_WEB_DIR ?? resolve(import.meta.dirname, '../../dist/web');

export interface DemoServerOptions {
  /** Short name for the temp folder. */
  name: string;
  /** Bound for a single wait (a locator, a navigation). */
  stepMs?: number;
  /** Settings over the test defaults (e.g. no mail server). */
  config?: Partial<Config>;
  /** Extra data after the demo seed, before the server starts. */
  seed?: (services: Services, db: Db) => Promise<void>;
  /**
   * Pages stay open until the file ends (for a file whose tests carry a page from one to the
   * next). By default each test's pages are closed when it ends: open pages keep polling, and
   * the later tests of a long file would run beside every earlier one.
   */
  keepPagesAcrossTests?: boolean;
}

export interface DemoServer {
  readonly baseUrl: string;
  /**
   * A page in a browser context of its own (own cookies and storage, as a fresh profile),
   * Czech locale, Prague time, pointed at the server. The file's pages share one chromium.
   */
  newPage(options?: { context?: BrowserContextOptions }): Promise<Page>;
  /** Signs in on the page with a demo user's e-mail. */
  signIn(page: Page, email: string): Promise<void>;
  /** Saves a numbered screenshot of the page. */
  shot(page: Page, name: string): Promise<void>;
}

export function useDemoServer(options: DemoServerOptions): DemoServer {
  const stepMs = options.stepMs ?? 10_000;
  let workDir = '';
  let shotsDir = '';
  let keepShots = !!process.env.KONTOR_E2E_SCREENSHOTS;
  let running: Running | undefined;
  let baseUrl = '';
  let chromium: Promise<Browser> | undefined;
  /** The contexts the running test opened (closed when it ends, see keepPagesAcrossTests). */
  const testContexts: BrowserContext[] = [];
  let currentPage: Page | undefined;
  let shotNo = 0;

  async function shot(page: Page, name: string): Promise<void> {
    const file = join(shotsDir, `${String(++shotNo).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file, fullPage: false, timeout: stepMs });
  }

  async function newPage(options: { context?: BrowserContextOptions } = {}): Promise<Page> {
    chromium ??= launchChromium();
    const context = await (await chromium).newContext({
      viewport: DEFAULT_VIEWPORT,
      locale: 'cs-CZ',
      timezoneId: 'Europe/Prague',
      baseURL: baseUrl,
      acceptDownloads: true,
      ...options.context,
    });
    testContexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(stepMs);
    page.setDefaultNavigationTimeout(stepMs);
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

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIR, 'index.html'))) {
      throw new Error(`The web app is not built: ${WEB_DIR}/index.html is missing. Run \`npm run build:web\` first (npm test does).`);
    }
    workDir = await mkdtemp(join(tmpdir(), `kontor-e2e-${options.name}-`));
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
      ...options.config,
    };
    const database = openDatabase(config.db);
    try {
      await prepareDatabase(database.db);
      const services = buildServices({ config, database, clock: systemClock });
      await seedDemo(services);
      await options.seed?.(services, database.db);
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
    if (!options.keepPagesAcrossTests) for (const context of testContexts.splice(0)) await context.close().catch(() => {});
  });

  afterAll(async () => {
    await chromium?.then((browser) => browser.close()).catch(() => {});
    await running?.stop().catch(() => {});
    if (keepShots && shotsDir) console.warn(`e2e screenshots: ${shotsDir}`);
    if (workDir) {
      if (keepShots && !process.env.KONTOR_E2E_SCREENSHOTS) for (const f of ['kontor.db', 'kontor.db-wal', 'kontor.db-shm']) await rm(join(workDir, f), { force: true });
      else await rm(workDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
    }
  });

  return {
    get baseUrl() {
      return baseUrl;
    },
    newPage,
    signIn,
    shot,
  };
}

/** Intl puts (narrow) no-break spaces between thousands and before "Kč"; tests compare plain spaces. */
export const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').trim();

/**
 * Types into a date or month field as a user does: clicks it, selects what it shows,
 * types the new text and leaves the field with Tab. The journeys run in Czech: dates
 * as "12. 10. 2026" (see czechDate), months as "10/2026" (see czechMonth).
 */
export async function typeInto(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

/** '2026-10-02' → "2. 10. 2026", a date as a Czech user types it. */
export const czechDate = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d}. ${m}. ${y}`;
};

/** '2026-10' → "10/2026", a month as a Czech user types it. */
export const czechMonth = (period: string): string => {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return `${m}/${y}`;
};

/** As a manager: runs billing for the period from the billing page and waits until the run has completed. */
export async function runBilling(page: Page, period: string): Promise<void> {
  await page.getByTestId('nav-billing').click();
  await page.getByTestId('page-billing').waitFor();
  await typeInto(page, 'run-period', czechMonth(period));
  await page.getByTestId('run-start').click();
  await page.getByTestId('page-billing-run').waitFor();
  await expect.poll(() => page.getByTestId('page-billing-run').getAttribute('data-state'), { timeout: 60_000, interval: 500 }).toBe('completed');
}

/**
 * A JSON call with the browser's session (cookies and CSRF token): setup a journey needs, or
 * someone else's change made while a page is open. A refusal fails the test with its answer.
 */
export async function apiCall<T>(page: Page, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const me = await page.request.get('/api/v1/auth/me');
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const response = await page.request.fetch(`/api/v1${path}`, { method, headers: { 'x-csrf-token': csrfToken }, data: body });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** The element lies wholly inside the screen's width (not cut off at the right edge). */
export async function expectOnScreen(locator: Locator, width: number): Promise<void> {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  expect(box, 'the element has a box').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, JSON.stringify(box)).toBeLessThanOrEqual(width);
}

/** The test id of the focused element (the string runs in the page; the test's TypeScript setup has no DOM types). */
export const focusedTestId = (page: Page) => page.evaluate<string | null>('document.activeElement?.getAttribute("data-testid") ?? null');

/** Whether the middle of the element is what the window shows there, not something drawn over it (an open list). */
export const uncovered = (locator: Locator) =>
  locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const top = el.ownerDocument.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return top !== null && el.contains(top);
  });

/**
 * Whether no shade an enclosing box lays over itself (a visible ::before or ::after placed absolutely,
 * e.g. a scroll shadow) lies over the element. Such a shade lets clicks through (pointer-events: none),
 * so elementFromPoint, and with it uncovered(), does not see it.
 */
export const underNoShade = (locator: Locator) =>
  locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const view = el.ownerDocument.defaultView!;
    for (let host = el.parentElement; host; host = host.parentElement) {
      if (view.getComputedStyle(host).position === 'static') continue;
      const hostBox = host.getBoundingClientRect();
      for (const pseudo of ['::before', '::after']) {
        const shade = view.getComputedStyle(host, pseudo);
        if (shade.content === 'none' || shade.display === 'none' || !['absolute', 'fixed'].includes(shade.position) || Number(shade.opacity) === 0) continue;
        const left = hostBox.left + parseFloat(shade.left);
        const top = hostBox.top + parseFloat(shade.top);
        const width = parseFloat(shade.width);
        const height = parseFloat(shade.height);
        if (left < box.right && left + width > box.left && top < box.bottom && top + height > box.top) return false;
      }
    }
    return true;
  });
