// Contracts in a real browser against a real server (see harness.ts): a service manager
// creates a contract with every kind of term from the form, sees every wrong value marked
// on its field at once (a negative multiplier kept as typed, not turned into 0) and the
// warnings about terms that are allowed but likely not meant, saves, reads the contract
// page (terms, prepaid minutes, ledger), links a ticket of the client to the contract from
// the ticket page, and finds it on the list by searching; a contract that starts next
// month says so where its profitability would be.
//
//   npm run build:web && npx vitest run test/e2e/contracts.e2e.test.ts
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { systemContext } from '../../src/modules/identity/index.ts';
import { expectOnScreen, focusedTestId, plain, typeInto, useDemoServer } from './harness.ts';

const CLIENT = 'Strojírny Brno a.s.';
const NUMBER = `E2E-${Date.now().toString(36).toUpperCase()}`;
const STEP_MS = 15_000;
const JOURNEY_MS = 60_000;

let ticketId = 0;
let contractId = 0;
let futureContractId = 0;
/** The first day of next month, when the contract seeded to start in the future starts. */
const nextMonth = (() => {
  const now = new Date();
  const first = new Date(now.getFullYear(), now.getMonth() + 1, 1);
  return `${first.getFullYear()}-${String(first.getMonth() + 1).padStart(2, '0')}-01`;
})();

/** How far the window is scrolled down (the string runs in the page). */
const scrollY = (page: Page) => page.evaluate<number>('window.scrollY');

const { newPage, signIn, shot } = useDemoServer({
  name: 'contracts',
  stepMs: STEP_MS,
  seed: async (services, db) => {
    const client = await db.selectFrom('clients').select('id').where('name', '=', CLIENT).executeTakeFirstOrThrow();
    ticketId = (await services.tickets.create(systemContext, {
      subject: 'E2E: smlouva', description: 'Požadavek bez smlouvy.', typeCode: 'incident', clientId: client.id, requesterContactId: null,
      impact: 'medium', urgency: 'medium', tags: [], custom: {}, dimensions: {}, watcherUserIds: [], watcherContactIds: [],
    })).id;
    futureContractId = (await services.contracts.create(systemContext, {
      clientId: client.id, number: NUMBER.replace('E2E-', 'E2E-NEXT-'), name: 'Podpora od příštího měsíce', currency: 'CZK', validFrom: nextMonth, validTo: null,
      periodKind: 'month', priceListId: null, fee: null, scope: { workTypeIds: [], coversTravel: false, unitFeeIds: [] }, prepaidMinutes: 0,
      carryOver: { enabled: false }, multipliers: { byWorkType: {}, byTimeClass: {} }, overage: { kind: 'entry_rate' },
      ownInvoice: false, alertClient: false, slaPolicyId: null, note: '', active: true,
    })).id;
  },
});

describe('Contracts: create, read, link a ticket', () => {
  test('manager creates a contract with all its terms; every wrong value is marked at once, nothing is changed behind the back', async () => {
    const page = await newPage();
    await signIn(page, 'manager@kontor.demo');
    await page.getByTestId('nav-contracts').click();
    await page.getByTestId('page-contracts').waitFor();
    await page.getByTestId('contracts-new').waitFor();
    // N opens the new contract with the cursor in its first field (the client), as every "new" form does, not on <main>.
    await page.keyboard.press('n');
    await page.getByTestId('page-contract-form').waitFor();
    await expect.poll(() => focusedTestId(page), { timeout: STEP_MS }).toBe('contract-client');

    // Saved empty: the client is asked for in words (not "value too small" for a client 0), and
    // the cursor is put there, at the top of the long form.
    await page.getByTestId('contract-save').click();
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.getAttribute("data-testid")')).toBe('contract-client');
    expect(await page.getByTestId('contract-client').getAttribute('aria-invalid')).toBe('true');
    expect(plain(await page.getByTestId('page-contract-form').innerText())).toContain('Povinný údaj');
    expect(plain(await page.getByTestId('page-contract-form').innerText())).not.toContain('Příliš malá hodnota');

    await page.getByTestId('contract-client').fill('Strojírny');
    await page.getByRole('option', { name: CLIENT }).click();
    await page.getByTestId('contract-number').fill(NUMBER);
    await page.getByTestId('contract-name').fill('Podpora linky');
    await typeInto(page, 'contract-validFrom', '1. 1. 2026');
    await page.getByTestId('contract-fee').fill('10000,5');
    // Prepaid minutes while no work type is covered: a warning that nothing could use them.
    await page.getByTestId('contract-prepaid').fill('600');
    await page.getByTestId('contract-warning-prepaid-unused').waitFor();
    await page.getByTestId('contract-workTypes').click();
    await page.getByRole('option', { name: 'Vzdálená podpora' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('contract-warning-prepaid-unused').waitFor({ state: 'detached' });
    await page.getByTestId('contract-coversTravel').check();
    await page.getByTestId('contract-carryOver').check();
    await page.getByTestId('contract-carryCap').fill('300');
    await page.getByTestId('contract-wtm-add').click();
    await page.getByTestId('contract-wtm-type-0').click();
    await page.getByRole('option', { name: 'Práce u zákazníka' }).click();
    await page.getByTestId('contract-wtm-factor-0').fill('1,5');
    await page.getByTestId('contract-multiplier-weekend_holiday').fill('2');
    // A negative multiplier stays as typed when the field is left (it was turned into 0 and saved).
    const normal = page.getByTestId('contract-multiplier-normal');
    await normal.fill('-1');
    await normal.blur();
    expect(await normal.inputValue()).toBe('-1');
    await page.getByText('Pásma', { exact: true }).click();
    // The first band left unlimited and the last band's rate left empty (not saved as 0 Kč an hour).
    await page.getByTestId('contract-band-minutes-0').fill('');
    await page.getByTestId('contract-band-rate-0').fill('700');
    // One save marks all three, each at its field, before anything is sent; the cursor goes to the first.
    await page.getByTestId('contract-save').click();
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.getAttribute("data-testid")')).toBe('contract-multiplier-normal');
    for (const field of ['contract-multiplier-normal', 'contract-band-minutes-0', 'contract-band-rate-1']) {
      expect(await page.getByTestId(field).getAttribute('aria-invalid'), field).toBe('true');
    }
    const form = plain(await page.getByTestId('page-contract-form').innerText());
    expect(form).toContain('Koeficient musí být od 0 do 100.');
    expect(form).toContain('Zadejte velikost pásma');
    await shot(page, 'all-problems-at-once');
    // × 0 is a term of its own, allowed with a warning of what it means.
    await normal.fill('0');
    expect(plain(await page.getByTestId('contract-warning-zero-multiplier').innerText())).toContain('Pracovní doba × 0: pokrytá práce nečerpá předplacené minuty');
    await normal.fill('');
    await page.getByTestId('contract-warning-zero-multiplier').waitFor({ state: 'detached' });
    await page.getByTestId('contract-band-rate-1').fill('900');
    await page.getByTestId('contract-band-minutes-0').fill('600');
    // Saved from the bottom of the long form…
    await page.getByTestId('contract-save').scrollIntoViewIfNeeded();
    expect(await scrollY(page)).toBeGreaterThan(0);
    await page.getByTestId('contract-save').click();
    await page.getByTestId('page-contract').waitFor();
    contractId = Number(new URL(page.url()).pathname.split('/').pop());
    expect(contractId).toBeGreaterThan(0);
    const terms = plain(await page.getByTestId('contract-terms').innerText());
    expect(terms).toContain('10 000,50 Kč');
    expect(terms).toContain('Vzdálená podpora');
    expect(terms).toContain('Práce u zákazníka × 1,5');
    expect(terms).toMatch(/600 min|10 h/);
    await page.getByTestId('contract-consumption').waitFor();
    await page.getByTestId('contract-ledger').getByTestId('empty-state').waitFor();
    await page.getByTestId('contract-profitability').waitFor();
    // …the contract opens at its top, not at the offset of the form.
    expect(await page.evaluate<number>('document.documentElement.scrollHeight - window.innerHeight'), 'the contract page is longer than the window').toBeGreaterThan(0);
    await expect.poll(() => scrollY(page), { timeout: STEP_MS }).toBe(0);
    await shot(page, 'contract-page');

    // Read further down, to another page (its top) and Back: the contract where it was left.
    await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
    const readTo = await scrollY(page);
    expect(readTo).toBeGreaterThan(0);
    await page.getByTestId('nav-tickets').click();
    await page.getByTestId('page-tickets').waitFor();
    await expect.poll(() => scrollY(page), { timeout: STEP_MS }).toBe(0);
    await page.goBack();
    await page.getByTestId('contract-terms').waitFor();
    await expect.poll(() => scrollY(page), { timeout: STEP_MS }).toBe(readTo);
  }, JOURNEY_MS);

  test('manager links a ticket of the client to the contract from the ticket page and finds the contract by search', async () => {
    expect(contractId, 'the contract is created first').toBeGreaterThan(0);
    const page = await newPage();
    await signIn(page, 'manager@kontor.demo');
    await page.goto(`/tickets/${ticketId}`);
    await page.getByTestId('ticket-contract-select').click();
    await page.getByRole('option', { name: new RegExp(NUMBER) }).click();
    await page.getByTestId('ticket-contract-link').waitFor();
    await page.reload();
    await expect.poll(() => page.getByTestId('ticket-contract-select').inputValue(), { timeout: STEP_MS }).toContain(NUMBER);
    await shot(page, 'ticket-linked');
    await page.getByTestId('ticket-contract-link').click();
    await page.getByTestId('page-contract').waitFor();

    await page.getByTestId('nav-contracts').click();
    await page.getByTestId('contracts-search').fill(NUMBER.toLowerCase());
    await page.getByTestId(`contracts-row-${contractId}`).waitFor();
    await expect.poll(() => page.locator('[data-testid^="contracts-row-"]').count(), { timeout: STEP_MS }).toBe(1);
    // The state badge is whole in its narrow column ("Aktivní", not "AKTI…").
    const label = page.getByTestId(`contracts-state-${contractId}`).locator('.mantine-Badge-label');
    expect(await label.evaluate((l) => l.scrollWidth - l.clientWidth)).toBeLessThanOrEqual(0);
    await shot(page, 'contracts-list');

    // A contract that starts next month has no profitability yet, and says from when (not a reversed range loading for ever).
    await page.goto(`/contracts/${futureContractId}`);
    const profit = page.getByTestId('contract-profitability');
    await profit.getByTestId('contract-profit-not-started').waitFor();
    const [year, month] = nextMonth.split('-').map(Number);
    expect(plain(await profit.getByRole('heading').innerText())).toBe('Ziskovost');
    expect(plain(await profit.getByTestId('contract-profit-not-started').innerText())).toBe(`Smlouva začne platit 1. ${month}. ${year}; ziskovost zatím není.`);
    // So does the prepaid minutes card, instead of "no prepaid minutes in this period".
    await expect.poll(async () => plain(await page.getByTestId('contract-usage-not-started').innerText())).toBe(`Smlouva začne platit 1. ${month}. ${year}.`);
    expect(await page.getByTestId('contract-consumption').innerText()).not.toContain('nemá v období');
    await shot(page, 'contract-not-started');
  }, JOURNEY_MS);

  test('phone (390×844): the contracts are cards with the client on screen, no table scrolled sideways', async () => {
    expect(contractId, 'the contract is created first').toBeGreaterThan(0);
    const page = await newPage({ context: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } });
    await signIn(page, 'manager@kontor.demo');
    await page.goto('/contracts');
    await page.getByTestId('contracts-search').fill(NUMBER.toLowerCase());
    const card = page.getByTestId(`contracts-row-${contractId}`);
    await card.waitFor();
    expect(await page.getByTestId('contracts-table').getAttribute('data-layout')).toBe('cards');
    const client = page.getByTestId(`contracts-client-${contractId}`);
    expect(plain(await client.innerText())).toBe(CLIENT);
    await expectOnScreen(client, 390);
    await expectOnScreen(page.getByTestId(`contracts-state-${contractId}`), 390);
    await expectOnScreen(card.getByRole('link', { name: NUMBER }), 390);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await shot(page, 'phone-contracts-cards');
    // The number opens the contract.
    await card.getByRole('link', { name: NUMBER }).tap();
    await page.getByTestId('page-contract').waitFor();
  }, JOURNEY_MS);

  test('a contract, client or invoice that does not exist says so, with the way back to its list and no "Try again"', async () => {
    const page = await newPage();
    await signIn(page, 'manager@kontor.demo');
    const calls: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/api/v1/contracts/')) calls.push(r.url()); });
    const notFound = page.getByTestId('error-state');

    // The server answers 404: the contract's own words, no retry (it would get the same), back to the list.
    await page.goto('/contracts/99999');
    await expect.poll(() => notFound.getAttribute('data-kind'), { timeout: STEP_MS }).toBe('not-found');
    expect(await notFound.innerText()).toContain('Smlouva nenalezena');
    expect(await notFound.innerText()).toContain('nemáte oprávnění vidět');
    expect(await page.getByTestId('error-state-retry').count()).toBe(0);
    // The tab says it too, not a bare "Kontor".
    await expect.poll(() => page.title(), { timeout: STEP_MS }).toBe('Smlouva nenalezena · Kontor');
    await shot(page, 'contract-not-found');
    // By keyboard: the way back is a link in the tab order.
    await page.getByTestId('error-state-back').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('page-contracts').waitFor();
    expect(new URL(page.url()).pathname).toBe('/contracts');

    // An address that names no contract, also for editing: the same at once, and no request with NaN.
    for (const address of ['/contracts/abc', '/contracts/abc/edit']) {
      await page.goto(address);
      await expect.poll(() => notFound.getAttribute('data-kind'), { timeout: STEP_MS }).toBe('not-found');
      expect(await notFound.innerText(), address).toContain('Smlouva nenalezena');
      expect(await page.getByTestId('error-state-back').getAttribute('href'), address).toBe('/contracts');
    }
    expect(calls.filter((u) => /NaN|abc/.test(u))).toEqual([]);

    // Other record pages alike, each back to its own list.
    await page.goto('/clients/99999');
    await expect.poll(() => notFound.getAttribute('data-kind'), { timeout: STEP_MS }).toBe('not-found');
    expect(await notFound.innerText()).toContain('Klient nenalezen');
    await expect.poll(() => page.title(), { timeout: STEP_MS }).toBe('Klient nenalezen · Kontor');
    expect(await page.getByTestId('error-state-back').getAttribute('href')).toBe('/clients');
    await page.goto('/invoices/99999');
    await expect.poll(() => notFound.getAttribute('data-kind'), { timeout: STEP_MS }).toBe('not-found');
    expect(await notFound.innerText()).toContain('Faktura nenalezena');
    expect(await page.getByTestId('error-state-retry').count()).toBe(0);
    await page.getByTestId('error-state-back').click();
    await page.getByTestId('page-invoices').waitFor();
  }, JOURNEY_MS);
});
