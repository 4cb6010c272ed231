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
// exports the approved records as CSV. Times are typed short in 24 hours ("1830", "10")
// whatever the browser's clock; one that cannot be read is refused on its field, and work
// on a Saturday or holiday without a start says it is priced as business hours. On a phone
// the technician logs travel with a decimal comma and uses the timer (it survives a reload,
// shows in the header on every page, a second one is refused; stopping opens the form to
// correct or discard what it measured, and Escape there asks before dropping what was typed), submits the week's drafts (then the button says there
// are none), corrects a draft in a dialog (a change made meanwhile is not overwritten) and
// finds an unsent note and a half-written entry again after a reload. With a work type that is
// not billable by default remembered, a new entry starts unticked and is logged not billable;
// corrected, a record keeps its own billable until it is moved to another work type.
// Screenshots: a temp folder, kept when a test fails or KONTOR_E2E_SCREENSHOTS names one.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { systemContext } from '../../src/modules/identity/index.ts';
import { czechDate, focusedTestId, plain, typeInto, underNoShade, uncovered, useDemoServer } from './harness.ts';

const CLIENT = 'Strojírny Brno a.s.';
const SUBJECT = `E2E: oprava linky ${Date.now().toString(36)}`;
const STEP_MS = 15_000;
const JOURNEY_MS = 50_000;

let ticketId = 0;
let ticketNumber = '';
let otherTicketId = 0;
let internalTicketId = 0;
/** A work type of the catalogue that is not billable by default (the demo's are all billable). */
const INTERNAL_WORK = 'Interní práce';
/** The demo's tickets of BILLING.md examples B (flat fee) and C (prepaid hours), October not billed yet. */
let flatFeeTicketId = 0;
let prepaidTicketId = 0;

const { newPage, signIn, shot } = useDemoServer({
  name: 'records',
  stepMs: STEP_MS,
  // A fresh ticket of Strojírny Brno in the service desk (the demo technician is a member).
  seed: async (services, db) => {
    const client = await db.selectFrom('clients').select('id').where('name', '=', CLIENT).executeTakeFirstOrThrow();
    const ticket = (subject: string) => services.tickets.create(systemContext, {
      subject, description: 'Linka 3 stojí.', typeCode: 'incident', clientId: client.id, requesterContactId: null,
      impact: 'medium', urgency: 'medium', tags: [], custom: {}, dimensions: {}, watcherUserIds: [], watcherContactIds: [],
    });
    ({ id: ticketId, number: ticketNumber } = await ticket(SUBJECT));
    otherTicketId = (await ticket(`${SUBJECT} (2)`)).id;
    internalTicketId = (await ticket(`${SUBJECT} (interní)`)).id;
    await services.pricing.catalogue.createWorkType(systemContext, { code: 'internal', name: INTERNAL_WORK, vatCategory: 'standard', billableDefault: false, minimumMinutes: 0, active: true });
    const demoTicket = async (subject: string) => (await db.selectFrom('tickets').select('id').where('subject', '=', subject).executeTakeFirstOrThrow()).id;
    flatFeeTicketId = await demoTicket('Podpora v říjnu');
    prepaidTicketId = await demoTicket('Správa serverů');
  },
});

/** Logs a work entry with the ticket's form (the start typed as a user does) and returns the new record's id. */
async function logWork(page: Page, date: string, start: string, minutes: string, workType?: string): Promise<number> {
  await typeInto(page, 'record-date', czechDate(date));
  await typeInto(page, 'record-startTime', start);
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

/** The texts of the toasts shown now (Mantine notifications), one string. */
async function toasts(page: Page): Promise<string> {
  return plain((await page.locator('.mantine-Notification-root').allInnerTexts()).join('\n'));
}

describe('Records: log, price, submit, approve, export', () => {
  const ids: number[] = [];

  test('technician logs example A on the ticket, sees it priced and submits it', async () => {
    const page = await newPage();
    await signIn(page, 'technician@kontor.demo');
    await page.goto(`/tickets/${ticketId}`);
    await page.getByTestId('records-panel').waitFor();
    await page.getByTestId('records-empty').waitFor();

    // An end before the start is refused on the field, never logged as 23 hours.
    await typeInto(page, 'record-date', '12. 10. 2026');
    await page.getByTestId('record-startTime').fill('14:00');
    await page.getByTestId('record-endTime').fill('13:00');
    await page.getByTestId('record-workTypeId').click();
    await page.getByRole('option', { name: 'Práce u zákazníka' }).click();
    await page.getByTestId('record-save').click();
    await expect.poll(() => page.locator('[data-testid="record-form"]').innerText(), { timeout: STEP_MS }).toContain('Konec je před začátkem');
    expect(await page.locator('[data-testid^="record-row-"]').count()).toBe(0);
    await page.getByTestId('record-endTime').fill('');

    // Times in 24 hours whatever the browser's clock: "0900" reads as 09:00 on leaving the field.
    await typeInto(page, 'record-startTime', '0900');
    expect(await page.getByTestId('record-startTime').inputValue()).toBe('09:00');
    // A start it cannot read is marked on the field and nothing is logged (never logged without a start).
    await typeInto(page, 'record-startTime', '9 am');
    await page.getByTestId('record-duration').fill('90');
    await page.getByTestId('record-save').click();
    await expect.poll(() => page.locator('[data-testid="record-form"]').innerText(), { timeout: STEP_MS }).toContain('Není to čas');
    await shot(page, 'start-unreadable');
    expect(await page.locator('[data-testid^="record-row-"]').count()).toBe(0);
    // A date that is no day stays as typed and is said at the field; nothing is logged on the day the field held before.
    await page.getByTestId('record-startTime').fill('');
    await typeInto(page, 'record-date', '31. 2. 2026');
    expect(await page.getByTestId('record-date').inputValue()).toBe('31. 2. 2026');
    await page.getByTestId('record-save').click();
    await expect.poll(() => page.locator('[data-testid="record-form"]').innerText(), { timeout: STEP_MS }).toContain('Není to den');
    // The refusal puts the cursor in the field to fix.
    await expect.poll(() => page.evaluate("document.activeElement?.getAttribute('data-testid')"), { timeout: STEP_MS }).toBe('record-date');
    await page.waitForTimeout(300);
    expect(await page.locator('[data-testid^="record-row-"]').count()).toBe(0);
    // A Saturday without a start says how it is priced; a start makes the note go away.
    await typeInto(page, 'record-date', '31. 10. 2026');
    await expect.poll(() => page.getByTestId('record-start-hint').getAttribute('data-day'), { timeout: STEP_MS }).toBe('non_business_day');
    expect(await page.getByTestId('record-start-hint').innerText()).toContain('bez začátku se práce účtuje jako pracovní doba');
    await shot(page, 'saturday-without-start');
    await typeInto(page, 'record-date', '28. 10. 2026');
    await expect.poll(() => page.getByTestId('record-start-hint').getAttribute('data-day'), { timeout: STEP_MS }).toBe('holiday');
    await typeInto(page, 'record-startTime', '10');
    await page.getByTestId('record-start-hint').waitFor({ state: 'detached' });
    await page.getByTestId('record-duration').fill('');

    ids.push(await logWork(page, '2026-10-12', '1830', '100', 'Práce u zákazníka'));
    ids.push(await logWork(page, '2026-10-28', '10', '45'));
    expect(ids.every((id) => id > 0), String(ids)).toBe(true);
    // Toasts show where the app's others do (bottom left), not in a corner of their own.
    const toast = await page.locator('.mantine-Notification-root').first().boundingBox();
    expect(toast && toast.x + toast.width / 2, JSON.stringify(toast)).toBeLessThan((page.viewportSize()?.width ?? 0) / 2);

    // Rounded to the 15-minute increment; the minimum of 60 min on the holiday.
    expect(plain(await page.getByTestId(`record-minutes-${ids[0]}`).innerText())).toContain('1 h 40 min → účtováno 1 h 45 min');
    expect(plain(await page.getByTestId(`record-minutes-${ids[1]}`).innerText())).toContain('45 min → účtováno 1 h');
    // The technician sees each record priced as in BILLING.md example A (prices, not costs, are in their field scope).
    await page.getByTestId(`record-amount-${ids[0]}`).waitFor();
    expect(plain(await page.getByTestId(`record-amount-${ids[0]}`).innerText())).toBe('2 625,00 Kč');
    expect(plain(await page.getByTestId(`record-amount-${ids[1]}`).innerText())).toBe('2 000,00 Kč');
    await shot(page, 'technician-logged');

    // The correction dialog shows the start in 24 hours, and its keyboard hint says Ctrl+Enter saves.
    await page.getByTestId(`record-edit-${ids[0]}`).click();
    const dialog = page.getByTestId('record-edit-modal');
    await expect.poll(() => dialog.getByTestId('record-startTime').inputValue(), { timeout: STEP_MS }).toBe('18:30');
    expect(await dialog.innerText()).toContain('Ctrl+Enter uloží');
    expect(await dialog.innerText()).not.toContain('Ctrl+Enter vykáže');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

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

    // With a mouse and a wide screen the search box of a list shows its "/" key hint (hidden on the phone, below).
    await page.goto('/clients');
    await page.getByTestId('clients-search-key-hint').waitFor();
    await page.goto(`/tickets/${ticketId}`);
    await page.getByTestId('records-panel').waitFor();

    // The approval queue: both submitted records, approved together.
    await page.getByTestId('nav-approvals').click();
    await page.getByTestId('page-approvals').waitFor();
    for (const id of ids) await page.getByTestId(`approvals-check-${id}`).check();
    await shot(page, 'approvals-selected');
    await page.getByTestId('approvals-approve').click();
    for (const id of ids) await expect.poll(() => page.getByTestId(`approvals-row-${id}`).count(), { timeout: STEP_MS }).toBe(0);
    // The button that approved them turned disabled and the rows left: the focus stays in the queue, on the
    // first remaining record's box (Space selects it) or on the list once it is empty, not on <body>.
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toMatch(/^approvals-(check-\d+|list)$/);
    const focused = await focusedTestId(page);
    if (focused !== 'approvals-list') expect(focused).toBe(await page.locator('[data-testid^="approvals-check-"]:not(:disabled)').first().getAttribute('data-testid'));

    // The approved ones, exported with the filters of the page.
    await page.getByTestId('approvals-filter-state').click();
    await page.getByRole('option', { name: 'Schváleno' }).click();
    for (const id of ids) await expect.poll(() => page.getByTestId(`approvals-state-${id}`).getAttribute('data-state'), { timeout: STEP_MS }).toBe('approved');
    await shot(page, 'approvals-approved');
    // Work under a contract (the demo's flat-fee and prepaid clients) says so under its amount, linked to the contract;
    // these two (a client without a contract) do not.
    await expect.poll(() => page.locator('[data-testid^="approvals-contract-"]').count(), { timeout: STEP_MS }).toBeGreaterThan(0);
    expect(await page.locator('[data-testid^="approvals-contract-"]').first().getAttribute('href')).toMatch(/^\/contracts\/\d+$/);
    for (const id of ids) expect(await page.getByTestId(`approvals-contract-${id}`).count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('approvals-export-csv').click()]);
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.split(/\r?\n/);
    expect(lines[0]).toContain('Datum;Začátek;Technik');
    // The demo has records of its own on these days (its billing examples): ours are those of our ticket.
    const row = (date: string) => lines.find((l) => l.startsWith(`${date};`) && l.includes(`;${ticketNumber};`)) ?? '';
    expect(row('2026-10-12')).toMatch(/;Tomáš Technik;Strojírny Brno a\.s\.;T\d{4}-\d+;práce;Práce u zákazníka;.*;100;105;.*;schváleno;2625,00;/);
    expect(row('2026-10-28')).toMatch(/;Tomáš Technik;Strojírny Brno a\.s\.;T\d{4}-\d+;práce;Práce u zákazníka;.*;45;60;.*;schváleno;2000,00;/);
  }, JOURNEY_MS);

  test('work under a contract shows what the client pays, not its list price: covered by the flat fee, from prepaid hours', async () => {
    const page = await newPage();
    await signIn(page, 'manager@kontor.demo');
    await page.goto(`/tickets/${flatFeeTicketId}`);
    await page.getByTestId('records-list').waitFor();
    // Example B: remote and on-site are covered by the fee (their list price under it), development is billed at its amount.
    const covered = page.locator('[data-testid^="record-amount-"][data-coverage="flat_fee"]');
    await expect.poll(() => covered.count(), { timeout: STEP_MS }).toBe(2);
    for (const text of await covered.allInnerTexts()) expect(plain(text)).toBe('Kryto smlouvou PRIKLAD-B');
    const lists = await page.locator('[data-testid^="record-amount-"][data-testid$="-list"]').allInnerTexts();
    expect(lists.map(plain).sort()).toEqual(['Ceníková cena 1 600,00 Kč', 'Ceníková cena 3 000,00 Kč']);
    const billed = (await page.locator('[data-testid^="record-amount-"][data-coverage="billable"]').allInnerTexts()).map(plain).sort();
    expect(billed).toEqual(['1 200,00 Kč', '240,00 Kč']);
    // The total is what the client pays beyond the fee: 1 200 + 240, not the 6 040 of the list prices.
    expect(plain(await page.getByTestId('records-totals').innerText())).toContain('1 440,00 Kč');
    expect(await page.locator('[data-testid^="record-contract-"]').first().innerText()).toBe('PRIKLAD-B');
    await shot(page, 'flat-fee-coverage');

    // Example C: 780 min of allowance; the last entry is split 1 h covered, 2 h over (billed as overage at the month's end).
    await page.goto(`/tickets/${prepaidTicketId}`);
    await page.getByTestId('records-list').waitFor();
    const prepaid = page.locator('[data-testid^="record-amount-"][data-coverage="prepaid"]');
    await expect.poll(async () => (await prepaid.allInnerTexts()).map(plain), { timeout: STEP_MS }).toContain('1 h z předplacených hodin, 2 h nad ně');
    expect((await prepaid.allInnerTexts()).map(plain)).toContain('Z předplacených hodin · říjen 2026: po veškeré práci zbývá 0 min');
    // The ticket's total counts prepaid work as time, not as records: October's 13 h covered (3 h carried over + 10 h) and 2 h over them.
    expect(plain(await page.getByTestId('records-totals').innerText())).toContain('13 h z předplacených hodin, 2 h nad předplacené hodiny (vyúčtuje se na konci období)');
    await shot(page, 'prepaid-coverage');
  }, JOURNEY_MS);

  test('phone (390×844): travel with a decimal comma; a timer that survives a reload, shows in the header, refuses a second one and is corrected when stopped; the week submitted', async () => {
    const page = await newPage({ context: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } });
    await signIn(page, 'technician@kontor.demo');
    await page.goto(`/tickets/${ticketId}`);
    await page.getByTestId('records-panel').waitFor();

    await page.getByTestId('record-kind-travel').click();
    await page.getByTestId('record-duration').fill('40');
    await page.getByTestId('record-km').fill('-5');
    // Ctrl+Enter logs from any field of the form, the km field too; a negative km is named as such.
    await page.getByTestId('record-km').press('Control+Enter');
    await expect.poll(() => page.locator('[data-testid="record-form"]').innerText(), { timeout: STEP_MS }).toContain('Nesmí být záporné');
    await page.getByTestId('record-km').fill('36,5');
    await page.getByTestId('record-km').press('Control+Enter');
    const travel = page.locator('[data-testid^="record-row-"][data-kind="travel"]');
    await travel.waitFor();
    expect(await travel.innerText()).toContain('36,5 km');
    // The confirmation reads as a sentence: "Vykázáno: cesta 36,5 km, 40 min · 438,00 Kč".
    await expect.poll(() => toasts(page), { timeout: STEP_MS }).toMatch(/Vykázáno: cesta 36,5 km, 40 min( · |$)/m);
    // No sideways scrolling on the phone (the server's tsconfig has no DOM types: the page measures itself).
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);

    // The server keeps the timer: after a reload it still runs here.
    await page.getByTestId('timer-start').click();
    await page.getByTestId('timer-elapsed').waitFor();
    // Nothing done wrong yet: the work type beside a fresh timer is not marked as an error.
    expect(await page.getByTestId('timer-workType').getAttribute('aria-invalid')).not.toBe('true');
    expect(await page.getByTestId('timer-workType').getAttribute('data-error')).toBeNull();
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

    // The running timer shows in the header on every page; a click leads back to its ticket.
    await page.goto('/clients');
    await expect.poll(() => page.getByTestId('header-timer').getAttribute('data-ticket'), { timeout: STEP_MS }).toBe(String(ticketId));
    // On the phone it shows the time only, and leaves the user menu whole.
    const menu = await page.getByTestId('user-menu').boundingBox();
    expect(menu && menu.x + menu.width, JSON.stringify(menu)).toBeLessThanOrEqual(390);
    expect(await page.getByTestId('header-timer-ticket').isVisible()).toBe(false);
    await shot(page, 'phone-header-timer');
    await page.getByTestId('header-timer').click();
    await page.waitForURL(`**/tickets/${ticketId}`);

    // Stop opens the log form filled with what the timer measured, to correct before logging:
    // a misclick's 1 minute becomes the 25 minutes really worked.
    await page.getByTestId('timer-stop').click();
    const stopDialog = page.getByTestId('timer-stop-modal');
    await expect.poll(() => stopDialog.getByTestId('record-duration').inputValue(), { timeout: STEP_MS }).toMatch(/^\d+$/);
    const start = await stopDialog.getByTestId('record-startTime').inputValue();
    expect(start).toMatch(/^\d{2}:\d{2}$/);
    // The end is filled too: the start and the minutes measured (empty only past midnight).
    const endAfter = (minutes: number) => {
      const end = Number(start.slice(0, 2)) * 60 + Number(start.slice(3)) + minutes;
      return end < 24 * 60 ? `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}` : '';
    };
    const measured = Number(await stopDialog.getByTestId('record-duration').inputValue());
    expect(await stopDialog.getByTestId('record-endTime').inputValue()).toBe(measured > 0 ? endAfter(measured) : '');
    const before = await page.locator('[data-testid^="record-row-"][data-kind="work"]').count();
    await stopDialog.getByTestId('record-duration').fill('25');
    // Corrected minutes move the end with them, so the end sent never overrules them.
    expect(await stopDialog.getByTestId('record-endTime').inputValue()).toBe(endAfter(25));
    await stopDialog.getByTestId('record-workTypeId').click();
    await page.getByRole('option', { name: 'Práce u zákazníka' }).click();
    await stopDialog.getByTestId('record-description').fill('Kontrola linky');
    await shot(page, 'phone-timer-stop');
    // Escape asks before dropping what was typed: "Pokračovat v úpravách" keeps it; discarded,
    // the dialog closes, logs nothing and leaves the timer running.
    await page.keyboard.press('Escape');
    const ask = page.getByTestId('confirm-modal');
    expect(await ask.innerText({ timeout: STEP_MS })).toContain('Zahodit změny?');
    await ask.getByRole('button', { name: 'Pokračovat v úpravách' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await stopDialog.getByTestId('record-description').inputValue()).toBe('Kontrola linky');
    await page.keyboard.press('Escape');
    await ask.getByTestId('confirm-ok').click();
    await stopDialog.waitFor({ state: 'detached' });
    await page.getByTestId('timer-elapsed').waitFor();
    await page.getByTestId('timer-stop').click();
    await stopDialog.getByTestId('record-duration').fill('25');
    await stopDialog.getByTestId('record-workTypeId').click();
    await page.getByRole('option', { name: 'Práce u zákazníka' }).click();
    await stopDialog.getByTestId('record-save').click();
    await stopDialog.waitFor({ state: 'detached' });
    await page.getByTestId('timer-start').waitFor();
    await expect.poll(() => page.locator('[data-testid^="record-row-"][data-kind="work"]').count(), { timeout: STEP_MS }).toBe(before + 1);
    const logged = page.locator('[data-testid^="record-row-"][data-kind="work"]').last();
    expect(plain(await logged.innerText())).toContain('25 min');
    // Its day and start written as everywhere in Czech: "28. 11. 2026 7:34" (no zero before the hour).
    expect(plain(await logged.innerText())).toContain(`${czechDate((await logged.getAttribute('data-date'))!)} ${Number(start.slice(0, 2))}:${start.slice(3)}`);
    await page.getByTestId('header-timer').waitFor({ state: 'detached' });

    // A timer started by mistake is discarded from the same dialog: nothing is logged.
    await page.getByTestId('timer-start').click();
    await page.getByTestId('timer-stop').click();
    await stopDialog.getByTestId('timer-stop-discard').click();
    await stopDialog.waitFor({ state: 'detached' });
    await page.getByTestId('timer-start').waitFor();
    expect(await page.locator('[data-testid^="record-row-"][data-kind="work"]').count()).toBe(before + 1);

    // The "/" key hint of a list's search box is of no use on a touch screen and would cut the placeholder.
    await page.goto('/clients');
    await page.getByTestId('clients-search').waitFor();
    await page.locator('[data-testid^="clients-row-"]').first().waitFor();
    expect(await page.getByTestId('clients-search-key-hint').count()).toBe(0);

    // My week on the phone opens scrolled to today's column (the grid is wider than the screen) and says more lies aside.
    await page.goto('/timesheets');
    await page.getByTestId('week-grid').waitFor();
    await page.getByTestId('week-scroll-hint').waitFor();
    // The hint is read, not shaded over by the grid's scroll shadows (they let clicks through, so uncovered() alone does not see them).
    const hint = page.getByTestId('week-scroll-hint');
    await expect.poll(() => page.getByTestId('week-scroll').getAttribute('class'), { timeout: STEP_MS }).toContain('week-scroll-more-');
    await page.waitForTimeout(200); // the shades fade in (150 ms)
    expect(await uncovered(hint)).toBe(true);
    expect(await underNoShade(hint)).toBe(true);
    const today = await page.evaluate(`(() => { const r = document.querySelector('th.week-grid-today').getBoundingClientRect(); return [r.left, r.right]; })()`) as [number, number];
    expect(today[0], String(today)).toBeGreaterThanOrEqual(0);
    expect(today[1], String(today)).toBeLessThanOrEqual(390);
    // Today's travel and the timer's work on the ticket (40 + 25 min) and, under the time, the km with the
    // decimal comma; the week sums km too.
    const todayCell = page.getByTestId(`week-row-${ticketId}`).locator('td.week-grid-today');
    await expect.poll(() => todayCell.innerText(), { timeout: STEP_MS }).toContain('1:05');
    expect(await todayCell.innerText()).toContain('36,5 km');
    expect(await page.getByTestId('week-sum-km').innerText()).toMatch(/\d km$/);
    // The amount under the week's total lines up on the right with the time above it.
    const rightEdge = async (testId: string) => await page.evaluate(`(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('[data-testid="${testId}"]'));
      return range.getBoundingClientRect().right;
    })()`) as number;
    await page.getByTestId('week-total-money').scrollIntoViewIfNeeded();
    expect(Math.abs((await rightEdge('week-total-money')) - (await rightEdge('week-total')))).toBeLessThanOrEqual(1);
    await shot(page, 'phone-week');

    // The week's drafts submitted, the button stays but is disabled and says there are none.
    await expect.poll(() => page.getByTestId('week-submit-drafts').isEnabled(), { timeout: STEP_MS }).toBe(true);
    await page.getByTestId('week-submit-drafts').click();
    await page.getByTestId('week-no-drafts').waitFor();
    expect(await page.getByTestId('week-submit-drafts').isDisabled()).toBe(true);
    expect(await page.getByTestId('week-no-drafts').innerText()).toContain('nejsou žádné koncepty');
    await shot(page, 'phone-week-submitted');
  }, JOURNEY_MS);

  test('phone (360×740): a draft corrected in a dialog, a change made meanwhile, a reply kept over a reload', async () => {
    const page = await newPage({ context: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } });
    await signIn(page, 'technician@kontor.demo');
    await page.goto(`/tickets/${otherTicketId}`);
    await page.getByTestId('records-panel').waitFor();
    await page.getByTestId('record-kind-travel').click();
    await page.getByTestId('record-km').fill('20');
    await page.getByTestId('record-save').click();
    const row = page.locator('[data-testid^="record-row-"][data-kind="travel"]');
    await row.waitFor();
    const id = Number((await row.getAttribute('data-testid'))?.replace('record-row-', ''));

    // The demo's call-out fee is named after its unit: the picker and the confirmation say "Výjezd" once.
    await page.getByTestId('record-kind-fee').click();
    await page.getByTestId('record-feeId').click();
    await page.getByRole('option', { name: 'Výjezd', exact: true }).click();
    await page.getByTestId('record-save').click();
    await page.locator('[data-testid^="record-row-"][data-kind="fee"]').waitFor();
    await expect.poll(() => toasts(page), { timeout: STEP_MS }).toMatch(/Vykázáno: Výjezd × 1( · |$)/m);
    expect(await page.locator('[data-testid^="record-row-"][data-kind="fee"]').innerText()).not.toContain('výjezd');
    await page.getByTestId('record-kind-travel').click();

    // The draft opens filled in (km with the decimal comma of the UI); emptied km is refused on its field, not kept silently.
    await page.getByTestId(`record-edit-${id}`).click();
    const dialog = page.getByTestId('record-edit-modal');
    await expect.poll(() => dialog.getByTestId('record-km').inputValue(), { timeout: STEP_MS }).toBe('20');
    await dialog.getByTestId('record-km').fill('');
    await dialog.getByTestId('record-save').click();
    await expect.poll(() => dialog.innerText(), { timeout: STEP_MS }).toContain('Zadejte km nebo zónu');
    await dialog.getByTestId('record-km').fill('12,4');
    await dialog.getByTestId('record-duration').fill('1:10');
    await shot(page, 'phone-record-edit');
    await dialog.getByTestId('record-save').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId(`record-row-${id}`).innerText(), { timeout: STEP_MS }).toContain('12,4 km');
    expect(plain(await page.getByTestId(`record-row-${id}`).innerText())).toContain('1 h 10 min');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

    // Changed meanwhile in another tab: the dialog says so and shows the saved values instead of overwriting them.
    await page.getByTestId(`record-edit-${id}`).click();
    const other = await newPage({ context: { viewport: { width: 360, height: 740 } } });
    await signIn(other, 'technician@kontor.demo');
    await other.goto(`/tickets/${otherTicketId}`);
    await other.getByTestId(`record-edit-${id}`).click();
    await other.getByTestId('record-edit-modal').getByTestId('record-km').fill('15');
    await other.getByTestId('record-edit-modal').getByTestId('record-save').click();
    await other.getByTestId('record-edit-modal').waitFor({ state: 'detached' });
    await dialog.getByTestId('record-km').fill('99');
    await dialog.getByTestId('record-save').click();
    await dialog.getByTestId('record-edit-stale').waitFor();
    await expect.poll(() => dialog.getByTestId('record-km').inputValue(), { timeout: STEP_MS }).toBe('15');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // A note being written comes back after a reload, with its kind and a notice; once sent it is gone.
    await page.getByTestId('reply-visibility').getByText('Interní poznámka').click();
    await page.getByTestId('reply-body').fill('Rozpracovaná poznámka z místa');
    await page.reload();
    await expect.poll(() => page.getByTestId('reply-body').inputValue(), { timeout: STEP_MS }).toBe('Rozpracovaná poznámka z místa');
    expect(await page.getByTestId('reply-hint').getAttribute('data-visibility')).toBe('internal');
    await page.getByTestId('reply-draft-restored').waitFor();
    await page.getByTestId('reply-send').click();
    await expect.poll(() => page.getByTestId('reply-body').inputValue(), { timeout: STEP_MS }).toBe('');
    await page.getByTestId('reply-draft-restored').waitFor({ state: 'detached' });
    // "Discard it" empties a restored reply and forgets it.
    await page.getByTestId('reply-body').fill('Nedokončená věta');
    await page.reload();
    await page.getByTestId('reply-draft-discard').click();
    await expect.poll(() => page.getByTestId('reply-body').inputValue(), { timeout: STEP_MS }).toBe('');
    await page.reload();
    await page.getByTestId('reply-body').waitFor();
    expect(await page.getByTestId('reply-body').inputValue()).toBe('');
  }, JOURNEY_MS);

  test('phone (360×740): an entry half written in the log form is kept over a reload until logged or discarded', async () => {
    const page = await newPage({ context: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } });
    await signIn(page, 'technician@kontor.demo');
    await page.goto(`/tickets/${otherTicketId}`);
    const form = page.getByTestId('record-form');
    await page.locator('[data-testid="records-list"], [data-testid="records-empty"]').first().waitFor();
    const works = page.locator('[data-testid^="record-row-"][data-kind="work"]');
    const before = await works.count();

    // A kind clicked, nothing typed: no draft, the form comes back new.
    await page.getByTestId('record-kind-travel').click();
    await page.reload();
    await form.waitFor();
    expect(await form.getAttribute('data-kind')).toBe('work');
    expect(await page.getByTestId('record-draft-restored').count()).toBe(0);

    // Typed in part, reloaded: all of it comes back, and the form says so.
    await typeInto(page, 'record-startTime', '0800');
    await page.getByTestId('record-duration').fill('45');
    await page.getByTestId('record-workTypeId').click();
    await page.getByRole('option', { name: 'Práce u zákazníka' }).click();
    await page.getByTestId('record-description').fill('Výměna ložiska');
    await page.getByTestId('record-internalNote').fill('Ložisko vzato z auta');
    await page.reload();
    await page.getByTestId('record-draft-restored').waitFor();
    expect(await page.getByTestId('record-draft-restored').innerText()).toContain('ještě nevykázali');
    expect(await form.getAttribute('data-kind')).toBe('work');
    expect(await page.getByTestId('record-startTime').inputValue()).toBe('08:00');
    expect(await page.getByTestId('record-duration').inputValue()).toBe('45');
    expect(await page.getByTestId('record-workTypeId').inputValue()).toBe('Práce u zákazníka');
    expect(await page.getByTestId('record-description').inputValue()).toBe('Výměna ložiska');
    expect(await page.getByTestId('record-internalNote').inputValue()).toBe('Ložisko vzato z auta');
    await page.getByTestId('record-draft-restored').scrollIntoViewIfNeeded();
    await shot(page, 'phone-record-draft-restored');
    // Logged: the draft is gone with it, after a reload too.
    await page.getByTestId('record-save').click();
    await expect.poll(() => works.count(), { timeout: STEP_MS }).toBe(before + 1);
    expect(await works.filter({ hasText: 'Výměna ložiska' }).count()).toBe(1);
    await page.getByTestId('record-draft-restored').waitFor({ state: 'detached' });
    await page.reload();
    await form.waitFor();
    expect(await page.getByTestId('record-draft-restored').count()).toBe(0);
    expect(await form.getAttribute('data-kind')).toBe('work');
    for (const field of ['record-startTime', 'record-duration', 'record-description', 'record-internalNote']) {
      expect(await page.getByTestId(field).inputValue(), field).toBe('');
    }

    // A restored entry thrown away ("Zahodit") empties the form and stays away after a reload.
    await page.getByTestId('record-description').fill('Omylem');
    await page.reload();
    await page.getByTestId('record-draft-discard').click();
    expect(await page.getByTestId('record-description').inputValue()).toBe('');
    await page.getByTestId('record-draft-restored').waitFor({ state: 'detached' });
    await page.reload();
    await form.waitFor();
    expect(await page.getByTestId('record-draft-restored').count()).toBe(0);
    expect(await page.getByTestId('record-description').inputValue()).toBe('');
    await expect.poll(() => works.count(), { timeout: STEP_MS }).toBe(before + 1);
  }, JOURNEY_MS);

  test('a work type not billable by default, remembered: the new entry starts unticked and is logged not billable; a box ticked by hand is for that entry only', async () => {
    const page = await newPage();
    await signIn(page, 'technician@kontor.demo');
    await page.goto(`/tickets/${internalTicketId}`);
    await page.getByTestId('records-empty').waitFor();
    const billable = page.getByTestId('record-billable');
    expect(await billable.isChecked()).toBe(true);
    // Picked once, the work type is remembered for the next entry (the form itself keeps no draft of a pick alone).
    await page.getByTestId('record-workTypeId').click();
    await page.getByRole('option', { name: INTERNAL_WORK }).click();
    expect(await billable.isChecked()).toBe(false);
    await page.reload();
    await page.getByTestId('record-form').waitFor();
    await expect.poll(() => page.getByTestId('record-workTypeId').inputValue(), { timeout: STEP_MS }).toBe(INTERNAL_WORK);
    await expect.poll(() => billable.isChecked(), { timeout: STEP_MS }).toBe(false);
    await billable.scrollIntoViewIfNeeded();
    await shot(page, 'internal-work-remembered');
    const internal = await logWork(page, '2026-10-13', '9', '30');
    expect(plain(await page.getByTestId(`record-minutes-${internal}`).innerText())).toContain('30 min · nefakturovat');

    // Ticked by hand: that entry is billable; the next one starts as the work type says again.
    await billable.check();
    const ticked = await logWork(page, '2026-10-14', '9', '30');
    expect(plain(await page.getByTestId(`record-minutes-${ticked}`).innerText())).not.toContain('nefakturovat');
    await expect.poll(() => billable.isChecked(), { timeout: STEP_MS }).toBe(false);
    // Travel and fees are billable whatever work type is remembered.
    await page.getByTestId('record-kind-travel').click();
    expect(await billable.isChecked()).toBe(true);
    await page.getByTestId('record-kind-work').click();
    expect(await billable.isChecked()).toBe(false);

    // Corrected: the record's own billable stands; another work type moves it to that type's
    // default, and the saved record follows the type it is moved to.
    await page.getByTestId(`record-edit-${ticked}`).click();
    const dialog = page.getByTestId('record-edit-modal');
    const editBillable = dialog.getByTestId('record-billable');
    await expect.poll(() => dialog.getByTestId('record-workTypeId').inputValue(), { timeout: STEP_MS }).toBe(INTERNAL_WORK);
    expect(await editBillable.isChecked()).toBe(true);
    await dialog.getByTestId('record-workTypeId').click();
    await page.getByRole('option', { name: 'Vývoj' }).click();
    expect(await editBillable.isChecked()).toBe(true);
    await dialog.getByTestId('record-workTypeId').click();
    await page.getByRole('option', { name: INTERNAL_WORK }).click();
    expect(await editBillable.isChecked()).toBe(true);
    await dialog.getByTestId('record-save').click();
    await dialog.waitFor({ state: 'detached' });
    expect(plain(await page.getByTestId(`record-minutes-${ticked}`).innerText())).not.toContain('nefakturovat');
    await shot(page, 'internal-work-corrected');
    await page.getByTestId(`record-edit-${internal}`).click();
    await dialog.getByTestId('record-workTypeId').click();
    await page.getByRole('option', { name: 'Vývoj' }).click();
    expect(await editBillable.isChecked()).toBe(true);
    await dialog.getByTestId('record-save').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => plain(await page.getByTestId(`record-minutes-${internal}`).innerText()), { timeout: STEP_MS }).not.toContain('nefakturovat');
  }, JOURNEY_MS);
});
