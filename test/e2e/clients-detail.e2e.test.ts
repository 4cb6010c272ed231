// A client's page in the browser lists the client's tickets, contracts and invoices, each
// with how many there are and a link to every one of them, and only what the signed-in
// user may read: a technician sees the tickets, an accountant the contracts and invoices.
// A client without any says so in each section.
//
//   npm run build:web && npx vitest run test/e2e/clients-detail.e2e.test.ts
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { EXAMPLE_CLIENTS } from '../../src/cli/demo-billing.ts';
import { apiCall, plain, useDemoServer } from './harness.ts';

const STEP_MS = 15_000;
const JOURNEY_MS = 60_000;

/** The demo's example C (BILLING.md §5): one contract, one ticket and its September invoice, issued and not paid. */
const ids = { client: 0, contract: 0, ticket: 0, invoice: 0 };

const demo = useDemoServer({
  name: 'clients-detail',
  stepMs: STEP_MS,
  seed: async (_services, db) => {
    ids.client = (await db.selectFrom('clients').select('id').where('name', '=', EXAMPLE_CLIENTS.c.name).executeTakeFirstOrThrow()).id;
    ids.contract = (await db.selectFrom('contracts').select('id').where('client_id', '=', ids.client).executeTakeFirstOrThrow()).id;
    ids.ticket = (await db.selectFrom('tickets').select('id').where('client_id', '=', ids.client).executeTakeFirstOrThrow()).id;
    ids.invoice = (await db.selectFrom('invoices').select('id').where('client_id', '=', ids.client).where('state', '=', 'issued').executeTakeFirstOrThrow()).id;
  },
});

async function openClient(page: Page, clientId: number): Promise<void> {
  await page.goto(`/clients/${clientId}`);
  await page.getByTestId('page-client-detail').waitFor();
}

const countOf = (page: Page, section: string) => page.getByTestId(`${section}-count`).textContent();

describe("a client's tickets, contracts and invoices on its page", () => {
  test('a service manager sees all three with their counts and follows the links to the filtered lists', async () => {
    const page = await demo.newPage();
    await demo.signIn(page, 'manager@kontor.demo');
    await openClient(page, ids.client);

    await expect.poll(() => countOf(page, 'client-tickets')).toBe('1');
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
