// E-mailing many invoices at once in a real browser, against a real server seeded like `kontor demo`:
// the manager runs October 2026, issues all drafts, then "Send all by e-mail" — with the keyboard —
// and watches "k of N" while the server sends, hides the dialog (the button keeps counting), and
// gets the report. The answer's lines are slowed down in the page (as on a slow network) so each
// step of the progress can be seen; the server and the streaming are the real ones.
//
//   npx vite build --config web/vite.config.ts --outDir /tmp/kweb/web --emptyOutDir
//   KONTOR_WEB_DIR=/tmp/kweb/web npx vitest run test/e2e/documents-bulk-send.e2e.test.ts
import { describe, expect, test } from 'vitest';
import type { Db } from '../../src/platform/db/index.ts';
import { plain, runBilling, useDemoServer } from './harness.ts';

const JOURNEY_MS = 120_000;
const PERIOD = '2026-10';
/** Pause between the answer's lines in the page, so "k of N" stays on screen long enough to read. */
const LINE_DELAY_MS = 700;

let db: Db | undefined;
const server = useDemoServer({ name: 'bulk-send', stepMs: 20_000, seed: async (_services, database) => { db = database; } });

describe('Billing: e-mailing the invoices just issued, with progress', () => {
  test('the manager issues October, sends all by e-mail from the keyboard and sees k of N, then the report', async () => {
    if (!db) throw new Error('the demo database is not open');
    const page = await server.newPage();
    // Deliver the bulk send's JSON lines one by one, with a pause before each.
    await page.addInitScript((delay: number) => {
      // The page's own fetch (typed by Node's, which has the same shape: this file is compiled without the DOM library).
      const win = globalThis as unknown as { fetch: typeof fetch };
      const realFetch = win.fetch.bind(globalThis);
      win.fetch = async (input, init) => {
        const response = await realFetch(input, init);
        if (!String(input).endsWith('/invoices/send') || !response.ok || !response.body) return response;
        const reader = response.body.getReader();
        const encoder = new TextEncoder();
        const decoder = new TextDecoder();
        let rest = '';
        const slowed = new ReadableStream<Uint8Array>({
          async pull(controller) {
            for (;;) {
              const cut = rest.indexOf('\n');
              if (cut >= 0) {
                await new Promise((r) => setTimeout(r, delay));
                controller.enqueue(encoder.encode(rest.slice(0, cut + 1)));
                rest = rest.slice(cut + 1);
                return;
              }
              const { done, value } = await reader.read();
              if (done) {
                if (rest) controller.enqueue(encoder.encode(rest));
                controller.close();
                return;
              }
              rest += decoder.decode(value, { stream: true });
            }
          },
        });
        return new Response(slowed, { status: response.status, headers: response.headers });
      };
    }, LINE_DELAY_MS);
    await server.signIn(page, 'manager@kontor.demo');

    await runBilling(page, PERIOD);
    await page.getByTestId('issue-all-button').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('issue-report').waitFor({ timeout: 60_000 });
    const issued = await db.selectFrom('invoices').select('id').where('period', '=', PERIOD).where('state', '=', 'issued').execute();
    expect(issued.length).toBeGreaterThanOrEqual(3);
    const total = issued.length;

    // From the keyboard: focus the button, Enter opens the dialog, whose "Send" has the focus; Enter sends.
    await page.getByTestId('send-all-button').focus();
    await page.keyboard.press('Enter');
    // By its title: the issue dialog before it may still be leaving the page (its closing transition).
    const dialog = page.getByRole('dialog', { name: /Odeslat doklady e-mailem/ });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByTestId('confirm-ok').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('Enter');

    const progress = page.getByTestId('bulk-send-progress');
    await progress.getByRole('status').filter({ hasText: `Odesílám… 1 z ${total}` }).waitFor();
    expect(Number(await progress.getByRole('progressbar').getAttribute('aria-valuenow'))).toBeCloseTo(100 / total, 1);
    await server.shot(page, 'bulk-send-progress');
    await progress.getByRole('status').filter({ hasText: `Odesílám… 2 z ${total}` }).waitFor();

    // Hidden with Escape, the sending goes on and the button keeps counting.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('send-all-button').innerText()).toMatch(new RegExp(`Odesílám… \\d+ z ${total}`));

    const result = page.getByTestId('bulk-send-result');
    await result.waitFor({ timeout: 30_000 });
    const sent = await db.selectFrom('invoices').select('id').where('id', 'in', issued.map((i) => i.id)).where('state', '=', 'sent').execute();
    expect(plain(await result.innerText())).toContain(`Odesláno e-mailem: ${sent.length}`);
    expect(sent.length).toBeGreaterThan(0);
    expect(plain(await page.getByTestId('send-all-button').innerText())).toBe('Odeslat vše e-mailem');
    await server.shot(page, 'bulk-send-report');
  }, JOURNEY_MS);
});
