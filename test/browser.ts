// A real browser for tests: playwright-core driving Debian's chromium (never a
// downloaded browser). Each launch gets a fresh profile folder, removed on close.
//
//   const browser = await launchBrowser();
//   try {
//     const page = await browser.newPage();
//     await page.goto(url);
//   } finally {
//     await closeBrowser(browser);
//   }
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** Flags for chromium in a closed network, as root, in a container (see STACK-NOTES). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function chromiumPath(): string {
  return process.env.KONTOR_TEST_CHROMIUM ?? '/usr/bin/chromium';
}

/** The window size every test page starts with unless its context options say otherwise. */
export const DEFAULT_VIEWPORT = { width: 1280, height: 800 } as const;

/**
 * One chromium for many isolated pages: each `browser.newContext()` has its own cookies and
 * storage, as a fresh profile does, and costs a fraction of starting chromium again.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS] });
}

export interface TestBrowser {
  /** The (persistent) browser context: cookies and storage live here. */
  readonly context: BrowserContext;
  /** The fresh profile folder, deleted by close(). */
  readonly userDataDir: string;
  newPage(): Promise<Page>;
  /** Closes the browser and deletes its profile folder. Safe to call twice. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Context options passed to playwright (viewport, locale, timezoneId, baseURL, ...). */
  context?: BrowserContextOptions;
  /** Extra chromium command-line flags. */
  args?: string[];
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<TestBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'kontor-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath(),
      headless: true,
      args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
      viewport: DEFAULT_VIEWPORT,
      ...options.context,
    });
  } catch (err) {
    await rm(userDataDir, { recursive: true, force: true });
    throw err;
  }
  let closed: Promise<void> | undefined;
  return {
    context,
    userDataDir,
    newPage: () => context.newPage(),
    close: () => {
      closed ??= (async () => {
        try {
          await context.close();
        } finally {
          await rm(userDataDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
        }
      })();
      return closed;
    },
  };
}

/** Closes the browser and removes its profile folder. */
export async function closeBrowser(browser: TestBrowser | undefined): Promise<void> {
  await browser?.close();
}
