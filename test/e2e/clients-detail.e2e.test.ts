// A client's page in the browser lists the client's tickets, contracts and invoices, each
// with how many there are and a link to every one of them, and only what the signed-in
// user may read: a technician sees the tickets, an accountant the contracts and invoices.
// A client without any says so in each section. On a phone (390×844) the three sections are
// cards, each with what the table row shows and its link, and the page never scrolls sideways;
// the ticket opened from its card shows the conversation and the reply box before the details.
// The client's contacts are cards on a phone too, their edit button on screen. A client contact
// finds their own company under "Your organisation" and on the home page's card, straight on its
// page (the session names it), and never sees the provider's internal notes on it (which staff do).
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
const ids = { client: 0, contract: 0, ticket: 0, invoice: 0, ownClient: 0, ownContact: 0 };
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
    // The demo's client contact and the organisation they belong to.
    ids.ownClient = (await db.selectFrom('users').select('client_id').where('email', '=', 'client@kontor.demo').executeTakeFirstOrThrow()).client_id!;
    ids.ownContact = (await db.selectFrom('contacts').select('id').where('client_id', '=', ids.ownClient).orderBy('id').executeTakeFirstOrThrow()).id;
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
  test("a client contact: \"Vaše organizace\" opens the own company's page, without the provider's internal notes (which staff see)", async () => {
    const NOTE = 'Interní: platí pozdě, neposkytovat slevy.';
    const admin = await demo.newPage();
    await demo.signIn(admin, 'admin@kontor.demo');
    const before = await apiCall<{ version: number }>(admin, 'GET', `/clients/${ids.ownClient}`);
    await apiCall(admin, 'PATCH', `/clients/${ids.ownClient}`, { notes: NOTE, version: before.version });
    await openClient(admin, ids.ownClient);
    expect(await admin.getByTestId('client-detail-notes').innerText()).toBe(NOTE);

    const page = await demo.newPage();
    const clientLists: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/v1/clients') clientLists.push(r.url());
    });
    await demo.signIn(page, 'client@kontor.demo');
    await page.getByTestId('page-dashboard').waitFor();
    const nav = page.getByTestId('nav-organisation');
    expect(await nav.innerText()).toBe('Vaše organizace');
    expect(await page.getByTestId('nav-clients').count()).toBe(0);
    // The session names the own organisation (clientId): the menu and the home page's card lead
    // straight to its page from the start, and no list of clients is asked for to find it.
    expect(await nav.getAttribute('href')).toBe(`/clients/${ids.ownClient}`);
    expect(await page.getByTestId('dashboard-organisation').getAttribute('href')).toBe(`/clients/${ids.ownClient}`);
    await nav.click();
    await page.getByTestId('page-client-detail').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/clients/${ids.ownClient}`);
    await page.getByTestId(`contacts-row-${ids.ownContact}`).waitFor();
    // Neither on the page nor in what the API answers the browser.
    expect(await page.getByTestId('client-detail-notes').count()).toBe(0);
    expect(await page.getByTestId('page-client-detail').innerText()).not.toContain(NOTE);
    expect(await apiCall<object>(page, 'GET', `/clients/${ids.ownClient}`)).not.toHaveProperty('notes');
    // One organisation: no list to go back to, no status filters; /clients leads to its page.
    expect(await page.getByTestId('client-back').count()).toBe(0);
    expect(await admin.getByTestId('client-back').count()).toBe(1);
    // The client's pages bind no key but "?": no header hint to the shortcuts.
    expect(await page.getByTestId('shortcut-help-hint').count()).toBe(0);
    await demo.shot(page, 'client-contact-organisation');
    await page.goto('/clients');
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/clients/${ids.ownClient}`);
    await page.getByTestId('page-client-detail').waitFor();
    expect(await page.getByTestId('clients-active-filter').count()).toBe(0);
    expect(clientLists).toEqual([]);
    // Staff keep the header's hint.
    expect(await admin.getByTestId('shortcut-help-hint').count()).toBe(1);
  }, JOURNEY_MS);

  test('phone (390×844): the contacts are cards, edit button, e-mail, portal access and status on screen; the client contact gets the cards too', async () => {
    const page = await demo.newPage({ context: PHONE });
    await demo.signIn(page, 'manager@kontor.demo');
    await openClient(page, ids.ownClient);
    await expect.poll(() => page.getByTestId('contacts-table').getAttribute('data-layout')).toBe('cards');
    const card = page.getByTestId(`contacts-row-${ids.ownContact}`);
    const contact = await apiCall<{ items: { id: number; name: string; email: string | null }[] }>(page, 'GET', `/clients/${ids.ownClient}/contacts`);
    const shown = contact.items.find((c) => c.id === ids.ownContact)!;
    const text = plain(await card.innerText());
    expect(text).toContain(shown.name);
    if (shown.email) expect(text).toContain(shown.email);
    for (const part of [page.getByTestId(`contacts-edit-${ids.ownContact}`), page.getByTestId(`contacts-portal-${ids.ownContact}`), card.getByText(shown.name)]) {
      await expectOnScreen(part, 390);
    }
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await card.scrollIntoViewIfNeeded();
    await demo.shot(page, 'phone-client-contacts');
    // The edit button opens the contact's form.
    await page.getByTestId(`contacts-edit-${ids.ownContact}`).click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');

    const client = await demo.newPage({ context: PHONE });
    await demo.signIn(client, 'client@kontor.demo');
    await client.getByTestId('nav-burger').click();
    expect(await client.getByTestId('nav-organisation').innerText()).toBe('Vaše organizace');
    await client.getByTestId('nav-organisation').click();
    await client.getByTestId('page-client-detail').waitFor();
    await expect.poll(() => client.getByTestId('contacts-table').getAttribute('data-layout')).toBe('cards');
    expect(await client.getByTestId(`contacts-edit-${ids.ownContact}`).count()).toBe(0);
    expect(await client.getByTestId('client-detail-notes').count()).toBe(0);
    expect(await scrollWidth(client)).toBeLessThanOrEqual(390);
    await client.getByTestId(`contacts-row-${ids.ownContact}`).scrollIntoViewIfNeeded();
    await demo.shot(client, 'phone-client-contact-contacts');
  }, JOURNEY_MS);
});
