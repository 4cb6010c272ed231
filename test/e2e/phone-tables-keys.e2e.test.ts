// Tables on a phone, "/" on the lists without a ticket list's keys, the home page's approval
// count, the stock ledger's time axis and dialogs that say what is missing in the user's
// language, in a real browser against a server seeded like `kontor demo`.
//
//   npx vite build --config web/vite.config.ts --outDir <dir> --emptyOutDir
//   KONTOR_WEB_DIR=<dir> npx vitest run test/e2e/phone-tables-keys.e2e.test.ts
//
// On a phone (390×844) the stock levels, a stock document's lines, the approval queue, the
// invoices, an invoice's lines and its work report are cards: each quantity or amount lies
// inside the screen, and the page never scrolls sideways; so are the invoices on a client's
// page. An invoice's payments keep their reverse button on screen (the note under the entry)
// and its VAT recapitulation fits its card, in Slovak too; a prepaid contract's chart names its
// first period under its bar. The invoice list's filters wait behind a "Filtry" toggle that
// counts the ones set. With a keyboard, "/" puts the cursor in the invoices' search, the approval queue's client
// field and the export preview's document search, and the "?" help lists it. A manager's home
// page counts the records waiting for approval and opens the queue. The ledger's chart places
// movements by date. The credit-note dialog, sent without a reason, says so in Czech under the
// field and puts the cursor there (no browser bubble).
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Db } from '../../src/platform/db/index.ts';
import { apiCall, expectOnScreen, plain, useDemoServer } from './harness.ts';

const STEP_MS = 20_000;
const JOURNEY_MS = 120_000;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

let db: Db | undefined;
const { newPage, signIn, shot } = useDemoServer({
  name: 'phone-tables-keys',
  stepMs: STEP_MS,
  seed: async (_services, database) => {
    db = database;
  },
});

function demoDb(): Db {
  if (!db) throw new Error('the demo database is not open');
  return db;
}

/** An issued invoice of the demo (example C's September) with lines. */
async function issuedInvoice(): Promise<number> {
  const row = await demoDb().selectFrom('invoices').select('id').where('state', '=', 'issued').where('kind', '=', 'invoice').orderBy('id').executeTakeFirstOrThrow();
  return row.id;
}

/** A draft of the demo (an earlier month left unissued). */
async function draftInvoice(): Promise<number> {
  const row = await demoDb().selectFrom('invoices').select('id').where('state', '=', 'draft').where('kind', '=', 'invoice').orderBy('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The client of an issued invoice of the demo: its page lists invoices. */
async function clientWithInvoices(): Promise<number> {
  const row = await demoDb().selectFrom('invoices').select('client_id').where('state', '=', 'issued').where('kind', '=', 'invoice').orderBy('id').executeTakeFirstOrThrow();
  return row.client_id;
}

/** An issued invoice of the demo that bills records: it has a work report. */
async function invoiceWithRecords(): Promise<number> {
  const row = await demoDb()
    .selectFrom('invoices')
    .innerJoin('invoice_records', 'invoice_records.invoice_id', 'invoices.id')
    .select('invoices.id')
    .where('invoices.state', '=', 'issued')
    .orderBy('invoices.id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A confirmed issue slip of the demo (example A's material). */
async function issueSlip(): Promise<number> {
  const row = await demoDb().selectFrom('stock_documents').select('id').where('kind', '=', 'issue').where('state', '=', 'confirmed').orderBy('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The item with movements on the most days (the demo's SSD). */
async function ledgerItem(): Promise<number> {
  const row = await demoDb()
    .selectFrom('stock_movements')
    .select(['item_id', (eb) => eb.fn.count<number>('date').distinct().as('days')])
    .groupBy('item_id')
    .orderBy('days', 'desc')
    .executeTakeFirstOrThrow();
  return row.item_id;
}

/** Two records logged and submitted by the manager: the approval queue is not empty. */
async function submitTwoRecords(page: Page): Promise<void> {
  const tickets = await apiCall<{ items: { id: number }[] }>(page, 'GET', '/tickets?view=all&limit=1');
  const workTypes = await apiCall<{ items: { id: number }[] }>(page, 'GET', '/work-types');
  for (const startTime of ['08:00', '13:00']) {
    const record = await apiCall<{ id: number }>(page, 'POST', `/tickets/${tickets.items[0]!.id}/records`, {
      kind: 'work', date: '2026-11-24', startTime, minutes: 90, workTypeId: workTypes.items[0]!.id, description: 'Kontrola zálohování a aktualizace serveru',
    });
    await apiCall(page, 'POST', `/records/${record.id}/submit`);
  }
}

const scrollWidth = (page: Page) => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;
const focusedTestId = (page: Page) => page.evaluate('document.activeElement && document.activeElement.getAttribute("data-testid")') as Promise<string | null>;

describe('phone tables, "/" and dialogs', () => {
  test('phone (390×844): stock levels, a slip\'s lines, the approval queue, the invoices (filters behind a toggle), a client\'s invoices, an invoice\'s lines and work report show their figures on screen', async () => {
    const page = await newPage({ context: PHONE });
    await signIn(page, 'manager@kontor.demo');
    await submitTwoRecords(page);

    await page.goto('/warehouse/stock');
    const levels = page.getByTestId('levels-table');
    await expect.poll(() => levels.getAttribute('data-layout')).toBe('cards');
    const quantity = page.locator('[data-testid^="levels-quantity-"]').first();
    await expectOnScreen(quantity, 390);
    expect(plain(await quantity.innerText())).toMatch(/\d ks$/);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await shot(page, 'phone-stock-levels');

    await page.goto(`/warehouse/documents/${await issueSlip()}`);
    const lineQuantity = page.getByTestId('document-line-0-quantity');
    await expectOnScreen(lineQuantity, 390);
    expect(plain(await lineQuantity.innerText())).toMatch(/\d ks$/);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await shot(page, 'phone-stock-document');
    // A new receipt's lines: quantity, price and total stack under the item.
    await page.goto('/warehouse/receipts/new');
    await expectOnScreen(page.getByTestId('line-0-total'), 390);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await shot(page, 'phone-receipt-lines');

    await page.goto('/approvals');
    const queue = page.getByTestId('approvals-table');
    await expect.poll(() => queue.getAttribute('data-layout')).toBe('cards');
    const amount = page.locator('[data-testid^="approvals-amount-"]').first();
    await expectOnScreen(amount, 390);
    expect(plain(await amount.innerText())).toMatch(/Kč$/);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await shot(page, 'phone-approvals');

    // A payment with a note: date, amount, note and the reverse button side by side pushed the page sideways.
    const invoiceId = await issuedInvoice();
    const { issueDate } = await apiCall<{ issueDate: string }>(page, 'GET', `/invoices/${invoiceId}`);
    await apiCall(page, 'POST', `/invoices/${invoiceId}/payments`, { date: issueDate, amountMinor: 1000_00, note: 'Záloha převodem z účtu' });
    await page.goto(`/invoices/${invoiceId}`);
    const lines = page.getByTestId('invoice-lines');
    await expect.poll(() => lines.getAttribute('data-layout')).toBe('cards');
    const net = page.locator('[data-testid^="line-net-"]').first();
    await expectOnScreen(net, 390);
    expect(plain(await net.innerText())).toMatch(/Kč$/);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await shot(page, 'phone-invoice-lines');
    // The payment's reverse button and note lie inside the screen.
    await expectOnScreen(page.getByTestId('payment-reverse').first(), 390);
    expect(plain(await page.getByTestId('invoice-payments').getByTestId('payment-note-cell').first().innerText())).toBe('Záloha převodem z účtu');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await shot(page, 'phone-invoice-payments');
    // A draft of five-figure sums (the demo's September draft, 21 780 Kč) read in Slovak, whose
    // headers are the widest: the VAT recapitulation fits its card, which it overran with the
    // table's usual gaps (its total column ran past the card's padding).
    await apiCall(page, 'PATCH', '/auth/me', { language: 'sk' });
    try {
      await page.goto(`/invoices/${await draftInvoice()}`);
      const recap = page.getByTestId('invoice-vat-recap');
      await expect.poll(async () => plain(await recap.innerText())).toContain('Sadzba DPH');
      const recapTotal = recap.locator('tbody td').last();
      await expectOnScreen(recapTotal, 390);
      expect(plain(await recapTotal.innerText())).toMatch(/^\d{2} \d{3},\d{2}$/);
      // Widths, not positions: a table wider than its card scrolls inside it, and bringing the total into view scrolls it.
      const overrun = await page.getByTestId('invoice-totals').evaluate((card) => {
        const table = card.querySelector('[data-testid="invoice-vat-recap"]')!;
        const style = card.ownerDocument.defaultView!.getComputedStyle(card);
        return table.getBoundingClientRect().width - (card.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight));
      });
      expect(overrun, 'the VAT recapitulation fits its card').toBeLessThanOrEqual(0.5);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
      await shot(page, 'phone-draft-vat-recap');
    } finally {
      // The rest of the journeys read Czech.
      await apiCall(page, 'PATCH', '/auth/me', { language: 'cs' });
    }

    await page.goto(`/invoices/${await invoiceWithRecords()}`);
    const report = page.getByTestId('work-report-table');
    await expect.poll(() => report.getAttribute('data-layout')).toBe('cards');
    const recordAmount = page.locator('[data-testid^="wr-amount-"]').first();
    await expectOnScreen(recordAmount, 390);
    expect(plain(await recordAmount.innerText())).toMatch(/Kč$/);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await report.scrollIntoViewIfNeeded();
    await shot(page, 'phone-work-report');

    await page.goto('/invoices');
    const invoices = page.getByTestId('invoices-table');
    await expect.poll(() => invoices.getAttribute('data-layout')).toBe('cards');
    const total = page.locator('[data-testid^="invoice-total-"]').first();
    await expectOnScreen(total, 390);
    expect(plain(await total.innerText())).toMatch(/\d/);
    await expectOnScreen(page.locator('[data-testid^="invoice-row-"]').first().getByTestId('invoice-status'), 390);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await total.scrollIntoViewIfNeeded();
    await shot(page, 'phone-invoices');

    // The invoice list's filters wait behind "Filtry" on a phone, the list right under the search.
    const toggle = page.getByTestId('invoices-filters-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByTestId('invoices-filter-status').count()).toBe(0);
    expect(await page.getByTestId('invoices-filters-toggle-count').count()).toBe(0);
    await page.evaluate('window.scrollTo(0, 0)');
    const firstCard = await page.locator('[data-testid^="invoice-row-"]').first().boundingBox();
    expect(firstCard!.y + firstCard!.height, 'the first invoice is on the first screen').toBeLessThanOrEqual(844);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.getByTestId('invoices-filter-status').waitFor();
    await page.getByTestId('invoices-filter-client').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await shot(page, 'phone-invoices-filters-open');
    // Set filters are counted on the closed toggle (the client page's "all invoices" link sets one).
    const client = await clientWithInvoices();
    await page.goto(`/invoices?clientId=${client}&kind=invoice`);
    await page.locator('[data-testid^="invoice-row-"]').first().waitFor();
    expect(await page.getByTestId('invoices-filters-toggle').getAttribute('aria-expanded')).toBe('false');
    expect(plain(await page.getByTestId('invoices-filters-toggle-count').innerText())).toBe('2');
    await shot(page, 'phone-invoices-filters-counted');

    // A client's page: its invoices are cards too, the total and payment on screen.
    await page.goto(`/clients/${client}`);
    const clientInvoices = page.getByTestId('client-invoices-table');
    await expect.poll(() => clientInvoices.getAttribute('data-layout')).toBe('cards');
    const clientTotal = page.locator('[data-testid^="client-invoices-total-"]').first();
    await expectOnScreen(clientTotal, 390);
    expect(plain(await clientTotal.innerText())).toMatch(/Kč$/);
    const clientRow = page.locator('[data-testid^="client-invoices-row-"]').first();
    await expectOnScreen(clientRow.getByTestId('invoice-status'), 390);
    await expectOnScreen(clientInvoices.getByTestId('client-invoice-payment').first(), 390);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await clientTotal.scrollIntoViewIfNeeded();
    await shot(page, 'phone-client-invoices');

    // The prepaid contract's chart names its first period (September) under its bar too, in Slovak
    // as well, whose long "september 2026" did not fit beside the next name and was dropped.
    const prepaid = await demoDb().selectFrom('contracts').select('id').where('number', '=', 'PRIKLAD-C').executeTakeFirstOrThrow();
    await apiCall(page, 'PATCH', '/auth/me', { language: 'sk' });
    try {
      await page.goto(`/contracts/${prepaid.id}`);
      const chart = page.getByTestId('contract-chart');
      await chart.scrollIntoViewIfNeeded();
      const periodNames = () => chart.locator('.recharts-xAxis-tick-labels text').allTextContents();
      await expect.poll(async () => (await periodNames()).length).toBeGreaterThanOrEqual(1);
      expect((await periodNames()).some((name) => /^(9\/2026|september 2026)$/.test(name)), (await periodNames()).join(', ')).toBe(true);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
      await shot(page, 'phone-contract-chart');
    } finally {
      await apiCall(page, 'PATCH', '/auth/me', { language: 'cs' });
    }
  }, JOURNEY_MS);

  test('keyboard: the home page counts what waits for approval; "/" searches on the approvals, invoices and exports; the ledger is by date; the credit note asks for its reason in Czech', async () => {
    const page = await newPage({ context: { viewport: { width: 1280, height: 900 } } });
    await signIn(page, 'manager@kontor.demo');

    // Home: the approval count (the first journey submitted two), opening the queue.
    await page.goto('/');
    const count = page.getByTestId('dashboard-approvals-count');
    await expect.poll(async () => plain(await count.innerText())).toBe('Výkazy čekající na schválení: 2');
    await shot(page, 'dashboard-approvals-count');
    await page.getByTestId('dashboard-approvals').click();
    await page.getByTestId('page-approvals').waitFor();
    await page.locator('[data-testid^="approvals-row-"]').first().waitFor();
    await page.keyboard.press('/');
    expect(await focusedTestId(page)).toBe('approvals-filter-client');

    await page.goto('/invoices');
    await page.locator('[data-testid^="invoice-row-"]').first().waitFor();
    await page.keyboard.press('/');
    expect(await focusedTestId(page)).toBe('invoices-search');
    await page.keyboard.type('2026');
    await page.keyboard.press('Escape');
    // "?" lists the key it binds.
    await page.keyboard.press('?');
    await page.getByTestId('shortcut-page-search').waitFor();
    await shot(page, 'invoices-shortcut-help');
    await page.keyboard.press('Escape');

    // The ledger's chart: its x axis is dates, from the first movement's to the last one's.
    await page.goto(`/warehouse/items/${await ledgerItem()}`);
    const chart = page.getByTestId('ledger-chart');
    await chart.waitFor();
    const ticks = (await chart.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents()).map(plain);
    expect(ticks.length).toBeGreaterThan(1);
    for (const tick of ticks) expect(tick).toMatch(/^\d{1,2}\. ?\d{1,2}\. ?\d{4}$/);
    const yTicks = (await chart.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents()).map(plain);
    expect(yTicks.some((tick) => tick.endsWith(' ks')), yTicks.join('|')).toBe(true);
    await shot(page, 'ledger-chart');

    // The credit note without a reason: the Czech message under the field, the cursor in it.
    await page.goto(`/invoices/${await issuedInvoice()}`);
    await page.getByTestId('invoice-credit').click();
    const dialog = page.getByTestId('credit-modal');
    await dialog.waitFor();
    await page.getByTestId('credit-save').click();
    await dialog.getByText('Důvod je povinný').waitFor();
    await expect.poll(() => focusedTestId(page)).toBe('credit-reason');
    // The form checks itself: the browser's own bubble (in the browser's language) never shows.
    expect(await page.evaluate('document.querySelector(\'[data-testid="credit-reason"]\').closest("form").noValidate')).toBe(true);
    await shot(page, 'credit-note-reason');

    // Exports (the accountant's): the year's documents listed in the preview, and their search.
    const accountant = await newPage({ context: { viewport: { width: 1280, height: 900 } } });
    await signIn(accountant, 'accountant@kontor.demo');
    await accountant.goto('/exports');
    await accountant.getByTestId('exports-period-kind').click();
    await accountant.getByRole('option', { name: 'Rok' }).click();
    await accountant.getByTestId('exports-documents').waitFor();
    await accountant.locator('body').click({ position: { x: 5, y: 300 } });
    await accountant.keyboard.press('/');
    expect(await focusedTestId(accountant)).toBe('exports-documents-search');
    await accountant.keyboard.type('nic-takoveho');
    await accountant.getByTestId('exports-documents-none').waitFor();
    await accountant.keyboard.press('Enter');
    // Enter left the box and ran nothing.
    expect(await focusedTestId(accountant)).not.toBe('exports-documents-search');
    expect(await accountant.getByTestId('exports-done').count()).toBe(0);
    await accountant.keyboard.press('/');
    await accountant.keyboard.press('Control+A');
    await accountant.keyboard.type('FV');
    await accountant.locator('[data-testid^="exports-document-invoice-"]').first().waitFor();
    await shot(accountant, 'exports-documents-search');
  }, JOURNEY_MS);
});
