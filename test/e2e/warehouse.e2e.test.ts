// The warehouse in a real browser against a real server: Kontor started with serve()
// on 127.0.0.1:0, a fresh SQLite file seeded like `kontor demo`, the built web app from
// dist/web, chromium via playwright-core.
//
//   npm run build:web && npx vitest run test/e2e/warehouse.e2e.test.ts
//
// The "done when", on the demo's SSD 1 TB (priced 1 890,00 Kč by "Standard 2026"),
// "Hlavní sklad" and the demo technician's van (his default warehouse): the manager adds an
// item of their own (the item form), receives 10 SSDs at 1 500,00 and 10 at 1 700,00 (the
// scanner types the EAN and Enter), and transfers 5 to the van (which holds the demo's own
// SSDs already). The technician issues 2 on a ticket of Strojírny Brno from the van (scan,
// quantity, Enter: confirmed in one step), sees the material record priced 3 780,00 Kč, and
// is refused with what is left when trying to issue more than the van holds. The manager
// sees the cost at the weighted average (2 × 1 600,00), opens the slip's PDF, starts a
// return of it and reads the item's ledger; the administrator changes a numbering pattern
// with its live example.
// The frame (server, demo data, browser, screenshots) is test/e2e/harness.ts.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DEMO_VAN_STOCK } from '../../src/cli/demo-warehouse.ts';
import { systemContext } from '../../src/modules/identity/index.ts';
import { expectOnScreen, plain, useDemoServer } from './harness.ts';

const CLIENT = 'Strojírny Brno a.s.';
const RUN = Date.now().toString(36).toUpperCase();
const SUBJECT = `E2E: výměna disku ${RUN}`;
/** The demo's SSD (src/cli/demo-warehouse.ts): its EAN is what the scanner types, then Enter. */
const SSD = { code: 'SSD-1TB', ean: '8594000000012' };
const STORE = { code: 'HLAVNI', name: 'Hlavní sklad' };
const VAN = { code: 'VAN-TECHNIK', name: 'Dodávka – Tomáš Technik' };
/** SSDs the demo's van holds before the journey (src/cli/demo-warehouse.ts), at the same 1 600,00 the journey's receipts average. */
const VAN_SSD = DEMO_VAN_STOCK['SSD-1TB'] ?? 0;
/** An item the manager creates with the form. */
const NEW_ITEM = { code: `HDD-${RUN}`, name: `Disk HDD 2 TB ${RUN}`, ean: `859${String(Date.now()).slice(-10)}` };
const JOURNEY_MS = 90_000;

let ticketId = 0;
let slipId = 0;
/** The ticket's slip number, e.g. VY202600002 (the demo's billing examples issue slips too). */
let slipNumber = '';
let recordId = 0;

// A fresh ticket of Strojírny Brno for the material.
const server = useDemoServer({
  name: 'warehouse',
  // The manager's page goes from one test to the next.
  keepPagesAcrossTests: true,
  stepMs: 15_000,
  seed: async (services, db) => {
    const client = await db.selectFrom('clients').select('id').where('name', '=', CLIENT).executeTakeFirstOrThrow();
    ticketId = (await services.tickets.create(systemContext, {
      subject: SUBJECT, description: 'Server hlásí vadný disk.', typeCode: 'incident', clientId: client.id, requesterContactId: null,
      impact: 'medium', urgency: 'medium', tags: [], custom: {}, dimensions: {}, watcherUserIds: [], watcherContactIds: [],
    })).id;
  },
});
const { newPage, signIn, shot } = server;

/** The test id of the focused field (a string expression: the server's type check knows no DOM). */
const focused = (page: Page) => page.evaluate<string>("document.activeElement?.getAttribute('data-testid') ?? ''");
/** Whether an input's text (or its placeholder when empty) fits inside it; runs in the page (the test's TypeScript setup has no DOM types). */
const textFits = (page: Page, testId: string) => page.evaluate<boolean>(`((input) => {
  const style = getComputedStyle(input);
  const ctx = document.createElement('canvas').getContext('2d');
  ctx.font = style.font;
  return ctx.measureText(input.value || input.placeholder).width <= input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
})(document.querySelector('[data-testid="${testId}"]'))`);

/** Picks an option of a Mantine Select by its visible text. */
async function choose(page: Page, testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** What a barcode scanner does: types the EAN into the focused field and presses Enter. */
async function scan(page: Page, testId: string, ean = SSD.ean): Promise<void> {
  const field = page.getByTestId(testId);
  await field.focus();
  await field.pressSequentially(ean, { delay: 5 });
  await field.press('Enter');
}

describe('Warehouse: receive, transfer, issue on a ticket, refuse, print', () => {
  let manager: Page;

  test('the manager adds an item, receives 20 SSDs by scanning and moves 5 to the van', async () => {
    manager = await newPage();
    await signIn(manager, 'manager@kontor.demo');

    // The warehouse is in the navigation (no longer "soon").
    await manager.getByTestId('nav-warehouse').click();
    await manager.getByTestId('page-stock-levels').waitFor();

    // A new item with its EAN and sale price; the list finds it by EAN, as a scan into the search would.
    await manager.getByTestId('warehouse-tabs-items').click();
    await manager.getByTestId('page-warehouse-items').waitFor();
    await manager.getByTestId('items-new').click();
    await manager.getByTestId('item-code').fill(NEW_ITEM.code);
    await manager.getByTestId('item-ean').fill(NEW_ITEM.ean);
    await manager.getByTestId('item-name').fill(NEW_ITEM.name);
    await manager.getByTestId('item-salePrice').fill('2 190,00');
    await manager.getByTestId('item-save').click();
    await manager.locator(`[data-testid^="items-row-"][data-code="${NEW_ITEM.code}"]`).waitFor();
    await manager.getByTestId('items-search').fill(NEW_ITEM.ean);
    await expect.poll(() => manager.locator('[data-testid^="items-row-"]').count()).toBe(1);
    expect(plain(await manager.locator('[data-testid^="items-row-"]').innerText())).toContain('2 190,00 Kč');

    // The demo's store and the technician's van.
    await manager.getByTestId('warehouse-tabs-warehouses').click();
    await manager.locator(`[data-testid^="warehouses-row-"][data-code="${STORE.code}"]`).waitFor();
    await manager.locator(`[data-testid^="warehouses-row-"][data-code="${VAN.code}"]`).waitFor();
    await shot(manager, 'warehouses');

    // A receipt: two lines scanned, quantity and price typed, Enter moves on.
    await manager.getByTestId('warehouse-tabs-receipts').click();
    await manager.getByTestId('documents-new').click();
    await manager.getByTestId('page-document-new').waitFor();
    await choose(manager, 'document-warehouseId', new RegExp(STORE.name));
    await manager.getByTestId('document-supplier').fill('Alza.cz a.s.');
    await scan(manager, 'line-0-item');
    await expect.poll(() => focused(manager)).toBe('line-0-quantity');
    await manager.getByTestId('line-0-quantity').fill('10');
    await manager.getByTestId('line-0-quantity').press('Enter');
    await expect.poll(() => focused(manager)).toBe('line-0-unitPrice');
    await manager.getByTestId('line-0-unitPrice').fill('1 500,00');
    await manager.getByTestId('line-0-unitPrice').press('Enter');
    await expect.poll(() => focused(manager)).toBe('line-1-item');
    await scan(manager, 'line-1-item');
    await expect.poll(() => focused(manager)).toBe('line-1-quantity');
    await manager.getByTestId('line-1-quantity').fill('10');
    await manager.getByTestId('line-1-unitPrice').fill('1 700,00');
    expect(plain(await manager.getByTestId('line-1-total').innerText())).toBe('17 000,00 Kč');
    // The receipt's own total under its lines, while it is typed.
    expect(plain(await manager.getByTestId('lines-total').innerText())).toBe('32 000,00 Kč');
    // SSDs are counted in pieces: half of one is refused on its field before anything is sent.
    await manager.getByTestId('line-0-quantity').fill('1,5');
    await manager.getByTestId('document-confirm').click();
    await manager.getByText('Počítá se na celé kusy: zadejte celé číslo (např. 2)').waitFor();
    expect(await manager.getByTestId('document-confirm-modal').count()).toBe(0);
    await manager.getByTestId('line-0-quantity').fill('10');
    await shot(manager, 'receipt-form');
    await manager.getByTestId('document-confirm').click();
    await manager.getByTestId('document-confirm-modal').waitFor();
    await manager.getByTestId('document-confirm-ok').click();
    const receipt = manager.locator('[data-testid="page-document"][data-state="confirmed"]');
    await receipt.waitFor();
    expect(await receipt.getAttribute('data-number')).not.toBe('');
    expect(plain(await manager.getByTestId('document-total-cost').innerText())).toBe('32 000,00 Kč');
    // The list of receipts shows each confirmed one's total cost too.
    const receiptNumber = (await receipt.getAttribute('data-number')) ?? '';
    await manager.goto('/warehouse/receipts');
    const receiptRow = manager.locator(`[data-testid^="documents-row-"][data-number="${receiptNumber}"]`);
    await receiptRow.waitFor();
    expect(plain(await receiptRow.innerText())).toContain('32 000,00 Kč');

    // 20 in the store at 1 600,00 on average.
    await shot(manager, 'receipt-confirmed');
    await manager.goto('/warehouse/stock');
    await manager.getByTestId('levels-search').fill(SSD.code);
    const storeRow = manager.locator('[data-testid^="levels-row-"]').filter({ hasText: STORE.name });
    await expect.poll(() => storeRow.getAttribute('data-quantity')).toBe('20');
    expect(plain(await storeRow.innerText())).toContain('1 600,00 Kč');
    await shot(manager, 'stock-levels');

    // A transfer of 5 to the van.
    await manager.goto('/warehouse/transfers/new');
    await choose(manager, 'document-warehouseId', new RegExp(STORE.name));
    await choose(manager, 'document-targetWarehouseId', new RegExp(VAN.name));
    await scan(manager, 'line-0-item');
    await expect.poll(() => focused(manager)).toBe('line-0-quantity');
    await manager.getByTestId('line-0-quantity').fill('5');
    await manager.getByTestId('line-0-quantity').press('Control+Enter');
    await manager.getByTestId('document-confirm-modal').waitFor();
    await manager.getByTestId('document-confirm-ok').click();
    await manager.locator('[data-testid="page-document"][data-state="confirmed"][data-kind="transfer"]').waitFor();
    await manager.goto('/warehouse/stock');
    await manager.getByTestId('levels-search').fill(SSD.code);
    await expect.poll(() => manager.locator('[data-testid^="levels-row-"]').filter({ hasText: VAN.name }).getAttribute('data-quantity')).toBe(String(VAN_SSD + 5));

    // 25 more than the 15 left: refused, and the refusal says what is there in Czech, with the unit as "ks".
    await manager.goto('/warehouse/transfers/new');
    await choose(manager, 'document-warehouseId', new RegExp(STORE.name));
    await choose(manager, 'document-targetWarehouseId', new RegExp(VAN.name));
    await scan(manager, 'line-0-item');
    await expect.poll(() => focused(manager)).toBe('line-0-quantity');
    await manager.getByTestId('line-0-quantity').fill('25');
    await manager.getByTestId('line-0-quantity').press('Control+Enter');
    await manager.getByTestId('document-confirm-ok').click();
    await manager.getByTestId('document-form-error').waitFor();
    const refusal = plain(await manager.getByTestId('document-form-error').innerText());
    expect(refusal).toContain(`Ve skladu ${STORE.name} je jen 15 ks (SSD 1 TB), požadováno 25 ks.`);
    expect(refusal).not.toMatch(/Only|requested|pcs/);
    await shot(manager, 'transfer-refused');

    // A count without a reason: the reason is marked and the confirm dialog stays closed.
    await manager.goto('/warehouse/counts/new');
    await choose(manager, 'document-warehouseId', new RegExp(STORE.name));
    await scan(manager, 'line-0-item');
    await expect.poll(() => focused(manager)).toBe('line-0-quantity');
    await manager.getByTestId('line-0-quantity').fill('15');
    await manager.getByTestId('document-confirm').click();
    await expect.poll(() => manager.getByTestId('document-reason').getAttribute('aria-invalid')).toBe('true');
    expect(await manager.getByTestId('document-confirm-modal').count()).toBe(0);
    // While the counted quantity is typed the line says what the records hold (15 in the store) and the difference;
    // the confirmation says what will change. Left unconfirmed: the later steps count on these 15.
    await expect.poll(async () => plain(await manager.getByTestId('line-0').innerText())).toContain('V evidenci 15 ks · rozdíl 0');
    await manager.getByTestId('line-0-quantity').fill('14');
    await expect.poll(async () => plain(await manager.getByTestId('line-0').innerText())).toContain('V evidenci 15 ks · rozdíl −1');
    await manager.getByTestId('document-reason').fill('Inventura regálu');
    await manager.getByTestId('document-confirm').click();
    await manager.getByTestId('document-confirm-modal').waitFor();
    expect(plain(await manager.getByTestId('count-changes').innerText())).toBe('Řádků s rozdílem proti evidenci: 1, beze změny: 0. Hodnota zásob se změní o −1 600,00 Kč.');
    await shot(manager, 'count-confirm');
    await manager.keyboard.press('Escape');
  }, JOURNEY_MS);

  test('the technician issues 2 from the van on the ticket, sees the record at 3 780,00 Kč and is refused more than is left', async () => {
    const page = await newPage();
    await signIn(page, 'technician@kontor.demo');

    // The van is the technician's default warehouse: issuing starts from it.
    await page.goto('/warehouse/warehouses');
    await expect.poll(() => page.locator(`[data-testid^="warehouses-row-"][data-code="${VAN.code}"]`).getAttribute('data-default')).toBe('yes');

    await page.goto(`/tickets/${ticketId}`);
    await page.getByTestId('ticket-material').waitFor();
    await expect.poll(async () => plain(await page.getByTestId('material-warehouse').inputValue())).toContain(VAN.name);
    // The van's name and the item field's hint are whole in their fields ("Dodávka – Tor…", "…kód, náze…" were cut).
    for (const field of ['material-warehouse', 'material-item']) expect(await textFits(page, field), field).toBe(true);
    await scan(page, 'material-item');
    await expect.poll(() => focused(page)).toBe('material-quantity');
    // The van's stock of the scanned item is shown by the quantity.
    await expect.poll(async () => plain(await page.getByTestId('material-form').innerText())).toContain(`Zde skladem: ${VAN_SSD + 5} ks`);
    await page.getByTestId('material-quantity').fill('2');
    await page.getByTestId('material-quantity').press('Enter');

    const slip = page.locator('[data-testid^="material-slip-"][data-kind="issue"]');
    await slip.waitFor();
    slipId = Number((await slip.getAttribute('data-testid'))?.replace('material-slip-', ''));
    slipNumber = (await slip.getAttribute('data-number')) ?? '';
    expect(slipNumber).toMatch(/^VY\d{4}\d{5}$/);
    // The confirmation toast sits over the navigation's foot, off the working column (it covered its headings and hints).
    const toast = (await page.locator('.mantine-Notification-root').filter({ hasText: slipNumber }).boundingBox())!;
    const navigation = (await page.locator('.mantine-AppShell-navbar').boundingBox())!;
    expect(toast.x + toast.width, JSON.stringify({ toast, navigation })).toBeLessThanOrEqual(navigation.x + navigation.width);
    expect(toast.y).toBeGreaterThan(page.viewportSize()!.height / 2);
    await shot(page, 'toast-over-navigation');

    // The material record on the ticket, priced by the item's sale price: 2 × 1 890,00.
    const record = page.locator('[data-testid^="record-row-"][data-kind="material"]');
    await record.waitFor();
    recordId = Number((await record.getAttribute('data-testid'))?.replace('record-row-', ''));
    await expect.poll(() => page.getByTestId(`record-amount-${recordId}`).getAttribute('data-amount')).toBe('378000');
    expect(plain(await page.getByTestId(`record-amount-${recordId}`).innerText())).toBe('3 780,00 Kč');
    // A technician sees prices, never costs.
    expect(await page.getByTestId(`record-material-${recordId}`).getAttribute('data-cost')).toBe('');
    await page.getByTestId(`record-row-${recordId}`).scrollIntoViewIfNeeded();
    await shot(page, 'ticket-material-record');
    await page.getByTestId('ticket-material').scrollIntoViewIfNeeded();
    await shot(page, 'ticket-material-issued');

    // More than the van holds: refused, and the refusal says what is there.
    await scan(page, 'material-item');
    await expect.poll(() => focused(page)).toBe('material-quantity');
    await page.getByTestId('material-quantity').fill(String(VAN_SSD + 10));
    await page.getByTestId('material-issue').click();
    const error = page.getByTestId('material-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('insufficient_stock');
    expect(await page.getByTestId('material-error-shortage').getAttribute('data-available')).toBe(String(VAN_SSD + 3));
    expect(plain(await page.getByTestId('material-error-shortage').innerText())).toBe(`Ve skladu ${VAN.name} je jen ${VAN_SSD + 3} ks (SSD 1 TB), požadováno ${VAN_SSD + 10} ks.`);
    await shot(page, 'ticket-material-refused');
    expect(await page.locator('[data-testid^="material-slip-"][data-kind="issue"]').count()).toBe(1);
  }, JOURNEY_MS);

  test('on a phone the technician reads the slip without sideways scrolling and fills a return in one column', async () => {
    const page = await newPage({ context: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } });
    await signIn(page, 'technician@kontor.demo');
    const scrollsSideways = () => page.evaluate<boolean>('document.documentElement.scrollWidth > document.documentElement.clientWidth');
    const box = async (testId: string) => (await page.getByTestId(testId).boundingBox())!;

    // On the ticket the slip's PDF button is whole beside the slip's long line ("PI" was left of it).
    await page.goto(`/tickets/${ticketId}`);
    const pdf = page.getByTestId(`material-slip-pdf-${slipId}`);
    await pdf.waitFor();
    await expectOnScreen(pdf, 390);
    expect(await page.evaluate<boolean>(`((button) => [button, ...button.querySelectorAll('*')].every((el) => el.scrollWidth <= el.clientWidth))(document.querySelector('[data-testid="material-slip-pdf-${slipId}"]'))`)).toBe(true);
    expect(plain(await pdf.innerText())).toBe('PDF');
    await shot(page, 'ticket-slip-phone');
    // A tap on a quick action opens no tooltip naming its key ("Změnit stav · Zkratka: S"): there is no keyboard to press it on.
    // (A phone follows a tap with the mouse events of a click, which is what opened it; click() sends those.)
    await page.getByTestId('ticket-state-menu').click();
    await page.getByTestId('ticket-state-options').waitFor();
    await page.getByTestId('ticket-state-menu').click();
    await page.getByTestId('ticket-state-options').waitFor({ state: 'hidden' });
    await page.waitForTimeout(400);
    await shot(page, 'ticket-state-tap-phone');
    expect(await page.locator('.mantine-Tooltip-tooltip').count()).toBe(0);

    await page.goto(`/warehouse/documents/${slipId}`);
    await page.getByTestId('document-view').waitFor();
    // The line's quantity is in sight, inside the screen.
    const quantity = page.getByTestId('document-line-0-quantity');
    expect(plain(await quantity.innerText())).toBe('2 ks');
    const q = (await quantity.boundingBox())!;
    expect(q.x + q.width).toBeLessThanOrEqual(390);
    expect(await scrollsSideways()).toBe(false);
    await shot(page, 'slip-phone');

    // The return form: date, warehouse, ticket and reason one under another, each the full width.
    await page.getByTestId('document-return').click();
    await page.getByTestId('page-document-new').waitFor();
    const date = await box('document-date');
    const reason = await box('document-reason');
    const warehouse = await box('document-warehouseId');
    expect(date.width).toBeGreaterThan(280);
    expect(Math.abs(reason.width - date.width)).toBeLessThan(2);
    expect(warehouse.y).toBeGreaterThan(date.y);
    expect(await scrollsSideways()).toBe(false);

    // Returning more than the slip has left: the refusal in Czech, with what can still come back.
    await page.getByTestId('line-0-quantity').fill('3');
    await page.getByTestId('document-confirm').click();
    await page.getByTestId('document-confirm-ok').click();
    await page.getByTestId('document-form-error').waitFor();
    const refusal = plain(await page.getByTestId('document-form-error').innerText());
    expect(refusal).toContain(`Z výdejky ${slipNumber} lze vrátit ještě jen 2 ks (SSD 1 TB), zadáno 3 ks.`);
    expect(refusal).not.toMatch(/Only|returned|pcs/);
    await shot(page, 'return-refused-phone');
  }, JOURNEY_MS);

  test('on a tablet a receipt\'s lines stack beside the navbar, and on a phone on its side the new-warehouse dialog is one column; nothing scrolls sideways', async () => {
    // 820 px: the navbar shows (from Mantine's sm) and leaves the lines less than their five columns need.
    const page = await newPage({ context: { viewport: { width: 820, height: 1180 }, hasTouch: true } });
    await signIn(page, 'manager@kontor.demo');
    const scrollsSideways = () => page.evaluate<boolean>('document.documentElement.scrollWidth > document.documentElement.clientWidth');
    const box = async (testId: string) => (await page.getByTestId(testId).boundingBox())!;

    await page.goto('/warehouse/receipts/new');
    await page.getByTestId('line-0').waitFor();
    const item = await box('line-0-item');
    const quantity = await box('line-0-quantity');
    expect(quantity.y, 'the quantity under the item').toBeGreaterThan(item.y + item.height);
    const total = await box('line-0-total');
    expect(total.x + total.width).toBeLessThanOrEqual(820);
    expect(await scrollsSideways()).toBe(false);
    await shot(page, 'receipt-tablet');

    // 640 px (below sm): the warehouse's code and name one under the other, each the full width.
    await page.setViewportSize({ width: 640, height: 400 });
    await page.goto('/warehouse/warehouses');
    await page.getByTestId('warehouses-new').click();
    await page.getByTestId('warehouse-name').waitFor();
    const code = await box('warehouse-code');
    const name = await box('warehouse-name');
    expect(name.y).toBeGreaterThan(code.y + code.height);
    expect(Math.abs(name.width - code.width)).toBeLessThan(2);
    expect(await scrollsSideways()).toBe(false);
    await shot(page, 'warehouse-dialog-phone-landscape');
  }, JOURNEY_MS);

  test('the manager sees the cost at the weighted average, opens the slip as a PDF and returns one SSD', async () => {
    await manager.goto(`/tickets/${ticketId}`);
    await manager.getByTestId(`record-material-${recordId}`).waitFor();
    expect(await manager.getByTestId(`record-material-${recordId}`).getAttribute('data-cost')).toBe('320000');
    const pdfLink = manager.getByTestId(`material-slip-pdf-${slipId}`);
    const href = await pdfLink.getAttribute('href');
    expect(href).toBe(`/api/v1/stock-documents/${slipId}/pdf`);
    const response = await manager.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // The confirmed slip is read-only with "Print slip" and "Return".
    await manager.goto(`/warehouse/documents/${slipId}`);
    await manager.getByTestId('document-view').waitFor();
    expect(await manager.getByTestId('document-pdf').getAttribute('href')).toBe(href);
    await manager.getByTestId('document-return').click();
    await manager.getByTestId('page-document-new').waitFor();
    await manager.getByTestId('document-returns').waitFor();
    await expect.poll(() => manager.getByTestId('line-0-quantity').inputValue()).toBe('2');
    // One of the two comes back: saved as a draft first, then confirmed from the draft.
    await manager.getByTestId('line-0-quantity').fill('1');
    await manager.getByTestId('document-reason').fill('Nepoužito');
    await manager.getByTestId('document-save-draft').click();
    const draft = manager.locator('[data-testid="page-document"][data-state="draft"][data-kind="return"]');
    await draft.waitFor();
    await expect.poll(() => manager.getByTestId('line-0-quantity').inputValue()).toBe('1');
    await manager.getByTestId('document-confirm').click();
    await manager.getByTestId('document-confirm-ok').click();
    const confirmedReturn = manager.locator('[data-testid="page-document"][data-state="confirmed"][data-kind="return"]');
    await confirmedReturn.or(manager.getByTestId('document-form-error')).waitFor();
    expect(await manager.getByTestId('document-form-error').count() ? await manager.getByTestId('document-form-error').innerText() : '').toBe('');
    await confirmedReturn.waitFor();
    await manager.getByTestId('document-returns-link').waitFor();
    expect(await manager.getByTestId('document-line-0').getAttribute('data-quantity')).toBe('1');
    await shot(manager, 'return-confirmed');

    // The ledger shows the movements with the running balance.
    await manager.goto('/warehouse/items');
    await manager.getByTestId('items-search').fill(SSD.ean);
    await manager.locator(`[data-testid^="items-row-"][data-code="${SSD.code}"] [data-testid^="items-ledger-"]`).click();
    await manager.getByTestId('page-item-ledger').waitFor();
    // Across all warehouses: the demo's own SSDs (all of them in the van), then 20 received, 2 issued, 1 returned.
    await expect.poll(() => manager.getByTestId('ledger-balance').getAttribute('data-balance')).toBe(String(VAN_SSD + 20 - 2 + 1));
    // The table's running balance is the total across the warehouses too: its last row is what the badge says.
    expect(await manager.locator('[data-testid^="ledger-row-"]').last().getAttribute('data-balance')).toBe(String(VAN_SSD + 20 - 2 + 1));
    // The badges keep the case of the unit and the currency ("ks", "Kč"), not upper-cased.
    expect(await manager.evaluate<string>("getComputedStyle(document.querySelector('[data-testid=ledger-balance] .mantine-Badge-label') ?? document.querySelector('[data-testid=ledger-balance]')).textTransform")).toBe('none');
    await manager.getByTestId('ledger-chart').waitFor();
    await shot(manager, 'ledger');

    // The issue slips of the warehouse: the slip of the ticket, confirmed.
    await manager.goto('/warehouse/issues');
    await expect.poll(() => manager.getByTestId(`documents-row-${slipId}`).getAttribute('data-state')).toBe('confirmed');
    await shot(manager, 'issue-slips');
  }, JOURNEY_MS);

  test('a minimum takes whole pieces; what falls below it shows on the home page and the menu; a negative price says so', async () => {
    const page = await newPage();
    await signIn(page, 'manager@kontor.demo');
    const badge = page.getByTestId('nav-warehouse-below');
    const badgeCount = async () => (await badge.count()) ? Number(await badge.getAttribute('data-count')) : 0;
    await page.goto('/warehouse/stock');
    await page.getByTestId('levels-search').fill(SSD.ean);
    const row = page.locator('[data-testid^="levels-row-"]', { hasText: STORE.name }).filter({ hasText: SSD.code });
    await row.waitFor();
    const before = await badgeCount();

    // The minimum of the store's SSDs: half a piece and a huge number are refused on the field, as on a receipt.
    await row.locator('[data-testid^="levels-minimum-"]').click();
    const input = page.getByTestId('minimum-input');
    await input.fill('2,5');
    await page.getByTestId('minimum-save').click();
    await page.getByTestId('minimum-modal').getByText('Počítá se na celé kusy: zadejte celé číslo (např. 2)').waitFor();
    await input.fill('99999999999999');
    await page.getByTestId('minimum-save').click();
    await page.getByTestId('minimum-modal').getByText('Nejvýše 1 000 000').waitFor();
    await shot(page, 'minimum-refused');
    // 1 000 pieces: the store's 15 are now below it.
    await input.fill('1000');
    await page.getByTestId('minimum-save').click();
    await page.getByTestId('minimum-modal').waitFor({ state: 'detached' });
    await expect.poll(() => row.getAttribute('data-below')).toBe('yes');

    // The Warehouse menu item counts it at once, and so does the home page's card, which opens the filtered table.
    await expect.poll(badgeCount).toBe(before + 1);
    await page.getByTestId('nav-dashboard').click();
    const card = page.getByTestId('dashboard-stock-count');
    await expect.poll(async () => (await card.count()) ? Number(await card.getAttribute('data-count')) : -1).toBe(before + 1);
    expect(plain(await card.innerText())).toMatch(/^Pod minimem: \d+ polož(ka|ky|ek)$/);
    await shot(page, 'dashboard-below-minimum');
    await page.getByTestId('dashboard-stock').click();
    await page.getByTestId('page-stock-levels').waitFor();
    expect(await page.getByTestId('levels-below').isChecked()).toBe(true);
    await page.getByTestId('levels-search').fill(SSD.ean);
    await expect.poll(() => row.getAttribute('data-below')).toBe('yes');
    expect(await page.locator('[data-testid^="levels-row-"][data-below="no"]').count()).toBe(0);

    // Without the minimum the count goes back.
    await row.locator('[data-testid^="levels-minimum-"]').click();
    await input.fill('');
    await page.getByTestId('minimum-save').click();
    await page.getByTestId('minimum-modal').waitFor({ state: 'detached' });
    await expect.poll(badgeCount).toBe(before);

    // A negative purchase price is called what it is, not a format hint.
    await page.goto('/warehouse/receipts/new');
    await page.getByTestId('page-document-new').waitFor();
    await choose(page, 'document-warehouseId', new RegExp(STORE.name));
    await scan(page, 'line-0-item');
    await expect.poll(() => focused(page)).toBe('line-0-quantity');
    await page.getByTestId('line-0-quantity').fill('1');
    await page.getByTestId('line-0-unitPrice').fill('-1600');
    await page.getByTestId('document-confirm').click();
    await page.getByText('Cena nesmí být záporná').first().waitFor();
    expect(await page.getByText('Částka jako 1 500,00').count()).toBe(0);
  }, JOURNEY_MS);

  test('the administrator changes the issue slip pattern with a live example; the server refuses a bad one', async () => {
    const page = await newPage();
    await signIn(page, 'admin@kontor.demo');
    await page.getByTestId('nav-numbering').click();
    await page.getByTestId('page-numbering').waitFor();
    const input = page.getByTestId('numbering-pattern-issue_slip');
    const next = page.getByTestId('numbering-next-issue_slip');
    // The next slip follows the ticket's: same year, the sequence one on.
    const year = slipNumber.slice(2, 6);
    const sequence = Number(slipNumber.slice(6)) + 1;
    await expect.poll(() => next.innerText()).toBe(`VY${year}${String(sequence).padStart(5, '0')}`);
    await input.fill('VYD{YY}-{###}');
    await expect.poll(() => next.innerText()).toBe(`VYD${year.slice(2)}-${String(sequence).padStart(3, '0')}`);
    // Without a year the example says why; the server says so too, in the user's language.
    await input.fill('VYD-{###}');
    await expect.poll(() => next.innerText()).toBe('—');
    await page.getByTestId('numbering-save-issue_slip').click();
    await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'numbering-refused');
    await input.fill('VYD{YY}-{###}');
    await input.press('Enter');
    await expect.poll(() => page.getByTestId('numbering-row-issue_slip').getAttribute('data-pattern')).toBe('VYD{YY}-{###}');
  }, JOURNEY_MS);
});
