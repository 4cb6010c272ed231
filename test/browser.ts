// A real browser for tests: playwright-core driving Debian's chromium (never a
// downloaded browser). One chromium serves many isolated pages: each browser context
// has its own cookies and storage, as a fresh profile does.
//
//   const browser = await launchChromium();
//   try {
//     const context = await browser.newContext({ viewport: DEFAULT_VIEWPORT });
//     const page = await context.newPage();
//     await page.goto(url);
//   } finally {
//     await browser.close();
//   }
import { chromium, type Browser } from 'playwright-core';

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
 * Debian's chromium, headless, with the closed-network flags. A new context
 * (`browser.newContext()`) costs a fraction of starting chromium again.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS] });
}
