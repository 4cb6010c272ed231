// A client's page in the browser lists the client's tickets, contracts and invoices, each
// with how many there are and a link to every one of them, and only what the signed-in
// user may read: a technician sees the tickets, an accountant the contracts and invoices.
// A client without any says so in each section. On a phone (390×844) the three sections are
// cards, each with what the table row shows and its link, and the page never scrolls sideways;
// the ticket opened from its card shows the conversation and the reply box before the details.
//
//   npm run build:web && npx vitest run test/e2e/clients-detail.e2e.test.ts
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { EXAMPLE_CLIENTS } from '../../src/cli/demo-billing.ts';
import { apiCall, czechDate, expectOnScreen, plain, useDemoServer } from './harness.ts';

const STEP_MS = 15_000;
const JOURNEY_MS = 60_000;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** The demo's example C (BILLING.md §5): one contract, one ticket and its September invoice, issued and not paid. */
const ids = { client: 0, contract: 0, ticket: 0, invoice: 0 };
const ticketNumber = { value: '' };

const demo = useDemoServer({
  name: 'clients-detail',
  stepMs: STEP_MS,
  seed: async (_services, db) => {
    ids.client = (await db.selectFrom('clients').select('id').where('name', '=', EXAMPLE_CLIENTS.c.name).executeTakeFirstOrThrow()).id;
    ids.contract = (await db.selectFrom('contracts').select('id').where('client_id', '=', ids.client).executeTakeFirstOrThrow()).id;
    const ticket = await db.selectFrom('tickets').select(['id', 'number']).where('client_id', '=', ids.client).executeTakeFirstOrThrow();
    ids.ticket = ticket.id;
    ticketNumber.value = ticket.number;
    ids.invoice = (await db.selectFrom('invoices').select('id').where('client_id', '=', ids.client).where('state', '=', 'issued').executeTakeFirstOrThrow()).id;
  },
});

async function openClient(page: Page, clientId: number): Promise<void> {
  await page.goto(`/clients/${clientId}`);
  await page.getByTestId('page-client-detail').waitFor();
}

const countOf = (page: Page, section: string) => page.getByTestId(`${section}-count`).textContent();

/** Where the element starts on the page (not on the screen: the page may be scrolled). */
const pageTop = async (page: Page, testId: string) => {
  const box = await page.getByTestId(testId).boundingBox();
  expect(box, `${testId} has a box`).not.toBeNull();
  return box!.y + (await page.evaluate<number>('window.scrollY'));
};
const scrollWidth = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');

describe("a client's tickets, contracts and invoices on its page", () => {
  test('a service manager sees all three with their counts and follows the links to the filtered lists', async () => {
    const page = await demo.newPage();
    await demo.signIn(page, 'manager@kontor.demo');
    await openClient(page, ids.client);

    await expect.poll(() => countOf(page, 'client-tickets')).toBe('1');
    // A wide screen keeps the tables.
    for (const section of ['client-tickets', 'client-contracts', 'client-invoices']) {
      expect(await page.getByTestId(`${section}-table`).evaluate((el) => el.tagName)).toBe('TABLE');
    }
    const ticketRow = page.getByTestId(`client-tickets-row-${ids.ticket}`);
    expect(await ticketRow.getByRole('link', { name: 'Správa serverů' }).getAttribute('href')).toBe(`/tickets/${ids.ticket}`);
    await ticketRow.locator('[data-priority]').waitFor();
    await ticketRow.locator('[data-state]').waitFor();

    await expect.poll(() => countOf(page, 'client-contracts')).toBe('1');
    const contractRow = page.getByTestId(`client-contracts-row-${ids.contract}`);
    expect(await contractRow.getByRole('link', { name: 'PRIKLAD-C' }).getAttribute('href')).toBe(`/contracts/${ids.contract}`);
    expect(await contractRow.textContent()).toContain('Předplacené hodiny');
    expect(await page.getByTestId(`client-contracts-state-${ids.contract}`).textContent()).toBe('Aktivní');

    await expect.poll(() => countOf(page, 'client-invoices')).toBe('1');
    const invoiceRow = page.getByTestId(`client-invoices-row-${ids.invoice}`);
    expect(await invoiceRow.getByRole('link').getAttribute('href')).toBe(`/invoices/${ids.invoice}`);
    expect(await invoiceRow.getByTestId('invoice-status').getAttribute('data-status')).toMatch(/^(issued|overdue)$/);
    // September's fee of 8 000 Kč and 21 % VAT, nothing paid yet.
    expect(plain(await invoiceRow.textContent() ?? '')).toContain('9 680,00 Kč');
    const payment = invoiceRow.getByTestId('client-invoice-payment');
    expect(await payment.getAttribute('data-payment')).toBe('unpaid');
    expect((await payment.innerText()).split('\n').map(plain).filter(Boolean)).toEqual(['Neuhrazeno', 'zbývá 9 680,00 Kč']);
    await page.getByTestId('client-invoices').scrollIntoViewIfNeeded();
    await demo.shot(page, 'client-related');

    // "All tickets of this client": the ticket list filtered by the client, every state.
    await page.getByTestId('client-tickets-all').click();
    await page.getByTestId('page-tickets').waitFor();
    expect(new URL(page.url()).searchParams.get('clientId')).toBe(String(ids.client));
    await page.getByTestId(`tickets-row-${ids.ticket}`).waitFor();
    await expect.poll(() => page.locator('[data-testid^="tickets-row-"]').count()).toBe(1);

    await openClient(page, ids.client);
    await page.getByTestId('client-invoices-all').click();
    await page.getByTestId('page-invoices').waitFor();
    expect(new URL(page.url()).searchParams.get('clientId')).toBe(String(ids.client));
    await page.getByTestId(`invoice-row-${ids.invoice}`).waitFor();
    await expect.poll(() => page.locator('[data-testid^="invoice-row-"]').count()).toBe(1);
  }, JOURNEY_MS);

  test('phone (390×844): tickets, contracts and invoices as cards with their links; the ticket from its card shows the conversation and reply box before the details', async () => {
    const page = await demo.newPage({ context: PHONE });
    await demo.signIn(page, 'manager@kontor.demo');
    await openClient(page, ids.client);

    for (const section of ['client-tickets', 'client-contracts', 'client-invoices']) {
      await expect.poll(() => page.getByTestId(`${section}-table`).getAttribute('data-layout')).toBe('cards');
    }
    // The ticket: number, subject (its link), state, priority, SLA and when it last changed, all on screen.
    const ticketCard = page.getByTestId(`client-tickets-row-${ids.ticket}`);
    const ticketLink = ticketCard.getByRole('link', { name: 'Správa serverů' });
    expect(await ticketLink.getAttribute('href')).toBe(`/tickets/${ids.ticket}`);
    expect(await ticketCard.innerText()).toContain(ticketNumber.value);
    for (const part of [ticketLink, ticketCard.locator('[data-state]'), ticketCard.locator('[data-priority]'), ticketCard.locator('[data-status]')]) {
      await expectOnScreen(part, 390);
    }
    const updated = page.getByTestId(`client-tickets-updated-${ids.ticket}`);
    await expectOnScreen(updated, 390);
    expect(plain(await updated.innerText())).toMatch(/^Naposledy změněno \d{1,2}\. ?\d{1,2}\. ?\d{4}/);

    // The contract: number (its link), name, whether it is active, its period and validity.
    const contractCard = page.getByTestId(`client-contracts-row-${ids.contract}`);
    const contractLink = contractCard.getByRole('link', { name: 'PRIKLAD-C' });
    expect(await contractLink.getAttribute('href')).toBe(`/contracts/${ids.contract}`);
    const contractText = plain(await contractCard.innerText()).replace(/\s+/g, ' ');
    expect(contractText).toContain('Předplacené hodiny');
    expect(contractText).toContain('Období: Měsíc');
    const validity = page.getByTestId(`client-contracts-validity-${ids.contract}`);
    expect(plain(await validity.innerText()).replace(/\s+/g, ' ')).toBe(`${czechDate('2026-09-01')} – na dobu neurčitou`);
    await expectOnScreen(validity, 390);
    const contractState = page.getByTestId(`client-contracts-state-${ids.contract}`);
    expect(await contractState.textContent()).toBe('Aktivní');
    await expectOnScreen(contractLink, 390);
    await expectOnScreen(contractState, 390);
    // The invoice (the pattern the other two follow): number (its link), total, state and payment.
    const invoiceCard = page.getByTestId(`client-invoices-row-${ids.invoice}`);
    expect(await invoiceCard.getByRole('link').getAttribute('href')).toBe(`/invoices/${ids.invoice}`);
    const invoiceTotal = page.getByTestId(`client-invoices-total-${ids.invoice}`);
    expect(plain(await invoiceTotal.innerText())).toBe('9 680,00 Kč');
    for (const part of [invoiceTotal, invoiceCard.getByTestId('invoice-status'), invoiceCard.getByTestId('client-invoice-payment')]) {
      await expectOnScreen(part, 390);
    }
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await ticketCard.scrollIntoViewIfNeeded();
    await demo.shot(page, 'phone-client-tickets');
    await contractCard.scrollIntoViewIfNeeded();
    await demo.shot(page, 'phone-client-contracts');

    // The card's link is reached by the keyboard as the table's is: Enter on it opens the ticket.
    await ticketLink.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('page-ticket-detail').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/tickets/${ids.ticket}`);

    // Description, conversation and reply box first, the details after them (before the work log);
    // in the page's order too, so the keyboard meets them in that order.
    await page.getByTestId('timeline').waitFor();
    await page.getByTestId('records-panel').waitFor();
    const facts = await pageTop(page, 'ticket-facts');
    expect(await pageTop(page, 'timeline')).toBeLessThan(await pageTop(page, 'reply-box'));
    expect(await pageTop(page, 'reply-box')).toBeLessThan(facts);
    expect(facts).toBeLessThan(await pageTop(page, 'records-panel'));
    expect(await page.evaluate<boolean>(
      'Boolean(document.querySelector(\'[data-testid="reply-box"]\').compareDocumentPosition(document.querySelector(\'[data-testid="ticket-facts"]\')) & Node.DOCUMENT_POSITION_FOLLOWING)',
    )).toBe(true);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await demo.shot(page, 'phone-ticket-top');
    await page.getByTestId('ticket-facts').scrollIntoViewIfNeeded();
    await demo.shot(page, 'phone-ticket-details');

    // A wide screen keeps the details beside the conversation, at its top.
    const desk = await demo.newPage();
    await demo.signIn(desk, 'manager@kontor.demo');
    await desk.goto(`/tickets/${ids.ticket}`);
    await desk.getByTestId('timeline').waitFor();
    const deskFacts = (await desk.getByTestId('ticket-facts').boundingBox())!;
    const deskTimeline = (await desk.getByTestId('timeline').boundingBox())!;
    expect(deskFacts.x).toBeGreaterThan(deskTimeline.x + deskTimeline.width);
    expect(deskFacts.y).toBeLessThan(deskTimeline.y);
  }, JOURNEY_MS);

  test('a technician sees the tickets but no contracts or invoices; an accountant the contracts and invoices but no tickets', async () => {
    const technician = await demo.newPage();
    await demo.signIn(technician, 'technician@kontor.demo');
    await openClient(technician, ids.client);
    await technician.getByTestId('client-tickets').waitFor();
    await technician.getByTestId('client-tickets-count').waitFor();
    expect(await technician.getByTestId('client-contracts').count()).toBe(0);
    expect(await technician.getByTestId('client-invoices').count()).toBe(0);
    await demo.shot(technician, 'client-related-technician');

    const accountant = await demo.newPage();
    await demo.signIn(accountant, 'accountant@kontor.demo');
    await openClient(accountant, ids.client);
    await expect.poll(() => countOf(accountant, 'client-invoices')).toBe('1');
    await expect.poll(() => countOf(accountant, 'client-contracts')).toBe('1');
    expect(await accountant.getByTestId('client-tickets').count()).toBe(0);
  }, JOURNEY_MS);

  test('a client without any: each section says there is none yet', async () => {
    const page = await demo.newPage();
    await demo.signIn(page, 'admin@kontor.demo');
    const client = await apiCall<{ id: number }>(page, 'POST', '/clients', { name: 'Nový klient E2E s.r.o.' });
    await openClient(page, client.id);
    for (const [section, text] of [['client-tickets', 'Zatím žádné tikety'], ['client-contracts', 'Zatím žádné smlouvy'], ['client-invoices', 'Zatím žádné faktury']] as const) {
      await expect.poll(() => page.getByTestId(section).getByTestId('empty-state').textContent()).toBe(text);
      expect(await countOf(page, section)).toBe('0');
    }
    // No way to lists that would be empty too.
    expect(await page.getByTestId('client-tickets-all').count()).toBe(0);
    expect(await page.getByTestId('client-invoices-all').count()).toBe(0);
    await demo.shot(page, 'client-related-empty');
  }, JOURNEY_MS);
});
