// Accessibility of the main screens in a real browser: Kontor started with serve()
// on 127.0.0.1:0 over a fresh demo database, the built web app, chromium via
// playwright-core, and axe-core injected into each page.
//
//   npm run build:web && KONTOR_TEST_CHROMIUM=/usr/bin/chromium npx vitest run test/e2e/accessibility.e2e.test.ts
//
// Each role visits the screens it works in, in Czech, in the light and the dark colour
// scheme, and axe checks them against
// WCAG 2 A and AA; a violation of impact "serious" or "critical" fails the test with
// its rule, the element (CSS selector) and the page. The ticket list is also worked
// with the keyboard alone, and every dialog opened here must close with Escape and
// give the focus back to the button that opened it.
//
// Left out (someone else is reworking them): admin/process, queues, SLA, catalog,
// pricing and clients pages.
import axe from 'axe-core';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { systemContext } from '../../src/modules/identity/index.ts';
import { useDemoServer } from './harness.ts';

const STEP_MS = 15_000;
const JOURNEY_MS = 120_000;

const demo = useDemoServer({
  name: 'accessibility',
  stepMs: STEP_MS,
  // Operators see tickets only in their queues: the demo operator is in the service desk.
  seed: async (services, db) => {
    const operator = await db.selectFrom('users').select('id').where('email', '=', 'operator@kontor.demo').executeTakeFirstOrThrow();
    const desk = (await services.helpdesk.queues.listQueues(systemContext, 'true')).find((q) => q.code === 'service_desk');
    if (!desk) throw new Error('the default queue service_desk is missing');
    if (!desk.members.includes(operator.id)) {
      await services.helpdesk.queues.updateQueue(systemContext, desk.id, { members: [...desk.members, operator.id] });
    }
  },
});

interface Finding {
  page: string;
  rule: string;
  impact: string;
  targets: string[];
  help: string;
}

// The functions handed to page.evaluate run in the browser. The test project has no DOM
// types, so the little of the DOM they use is declared here.
interface DomElement {
  id: string;
  tagName: string;
  closest(selector: string): DomElement | null;
  getAttribute(name: string): string | null;
}
declare const document: { activeElement: DomElement | null; body: DomElement; querySelector(selector: string): DomElement | null };
declare const window: object;

type AxeResult = { id: string; impact?: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] };

/** Runs axe (WCAG 2 A + AA) on the page as it is now and returns the serious and critical violations. */
async function audit(page: Page, name: string): Promise<Finding[]> {
  // Let entering transitions (modals, menus, notifications) finish: half-faded text is not a contrast failure.
  await page.waitForTimeout(400);
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(
    async () => {
      const w = window as unknown as { axe: { run: (context: unknown, opts: object) => Promise<{ violations: AxeResult[] }> } };
      const result = await w.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] });
      // axe exempts a combobox's listbox from "scrollable region must be focusable" (the
      // user moves through it with the arrow keys from the input), but Mantine scrolls a
      // box inside the listbox, not the listbox itself, which axe does not recognise.
      const isComboboxScroller = (selector: unknown) => {
        const el = typeof selector === 'string' ? document.querySelector(selector) : null;
        const listbox = el?.closest('[role="listbox"][id]');
        return !!listbox && !!document.querySelector(`[role="combobox"][aria-controls~="${listbox.id}"]`);
      };
      for (const v of result.violations) {
        if (v.id === 'scrollable-region-focusable') v.nodes = v.nodes.filter((n) => !(n.target.length === 1 && isComboboxScroller(n.target[0])));
      }
      return result.violations.filter((v) => v.nodes.length > 0).map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
    },
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ page: name, rule: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => `${n.target.map(String).join(' ')}  — ${why(n.failureSummary)}`) }));
}

/** The gist of axe's explanation ("Element has insufficient color contrast of 3.32 (foreground color: …)"). */
const why = (summary = '') => summary.split('\n').slice(1).map((l) => l.trim()).filter(Boolean).join('; ').slice(0, 200);

function report(findings: Finding[]): string {
  return findings
    .map((f) => `[${f.page}] ${f.rule} (${f.impact}): ${f.help}\n${f.targets.map((t) => `    ${t}`).join('\n')}`)
    .join('\n');
}

/** Collects the findings of one journey; the test fails at its end with all of them listed. */
function checker(page: Page) {
  const findings: Finding[] = [];
  return {
    async check(name: string, testId: string): Promise<void> {
      await page.getByTestId(testId).first().waitFor();
      await settle(page);
      findings.push(...(await audit(page, name)));
      await demo.shot(page, name.replace(/\W+/g, '-'));
    },
    /** Checks the page with the dialog open, then closes it with Escape and expects the focus back on the trigger. */
    async dialog(name: string, trigger: Locator, dialogTestId: string): Promise<void> {
      await trigger.focus();
      const triggerId = await trigger.getAttribute('data-testid');
      await page.keyboard.press('Enter');
      const dialog = page.getByTestId(dialogTestId);
      await dialog.waitFor();
      await settle(page);
      findings.push(...(await audit(page, name)));
      // Focus is inside the dialog (trapped there), so Escape reaches it.
      expect(await dialog.evaluate((el) => el.contains(document.activeElement)), `${name}: focus inside the dialog`).toBe(true);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName), { timeout: STEP_MS })
        .toBe(triggerId);
    },
    findings,
    done(): void {
      expect(findings, `accessibility violations:\n${report(findings)}`).toEqual([]);
    },
  };
}

/** Waits until no loader spins (the page shows its data, not a loading state). */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.mantine-Loader-root, [data-testid="loading-state"]'), undefined, { timeout: STEP_MS });
}

const firstHref = async (page: Page, selector: string) => {
  const link = page.locator(selector).first();
  await link.waitFor();
  return (await link.getAttribute('href')) ?? '';
};

// Both colour schemes the user menu offers: dark mode is text on dark panels, checked the same way.
describe.each(['light', 'dark'] as const)('Accessibility in the %s colour scheme: the main screens pass axe (WCAG 2 A/AA) and work with the keyboard', (scheme) => {
  const newPage = async (): Promise<Page> => {
    const page = await demo.newPage();
    // The scheme the user menu stores (Providers.tsx, localStorage), set before the app starts.
    if (scheme === 'dark') await page.addInitScript(() => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('kontor.color-scheme', 'dark'));
    return page;
  };

  test('sign-in page', async () => {
    const page = await newPage();
    const a11y = checker(page);
    await page.goto('/sign-in');
    await a11y.check('sign-in', 'signin-email');
    // A failed sign-in shows its error; it must be readable too.
    await page.getByTestId('signin-email').fill('operator@kontor.demo');
    await page.getByTestId('signin-password').fill('wrong-password');
    await page.getByTestId('signin-submit').click();
    await page.getByRole('alert').first().waitFor();
    await a11y.check('sign-in (error)', 'signin-email');
    a11y.done();
  }, JOURNEY_MS);

  test('operator: home, ticket list by keyboard, ticket detail with its reply and record forms, dialogs, new ticket', async () => {
    const page = await newPage();
    const a11y = checker(page);
    await demo.signIn(page, 'operator@kontor.demo');
    await a11y.check('home', 'page-dashboard');

    await page.goto('/tickets');
    await page.getByTestId('tickets-table').waitFor();
    await a11y.check('tickets', 'page-tickets');

    // Keyboard alone: from the top of the page Tab reaches a ticket in the list and Enter opens it.
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    let inList = false;
    for (let i = 0; i < 40 && !inList; i++) {
      await page.keyboard.press('Tab');
      inList = await page.evaluate(() => !!document.activeElement?.closest('[data-testid="tickets-table"]'));
    }
    expect(inList, 'Tab reaches the ticket list').toBe(true);
    await page.keyboard.press('Enter');
    await page.getByTestId('page-ticket-detail').waitFor();

    // The list's own keys (its hint: J/K move, Enter opens): back on the list the cursor is on the ticket
    // just opened, j moves it to the next row, Enter opens that one.
    await page.goBack();
    await page.getByTestId('tickets-table').waitFor();
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    await page.keyboard.press('j');
    await expect.poll(() => page.locator('[data-testid^="tickets-row-"][data-selected]').count()).toBe(1);
    const selectedId = (await page.locator('[data-testid^="tickets-row-"][data-selected]').getAttribute('data-testid'))?.replace('tickets-row-', '');
    await page.keyboard.press('Enter');
    await page.getByTestId('page-ticket-detail').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/tickets/${selectedId}`);

    // The detail with its reply editor and the record logging form (both always open for writers).
    await page.getByTestId('reply-body').waitFor();
    await page.getByTestId('record-form').waitFor();
    await a11y.check('ticket detail', 'page-ticket-detail');
    await a11y.dialog('ticket priority dialog', page.getByTestId('ticket-priority-button'), 'priority-modal');
    await a11y.dialog('ticket edit dialog', page.getByTestId('ticket-edit'), 'ticket-edit-modal');
    await a11y.dialog('keyboard shortcuts help', page.getByTestId('shortcut-help-hint'), 'shortcut-help');

    await page.goto('/tickets/new');
    await a11y.check('new ticket', 'ticket-form');
    a11y.done();
  }, JOURNEY_MS);

  test('technician: my week', async () => {
    const page = await newPage();
    const a11y = checker(page);
    await demo.signIn(page, 'technician@kontor.demo');
    await page.goto('/timesheets');
    await a11y.check('my week', 'page-timesheets');
    a11y.done();
  }, JOURNEY_MS);

  test('manager: approvals, billing run, contracts, warehouse, profitability', async () => {
    const page = await newPage();
    const a11y = checker(page);
    await demo.signIn(page, 'manager@kontor.demo');
    await page.goto('/approvals');
    await a11y.check('approvals', 'page-approvals');
    await page.goto('/billing');
    await a11y.check('billing run', 'page-billing');

    await page.goto('/contracts');
    await a11y.check('contracts', 'contracts-table');
    await page.goto(await firstHref(page, '[data-testid="contracts-table"] a[href^="/contracts/"]'));
    await a11y.check('contract', 'page-contract');

    await page.goto('/warehouse/items');
    await a11y.check('warehouse items', 'page-warehouse-items');
    await a11y.dialog('new item dialog', page.getByTestId('items-new'), 'item-modal');
    await page.goto('/warehouse/receipts');
    await page.getByTestId('documents-table').waitFor();
    await page.goto(await firstHref(page, '[data-testid^="documents-open-"]'));
    await a11y.check('stock document', 'page-document');

    await page.goto('/reports');
    await a11y.check('profitability', 'page-profitability');
    a11y.done();
  }, JOURNEY_MS);

  test('accountant: invoices, an invoice, exports', async () => {
    const page = await newPage();
    const a11y = checker(page);
    await demo.signIn(page, 'accountant@kontor.demo');
    await page.goto('/invoices');
    await a11y.check('invoices', 'invoices-table');
    await page.goto(await firstHref(page, '[data-testid="invoice-link"]'));
    await a11y.check('invoice', 'page-invoice');
    await page.goto('/exports');
    await a11y.check('exports', 'page-exports');
    a11y.done();
  }, JOURNEY_MS);

  test('admin: users, audit log, company settings', async () => {
    const page = await newPage();
    const a11y = checker(page);
    await demo.signIn(page, 'admin@kontor.demo');
    await page.goto('/admin/users');
    await a11y.check('users', 'page-users');
    await a11y.dialog('new user dialog', page.getByTestId('users-new'), 'user-modal');
    await page.goto('/admin/audit');
    await a11y.check('audit log', 'page-audit');
    await page.goto('/admin/company');
    await a11y.check('company settings', 'page-company');
    a11y.done();
  }, JOURNEY_MS);
});
